import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { findBlock } from '../helpers/findBlock.js';
import { blockFieldNode, firstParagraphText, setBlockLineText } from '../helpers/blockFieldNode.js';
import { RICH, richBlockPlanFile } from '../helpers/richBlockPlanFile.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import { readZip } from '../helpers/readZip.js';
import { readPdfText } from '../helpers/readPdfText.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';
import * as Y from 'yjs';
import { testDatabaseBackend } from '../helpers/testDatabase.js';

let team: TeamFixture;
let planId: string;

const DIRECTION_TITLE = 'Rozwój rodzinnej pieczy zastępczej, w szczególności zawodowej i specjalistycznej';
const INDICATOR_NAME = 'Liczba nowych zawodowych rodzin zastępczych';

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', member: 'member' });
  planId = await importSample();
  return dispose;
}, 60_000);

async function importSample(): Promise<string> {
  const imported = await importSamplePlan(teamMember(team, 'chair'), team.workspaceId);
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`);
  return imported.body.id;
}

async function exportFile(plan: string, query: string): Promise<{ status: number; type: string; disposition: string; bytes: Buffer }> {
  const response = await fetch(`${team.server.httpUrl}/api/plans/${plan}/export?${query}`, { headers: { cookie: team.people.chair?.cookie ?? '' } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

function connect(plan: string): TestClient {
  return connectClient(team.server.collabUrl, plan, { name: 'chair', headers: { cookie: team.people.chair?.cookie ?? '' } });
}

/**
 * A check of the office and PDF renderers alone, which read nothing the database backend changes:
 * defined in the SQLite run only. On PostgreSQL the HTML, Markdown and agreed-version tests run,
 * the last storing and reading the agreed files (bytea) in the database.
 */
function rendererTest(name: string, body: () => Promise<void>, timeoutMs?: number): void {
  if (testDatabaseBackend() === 'sqlite') it(name, body, timeoutMs);
}

/** A suite of renderer checks only, likewise (an empty suite would fail the PostgreSQL run). */
function rendererSuite(name: string, body: () => void): void {
  if (testDatabaseBackend() === 'sqlite') describe(name, body);
}

/** Text with all white space removed, so line breaks a PDF puts anywhere do not matter. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('file exports of the draft', () => {
  rendererTest('DOCX has heading styles, repeated table header rows, a contents field, Polish language and properties', async () => {
    const file = await exportFile(planId, 'format=docx');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.disposition).toContain('.docx');
    const zip = readZip(file.bytes);
    const document = zip.get('word/document.xml')?.toString('utf8') ?? '';
    const styles = zip.get('word/styles.xml')?.toString('utf8') ?? '';
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="Heading2"/>');
    expect(document).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    expect(document).toMatch(/TOC \\h \\o/);
    for (const text of ['Kierunek interwencji', 'Podmiot odpowiedzialny', 'Wartość bazowa (rok)', 'Źródło finansowania', DIRECTION_TITLE, INDICATOR_NAME, 'ą', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż']) {
      expect(document, text).toContain(text);
    }
    expect(`${styles}${document}`).toContain('<w:lang w:val="pl-PL"/>');
    // Heading styles carry outline levels and the one numbering definition; no number is typed into a heading.
    for (const level of [1, 2, 3]) {
      const style = styles.match(new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[\\s\\S]*?</w:style>`))?.[0] ?? '';
      expect(style, `Heading${level}`).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      expect(style, `Heading${level}`).toMatch(new RegExp(`<w:numPr><w:ilvl w:val="${level - 1}"/><w:numId w:val="\\d+"/></w:numPr>`));
    }
    expect(document).not.toMatch(/<w:pStyle w:val="Heading\d"\/>[\s\S]{0,400}?<w:t[^>]*>\d+\.(\d+\.)* /);
    // The contents is filled in, entries numbered and with a page number each, so nothing needs updating on opening.
    const pageReferences = [...document.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d*)</g)].map((match) => match[1]);
    expect(pageReferences.length).toBeGreaterThan(20);
    expect(pageReferences.every((page) => /^\d+$/.test(page ?? ''))).toBe(true);
    expect(document).toMatch(/<w:hyperlink w:history="1" w:anchor="_Toc\d+"><w:r><w:t xml:space="preserve">5\.1\. <\/w:t><\/w:r><w:r><w:t xml:space="preserve">Kierunek interwencji 1\.1\./);
    expect(zip.get('word/settings.xml')?.toString('utf8')).not.toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
    // The title page has a footer of its own, empty; the others say "Strona X z Y".
    expect(document).toContain('<w:titlePg/>');
    const footers = [...zip.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name)).map((name) => zip.get(name)?.toString('utf8') ?? '');
    expect(footers.filter((footer) => /PAGE[\s\S]*NUMPAGES/.test(footer))).toHaveLength(1);
    expect(footers.filter((footer) => !footer.includes('PAGE'))).toHaveLength(1);
    const core = zip.get('docProps/core.xml')?.toString('utf8') ?? '';
    expect(core).toContain('<dc:title>Regionalny Plan Rozwoju Usług Społecznych i Deinstytucjonalizacji Województwa Opolskiego na lata 2026–2028</dc:title>');
    expect(core).toContain('<dc:creator>Zarząd Województwa Opolskiego</dc:creator>');
    expect(core).toContain('<dc:language>pl-PL</dc:language>');
    expect(core).toMatch(/<dc:subject>[^<]+<\/dc:subject>/);
    expect(core).toContain('<cp:keywords>Regionalny plan rozwoju usług społecznych i deinstytucjonalizacji, Województwo Opolskie, usługi społeczne, deinstytucjonalizacja</cp:keywords>');
    // Laying out the pages for the contents' page numbers takes seconds on a loaded 2-core machine.
  }, 60_000);

  rendererTest('PDF is tagged, in Polish, with embedded fonts, and its text reads back with the plan content', async () => {
    const file = await exportFile(planId, 'format=pdf');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const raw = file.bytes.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/Lang \(pl-PL\)/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/S \/H1/);
    expect(raw).toMatch(/\/S \/TH/);
    const text = await readPdfText(file.bytes);
    for (const expected of [
      'Regionalny Plan Rozwoju Usług Społecznych i Deinstytucjonalizacji Województwa Opolskiego na lata 2026–2028',
      'Załącznik do Uchwały Nr … Zarządu Województwa Opolskiego z dnia …',
      'Spis treści',
      '5. Obszary wsparcia i kierunki interwencji',
      DIRECTION_TITLE,
      INDICATOR_NAME,
      'Podmiot odpowiedzialny',
      'Strona 2 z',
    ]) {
      expect(squeeze(text), expected).toContain(squeeze(expected));
    }
    for (const letter of ['ą', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż', 'Ł', 'Ś', 'Ź']) expect(text, letter).toContain(letter);
  });

  it('HTML is one accessible page: lang, title, contents, real table headers', async () => {
    const file = await exportFile(planId, 'format=html');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/html; charset=utf-8');
    const html = file.bytes.toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="pl">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Regionalny Plan Rozwoju');
    expect(html).toMatch(/<nav aria-labelledby="toc-title">[\s\S]*<a href="#h\d+">5\. Obszary wsparcia i kierunki interwencji<\/a>/);
    expect(html).toMatch(/<h2 id="h\d+">5\. Obszary wsparcia i kierunki interwencji<\/h2>/);
    expect(html).toMatch(/<h3 id="h\d+">5\.1\. Kierunek interwencji 1\.1\. Rozwój rodzinnej pieczy/);
    expect(html).toContain('<thead><tr><th scope="col">Nazwa</th>');
    expect(html).toContain('<th scope="row">Podmiot odpowiedzialny</th>');
    expect(html).toContain('<caption>');
    expect(html).not.toMatch(/<script|<link |src=/);
  });

  it('Markdown has numbered headings, a linked contents list and pipe tables with header rows', async () => {
    const file = await exportFile(planId, 'format=md');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/markdown; charset=utf-8');
    const markdown = file.bytes.toString('utf8');
    expect(markdown).toMatch(/^# Regionalny Plan Rozwoju/m);
    expect(markdown).toMatch(/^## 5\. Obszary wsparcia i kierunki interwencji$/m);
    expect(markdown).toMatch(/^### 5\.1\. Kierunek interwencji 1\.1\. Rozwój/m);
    expect(markdown).toContain('- [5. Obszary wsparcia i kierunki interwencji](#5-obszary-wsparcia-i-kierunki-interwencji)');
    expect(markdown).toMatch(/^\| Nazwa \| Jednostka \| Wartość bazowa \(rok\) \| Wartość docelowa \(rok\) \| Źródło danych \|\n\| --- \| --- \| ---: \| ---: \| --- \|$/m);
    expect(markdown).toMatch(/^\| \*\*Razem\*\* \| \*\*18\u00a0500\u00a0000,00\*\* \|$/m);
  });

  rendererTest('escapes whatever a client writes into a block, in every format', async () => {
    const plan = await importSample();
    const client = connect(plan);
    await waitForSync(client);
    const injected = '<script>alert("x")</script> | **b** <img src=x onerror=alert(1)>';
    setBlockLineText(findBlock(client, 'KI-1.1'), 'title', injected);
    firstParagraphText(findBlock(client, 'KI-1.2'), 'description').insert(0, injected, { bold: true });
    await client.channel.whenSaved();

    const html = (await exportFile(plan, 'format=html')).bytes.toString('utf8');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | **b** &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<strong>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | **b** &lt;img src=x onerror=alert(1)&gt;</strong>');
    const markdown = (await exportFile(plan, 'format=md')).bytes.toString('utf8');
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)/);
    expect(markdown).toContain('\\<script\\>alert("x")\\</script\\> \\| \\*\\*b\\*\\*');
    const docx = await exportFile(plan, 'format=docx');
    expect(docx.status).toBe(200);
    expect(readZip(docx.bytes).get('word/document.xml')?.toString('utf8')).toContain('&lt;script&gt;alert(');
  });

  rendererTest('still renders every format when a client stored garbage in block attributes', async () => {
    const plan = await importSample();
    const client = connect(plan);
    await waitForSync(client);
    client.doc.transact(() => {
      const direction = findBlock(client, 'KI-1.1');
      direction.setAttribute('indicators', 'not an array');
      direction.setAttribute('estimatedCost', { amount: 'x' } as unknown as string);
      direction.setAttribute('fundingSources', [{ code: 'NOPE', amount: 'lots' }, null, 7] as unknown as string);
      direction.setAttribute('actions', [null, { id: 1 }, 'x'] as unknown as string);
      direction.setAttribute('timeframe', { start: 12 } as unknown as string);
      // Typed text lives in child nodes now: a huge description and attributes a field node should not carry.
      firstParagraphText(direction, 'description').insert(0, 'ż'.repeat(200_000), { bold: true, link: { href: 'javascript:alert(1)' } });
      blockFieldNode(direction, 'title').setAttribute('field', 42 as unknown as string);
      direction.insert(0, [new Y.XmlText('loose text outside any field')]);
      findBlock(client, 'R-01').setAttribute('addressees', { 0: 'a' } as unknown as string);
      findBlock(client, 'CS-1').setAttribute('level', 42 as unknown as string);
    });
    await client.channel.whenSaved();
    for (const format of ['docx', 'pdf', 'html', 'md']) {
      const file = await exportFile(plan, `format=${format}`);
      expect(file.status, format).toBe(200);
      expect(file.bytes.length, format).toBeGreaterThan(1000);
    }
    const html = (await exportFile(plan, 'format=html')).bytes.toString('utf8');
    // The formatted description is cut to the field limit and keeps its bold, but never the script link.
    expect(html).toMatch(/<strong>ż{50000}…<\/strong>/);
    expect(html).not.toContain('javascript:');
  }, 30_000);
});

