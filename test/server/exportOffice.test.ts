import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { richBlockPlanFile } from '../helpers/richBlockPlanFile.js';
import { teamMember } from '../helpers/teamMember.js';
import { readZip } from '../helpers/readZip.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, pdfPageSizes, pdfPageTexts } from '../helpers/libreOffice.js';
import { pdfObjects, pdfString, pdfStructure, referenceOf, structureElements } from '../helpers/pdfObjects.js';
import { RICH } from '../helpers/richBlockPlanFile.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';

/**
 * LibreOffice as the judge of the office files: the DOCX and ODT of sample
 * plan A (draft and agreed, with the rejected annex) are converted once to
 * PDF and once to ODT, and everything is asserted on those conversions.
 */

const FORMATS = ['docx', 'odt', 'pdf', 'html', 'md', 'json'] as const;
const SAMPLE = JSON.parse(readFileSync('shared/domain/samples/sample-plan-a.json', 'utf8')) as { title: string; sections: unknown[] };

let team: TeamFixture;
const plans: Record<'sample' | 'rich', { id: string; agreed: PlanVersion }> = {} as never;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', member: 'member' });
  const sample = await importSamplePlan(teamMember(team, 'chair'), team.workspaceId);
  const rich = await teamMember(team, 'chair').request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans/import`, richBlockPlanFile());
  if (sample.status !== 201 || rich.status !== 201) throw new Error(`import failed: ${sample.status} ${rich.status}`);
  plans.sample = { id: sample.body.id, agreed: await agreeEverything(sample.body.id) };
  plans.rich = { id: rich.body.id, agreed: await agreeEverything(rich.body.id) };
  return dispose;
}, 60_000);

/** Decides every open proposal (R-05 rejected, the rest agreed) and freezes the agreed version. */
async function agreeEverything(planId: string): Promise<PlanVersion> {
  const chair = teamMember(team, 'chair');
  const open = await chair.request<{ open: OpenProposal[] }>('GET', `/plans/${planId}/agreement`);
  for (const proposal of open.body.open) {
    const path = `/plans/${planId}/proposals/${proposal.blockId}/transitions`;
    if (proposal.status === 'draft' || proposal.status === 'withdrawn') await chair.request('POST', path, { to: 'proposed' });
    const decided = await chair.request('POST', path, { to: proposal.blockId === 'R-05' ? 'rejected' : 'agreed', note: `protokół nr 4, ${proposal.blockId}`, method: 'consensus' });
    if (decided.status !== 200) throw new Error(`decision on ${proposal.blockId}: ${decided.status}`);
  }
  const frozen = await chair.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, {
    name: 'Wersja uzgodniona',
    decisionDate: '2026-03-12',
    decisionReference: 'protokół nr 4 z 12.03.2026',
  });
  if (frozen.status !== 201) throw new Error(`agreed version: ${frozen.status}`);
  return frozen.body.version;
}

async function exportFile(planId: string, query: string): Promise<{ status: number; bytes: Buffer }> {
  const response = await fetch(`${team.server.httpUrl}/api/plans/${planId}/export?${query}`, { headers: { cookie: team.people.chair?.cookie ?? '' } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The chapters as the HTML export numbers them: level 1-3 headings of the body (h2-h4 inside <main>). */
function htmlHeadings(html: string): Array<{ level: number; label: string }> {
  const main = html.slice(html.indexOf('<main>'));
  return [...main.matchAll(/<h([234]) id="h\d+">([^<]*)<\/h\1>/g)].map((match) => ({
    level: Number(match[1]) - 1,
    label: (match[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  }));
}

const countByLevel = (levels: number[]): Record<number, number> =>
  levels.reduce<Record<number, number>>((counts, level) => ({ ...counts, [level]: (counts[level] ?? 0) + 1 }), {});

function odtHeadingLevels(contentXml: string): number[] {
  return [...contentXml.matchAll(/<text:h\b[^>]*\btext:outline-level="(\d+)"/g)].map((match) => Number(match[1]));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The contents entries a DOCX was written with: each entry's text and the page number filled in for it. */
function docxContentsEntries(documentXml: string): Array<{ label: string; page: number }> {
  return [...documentXml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="TOC\d"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((match) => {
    const texts = [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1] ?? '');
    return { label: texts.slice(0, -1).join('').trim().replace(/&quot;/g, '"').replace(/&amp;/g, '&'), page: Number(texts.at(-1)) };
  });
}

/** The number of the first page after the contents with a line that starts with the text (1-based; 0 when none). */
function pageStartingWith(pages: string[], text: string): number {
  const start = text.replace(/\s+/g, ' ').slice(0, 40);
  return pages.findIndex((page, index) => index > 0 && !/\.{10,}/.test(page) && page.split('\n').some((line) => line.replace(/\s+/g, ' ').trim().startsWith(start))) + 1;
}

describe('office files judged by LibreOffice', () => {
  it('sees every chapter as a heading of its level, a contents with page numbers, no footer on the title page, header rows, pl-PL and the title', async () => {
    // The rich plan's lists and marks move the pages about differently: its contents are judged as well.
    const variants = {
      draft: { plan: plans.sample, query: 'version=draft' },
      agreed: { plan: plans.sample, query: `version=${plans.sample.agreed.id}&rejected=annex` },
      rich: { plan: plans.rich, query: 'version=draft' },
    } as const;
    const files: Record<string, Uint8Array> = {};
    const expected: Record<string, Array<{ level: number; label: string }>> = {};
    for (const [variant, { plan, query }] of Object.entries(variants)) {
      const html = await exportFile(plan.id, `format=html&${query}`);
      expected[variant] = htmlHeadings(html.bytes.toString('utf8'));
      for (const format of ['docx', 'odt'] as const) {
        const file = await exportFile(plan.id, `format=${format}&${query}`);
        expect(file.status, `${variant} ${format}`).toBe(200);
        files[`${variant}-${format}.${format}`] = file.bytes;
      }
    }
    // The chapters are the plan's sections, plus the two annexes of the agreed version.
    expect(expected.draft?.filter((heading) => heading.level === 1)).toHaveLength(SAMPLE.sections.length);
    expect(expected.agreed?.filter((heading) => heading.level === 1)).toHaveLength(SAMPLE.sections.length + 2);

    const [asPdf, asOdt] = await Promise.all([convertWithLibreOffice(files, 'pdf'), convertWithLibreOffice(files, 'odt')]);

    for (const name of Object.keys(files)) {
      const variant = name.slice(0, name.indexOf('-'));
      const headings = expected[variant] ?? [];
      const odt = readZip(asOdt.get(name) ?? new Uint8Array());
      const content = odt.get('content.xml')?.toString('utf8') ?? '';
      expect(countByLevel(odtHeadingLevels(content)), `${name}: text:h per outline level`).toEqual(countByLevel(headings.map((heading) => heading.level)));
      const tables = content.match(/<table:table /g)?.length ?? 0;
      expect(tables, name).toBeGreaterThan(10);
      expect(content.match(/<table:table-header-rows>/g)?.length, `${name}: every table has a header row`).toBe(tables);
      expect(odt.get('styles.xml')?.toString('utf8'), name).toMatch(/<style:default-style style:family="paragraph">[\s\S]*?fo:language="pl" fo:country="PL"/);
      expect(odt.get('meta.xml')?.toString('utf8'), name).toContain(`<dc:title>${SAMPLE.title}</dc:title>`);

      const pages = await pdfPageTexts(asPdf.get(name) ?? new Uint8Array());
      expect(pages.length, name).toBeGreaterThan(10);
      expect(pages[0], `${name}: title page`).toContain('Regionalny Plan Rozwoju Usług');
      expect(pages[0], `${name}: no page number on the title page`).not.toMatch(/Strona/);
      expect(pages[1], `${name}: page numbers from page 2`).toMatch(new RegExp(`Strona 2 z ${pages.length}\\b`));
      const contentsPages = pages.filter((page) => page.includes('Spis treści') || /\.{5,}\s*\d+\s*$/m.test(page)).slice(0, 3).join('\n');
      for (const heading of headings.filter((entry) => entry.level === 1)) {
        const entry = contentsPages.match(new RegExp(`^\\s*${escapeRegExp(heading.label)}\\s*(?:\\. ?)+\\s*(\\d+)\\s*$`, 'm'));
        expect(entry, `${name}: contents entry with a page number for "${heading.label}"`).not.toBeNull();
        const page = Number(entry?.[1]);
        expect(page, `${name}: ${heading.label}`).toBeGreaterThan(2);
        // The ODT's page numbers are fields LibreOffice computes from its own layout; the DOCX's are filled in
        // from our estimate of that layout: both point at the page LibreOffice puts the heading on.
        expect(pages[page - 1], `${name}: "${heading.label}" on page ${page}`).toMatch(new RegExp(`^\\s*${escapeRegExp(heading.label)}`, 'm'));
      }
      if (name.endsWith('.docx')) {
        // Every entry, chapters and directions alike, as the DOCX was written (LibreOffice keeps the numbers as they are).
        const entries = docxContentsEntries(readZip(files[name] ?? new Uint8Array()).get('word/document.xml')?.toString('utf8') ?? '');
        expect(entries.length, name).toBe(headings.filter((heading) => heading.level <= 2).length);
        const misplaced = entries.filter((entry) => pageStartingWith(pages, entry.label) !== entry.page).map((entry) => `${entry.label}: ${entry.page}, LibreOffice ${pageStartingWith(pages, entry.label)}`);
        expect(misplaced, `${name}: contents page numbers against LibreOffice's pages`).toEqual([]);
      }
      // The seven-column monitoring table has landscape pages of its own; the pages around it stand upright.
      const sizes = await pdfPageSizes(asPdf.get(name) ?? new Uint8Array());
      const monitoring = pages.findIndex((page) => page.includes('Wskaźniki monitorowania'));
      expect(monitoring, name).toBeGreaterThan(2);
      expect(sizes[monitoring]?.width, `${name}: monitoring table page landscape`).toBeGreaterThan(sizes[monitoring]?.height ?? Infinity);
      expect(sizes[0]?.width, `${name}: title page upright`).toBeLessThan(sizes[0]?.height ?? 0);
      expect(sizes[monitoring + 1]?.width, `${name}: the page after the landscape table upright`).toBeLessThan(sizes[monitoring + 1]?.height ?? 0);
      expect(sizes.filter((size) => size.width > size.height).length, `${name}: only the monitoring table is landscape`).toBe(1);
      // A heading shows its number once: from the numbering, never typed in front of it as well.
      const direction = headings.find((heading) => heading.label.includes('Kierunek interwencji 1.1.'));
      expect(direction, name).toBeDefined();
      const body = pages.slice(2).join('\n');
      expect(body, name).toMatch(new RegExp(`^\\s*${escapeRegExp(direction?.label.slice(0, 40) ?? '')}`, 'm'));
      expect(body, name).not.toMatch(/(\d+\.\d+\.)\s+\1/);
    }
  }, LIBREOFFICE_TIMEOUT_MS * 2);
});

