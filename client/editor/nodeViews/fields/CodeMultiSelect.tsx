import { useTranslation } from 'react-i18next';
import { label, taxonomyEntries, type TaxonomyCodes, type TaxonomyListName } from '../../../../shared/domain/taxonomy.js';
import { toLanguage } from './CodeSelect.js';
import { MultiSelect } from './MultiSelect.js';

export interface CodeMultiSelectProps<List extends TaxonomyListName> {
  legend: string;
  list: List;
  value: readonly TaxonomyCodes[List][];
  onChange: (value: TaxonomyCodes[List][]) => void;
  disabled: boolean;
  name: string;
}

/** A multi-choice over a taxonomy list as a searchable multi-select; the stored order is the taxonomy order. */
export function CodeMultiSelect<List extends TaxonomyListName>({ legend, list, value, onChange, disabled, name }: CodeMultiSelectProps<List>) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const entries = taxonomyEntries(list);
  const chosen = new Set<string>(value);
  return (
    <MultiSelect
      legend={legend}
      name={name}
      options={entries.map((entry) => ({ value: entry.code, label: label(list, entry.code, language) }))}
      checked={chosen}
      disabled={disabled}
      onToggle={(code, isChecked) => {
        const next = new Set(chosen);
        if (isChecked) next.add(code);
        else next.delete(code);
        onChange(entries.filter((candidate) => next.has(candidate.code)).map((candidate) => candidate.code));
      }}
    />
  );
}
