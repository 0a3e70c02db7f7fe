/** A date with the time of day in the UI language, e.g. "12 mar 2025, 14:05". */
export function formatDateTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(timestamp);
}
