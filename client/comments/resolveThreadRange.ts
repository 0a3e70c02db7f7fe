import type { EditorState } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/deliberation/CommentThread.js';
import { syncBinding } from './encodeSelectionAnchor.js';

export interface ThreadRange {
  from: number;
  to: number;
  /** A run of text, a whole typed block, or a whole section. */
  kind: 'text' | 'block' | 'section';
}

/**
 * Where a thread's anchor sits in the document now, or null when its text
 * (or block, or section) has been deleted. Both ends of a range collapsing onto one point
 * also means everything quoted is gone.
 */
export function resolveThreadRange(state: EditorState, anchor: CommentAnchor): ThreadRange | null {
  if (anchor.kind === 'block') return findBlock(state, anchor.blockId);
  if (anchor.kind === 'section') return findSection(state, anchor.sectionKey);
  // A suggestion's thread is shown on the suggestion's card, which finds its text itself.
  if (anchor.kind === 'suggestion') return null;
  const binding = syncBinding(state);
  if (binding === null) return null;
  const from = toAbsolute(binding, anchor.start);
  const to = toAbsolute(binding, anchor.end);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return { from, to, kind: 'text' };
}

function toAbsolute(binding: NonNullable<ReturnType<typeof syncBinding>>, encoded: string): number | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    return relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
  } catch {
    return null;
  }
}

function findBlock(state: EditorState, blockId: string): ThreadRange | null {
  let found: ThreadRange | null = null;
  state.doc.descendants((node, position) => {
    if (found !== null) return false;
    if (node.attrs['id'] === blockId && !node.isText) {
      found = { from: position, to: position + node.nodeSize, kind: 'block' };
      return false;
    }
    return true;
  });
  return found;
}

function findSection(state: EditorState, sectionKey: string): ThreadRange | null {
  let found: ThreadRange | null = null;
  // Sections are the document's children and nothing else (planSection), so only the top level is searched.
  state.doc.forEach((node, offset) => {
    if (found === null && node.type.name === 'planSection' && node.attrs['key'] === sectionKey) found = { from: offset, to: offset + node.nodeSize, kind: 'section' };
  });
  return found;
}

function fromBase64(encoded: string): Uint8Array {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
