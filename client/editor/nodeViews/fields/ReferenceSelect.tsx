import { useTranslation } from 'react-i18next';
import type { ReferenceOption } from './ReferenceMultiSelect.js';

export interface ReferenceSelectProps {
  id: string;
  options: readonly ReferenceOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  disabled: boolean;
  missingLabel: (id: string) => string;
  describedBy?: string;
  isInvalid?: boolean;
}

/** A link to one other block (a goal), by id; an id pointing nowhere stays selectable so it shows. */
export function ReferenceSelect({ id, options, value, onChange, disabled, missingLabel, describedBy, isInvalid }: ReferenceSelectProps) {
  const { t } = useTranslation();
  const isMissing = value !== null && !options.some((option) => option.id === value);
  return (
    <select
      id={id}
      value={value ?? ''}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={isInvalid || undefined}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
    >
      <option value="">{t('blocks.common.notChosen')}</option>
      {isMissing && <option value={value}>{missingLabel(value)}</option>}
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
