import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Plan } from '../../shared/domain/Plan.js';
import type { DecisionRecord } from '../../shared/deliberation/ProposalState.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import { buildExportDocument } from '../../server/export/buildExportDocument.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportTable } from '../../server/export/ExportDocument.js';
import type { ExportInput } from '../../server/export/ExportFormat.js';
import { exportRenderers } from '../../server/export/exportRenderers.js';
import { formatPeriod } from '../../server/export/polishFormats.js';
import { adoptingBodyGenitive } from '../../server/export/annexLine.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { readPdfText } from '../helpers/readPdfText.js';
import { readZip } from '../helpers/readZip.js';
import { RICH, richBlockPlanFile } from '../helpers/richBlockPlanFile.js';

/** A plan file read the way the server reads it: rich text fields become editor nodes. */
function planOf(file: unknown): Plan {
  const imported = importPlan(file);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.plan;
}

const sample = planOf(JSON.parse(readFileSync('shared/domain/samples/sample-plan-a.json', 'utf8')));
const richSample = planOf(richBlockPlanFile());
const generatedAt = new Date('2026-03-01T10:00:00Z');

function input(overrides: Partial<ExportInput['snapshot']> = {}, rejected: 'omit' | 'annex' = 'omit'): ExportInput {
  return { snapshot: { plan: structuredClone(sample), statuses: {}, register: [], version: null, ...overrides }, options: { rejected }, generatedAt };
}

const agreed: PlanVersion = {
  id: 'v1', planId: 'p', kind: 'agreed', name: 'Uzgodniona', note: '', createdBy: 'u', createdByName: 'Anna', createdAt: generatedAt.getTime(),
  agreed: { number: 2, decisionDate: '2026-03-12', decisionReference: 'protokół nr 4' }, contentHash: 'a'.repeat(64), remarksAnnex: null,
};

const headings = (document: ExportDocument): ExportHeading[] => document.body.filter((block): block is ExportHeading => block.kind === 'heading');
const tables = (document: ExportDocument): ExportTable[] => document.body.filter((block): block is ExportTable => block.kind === 'table');
const allText = (blocks: ExportBlock[]): string => JSON.stringify(blocks);

function directionCard(document: ExportDocument, number: string): ExportTable {
  const card = tables(document).find((table) => table.caption === `Kierunek interwencji ${number} – karta kierunku`);
  if (!card) throw new Error(`no card for ${number}`);
  return card;
}
const field = (table: ExportTable, name: string): string | undefined => table.rows.find((row) => row.cells[0] === name)?.cells[1];

