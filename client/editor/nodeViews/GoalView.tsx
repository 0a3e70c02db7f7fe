import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { goalAttributeFields, type FieldValues } from '../../../shared/domain/blockFields.js';
import { selectGoalOptions, selectIsEditable, useBlockView } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { ReferenceSelect } from './fields/ReferenceSelect.js';
import type { ReferenceOption } from './fields/ReferenceMultiSelect.js';
import type { PortalViewProps } from './PortalNodeView.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import type { TypedBlockSlots } from './typedBlockDomFrame.js';
import { useBlockAttributes, type SetBlockField } from './useBlockAttributes.js';

type GoalAttributeValues = FieldValues<typeof goalAttributeFields>;

/** Cel główny / szczegółowy / operacyjny (domain note §3.3): title and description are its text fields. */
export function GoalView(props: PortalViewProps<TypedBlockSlots>) {
  const isEditable = useBlockView(selectIsEditable);
  const goalOptions = useBlockView(selectGoalOptions);
  const [attributes, setField] = useBlockAttributes(goalAttributeFields, props);
  const goalOptionsExceptSelf = useMemo(() => goalOptions.filter((goal) => goal.id !== attributes.id), [goalOptions, attributes.id]);
  // Typing in the block's text re-renders the frame; the memoized attribute strip stays as it is.
  return (
    <TypedBlockFrame blockType="goal" node={props.node} id={attributes.id} slots={props.slots} onDelete={props.deleteNode}>
      <GoalAttributes attributes={attributes} setField={setField} disabled={!isEditable} goalOptionsExceptSelf={goalOptionsExceptSelf} />
    </TypedBlockFrame>
  );
}

interface GoalAttributesProps {
  attributes: GoalAttributeValues;
  setField: SetBlockField<GoalAttributeValues>;
  disabled: boolean;
  goalOptionsExceptSelf: readonly ReferenceOption[];
}

const GoalAttributes = memo(function GoalAttributes({ attributes, setField, disabled, goalOptionsExceptSelf }: GoalAttributesProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <BlockField id={`${id}-id`} label={t('blocks.common.id')} width="narrow">
        <DraftTextInput id={`${id}-id`} value={attributes.id} disabled={disabled} onChange={(value) => setField('id', value)} />
      </BlockField>
      <BlockField id={`${id}-number`} label={t('blocks.common.number')} width="narrow">
        <DraftTextInput id={`${id}-number`} value={attributes.number} disabled={disabled} onChange={(value) => setField('number', value)} />
      </BlockField>
      <BlockField id={`${id}-level`} label={t('blocks.goal.level')}>
        <CodeSelect id={`${id}-level`} list="goalLevels" value={attributes.level} disabled={disabled} onChange={(value) => value !== null && setField('level', value)} />
      </BlockField>
      <BlockField id={`${id}-parent`} label={t('blocks.goal.parent')}>
        <ReferenceSelect
          id={`${id}-parent`}
          options={goalOptionsExceptSelf}
          value={attributes.parentId}
          disabled={disabled}
          missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
          onChange={(value) => setField('parentId', value)}
        />
      </BlockField>
      <BlockField id={`${id}-area`} label={t('blocks.common.area')}>
        <CodeSelect id={`${id}-area`} list="areas" value={attributes.area} isNullable disabled={disabled} onChange={(value) => setField('area', value)} />
      </BlockField>
    </>
  );
});
