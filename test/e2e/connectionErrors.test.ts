import { describe, expect, it } from 'vitest';
import { formatDocumentName } from '../../shared/documentName.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { TEST_PASSWORD } from '../helpers/apiClient.js';
import { launchBrowser, newUserPage, openPlan } from '../helpers/browser.js';
import { RawDocumentDatabase, plansDatabasePath } from '../helpers/RawDocumentDatabase.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

describe('connection errors in the browser', () => {
  it('a plan link opened without a session asks to log in and opens the plan afterwards', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair' });
    const anna = teamMember(team, 'Anna Kowalska');
    const me = await anna.request<{ user: { email: string } }>('GET', '/me');
    const browser = await launchBrowser();
    const { page } = await newUserPage(browser, server.httpUrl, null, 'Anna');

    await page.goto(`${server.httpUrl}/plans/${team.planId}`);
    await page.waitForURL(`${server.httpUrl}/login?next=${encodeURIComponent(`/plans/${team.planId}`)}`);
    expect(await page.locator('.plan-editor__content').count()).toBe(0);
    await page.getByLabel('Adres e-mail').fill(me.body.user.email);
    await page.getByLabel('Hasło').fill('not the password');
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('Nieprawidłowy adres e-mail lub hasło');

    await page.getByLabel('Hasło').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Zaloguj się' }).click();
    await page.waitForURL(`${server.httpUrl}/plans/${team.planId}`);
    await page.locator('.plan-editor__content').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.save-status').getAttribute('data-state')).toBe('saved');
  });

  it('someone removed from the team while the plan is open loses access at once, and the editor goes away on reload', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const bartek = teamMember(team, 'Bartek Nowak');
    const browser = await launchBrowser();
    const plan = await openPlan(browser, server.httpUrl, team.planId, bartek, 'Bartek');

    const removed = await teamMember(team, 'Anna Kowalska').request('DELETE', `/workspaces/${team.workspaceId}/members/${bartek.userId}`);
    expect(removed.status).toBe(204);
    await expect.poll(() => plan.page.locator('.notice--error').textContent()).toContain('Brak dostępu do tego planu');
    expect(await plan.page.locator('.save-status').getAttribute('data-state')).toBe('closed');
    expect(await plan.editor().getAttribute('contenteditable')).toBe('false');

    await plan.page.reload();
    await expect.poll(() => plan.page.locator('.notice--error').textContent()).toContain('Nie znaleziono planu');
    expect(await plan.page.locator('.plan-editor__content').count()).toBe(0);
  });

  it('a plan the server cannot load shows an error and never an editable empty document', async () => {
    const firstServer = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(firstServer, { 'Anna Kowalska': 'chair' });
    // The new plan's seeded document may still be in memory; damage it on disk while no server runs.
    await firstServer.close();
    const raw = await RawDocumentDatabase.open(plansDatabasePath(firstServer.dataDir));
    try {
      await raw.writeState(formatDocumentName(team.planId), Uint8Array.from({ length: 96 }, (_, index) => (index * 73 + 41) % 256));
    } finally {
      await raw.close();
    }
    const server = await firstServer.restart();
    const browser = await launchBrowser();
    const { page } = await newUserPage(browser, server.httpUrl, teamMember(team, 'Anna Kowalska'), 'Anna');
    await page.goto(`${server.httpUrl}/plans/${team.planId}`);

    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('Nie udało się wczytać planu');
    await page.waitForTimeout(500);
    expect(await page.locator('.plan-editor__content').count()).toBe(0);
    expect(await page.locator('.save-status').getAttribute('data-state')).not.toBe('saved');
  });
});
