import { useId } from 'react';
import type { NodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { interventionDirectionFields } from '../../../shared/domain/blockFields.js';
import type { PlanWarningCode } from '../../../shared/planViews/collectPlanWarnings.js';
import { warningMessage } from '../../planViews/warningMessage.js';
import { ProposalControls } from '../../proposals/ProposalControls.js';
import { goalOptions } from './blockOptions.js';
import { useBlockViewContext } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeCheckboxGroup } from './fields/CodeCheckboxGroup.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DirectionActionsField } from './fields/DirectionActionsField.js';
import { DirectionIndicatorsField } from './fields/DirectionIndicatorsField.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { FundingField } from './fields/FundingField.js';
import { ReferenceSelect } from './fields/ReferenceSelect.js';
import { StringListField } from './fields/StringListField.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import { useBlockAttributes } from './useBlockAttributes.js';

const FIELD_WARNINGS: readonly PlanWarningCode[] = ['goalRefMissing', 'goalRefUnresolved', 'fundingMismatch', 'directionWithoutIndicator', 'timeframeInvalid'];

/** Kierunek interwencji (domain note §3.1): every field of the block, each stored as its own attribute. */
export function InterventionDirectionView(props: NodeViewProps) {
  const { t, i18n } = useTranslation();
  const { isEditable, plan, warningsByBlockId } = useBlockViewContext();
  const [attributes, setField] = useBlockAttributes(interventionDirectionFields, props);
  const id = useId();
  const disabled = !isEditable;
  const warnings = warningsByBlockId.get(attributes.id) ?? [];
  const messageOf = (...codes: PlanWarningCode[]): string | null => {
    const warning = warnings.find((candidate) => codes.includes(candidate.code));
    return warning === undefined ? null : warningMessage(warning, t, i18n.language);
  };
  const goalError = messageOf('goalRefMissing', 'goalRefUnresolved');
  const timeframeError = messageOf('timeframeInvalid');

  return (
    <TypedBlockFrame
      blockType="interventionDirection"
      modifier="direction"
      id={attributes.id}
      title={attributes.title}
      isSelected={props.selected}
      onDelete={props.deleteNode}
      fieldWarnings={FIELD_WARNINGS}
      footer={<ProposalControls blockId={attributes.id} blockType="interventionDirection" />}
    >
      <BlockField id={`${id}-id`} label={t('blocks.common.id')} width="narrow">
        <DraftTextInput id={`${id}-id`} value={attributes.id} disabled={disabled} onChange={(value) => setField('id', value)} />
      </BlockField>
      <BlockField id={`${id}-number`} label={t('blocks.common.number')} width="narrow">
        <DraftTextInput id={`${id}-number`} value={attributes.number} disabled={disabled} onChange={(value) => setField('number', value)} />
      </BlockField>
      <BlockField id={`${id}-title`} label={t('blocks.common.title')} width="wide">
        <DraftTextInput id={`${id}-title`} className="plan-block__title-input" value={attributes.title} disabled={disabled} onChange={(value) => setField('title', value)} />
      </BlockField>
      <BlockField id={`${id}-area`} label={t('blocks.common.area')}>
        <CodeSelect id={`${id}-area`} list="areas" value={attributes.area} isNullable disabled={disabled} onChange={(value) => setField('area', value)} />
      </BlockField>
      <BlockField id={`${id}-goal`} label={t('blocks.direction.goalRef')} error={goalError} errorId={`${id}-goal-error`}>
        <ReferenceSelect
          id={`${id}-goal`}
          options={goalOptions(plan)}
          value={attributes.goalRef}
          disabled={disabled}
          describedBy={goalError ? `${id}-goal-error` : undefined}
          isInvalid={goalError !== null}
          missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
          onChange={(value) => setField('goalRef', value)}
        />
      </BlockField>
      <CodeCheckboxGroup legend={t('blocks.common.targetGroups')} name="targetGroups" list="targetGroups" value={attributes.targetGroups} disabled={disabled} onChange={(value) => setField('targetGroups', value)} />
      <CodeCheckboxGroup legend={t('blocks.direction.serviceTypes')} name="serviceTypes" list="serviceTypes" value={attributes.serviceTypes} disabled={disabled} onChange={(value) => setField('serviceTypes', value)} />
      <BlockField id={`${id}-description`} label={t('blocks.common.description')} width="wide">
        <DraftTextInput id={`${id}-description`} multiline value={attributes.description} disabled={disabled} onChange={(value) => setField('description', value)} />
      </BlockField>
      <DirectionActionsField value={attributes.actions} idPrefix={attributes.id} disabled={disabled} onChange={(value) => setField('actions', value)} />
      <StringListField legend={t('blocks.direction.responsible')} name="responsible" addLabel={t('blocks.direction.addResponsible')} value={attributes.responsible} disabled={disabled} onChange={(value) => setField('responsible', value)} />
      <StringListField legend={t('blocks.direction.partners')} name="partners" addLabel={t('blocks.direction.addPartner')} value={attributes.partners} disabled={disabled} onChange={(value) => setField('partners', value)} />
      <BlockField id={`${id}-start`} label={t('blocks.direction.timeframeStart')} error={timeframeError}>
        <input
          id={`${id}-start`}
          type="month"
          value={attributes.timeframe.start}
          disabled={disabled}
          aria-invalid={timeframeError !== null || undefined}
          onChange={(event) => setField('timeframe', { ...attributes.timeframe, start: event.target.value })}
        />
      </BlockField>
      <BlockField id={`${id}-end`} label={t('blocks.direction.timeframeEnd')}>
        <input
          id={`${id}-end`}
          type="month"
          value={attributes.timeframe.end}
          disabled={disabled}
          aria-invalid={timeframeError !== null || undefined}
          onChange={(event) => setField('timeframe', { ...attributes.timeframe, end: event.target.value })}
        />
      </BlockField>
      <DirectionIndicatorsField value={attributes.indicators} disabled={disabled} error={messageOf('directionWithoutIndicator')} onChange={(value) => setField('indicators', value)} />
      <FundingField
        cost={attributes.estimatedCost}
        shares={attributes.fundingSources}
        disabled={disabled}
        error={messageOf('fundingMismatch')}
        onCostChange={(value) => setField('estimatedCost', value)}
        onSharesChange={(value) => setField('fundingSources', value)}
      />
    </TypedBlockFrame>
  );
}
