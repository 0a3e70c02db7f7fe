import { useTranslation } from 'react-i18next';
import { label, taxonomyEntries, type TaxonomyCodes, type TaxonomyListName } from '../../../../shared/domain/taxonomy.js';
import { toLanguage } from './CodeSelect.js';

export interface CodeCheckboxGroupProps<List extends TaxonomyListName> {
  legend: string;
  list: List;
  value: readonly TaxonomyCodes[List][];
  onChange: (value: TaxonomyCodes[List][]) => void;
  disabled: boolean;
  name: string;
}

/** A multi-choice over a taxonomy list as checkboxes; the stored order is the taxonomy order. */
export function CodeCheckboxGroup<List extends TaxonomyListName>({ legend, list, value, onChange, disabled, name }: CodeCheckboxGroupProps<List>) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const entries = taxonomyEntries(list);
  const chosen = new Set<string>(value);
  return (
    <fieldset className="block-field block-field--wide block-choices" data-field={name}>
      <legend className="block-field__label">{legend}</legend>
      <div className="block-choices__options">
        {entries.map((entry) => (
          <label key={entry.code} className="block-choices__option">
            <input
              type="checkbox"
              name={name}
              value={entry.code}
              checked={chosen.has(entry.code)}
              disabled={disabled}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(entry.code);
                else next.delete(entry.code);
                onChange(entries.filter((candidate) => next.has(candidate.code)).map((candidate) => candidate.code));
              }}
            />
            <span>{label(list, entry.code, language)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
