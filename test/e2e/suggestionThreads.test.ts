import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { startSharedTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { openPlan, type PlanPage } from '../helpers/browser.js';
import { launchSharedBrowser } from '../helpers/sharedBrowser.js';
import { blockById, documentText, fieldText, selectText } from '../helpers/blockDom.js';
import type { CommentThread } from '../../shared/deliberation/CommentThread.js';

/**
 * The thread on a suggestion's card (issue 15, item 2), in real Chromium pages:
 * Anna comments on Bartek's suggestion and Bartek sees it live on his card and
 * answers; a comment sent through the API with markup shows as text; once Anna
 * accepts the suggestion the thread is still there to read, closed.
 */

const ANNA = 'Anna Kowalska';
const BARTEK = 'Bartek Nowak';
const SYNC = { timeout: 15_000 };
const KEY_DELAY_MS = 40;

describe('a thread on each suggestion card', () => {
  vi.setConfig({ testTimeout: 60_000 });
  let browser: Browser;
  let server: TestServer;
  let disposeServer: () => Promise<void>;
  let team: TeamFixture;
  let planId: string;
  let anna: PlanPage;
  let bartek: PlanPage;

  beforeAll(async () => {
    const shared = await startSharedTestServer({ authenticate: 'sessions' });
    server = shared.testServer;
    disposeServer = shared.dispose;
    team = await createTeam(server, { [ANNA]: 'chair', [BARTEK]: 'member' });
    const imported = await importSamplePlan(teamMember(team, ANNA), team.workspaceId);
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`);
    planId = imported.body.id;
    browser = await launchSharedBrowser();
    [anna, bartek] = await Promise.all([
      openPlan(browser, server.httpUrl, planId, teamMember(team, ANNA), 'Anna'),
      openPlan(browser, server.httpUrl, planId, teamMember(team, BARTEK), 'Bartek'),
    ]);
    for (const { page } of [anna, bartek]) await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: SYNC.timeout });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await disposeServer?.();
  });

  const card = (page: PlanPage): Locator => page.page.locator('.suggestions-panel__author').filter({ hasText: BARTEK }).locator('.suggestion-card');
  const commentBodies = (thread: Locator): Promise<string[]> => thread.locator('.comment__body').allTextContents();

  async function send(on: Locator, text: string): Promise<void> {
    await on.locator('textarea').fill(text);
    await on.locator('[data-action="comment"]').click();
  }

  it('comments reach the other member live on the card, markup stays text, and the thread stays readable once the suggestion is accepted', async () => {
    const content = fieldText(blockById(bartek.page, 'R-01'), 'content');
    await bartek.page.getByTestId('suggesting-toggle').click();
    await selectText(content, 'end');
    await bartek.page.waitForTimeout(100);
    await bartek.page.keyboard.type(' DO OMÓWIENIA', { delay: KEY_DELAY_MS });

    for (const page of [anna, bartek]) await page.page.locator('[data-tab="suggestions"]').click();
    await expect.poll(() => card(anna).count(), SYNC).toBe(1);
    await expect.poll(() => card(bartek).count(), SYNC).toBe(1);
    // Polish by default: the card offers to comment on the suggestion.
    expect(await card(anna).locator('.thread__reply label').first().textContent()).toContain('Skomentuj sugestię');

    await send(card(anna), 'Skąd ta zmiana?');
    await expect.poll(() => commentBodies(card(bartek)), SYNC).toEqual(['Skąd ta zmiana?']);
    expect(await card(bartek).locator('.comment__author').first().textContent()).toBe(ANNA);

    await send(card(bartek), 'Z uwag powiatu.');
    await expect.poll(() => commentBodies(card(anna)), SYNC).toEqual(['Skąd ta zmiana?', 'Z uwag powiatu.']);

    // A mention in a suggestion's thread: the toast leads to the suggestions tab, where the thread is.
    await bartek.page.locator('[data-tab="comments"]').click();
    const mention = `@${BARTEK} dopisz źródło`;
    await send(card(anna), mention);
    const toast = bartek.page.locator('.toast').filter({ hasText: ANNA });
    await toast.getByRole('button', { name: 'Pokaż wątek' }).click();
    await expect.poll(() => bartek.page.locator('[data-tab="suggestions"]').getAttribute('aria-selected'), SYNC).toBe('true');
    await expect.poll(() => commentBodies(card(bartek)), SYNC).toEqual(['Skąd ta zmiana?', 'Z uwag powiatu.', mention]);

    // Markup sent by a client is shown as text on every card, never run.
    const threads = await teamMember(team, ANNA).request<{ threads: CommentThread[] }>('GET', `/plans/${planId}/threads`);
    const thread = threads.body.threads.find((candidate) => candidate.anchor.kind === 'suggestion');
    if (thread?.anchor.kind !== 'suggestion') throw new Error('no suggestion thread');
    expect(thread.anchor.quote).toBe(' DO OMÓWIENIA');
    const payload = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>';
    const posted = await teamMember(team, ANNA).request('POST', `/plans/${planId}/suggestion-threads`, {
      suggestionId: thread.anchor.suggestionId,
      authorId: thread.anchor.authorId,
      body: payload,
    });
    expect(posted.status).toBe(201);
    await expect.poll(() => commentBodies(card(bartek)), SYNC).toEqual(['Skąd ta zmiana?', 'Z uwag powiatu.', mention, payload]);
    expect(await card(bartek).locator('.comment__body img, .comment__body script').count()).toBe(0);
    expect(await bartek.page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();

    // Anna accepts: the card leaves the list of pending suggestions, its thread moves to the closed ones, read-only.
    await card(anna).locator('[data-action="accept"]').click();
    for (const page of [anna, bartek]) {
      await expect.poll(() => card(page).count(), SYNC).toBe(0);
      const closed = page.page.locator('.suggestions-panel__closed');
      await closed.locator('summary').click();
      const closedCard = closed.locator(`.suggestion-card--closed[data-thread-id="${thread.id}"]`);
      await expect.poll(() => commentBodies(closedCard), SYNC).toEqual(['Skąd ta zmiana?', 'Z uwag powiatu.', mention, payload]);
      expect(await closedCard.locator('textarea').count()).toBe(0);
      await expect.poll(() => closedCard.locator('.suggestion-card__meta').textContent(), SYNC).toContain(ANNA);
    }
    expect(await documentText(fieldText(blockById(anna.page, 'R-01'), 'content'))).toMatch(/ DO OMÓWIENIA$/);
    const after = await teamMember(team, BARTEK).request<{ threads: CommentThread[] }>('GET', `/plans/${planId}/threads`);
    expect(after.body.threads.find((candidate) => candidate.id === thread.id)).toMatchObject({ status: 'resolved', resolvedBy: teamMember(team, ANNA).userId });
  });
});
