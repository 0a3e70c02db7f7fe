import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useTranslation } from 'react-i18next';
import type { TypedBlockType } from '../../../shared/domain/Plan.js';
import type { PlanWarningCode } from '../../../shared/planViews/collectPlanWarnings.js';
import { BlockHeader } from './BlockHeader.js';
import { selectIsEditable, useBlockView, useBlockWarnings } from './BlockViewContext.js';
import { BlockWarnings } from './BlockWarnings.js';
import type { TypedBlockSlots } from './typedBlockDomFrame.js';

export interface TypedBlockFrameProps {
  blockType: TypedBlockType;
  node: ProseMirrorNode;
  id: string;
  slots: TypedBlockSlots;
  onDelete: () => void;
  /** Warnings the view shows next to their own control instead of in the list at the top. */
  fieldWarnings?: readonly PlanWarningCode[];
  /** Below the text fields and shown even when the block is collapsed. */
  footer?: ReactNode;
  /** The block's attribute controls (codes, references, dates, amounts), shown as a compact strip. */
  children: ReactNode;
}

/**
 * What every typed block view shares: the header with collapse and delete,
 * the block's warnings, its attribute controls and its footer, each rendered
 * into its slot of the block's plain-DOM frame (typedBlockDomFrame.ts), which
 * also holds the block's one editable region with its text fields (each a
 * child node with a view of its own, client/editor/fieldViews/).
 */
export function TypedBlockFrame({ blockType, node, id, slots, onDelete, fieldWarnings = [], footer, children }: TypedBlockFrameProps) {
  const { t } = useTranslation();
  const isEditable = useBlockView(selectIsEditable);
  const blockWarnings = useBlockWarnings(id);
  const [isExpanded, setIsExpanded] = useState(true);
  const typeLabel = t(`blocks.types.${blockType}`);
  const warnings = blockWarnings.filter((warning) => !fieldWarnings.includes(warning.code));
  useLayoutEffect(() => {
    slots.root.classList.toggle('plan-block--collapsed', !isExpanded);
  }, [slots.root, isExpanded]);
  return (
    <>
      {createPortal(
        <>
          <BlockHeader
            typeLabel={typeLabel}
            id={id}
            title={blockTitle(node)}
            isExpanded={isExpanded}
            showsTitle={!isExpanded}
            onToggle={() => setIsExpanded(!isExpanded)}
            onDelete={onDelete}
            isEditable={isEditable}
          />
          <BlockWarnings warnings={warnings} />
        </>,
        slots.chrome,
      )}
      {createPortal(children, slots.attributes)}
      {footer !== undefined && slots.footer !== null && createPortal(footer, slots.footer)}
    </>
  );
}

/** The text of the block's title field (its name, for an indicator). */
export function blockTitle(node: ProseMirrorNode): string {
  let title = '';
  node.forEach((child) => {
    const field = child.attrs['field'];
    if (title === '' && child.type.name === 'blockLine' && (field === 'title' || field === 'name')) title = child.textContent;
  });
  return title;
}
