import { useId } from 'react';
import type { NodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { recommendationAttributeFields } from '../../../shared/domain/blockFields.js';
import { ProposalControls } from '../../proposals/ProposalControls.js';
import { directionOptions } from './blockOptions.js';
import { useBlockViewContext } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeMultiSelect } from './fields/CodeMultiSelect.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { ReferenceMultiSelect } from './fields/ReferenceMultiSelect.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import { useBlockAttributes } from './useBlockAttributes.js';

/** Rekomendacja / model / wytyczna (domain note §3.2): title, content, rationale and addressees are its text fields. */
export function RecommendationView(props: NodeViewProps) {
  const { t } = useTranslation();
  const { isEditable, plan } = useBlockViewContext();
  const [attributes, setField] = useBlockAttributes(recommendationAttributeFields, props);
  const id = useId();
  const disabled = !isEditable;
  return (
    <TypedBlockFrame
      blockType="recommendation"
      node={props.node}
      id={attributes.id}
      isSelected={props.selected}
      onDelete={props.deleteNode}
      footer={<ProposalControls blockId={attributes.id} blockType="recommendation" />}
    >
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
        options={directionOptions(plan)}
        value={attributes.relatedDirections}
        disabled={disabled}
        emptyText={t('blocks.common.noDirections')}
        missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
        onChange={(value) => setField('relatedDirections', value)}
      />
    </TypedBlockFrame>
  );
}