/** Every word of the HTML export's table cells (the same model the PDF is drawn from). */
function tableCellWords(html: string): Set<string> {
  const words = new Set<string>();
  for (const cell of html.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)) {
    const text = (cell[1] ?? '').replace(/<br>/g, ' ').replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    for (const word of text.split(/[\s\u00a0]+/)) if (word.length >= 2) words.add(word);
  }
  return words;
}

describe('PDF/UA structure of the PDF exports', () => {
  it('scopes every TH, tags every link, says pl-PL, names PDF/UA and one producer, and splits no table word', async () => {
    const cases = [
      { plan: plans.sample, query: 'version=draft' },
      { plan: plans.sample, query: `version=${plans.sample.agreed.id}&rejected=annex` },
      { plan: plans.rich, query: 'version=draft' },
    ];
    for (const { plan, query } of cases) {
      const label = `${plan.id} ${query}`;
      const pdf = await exportFile(plan.id, `format=pdf&${query}`);
      expect(pdf.status, label).toBe(200);
      const objects = await pdfObjects(pdf.bytes);
      const all = [...objects.values()];

      const headerCells = all.filter((object) => /\/S \/TH\b/.test(object));
      expect(headerCells.length, label).toBeGreaterThan(50);
      for (const cell of headerCells) {
        const attributes = objects.get(referenceOf(cell, 'A') ?? -1) ?? '';
        expect(attributes, `${label}: a TH's attribute object`).toMatch(/\/O \/Table/);
        expect(attributes, `${label}: a TH's scope`).toMatch(/\/Scope \/(Column|Row)/);
      }

      const annotations = [...objects].filter(([, object]) => /\/Subtype \/Link\b/.test(object));
      expect(annotations.length, label).toBeGreaterThan(20);
      const linkElements = all.filter((object) => /\/S \/Link\b/.test(object));
      for (const [number, annotation] of annotations) {
        expect(annotation, `${label}: annotation ${number} StructParent`).toMatch(/\/StructParent \d+/);
        expect(pdfString(annotation, 'Contents'), `${label}: annotation ${number} Contents`).toMatch(/\S/);
        const owner = linkElements.find((element) => new RegExp(`/Obj ${number} 0 R\\b[\\s\\S]*?/Type /OBJR|/Type /OBJR[\\s\\S]*?/Obj ${number} 0 R\\b`).test(element));
        expect(owner, `${label}: annotation ${number} inside a Link element`).toBeDefined();
        expect(pdfString(owner ?? '', 'Alt'), `${label}: the Link element's alternate text`).toMatch(/\S/);
      }

      const catalog = all.find((object) => /\/Type \/Catalog\b/.test(object)) ?? '';
      expect(catalog, label).toContain('/Lang (pl-PL)');
      const xmp = objects.get(referenceOf(catalog, 'Metadata') ?? -1) ?? '';
      expect(xmp, label).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      const info = all.find((object) => /\/Producer /.test(object) && /\/CreationDate/.test(object)) ?? '';
      const producer = pdfString(info, 'Producer') ?? objects.get(referenceOf(info, 'Producer') ?? -1)?.trim() ?? '';
      const xmpProducer = Buffer.from(xmp.match(/<pdf:Producer>([^<]*)<\/pdf:Producer>/)?.[1] ?? '', 'latin1').toString('utf8');
      expect(xmpProducer, label).not.toBe('');
      expect(decodePdfText(producer), `${label}: one producer`).toBe(xmpProducer);
      expect(xmpProducer, label).toContain('Edytor planów');

      // Every word of every table cell comes out of pdftotext whole (a hyphenated one may break after its hyphen).
      const html = (await exportFile(plan.id, `format=html&${query}`)).bytes.toString('utf8');
      const pageTokens = new Set((await pdfPageTexts(pdf.bytes)).join('\n').split(/[\s\u00a0]+/));
      const words = tableCellWords(html);
      expect(words.size, label).toBeGreaterThan(200);
      expect(words, label).toContain('01.2026');
      const split = [...words].filter((word) => !pageTokens.has(word) && !word.split(/(?<=[-/–])/).every((part) => pageTokens.has(part)));
      expect(split, `${label}: table words split inside`).toEqual([]);
    }
    const richBytes = (await exportFile(plans.rich.id, 'format=pdf')).bytes;
    const richPdf = await pdfObjects(richBytes);
    expect([...richPdf.values()].some((object) => /\/S \/Link\b/.test(object) && pdfString(object, 'Alt') === RICH.linkText), 'a web link named by its text').toBe(true);

    // Poppler's reading of the structure: each link's text is inside its Link element, next to its annotation,
    // and no longer in the paragraph around it.
    const elements = structureElements(await pdfStructure(richBytes));
    const links = elements.filter(({ node }) => node.type === 'Link');
    expect(links.length).toBeGreaterThan(20);
    for (const { node } of links) {
      expect(node.texts.join('').trim(), 'a Link element with its text').not.toBe('');
      expect(node.objects.length, 'a Link element with its annotation').toBeGreaterThan(0);
    }
    const webLink = links.find(({ node }) => node.texts.join('') === RICH.linkText);
    expect(webLink, 'the web link\'s text in its Link element').toBeDefined();
    expect(webLink?.parent?.texts.join('') ?? '', 'the paragraph around the link').not.toContain(RICH.linkText);
    expect(webLink?.parent?.texts.join('').length ?? 0, 'the paragraph keeps its own text').toBeGreaterThan(0);
    const contentsEntries = links.filter(({ parent }) => parent?.type === 'TOCI');
    expect(contentsEntries.length).toBeGreaterThan(10);
    expect(contentsEntries.every(({ parent }) => parent?.texts.length === 0), 'a contents entry is all link').toBe(true);

    // Our own PDF turns the monitoring table's pages too.
    const samplePdf = (await exportFile(plans.sample.id, 'format=pdf')).bytes;
    const sizes = await pdfPageSizes(samplePdf);
    const monitoring = (await pdfPageTexts(samplePdf)).findIndex((page) => page.includes('Wskaźniki monitorowania'));
    expect(monitoring).toBeGreaterThan(2);
    expect(sizes.map((size, index) => (size.width > size.height ? index : -1)).filter((index) => index >= 0), 'landscape pages').toEqual([monitoring]);
  }, 120_000);
});

