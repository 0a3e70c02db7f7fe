import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorAttributeFields, type FieldValues } from '../../../shared/domain/blockFields.js';
import { selectDirectionOptions, selectGoalOptions, selectIsEditable, useBlockView } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { MeasuredValueFields } from './fields/MeasuredValueFields.js';
import { ReferenceMultiSelect, type ReferenceOption } from './fields/ReferenceMultiSelect.js';
import { ReferenceSelect } from './fields/ReferenceSelect.js';
import type { PortalViewProps } from './PortalNodeView.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import type { TypedBlockSlots } from './typedBlockDomFrame.js';
import { useBlockAttributes, type SetBlockField } from './useBlockAttributes.js';

type IndicatorAttributeValues = FieldValues<typeof indicatorAttributeFields>;

/** Wskaźnik of the monitoring table (domain note §3.4): name, source and who measures are its text fields. */
export function IndicatorView(props: PortalViewProps<TypedBlockSlots>) {
  const isEditable = useBlockView(selectIsEditable);
  const goalOptions = useBlockView(selectGoalOptions);
  const directionOptions = useBlockView(selectDirectionOptions);
  const [attributes, setField] = useBlockAttributes(indicatorAttributeFields, props);
  // Typing in the block's text re-renders the frame; the memoized attribute strip stays as it is.
  return (
    <TypedBlockFrame blockType="indicator" node={props.node} id={attributes.id} slots={props.slots} onDelete={props.deleteNode}>
      <IndicatorAttributes attributes={attributes} setField={setField} disabled={!isEditable} goalOptions={goalOptions} directionOptions={directionOptions} />
    </TypedBlockFrame>
  );
}

interface IndicatorAttributesProps {
  attributes: IndicatorAttributeValues;
  setField: SetBlockField<IndicatorAttributeValues>;
  disabled: boolean;
  goalOptions: readonly ReferenceOption[];
  directionOptions: readonly ReferenceOption[];
}

const IndicatorAttributes = memo(function IndicatorAttributes({ attributes, setField, disabled, goalOptions, directionOptions }: IndicatorAttributesProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
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
          options={goalOptions}
          value={attributes.goalRef}
          disabled={disabled}
          missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
          onChange={(value) => setField('goalRef', value)}
        />
      </BlockField>
      <ReferenceMultiSelect
        legend={t('blocks.indicator.directionRefs')}
        name="directionRefs"
        options={directionOptions}
        value={attributes.directionRefs}
        disabled={disabled}
        emptyText={t('blocks.common.noDirections')}
        missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
        onChange={(value) => setField('directionRefs', value)}
      />
    </>
  );
});
