import { useTranslation } from 'react-i18next';
import type { MeasuredValue } from '../../../../shared/domain/Plan.js';
import { DraftNumberInput } from './DraftNumberInput.js';

export interface MeasuredValueFieldsProps {
  id: string;
  /** "Wartość bazowa" or "Wartość docelowa". */
  label: string;
  value: MeasuredValue;
  onChange: (value: MeasuredValue) => void;
  disabled: boolean;
}

/** A value and the year it refers to (baseline or target of an indicator). */
export function MeasuredValueFields({ id, label, value, onChange, disabled }: MeasuredValueFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="measured-value">
      <legend className="block-field__label">{label}</legend>
      <span className="measured-value__inputs">
        <DraftNumberInput
          id={`${id}-value`}
          value={value.value}
          isNullable
          disabled={disabled}
          ariaLabel={`${label}: ${t('blocks.indicator.value')}`}
          onChange={(number) => onChange({ ...value, value: number })}
        />
        <DraftNumberInput
          id={`${id}-year`}
          className="measured-value__year"
          value={value.year}
          isNullable
          isInteger
          min={1900}
          disabled={disabled}
          ariaLabel={`${label}: ${t('blocks.indicator.year')}`}
          onChange={(year) => onChange({ ...value, year: year !== null && year >= 1900 && year <= 2200 ? year : null })}
        />
      </span>
    </fieldset>
  );
}
