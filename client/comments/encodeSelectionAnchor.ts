import { NodeSelection, type EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor } from '../../shared/deliberation/CommentThread.js';

const MAX_QUOTE_LENGTH = 2000;

/**
 * The anchor for a new comment on the current selection: a selected typed block
 * (one with an `id`) is commented as a whole; selected text becomes a pair of
 * Yjs relative positions, which keep pointing at the same characters while
 * everyone keeps editing. Null when nothing is selected.
 */
export function encodeSelectionAnchor(state: EditorState): CommentAnchor | null {
  const { selection } = state;
  if (selection instanceof NodeSelection && typeof selection.node.attrs['id'] === 'string' && selection.node.attrs['id'] !== '') {
    const title = selection.node.attrs['title'];
    const quote = typeof title === 'string' && title !== '' ? title : selection.node.textContent;
    return { kind: 'block', blockId: selection.node.attrs['id'], quote: quote.slice(0, MAX_QUOTE_LENGTH) };
  }
  if (selection.empty) return null;
  const binding = syncBinding(state);
  if (binding === null) return null;
  const quote = state.doc.textBetween(selection.from, selection.to, ' ', ' ').trim();
  if (quote === '') return null;
  const start = absolutePositionToRelativePosition(selection.from, binding.type, binding.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(selection.to, binding.type, binding.mapping) as Y.RelativePosition;
  return { kind: 'range', start: toBase64(Y.encodeRelativePosition(start)), end: toBase64(Y.encodeRelativePosition(end)), quote: quote.slice(0, MAX_QUOTE_LENGTH) };
}

export function syncBinding(state: EditorState): ProsemirrorBinding | null {
  const pluginState = ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding | null } | undefined;
  return pluginState?.binding ?? null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
