import { useId } from 'react';
import type { NodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { goalAttributeFields } from '../../../shared/domain/blockFields.js';
import { goalOptions } from './blockOptions.js';
import { useBlockViewContext } from './BlockViewContext.js';
import { BlockField } from './fields/BlockField.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import { ReferenceSelect } from './fields/ReferenceSelect.js';
import { TypedBlockFrame } from './TypedBlockFrame.js';
import { useBlockAttributes } from './useBlockAttributes.js';

/** Cel główny / szczegółowy / operacyjny (domain note §3.3): title and description are its text fields. */
export function GoalView(props: NodeViewProps) {
  const { t } = useTranslation();
  const { isEditable, plan } = useBlockViewContext();
  const [attributes, setField] = useBlockAttributes(goalAttributeFields, props);
  const id = useId();
  const disabled = !isEditable;
  return (
    <TypedBlockFrame blockType="goal" node={props.node} id={attributes.id} isSelected={props.selected} onDelete={props.deleteNode}>
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
          options={goalOptions(plan, attributes.id)}
          value={attributes.parentId}
          disabled={disabled}
          missingLabel={(ref) => t('blocks.common.missingRef', { id: ref })}
          onChange={(value) => setField('parentId', value)}
        />
      </BlockField>
      <BlockField id={`${id}-area`} label={t('blocks.common.area')}>
        <CodeSelect id={`${id}-area`} list="areas" value={attributes.area} isNullable disabled={disabled} onChange={(value) => setField('area', value)} />
      </BlockField>
    </TypedBlockFrame>
  );
}
