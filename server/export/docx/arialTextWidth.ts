import { ARIAL_BOLD, ARIAL_CHARACTERS, ARIAL_REGULAR } from './arialWidths.js';

// Thousandths of an em, by character; a character outside the table counts as an average lowercase letter.
const REGULAR = new Map<string, number>();
const BOLD = new Map<string, number>();
[...ARIAL_CHARACTERS].forEach((character, index) => {
  REGULAR.set(character, ARIAL_REGULAR[index] ?? 0);
  BOLD.set(character, ARIAL_BOLD[index] ?? 0);
});
const UNKNOWN = { regular: 556, bold: 611 };
/** Courier New and Liberation Mono: every character 0.6 em. */
const MONOSPACED = 600;

export type ArialFace = 'regular' | 'bold' | 'mono';

/** Width of text in Arial at a size in points, without kerning (Word and LibreOffice set none here). */
export function arialTextWidth(text: string, size: number, face: ArialFace): number {
  if (face === 'mono') return ([...text].length * MONOSPACED * size) / 1000;
  const widths = face === 'bold' ? BOLD : REGULAR;
  const unknown = face === 'bold' ? UNKNOWN.bold : UNKNOWN.regular;
  let total = 0;
  for (const character of text) total += widths.get(character) ?? unknown;
  return (total * size) / 1000;
}
