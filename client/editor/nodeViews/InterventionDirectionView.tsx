import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { interventionDirectionAttributeFields, type FieldValues } from '../../../shared/domain/blockFields.js';
import type { PlanWarning, PlanWarningCode } from '../../../shared/planViews/collectPlanWarnings.js';
import { warningMessage } from '../../planViews/warningMessage.js';
import { ProposalControls } from '../../proposals/ProposalControls.js';
import { selectGoalOptions, selectIsEditable, useBlockView, useBlockWarnings } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeMultiSelect } from './fields/CodeMultiSelect.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftNumberInput } from './fields/DraftNumberInput.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import type { ReferenceOption } from './fields/ReferenceMultiSelect.js';
import { ReferenceSelect } from './fields/ReferenceSelect.js';
import type { PortalViewProps } from './PortalNodeView.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import type { TypedBlockSlots } from './typedBlockDomFrame.js';
import { useBlockAttributes, type SetBlockField } from './useBlockAttributes.js';
import { useReadBlock } from './useReadBlock.js';

type DirectionAttributeValues = FieldValues<typeof interventionDirectionAttributeFields>;

// Shown next to their own control; the other warnings are listed at the top of the block.
const FIELD_WARNINGS: readonly PlanWarningCode[] = ['goalRefMissing', 'goalRefUnresolved', 'fundingMismatch', 'timeframeInvalid'];

/**
 * Kierunek interwencji (domain note §3.1). Title, description, actions,
 * responsible bodies, partners, indicators, funding rows and the cost note
 * are its text fields (child nodes); here are its codes, links, dates and cost.
 */
export function InterventionDirectionView(props: PortalViewProps<TypedBlockSlots>) {
  const isEditable = useBlockView(selectIsEditable);
  const goalOptions = useBlockView(selectGoalOptions);
  const [attributes, setField] = useBlockAttributes(interventionDirectionAttributeFields, props);
  const warnings = useBlockWarnings(attributes.id);
  // Typing in the block's text re-renders the frame; the attribute strip and the footer stay as they are.
  const readBlock = useReadBlock('interventionDirection', props.currentNode);
  const footer = useMemo(() => <ProposalControls blockId={attributes.id} blockType="interventionDirection" readBlock={readBlock} />, [attributes.id, readBlock]);
  return (
    <TypedBlockFrame
      blockType="interventionDirection"
      node={props.node}
      id={attributes.id}
      slots={props.slots}
      onDelete={props.deleteNode}
      fieldWarnings={FIELD_WARNINGS}
      footer={footer}
    >
      <DirectionAttributes attributes={attributes} setField={setField} disabled={!isEditable} goalOptions={goalOptions} warnings={warnings} />
    </TypedBlockFrame>
  );
}

interface DirectionAttributesProps {
  attributes: DirectionAttributeValues;
  setField: SetBlockField<DirectionAttributeValues>;
  disabled: boolean;
  goalOptions: readonly ReferenceOption[];
  warnings: readonly PlanWarning[];
}

const DirectionAttributes = memo(function DirectionAttributes({ attributes, setField, disabled, goalOptions, warnings }: DirectionAttributesProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const messageOf = (...codes: PlanWarningCode[]): string | null => {
    const warning = warnings.find((candidate) => codes.includes(candidate.code));
    return warning === undefined ? null : warningMessage(warning, t, i18n.language);
  };
  const goalError = messageOf('goalRefMissing', 'goalRefUnresolved');
  const timeframeError = messageOf('timeframeInvalid');
  const costError = messageOf('fundingMismatch');
  const { timeframe, estimatedCost } = attributes;

  return (
    <>
      <BlockField id={`${id}-id`} label={t('blocks.common.id')} width="narrow">
        <DraftTextInput id={`${id}-id`} value={attributes.id} disabled={disabled} onChange={(value) => setField('id', value)} />
      </BlockField>
      <BlockField id={`${id}-number`} label={t('blocks.common.number')} width="narrow">
        <DraftTextInput id={`${id}-number`} value={attributes.number} disabled={disabled} onChange={(value) => setField('number', value)} />
      </BlockField>
      <BlockField id={`${id}-area`} label={t('blocks.common.area')}>
        <CodeSelect id={`${id}-area`} list="areas" value={attributes.area} isNullable disabled={disabled} onChange={(value) => setField('area', value)} />
      </BlockField>
      <BlockField id={`${id}-goal`} label={t('blocks.direction.goalRef')} error={goalError} errorId={`${id}-goal-error`}>
        <ReferenceSelect
          id={`${id}-goal`}
          options={goalOptions}
          value={attributes.goalRef}
          disabled={disabled}
          describedBy={goalError ? `${id}-goal-error` : undefined}
          isInvalid={goalError !== null}
          missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
          onChange={(value) => setField('goalRef', value)}
        />
      </BlockField>
      <CodeMultiSelect legend={t('blocks.common.targetGroups')} name="targetGroups" list="targetGroups" value={attributes.targetGroups} disabled={disabled} onChange={(value) => setField('targetGroups', value)} />
      <CodeMultiSelect legend={t('blocks.direction.serviceTypes')} name="serviceTypes" list="serviceTypes" value={attributes.serviceTypes} disabled={disabled} onChange={(value) => setField('serviceTypes', value)} />
      <BlockField id={`${id}-start`} label={t('blocks.direction.timeframeStart')} error={timeframeError}>
        <input
          id={`${id}-start`}
          type="month"
          value={timeframe.start}
          disabled={disabled}
          aria-invalid={timeframeError !== null || undefined}
          onChange={(event) => setField('timeframe', { ...timeframe, start: event.target.value })}
        />
      </BlockField>
      <BlockField id={`${id}-end`} label={t('blocks.direction.timeframeEnd')}>
        <input
          id={`${id}-end`}
          type="month"
          value={timeframe.end}
          disabled={disabled}
          aria-invalid={timeframeError !== null || undefined}
          onChange={(event) => setField('timeframe', { ...timeframe, end: event.target.value })}
        />
      </BlockField>
      <BlockField id={`${id}-cost`} label={t('blocks.direction.estimatedCost')} error={costError}>
        <DraftNumberInput id={`${id}-cost`} value={estimatedCost.amount} min={0} disabled={disabled} onChange={(amount) => setField('estimatedCost', { ...estimatedCost, amount: amount ?? 0 })} />
      </BlockField>
      <BlockField id={`${id}-currency`} label={t('blocks.direction.currency')} width="narrow">
        <DraftTextInput
          id={`${id}-currency`}
          value={estimatedCost.currency}
          disabled={disabled}
          onChange={(currency) => {
            if (/^[A-Z]{3}$/.test(currency)) setField('estimatedCost', { ...estimatedCost, currency });
          }}
        />
      </BlockField>
    </>
  );
});
