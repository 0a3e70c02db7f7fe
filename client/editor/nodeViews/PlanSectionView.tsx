import { useId, useLayoutEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { planSectionFields } from '../../../shared/domain/blockFields.js';
import { selectIsEditable, selectMembers, useBlockView } from './BlockViewContext.js';
import { CodeSelect } from './fields/CodeSelect.js';
import { DraftTextInput } from './fields/DraftTextInput.js';
import type { PlanSectionSlots } from './planSectionDomFrame.js';
import type { PortalViewProps } from './PortalNodeView.js';
import { useBlockAttributes } from './useBlockAttributes.js';

/** A chapter of the plan: its title, workflow status and responsible person, in the header above its editable body (planSectionDomFrame.ts). */
export function PlanSectionView(props: PortalViewProps<PlanSectionSlots>) {
  const { t } = useTranslation();
  const isEditable = useBlockView(selectIsEditable);
  const members = useBlockView(selectMembers);
  const [attributes, setField] = useBlockAttributes(planSectionFields, props);
  const id = useId();
  const disabled = !isEditable;
  const first = props.node.firstChild;
  const isEmpty = props.node.childCount === 1 && first !== null && first.type.name === 'paragraph' && first.content.size === 0;
  // Only those who may edit the text can be responsible for it; an earlier choice of someone else stays visible, marked.
  const editors = members.filter((member) => member.canEdit);
  const responsible = members.find((member) => member.userId === attributes.responsibleUserId);
  const isUnknownResponsible = attributes.responsibleUserId !== null && responsible === undefined;
  const isNonEditorResponsible = responsible !== undefined && !responsible.canEdit;
  const { root, header } = props.slots;
  useLayoutEffect(() => root.setAttribute('aria-labelledby', `${id}-title`), [root, id]);
  return createPortal(
    <>
      <h2 className="plan-section__heading">
        <DraftTextInput
          id={`${id}-title`}
          className="plan-section__title"
          value={attributes.title}
          disabled={disabled}
          ariaLabel={t('blocks.section.title')}
          placeholder={t('blocks.section.titlePlaceholder')}
          onChange={(value) => setField('title', value)}
        />
      </h2>
      <div className="plan-section__meta">
        <label className="plan-section__control">
          <span>{t('blocks.section.status')}</span>
          <CodeSelect id={`${id}-status`} list="sectionStatuses" value={attributes.status} disabled={disabled} onChange={(value) => value !== null && setField('status', value)} />
        </label>
        <label className="plan-section__control">
          <span>{t('blocks.section.responsible')}</span>
          <select
            id={`${id}-responsible`}
            value={attributes.responsibleUserId ?? ''}
            disabled={disabled}
            onChange={(event) => setField('responsibleUserId', event.target.value === '' ? null : event.target.value)}
          >
            <option value="">{t('blocks.section.nobody')}</option>
            {isUnknownResponsible && <option value={attributes.responsibleUserId ?? ''}>{t('blocks.section.formerMember')}</option>}
            {isNonEditorResponsible && (
              <option value={responsible.userId} disabled>
                {t('blocks.section.cannotEdit', { name: responsible.name })}
              </option>
            )}
            {editors.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isEmpty && attributes.hint !== '' && <p className="plan-section__hint">{attributes.hint}</p>}
    </>,
    header,
  );
}
