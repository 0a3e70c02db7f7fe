import { useCallback, useRef } from 'react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { TypedBlock, TypedBlockType } from '../../../shared/domain/Plan.js';
import { typedBlockFromNode } from '../../../shared/planJson/typedBlockFromNode.js';

/**
 * A stable function that reads the block's typed values as they are now, as
 * every other reader does. Stable, so what holds it (the proposal footer) is
 * not re-rendered on each keystroke in the block; it reads the node view's
 * current node, since the view's props are not renewed on every key.
 */
export function useReadBlock(type: TypedBlockType, currentNode: () => ProseMirrorNode): () => TypedBlock {
  const latest = useRef(currentNode);
  latest.current = currentNode;
  return useCallback(() => typedBlockFromNode(type, latest.current().toJSON() as Record<string, unknown>, 'block', []), [type]);
}
