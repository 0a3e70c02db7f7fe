import { Extension } from '@tiptap/core';
import { Plugin, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { SUGGESTION_DELETION } from '../../../shared/suggestions/SuggestionAttributes.js';
import { collectSuggestions, type Suggestion } from './collectSuggestions.js';
import { resolveSuggestions } from './resolveSuggestions.js';
import type { SuggestionAuthor } from './SuggestionAuthor.js';
import { suggestDeletion, suggestReplacement } from './suggestEdits.js';
import { recordFormatSuggestion, suggestableFormatRanges } from './suggestFormatting.js';
import { suggestionPluginKey } from './suggestionMeta.js';

export interface SuggestionModeOptions {
  author: SuggestionAuthor;
  /** The author's caret colour now (the server may give another than at start), read at each suggestion. */
  currentColor: (() => string) | null;
  /** Suggest-only members: always suggesting, the toggle does nothing. */
  isSuggestOnly: boolean;
}

export interface SuggestionModeStorage {
  isSuggesting: boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestionMode: {
      /** Switches between editing and suggesting (a suggest-only member stays suggesting). */
      setSuggesting: (isSuggesting: boolean) => ReturnType;
      toggleSuggesting: () => ReturnType;
      /** Accepts (or rejects) the suggestions with these ids; by one author when `authorId` is given. */
      resolveSuggestions: (options: { ids?: readonly string[]; authorId?: string; isAccepting: boolean }) => ReturnType;
    };
  }
  interface Storage {
    suggestionMode: SuggestionModeStorage;
  }
}

