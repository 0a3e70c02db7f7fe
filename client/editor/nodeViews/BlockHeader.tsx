import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface BlockHeaderProps {
  typeLabel: string;
  id: string;
  title: string;
  isExpanded: boolean;
  onToggle: () => void;
  onDelete: () => void;
  isEditable: boolean;
  /** The title is on screen in the block's own title field while it is expanded. */
  showsTitle?: boolean;
  children?: ReactNode;
}

/** The top line of a typed block: what it is, its id and title, collapse and delete. */
export function BlockHeader({ typeLabel, id, title, isExpanded, onToggle, onDelete, isEditable, showsTitle = true, children }: BlockHeaderProps) {
  const { t } = useTranslation();
  const name = [id, title].filter((part) => part !== '').join(' ') || t('blocks.common.untitled');
  return (
    <div className="plan-block__header">
      <span className="plan-block__type" data-drag-handle="">
        {typeLabel}
      </span>
      <span className="plan-block__name">{showsTitle ? name : id}</span>
      {children}
      <span className="plan-block__tools">
        <button type="button" className="button button--small" aria-expanded={isExpanded} onClick={onToggle}>
          {isExpanded ? t('blocks.common.collapse') : t('blocks.common.expand')}
          <span className="visually-hidden">: {name}</span>
        </button>
        <button
          type="button"
          className="button button--small button--danger"
          disabled={!isEditable}
          onClick={() => {
            if (window.confirm(t('blocks.common.deleteConfirm', { name }))) onDelete();
          }}
        >
          {t('blocks.common.delete')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </span>
    </div>
  );
}
