import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Plan } from '../../shared/domain/Plan.js';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { planToFile } from '../../shared/planJson/planToFile.js';
import { proseMirrorToPlan } from '../../shared/planJson/proseMirrorToPlan.js';
import { readPlanFromYDoc } from '../../shared/planJson/readPlanFromYDoc.js';
import { readPlanMeta } from '../../shared/planJson/readPlanMeta.js';
import { writePlanMeta } from '../../shared/planJson/writePlanMeta.js';
import { writePlanToYDoc } from '../../shared/planJson/writePlanToYDoc.js';
import { importOrThrow, planBlock, samplePlan, samplePlanJson, type PlanFileJson } from './planTestDocuments.js';

/** Through a Y.Doc and the wire, as a second client or the server after a restart would see it. */
function throughYDoc(plan: Plan): ReturnType<typeof readPlanFromYDoc> {
  const doc = new Y.Doc();
  writePlanToYDoc(doc, plan);
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return readPlanFromYDoc(replica);
}

/** A format 1 file as the current export writes it: the same, but format 2. */
function asFormat2(file: PlanFileJson): PlanFileJson {
  return { ...file, schemaVersion: 2 };
}

/** Every plan file shipped as a sample: the project's copy and the shared one. */
function sampleFiles(): { name: string; json: PlanFileJson }[] {
  const directory = path.resolve('shared/domain/samples');
  const shipped = readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ name, json: JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as PlanFileJson }));
  const shared = path.resolve('../shared/domain/sample-plan-a.json');
  return [...shipped, { name: shared, json: JSON.parse(readFileSync(shared, 'utf8')) as PlanFileJson }];
}

const link = (href: string): { type: string; attrs: Record<string, unknown> } => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null },
});
const text = (value: string, marks?: ProseMirrorNodeJson['marks']): ProseMirrorNodeJson => (marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks });
const paragraph = (...content: ProseMirrorNodeJson[]): ProseMirrorNodeJson => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
const listItem = (...content: ProseMirrorNodeJson[]): ProseMirrorNodeJson => ({ type: 'listItem', content });

/** A format 2 file: the sample with formatted text (bold, italic, links, lists) in block fields, in canonical form. */
function formattedFile(): PlanFileJson {
  const file = asFormat2(samplePlanJson());
  const directions = file.sections[4]!.blocks;
  directions[1]!['description'] = [
    paragraph(text('Kierunek zakłada '), text('pozyskanie nowych rodzin', [{ type: 'bold' }]), text(', zob. '), text('ustawę', [link('https://isap.sejm.gov.pl/')]), text('.')),
    {
      type: 'bulletList',
      content: [
        listItem(paragraph(text('kampania '), text('w powiatach', [{ type: 'italic' }]))),
        listItem(paragraph(text('szkolenia')), { type: 'bulletList', content: [listItem(paragraph(text('superwizja')))] }),
      ],
    },
    paragraph(),
    paragraph(text('Kontakt: '), text('rops@example.org', [link('mailto:rops@example.org'), { type: 'bold' }])),
  ];
  const recommendations = file.sections[5]!.blocks;
  recommendations[1]!['content'] = [
    { type: 'orderedList', attrs: { start: 3, type: null }, content: [listItem(paragraph(text('pierwszy'))), listItem(paragraph(text('drugi')))] },
  ];
  recommendations[2]!['rationale'] = [paragraph(text('Uzasadnienie ', [{ type: 'italic' }]), text('z linią'), { type: 'hardBreak' }, text('po przerwie'))];
  file.sections[3]!.blocks[1]!['description'] = [paragraph(text('Cel ', [{ type: 'bold' }, { type: 'italic' }]))];
  return file;
}

