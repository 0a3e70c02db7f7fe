import { MultiSelect } from './MultiSelect.js';

export interface ReferenceOption {
  id: string;
  label: string;
}

export interface ReferenceMultiSelectProps {
  legend: string;
  name: string;
  options: readonly ReferenceOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  disabled: boolean;
  emptyText: string;
  /** Label of a chosen id that no longer exists in the plan. */
  missingLabel: (id: string) => string;
}

/** Links to other blocks of the plan (by id); ids pointing nowhere stay listed so they can be removed. */
export function ReferenceMultiSelect({ legend, name, options, value, onChange, disabled, emptyText, missingLabel }: ReferenceMultiSelectProps) {
  const known = new Set(options.map((option) => option.id));
  const all = [...options, ...value.filter((id) => !known.has(id)).map((id) => ({ id, label: missingLabel(id) }))];
  return (
    <MultiSelect
      legend={legend}
      name={name}
      options={all.map((option) => ({ value: option.id, label: option.label }))}
      checked={new Set(value)}
      disabled={disabled}
      emptyText={emptyText}
      onToggle={(id, isChecked) => onChange(isChecked ? [...value, id] : value.filter((candidate) => candidate !== id))}
    />
  );
}
