import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The class that turns off `content-visibility: auto` for the typed block holding the caret (planEditor.css). */
export const CARET_BLOCK_CLASS = 'plan-block--holds-caret';

const caretBlockKey = new PluginKey('caretBlockRendered');

/**
 * Chromium works harder on every key typed inside an element with
 * `content-visibility: auto` than outside one (a 150-block plan: ~5 ms of
 * main-thread time per key in a block field, mostly the input method's view
 * of the text and the frame's commit), although the element is on screen.
 * The block holding the caret is on screen anyway, so it gets plain
 * rendering (a class, not `:focus-within`: switching on focus crashed
 * Chromium 156's renderer, see planEditor.css); every other block keeps
 * being skipped while off screen.
 */
export const CaretBlockRendered = Extension.create({
  name: 'caretBlockRendered',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: caretBlockKey,
        view: (view) => {
          let marked: HTMLElement | null = null;
          const mark = (state: EditorState): void => {
            const block = caretBlockElement(view, state);
            if (block === marked) return;
            marked?.classList.remove(CARET_BLOCK_CLASS);
            block?.classList.add(CARET_BLOCK_CLASS);
            marked = block;
          };
          mark(view.state);
          return {
            update: (updated, previous) => {
              if (updated.state.selection.eq(previous.selection) && updated.state.doc === previous.doc && marked?.isConnected !== false) return;
              mark(updated.state);
            },
            destroy: () => marked?.classList.remove(CARET_BLOCK_CLASS),
          };
        },
      }),
    ];
  },
});

/** The DOM of the typed block (node group `planBlock`) around the selection's head, if any. */
function caretBlockElement(view: EditorView, state: EditorState): HTMLElement | null {
  const $head = state.selection.$head;
  for (let depth = $head.depth; depth > 0; depth--) {
    if (!$head.node(depth).type.spec.group?.split(' ').includes('planBlock')) continue;
    const dom = view.nodeDOM($head.before(depth));
    return dom instanceof HTMLElement ? dom : null;
  }
  return null;
}