describe('plan JSON ⇄ Y.Doc', () => {
  it('imports the sample plan (format 1) without errors or warnings, its block text as paragraphs', () => {
    const result = importPlan(samplePlanJson());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.doc.content).toHaveLength(9);
    expect(result.plan.schemaVersion).toBe(2);
    const raw = samplePlanJson().sections[4]!.blocks[1]!;
    const direction = planBlock(result.plan, 'interventionDirection', 'KI-1.1');
    expect(direction.description).toEqual([paragraph(text(raw['description'] as string))]);
    expect(direction.title).toBe(raw['title']);
    expect(direction.actions).toEqual(raw['actions']);
    expect(direction.estimatedCost).toEqual(raw['estimatedCost']);
    expect(planToFile(result.plan)).toEqual(asFormat2(samplePlanJson()));
  });

  it('imports every sample file; export then import gives an equal plan', () => {
    const files = sampleFiles();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const { name, json } of files) {
      const plan = importOrThrow(json);
      const exported = planToFile(plan);
      expect(exported, name).toEqual(asFormat2(json));
      // The file goes through JSON text, as a download and an upload would carry it.
      expect(importOrThrow(JSON.parse(JSON.stringify(exported))), name).toEqual(plan);
    }
  });

  it('exports exactly the imported sample: same sections, blocks, fields and order', () => {
    const imported = samplePlan();
    const exported = throughYDoc(imported);
    expect(exported.dropped).toEqual([]);
    expect(exported.plan).toStrictEqual(imported);
    expect(JSON.stringify(planToFile(exported.plan))).toBe(JSON.stringify(asFormat2(samplePlanJson())));
  });

  it('round-trips a format 2 file with formatted block text losslessly: import → Y.Doc → plan → file', () => {
    const file = formattedFile();
    const imported = importOrThrow(file);
    expect(planBlock(imported, 'interventionDirection', 'KI-1.1').description).toEqual(file.sections[4]!.blocks[1]!['description']);
    const exported = throughYDoc(imported);
    expect(exported.dropped).toEqual([]);
    expect(exported.plan).toStrictEqual(imported);
    // Deep equality: the key order inside editor nodes is ProseMirror's (type, attrs, marks, text).
    expect(planToFile(exported.plan)).toEqual(file);
    expect(importOrThrow(planToFile(exported.plan))).toEqual(imported);
  });

  it('writes block text without formatting as a string, whichever form the file gave it in', () => {
    const file = asFormat2(samplePlanJson());
    const raw = file.sections[4]!.blocks[1]!;
    raw['description'] = [paragraph(text('Pierwsza linia')), paragraph(), paragraph(text('Trzecia'))];
    file.sections[5]!.blocks[1]!['rationale'] = '';
    file.sections[5]!.blocks[2]!['content'] = 'Jedna\nDwie';
    const exported = planToFile(throughYDoc(importOrThrow(file)).plan) as PlanFileJson;
    expect(exported.sections[4]!.blocks[1]!['description']).toBe('Pierwsza linia\n\nTrzecia');
    expect(exported.sections[5]!.blocks[1]!['rationale']).toBe('');
    expect(exported.sections[5]!.blocks[2]!['content']).toBe('Jedna\nDwie');
    expect(importOrThrow(exported)).toEqual(importOrThrow(file));
  });

  it('keeps every kind of block text: lines, lists, indicator rows, funding rows and the cost note', () => {
    const file = asFormat2(samplePlanJson());
    const raw = file.sections[4]!.blocks[1]!;
    raw['title'] = 'Tytuł z „cudzysłowem” & <znakami>';
    raw['actions'] = [{ id: 'KI-1.1.a', text: '' }, { id: 'KI-1.1.z', text: 'Nowe działanie' }];
    raw['responsible'] = ['ROPS', '', 'powiaty'];
    raw['partners'] = [];
    raw['indicators'] = [{ name: 'Wskaźnik', unit: 'osoby', baseline: { value: null, year: null }, target: { value: 10, year: 2028 }, source: '' }];
    raw['estimatedCost'] = { amount: 18_500_000, currency: 'PLN', note: '' };
    file.sections[7]!.blocks[1]!['source'] = 'GUS, BDL';
    file.sections[5]!.blocks[1]!['addressees'] = ['jeden', 'dwa'];
    // KI-1.1.a keeps its id with empty text; the indicator W-01 still points at KI-1.1.
    const exported = throughYDoc(importOrThrow(file));
    expect(exported.dropped).toEqual([]);
    expect(planToFile(exported.plan)).toEqual(file);
  });

  it('gives the canonical form: default workflow fields left out, editor JSON with every attribute', () => {
    const plan = samplePlanJson();
    Object.assign(plan.sections[0]!, { status: 'draft', responsibleUserId: null, hint: '' });
    expect(importOrThrow(plan)).toEqual(samplePlan());

    const withShortLink = samplePlanJson();
    const shortLink = { type: 'text', text: 'a', marks: [{ type: 'link', attrs: { href: 'mailto:rops@example.org' } }] };
    withShortLink.sections[0]!.blocks.push({ type: 'richText', node: { type: 'paragraph', content: [shortLink] } });
    withShortLink.sections[4]!.blocks[1]!['description'] = [{ type: 'paragraph', content: [shortLink] }];
    const canonical = importOrThrow(withShortLink);
    const canonicalParagraph = paragraph(text('a', [link('mailto:rops@example.org')]));
    expect(canonical.sections[0]!.blocks.at(-1)).toEqual({ type: 'richText', node: canonicalParagraph });
    expect(planBlock(canonical, 'interventionDirection', 'KI-1.1').description).toEqual([canonicalParagraph]);
    expect(throughYDoc(canonical).plan).toEqual(canonical);
  });

  it('round-trips formatting, line breaks, empty sections and workflow fields of section text', () => {
    const plan = asFormat2(samplePlanJson());
    plan.sections[0]!.blocks.push(
      { type: 'paragraph', text: 'Pierwsza linia\nDruga linia\n' },
      { type: 'paragraph', text: '' },
      { type: 'richText', node: { type: 'heading', attrs: { level: 3 }, content: [text('Podrozdział')] } },
      { type: 'richText', node: paragraph(text('Zobacz '), text('stronę', [link('https://example.org/')]), text(' i ', [{ type: 'bold' }])) },
      { type: 'richText', node: { type: 'bulletList', content: [listItem(paragraph(text('punkt')))] } },
    );
    plan.sections.push({ key: 'zalaczniki', title: 'Załączniki', status: 'ready', responsibleUserId: 'user-1', hint: 'Wskazówka', blocks: [] });
    const imported = importOrThrow(plan);
    expect(planToFile(imported)).toEqual(plan);
    const exported = throughYDoc(imported);
    expect(exported.dropped).toEqual([]);
    expect(planToFile(exported.plan)).toEqual(plan);
  });

  it('writes and reads the plan-level fields as one key each in the meta map', () => {
    const { sections: _sections, ...meta } = samplePlan();
    const doc = new Y.Doc();
    writePlanMeta(doc, meta);
    expect([...doc.getMap('meta').keys()].sort()).toEqual(Object.keys(meta).sort());
    expect(readPlanMeta(doc)).toEqual({ meta, dropped: [] });
    let updates = 0;
    doc.on('update', () => (updates += 1));
    writePlanMeta(doc, meta);
    expect(updates).toBe(0);
  });

  it('reads an empty Y.Doc as an empty plan with default fields', () => {
    const { plan, dropped } = readPlanFromYDoc(new Y.Doc());
    expect(dropped).toEqual([]);
    expect(plan).toMatchObject({ schemaVersion: 2, kind: 'regional', status: 'draft', sections: [], team: [] });
  });

  it('converts editor JSON to a plan without the Y.Doc as well', () => {
    for (const file of [samplePlanJson(), formattedFile()]) {
      const result = importPlan(file);
      if (!result.ok) throw new Error('sample must import');
      const { sections: _sections, ...meta } = result.plan;
      expect(proseMirrorToPlan(result.doc, meta)).toEqual({ plan: result.plan, dropped: [] });
      expect(planToFile(result.plan)).toEqual(asFormat2(file));
    }
  });

  it('refuses a file of an unknown format', () => {
    expect(importPlan({ ...samplePlanJson(), schemaVersion: 3 })).toMatchObject({ ok: false, errors: [expect.objectContaining({ path: 'schemaVersion' })] });
  });
});
