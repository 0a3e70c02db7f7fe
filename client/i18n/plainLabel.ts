import i18next from 'i18next';

const cache = new Map<string, string>();
let cachedLanguage = '';

/**
 * A message without interpolation in the current language, looked up once
 * per language: the editor's hand-written views ask for the same few labels
 * thousands of times while a big plan opens, and each i18next lookup parses
 * its key again.
 */
export function plainLabel(key: string): string {
  if (i18next.language !== cachedLanguage) {
    cache.clear();
    cachedLanguage = i18next.language;
  }
  let label = cache.get(key);
  if (label === undefined) {
    label = i18next.t(key as never) as string;
    cache.set(key, label);
  }
  return label;
}
