import type { TFunction } from 'i18next';

/** A plan's period for lists: "2025–2030", "od 2025", "do 2030" or "no period set". */
export function formatPeriod(from: string | null, to: string | null, t: TFunction): string {
  if (from !== null && to !== null) return `${from}–${to}`;
  if (from !== null) return t('plans.periodSince', { from });
  if (to !== null) return t('plans.periodUntil', { to });
  return t('plans.noPeriod');
}
