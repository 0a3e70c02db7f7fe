import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { anonymousClient, registerUser, type ApiClient } from '../helpers/apiClient.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import { agreeEveryProposal } from '../helpers/agreeEveryProposal.js';
import { readZip } from '../helpers/readZip.js';
import { readPdfText } from '../helpers/readPdfText.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS, pdfPageSizes, pdfPageTexts } from '../helpers/libreOffice.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { Consultation, ConsultationRemark } from '../../shared/consultations/Consultation.js';
import { polishDate } from '../../shared/consultations/consultationStatus.js';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const HEADER = ['Lp.', 'Zgłaszający', 'Część dokumentu', 'Treść uwagi', 'Proponowane brzmienie', 'Stanowisko zespołu', 'Uzasadnienie stanowiska'];
const TITLE = 'Zestawienie uwag zgłoszonych w ramach konsultacji';

let team: TeamFixture;
let chair: ApiClient;
let consultation: Consultation;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', observer: 'observer' });
  chair = teamMember(team, 'chair');
  const planId = (await importSamplePlan(chair, team.workspaceId)).body.id;
  await agreeEveryProposal(chair, planId);
  const frozen = await chair.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, { decisionDate: '2026-03-12', decisionReference: 'protokół nr 4' });
  const opened = await chair.request<{ consultation: Consultation }>('POST', `/plans/${planId}/consultations`, {
    versionId: frozen.body.version.id,
    startsOn: polishDate(Date.now()),
    endsOn: polishDate(Date.now() + 14 * 24 * 3600 * 1000),
  });
  consultation = opened.body.consultation;
  const visitor = anonymousClient(testServer);
  const send = (body: Record<string, unknown>) => visitor.request('POST', `/public/consultations/${consultation.publicToken}/remarks`, body);
  expect(
    (await send({ submitterName: `Gmina ${PAYLOAD}`, contact: PAYLOAD, sectionKey: 'rekomendacje', blockId: 'R-01', quote: PAYLOAD, remark: `Uwaga ${PAYLOAD}`, proposedWording: `Brzmienie ${PAYLOAD}`, justification: `Bo ${PAYLOAD}` })).status,
  ).toBe(201);
  expect((await send({ submitterName: 'Jan Nowicki', sectionKey: 'diagnoza', remark: 'Brakuje danych o opiece wytchnieniowej.', proposedWording: 'Dodać tabelę 4.', justification: '' })).status).toBe(201);
  const { body } = await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`);
  await chair.request('POST', `/consultations/${consultation.id}/remarks/${body.remarks[0]?.id}/response`, { response: 'partlyAccepted', justification: `Częściowo ${PAYLOAD}` });
  await chair.request('POST', `/consultations/${consultation.id}/remarks/${body.remarks[1]?.id}/response`, { response: 'rejected', justification: 'Dane zostaną zebrane w kolejnej edycji diagnozy.' });
  return dispose;
}, 120_000);

async function download(person: ApiClient, format: string): Promise<{ status: number; type: string; disposition: string; bytes: Uint8Array }> {
  const response = await fetch(`${team.server.httpUrl}/api/consultations/${consultation.id}/remarks-table?format=${format}`, { headers: { cookie: person.cookie ?? '' } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    disposition: response.headers.get('content-disposition') ?? '',
    bytes: new Uint8Array(await response.arrayBuffer()),
  };
}

/** The table's reading: every header, both remarks in order with the team's responses, the payload shown as text. */
function expectTable(text: string, shownPayload = PAYLOAD): void {
  // Narrow cells wrap inside words, and text extraction turns each wrap into white space.
  const flat = text.replace(/\s+/g, '');
  const expectText = (expected: string): void => expect(flat).toContain(expected.replace(/\s+/g, ''));
  expectText(TITLE);
  for (const column of HEADER) expectText(column);
  expectText('Uwzględniona częściowo');
  expectText('Nieuwzględniona');
  expectText('Brakuje danych o opiece wytchnieniowej.');
  expectText('Dane zostaną zebrane w kolejnej edycji diagnozy.');
  expectText(`Uwaga ${shownPayload}`);
  expect(flat.indexOf('Uwzględnionaczęściowo')).toBeLessThan(flat.indexOf('Nieuwzględniona'));
}

/** The seven columns stand on landscape pages (with the heading above them); the title page stands upright. */
async function expectLandscapeTable(pdf: Uint8Array, label: string): Promise<void> {
  const pages = await pdfPageTexts(pdf);
  const sizes = await pdfPageSizes(pdf);
  const table = pages.findIndex((page) => page.includes('Nieuwzględniona'));
  expect(table, label).toBeGreaterThan(0);
  expect(sizes[table]?.width, `${label}: the table's page is landscape`).toBeGreaterThan(sizes[table]?.height ?? Infinity);
  expect(pages[table], `${label}: the heading goes with the table`).toContain(TITLE);
  expect(sizes[0]?.width, `${label}: the title page is upright`).toBeLessThan(sizes[0]?.height ?? 0);
}

describe('remarks table', () => {
  it('exports as HTML with every payload escaped: no script, no element from a remark', async () => {
    const file = await download(teamMember(team, 'observer'), 'html');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/html');
    expect(file.disposition).toContain('.html');
    const html = new TextDecoder().decode(file.bytes);
    expectTable(html, PAYLOAD.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain(`Gmina ${PAYLOAD}`.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('exports as PDF whose text shows the payload as text', async () => {
    const file = await download(chair, 'pdf');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const text = await readPdfText(file.bytes);
    expectTable(text);
    await expectLandscapeTable(file.bytes, 'pdf');
  });

  it(
    'exports as DOCX and ODT that LibreOffice opens, with the payload as escaped text only',
    async () => {
      const docx = await download(chair, 'docx');
      const odt = await download(chair, 'odt');
      expect([docx.status, odt.status]).toEqual([200, 200]);
      expect(docx.type).toContain('wordprocessingml');
      expect(odt.type).toBe('application/vnd.oasis.opendocument.text');
      expect(odt.disposition).toContain('.odt');
      const docxXml = readZip(docx.bytes).get('word/document.xml')?.toString('utf8') ?? '';
      const odtXml = readZip(odt.bytes).get('content.xml')?.toString('utf8') ?? '';
      for (const xml of [docxXml, odtXml]) {
        expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(xml).not.toMatch(/<script|<img/);
      }
      for (const column of HEADER) expect(docxXml).toContain(`>${column}</w:t>`);
      const converted = await convertWithLibreOffice({ 'uwagi.docx': docx.bytes, 'uwagi-odt.odt': odt.bytes }, 'pdf');
      for (const name of ['uwagi.docx', 'uwagi-odt.odt']) {
        const pdf = converted.get(name) ?? new Uint8Array();
        expect((await pdfPageTexts(pdf)).length, name).toBeGreaterThan(1);
        expectTable(await readPdfText(pdf));
        await expectLandscapeTable(pdf, name);
      }
    },
    LIBREOFFICE_TIMEOUT_MS,
  );

  it('is for the plan team only, in the formats it offers', async () => {
    const outsider = await registerUser(team.server, 'outsider');
    expect((await download(outsider, 'html')).status).toBe(404);
    expect((await download(anonymousClient(team.server), 'html')).status).toBe(401);
    expect((await download(chair, 'exe')).status).toBe(400);
  });
});
