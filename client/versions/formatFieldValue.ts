import type { TFunction } from 'i18next';

/** A compared value for a sentence: numbers in the UI language, text in quotes, nothing as "(puste)". */
export function formatFieldValue(value: unknown, language: string, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('versions.change.empty');
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  if (typeof value === 'string') return language.startsWith('pl') ? `„${value}”` : `“${value}”`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number')) {
    return value.length === 0 ? t('versions.change.empty') : value.join(', ');
  }
  return JSON.stringify(value);
}
