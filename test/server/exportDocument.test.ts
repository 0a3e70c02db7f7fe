import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Plan } from '../../shared/domain/Plan.js';
import type { DecisionRecord } from '../../shared/deliberation/ProposalState.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import { buildExportDocument } from '../../server/export/buildExportDocument.js';
import type { ExportBlock, ExportDocument, ExportHeading, ExportTable } from '../../server/export/ExportDocument.js';
import type { ExportInput } from '../../server/export/ExportFormat.js';
import { exportRenderers } from '../../server/export/exportRenderers.js';
import { adoptingBodyGenitive, formatPeriod } from '../../server/export/polishFormats.js';

const sample = JSON.parse(readFileSync('shared/domain/samples/sample-plan-a.json', 'utf8')) as Plan;
const generatedAt = new Date('2026-03-01T10:00:00Z');

function input(overrides: Partial<ExportInput['snapshot']> = {}, rejected: 'omit' | 'annex' = 'omit'): ExportInput {
  return { snapshot: { plan: structuredClone(sample), statuses: {}, register: [], version: null, ...overrides }, options: { rejected }, generatedAt };
}

const agreed: PlanVersion = {
  id: 'v1', planId: 'p', kind: 'agreed', name: 'Uzgodniona', note: '', createdBy: 'u', createdByName: 'Anna', createdAt: generatedAt.getTime(),
  agreed: { number: 2, decisionDate: '2026-03-12', decisionReference: 'protokół nr 4' }, contentHash: 'a'.repeat(64),
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
    expect(own?.rows.map((row) => row.cells)).toEqual([['PFRON', '—'], ['Budżet JST', '1000'], ['Razem', '1000']]);
    const summary = tables(document).find((table) => table.caption === 'Zestawienie finansowania według źródeł');
    const directions = plan.sections.flatMap((section) => section.blocks).filter((block) => block.type === 'interventionDirection');
    const expected = directions.flatMap((block) => (block.type === 'interventionDirection' ? block.fundingSources : [])).reduce((sum, share) => sum + (Number.isFinite(share.amount) ? share.amount : 0), 0);
    expect(summary?.rows.at(-1)?.cells[1]?.replace(/\s/g, '')).toBe(String(expected));
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
      ['7', '12.03.2026', 'R-03', 'Głos: przeciw', '—', 'Jan'],
      ['8', '12.03.2026', 'R-03', 'Zmiana statusu: Zaproponowany → Odrzucony', 'protokół nr 4', 'Anna'],
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
  }, 20_000);

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
});