describe('export document model', () => {
  it('numbers section and block headings, dropping the number a section title brings with it', () => {
    const document = buildExportDocument(input());
    const list = headings(document);
    expect(list[0]).toMatchObject({ level: 1, number: '1.', text: 'Wprowadzenie' });
    expect(list.find((heading) => heading.text.startsWith('Kierunek interwencji 1.1.'))).toMatchObject({ level: 2, number: '5.1.' });
    expect(new Set(list.map((heading) => heading.anchor)).size).toBe(list.length);
    expect(document.titlePage).toMatchObject({
      annexLine: 'Załącznik do Uchwały Nr … Zarządu Województwa Opolskiego z dnia …',
      period: 'na lata 2026–2028',
      adoptingBody: 'Organ przyjmujący: Zarząd Województwa Opolskiego',
      versionLines: ['Wersja robocza z dnia 1 marca 2026 r.'],
    });
  });

  it('shows the recorded status, not the status attribute a client can edit', () => {
    const plan = structuredClone(sample);
    const document = buildExportDocument(input({ plan, statuses: { 'KI-1.1': 'underDiscussion' } }));
    expect(field(directionCard(document, '1.1'), 'Status')).toBe('W dyskusji');
    // KI-1.2 has no recorded status: it is a draft whatever its attribute says.
    expect(field(directionCard(document, '1.2'), 'Status')).toBe('Szkic');
  });

  it('sums financing per direction and plan-wide, counting broken amounts as nothing', () => {
    const plan = structuredClone(sample);
    const direction = plan.sections.flatMap((section) => section.blocks).find((block) => block.type === 'interventionDirection');
    if (direction?.type !== 'interventionDirection') throw new Error('no direction');
    direction.fundingSources = [{ code: 'PFRON', amount: Number.NaN }, { code: 'JST_BUDGET', amount: 1000 }];
    const document = buildExportDocument(input({ plan }));
    const own = tables(document).find((table) => table.caption === 'Źródła finansowania – kierunek interwencji 1.1');
    expect(own?.rows.map((row) => row.cells)).toEqual([['PFRON', '—'], ['Budżet JST', '1\u00a0000,00'], ['Razem', '1\u00a0000,00']]);
    const summary = tables(document).find((table) => table.caption === 'Zestawienie finansowania według źródeł');
    const directions = plan.sections.flatMap((section) => section.blocks).filter((block) => block.type === 'interventionDirection');
    const expected = directions.flatMap((block) => (block.type === 'interventionDirection' ? block.fundingSources : [])).reduce((sum, share) => sum + (Number.isFinite(share.amount) ? share.amount : 0), 0);
    expect(summary?.rows.at(-1)?.cells[1]?.replace(/\s/g, '')).toBe(`${expected},00`);
  });

  it('an agreed version leaves rejected proposals out, annexes them on request and always annexes the register', () => {
    const register: DecisionRecord[] = [
      { seq: 7, planId: 'p', blockId: 'R-03', blockType: 'recommendation', kind: 'vote', fromStatus: null, toStatus: null, vote: 'against', note: '', actorId: 'u', actorName: 'Jan', createdAt: Date.UTC(2026, 2, 12, 9) },
      { seq: 8, planId: 'p', blockId: 'R-03', blockType: 'recommendation', kind: 'status', fromStatus: 'proposed', toStatus: 'rejected', vote: null, note: 'protokół nr 4', actorId: 'u', actorName: 'Anna', createdAt: Date.UTC(2026, 2, 12, 10) },
    ];
    const statuses = { 'R-03': 'rejected' as const };
    const omitted = buildExportDocument(input({ statuses, register, version: agreed }, 'omit'));
    expect(allText(omitted.body)).not.toContain('Model koordynatora usług w gminie');
    expect(omitted.titlePage.versionLines).toEqual([
      'Wersja uzgodniona nr 2, decyzja zespołu z dnia 12 marca 2026 r. (protokół nr 4)',
      `Suma kontrolna SHA-256: ${'a'.repeat(64)}`,
    ]);
    const registerTable = tables(omitted).at(-1);
    expect(registerTable?.rows.map((row) => row.cells)).toEqual([
      ['1', '12.03.2026', 'R-03', 'Głos: przeciw', '—', 'Jan'],
      ['2', '12.03.2026', 'R-03', 'Zmiana statusu: Zaproponowany → Odrzucony', 'protokół nr 4', 'Anna'],
    ]);
    const annexed = buildExportDocument(input({ statuses, register, version: agreed }, 'annex'));
    const annexTitles = headings(annexed).filter((heading) => heading.number === '').map((heading) => heading.text);
    expect(annexTitles).toEqual(['Załącznik nr 1. Propozycje odrzucone', 'Model R-03. Model koordynatora usług w gminie', 'Załącznik nr 2. Rejestr decyzji zespołu']);
    // A draft shows everything, rejected or not, and has no annexes.
    const draft = buildExportDocument(input({ statuses }, 'annex'));
    expect(allText(draft.body)).toContain('Model koordynatora usług w gminie');
    expect(headings(draft).some((heading) => heading.number === '')).toBe(false);
  });

  it('renders every format from a plan with missing lists and odd values', async () => {
    const broken = {
      ...structuredClone(sample),
      title: 42,
      period: { from: 'x', to: null },
      adoption: null,
      team: 'nobody',
      sections: [{ key: 'x', title: null, blocks: [{ type: 'interventionDirection', id: 7, actions: 'none', indicators: [null, { baseline: 'x' }] }, { type: 'richText', node: { type: 'bulletList', content: 'x' } }, null] }, 'section'],
    } as unknown as Plan;
    const document = buildExportDocument(input({ plan: broken, statuses: null as unknown as Record<string, never>, register: 'x' as unknown as DecisionRecord[] }));
    expect(document.titlePage.period).toBe('na lata …');
    for (const [format, render] of Object.entries(exportRenderers)) {
      const rendered = await render?.(input({ plan: broken }));
      expect(rendered?.bytes.length, format).toBeGreaterThan(10);
    }
    const empty = await exportRenderers.pdf?.(input({ plan: { ...structuredClone(sample), sections: [] } }));
    expect(empty?.bytes.length).toBeGreaterThan(1000);
  }, 60_000);

  it('keeps the formatting of block fields: marks, links and lists of descriptions, content and rationale', () => {
    const document = buildExportDocument(input({ plan: structuredClone(richSample) }));
    const start = document.body.findIndex((block) => block.kind === 'heading' && block.text.startsWith('Kierunek interwencji 1.1.'));
    const [description, bullets, numbered] = document.body.slice(start + 1, start + 4);
    expect(description).toEqual({
      kind: 'paragraph',
      variant: 'body',
      runs: [
        { text: RICH.bold, bold: true },
        { text: ' są potrzebne ' },
        { text: RICH.italic, italic: true },
        { text: '; zob. ' },
        { text: RICH.linkText, href: RICH.href },
        { text: '.' },
      ],
    });
    expect(bullets).toEqual({ kind: 'list', ordered: false, items: RICH.bullets.map((text) => ({ runs: [{ text }], children: [] })) });
    expect(numbered).toEqual({ kind: 'list', ordered: true, items: RICH.numbered.map((text) => ({ runs: [{ text }], children: [] })) });

    const recommendation = document.body.findIndex((block) => block.kind === 'heading' && block.text.startsWith('Rekomendacja R-01.'));
    const card = document.body.findIndex((block, index) => index > recommendation && block.kind === 'table');
    const recommendationText = allText(document.body.slice(recommendation, card));
    expect(recommendationText).toContain(JSON.stringify({ text: RICH.contentBold, bold: true }));
    expect(recommendationText).toContain(JSON.stringify({ text: 'Uzasadnienie:', bold: true }));
    expect(recommendationText).toContain(JSON.stringify({ text: RICH.rationaleItalic, italic: true }));
    expect(recommendationText).toContain(JSON.stringify({ runs: [{ text: RICH.rationaleBullets[0] }], children: [] }));
    // The rationale is written once, as prose, not again as a plain table cell.
    const recommendationCard = document.body[card] as ExportTable;
    expect(recommendationCard.rows.map((row) => row.cells[0])).not.toContain('Uzasadnienie');

    // A goal's description sits in a table cell, which holds plain text.
    const goals = tables(document).find((table) => table.caption === 'Cele planu');
    expect(goals?.rows.find((row) => row.cells[0]?.startsWith('CS-1') === true)?.cells[2]).toContain(`${RICH.goalBold} – obszar wsparcia rodziny.`);
  });

  it('writes the formatting of block fields into DOCX, PDF, HTML and Markdown', async () => {
    const rendered = async (format: 'docx' | 'pdf' | 'html' | 'md'): Promise<Buffer> => {
      const file = await exportRenderers[format]?.(input({ plan: structuredClone(richSample) }));
      if (!file) throw new Error(`no ${format} renderer`);
      return Buffer.from(file.bytes);
    };

    const zip = readZip(await rendered('docx'));
    const documentXml = zip.get('word/document.xml')?.toString('utf8') ?? '';
    expect(documentXml).toContain(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${RICH.bold}</w:t></w:r>`);
    expect(documentXml).toContain(`<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">${RICH.italic}</w:t></w:r>`);
    expect(documentXml).toContain(`<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">${RICH.rationaleItalic}</w:t></w:r>`);
    const hyperlink = new RegExp(`<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>(?:(?!</w:hyperlink>).)*${RICH.linkText}`).exec(documentXml);
    expect(hyperlink, 'hyperlink').not.toBeNull();
    const relations = zip.get('word/_rels/document.xml.rels')?.toString('utf8') ?? '';
    expect(relations).toContain(`Id="${hyperlink?.[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${RICH.href}" TargetMode="External"`);
    const numbering = zip.get('word/numbering.xml')?.toString('utf8') ?? '';
    const listFormat = (text: string): string | undefined => {
      const numId = new RegExp(`<w:numId w:val="(\\d+)"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${text}</w:t>`).exec(documentXml)?.[1];
      const abstractId = new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
      const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>(?:(?!</w:abstractNum>).)*?<w:lvl [^>]*w:ilvl="0"[^>]*>(?:(?!</w:lvl>).)*?<w:numFmt w:val="(\\w+)"/>`).exec(numbering);
      return abstract?.[1];
    };
    for (const text of RICH.bullets) expect(listFormat(text), text).toBe('bullet');
    for (const text of RICH.numbered) expect(listFormat(text), text).toBe('decimal');
    for (const text of RICH.rationaleBullets) expect(listFormat(text), text).toBe('bullet');

    const html = (await rendered('html')).toString('utf8');
    expect(html).toContain(`<p><strong>${RICH.bold}</strong> są potrzebne <em>${RICH.italic}</em>; zob. <a href="${RICH.href}">${RICH.linkText}</a>.</p>`);
    expect(html).toContain(`<ul><li>${RICH.bullets[0]}</li><li>${RICH.bullets[1]}</li></ul>`);
    expect(html).toContain(`<ol><li>${RICH.numbered[0]}</li><li>${RICH.numbered[1]}</li></ol>`);
    expect(html).toContain(`<em>${RICH.rationaleItalic}</em>`);
    expect(html).toContain(`<ul><li>${RICH.rationaleBullets[0]}</li><li>${RICH.rationaleBullets[1]}</li></ul>`);

    const markdown = (await rendered('md')).toString('utf8');
    expect(markdown).toContain(`**${RICH.bold}** są potrzebne *${RICH.italic}*; zob. [${RICH.linkText}](<${RICH.href}>).`);
    expect(markdown).toContain(`\n- ${RICH.bullets[0]}\n- ${RICH.bullets[1]}\n`);
    expect(markdown).toContain(`\n1. ${RICH.numbered[0]}\n2. ${RICH.numbered[1]}\n`);
    expect(markdown).toContain(`**${RICH.contentBold}**`);
    expect(markdown).toContain(`*${RICH.rationaleItalic}*`);
    expect(markdown).toContain(`\n- ${RICH.rationaleBullets[0]}\n- ${RICH.rationaleBullets[1]}\n`);

    const pdfText = (await readPdfText(await rendered('pdf'))).replace(/\s+/g, ' ');
    for (const text of [RICH.bold, RICH.italic, RICH.linkText, ...RICH.bullets, ...RICH.numbered, RICH.contentBold, RICH.rationaleItalic, ...RICH.rationaleBullets]) {
      expect(pdfText, text).toContain(text);
    }
    expect(pdfText).toContain(`1. ${RICH.numbered[0]}`);
  }, 60_000);

  it('reads untrusted block rich text without throwing: strings, garbage nodes, headings and control characters', () => {
    const plan = structuredClone(richSample);
    const blocks = plan.sections.flatMap((section) => section.blocks);
    const direction = blocks.find((block) => block.type === 'interventionDirection');
    const recommendation = blocks.find((block) => block.type === 'recommendation');
    if (direction?.type !== 'interventionDirection' || recommendation?.type !== 'recommendation') throw new Error('no blocks');
    direction.description = [
      null,
      7,
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Nagłówek w polu' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'a\u0001b', marks: [null, { type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      { type: 'bulletList', content: 'x' },
    ] as unknown as typeof direction.description;
    recommendation.content = 'zwykły tekst' as unknown as typeof recommendation.content;
    recommendation.rationale = { type: 'paragraph' } as unknown as typeof recommendation.rationale;
    const document = buildExportDocument(input({ plan }));
    const text = allText(document.body);
    expect(text).toContain(JSON.stringify({ text: 'Nagłówek w polu', bold: true }));
    // A heading inside a field does not become a heading of the document.
    expect(headings(document).some((heading) => heading.text === 'Nagłówek w polu')).toBe(false);
    expect(text).toContain(JSON.stringify({ kind: 'paragraph', runs: [{ text: 'ab' }], variant: 'body' }));
    expect(text).not.toContain('javascript:');
    expect(text).toContain('zwykły tekst');
  });

  it('declines the adopting body and writes the period as Polish documents do', () => {
    expect(adoptingBodyGenitive('Zarząd Województwa Opolskiego')).toBe('Zarządu Województwa Opolskiego');
    expect(adoptingBodyGenitive('Rada Gminy Dobrzeń Wielki')).toBe('Rady Gminy Dobrzeń Wielki');
    expect(adoptingBodyGenitive('Zarząd Województwa (uchwała)')).toBe('Zarządu Województwa');
    expect(formatPeriod(2026, 2026)).toBe('na rok 2026');
  });

  it('gives the same PDF bytes for the same input', async () => {
    const first = await exportRenderers.pdf?.(input());
    const second = await exportRenderers.pdf?.(input());
    expect(first && second && Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  }, 20_000);

  it('gives the same ODT bytes for the same input, dated with the snapshot', async () => {
    const first = await exportRenderers.odt?.(input());
    const second = await exportRenderers.odt?.(input());
    expect(first && second && Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    const meta = readZip(first?.bytes ?? new Uint8Array()).get('meta.xml')?.toString('utf8') ?? '';
    expect(meta).toContain(`<meta:creation-date>${generatedAt.toISOString().slice(0, 19)}</meta:creation-date>`);
    expect(meta).toContain('<dc:language>pl-PL</dc:language>');
    expect(meta).toContain('<meta:keyword>deinstytucjonalizacja</meta:keyword>');
  });
});
