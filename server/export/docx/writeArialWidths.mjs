/**
 * Writes arialWidths.ts: the advance widths of Arial (regular and bold) for the
 * characters Polish plans use, read from Liberation Sans, which is made to the
 * same widths and is what LibreOffice draws Arial with where Arial is missing.
 * Run once by hand (the table is committed, the fonts are not needed at run time):
 *
 *   node server/export/docx/writeArialWidths.mjs /usr/share/fonts/truetype/liberation2
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';

const directory = process.argv[2] ?? '/usr/share/fonts/truetype/liberation2';
const EXTRA = '–—„”“’‘•…§€−\u200b';
const characters = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)),
  ...Array.from({ length: 0x180 - 0xa0 }, (_, index) => String.fromCharCode(0xa0 + index)),
  ...EXTRA,
].join('');

function widthsOf(file) {
  const font = fontkit.openSync(path.join(directory, file));
  if (!('glyphForCodePoint' in font)) throw new Error(`${file} is a collection`);
  return [...characters].map((character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint === 0x200b) return 0;
    return Math.round((font.glyphForCodePoint(codePoint).advanceWidth * 1000) / font.unitsPerEm);
  });
}

const output = path.join(path.dirname(fileURLToPath(import.meta.url)), 'arialWidths.ts');
writeFileSync(
  output,
  [
    '// Written by writeArialWidths.mjs from Liberation Sans (Arial\'s widths): advance widths in thousandths of an em.',
    `export const ARIAL_CHARACTERS = ${JSON.stringify(characters)};`,
    `export const ARIAL_REGULAR = [${widthsOf('LiberationSans-Regular.ttf').join(', ')}];`,
    `export const ARIAL_BOLD = [${widthsOf('LiberationSans-Bold.ttf').join(', ')}];`,
    '',
  ].join('\n'),
);
console.log(`wrote ${output}`);
