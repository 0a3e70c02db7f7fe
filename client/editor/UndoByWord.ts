import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';

/**
 * Undo word by word: Yjs's undo manager merges everything typed within half
 * a second into one step, so undo after a typed sentence took all of it.
 * After the member types a space or a line break, the next change starts a
 * new step. Remote changes never enter the member's undo stack (the undo
 * manager tracks only this editor's own origin), in section text and in
 * block fields alike.
 */
export const UndoByWord = Extension.create({
  name: 'undoByWord',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('undoByWord'),
        appendTransaction: (transactions, _oldState, newState) => {
          const typedWordBreak = transactions.some(
            (transaction) =>
              transaction.getMeta(ySyncPluginKey) === undefined &&
              transaction.steps.some((step) => step instanceof ReplaceStep && /\s/.test(step.slice.content.textBetween(0, step.slice.content.size, '\n'))),
          );
          if (typedWordBreak) {
            const undoManager = yUndoPluginKey.getState(newState)?.undoManager;
            // After this dispatch, once the sync plugin has written the word break into Yjs.
            if (undoManager !== undefined) queueMicrotask(() => undoManager.stopCapturing());
          }
          return null;
        },
      }),
    ];
  },
});
