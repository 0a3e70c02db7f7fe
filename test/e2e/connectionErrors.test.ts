import { describe, expect, it } from 'vitest';
import { formatDocumentName } from '../../shared/documentName.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser } from '../helpers/browser.js';
import { RawDocumentDatabase, plansDatabasePath } from '../helpers/RawDocumentDatabase.js';

describe('connection errors in the browser', () => {
  it('a refused upgrade (no session) says "log in" instead of connecting forever', async () => {
    const { httpUrl } = await startTestServer({ authenticate: 'sessions' });
    const browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${httpUrl}/plans/e2e-no-session`);
    await page.locator('input[name="displayName"]').fill('Anna Kowalska');
    await page.locator('input[name="displayName"]').press('Enter');

    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('musisz się zalogować');
    expect(await page.locator('.save-status').getAttribute('data-state')).toBe('closed');
    expect(await page.locator('.plan-editor__content').count()).toBe(0);
  });

  it('a plan the server cannot load shows an error and never an editable empty document', async () => {
    const server = await startTestServer();
    const raw = await RawDocumentDatabase.open(plansDatabasePath(server.dataDir));
    try {
      await raw.writeState(formatDocumentName('e2e-damaged'), Uint8Array.from({ length: 96 }, (_, index) => (index * 73 + 41) % 256));
    } finally {
      await raw.close();
    }
    const browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.httpUrl}/plans/e2e-damaged`);
    await page.locator('input[name="displayName"]').fill('Anna Kowalska');
    await page.locator('input[name="displayName"]').press('Enter');

    await expect.poll(() => page.locator('.notice--error').textContent()).toContain('Nie udało się wczytać planu');
    await page.waitForTimeout(500);
    expect(await page.locator('.plan-editor__content').count()).toBe(0);
    expect(await page.locator('.save-status').getAttribute('data-state')).not.toBe('saved');
  });
});
