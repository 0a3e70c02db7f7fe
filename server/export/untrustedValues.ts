/**
 * Readers for snapshot values. The plan came through the sanitizing reader,
 * but a renderer must never throw on a value a client managed to slip in, so
 * every field is read through one of these.
 */

// Longer fields are cut so a pasted megabyte cannot stall a PDF layout.
const MAX_FIELD_LENGTH = 50_000;

export function textOf(value: unknown): string {
  let text = '';
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  // Control characters other than tab and newline break XML (DOCX) and say nothing in any format.
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '').replace(/\r\n?/g, '\n');
  return text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH)}…` : text;
}

export function listOf<Element>(value: unknown): Element[] {
  return Array.isArray(value) ? (value as Element[]) : [];
}

export function textListOf(value: unknown): string[] {
  return listOf<unknown>(value).map(textOf).filter((entry) => entry !== '');
}

export function recordOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function finiteNumberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
