import { useTranslation } from 'react-i18next';
import { label, taxonomyEntries, type Language, type TaxonomyCodes, type TaxonomyListName } from '../../../../shared/domain/taxonomy.js';

export interface CodeSelectProps<List extends TaxonomyListName> {
  id: string;
  list: List;
  value: TaxonomyCodes[List] | null;
  onChange: (value: TaxonomyCodes[List] | null) => void;
  disabled: boolean;
  /** Offer an empty choice that stores null. */
  isNullable?: boolean;
  ariaLabel?: string;
}

/** A native select over one taxonomy list, labelled in the current language. */
export function CodeSelect<List extends TaxonomyListName>({ id, list, value, onChange, disabled, isNullable, ariaLabel }: CodeSelectProps<List>) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const entries = taxonomyEntries(list);
  return (
    <select
      id={id}
      value={value ?? ''}
      disabled={disabled}
      aria-label={ariaLabel}
      onChange={(event) => {
        const chosen = entries.find((entry) => entry.code === event.target.value);
        onChange(chosen === undefined ? null : chosen.code);
      }}
    >
      {isNullable && <option value="">{t('blocks.common.notChosen')}</option>}
      {entries.map((entry) => (
        <option key={entry.code} value={entry.code}>
          {label(list, entry.code, language)}
        </option>
      ))}
    </select>
  );
}

export function toLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'pl';
}
