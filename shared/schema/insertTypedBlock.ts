import type { CommandProps, JSONContent } from '@tiptap/core';
import { NodeSelection, TextSelection, type Transaction } from '@tiptap/pm/state';

/**
 * Inserts a typed block at the selection: after the selected block when a
 * whole block is selected, after the enclosing block when the caret is in one
 * of its fields (blocks do not nest), else at the caret. The caret then goes
 * to the new block's first text field (its title), ready to type.
 */
export function insertTypedBlock({ commands, state }: CommandProps, content: JSONContent): boolean {
  const { selection } = state;
  const enclosing = enclosingTypedBlockEnd(selection.$from);
  const inserted =
    enclosing !== null
      ? commands.insertContentAt(enclosing, content)
      : selection instanceof NodeSelection
        ? commands.insertContentAt(selection.to, content)
        : commands.insertContent(content);
  if (!inserted) return false;
  return commands.command(({ tr }) => {
    placeCaretInBlock(tr, content.type ?? '', content.attrs?.['id']);
    return true;
  });
}

function enclosingTypedBlockEnd($position: NodeSelection['$from']): number | null {
  for (let depth = $position.depth; depth > 0; depth -= 1) {
    if ($position.node(depth).type.spec.group?.split(' ').includes('planBlock')) return $position.after(depth);
  }
  return null;
}

function placeCaretInBlock(tr: Transaction, type: string, id: unknown): void {
  let target: number | null = null;
  tr.doc.descendants((node, position) => {
    if (target !== null) return false;
    if (node.type.name === type && node.attrs['id'] === id) {
      // Inside the block and inside its first child (the title line).
      target = position + 2;
      return false;
    }
    return true;
  });
  if (target !== null) tr.setSelection(TextSelection.create(tr.doc, target)).scrollIntoView();
}
