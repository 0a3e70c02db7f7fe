import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';

describe('versions panel and restore notices in the browser', () => {
  it('names who restored which version on every page, writes decision dates in Polish, and offers only editors as responsible', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member', 'Olga Wiśniewska': 'observer' });
    const anna = teamMember(team, 'Anna Kowalska');
    // A plan without proposals freezes at once.
    const agreed = await anna.request<{ version: PlanVersion }>('POST', `/plans/${team.planId}/agreed-versions`, {
      decisionDate: '2026-12-01',
      decisionReference: 'protokół nr 9',
    });
    expect(agreed.status).toBe(201);
    const named = await anna.request<{ version: PlanVersion }>('POST', `/plans/${team.planId}/versions`, { name: 'Przed posiedzeniem nr 5' });
    expect(named.status).toBe(201);

    const browser = await launchBrowser();
    const annaPage = (await openPlan(browser, server.httpUrl, team.planId, anna, 'Anna Kowalska')).page;
    const bartekPage = (await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Bartek Nowak'), 'Bartek Nowak')).page;

    // Only members who may edit are offered as a section's responsible person (the observer is not).
    const responsible = bartekPage.locator('.plan-section').first().locator('select[id$="-responsible"]');
    await expect.poll(async () => (await responsible.locator('option').allTextContents()).length).toBe(3);
    const offered = await responsible.locator('option').allTextContents();
    expect(offered.slice(1)).toEqual(['Anna Kowalska', 'Bartek Nowak']);

    // The versions panel writes the decision date in words, never as an ISO date.
    await bartekPage.getByRole('tab', { name: 'Wersje' }).click();
    const bartekPanel = bartekPage.getByRole('region', { name: 'Wersje' });
    await expect.poll(() => bartekPanel.locator('.version__agreed').first().textContent()).toContain('Decyzja z 1 grudnia 2026 r., protokół nr 9');
    expect(await bartekPanel.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    await annaPage.getByRole('tab', { name: 'Wersje' }).click();
    const annaPanel = annaPage.getByRole('region', { name: 'Wersje' });
    await annaPanel.locator(`[data-version-id="${named.body.version.id}"]`).getByRole('button', { name: 'Przywróć' }).click();
    await annaPage.getByRole('dialog').getByRole('button', { name: 'Przywróć wersję' }).click();

    await expect
      .poll(() => bartekPage.locator('.toast--restore span').textContent())
      .toBe('Anna Kowalska przywraca wersję „Przed posiedzeniem nr 5”: treść planu zastąpiono treścią tej wersji.');
    await expect.poll(() => annaPage.locator('.toast--restore span').textContent()).toBe('Przywrócono wersję „Przed posiedzeniem nr 5”.');
    await bartekPage.locator('.toast--restore').getByRole('button', { name: 'Zamknij powiadomienie' }).click();
    await expect.poll(() => bartekPage.locator('.toast--restore').count()).toBe(0);
  }, 60_000);
});
