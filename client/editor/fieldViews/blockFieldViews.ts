import type { AnyExtension } from '@tiptap/core';
import {
  BlockLine,
  BlockLineItem,
  BlockLineList,
  BlockRichText,
  DirectionAction,
  DirectionActionList,
  DirectionIndicator,
  DirectionIndicatorList,
  FundingShare,
  FundingShareList,
} from '../../../shared/schema/fields/index.js';
import { FundingShareView } from './FundingShareView.js';
import { IndicatorRowView } from './IndicatorRowView.js';
import { ListEntryView } from './ListEntryView.js';
import { ListFieldView } from './ListFieldView.js';
import { TextFieldView } from './TextFieldView.js';

/**
 * The field nodes of typed blocks with their hand-written views (swapped in
 * with replaceExtensions). Plain DOM, not React: a large plan has thousands
 * of them, and they only change when their own text changes.
 */
export const blockFieldViews: AnyExtension[] = [
  BlockLine.extend({ addNodeView: () => ({ node }) => new TextFieldView(node) }),
  BlockRichText.extend({ addNodeView: () => ({ node }) => new TextFieldView(node) }),
  ...[BlockLineList, DirectionActionList, DirectionIndicatorList, FundingShareList].map((list) =>
    list.extend({ addNodeView: () => ({ node, editor, getPos }) => new ListFieldView(node, editor, getPos) }),
  ),
  ...[BlockLineItem, DirectionAction].map((entry) => entry.extend({ addNodeView: () => ({ node, editor, getPos }) => new ListEntryView(node, editor, getPos) })),
  DirectionIndicator.extend({ addNodeView: () => ({ node, editor, getPos }) => new IndicatorRowView(node, editor, getPos) }),
  FundingShare.extend({ addNodeView: () => ({ node, editor, getPos }) => new FundingShareView(node, editor, getPos) }),
];
