import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectionAction } from '../../../../shared/domain/Plan.js';
import { DraftTextInput } from './DraftTextInput.js';

export interface DirectionActionsFieldProps {
  value: readonly DirectionAction[];
  onChange: (value: DirectionAction[]) => void;
  disabled: boolean;
  /** Prefix of new action ids, e.g. the direction id. */
  idPrefix: string;
}

/** The actions that make a direction operational (domain note §3.1), one row each. */
export function DirectionActionsField({ value, onChange, disabled, idPrefix }: DirectionActionsFieldProps) {
  const { t } = useTranslation();
  const baseId = useId();
  const nextId = (): string => {
    const used = new Set(value.map((action) => action.id));
    for (let number = value.length + 1; ; number += 1) {
      const id = `${idPrefix || 'D'}.${number}`;
      if (!used.has(id)) return id;
    }
  };
  return (
    <fieldset className="block-field block-field--wide block-list" data-field="actions">
      <legend className="block-field__label">{t('blocks.direction.actions')}</legend>
      {value.length > 0 && (
        <ol className="block-list__rows">
          {value.map((action, index) => (
            <li key={index} className="block-list__row">
              <span className="block-list__marker">{action.id}</span>
              <DraftTextInput
                id={`${baseId}-${index}`}
                value={action.text}
                disabled={disabled}
                ariaLabel={t('blocks.direction.actionText', { id: action.id })}
                onChange={(text) => onChange(value.map((current, position) => (position === index ? { ...current, text } : current)))}
              />
              <button
                type="button"
                className="button button--small button--danger"
                disabled={disabled}
                aria-label={t('blocks.common.removeNamed', { name: action.id })}
                onClick={() => onChange(value.filter((_, position) => position !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button button--small" disabled={disabled} onClick={() => onChange([...value, { id: nextId(), text: '' }])}>
        + {t('blocks.direction.addAction')}
      </button>
    </fieldset>
  );
}
