import { useState, type ReactNode } from 'react';
import { NodeViewContent, NodeViewWrapper } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useTranslation } from 'react-i18next';
import type { TypedBlockType } from '../../../shared/domain/Plan.js';
import type { PlanWarningCode } from '../../../shared/planViews/collectPlanWarnings.js';
import { BlockHeader } from './BlockHeader.js';
import { selectIsEditable, useBlockView, useBlockWarnings } from './BlockViewContext.js';
import { BlockWarnings } from './BlockWarnings.js';

export interface TypedBlockFrameProps {
  blockType: TypedBlockType;
  /** The `plan-block--…` class suffix, when it differs from the block type. */
  modifier?: string;
  node: ProseMirrorNode;
  id: string;
  isSelected: boolean;
  onDelete: () => void;
  /** Warnings the view shows next to their own control instead of in the list at the top. */
  fieldWarnings?: readonly PlanWarningCode[];
  /** Below the text fields and shown even when the block is collapsed. */
  footer?: ReactNode;
  /** The block's attribute controls (codes, references, dates, amounts), shown as a compact strip. */
  children: ReactNode;
}

/**
 * What every typed block view shares: the labelled wrapper, the header with
 * collapse and delete, the block's warnings, its attribute controls, and the
 * one editable region that holds its text fields (each a child node with a
 * view of its own, client/editor/fieldViews/).
 */
export function TypedBlockFrame({ blockType, modifier = blockType, node, id, isSelected, onDelete, fieldWarnings = [], footer, children }: TypedBlockFrameProps) {
  const { t } = useTranslation();
  const isEditable = useBlockView(selectIsEditable);
  const blockWarnings = useBlockWarnings(id);
  const [isExpanded, setIsExpanded] = useState(true);
  const typeLabel = t(`blocks.types.${blockType}`);
  const warnings = blockWarnings.filter((warning) => !fieldWarnings.includes(warning.code));
  return (
    <NodeViewWrapper
      className={`plan-block plan-block--${modifier}${isSelected ? ' plan-block--selected' : ''}${isExpanded ? '' : ' plan-block--collapsed'}`}
      data-block-id={id}
      data-block-type={blockType}
      role="group"
      aria-label={`${typeLabel} ${id}`}
    >
      <div contentEditable={false} className="plan-block__chrome">
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
      </div>
      <NodeViewContent className="plan-block__fields" />
      <div contentEditable={false} className="plan-block__attributes">
        {children}
      </div>
      {footer !== undefined && (
        <div contentEditable={false} className="plan-block__footer">
          {footer}
        </div>
      )}
    </NodeViewWrapper>
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
