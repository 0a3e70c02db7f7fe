import { useState, type ReactNode } from 'react';
import { NodeViewWrapper } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import type { TypedBlockType } from '../../../shared/domain/Plan.js';
import type { PlanWarningCode } from '../../../shared/planViews/collectPlanWarnings.js';
import { BlockHeader } from './BlockHeader.js';
import { useBlockViewContext } from './BlockViewContext.js';
import { BlockWarnings } from './BlockWarnings.js';

export interface TypedBlockFrameProps {
  blockType: TypedBlockType;
  /** The `plan-block--…` class suffix, when it differs from the block type. */
  modifier?: string;
  id: string;
  title: string;
  isSelected: boolean;
  onDelete: () => void;
  /** Warnings the view shows next to their own field instead of in the list at the top. */
  fieldWarnings?: readonly PlanWarningCode[];
  /** Below the body and shown even when the block is collapsed. */
  footer?: ReactNode;
  /** The block's fields, laid out in its grid. */
  children: ReactNode;
}

/** What every typed block view shares: the labelled wrapper, the header with collapse and delete, and the block's warnings. */
export function TypedBlockFrame({ blockType, modifier = blockType, id, title, isSelected, onDelete, fieldWarnings = [], footer, children }: TypedBlockFrameProps) {
  const { t } = useTranslation();
  const { isEditable, warningsByBlockId } = useBlockViewContext();
  const [isExpanded, setIsExpanded] = useState(true);
  const typeLabel = t(`blocks.types.${blockType}`);
  const warnings = (warningsByBlockId.get(id) ?? []).filter((warning) => !fieldWarnings.includes(warning.code));
  return (
    <NodeViewWrapper
      className={`plan-block plan-block--${modifier}${isSelected ? ' plan-block--selected' : ''}`}
      data-block-id={id}
      data-block-type={blockType}
      role="group"
      aria-label={`${typeLabel} ${id}`}
    >
      <BlockHeader
        typeLabel={typeLabel}
        id={id}
        title={title}
        isExpanded={isExpanded}
        onToggle={() => setIsExpanded(!isExpanded)}
        onDelete={onDelete}
        isEditable={isEditable}
      />
      {isExpanded && (
        <div className="plan-block__body">
          <BlockWarnings warnings={warnings} />
          <div className="plan-block__grid">{children}</div>
        </div>
      )}
      {footer}
    </NodeViewWrapper>
  );
}
