import { describe, expect, it } from 'vitest';
import type { ExportBlock, ExportDocument } from '../../server/export/ExportDocument.js';
import { estimateDocxPages } from '../../server/export/docx/estimateDocxPages.js';
import { renderDocxDocument } from '../../server/export/renderDocx.js';
import { readZip } from '../helpers/readZip.js';

/**
 * The DOCX page estimate without LibreOffice (exportOffice.test.ts checks it
 * against LibreOffice's pages): its rules on small documents, and odd input
 * that must neither hang it nor lose the contents' numbers.
 */

const words = (count: number): string => Array.from({ length: count }, (_, index) => `słowo${index % 10}`).join(' ');

function document(body: ExportBlock[]): ExportDocument {
  return {
    language: 'pl-PL',
    properties: { title: 'T', author: 'A', subject: 'S', description: 'D' },
    titlePage: { annexLine: '', kindLabel: 'Plan', title: 'Tytuł', territory: '', period: '', adoptingBody: '', versionLines: [], notes: [] },
    contentsTitle: 'Spis treści',
    body,
  };
}

const heading = (number: string, text: string): ExportBlock => ({ kind: 'heading', level: 1, number, text, anchor: `h${number}` });
const paragraph = (text: string): ExportBlock => ({ kind: 'paragraph', variant: 'body', runs: [{ text }] });
const table = (columns: number, rows: number, orientation?: 'landscape'): ExportBlock => ({
  kind: 'table',
  caption: 'Tabela',
  header: Array.from({ length: columns }, (_, column) => `Kolumna ${column + 1}`),
  rows: Array.from({ length: rows }, () => ({ cells: Array.from({ length: columns }, () => 'komórka tabeli') })),
  hasRowHeaders: false,
  widths: Array.from({ length: columns }, () => 1),
  align: Array.from({ length: columns }, () => 'left' as const),
  ...(orientation === undefined ? {} : { orientation }),
});

describe('DOCX page estimate', () => {
  it('puts the body after the title page and the contents, and a chapter after a full page on the next', () => {
    // A page holds 50 lines of 13.8 pt; 60 lines of text push the second chapter onto page 4.
    const short = estimateDocxPages(document([heading('1.', 'Jeden'), paragraph(words(10)), heading('2.', 'Dwa')]));
    expect(short.headingPages).toEqual([3, 3]);
    const long = estimateDocxPages(document([heading('1.', 'Jeden'), paragraph(words(700)), heading('2.', 'Dwa')]));
    expect(long.headingPages).toEqual([3, 4]);
    expect(long.pageCount).toBe(4);
  });

  it('gives a landscape table pages of its own and starts what follows on a new upright page', () => {
    const estimate = estimateDocxPages(document([heading('1.', 'Jeden'), paragraph('Krótko.'), table(7, 3, 'landscape'), heading('2.', 'Dwa')]));
    expect(estimate.headingPages).toEqual([3, 5]);
  });

  it('ends on odd input: a word of 60 000 letters, a table of 200 columns, rows taller than a page', async () => {
    const tall: ExportBlock = { ...(table(2, 1) as ExportBlock & { kind: 'table' }), rows: [{ cells: [words(3000), 'x'] }] };
    const odd = document([heading('1.', 'Jeden'), paragraph('x'.repeat(60_000)), table(200, 5), tall, heading('2.', 'Dwa')]);
    const estimate = estimateDocxPages(odd);
    expect(estimate.headingPages[0]).toBe(3);
    expect(Number.isFinite(estimate.pageCount)).toBe(true);
    expect(estimate.headingPages[1]).toBeGreaterThan(estimate.headingPages[0] ?? 0);
    // The file still carries both contents entries with their numbers.
    const xml = readZip((await renderDocxDocument(odd, new Date('2026-03-01T10:00:00Z'))).bytes).get('word/document.xml')?.toString('utf8') ?? '';
    const numbers = [...xml.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t xml:space="preserve">(\d+)<\/w:t>/g)].map((match) => Number(match[1]));
    expect(numbers).toEqual(estimate.headingPages);
  });
});
