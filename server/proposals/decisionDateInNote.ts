// Genitive month names, as a Polish date is written in prose ("12 marca 2026").
const MONTHS = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'];

/**
 * The date a decision note names ("protokół nr 4 z 12.03.2026", "… z dnia
 * 12 marca 2026 r.", "2026-03-12") as 'YYYY-MM-DD', or null. A plan file
 * records decisions only as such notes, so this is the file's own date of
 * the decision; the first real calendar date in the note wins.
 */
export function decisionDateInNote(note: string): string | null {
  const candidates: Array<[number, number, number, number]> = [];
  for (const match of note.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g)) {
    candidates.push([match.index, Number(match[3]), Number(match[2]), Number(match[1])]);
  }
  for (const match of note.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)) {
    candidates.push([match.index, Number(match[1]), Number(match[2]), Number(match[3])]);
  }
  for (const match of note.matchAll(new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})(?!\\d)`, 'giu'))) {
    candidates.push([match.index, Number(match[3]), MONTHS.indexOf((match[2] ?? '').toLowerCase()) + 1, Number(match[1])]);
  }
  candidates.sort((a, b) => a[0] - b[0]);
  for (const [, year, month, day] of candidates) {
    if (isCalendarDay(year, month, day)) return `${year}-${pad(month)}-${pad(day)}`;
  }
  return null;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