rendererSuite('file exports of formatted block text', () => {
  it('a plan imported with bold, italic, links and lists in block fields exports them in every format', async () => {
    const imported = await team.people.chair?.request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans/import`, richBlockPlanFile());
    expect(imported?.status).toBe(201);
    const plan = imported?.body.id ?? '';
    const html = (await exportFile(plan, 'format=html')).bytes.toString('utf8');
    expect(html).toContain(`<strong>${RICH.bold}</strong>`);
    expect(html).toContain(`<a href="${RICH.href}">${RICH.linkText}</a>`);
    expect(html).toContain(`<ol><li>${RICH.numbered[0]}</li>`);
    expect(html).toContain(`<ul><li>${RICH.rationaleBullets[0]}</li>`);
    const markdown = (await exportFile(plan, 'format=md')).bytes.toString('utf8');
    expect(markdown).toContain(`**${RICH.bold}**`);
    expect(markdown).toContain(`[${RICH.linkText}](<${RICH.href}>)`);
    expect(markdown).toContain(`\n- ${RICH.bullets[0]}\n`);
    expect(markdown).toContain(`\n1. ${RICH.numbered[0]}\n`);
    const docx = readZip((await exportFile(plan, 'format=docx')).bytes);
    const documentXml = docx.get('word/document.xml')?.toString('utf8') ?? '';
    expect(documentXml).toContain(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${RICH.bold}</w:t></w:r>`);
    expect(documentXml).toMatch(new RegExp(`<w:hyperlink [^>]*>(?:(?!</w:hyperlink>).)*${RICH.linkText}`));
    expect(documentXml).toMatch(new RegExp(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="\\d+"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">${RICH.numbered[0]}</w:t>`));
    const pdfText = squeeze(await readPdfText((await exportFile(plan, 'format=pdf')).bytes));
    for (const text of [RICH.bold, RICH.linkText, RICH.bullets[0], RICH.numbered[0], RICH.rationaleItalic]) expect(pdfText, text).toContain(squeeze(text));
  }, 30_000);
});

describe('file exports of the agreed version', () => {
  it('leave rejected proposals out or annex them, annex the decision register, and never change', async () => {
    const post = (path: string, body?: unknown) => team.people.chair?.request<{ version: PlanVersion }>('POST', path, body);
    const open = await team.people.chair?.request<{ open: OpenProposal[] }>('GET', `/plans/${planId}/agreement`);
    const rejectedId = 'R-05';
    const rejectedTitle = 'Centra usług społecznych tworzone przez kilka gmin wiejskich';
    expect(open?.body.open.map((proposal) => proposal.blockId)).toContain(rejectedId);
    for (const proposal of open?.body.open ?? []) {
      if (proposal.status === 'draft' || proposal.status === 'withdrawn') await post(`/plans/${planId}/proposals/${proposal.blockId}/transitions`, { to: 'proposed' });
      const to = proposal.blockId === rejectedId ? 'rejected' : 'agreed';
      const decided = await post(`/plans/${planId}/proposals/${proposal.blockId}/transitions`, { to, note: `protokół nr 4, ${proposal.blockId}`, method: 'consensus' });
      expect(decided?.status).toBe(200);
    }
    const frozen = await post(`/plans/${planId}/agreed-versions`, { name: 'Wersja uzgodniona', decisionDate: '2026-03-12', decisionReference: 'protokół nr 4 z 12.03.2026' });
    expect(frozen?.status).toBe(201);
    const version = frozen?.body.version;
    if (!version) throw new Error('not frozen');

    const omitted = (await exportFile(planId, `format=md&version=${version.id}&rejected=omit`)).bytes.toString('utf8');
    expect(omitted).toContain('Wersja uzgodniona nr 1, decyzja zespołu z dnia 12 marca 2026 r. (protokół nr 4 z 12.03.2026)');
    expect(omitted).toContain(`Suma kontrolna SHA-256: ${version.contentHash}`);
    expect(omitted).not.toContain(rejectedTitle);
    // R-06 came in rejected with the file; it is left out too.
    expect(omitted).not.toContain('Regionalny specjalistyczny DPS na 120 miejsc');
    expect(omitted).not.toContain('Propozycje odrzucone');
    expect(omitted).toMatch(/^## Załącznik nr 1\. Rejestr decyzji zespołu$/m);
    expect(omitted).toMatch(/\| R-05 \| Zmiana statusu: Zaproponowany → Odrzucony, w drodze konsensusu \| protokół nr 4, R-05 \| chair \|/);
    expect(omitted).toMatch(/\| R-03 – Model koordynatora usług w gminie \| Zmiana statusu: Zaproponowany → Uzgodniony, w drodze konsensusu \| protokół nr 4, R-03 \| chair \|/);

    const annexed = (await exportFile(planId, `format=html&version=${version.id}&rejected=annex`)).bytes.toString('utf8');
    const annexStart = annexed.indexOf('Załącznik nr 1. Propozycje odrzucone</h2>');
    expect(annexStart).toBeGreaterThan(0);
    expect(annexed.slice(annexed.indexOf('<main>'), annexStart)).not.toContain(rejectedTitle);
    expect(annexed.indexOf(rejectedTitle, annexStart)).toBeGreaterThan(annexStart);
    expect(annexed).toContain('Załącznik nr 2. Rejestr decyzji zespołu</h2>');
    expect(annexed).toContain('<th scope="row">Status</th><td>Odrzucony</td>');
    expect(annexed).toContain('<td>R-05 – Centra usług społecznych tworzone przez kilka gmin wiejskich</td><td>Zmiana statusu: Zaproponowany → Odrzucony, w drodze konsensusu</td>');

    const pdf = await exportFile(planId, `format=pdf&version=${version.id}&rejected=annex`);
    const pdfText = squeeze(await readPdfText(pdf.bytes));
    expect(pdfText).toContain(squeeze('Załącznik nr 1. Propozycje odrzucone'));
    expect(pdfText).toContain(squeeze(rejectedTitle));
    expect(pdfText).toContain(squeeze(`Suma kontrolna SHA-256: ${version.contentHash}`));

    const before = await exportFile(planId, `format=docx&version=${version.id}`);
    const client = connect(planId);
    await waitForSync(client);
    setBlockLineText(findBlock(client, 'KI-1.1'), 'title', 'Tytuł zmieniony po uzgodnieniu');
    await client.channel.whenSaved();
    const after = await exportFile(planId, `format=docx&version=${version.id}`);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(readZip(after.bytes).get('word/document.xml')?.toString('utf8')).toContain(DIRECTION_TITLE);
    const draft = readZip((await exportFile(planId, 'format=docx')).bytes).get('word/document.xml')?.toString('utf8');
    expect(draft).toContain('Tytuł zmieniony po uzgodnieniu');
  }, 30_000);
});
