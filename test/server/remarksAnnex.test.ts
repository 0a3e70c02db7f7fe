import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { anonymousClient, type ApiClient } from '../helpers/apiClient.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import { agreeEveryProposal } from '../helpers/agreeEveryProposal.js';
import { readZip } from '../helpers/readZip.js';
import { readPdfText } from '../helpers/readPdfText.js';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from '../helpers/libreOffice.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { Consultation, ConsultationRemark } from '../../shared/consultations/Consultation.js';
import { polishDate } from '../../shared/consultations/consultationStatus.js';

/**
 * The remarks table annexed to the next agreed version (issue 15, item 5): once the consultation is
 * closed and every remark answered, the chair freezes the next agreed version with the table as an
 * annex ("Załącznik nr 2. Zestawienie uwag…"), copied then, so its DOCX, ODT, PDF and HTML show the
 * responses of that moment, with every payload from the public as inert text.
 */

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const ESCAPED = PAYLOAD.replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ANNEX_HEADING = 'Załącznik nr 2. Zestawienie uwag zgłoszonych w ramach konsultacji';
const HEADER = ['Lp.', 'Zgłaszający', 'Część dokumentu', 'Treść uwagi', 'Proponowane brzmienie', 'Stanowisko zespołu', 'Uzasadnienie stanowiska'];
const DECISION = { decisionDate: '2026-04-20', decisionReference: 'protokół nr 6' };

