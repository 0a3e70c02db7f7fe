import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceOption } from './ReferenceMultiSelect.js';
import { optionsToRender, useOptionsWhenUsed } from './useOptionsWhenUsed.js';

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

/**
 * A link to one other block (a goal), by id; an id pointing nowhere stays selectable so it shows. Its options are
 * rendered once it is used.
 */
export function ReferenceSelect({ id, options, value, onChange, disabled, missingLabel, describedBy, isInvalid }: ReferenceSelectProps) {
  const { t } = useTranslation();
  const notChosenLabel = t('blocks.common.notChosen');
  const isMissing = value !== null && !options.some((option) => option.id === value);
  const missingOptionLabel = isMissing ? missingLabel(value) : '';
  const choices = useMemo<readonly ReferenceOption[]>(
    () => [{ id: '', label: notChosenLabel }, ...(isMissing && value !== null ? [{ id: value, label: missingOptionLabel }] : []), ...options],
    [notChosenLabel, isMissing, value, missingOptionLabel, options],
  );
  const { isUsed, handlers } = useOptionsWhenUsed();
  const selectValue = value ?? '';
  return (
    <select
      id={id}
      value={selectValue}
      disabled={disabled}
      aria-describedby={describedBy}
      aria-invalid={isInvalid || undefined}
      {...handlers}
      onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
    >
      {optionsToRender(choices, isUsed, (choice) => choice.id === selectValue).map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
