import type { TFunction } from 'i18next';

/**
 * A field path from the comparison (`indicators[0].target.value`) in words:
 * "wskaźniki[1] wartość docelowa". List positions count from 1, as people do;
 * a name with no translation stays as it is.
 */
export function describeField(path: string, t: TFunction): string {
  const segments = path.split('.').flatMap((segment) => {
    const match = /^([^[]*)((?:\[\d+\])*)$/.exec(segment);
    if (match === null) return [{ key: segment, indices: '' }];
    const indices = (match[2] ?? '').replace(/\[(\d+)\]/g, (_all, index: string) => `[${Number(index) + 1}]`);
    return [{ key: match[1] ?? '', indices }];
  });
  const words: string[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const next = segments[index + 1];
    if (segment === undefined) continue;
    // "target.value" reads better as one phrase ("wartość docelowa") than as two words.
    const pair = next !== undefined && segment.indices === '' ? `${segment.key}${capitalize(next.key)}` : null;
    if (pair !== null && next !== undefined && t(`versions.field.${pair}`, { defaultValue: '' }) !== '') {
      words.push(`${t(`versions.field.${pair}`, { defaultValue: pair })}${next.indices}`);
      index++;
      continue;
    }
    const label = segment.key === '' ? '' : t(`versions.field.${segment.key}`, { defaultValue: segment.key });
    words.push(`${label}${segment.indices}`);
  }
  return words.filter((word) => word !== '').join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
