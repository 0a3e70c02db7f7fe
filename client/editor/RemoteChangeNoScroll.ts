import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const remoteChangeKey = new PluginKey<boolean>('remoteChangeNoScroll');

/**
 * y-tiptap asks ProseMirror to scroll to our caret after every remote change
 * while the caret is on screen, and ProseMirror measures the caret for that
 * (a forced layout of the page after each collaborator's keystroke). The
 * caret stays where it is on screen without it: the browser anchors the
 * scroll position to the content in view (CSS scroll anchoring) when text
 * above grows. So the scroll request of a remote change is answered as done;
 * our own changes (undo and redo included) scroll as always.
 */
export const RemoteChangeNoScroll = Extension.create({
  name: 'remoteChangeNoScroll',

  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key: remoteChangeKey,
        state: {
          init: () => false,
          apply: (transaction) => {
            const meta = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
            // Undo and redo come through Yjs too, but they are ours: they scroll to what they changed.
            return meta?.isChangeOrigin === true && meta.isUndoRedoOperation !== true;
          },
        },
        props: {
          handleScrollToSelection: (view) => remoteChangeKey.getState(view.state) === true,
        },
      }),
    ];
  },
});
