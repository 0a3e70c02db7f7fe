import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { label, taxonomyEntries, type Language, type TaxonomyCodes, type TaxonomyListName } from '../../../../shared/domain/taxonomy.js';
import { optionsToRender, useOptionsWhenUsed } from './useOptionsWhenUsed.js';

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

interface CodeOption {
  value: string;
  label: string;
}

/** A native select over one taxonomy list, labelled in the current language; its options are rendered once it is used. */
export function CodeSelect<List extends TaxonomyListName>({ id, list, value, onChange, disabled, isNullable, ariaLabel }: CodeSelectProps<List>) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const entries = useMemo(() => taxonomyEntries(list), [list]);
  const notChosenLabel = t('blocks.common.notChosen');
  const options = useMemo<readonly CodeOption[]>(
    () => [
      ...(isNullable ? [{ value: '', label: notChosenLabel }] : []),
      ...entries.map((entry) => ({ value: entry.code, label: label(list, entry.code, language) })),
    ],
    [entries, isNullable, list, language, notChosenLabel],
  );
  const { isUsed, handlers } = useOptionsWhenUsed();
  const selectValue = value ?? '';
  return (
    <select
      id={id}
      value={selectValue}
      disabled={disabled}
      aria-label={ariaLabel}
      {...handlers}
      onChange={(event) => {
        const chosen = entries.find((entry) => entry.code === event.target.value);
        onChange(chosen === undefined ? null : chosen.code);
      }}
    >
      {optionsToRender(options, isUsed, (option) => option.value === selectValue).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function toLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'pl';
}