/**
 * Suggesting ("Sugerowanie"): typed text becomes the author's suggested
 * insertion, Backspace/Delete and typing over a selection mark text as their
 * suggested deletion, pasting suggests the pasted text, and toggling bold or
 * italic over a selection is applied with the author's formatting-suggestion
 * mark recording the change. Every other change to the document (structure,
 * other formatting, block attributes) is held back while suggesting, as the
 * server would refuse it from a suggest-only member; remote changes and the
 * accept/reject commands pass.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions, SuggestionModeStorage>({
  name: 'suggestionMode',

  addOptions() {
    return { author: { id: '', name: '', color: '#6b7280' }, currentColor: null, isSuggestOnly: false };
  },

  addStorage() {
    return { isSuggesting: this.options.isSuggestOnly };
  },

  addCommands() {
    return {
      setSuggesting:
        (isSuggesting) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            this.storage.isSuggesting = isSuggesting || this.options.isSuggestOnly;
            // An empty transaction so toolbar state (useEditorState) sees the change.
            tr.setMeta(suggestionPluginKey, { modeChanged: true });
          }
          return true;
        },
      toggleSuggesting:
        () =>
        ({ commands }) =>
          commands.setSuggesting(!this.storage.isSuggesting),
      resolveSuggestions:
        ({ ids, authorId, isAccepting }) =>
        ({ tr, state, dispatch }) => {
          const chosen = collectSuggestions(state.doc).filter(
            (suggestion: Suggestion) => (ids === undefined || ids.includes(suggestion.id)) && (authorId === undefined || suggestion.authorId === authorId),
          );
          if (chosen.length === 0) return false;
          if (dispatch) {
            resolveSuggestions(tr, chosen, isAccepting);
            tr.setMeta(suggestionPluginKey, { resolved: true });
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-Shift-x': () => this.editor.commands.toggleSuggesting(),
    };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    const { author: start, currentColor } = this.options;
    const authorNow = (): SuggestionAuthor => (currentColor === null ? start : { ...start, color: currentColor() });
    const isSuggesting = (): boolean => storage.isSuggesting;
    const dispatchSuggested = (view: EditorView, build: (tr: Transaction) => void): boolean => {
      const tr = view.state.tr;
      build(tr);
      tr.setMeta(suggestionPluginKey, { suggested: true });
      view.dispatch(tr.scrollIntoView());
      return true;
    };
    const deleteFromKey = (view: EditorView, direction: -1 | 1): boolean => {
      const { selection, doc } = view.state;
      if (!selection.empty) {
        const { from, to } = selection;
        return dispatchSuggested(view, (tr) => {
          suggestDeletion(tr, from, to, authorNow());
          tr.setSelection(TextSelection.create(tr.doc, direction < 0 ? tr.mapping.map(from) : tr.mapping.map(to)));
        });
      }
      const $cursor = selection.$from;
      if (!$cursor.parent.inlineContent) return true;
      // Step over text already suggested for deletion, then take one character more.
      let pos = $cursor.pos;
      const edge = direction < 0 ? $cursor.start() : $cursor.end();
      const isDeletedAt = (at: number): boolean => {
        const node = direction < 0 ? doc.resolve(at).nodeBefore : doc.resolve(at).nodeAfter;
        return node?.marks.some((mark) => mark.type.name === SUGGESTION_DELETION) ?? false;
      };
      while (pos !== edge && isDeletedAt(pos)) pos += direction;
      if (pos === edge) {
        // Nothing left to delete in this block: never join blocks while suggesting.
        return dispatchSuggested(view, (tr) => tr.setSelection(TextSelection.create(tr.doc, pos)));
      }
      const from = direction < 0 ? pos - 1 : pos;
      const to = direction < 0 ? pos : pos + 1;
      return dispatchSuggested(view, (tr) => {
        suggestDeletion(tr, from, to, authorNow());
        tr.setSelection(TextSelection.create(tr.doc, direction < 0 ? tr.mapping.map(from) : tr.mapping.map(to)));
      });
    };

    return [
      new Plugin({
        key: suggestionPluginKey,
        filterTransaction: (tr: Transaction) => {
          if (!storage.isSuggesting || !tr.docChanged) return true;
          if (tr.getMeta(suggestionPluginKey) !== undefined || tr.getMeta(ySyncPluginKey) !== undefined) return true;
          return suggestableFormatRanges(tr, start.id) !== null;
        },
        // A bold/italic toggle the filter let through becomes a formatting suggestion in the same update.
        appendTransaction: (transactions, oldState, newState) => {
          const changes = transactions.filter((tr) => tr.docChanged);
          if (!storage.isSuggesting || changes.length === 0) return null;
          if (changes.some((tr) => tr.getMeta(suggestionPluginKey) !== undefined || tr.getMeta(ySyncPluginKey) !== undefined)) return null;
          const ranges = changes.map((tr) => suggestableFormatRanges(tr, start.id));
          if (ranges.some((each) => each === null)) return null;
          const tr = newState.tr;
          recordFormatSuggestion(tr, oldState.doc, ranges.flatMap((each) => each ?? []), authorNow());
          return tr.docChanged ? tr.setMeta(suggestionPluginKey, { suggested: true }) : null;
        },
        props: {
          handleTextInput: (view, from, to, text) => {
            if (!isSuggesting()) return false;
            return dispatchSuggested(view, (tr) => {
              const end = suggestReplacement(tr, from, to, text, authorNow());
              tr.setSelection(TextSelection.create(tr.doc, end));
            });
          },
          handleKeyDown: (view, event) => {
            if (!isSuggesting() || event.isComposing) return false;
            if (event.key === 'Backspace' && !event.ctrlKey && !event.metaKey && !event.altKey) return deleteFromKey(view, -1);
            if (event.key === 'Delete' && !event.ctrlKey && !event.metaKey && !event.altKey) return deleteFromKey(view, 1);
            return false;
          },
          handlePaste: (view, event) => {
            if (!isSuggesting()) return false;
            const text = event.clipboardData?.getData('text/plain').replace(/\s*\n\s*/g, ' ') ?? '';
            if (text === '') return true;
            const { from, to } = view.state.selection;
            return dispatchSuggested(view, (tr) => {
              const end = suggestReplacement(tr, from, to, text, authorNow());
              tr.setSelection(TextSelection.create(tr.doc, end));
            });
          },
          handleDrop: () => isSuggesting(),
        },
      }),
    ];
  },
});

