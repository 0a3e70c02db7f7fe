import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftTextInput } from './DraftTextInput.js';

export interface StringListFieldProps {
  legend: string;
  name: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled: boolean;
  addLabel: string;
}

/** An editable list of short texts (responsible bodies, partners, addressees). */
export function StringListField({ legend, name, value, onChange, disabled, addLabel }: StringListFieldProps) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <fieldset className="block-field block-list" data-field={name}>
      <legend className="block-field__label">{legend}</legend>
      {value.length > 0 && (
        <ul className="block-list__rows">
          {value.map((item, index) => (
            <li key={index} className="block-list__row">
              <DraftTextInput
                id={`${baseId}-${index}`}
                value={item}
                disabled={disabled}
                ariaLabel={`${legend} ${index + 1}`}
                onChange={(text) => onChange(value.map((current, position) => (position === index ? text : current)))}
              />
              <button
                type="button"
                className="button button--small button--danger"
                disabled={disabled}
                aria-label={t('blocks.common.removeNamed', { name: `${legend} ${index + 1}` })}
                onClick={() => onChange(value.filter((_, position) => position !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--small" disabled={disabled} onClick={() => onChange([...value, ''])}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
