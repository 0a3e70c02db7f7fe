/** A date (no time) in the UI language, e.g. "12 mar 2025" / "12 Mar 2025". */
export function formatDate(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(timestamp);
}
