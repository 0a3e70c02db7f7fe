import type { AnyExtension } from '@tiptap/core';
import { BlockLine } from './BlockLine.js';
import { BlockLineItem, BlockLineList } from './BlockLineList.js';
import { BlockRichText } from './BlockRichText.js';
import { DirectionAction, DirectionActionList } from './DirectionActions.js';
import { FundingShare, FundingShareList } from './DirectionFunding.js';
import { DirectionIndicator, DirectionIndicatorList } from './DirectionIndicators.js';

export { BlockLine, BlockLineItem, BlockLineList, BlockRichText, DirectionAction, DirectionActionList, DirectionIndicator, DirectionIndicatorList, FundingShare, FundingShareList };

/** The child nodes that hold the text fields and lists of typed blocks. */
export const blockFieldNodes: AnyExtension[] = [
  BlockLine,
  BlockRichText,
  BlockLineList,
  BlockLineItem,
  DirectionActionList,
  DirectionAction,
  DirectionIndicatorList,
  DirectionIndicator,
  FundingShareList,
  FundingShare,
];

/** Node type names of the field nodes, for code that must tell them from section text. */
export const BLOCK_FIELD_NODE_TYPES = new Set(blockFieldNodes.map((extension) => extension.name));
