/** A number as a box shows it ('' for none). */
export function formatNumber(value: number | null): string {
  return value === null ? '' : String(value);
}

/** Accepts a Polish decimal comma and spaces between thousands; null when the text is not a number. */
export function parseNumber(text: string, isInteger: boolean): number | null {
  const normalized = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  const parsed = Number(normalized);
  if (!Number.isFinite(parsed) || (isInteger && !Number.isInteger(parsed))) return null;
  return parsed;
}
