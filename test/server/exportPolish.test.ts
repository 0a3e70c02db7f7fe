import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { readZip } from '../helpers/readZip.js';
import { readPdfText } from '../helpers/readPdfText.js';
import { annexLine } from '../../server/export/annexLine.js';
import { buildExportDocument } from '../../server/export/buildExportDocument.js';
import { formatAmount, formatNumber } from '../../server/export/polishFormats.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import type { Plan } from '../../shared/domain/Plan.js';
import type { DecisionRecord } from '../../shared/deliberation/ProposalState.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';

const NBSP = '\u00a0';
const SAMPLE_TEXT = readFileSync('shared/domain/samples/sample-plan-a.json', 'utf8');
const TITLE = 'Regionalny Plan Rozwoju Usług Społecznych i Deinstytucjonalizacji Województwa Opolskiego na lata 2026–2028';
const REJECTED_NOTE = 'Odrzucono, protokół nr 4 z 12.03.2026: propozycja jest sprzeczna z wytyczną R-02.';

type PlanFile = { sections: Array<{ blocks: Array<Record<string, unknown>> }>; adoption: Record<string, unknown>; kind: string; status: string };

/** The sample plan with amounts that have grosze, a four-digit indicator value and a dated rejection. */
function planFile(): PlanFile {
  const file = JSON.parse(SAMPLE_TEXT) as PlanFile;
  const blocks = file.sections.flatMap((section) => section.blocks);
  const direction = blocks.find((block) => block['id'] === 'KI-1.1');
  if (direction === undefined) throw new Error('no KI-1.1 in the sample');
  direction['fundingSources'] = [
    { code: 'EFS_PLUS_REGIONAL', amount: 1480000.5 },
    { code: 'JST_BUDGET', amount: 4999.49 },
    { code: 'PFRON', amount: 0.01 },
  ];
  direction['estimatedCost'] = { amount: 1485000, currency: 'PLN', note: '' };
  direction['indicators'] = [{ name: 'Liczba miejsc w mieszkaniach', unit: 'miejsca', baseline: { value: 1450, year: 2025 }, target: { value: 12.5, year: 2028 }, source: 'GUS' }];
  // A draft in the file, so the app records who proposes it.
  const draft = blocks.find((block) => block['id'] === 'KI-1.2');
  if (draft === undefined) throw new Error('no KI-1.2 in the sample');
  draft['status'] = 'draft';
  const rejected = blocks.find((block) => block['id'] === 'R-06');
  if (rejected === undefined) throw new Error('no R-06 in the sample');
  rejected['statusNote'] = REJECTED_NOTE;
  return file;
}

function planOf(file: unknown): Plan {
  const imported = importPlan(file);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.plan;
}

describe('the annex line names the adopting body in the genitive', () => {
  it.each([
    ['Zarząd Województwa Opolskiego', 'Załącznik do Uchwały Nr 12/2026 Zarządu Województwa Opolskiego z dnia 3 lipca 2026 r.'],
    ['Sejmik Województwa Opolskiego', 'Załącznik do Uchwały Nr 12/2026 Sejmiku Województwa Opolskiego z dnia 3 lipca 2026 r.'],
    ['Rada Gminy Dobrzeń Wielki', 'Załącznik do Uchwały Nr 12/2026 Rady Gminy Dobrzeń Wielki z dnia 3 lipca 2026 r.'],
    ['Rada Miejska w Starym Borze', 'Załącznik do Uchwały Nr 12/2026 Rady Miejskiej w Starym Borze z dnia 3 lipca 2026 r.'],
    ['Rada Miejska', 'Załącznik do Uchwały Nr 12/2026 Rady Miejskiej z dnia 3 lipca 2026 r.'],
    ['Rada Powiatu Nyskiego', 'Załącznik do Uchwały Nr 12/2026 Rady Powiatu Nyskiego z dnia 3 lipca 2026 r.'],
    ['Rada Miasta Opola', 'Załącznik do Uchwały Nr 12/2026 Rady Miasta Opola z dnia 3 lipca 2026 r.'],
    // The templates' defaults, as taxonomy.json writes them.
    ['Zarząd Województwa (uchwała)', 'Załącznik do Uchwały Nr 12/2026 Zarządu Województwa z dnia 3 lipca 2026 r.'],
    ['Rada Gminy / Rada Powiatu (uchwała)', 'Załącznik do Uchwały Nr 12/2026 Rady Gminy / Rady Powiatu z dnia 3 lipca 2026 r.'],
    ['Rada Gminy (uchwała – akt prawa miejscowego)', 'Załącznik do Uchwały Nr 12/2026 Rady Gminy z dnia 3 lipca 2026 r.'],
  ])('%s', (body, expected) => {
    expect(annexLine(body, '12/2026', '3 lipca 2026 r.')).toBe(expected);
  });

  it.each([
    ['Wójt Gminy Stary Bór'],
    ['Dyrektor Regionalnego Ośrodka Polityki Społecznej'],
    ['Rada Gminy / Wójt Gminy'],
    ['Radа Gminy Stary Bór'], // a Cyrillic "а": not a body this knows
  ])('any other body (%s) is named after a colon instead of being declined', (body) => {
    expect(annexLine(body, '…', '…')).toBe(`Załącznik do uchwały organu: ${body}, Nr … z dnia …`);
  });

  it('the title page of a local plan of "Rada Miejska w Starym Borze" says "Rady Miejskiej w Starym Borze"', () => {
    const file = planFile();
    file.kind = 'local';
    file.adoption = { body: 'Rada Miejska w Starym Borze', resolutionNumber: 'XII/85/2026', date: '2026-12-01' };
    const document = buildExportDocument({ snapshot: { plan: planOf(file), statuses: {}, register: [], version: null }, options: { rejected: 'omit' }, generatedAt: new Date('2026-12-01T10:00:00Z') });
    expect(document.titlePage.annexLine).toBe('Załącznik do Uchwały Nr XII/85/2026 Rady Miejskiej w Starym Borze z dnia 1 grudnia 2026 r.');
  });
});

