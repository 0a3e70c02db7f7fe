import { useId } from 'react';
import type { NodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { indicatorAttributeFields } from '../../../shared/domain/blockFields.js';
import { directionOptions, goalOptions } from './blockOptions.js';
import { useBlockViewContext } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { MeasuredValueFields } from './fields/MeasuredValueFields.js';
import { ReferenceMultiSelect } from './fields/ReferenceMultiSelect.js';
import { ReferenceSelect } from './fields/ReferenceSelect.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import { useBlockAttributes } from './useBlockAttributes.js';

/** Wskaźnik of the monitoring table (domain note §3.4): name, source and who measures are its text fields. */
export function IndicatorView(props: NodeViewProps) {
  const { t } = useTranslation();
  const { isEditable, plan } = useBlockViewContext();
  const [attributes, setField] = useBlockAttributes(indicatorAttributeFields, props);
  const id = useId();
  const disabled = !isEditable;
  return (
    <TypedBlockFrame blockType="indicator" node={props.node} id={attributes.id} isSelected={props.selected} onDelete={props.deleteNode}>
      <BlockField id={`${id}-id`} label={t('blocks.common.id')} width="narrow">
        <DraftTextInput id={`${id}-id`} value={attributes.id} disabled={disabled} onChange={(value) => setField('id', value)} />
      </BlockField>
      <BlockField id={`${id}-kind`} label={t('blocks.indicator.kind')}>
        <CodeSelect id={`${id}-kind`} list="indicatorKinds" value={attributes.kind} disabled={disabled} onChange={(value) => value !== null && setField('kind', value)} />
      </BlockField>
      <BlockField id={`${id}-unit`} label={t('blocks.indicator.unit')} width="narrow">
        <DraftTextInput id={`${id}-unit`} value={attributes.unit} disabled={disabled} onChange={(value) => setField('unit', value)} />
      </BlockField>
      <BlockField id={`${id}-frequency`} label={t('blocks.indicator.frequency')}>
        <CodeSelect id={`${id}-frequency`} list="indicatorFrequencies" value={attributes.frequency} disabled={disabled} onChange={(value) => value !== null && setField('frequency', value)} />
      </BlockField>
      <div className="block-field block-field--wide measured-values">
        <MeasuredValueFields id={`${id}-baseline`} label={t('blocks.indicator.baseline')} value={attributes.baseline} disabled={disabled} onChange={(value) => setField('baseline', value)} />
        <MeasuredValueFields id={`${id}-target`} label={t('blocks.indicator.target')} value={attributes.target} disabled={disabled} onChange={(value) => setField('target', value)} />
      </div>
      <BlockField id={`${id}-goal`} label={t('blocks.indicator.goalRef')}>
        <ReferenceSelect
          id={`${id}-goal`}
          options={goalOptions(plan)}
          value={attributes.goalRef}
          disabled={disabled}
          missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
          onChange={(value) => setField('goalRef', value)}
        />
      </BlockField>
      <ReferenceMultiSelect
        legend={t('blocks.indicator.directionRefs')}
        name="directionRefs"
        options={directionOptions(plan)}
        value={attributes.directionRefs}
        disabled={disabled}
        emptyText={t('blocks.common.noDirections')}
        missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
        onChange={(value) => setField('directionRefs', value)}
      />
    </TypedBlockFrame>
  );
}
