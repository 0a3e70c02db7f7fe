import type { CommandProps, JSONContent } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';

/**
 * Inserts a block at the selection, or after the selected block when a whole
 * block is selected (a freshly inserted atom stays selected, and replacing it
 * with the next insert would lose it).
 */
export function insertTypedBlock({ commands, state }: CommandProps, content: JSONContent): boolean {
  const { selection } = state;
  return selection instanceof NodeSelection
    ? commands.insertContentAt(selection.to, content)
    : commands.insertContent(content);
}
