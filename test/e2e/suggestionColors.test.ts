import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { registerUser, type ApiClient } from '../helpers/apiClient.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { openPlan } from '../helpers/browser.js';
import { launchSharedBrowser } from '../helpers/sharedBrowser.js';
import { blockById, fieldText, selectText } from '../helpers/blockDom.js';
import { colorForUser } from '../../shared/presence/colorForUser.js';

/**
 * A member's suggestions are in their caret colour, the one the others see (issue 15): when
 * someone present already shows the member's usual colour, the server gives the member another,
 * and their suggestions must carry that one, not the usual colour the other person shows.
 */

const ANNA = 'Anna Kowalska';
const BARTEK = 'Bartek Nowak';
const MAX_REGISTRATIONS = 80;

/** Someone on the team whose usual colour is `color`: registered until the colour matches (12 colours), then invited. */
async function memberWithColor(server: TestServer, chair: ApiClient, workspaceId: string, color: string): Promise<ApiClient> {
  for (let attempt = 0; attempt < MAX_REGISTRATIONS; attempt++) {
    const candidate = await registerUser(server, `Zofia ${attempt}`);
    if (colorForUser(candidate.userId ?? '') !== color) continue;
    const invitation = await chair.request<{ token: string }>('POST', `/workspaces/${workspaceId}/invitations`, { role: 'member' });
    const accepted = await candidate.request('POST', `/invitations/${invitation.body.token}/accept`);
    if (accepted.status !== 200) throw new Error(`could not join: ${accepted.status}`);
    return candidate;
  }
  throw new Error(`no user with colour ${color} in ${MAX_REGISTRATIONS} registrations`);
}

function colorSeenBy(observer: TestClient, userId: string): string | undefined {
  for (const state of observer.provider.awareness.getStates().values()) {
    const user = state['user'] as { id?: string; color?: string } | undefined;
    if (user?.id === userId) return user.color;
  }
  return undefined;
}

describe('suggestion colours', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('are the caret colour the server gave the author, also when it is not their usual one', async () => {
    // Up to MAX_REGISTRATIONS accounts from one address.
    server = await startTestServer({ authenticate: 'sessions', config: { maxRegistrationsPerHour: MAX_REGISTRATIONS + 10 } });
    const team = await createTeam(server, { [ANNA]: 'chair', [BARTEK]: 'member' });
    const anna = teamMember(team, ANNA);
    const bartek = teamMember(team, BARTEK);
    const planId = (await importSamplePlan(anna, team.workspaceId)).body.id;
    const usual = colorForUser(bartek.userId ?? '');
    // Zofia is present first and shows Bartek's usual colour.
    const zofia = await memberWithColor(server, anna, team.workspaceId, usual);
    const zofiaClient = connectClient(server.collabUrl, planId, { name: 'Zofia', headers: { cookie: zofia.cookie ?? '' } });
    await waitForSync(zofiaClient);
    zofiaClient.provider.awareness.setLocalStateField('cursor', null);

    browser = await launchSharedBrowser();
    const [annaPage, bartekPage] = await Promise.all([openPlan(browser, server.httpUrl, planId, anna, 'Anna'), openPlan(browser, server.httpUrl, planId, bartek, 'Bartek')]);
    await waitFor(() => colorSeenBy(zofiaClient, bartek.userId ?? '') !== undefined, { message: 'Bartek never appeared' });
    const caret = colorSeenBy(zofiaClient, bartek.userId ?? '');
    expect(caret).not.toBe(usual);

    const content = fieldText(blockById(bartekPage.page, 'R-01'), 'content');
    await bartekPage.page.getByTestId('suggesting-toggle').click();
    await selectText(content, 'end');
    await bartekPage.page.waitForTimeout(100);
    await bartekPage.page.keyboard.type(' KOLOR', { delay: 40 });

    const insertion = blockById(annaPage.page, 'R-01').locator(`ins.suggestion--insertion[data-author-name="${BARTEK}"]`).first();
    await insertion.waitFor({ timeout: 15_000 });
    expect(await insertion.getAttribute('style')).toContain(`--suggestion-color: ${caret}`);
    // The panel shows his suggestions in it too.
    await annaPage.page.locator('[data-tab="suggestions"]').click();
    const dot = annaPage.page.locator('.suggestions-panel__author').filter({ hasText: BARTEK }).locator('.suggestion-dot');
    await dot.waitFor({ timeout: 15_000 });
    expect((await dot.getAttribute('style'))?.replace(/\s/g, '')).toContain(`background:${rgbOf(caret ?? '')}`);
  }, 180_000);
});

/** How the browser writes a #rrggbb colour back in a style attribute. */
function rgbOf(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}
