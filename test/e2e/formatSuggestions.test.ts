import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestServer } from '../helpers/startTestServer.js';
import type { TeamFixture } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { openPlan, type PlanPage } from '../helpers/browser.js';
import { ANNA, BARTEK, CELINA, DAWID, exportedBlockContent, openSuggestingTeam } from '../helpers/suggestingTeam.js';
import { blockById, documentText, fieldText, selectText } from '../helpers/blockDom.js';

/**
 * Formatting suggestions in real Chromium pages (issue 15, item 2): while
 * suggesting, bold over a selection is a suggestion others see in the
 * author's name; rejecting it returns the text to plain everywhere, an
 * accepted one stays bold, also after a restart.
 */

const SYNC = { timeout: 15_000 };

describe('suggesting formatting in the browser', () => {
  vi.setConfig({ testTimeout: 60_000 });
  let browser: Browser;
  let server: TestServer;
  let disposeServer: () => Promise<void>;
  let team: TeamFixture;
  let planId: string;
  let anna: PlanPage;
  let bartek: PlanPage;
  let celina: PlanPage;

  const content = (page: Page) => fieldText(blockById(page, 'R-01'), 'content');
  const boldText = (text: Locator) => text.locator('strong').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? '').join('|'));

  const exportedContent = (): Promise<unknown> => exportedBlockContent(team, planId, 'R-01');

  /** The bold runs of the exported content (rich text once it has formatting). */
  async function exportedBold(): Promise<string[]> {
    const runs: string[] = [];
    JSON.stringify(await exportedContent(), (key, value: unknown) => {
      const node = value as { type?: unknown; text?: unknown; marks?: { type: string }[] } | null;
      if (node?.type === 'text' && node.marks?.some((mark) => mark.type === 'bold')) runs.push(String(node.text));
      return value;
    });
    return runs;
  }

  /** Bartek selects [from, to) of the content and makes it bold with the shortcut, while suggesting. */
  async function suggestBold(from: number, to: number): Promise<void> {
    await selectText(content(bartek.page), from, to);
    // Let ProseMirror adopt the DOM selection before the key.
    await bartek.page.waitForTimeout(150);
    await bartek.page.keyboard.press('Control+b');
  }

  beforeAll(async () => {
    ({ server, disposeServer, team, planId, browser, anna, bartek, celina } = await openSuggestingTeam(SYNC.timeout));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await disposeServer?.();
  });

  it('bold suggested on words is seen in the author’s name; rejected, the text is plain again on every page; accepted, it stays bold after a restart', async () => {
    const original = await documentText(content(anna.page));
    expect(original).toMatch(/^W naborach .* planem\.$/);
    expect(await boldText(content(anna.page))).toBe('');
    const toggle = bartek.page.getByTestId('suggesting-toggle');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');

    const firstWords = original.slice(2, 10); // "naborach"
    await suggestBold(2, 10);
    const celinaBlock = blockById(celina.page, 'R-01');
    const suggested = celinaBlock.locator(`span.suggestion--formatting[data-author-name="${BARTEK}"]`);
    await expect.poll(() => documentText(suggested), SYNC).toBe(firstWords);
    await expect.poll(() => boldText(content(celina.page)), SYNC).toBe(firstWords);
    // The text itself is unchanged, and what views and exports read is the text without the pending suggestion.
    expect(await documentText(content(celina.page))).toBe(original);
    await expect.poll(exportedContent, SYNC).toBe(original);

    // A card of kind formatting in Bartek's name on the chair's page; she rejects it.
    await anna.page.locator('[data-tab="suggestions"]').click();
    const annaGroup = anna.page.locator('.suggestions-panel__author').filter({ hasText: BARTEK });
    const card = annaGroup.locator('.suggestion-card[data-kind="formatting"]');
    await expect.poll(() => card.count(), SYNC).toBe(1);
    expect(await card.textContent()).toContain('Formatowanie');
    expect(await card.textContent()).toContain(`dodaje pogrubienie: ${firstWords}`);
    await card.locator('[data-action="reject"]').click();
    await expect.poll(() => anna.page.locator('.suggestion-card').count(), SYNC).toBe(0);
    for (const { page } of [anna, bartek, celina]) {
      await expect.poll(() => boldText(content(page)), SYNC).toBe('');
      await expect.poll(() => blockById(page, 'R-01').locator('.suggestion').count(), SYNC).toBe(0);
      expect(await documentText(content(page))).toBe(original);
    }
    await expect.poll(exportedContent, SYNC).toBe(original);

    // A second one, accepted: bold for good.
    const lastWord = original.slice(-7, -1); // "planem"
    await suggestBold(original.length - 7, original.length - 1);
    await expect.poll(() => documentText(suggested), SYNC).toBe(lastWord);
    await expect.poll(() => card.count(), SYNC).toBe(1);
    await card.locator('[data-action="accept"]').click();
    for (const { page } of [anna, bartek, celina]) {
      await expect.poll(() => blockById(page, 'R-01').locator('.suggestion').count(), SYNC).toBe(0);
      await expect.poll(() => boldText(content(page)), SYNC).toBe(lastWord);
    }
    await expect.poll(exportedBold, SYNC).toEqual([lastWord]);

    await celina.page.locator('.save-status[data-state="saved"]').waitFor({ timeout: SYNC.timeout });
    server = await server.restart();
    expect(await exportedBold()).toEqual([lastWord]);
    const fresh = await openPlan(browser, server.httpUrl, planId, teamMember(team, CELINA), 'Celina again');
    try {
      await expect.poll(() => boldText(content(fresh.page)), SYNC).toBe(lastWord);
      expect(await documentText(content(fresh.page))).toBe(original);
      expect(await blockById(fresh.page, 'R-01').locator('.suggestion').count()).toBe(0);
    } finally {
      await fresh.context.close();
    }
  });

  it('an expert allowed only to suggest: the italic button over a selection makes a suggestion the server takes, and withdrawing it restores the text', async () => {
    const setting = await teamMember(team, ANNA).request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: true });
    expect(setting.status).toBe(200);
    const dawid = await openPlan(browser, server.httpUrl, planId, teamMember(team, DAWID), 'Dawid');
    try {
      await dawid.page.getByTestId('suggest-only-notice').waitFor({ timeout: SYNC.timeout });
      const recommendation = (page: Page) => fieldText(blockById(page, 'R-02'), 'content');
      const italicText = (text: Locator) => text.locator('em').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? '').join('|'));
      const original = await documentText(recommendation(dawid.page));
      const italicButton = dawid.page.getByRole('button', { name: 'Kursywa', exact: true });
      await selectText(recommendation(dawid.page), 0, 5);
      await dawid.page.waitForTimeout(150);
      await expect.poll(() => italicButton.isEnabled()).toBe(true);
      await italicButton.click();
      const annaText = recommendation(anna.page);
      await expect.poll(() => documentText(blockById(anna.page, 'R-02').locator(`span.suggestion--formatting[data-author-name="${DAWID}"]`)), SYNC).toBe(original.slice(0, 5));
      await expect.poll(() => italicText(annaText), SYNC).toBe(original.slice(0, 5));
      await dawid.page.locator('.save-status[data-state="saved"]').waitFor({ timeout: SYNC.timeout });
      expect(await dawid.page.locator('.notice--warning').count()).toBe(0);

      await dawid.page.locator('[data-tab="suggestions"]').click();
      await dawid.page.locator('.suggestion-card[data-kind="formatting"] [data-action="withdraw"]').click();
      await expect.poll(() => italicText(annaText), SYNC).toBe('');
      await expect.poll(() => blockById(anna.page, 'R-02').locator('.suggestion').count(), SYNC).toBe(0);
      await dawid.page.locator('.save-status[data-state="saved"]').waitFor({ timeout: SYNC.timeout });
      expect(await dawid.page.locator('.notice--warning').count()).toBe(0);
      expect(await documentText(annaText)).toBe(original);
    } finally {
      await dawid.context.close();
    }
  });
});

