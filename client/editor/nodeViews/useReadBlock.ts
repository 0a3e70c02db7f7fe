import { useCallback, useRef } from 'react';
import type { NodeViewProps } from '@tiptap/react';
import type { TypedBlock, TypedBlockType } from '../../../shared/domain/Plan.js';
import { typedBlockFromNode } from '../../../shared/planJson/typedBlockFromNode.js';

/**
 * A stable function that reads the block's typed values as they are now, as
 * every other reader does. Stable, so what holds it (the proposal footer) is
 * not re-rendered on each keystroke in the block.
 */
export function useReadBlock(type: TypedBlockType, node: NodeViewProps['node']): () => TypedBlock {
  const latest = useRef(node);
  latest.current = node;
  return useCallback(() => typedBlockFromNode(type, latest.current.toJSON() as Record<string, unknown>, 'block', []), [type]);
}
