import { readFileSync } from 'node:fs';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';

const text = (value: string, ...marks: ProseMirrorNodeJson['marks'] & object): ProseMirrorNodeJson =>
  marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks };
const paragraph = (...content: ProseMirrorNodeJson[]): ProseMirrorNodeJson => ({ type: 'paragraph', content });
const list = (type: 'bulletList' | 'orderedList', items: string[]): ProseMirrorNodeJson => ({
  type,
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })),
});
const BOLD = { type: 'bold' };
const ITALIC = { type: 'italic' };

/** The words a test looks for in every format, one per kind of formatting. */
export const RICH = {
  bold: 'Rodziny zawodowe',
  italic: 'w każdym powiecie',
  linkText: 'rejestr rodzin',
  href: 'https://example.org/rejestr',
  bullets: ['szkolenia kandydatów', 'wsparcie koordynatorów'],
  numbered: ['nabór w 2026', 'ocena w 2027'],
  contentBold: 'jednolite kryteria',
  rationaleItalic: 'ustawy o pomocy społecznej',
  rationaleBullets: ['mniej placówek', 'więcej usług w domu'],
  goalBold: 'Rodzina przede wszystkim',
} as const;

/**
 * Sample plan A as a plan file of format 2 whose block fields carry
 * formatting: bold, italic, a link, a bullet list and a numbered list in
 * KI-1.1's description; bold and a numbered list in R-01's content, italic and
 * a bullet list in its rationale; bold in CS-1's description.
 */
export function richBlockPlanFile(): Record<string, unknown> {
  const file = JSON.parse(readFileSync('shared/domain/samples/sample-plan-a.json', 'utf8')) as {
    schemaVersion: number;
    sections: Array<{ blocks: Array<Record<string, unknown>> }>;
  };
  file.schemaVersion = 2;
  const block = (id: string): Record<string, unknown> => {
    const found = file.sections.flatMap((section) => section.blocks).find((candidate) => candidate['id'] === id);
    if (found === undefined) throw new Error(`no block ${id} in the sample`);
    return found;
  };
  block('KI-1.1')['description'] = [
    paragraph(text(RICH.bold, BOLD), text(' są potrzebne '), text(RICH.italic, ITALIC), text('; zob. '), text(RICH.linkText, { type: 'link', attrs: { href: RICH.href } }), text('.')),
    list('bulletList', [...RICH.bullets]),
    list('orderedList', [...RICH.numbered]),
  ];
  block('R-01')['content'] = [paragraph(text('Nabory stosują '), text(RICH.contentBold, BOLD), text('.')), list('orderedList', ['ogłoszenie', 'ocena'])];
  block('R-01')['rationale'] = [paragraph(text('Wynika to z '), text(RICH.rationaleItalic, ITALIC), text('.')), list('bulletList', [...RICH.rationaleBullets])];
  block('CS-1')['description'] = [paragraph(text(RICH.goalBold, BOLD), text(' – obszar wsparcia rodziny.'))];
  return file;
}
