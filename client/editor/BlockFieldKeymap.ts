import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model';
import { Plugin, PluginKey, Selection, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { createListEntry } from './fieldViews/createListEntry.js';

const LIST_ENTRY_TYPES = new Set(['blockLineItem', 'directionAction']);

/**
 * Keyboard use inside typed blocks: Tab and Shift+Tab move between the
 * block's text fields, Enter in a single-line field moves to the next one,
 * Enter in a list entry starts the next entry (an empty one ends the list),
 * Backspace in an empty entry removes it. Also: tabbing into the editor
 * puts the caret at the start of the first section, so typed text has a place.
 */
export const BlockFieldKeymap = Extension.create({
  name: 'blockFieldKeymap',

  // Below the list extensions, so Tab still indents a bullet inside a description.
  priority: 50,

  addKeyboardShortcuts() {
    return {
      Tab: ({ editor }) => moveToField(editor.state, 1, (transaction) => editor.view.dispatch(transaction)),
      'Shift-Tab': ({ editor }) => moveToField(editor.state, -1, (transaction) => editor.view.dispatch(transaction)),
      Enter: ({ editor }) => enterInField(editor.state, (transaction) => editor.view.dispatch(transaction)),
      Backspace: ({ editor }) => removeEmptyEntry(editor.state, (transaction) => editor.view.dispatch(transaction)),
    };
  },

  addProseMirrorPlugins() {
    let lastPointerDown = 0;
    let hasPlacedCaret = false;
    return [
      new Plugin({
        key: new PluginKey('caretOnKeyboardFocus'),
        props: {
          handleDOMEvents: {
            mousedown: () => {
              lastPointerDown = Date.now();
              hasPlacedCaret = true;
              return false;
            },
            focus: (view) => {
              // Focus that follows a click places the caret itself.
              if (hasPlacedCaret || Date.now() - lastPointerDown < 500) return false;
              hasPlacedCaret = true;
              // ProseMirror draws its selection into the DOM only ~20 ms after focus; keys typed
              // meanwhile would go nowhere, so the caret is drawn here at once.
              const start = Selection.atStart(view.state.doc);
              if (!start.eq(view.state.selection)) view.dispatch(view.state.tr.setSelection(start));
              const { node, offset } = view.domAtPos(start.from);
              view.dom.ownerDocument.getSelection()?.collapse(node, offset);
              return false;
            },
          },
        },
      }),
    ];
  },
});

type Dispatch = (transaction: Transaction) => void;

interface BlockAround {
  node: ProseMirrorNode;
  /** Position before the block. */
  position: number;
}

/** The typed block holding the position, if any. */
function typedBlockAround($position: ResolvedPos): BlockAround | null {
  for (let depth = $position.depth; depth > 0; depth -= 1) {
    const node = $position.node(depth);
    if (node.type.spec.group?.split(' ').includes('planBlock')) return { node, position: $position.before(depth) };
  }
  return null;
}

/** Start positions (inside) of every textblock of the block, in document order. */
function textblockStarts(block: BlockAround): number[] {
  const starts: number[] = [];
  block.node.descendants((node, offset) => {
    if (node.isTextblock) {
      starts.push(block.position + 1 + offset + 1);
      return false;
    }
    return true;
  });
  return starts;
}

function moveToField(state: EditorState, direction: 1 | -1, dispatch: Dispatch): boolean {
  const { $from } = state.selection;
  const block = typedBlockAround($from);
  if (block === null || !$from.parent.isTextblock) return false;
  const current = $from.start();
  const starts = textblockStarts(block);
  const index = starts.indexOf(current);
  const target = starts[index + direction];
  if (target !== undefined) {
    const $target = state.doc.resolve(target);
    const caret = direction === 1 ? target : $target.end();
    dispatch(state.tr.setSelection(TextSelection.create(state.doc, caret)).scrollIntoView());
    return true;
  }
  // Past the last or before the first field: leave the block for the text around it.
  const outside = direction === 1 ? block.position + block.node.nodeSize : block.position;
  const found = Selection.findFrom(state.doc.resolve(outside), direction, true);
  if (found !== null) dispatch(state.tr.setSelection(found).scrollIntoView());
  return true;
}

function enterInField(state: EditorState, dispatch: Dispatch): boolean {
  const { $from, empty } = state.selection;
  const parent = $from.parent;
  if (!empty) return false;
  if (parent.type.name === 'blockLine') return moveToField(state, 1, dispatch);
  if (!LIST_ENTRY_TYPES.has(parent.type.name)) return false;
  const entryPosition = $from.before();
  if (parent.content.size === 0) {
    // An empty entry ends the list: drop it and go on to the next field.
    const transaction = state.tr.delete(entryPosition, entryPosition + parent.nodeSize);
    const block = typedBlockAround(transaction.doc.resolve(Math.min(entryPosition, transaction.doc.content.size)));
    if (block !== null) {
      const next = textblockStarts(block).find((start) => start > entryPosition);
      const target = next ?? Selection.findFrom(transaction.doc.resolve(block.position + block.node.nodeSize), 1, true)?.from;
      if (target !== undefined) transaction.setSelection(TextSelection.create(transaction.doc, target));
    }
    dispatch(transaction.scrollIntoView());
    return true;
  }
  const list = $from.node($from.depth - 1);
  const created = createListEntry(list, $from.node($from.depth - 2), state.schema);
  if (created === null || created.caretOffset === null) return false;
  const insertAt = entryPosition + parent.nodeSize;
  const transaction = state.tr.insert(insertAt, created.entry);
  transaction.setSelection(TextSelection.create(transaction.doc, insertAt + created.caretOffset));
  dispatch(transaction.scrollIntoView());
  return true;
}

function removeEmptyEntry(state: EditorState, dispatch: Dispatch): boolean {
  const { $from, empty } = state.selection;
  const parent = $from.parent;
  if (!empty || !LIST_ENTRY_TYPES.has(parent.type.name) || parent.content.size !== 0) return false;
  const entryPosition = $from.before();
  const transaction = state.tr.delete(entryPosition, entryPosition + parent.nodeSize);
  const previous = Selection.findFrom(transaction.doc.resolve(entryPosition), -1, true);
  if (previous !== null) transaction.setSelection(previous);
  dispatch(transaction.scrollIntoView());
  return true;
}
