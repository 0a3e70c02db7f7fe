/** How dates, numbers and periods are written in a Polish official document. */

const TIME_ZONE = 'Europe/Warsaw';
// Made on first use: building a formatter loads ICU's Polish data and time zones, about 25 ms that
// every server start paid at import although only exports need it.
let longDate: Intl.DateTimeFormat | null = null;
let shortDate: Intl.DateTimeFormat | null = null;
const longDateFormat = (): Intl.DateTimeFormat =>
  (longDate ??= new Intl.DateTimeFormat('pl-PL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }));
const shortDateFormat = (): Intl.DateTimeFormat =>
  (shortDate ??= new Intl.DateTimeFormat('pl-PL', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE }));

/** Thousands are grouped with a no-break space, so "1 450" never breaks across lines. */
const GROUP_SEPARATOR = '\u00a0';
const DECIMAL_SEPARATOR = ',';

/** "12 marca 2026 r." (for prose: the title page, version lines); a 'YYYY-MM-DD' string is taken as that calendar day. Unreadable values are shown as they are. */
export function formatLongDate(value: Date | number | string): string {
  const date = toDate(value);
  return date === null ? String(value) : `${longDateFormat().format(date)} r.`;
}

/** "12.03.2026" (for table cells). */
export function formatShortDate(value: Date | number | string): string {
  const date = toDate(value);
  return date === null ? String(value) : shortDateFormat().format(date);
}

/**
 * Money exact to the grosz, always with two decimals so a column of amounts
 * reads the same: "1 480 000,50", "18 500 000,00", "0,01". A missing or
 * broken number is a dash.
 */
export function formatAmount(value: unknown): string {
  if (!isFiniteNumber(value)) return '—';
  const grosze = toGrosze(value);
  const sign = grosze < 0 ? '-' : '';
  const absolute = Math.abs(grosze);
  const zloty = Math.floor(absolute / 100);
  const rest = absolute % 100;
  return `${sign}${groupDigits(String(zloty))}${DECIMAL_SEPARATOR}${String(rest).padStart(2, '0')}`;
}

/** "1 480 000,50 zł"; another currency keeps its code ("250,00 EUR"). */
export function formatMoney(value: unknown, currency: string): string {
  const amount = formatAmount(value);
  if (amount === '—') return amount;
  return `${amount}${GROUP_SEPARATOR}${currency === '' || currency === 'PLN' ? 'zł' : currency}`;
}

/** A whole number of grosze, so sums of amounts stay exact. */
export function toGrosze(value: number): number {
  return Math.round(value * 100);
}

/** A measured value, grouped like amounts, with up to two decimals and no trailing zeros: "1 450", "12,5". */
export function formatNumber(value: unknown): string {
  if (!isFiniteNumber(value)) return '—';
  const rounded = Math.round(value * 100) / 100;
  const sign = rounded < 0 ? '-' : '';
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(2).replace(/\.?0+$/, '').split('.');
  return `${sign}${groupDigits(whole)}${fraction === undefined ? '' : `${DECIMAL_SEPARATOR}${fraction}`}`;
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

// Every group of three digits, four-digit numbers too (Intl's pl-PL leaves "4999" ungrouped).
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
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