describe('the cover states the status of what the file is', () => {
  const agreed: PlanVersion = {
    id: 'v1', planId: 'p', kind: 'agreed', name: 'Uzgodniona', note: '', createdBy: 'u', createdByName: 'Anna', createdAt: Date.UTC(2026, 11, 1),
    agreed: { number: 1, decisionDate: '2026-12-01', decisionReference: 'protokół nr 7' }, contentHash: 'a'.repeat(64), remarksAnnex: null,
  };
  const statusOf = (status: string, version: PlanVersion | null, adoption?: Record<string, unknown>): string | undefined => {
    const file = planFile();
    file.status = status;
    if (adoption !== undefined) file.adoption = adoption;
    const document = buildExportDocument({ snapshot: { plan: planOf(file), statuses: {}, register: [], version }, options: { rejected: 'omit' }, generatedAt: new Date() });
    return document.titlePage.notes.find((line) => line.startsWith('Status dokumentu:'));
  };

  it('a draft is "Projekt roboczy", the agreed version "Wersja uzgodniona przez zespół", an adopted plan names its resolution', () => {
    expect(statusOf('draft', null)).toBe('Status dokumentu: Projekt roboczy');
    // The plan file still says draft: the agreed version is the agreed version all the same.
    expect(statusOf('draft', agreed)).toBe('Status dokumentu: Wersja uzgodniona przez zespół');
    // After the agreement the working draft is a draft again.
    expect(statusOf('teamAgreed', null)).toBe('Status dokumentu: Projekt roboczy');
    expect(statusOf('inConsultation', agreed)).toBe('Status dokumentu: W konsultacjach społecznych');
    expect(statusOf('adopted', agreed, { body: 'Zarząd Województwa Opolskiego', resolutionNumber: '30/462/26', date: '2026-12-01' })).toBe(
      'Status dokumentu: Przyjęty uchwałą Nr 30/462/26 z dnia 1 grudnia 2026 r.',
    );
  });
});

describe('amounts and numbers in Polish format', () => {
  it('are exact to the grosz and grouped with no-break spaces from four digits on', () => {
    expect(formatAmount(0.01)).toBe('0,01');
    expect(formatAmount(4999.49)).toBe(`4${NBSP}999,49`);
    expect(formatAmount(1480000.5)).toBe(`1${NBSP}480${NBSP}000,50`);
    expect(formatAmount(18500000)).toBe(`18${NBSP}500${NBSP}000,00`);
    expect(formatAmount(0.1 + 0.2)).toBe('0,30');
    expect(formatNumber(1450)).toBe(`1${NBSP}450`);
    expect(formatNumber(12.5)).toBe('12,5');
    expect(formatNumber(100)).toBe('100');
  });
});

