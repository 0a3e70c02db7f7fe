import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { filterInsertItems } from '../insertItems.js';

export interface SlashMenuState {
  isActive: boolean;
  query: string;
  /** The "/query" text to replace. */
  from: number;
  to: number;
  selectedIndex: number;
  /** Set by Escape: the menu stays closed for the "/" at this position. */
  dismissedAt: number | null;
}

type SlashMeta = { type: 'move'; delta: number } | { type: 'dismiss' } | { type: 'select'; index: number };

export const slashMenuKey = new PluginKey<SlashMenuState>('slashMenu');

const CLOSED: SlashMenuState = { isActive: false, query: '', from: 0, to: 0, selectedIndex: 0, dismissedAt: null };
const SLASH_QUERY = /^\/([\p{L}\p{N} ]{0,30})$/u;

/** The id of the option element for `aria-activedescendant`. */
export const slashOptionId = (index: number): string => `slash-menu-option-${index}`;
export const SLASH_MENU_ID = 'slash-menu';

/**
 * "/" typed into an empty paragraph opens the insert menu: the plugin tracks
 * the query and the highlighted item, handles the arrow keys, Enter and
 * Escape; the React SlashMenu only draws it.
 */
export const SlashCommand = Extension.create({
  name: 'slashCommand',

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin<SlashMenuState>({
        key: slashMenuKey,
        state: {
          init: () => CLOSED,
          apply(transaction, previous, _oldState, newState) {
            const meta = transaction.getMeta(slashMenuKey) as SlashMeta | undefined;
            const match = matchSlash(newState);
            if (match === null) return CLOSED;
            const dismissedAt = previous.dismissedAt === match.from ? previous.dismissedAt : null;
            if (meta?.type === 'dismiss') return { ...CLOSED, dismissedAt: match.from };
            if (dismissedAt !== null) return { ...CLOSED, dismissedAt };
            const count = filterInsertItems(match.query).length;
            let selectedIndex = previous.isActive && previous.query === match.query ? previous.selectedIndex : 0;
            if (meta?.type === 'move' && count > 0) selectedIndex = (selectedIndex + meta.delta + count) % count;
            if (meta?.type === 'select') selectedIndex = meta.index;
            return { isActive: true, query: match.query, from: match.from, to: match.to, selectedIndex, dismissedAt: null };
          },
        },
        props: {
          handleKeyDown(view, event) {
            const state = slashMenuKey.getState(view.state);
            if (state === undefined || !state.isActive) return false;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              view.dispatch(view.state.tr.setMeta(slashMenuKey, { type: 'move', delta: event.key === 'ArrowDown' ? 1 : -1 }));
              return true;
            }
            if (event.key === 'Escape') {
              view.dispatch(view.state.tr.setMeta(slashMenuKey, { type: 'dismiss' }));
              return true;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              const items = filterInsertItems(state.query);
              if (items.length === 0) return false;
              runSlashItem(editor, state.selectedIndex);
              return true;
            }
            return false;
          },
          attributes(state): Record<string, string> {
            const menu = slashMenuKey.getState(state);
            if (menu === undefined || !menu.isActive) return {};
            return { 'aria-controls': SLASH_MENU_ID, 'aria-activedescendant': slashOptionId(menu.selectedIndex) };
          },
        },
      }),
    ];
  },
});

/** Replaces the "/query" text with the chosen item. */
export function runSlashItem(editor: Editor, index: number): void {
  const state = slashMenuKey.getState(editor.state);
  if (state === undefined || !state.isActive) return;
  const item = filterInsertItems(state.query)[index];
  if (item === undefined) return;
  editor.chain().focus().deleteRange({ from: state.from, to: state.to }).run();
  item.run(editor);
}

function matchSlash(state: EditorState): { query: string; from: number; to: number } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  const parent = $from.parent;
  // Only a paragraph directly in a section: a "/" inside a list item or quote is just text.
  if (parent.type.name !== 'paragraph' || $from.depth < 1 || $from.node($from.depth - 1).type.name !== 'planSection') return null;
  if ($from.parentOffset !== parent.content.size) return null;
  const match = SLASH_QUERY.exec(parent.textContent);
  if (match === null) return null;
  const from = $from.start();
  return { query: match[1] ?? '', from, to: from + parent.content.size };
}