/** A value qpdf printed for a text string object: "(…)" or "<FEFF…>". */
function decodePdfText(value: string): string {
  return pdfString(`/V ${value.trim()}`, 'V') ?? value;
}

describe('every format of both sample plans', () => {
  it('exports the draft and the agreed version without error, and the agreed files stay byte-identical', async () => {
    for (const [name, plan] of Object.entries(plans)) {
      for (const format of FORMATS) {
        const draft = await exportFile(plan.id, `format=${format}`);
        expect(draft.status, `${name} draft ${format}`).toBe(200);
        expect(draft.bytes.length, `${name} draft ${format}`).toBeGreaterThan(1000);
        const query = `format=${format}&version=${plan.agreed.id}&rejected=annex`;
        const first = await exportFile(plan.id, query);
        const second = await exportFile(plan.id, query);
        expect(first.status, `${name} agreed ${format}`).toBe(200);
        expect(second.bytes.equals(first.bytes), `${name} agreed ${format} byte-identical`).toBe(true);
        if (format === 'odt') {
          // ODF: "mimetype" first, stored, no extra field, so the file type is readable at a fixed offset.
          expect(first.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
          expect(first.bytes.readUInt16LE(8)).toBe(0);
          expect(first.bytes.toString('latin1', 30, 38)).toBe('mimetype');
          expect(first.bytes.readUInt16LE(28)).toBe(0);
          expect(first.bytes.toString('latin1', 38, 38 + 39)).toBe('application/vnd.oasis.opendocument.text');
        }
      }
    }
    // The ODT keeps the rich text of block fields: marks as text styles, links, numbered and bullet lists.
    const content = readZip((await exportFile(plans.rich.id, 'format=odt')).bytes).get('content.xml')?.toString('utf8') ?? '';
    expect(content).toContain(`<text:span text:style-name="T_b">${RICH.bold}</text:span>`);
    expect(content).toContain(`<text:span text:style-name="T_i">${RICH.italic}</text:span>`);
    expect(content).toMatch(new RegExp(`<text:a xlink:type="simple" xlink:href="${RICH.href}"[^>]*>${RICH.linkText}</text:a>`));
    expect(content).toContain(`<text:list text:style-name="List_20_Number"><text:list-item><text:p text:style-name="Text_20_body">${RICH.numbered[0]}</text:p>`);
    expect(content).toContain(`<text:list text:style-name="List_20_Bullet"><text:list-item><text:p text:style-name="Text_20_body">${RICH.bullets[0]}</text:p>`);
  }, 120_000);
});
