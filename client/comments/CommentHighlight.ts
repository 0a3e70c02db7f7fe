import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { CommentStore } from './CommentStore.js';
import { encodeSelectionAnchor } from './encodeSelectionAnchor.js';
import { orderThreads } from './orderThreads.js';
import { revealSidePanelTab } from './revealSidePanelTab.js';

export interface CommentHighlightOptions {
  store: CommentStore | null;
}

export const commentHighlightKey = new PluginKey<DecorationSet>('commentHighlight');

/** Shortcut that opens the comment composer for the selection (also on the toolbar). */
export const COMMENT_SHORTCUT = 'Mod-Alt-m';

/** The comments tab's id in the workspace side panel. */
export const COMMENTS_TAB_ID = 'comments';

/**
 * Highlights the text (or block) of every open thread (and of a focused resolved one);
 * a click on a highlight focuses its thread in the side panel.
 *
 * Positions come from Yjs relative positions through y-tiptap's mapping, which
 * is only current after the sync plugin's view update. So a transaction maps
 * the existing highlights, and the plugin view then recomputes them from the
 * anchors on the next tick, with the mapping up to date.
 */
export const CommentHighlight = Extension.create<CommentHighlightOptions>({
  name: 'commentHighlight',

  addOptions() {
    return { store: null };
  },

  addKeyboardShortcuts() {
    return {
      [COMMENT_SHORTCUT]: () => {
        const anchor = encodeSelectionAnchor(this.editor.state);
        if (this.options.store === null || anchor === null) return false;
        this.options.store.startComment(anchor);
        revealSidePanelTab(COMMENTS_TAB_ID);
        return true;
      },
    };
  },

  onCreate() {
    this.options.store?.attachEditor(this.editor);
  },

  onDestroy() {
    if (this.options.store?.editor === this.editor) this.options.store.attachEditor(null);
  },

  addProseMirrorPlugins() {
    const store = this.options.store;
    if (store === null) return [];
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (transaction, decorations) => {
            const replaced = transaction.getMeta(commentHighlightKey) as DecorationSet | undefined;
            if (replaced !== undefined) return replaced;
            return transaction.docChanged ? decorations.map(transaction.mapping, transaction.doc) : decorations;
          },
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state),
          handleClick: (_view, _position, event) => {
            const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
            const threadId = target?.getAttribute('data-thread-id');
            if (threadId === null || threadId === undefined) return false;
            store.focusThread(threadId);
            revealSidePanelTab(COMMENTS_TAB_ID);
            return false;
          },
        },
        view: (view) => {
          let timer: ReturnType<typeof setTimeout> | null = null;
          let documentChanged = false;
          const recompute = (): void => {
            timer = null;
            if (view.isDestroyed) return;
            // Once per tick, not per keystroke: the panel re-sorts its threads on this.
            if (documentChanged) store.noteDocumentChanged();
            documentChanged = false;
            const decorations = buildDecorations(view.state, store);
            // Mostly the mapped highlights are already right (typing away from them): then no transaction at all,
            // as each one runs every plugin and view update of a big plan again.
            const current = commentHighlightKey.getState(view.state);
            if (current !== undefined && sameDecorations(current.find(), decorations.find())) return;
            view.dispatch(view.state.tr.setMeta(commentHighlightKey, decorations).setMeta('addToHistory', false));
          };
          const schedule = (): void => {
            if (timer === null) timer = setTimeout(recompute, 0);
          };
          let last = store.getSnapshot();
          const unsubscribe = store.subscribe(() => {
            const next = store.getSnapshot();
            const isSame = next.threads === last.threads && next.focusedThreadId === last.focusedThreadId && next.filter === last.filter;
            last = next;
            if (!isSame) schedule();
          });
          schedule();
          return {
            update: (updated, previousState) => {
              if (updated.state.doc === previousState.doc) return;
              documentChanged = true;
              schedule();
            },
            destroy: () => {
              unsubscribe();
              if (timer !== null) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});

function buildDecorations(state: EditorState, store: CommentStore): DecorationSet {
  const { threads, focusedThreadId, filter } = store.getSnapshot();
  const decorations: Decoration[] = [];
  for (const { thread, range } of orderThreads(threads, state)) {
    // A thread on a whole section is shown in the panels only: highlighting the whole chapter would hide every other highlight in it.
    if (range === null || range.kind === 'section') continue;
    const isFocused = thread.id === focusedThreadId;
    // A resolved thread shows only while someone looks at it among the resolved ones.
    if (thread.status !== 'open' && !(isFocused && filter !== 'open')) continue;
    const attributes = {
      class: `comment-highlight${isFocused ? ' comment-highlight--focused' : ''}`,
      'data-thread-id': thread.id,
    };
    const spec = { key: `${thread.id} ${isFocused ? 'focused' : ''}` };
    decorations.push(range.kind === 'block' ? Decoration.node(range.from, range.to, attributes, spec) : Decoration.inline(range.from, range.to, attributes, spec));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Whether two lists of highlights cover the same ranges for the same threads, shown the same way. */
function sameDecorations(a: readonly Decoration[], b: readonly Decoration[]): boolean {
  const keys = (list: readonly Decoration[]): string[] =>
    list.map((decoration) => `${decoration.from} ${decoration.to} ${String((decoration.spec as { key?: unknown }).key)}`).sort();
  const left = keys(a);
  const right = keys(b);
  return left.length === right.length && left.every((key, index) => key === right[index]);
}
