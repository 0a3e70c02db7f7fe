/** How dates, numbers and periods are written in a Polish official document. */

const TIME_ZONE = 'Europe/Warsaw';
const longDate = new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const shortDate = new Intl.DateTimeFormat('pl-PL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const integer = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });

/** "12 marca 2026 r."; a 'YYYY-MM-DD' string is taken as that calendar day. Unreadable values are shown as they are. */
export function formatLongDate(value: Date | number | string): string {
  const date = toDate(value);
  return date === null ? String(value) : `${longDate.format(date)} r.`;
}

/** "12.03.2026" */
export function formatShortDate(value: Date | number | string): string {
  const date = toDate(value);
  return date === null ? String(value) : shortDate.format(date);
}

/** "1 250 000" (grouped, whole units); a missing or broken number is a dash. */
export function formatAmount(value: unknown): string {
  return isFiniteNumber(value) ? integer.format(value) : '—';
}

/** A measured value with up to two decimals. */
export function formatNumber(value: unknown): string {
  return isFiniteNumber(value) ? decimal.format(value) : '—';
}

/** "2026-01" → "01.2026"; anything else is shown as it is, '' as a dash. */
export function formatMonth(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) return `${match[2]}.${match[1]}`;
  return value === '' ? '—' : value;
}

/** "na lata 2026–2028", or "na rok 2026". */
export function formatPeriod(from: unknown, to: unknown): string {
  const start = isFiniteNumber(from) ? from : null;
  const end = isFiniteNumber(to) ? to : null;
  if (start !== null && end !== null) return start === end ? `na rok ${start}` : `na lata ${start}–${end}`;
  if (start !== null || end !== null) return `na rok ${start ?? end}`;
  return 'na lata …';
}

const GENITIVE: ReadonlyArray<[RegExp, string]> = [
  [/^Zarząd\b/, 'Zarządu'],
  [/^Rada\b/, 'Rady'],
  [/^Sejmik\b/, 'Sejmiku'],
  [/^Wójt\b/, 'Wójta'],
  [/^Burmistrz\b/, 'Burmistrza'],
  [/^Prezydent\b/, 'Prezydenta'],
  [/^Starosta\b/, 'Starosty'],
  [/^Dyrektor\b/, 'Dyrektora'],
];

/**
 * The adopting body in the genitive for the annex line ("Zarząd Województwa
 * Opolskiego" → "Zarządu Województwa Opolskiego"). Only the head noun is
 * declined, which covers the bodies that adopt these plans; anything else
 * is left as written rather than guessed.
 */
export function adoptingBodyGenitive(body: string): string {
  const trimmed = body.replace(/\s*\(.*\)\s*$/, '').trim();
  for (const [pattern, genitive] of GENITIVE) {
    if (pattern.test(trimmed)) return trimmed.replace(pattern, genitive);
  }
  return trimmed;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function toDate(value: Date | number | string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Noon UTC is the same calendar day in Warsaw whatever the season.
  if (day) return new Date(`${day[1]}-${day[2]}-${day[3]}T12:00:00Z`);
  return null;
}
