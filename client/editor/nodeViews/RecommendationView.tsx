import { memo, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { recommendationAttributeFields, type FieldValues } from '../../../shared/domain/blockFields.js';
import { ProposalControls } from '../../proposals/ProposalControls.js';
import { selectDirectionOptions, selectIsEditable, useBlockView } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeMultiSelect } from './fields/CodeMultiSelect.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { ReferenceMultiSelect, type ReferenceOption } from './fields/ReferenceMultiSelect.js';
import type { PortalViewProps } from './PortalNodeView.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import type { TypedBlockSlots } from './typedBlockDomFrame.js';
import { useBlockAttributes, type SetBlockField } from './useBlockAttributes.js';
import { useReadBlock } from './useReadBlock.js';

type RecommendationAttributeValues = FieldValues<typeof recommendationAttributeFields>;

/** Rekomendacja / model / wytyczna (domain note §3.2): title, content, rationale and addressees are its text fields. */
export function RecommendationView(props: PortalViewProps<TypedBlockSlots>) {
  const isEditable = useBlockView(selectIsEditable);
  const directionOptions = useBlockView(selectDirectionOptions);
  const [attributes, setField] = useBlockAttributes(recommendationAttributeFields, props);
  // Typing in the block's text re-renders the frame; the attribute strip and the footer stay as they are.
  const readBlock = useReadBlock('recommendation', props.currentNode);
  const footer = useMemo(() => <ProposalControls blockId={attributes.id} blockType="recommendation" readBlock={readBlock} />, [attributes.id, readBlock]);
  return (
    <TypedBlockFrame
      blockType="recommendation"
      node={props.node}
      id={attributes.id}
      slots={props.slots}
      onDelete={props.deleteNode}
      footer={footer}
    >
      <RecommendationAttributes attributes={attributes} setField={setField} disabled={!isEditable} directionOptions={directionOptions} />
    </TypedBlockFrame>
  );
}

interface RecommendationAttributesProps {
  attributes: RecommendationAttributeValues;
  setField: SetBlockField<RecommendationAttributeValues>;
  disabled: boolean;
  directionOptions: readonly ReferenceOption[];
}

const RecommendationAttributes = memo(function RecommendationAttributes({ attributes, setField, disabled, directionOptions }: RecommendationAttributesProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <BlockField id={`${id}-id`} label={t('blocks.common.id')} width="narrow">
        <DraftTextInput id={`${id}-id`} value={attributes.id} disabled={disabled} onChange={(value) => setField('id', value)} />
      </BlockField>
      <BlockField id={`${id}-kind`} label={t('blocks.recommendation.kind')}>
        <CodeSelect id={`${id}-kind`} list="recommendationKinds" value={attributes.kind} disabled={disabled} onChange={(value) => value !== null && setField('kind', value)} />
      </BlockField>
      <BlockField id={`${id}-area`} label={t('blocks.common.area')}>
        <CodeSelect id={`${id}-area`} list="areas" value={attributes.area} isNullable disabled={disabled} onChange={(value) => setField('area', value)} />
      </BlockField>
      <CodeMultiSelect legend={t('blocks.common.targetGroups')} name="targetGroups" list="targetGroups" value={attributes.targetGroups} disabled={disabled} onChange={(value) => setField('targetGroups', value)} />
      <ReferenceMultiSelect
        legend={t('blocks.recommendation.relatedDirections')}
        name="relatedDirections"
        options={directionOptions}
        value={attributes.relatedDirections}
        disabled={disabled}
        emptyText={t('blocks.common.noDirections')}
        missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
        onChange={(value) => setField('relatedDirections', value)}
      />
    </>
  );
});