let team: TeamFixture;
let planId: string;
let chairName: string;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', member: 'member' });
  const chair = teamMember(team, 'chair');
  chairName = 'chair';
  // Other plans record decisions first, so the server-wide event sequence is well past 1 when this plan comes in.
  for (let index = 0; index < 2; index++) {
    const other = await chair.request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans/import`, JSON.parse(SAMPLE_TEXT));
    if (other.status !== 201) throw new Error(`import failed: ${other.status}`);
  }
  const imported = await chair.request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans/import`, planFile());
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body)}`);
  planId = imported.body.id;
  return dispose;
}, 60_000);

async function exportFile(query: string): Promise<{ status: number; disposition: string; bytes: Buffer }> {
  const response = await fetch(`${team.server.httpUrl}/api/plans/${planId}/export?${query}`, { headers: { cookie: team.people.chair?.cookie ?? '' } });
  return { status: response.status, disposition: response.headers.get('content-disposition') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('exports through the server', () => {
  it('amounts with grosze and four-digit values come out exact and grouped in DOCX, PDF, HTML and Markdown', async () => {
    const expected = [`1${NBSP}480${NBSP}000,50`, `4${NBSP}999,49`, '0,01', `1${NBSP}485${NBSP}000,00`, `1${NBSP}485${NBSP}000,00${NBSP}zł`, `1${NBSP}450 (2025)`];
    const html = (await exportFile('format=html')).bytes.toString('utf8');
    const markdown = (await exportFile('format=md')).bytes.toString('utf8');
    const docx = readZip((await exportFile('format=docx')).bytes).get('word/document.xml')?.toString('utf8') ?? '';
    for (const text of expected) {
      expect(html, `HTML ${text}`).toContain(text);
      expect(markdown, `Markdown ${text}`).toContain(text);
      expect(docx, `DOCX ${text}`).toContain(text);
    }
    // No amount lost its grosze or its grouping on the way.
    for (const wrong of ['1480001', '1 480 001', '4999', '1450 (']) {
      expect(html, wrong).not.toContain(wrong);
      expect(markdown, wrong).not.toContain(wrong);
    }
    // PDF text extraction turns the no-break space into some space: the digits, the comma and the grouping stay.
    const pdf = await readPdfText((await exportFile('format=pdf')).bytes);
    for (const pattern of [/1[\s\u00a0]480[\s\u00a0]000,50/, /4[\s\u00a0]999,49/, /(?<![\d,])0,01/, /1[\s\u00a0]485[\s\u00a0]000,00/, /1[\s\u00a0]450[\s\u00a0]\(2025\)/]) {
      expect(pdf, String(pattern)).toMatch(pattern);
    }
  }, 30_000);

  it('HTML has exactly one h1 (the plan title), a main, and the contents right after the title', async () => {
    const html = (await exportFile('format=html')).bytes.toString('utf8');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain(`<h1 class="document-title">${TITLE}</h1>`);
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html).toMatch(/<h2 id="h\d+">5\. Obszary wsparcia i kierunki interwencji<\/h2>/);
    const titleEnd = html.indexOf('</header>');
    const nav = html.indexOf('<nav');
    expect(titleEnd).toBeGreaterThan(0);
    expect(nav).toBeGreaterThan(titleEnd);
    expect(nav).toBeLessThan(html.indexOf('<main>'));
    expect(html.indexOf('<h2', titleEnd)).toBe(html.indexOf('<h2 id="toc-title"'));
  });

  it('file names are whole, ASCII and cut between words, with the full title in filename*', async () => {
    for (const format of ['docx', 'pdf', 'html', 'md']) {
      const { disposition } = await exportFile(`format=${format}`);
      const ascii = /filename="([^"]*)"/.exec(disposition)?.[1] ?? '';
      expect(ascii, disposition).toMatch(new RegExp(`^plan-[a-z0-9-]+-wersja-robocza\\.${format}$`));
      expect(ascii.length - format.length - 1).toBeLessThanOrEqual(80);
      // Every word of the name is a whole word of the transliterated title.
      const titleWords = new Set('regionalny plan rozwoju uslug spolecznych i deinstytucjonalizacji wojewodztwa opolskiego na lata 2026 2028'.split(' '));
      const nameWords = ascii.replace(/^plan-/, '').replace(new RegExp(`-wersja-robocza\\.${format}$`), '').split('-');
      expect(nameWords.length).toBeGreaterThan(3);
      for (const word of nameWords) expect(titleWords.has(word), word).toBe(true);
      const full = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1] ?? '';
      expect(full).not.toMatch(/['()*]/);
      expect(decodeURIComponent(full)).toBe(`${TITLE} – wersja robocza.${format}`);
    }
  });

  it('decisions from the file are marked in Polish and keep the file’s date and proposer, not the importer', async () => {
    const register = await teamMember(team, 'chair').request<{ decisions: DecisionRecord[] }>('GET', `/plans/${planId}/decisions`);
    const decisions = register.body.decisions;
    expect(decisions.length).toBeGreaterThan(5);
    expect(JSON.stringify(decisions)).not.toContain('imported from file');
    const rejected = decisions.find((record) => record.blockId === 'R-06');
    expect(rejected).toMatchObject({ toStatus: 'rejected', note: REJECTED_NOTE, imported: { decidedOn: '2026-03-12', decidedBy: null } });
    // R-03 came in proposed by m4 (Piotr Zieliński) with a note without a date.
    expect(decisions.find((record) => record.blockId === 'R-03')).toMatchObject({ toStatus: 'proposed', imported: { decidedOn: null, decidedBy: 'Piotr Zieliński' } });
  });

  it('the agreed version: register numbered from 1, imported rows with the file’s data, cards with proposer and decision note', async () => {
    const chair = teamMember(team, 'chair');
    const open = await chair.request<{ open: OpenProposal[] }>('GET', `/plans/${planId}/agreement`);
    for (const proposal of open.body.open) {
      if (proposal.status === 'draft' || proposal.status === 'withdrawn') await chair.request('POST', `/plans/${planId}/proposals/${proposal.blockId}/transitions`, { to: 'proposed' });
      const to = proposal.blockId === 'R-05' ? 'rejected' : 'agreed';
      const decided = await chair.request('POST', `/plans/${planId}/proposals/${proposal.blockId}/transitions`, { to, note: `protokół nr 7, ${proposal.blockId}`, method: 'consensus' });
      expect(decided.status).toBe(200);
    }
    const frozen = await chair.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, { name: 'Wersja uzgodniona', decisionDate: '2026-12-01', decisionReference: 'protokół nr 7' });
    expect(frozen.status).toBe(201);
    const versionId = frozen.body.version.id;

    const markdown = (await exportFile(`format=md&version=${versionId}&rejected=annex`)).bytes.toString('utf8');
    expect(markdown).toContain('Status dokumentu: Wersja uzgodniona przez zespół');
    expect(markdown).not.toContain('imported from file');
    const registerPart = markdown.slice(markdown.indexOf('Rejestr decyzji zespołu\n'));
    const numbers = [...registerPart.matchAll(/^\| (\d+) \|/gm)].map((match) => Number(match[1]));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    // The file's rejection: its date and the team, with a Polish note that it came from the file.
    expect(registerPart).toMatch(
      /^\| \d+ \| 12\.03\.2026 \| R-06 – Regionalny specjalistyczny DPS na 120 miejsc \| Zmiana statusu: Szkic → Odrzucony \| Odrzucono, protokół nr 4 z 12\.03\.2026: propozycja jest sprzeczna z wytyczną R-02\. – decyzja zapisana w importowanym pliku planu, podjęta przed jego wczytaniem \| Zespół \(według pliku planu\) \|$/m,
    );
    // A file decision without a date has no date rather than the day of the import.
    expect(registerPart).toMatch(/^\| \d+ \| — \| R-01 – [^|]+ \| Zmiana statusu: Szkic → Uzgodniony \| Uzgodniono na posiedzeniu Zespołu, protokół nr 5\. – decyzja zapisana/m);

    const html = (await exportFile(`format=html&version=${versionId}&rejected=annex`)).bytes.toString('utf8');
    const card = (caption: string): string => {
      const start = html.indexOf(`<caption>${caption}</caption>`);
      expect(start, caption).toBeGreaterThan(0);
      return html.slice(start, html.indexOf('</table>', start));
    };
    const row = (name: string, value: string): string => `<th scope="row">${name}</th><td>${value}</td>`;
    // Rejected in the app: the chair's note from the register; proposed in the file by m3.
    const r05 = card('Rekomendacja R-05 – karta rekomendacji');
    expect(r05).toContain(row('Status', 'Odrzucony'));
    expect(r05).toContain(row('Uzasadnienie decyzji', 'protokół nr 7, R-05'));
    expect(r05).toContain(row('Zgłaszający', 'Karolina Nowak'));
    // Rejected in the file: the file's note and proposer (m10).
    const r06 = card('Rekomendacja R-06 – karta rekomendacji');
    expect(r06).toContain(row('Uzasadnienie decyzji', REJECTED_NOTE));
    expect(r06).toContain(row('Zgłaszający', 'Barbara Pawlak'));
    // Agreed in the app after being proposed in the file: the decision note from the register, the file's proposer.
    const r03 = card('Model R-03 – karta rekomendacji');
    expect(r03).toContain(row('Status', 'Uzgodniony'));
    expect(r03).toContain(row('Uzasadnienie decyzji', 'protokół nr 7, R-03'));
    expect(r03).toContain(row('Zgłaszający', 'Piotr Zieliński'));
    // A direction proposed and agreed in the app: the chair proposed it, and the decision note.
    const direction = card('Kierunek interwencji 1.2 – karta kierunku');
    expect(direction).toContain(row('Status', 'Uzgodniony'));
    expect(direction).toContain(row('Uzasadnienie decyzji', 'protokół nr 7, KI-1.2'));
    expect(direction).toContain(row('Zgłaszający', chairName));
    for (const text of [row('Uzasadnienie decyzji', '—'), row('Zgłaszający', '—')]) {
      for (const shown of [r05, r06, r03, direction]) expect(shown).not.toContain(text);
    }
  }, 60_000);
});
