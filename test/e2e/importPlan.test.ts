import { describe, expect, it } from 'vitest';
import { writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, newUserPage, saveScreenshot } from '../helpers/browser.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

describe('importing plans on the workspace page', () => {
  it('shows where an invalid file is wrong, creates nothing, then imports the sample plan', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair' });
    const browser = await launchBrowser();
    const { page } = await newUserPage(browser, server.httpUrl, teamMember(team, 'Anna Kowalska'), 'Anna');
    await page.goto(`${server.httpUrl}/workspaces/${team.workspaceId}`);
    const planLinks = page.locator('a[href^="/plans/"]');
    await expect.poll(() => planLinks.count()).toBe(1);

    const directory = await mkdtemp(path.join(os.tmpdir(), 'plan-import-'));
    const broken = path.join(directory, 'broken.json');
    await writeFile(broken, JSON.stringify({ schemaVersion: 1, title: 'Zły plan', sections: [] }));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Wybierz plik JSON…' }).click();
    await (await chooser).setFiles(broken);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Plik nie jest poprawnym planem');
    expect(await planLinks.count()).toBe(1);

    await page.getByRole('button', { name: 'Wczytaj przykładowy plan (dane ilustracyjne)' }).click();
    const sampleLink = page.getByRole('link', { name: /Regionalny Plan Rozwoju Usług Społecznych/ });
    await sampleLink.first().waitFor({ state: 'visible' });
    await saveScreenshot(page, 'workspace-after-import');
    await sampleLink.first().click();
    await page.locator('.plan-editor__content').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.plan-editor__content').textContent(), { timeout: 15_000 }).toContain('Opol');
  }, 90_000);
});
