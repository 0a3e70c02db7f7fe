import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/startTestServer.js';
import type { TeamFixture } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { openPlan, type PlanPage } from '../helpers/browser.js';
import { ANNA, BARTEK, CELINA, DAWID, exportedBlockContent, openSuggestingTeam } from '../helpers/suggestingTeam.js';
import { blockById, documentText, fieldText, selectText } from '../helpers/blockDom.js';

/**
 * Suggestion mode in real Chromium pages (issue 15, item 2): a member
 * suggests an insertion and a deletion in a recommendation's content, another
 * member sees both in the suggester's name while typing around them, the
 * chair accepts one and rejects the other, and the text is right on every
 * page, in the export and after a restart.
 */

const SYNC = { timeout: 15_000 };
const KEY_DELAY_MS = 40;

describe('suggesting changes in the browser', () => {
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

  const exportedContent = (): Promise<unknown> => exportedBlockContent(team, planId, 'R-01');

  beforeAll(async () => {
    ({ server, disposeServer, team, planId, browser, anna, bartek, celina } = await openSuggestingTeam(SYNC.timeout));
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await disposeServer?.();
  });

  it('a suggested insertion and deletion, seen live in the author’s name, survive typing around them; accepting one and rejecting the other leaves the right text everywhere, also after a restart', async () => {
    const original = await documentText(content(anna.page));
    expect(original).toMatch(/^W naborach .* planem\.$/);
    const toggle = bartek.page.getByTestId('suggesting-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // Keyboard first: the shortcut switches to suggesting and back, then the button (focusable, Enter) switches it on.
    await selectText(content(bartek.page), 'end');
    await bartek.page.keyboard.press('Control+Alt+Shift+X');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await bartek.page.keyboard.press('Control+Alt+Shift+X');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await bartek.page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => toggle.textContent()).toBe('Sugerowanie');

    // Bartek suggests an insertion at the end while Celina types at the start of the same text.
    await selectText(content(bartek.page), 'end');
    await selectText(content(celina.page), 'start');
    await celina.page.waitForTimeout(100);
    await Promise.all([bartek.page.keyboard.type(' PROPONUJĘ', { delay: KEY_DELAY_MS }), celina.page.keyboard.type('Uwaga: ', { delay: KEY_DELAY_MS })]);
    await expect.poll(() => documentText(content(bartek.page)), SYNC).toBe(`Uwaga: ${original} PROPONUJĘ`);

    // Then a suggested deletion of "naborach " (after Celina's 'Uwaga: ', 7 characters).
    const deletedWord = 'naborach ';
    await selectText(content(bartek.page), 9, 9 + deletedWord.length);
    // Let ProseMirror adopt the DOM selection before the key.
    await bartek.page.waitForTimeout(150);
    await bartek.page.keyboard.press('Backspace');

    // Celina sees both, marked with Bartek's name, and the text is still all there (Bartek's caret and name may sit inside one: documentText leaves them out).
    const celinaBlock = blockById(celina.page, 'R-01');
    const insertion = celinaBlock.locator(`ins.suggestion--insertion[data-author-name="${BARTEK}"]`);
    const deletion = celinaBlock.locator(`del.suggestion--deletion[data-author-name="${BARTEK}"]`);
    await expect.poll(() => documentText(insertion), SYNC).toBe(' PROPONUJĘ');
    await expect.poll(() => documentText(deletion), SYNC).toBe(deletedWord);
    expect(await documentText(content(celina.page))).toBe(`Uwaga: ${original} PROPONUJĘ`);

    // Celina types right after Bartek's insertion, in editing mode: her text is hers, not part of his suggestion.
    await selectText(content(celina.page), 'end');
    await celina.page.keyboard.type(' [C]', { delay: KEY_DELAY_MS });
    await expect.poll(() => documentText(content(anna.page)), SYNC).toBe(`Uwaga: ${original} PROPONUJĘ [C]`);
    await expect.poll(() => documentText(insertion), SYNC).toBe(' PROPONUJĘ');

    // The working copy's export leaves pending suggestions out: no insertion yet, the deleted word still there.
    await expect.poll(exportedContent, SYNC).toBe(`Uwaga: ${original} [C]`);

    // Side panel cards, one per suggestion, in Bartek's name, on Celina's and Anna's pages.
    for (const { page } of [celina, anna]) {
      await page.locator('[data-tab="suggestions"]').click();
      const group = page.locator(`.suggestions-panel__author`).filter({ hasText: BARTEK });
      await expect.poll(() => group.locator('.suggestion-card').count(), SYNC).toBe(2);
    }
    const annaGroup = anna.page.locator('.suggestions-panel__author').filter({ hasText: BARTEK });
    await annaGroup.locator('.suggestion-card[data-kind="insertion"] [data-action="accept"]').click();
    await expect.poll(() => annaGroup.locator('.suggestion-card').count(), SYNC).toBe(1);
    await annaGroup.locator('.suggestion-card[data-kind="deletion"] [data-action="reject"]').click();
    await expect.poll(() => anna.page.locator('.suggestion-card').count(), SYNC).toBe(0);

    const final = `Uwaga: ${original} PROPONUJĘ [C]`;
    for (const { page } of [anna, bartek, celina]) {
      await expect.poll(() => documentText(content(page)), SYNC).toBe(final);
      await expect.poll(() => blockById(page, 'R-01').locator('ins.suggestion, del.suggestion').count(), SYNC).toBe(0);
    }
    await expect.poll(exportedContent, SYNC).toBe(final);

    server = await server.restart();
    expect(await exportedContent()).toBe(final);
    const fresh = await openPlan(browser, server.httpUrl, planId, teamMember(team, CELINA), 'Celina again');
    try {
      await expect.poll(() => documentText(content(fresh.page)), SYNC).toBe(final);
      expect(await blockById(fresh.page, 'R-01').locator('ins.suggestion, del.suggestion').count()).toBe(0);
    } finally {
      await fresh.context.close();
    }
  });

  it('an expert the chair allows only to suggest: always suggesting, and the server takes what the editor sends', async () => {
    const setting = await teamMember(team, ANNA).request('PATCH', `/workspaces/${team.workspaceId}`, { advisorsSuggestOnly: true });
    expect(setting.status).toBe(200);
    const dawid = await openPlan(browser, server.httpUrl, planId, teamMember(team, DAWID), 'Dawid');
    try {
      await dawid.page.getByTestId('suggest-only-notice').waitFor({ timeout: SYNC.timeout });
      const toggle = dawid.page.getByTestId('suggesting-toggle');
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await toggle.isDisabled()).toBe(true);
      const recommendation = (page: Page) => fieldText(blockById(page, 'R-02'), 'content');
      const original = await documentText(recommendation(dawid.page));
      await selectText(recommendation(dawid.page), 'end');
      await dawid.page.waitForTimeout(100);
      await dawid.page.keyboard.type(' EKSPERT', { delay: KEY_DELAY_MS });
      await dawid.page.keyboard.press('Backspace');
      // Enter would split the paragraph: not a suggestion, so nothing happens.
      await dawid.page.keyboard.press('Enter');
      await selectText(recommendation(dawid.page), 0, 2);
      await dawid.page.waitForTimeout(150);
      await dawid.page.keyboard.press('Delete');
      const annaBlock = blockById(anna.page, 'R-02');
      await expect.poll(() => documentText(annaBlock.locator(`ins.suggestion--insertion[data-author-name="${DAWID}"]`)), SYNC).toBe(' EKSPER');
      await expect.poll(() => documentText(annaBlock.locator(`del.suggestion--deletion[data-author-name="${DAWID}"]`)), SYNC).toBe(original.slice(0, 2));
      await dawid.page.locator('.save-status[data-state="saved"]').waitFor({ timeout: SYNC.timeout });
      expect(await dawid.page.locator('.notice--warning').count()).toBe(0);
      expect(await documentText(recommendation(anna.page))).toBe(`${original} EKSPER`);
      // The working copy's export still has the original text.
      const response = await teamMember(team, ANNA).request<{ sections: { blocks: { id?: string; content?: unknown }[] }[] }>('GET', `/plans/${planId}/export?format=json`);
      expect(response.body.sections.flatMap((section) => section.blocks).find((block) => block.id === 'R-02')?.content).toBe(original);
    } finally {
      await dawid.context.close();
    }
  });
});
