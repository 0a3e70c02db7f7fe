/**
 * A calendar day ('YYYY-MM-DD') as the UI language writes it in prose:
 * "1 grudnia 2026 r." in Polish, "1 December 2026" in English. Anything else
 * stays as it is.
 */
export function formatCalendarDay(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return day;
  // Noon UTC is the same calendar day wherever the reader is.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  if (Number.isNaN(date.getTime())) return day;
  const isPolish = !language.startsWith('en');
  const text = new Intl.DateTimeFormat(isPolish ? 'pl-PL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return isPolish ? `${text} r.` : text;
}