let team: TeamFixture;
let chair: ApiClient;
let planId: string;
let firstVersion: PlanVersion;
let consultation: Consultation;
let remarks: ConsultationRemark[];

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', observer: 'observer' });
  chair = teamMember(team, 'chair');
  planId = (await importSamplePlan(chair, team.workspaceId)).body.id;
  await agreeEveryProposal(chair, planId);
  firstVersion = (await chair.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, { decisionDate: '2026-03-12', decisionReference: 'protokół nr 4' })).body.version;
  const opened = await chair.request<{ consultation: Consultation }>('POST', `/plans/${planId}/consultations`, {
    versionId: firstVersion.id,
    startsOn: polishDate(Date.now()),
    endsOn: polishDate(Date.now() + 14 * 24 * 3600 * 1000),
  });
  consultation = opened.body.consultation;
  const visitor = anonymousClient(testServer);
  const send = (body: Record<string, unknown>) => visitor.request('POST', `/public/consultations/${consultation.publicToken}/remarks`, body);
  expect((await send({ submitterName: `Gmina ${PAYLOAD}`, contact: 'sekretariat@gmina.example.pl', sectionKey: 'rekomendacje', blockId: 'R-01', remark: `Uwaga ${PAYLOAD}`, proposedWording: `Brzmienie ${PAYLOAD}` })).status).toBe(201);
  expect((await send({ submitterName: 'Jan Nowicki', sectionKey: 'diagnoza', remark: 'Brakuje danych o opiece wytchnieniowej.' })).status).toBe(201);
  remarks = (await chair.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`)).body.remarks;
  const answered = await chair.request('POST', `/consultations/${consultation.id}/remarks/${remarks[0]?.id}/response`, { response: 'partlyAccepted', justification: `Częściowo ${PAYLOAD}` });
  expect(answered.status).toBe(200);
  return dispose;
}, 120_000);

const freeze = (person: ApiClient, body: Record<string, unknown>) =>
  person.request<{ version: PlanVersion; error: { code: string; message: string; details?: { references?: string[] } } }>('POST', `/plans/${planId}/agreed-versions`, { ...DECISION, ...body });

async function download(versionId: string, format: string): Promise<Uint8Array> {
  const response = await fetch(`${team.server.httpUrl}/api/plans/${planId}/export?format=${format}&version=${versionId}`, { headers: { cookie: chair.cookie ?? '' } });
  expect(response.status, format).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The annex as read from a file's text: its heading, the columns, both remarks with the responses frozen with the version. */
function expectAnnex(text: string, shownPayload = PAYLOAD): void {
  const flat = text.replace(/\s+/g, '');
  const expectText = (expected: string): void => expect(flat).toContain(expected.replace(/\s+/g, ''));
  expectText(ANNEX_HEADING);
  for (const column of HEADER) expectText(column);
  expectText(`Uwaga ${shownPayload}`);
  expectText(`Częściowo ${shownPayload}`);
  expectText('Brakuje danych o opiece wytchnieniowej.');
  expectText('Uwzględniona częściowo');
  expectText('Nieuwzględniona');
  expectText('Dane zostaną zebrane w kolejnej edycji diagnozy.');
  // Answered after the version was frozen: not in the agreed version's annex.
  expect(flat).not.toContain('Zmienionestanowisko');
  // The submitter's contact is not published.
  expect(flat).not.toContain('sekretariat@gmina');
}

describe('the remarks table annexed to the next agreed version', () => {
  let annexed: PlanVersion;

  it('is refused while the consultation is open or a remark has no response, and for anyone but the chair', async () => {
    expect((await freeze(teamMember(team, 'observer'), { annexRemarksOf: consultation.id })).status).toBe(403);
    const open = await freeze(chair, { annexRemarksOf: consultation.id });
    expect(open.status).toBe(409);
    expect(open.body.error.code).toBe('consultationNotClosed');
    expect((await chair.request('POST', `/consultations/${consultation.id}/close`)).status).toBe(200);
    const unanswered = await freeze(chair, { annexRemarksOf: consultation.id });
    expect(unanswered.status).toBe(409);
    expect(unanswered.body.error.code).toBe('remarksNotAnswered');
    expect(unanswered.body.error.details?.references).toEqual([remarks[1]?.reference]);
    expect((await freeze(chair, { annexRemarksOf: 'no-such-consultation' })).status).toBe(404);
    // Nothing was frozen by the refusals.
    const versions = await chair.request<{ versions: PlanVersion[] }>('GET', `/plans/${planId}/versions`);
    expect(versions.body.versions.filter((version) => version.kind === 'agreed')).toHaveLength(1);
  });

  it('once every remark is answered, the next agreed version annexes a copy: a response changed afterwards stays out of it', async () => {
    const answered = await chair.request('POST', `/consultations/${consultation.id}/remarks/${remarks[1]?.id}/response`, { response: 'rejected', justification: 'Dane zostaną zebrane w kolejnej edycji diagnozy.' });
    expect(answered.status).toBe(200);
    const frozen = await freeze(chair, { annexRemarksOf: consultation.id });
    expect(frozen.status).toBe(201);
    annexed = frozen.body.version;
    expect(annexed.agreed?.number).toBe(2);
    expect(annexed.remarksAnnex).toEqual({ consultationId: consultation.id, consultationNumber: consultation.number, remarkCount: 2 });
    expect(firstVersion.remarksAnnex).toBeNull();
    // Changed after freezing, before any file of the version was rendered.
    const changed = await chair.request('POST', `/consultations/${consultation.id}/remarks/${remarks[1]?.id}/response`, { response: 'accepted', justification: 'Zmienione stanowisko' });
    expect(changed.status).toBe(200);
  });

  it('HTML: the annex after the decision register, every payload escaped', async () => {
    const html = new TextDecoder().decode(await download(annexed.id, 'html'));
    expectAnnex(html, ESCAPED);
    expect(html.indexOf('Załącznik nr 1. Rejestr decyzji zespołu')).toBeLessThan(html.indexOf(ANNEX_HEADING));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(`Gmina ${ESCAPED}`);
    // The version without an annex, and the draft, have no remarks table.
    for (const versionId of [firstVersion.id, 'draft']) expect(new TextDecoder().decode(await download(versionId, 'html'))).not.toContain('Zestawienie uwag');
  });

  it('Markdown: the annex too, with the payload escaped (no raw tag)', async () => {
    const markdown = new TextDecoder().decode(await download(annexed.id, 'md'));
    expect(markdown).toContain(ANNEX_HEADING);
    expect(markdown).toContain('Brakuje danych o opiece wytchnieniowej.');
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img)/);
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('PDF: the annex in the text', async () => {
    expectAnnex(await readPdfText(await download(annexed.id, 'pdf')));
  });

  it(
    'DOCX and ODT: LibreOffice opens them and reads the annex; the payload is escaped text in their XML',
    async () => {
      const docx = await download(annexed.id, 'docx');
      const odt = await download(annexed.id, 'odt');
      const docxXml = readZip(docx).get('word/document.xml')?.toString('utf8') ?? '';
      const odtXml = readZip(odt).get('content.xml')?.toString('utf8') ?? '';
      for (const xml of [docxXml, odtXml]) {
        expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(xml).not.toMatch(/<script|<img/);
      }
      const converted = await convertWithLibreOffice({ 'annex.docx': docx, 'annex-odt.odt': odt }, 'pdf');
      for (const name of ['annex.docx', 'annex-odt.odt']) expectAnnex(await readPdfText(converted.get(name) ?? new Uint8Array()));
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
