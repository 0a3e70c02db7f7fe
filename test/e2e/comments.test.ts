import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { launchBrowser, openPlan, saveScreenshot } from '../helpers/browser.js';

const QUOTE = 'wspomaganych';

describe('comment threads in the browser', () => {
  it('Anna comments on selected text, Bartek sees the thread live and replies with a mention, Anna is notified and resolves it', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const browser = await launchBrowser();
    const anna = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Anna Kowalska'), 'Anna');
    const bartek = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Bartek Nowak'), 'Bartek');

    // Anna writes a sentence into the first section and selects its last word.
    await anna.page.locator('.plan-section__body p').first().click();
    await anna.page.keyboard.press('End');
    await anna.page.keyboard.type(`Rozwój mieszkań ${QUOTE}`);
    for (let index = 0; index < QUOTE.length; index++) await anna.page.keyboard.press('Shift+ArrowLeft');
    await anna.page.getByRole('button', { name: 'Skomentuj' }).click();

    const composer = anna.page.getByRole('form', { name: 'Nowy komentarz' });
    await expect.poll(() => composer.locator('.comment-quote').textContent()).toContain(QUOTE);
    await composer.getByRole('button', { name: 'Dodaj komentarz' }).click();
    await expect.poll(() => composer.locator('.field__error').textContent()).toBe('Wpisz treść komentarza.');
    await composer.getByLabel('Treść komentarza').fill('Ile mieszkań planujemy w 2026 roku?');
    await composer.getByRole('button', { name: 'Dodaj komentarz' }).click();

    // The text is highlighted for both; Bartek gets the thread without reloading.
    await expect.poll(() => anna.page.locator('.plan-editor__content .comment-highlight').textContent()).toBe(QUOTE);
    await bartek.page.getByRole('tab', { name: 'Komentarze' }).click();
    const bartekThread = bartek.page.locator('.thread');
    await expect.poll(() => bartekThread.locator('.comment__body').first().textContent()).toBe('Ile mieszkań planujemy w 2026 roku?');
    await expect.poll(() => bartek.page.locator('.plan-editor__content .comment-highlight').textContent()).toBe(QUOTE);
    expect(await bartekThread.locator('.comment__author').first().textContent()).toBe('Anna Kowalska');

    // Clicking the highlighted text focuses its thread.
    await bartek.page.locator('.plan-editor__content .comment-highlight').click();
    await expect.poll(() => bartekThread.getAttribute('aria-current')).toBe('true');

    // Bartek replies and mentions Anna by picking her from the suggestions.
    const reply = bartekThread.getByLabel('Odpowiedź');
    await reply.click();
    await reply.pressSequentially('Około 40. @Ann');
    await bartekThread.getByRole('option', { name: 'Anna Kowalska' }).click();
    await expect.poll(() => reply.inputValue()).toBe('Około 40. @Anna Kowalska ');
    await bartekThread.getByRole('button', { name: 'Odpowiedz' }).click();

    const annaThread = anna.page.locator('.thread');
    await expect.poll(() => annaThread.locator('.comment__body').allTextContents()).toEqual(['Ile mieszkań planujemy w 2026 roku?', 'Około 40. @Anna Kowalska']);
    await expect.poll(() => anna.page.locator('.toast').textContent()).toContain('Bartek Nowak wspomina o Tobie w komentarzu.');
    await saveScreenshot(anna.page, 'comments-thread-pl');

    // Anna resolves it: the thread leaves the "open" list and the highlight goes, for Bartek too.
    await annaThread.getByRole('button', { name: 'Oznacz jako rozwiązany' }).click();
    await expect.poll(() => bartek.page.locator('.thread').count()).toBe(0);
    await expect.poll(() => bartek.page.locator('.plan-editor__content .comment-highlight').count()).toBe(0);
    await bartek.page.getByRole('button', { name: 'Rozwiązane' }).click();
    await expect.poll(() => bartek.page.locator('.thread--resolved').count()).toBe(1);

    await saveScreenshot(bartek.page, 'comments-resolved-pl');

    // The same thread in English, reopened from the "All" filter.
    await anna.page.getByRole('button', { name: 'English' }).click();
    await anna.page.getByRole('button', { name: 'All' }).click();
    await anna.page.locator('.thread').getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => bartek.page.locator('.plan-editor__content .comment-highlight').count()).toBe(1);
    await saveScreenshot(anna.page, 'comments-en');
  });
});
