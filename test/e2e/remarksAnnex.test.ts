import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { agreeEveryProposal } from '../helpers/agreeEveryProposal.js';
import { anonymousClient } from '../helpers/apiClient.js';
import { openPlan } from '../helpers/browser.js';
import { launchSharedBrowser } from '../helpers/sharedBrowser.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { Consultation, ConsultationRemark } from '../../shared/consultations/Consultation.js';
import { polishDate } from '../../shared/consultations/consultationStatus.js';

/**
 * The chair freezes the next agreed version in the browser with the closed consultation's remarks
 * table as its annex (issue 15, item 5): offered and ticked in the freeze form once every remark is
 * answered, shown on the version, and in the version's export.
 */
describe('annexing the remarks table when freezing, in the browser', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers the closed consultation’s table, ticked, and the frozen version carries it', async () => {
    server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair' });
    const anna = teamMember(team, 'Anna Kowalska');
    const planId = (await importSamplePlan(anna, team.workspaceId)).body.id;
    await agreeEveryProposal(anna, planId);
    const first = await anna.request<{ version: PlanVersion }>('POST', `/plans/${planId}/agreed-versions`, { decisionDate: '2026-03-12', decisionReference: 'protokół nr 4' });
    const consultation = (await anna.request<{ consultation: Consultation }>('POST', `/plans/${planId}/consultations`, {
      versionId: first.body.version.id,
      startsOn: polishDate(Date.now()),
      endsOn: polishDate(Date.now() + 14 * 24 * 3600 * 1000),
    })).body.consultation;
    const sent = await anonymousClient(server).request('POST', `/public/consultations/${consultation.publicToken}/remarks`, { submitterName: 'Powiat Opolski', sectionKey: 'diagnoza', remark: 'Brakuje danych z 2025 r.' });
    expect(sent.status).toBe(201);
    const [remark] = (await anna.request<{ remarks: ConsultationRemark[] }>('GET', `/consultations/${consultation.id}/remarks`)).body.remarks;
    expect((await anna.request('POST', `/consultations/${consultation.id}/remarks/${remark?.id}/response`, { response: 'accepted', justification: 'Uzupełniono diagnozę.' })).status).toBe(200);
    expect((await anna.request('POST', `/consultations/${consultation.id}/close`)).status).toBe(200);

    browser = await launchSharedBrowser();
    const { page } = await openPlan(browser, server.httpUrl, planId, anna, 'Anna');
    await page.getByRole('tab', { name: 'Wersje', exact: true }).click();
    const panel = page.locator('.agreed-version');
    await panel.getByRole('button', { name: 'Zamroź jako wersję uzgodnioną' }).click();
    const annex = panel.getByTestId('annex-remarks');
    await annex.waitFor();
    expect(await annex.isChecked()).toBe(true);
    expect(await panel.locator('.field--checkbox label').textContent()).toContain('zestawienie uwag z konsultacji nr 1 (uwag: 1)');
    await panel.getByLabel('Data decyzji zespołu').fill('2026-05-04');
    await panel.getByLabel('Numer protokołu lub uchwały').fill('protokół nr 9');
    await panel.getByRole('button', { name: 'Zamroź wersję' }).click();
    await expect.poll(() => panel.locator('.notice--success').textContent()).toContain('Zamrożono wersję uzgodnioną nr 2');
    await expect.poll(() => page.getByTestId('remarks-annex').first().textContent()).toBe('Załącznik: zestawienie uwag z konsultacji nr 1 (uwag: 1)');

    const versions = (await anna.request<{ versions: PlanVersion[] }>('GET', `/plans/${planId}/versions`)).body.versions;
    const second = versions.find((version) => version.agreed?.number === 2);
    expect(second?.remarksAnnex).toEqual({ consultationId: consultation.id, consultationNumber: 1, remarkCount: 1 });
    const html = await (await fetch(`${server.httpUrl}/api/plans/${planId}/export?format=html&version=${second?.id}`, { headers: { cookie: anna.cookie ?? '' } })).text();
    expect(html).toContain('Załącznik nr 2. Zestawienie uwag zgłoszonych w ramach konsultacji');
    expect(html).toContain('Uzupełniono diagnozę.');

    // Annexed once: freezing again (after a reload) does not offer the same table.
    await page.reload();
    await page.getByRole('tab', { name: 'Wersje', exact: true }).click();
    await panel.getByRole('button', { name: 'Zamroź jako wersję uzgodnioną' }).click();
    await panel.getByLabel('Numer protokołu lub uchwały').waitFor();
    expect(await panel.getByTestId('annex-remarks').count()).toBe(0);
  }, 120_000);
});
