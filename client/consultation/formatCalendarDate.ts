/** A calendar day (YYYY-MM-DD) as the UI language writes it, e.g. "15 grudnia 2026". */
export function formatCalendarDate(day: string, language: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
}
