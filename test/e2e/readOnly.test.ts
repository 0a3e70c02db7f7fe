import { describe, expect, it } from 'vitest';
import type { AuthenticateUpgrade } from '../../server/sync/SyncServer.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import { appendParagraph, connectClient, waitForSync } from '../helpers/connectClient.js';

describe('read-only mode in the browser', () => {
  it('a read-only viewer sees the plan with a banner and cannot type into it', async () => {
    const readOnlyForViewers: AuthenticateUpgrade = async (request) => {
      const name = new URL(request.url ?? '/', 'http://localhost').searchParams.get('name') ?? 'Anonymous';
      const accessMode = name.startsWith('Viewer') ? 'read-only' : 'read-write';
      return { identity: { userId: `visitor:${name}`, name, color: '#15803d' }, accessMode };
    };
    const { httpUrl, collabUrl } = await startTestServer({ authenticate: readOnlyForViewers });
    const writer = connectClient(collabUrl, 'e2e-read-only', { name: 'Writer' });
    await waitForSync(writer);
    appendParagraph(writer, 'Tekst uzgodniony przez zespół');
    await writer.channel.whenSaved();

    const browser = await launchBrowser();
    const viewer = await openPlan(browser, httpUrl, 'e2e-read-only', 'Viewer Celina');
    await expect.poll(() => viewer.editor().textContent()).toContain('Tekst uzgodniony przez zespół');
    await expect.poll(() => viewer.page.locator('.notice--info').textContent()).toContain('tylko do odczytu');
    expect(await viewer.editor().getAttribute('contenteditable')).toBe('false');

    await viewer.editor().click();
    await viewer.page.keyboard.type('Próba zmiany');
    await viewer.page.waitForTimeout(300);
    expect(writer.text()).toBe('Tekst uzgodniony przez zespół');
    expect(await viewer.editor().textContent()).not.toContain('Próba zmiany');
  });
});
