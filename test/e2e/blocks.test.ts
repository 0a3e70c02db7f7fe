import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { launchBrowser, openPlan, saveScreenshot } from '../helpers/browser.js';
import { chooseCode, chosenCodes, documentText, fieldText, listEntryTexts, placeCaret } from '../helpers/blockDom.js';

/** Types "/" plus a query into the first (empty) paragraph of the n-th section and picks the highlighted item. */
async function insertBySlash(page: Page, sectionIndex: number, query: string): Promise<void> {
  const paragraph = page.locator('.plan-section').nth(sectionIndex).locator('.plan-section__body p').first();
  await paragraph.click();
  await page.keyboard.type(`/${query}`);
  await expect.poll(() => page.locator('.slash-menu [role="option"][aria-selected="true"]').getAttribute('data-item')).toBe('interventionDirection');
  await page.keyboard.press('Enter');
}

describe('structured plan blocks in the browser', () => {
  it('a direction inserted by the slash menu and filled in by one member appears field by field for another, and the financing view follows', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { Anna: 'chair', Bartek: 'member', Olga: 'observer' });
    const browser = await launchBrowser();
    const anna = await openPlan(browser, server.httpUrl, team.planId, team.people['Anna'] ?? never(), 'Anna');
    const bartek = await openPlan(browser, server.httpUrl, team.planId, team.people['Bartek'] ?? never(), 'Bartek');

    // Keyboard: arrows move the highlight, Escape closes the menu and leaves the "/" as text.
    await anna.page.locator('.plan-section').nth(6).locator('.plan-section__body p').first().click();
    await anna.page.keyboard.type('/');
    const selected = anna.page.locator('.slash-menu [role="option"][aria-selected="true"]');
    await expect.poll(() => selected.getAttribute('data-item')).toBe('interventionDirection');
    await anna.page.keyboard.press('ArrowDown');
    await expect.poll(() => selected.getAttribute('data-item')).toBe('recommendation');
    await anna.page.keyboard.press('Escape');
    await expect.poll(() => anna.page.locator('.slash-menu').count()).toBe(0);
    await anna.page.keyboard.press('Backspace');

    await insertBySlash(anna.page, 5, 'kier');
    const annaDirection = anna.page.locator('[data-block-type="interventionDirection"]');
    await expect.poll(() => annaDirection.getAttribute('data-block-id')).toBe('KI-1');
    // The "/kier" text is gone: the block replaced the paragraph it was typed into.
    expect(await anna.page.locator('.plan-section').nth(5).locator('.plan-section__body').textContent()).not.toContain('/kier');

    // Every text is typed in place, as a member would: the title, then Tab into the description.
    await placeCaret(anna.page, fieldText(annaDirection, 'title'), 'end');
    await anna.page.keyboard.type('Rozwój asystencji osobistej');
    await anna.page.keyboard.press('Tab');
    await anna.page.keyboard.type('Usługi asystenckie w każdym powiecie.');
    await annaDirection.getByRole('button', { name: '+ Dodaj działanie' }).click();
    await anna.page.keyboard.type('Szkolenie asystentów');
    await anna.page.keyboard.press('Enter');
    await anna.page.keyboard.type('Nabór uczestników');
    await annaDirection.getByRole('button', { name: '+ Dodaj podmiot' }).click();
    await anna.page.keyboard.type('Regionalny Ośrodek Polityki Społecznej');
    await chooseCode(annaDirection, 'targetGroups', 'Grupy odbiorców', 'Osoby z niepełnosprawnościami');
    await chooseCode(annaDirection, 'targetGroups', 'Grupy odbiorców', 'Osoby starsze');
    await annaDirection.getByLabel('Szacowany koszt', { exact: true }).fill('1500000');
    await annaDirection.getByRole('button', { name: '+ Dodaj źródło finansowania' }).click();
    const annaFunding = annaDirection.locator('.funding-row').first();
    await annaFunding.getByLabel('Źródło finansowania', { exact: true }).selectOption('EFS_PLUS_REGIONAL');
    await annaFunding.getByLabel('Kwota', { exact: true }).fill('1000000');
    // The cost sits in the block's shadow slot (shadowSlot.ts), the funding amount in its text: the page's rules style both alike.
    const lookOf = (input: Locator) =>
      input.evaluate((element) => {
        const style = getComputedStyle(element);
        return [style.fontFamily, style.borderTopColor, style.borderTopStyle];
      });
    expect(await lookOf(annaDirection.getByLabel('Szacowany koszt', { exact: true }))).toEqual(await lookOf(annaFunding.getByLabel('Kwota', { exact: true })));

    const bartekDirection = bartek.page.locator('[data-block-type="interventionDirection"][data-block-id="KI-1"]');
    await expect.poll(() => documentText(fieldText(bartekDirection, 'title'))).toBe('Rozwój asystencji osobistej');
    await expect.poll(() => documentText(fieldText(bartekDirection, 'description'))).toBe('Usługi asystenckie w każdym powiecie.');
    await expect.poll(() => listEntryTexts(bartekDirection, 'actions')).toEqual(['Szkolenie asystentów', 'Nabór uczestników']);
    await expect.poll(() => listEntryTexts(bartekDirection, 'responsible')).toEqual(['Regionalny Ośrodek Polityki Społecznej']);
    await expect.poll(() => chosenCodes(bartekDirection, 'targetGroups')).toEqual(['Osoby z niepełnosprawnościami', 'Osoby starsze']);
    expect(await chosenCodes(bartekDirection, 'targetGroups')).not.toContain('Migranci');
    await expect.poll(() => bartekDirection.getByLabel('Szacowany koszt', { exact: true }).inputValue()).toBe('1500000');
    const bartekFunding = bartekDirection.locator('.funding-row');
    await expect.poll(() => bartekFunding.count()).toBe(1);
    await expect.poll(() => bartekFunding.getByLabel('Źródło finansowania', { exact: true }).inputValue()).toBe('EFS_PLUS_REGIONAL');
    await expect.poll(() => bartekFunding.getByLabel('Kwota', { exact: true }).inputValue()).toBe('1000000');
    // The sum does not match the cost yet: the block says so inline.
    await expect.poll(() => bartekDirection.locator('[data-warning], .block-field__error').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Źródła finansowania sumują się do')]),
    );

    // Plan view on Bartek's side: the total follows Anna's cost, the EFS+ share follows her funding row.
    const total = bartek.page.locator('[data-financing-total]');
    await expect.poll(() => total.getAttribute('data-financing-total')).toBe('1500000');
    const efsShare = bartek.page.locator('[data-source="EFS_PLUS_REGIONAL"] [data-amount]');
    await expect.poll(() => efsShare.getAttribute('data-amount')).toBe('1000000');
    await annaFunding.getByLabel('Kwota', { exact: true }).fill('1500000');
    await expect.poll(() => efsShare.getAttribute('data-amount')).toBe('1500000');
    await expect.poll(() => bartekDirection.locator('.block-field__error').allTextContents()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('Źródła finansowania sumują się do')]),
    );

    // The outline counts the direction in its section, live.
    await expect.poll(() => bartek.page.locator('.outline__item').nth(5).locator('[data-count-type="interventionDirection"]').getAttribute('data-count')).toBe('1');
    // The outline jumps to a section: its title gets the focus.
    await bartek.page.locator('.outline__item').nth(8).getByRole('button').click();
    await expect.poll(() => bartek.page.evaluate(() => document.activeElement?.classList.contains('plan-section__title') ?? false)).toBe(true);
    expect(await bartek.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      await bartek.page.locator('.plan-section').nth(8).locator('.plan-section__title').inputValue(),
    );

    // An observer sees the same fields, none of them editable, and no proposal actions.
    const olga = await openPlan(browser, server.httpUrl, team.planId, team.people['Olga'] ?? never(), 'Olga');
    const olgaDirection = olga.page.locator('[data-block-id="KI-1"]');
    const olgaTitle = fieldText(olgaDirection, 'title');
    await expect.poll(() => documentText(olgaTitle)).toBe('Rozwój asystencji osobistej');
    expect(await olgaTitle.evaluate((element) => (element as HTMLElement).isContentEditable)).toBe(false);
    await olgaTitle.click();
    await olga.page.keyboard.type('Próba zmiany');
    expect(await chosenCodes(olgaDirection, 'targetGroups')).toEqual(['Osoby z niepełnosprawnościami', 'Osoby starsze']);
    expect(await olgaDirection.locator('[data-field="targetGroups"]').getByRole('combobox').count()).toBe(0);
    expect(await olgaDirection.getByRole('button', { name: 'Usuń: Osoby starsze' }).count()).toBe(0);
    expect(await olgaDirection.getByRole('button', { name: '+ Dodaj działanie' }).isVisible()).toBe(false);
    expect(await olgaDirection.locator('.funding-row').getByLabel('Kwota', { exact: true }).isDisabled()).toBe(true);
    expect(await olgaDirection.getByLabel('Szacowany koszt', { exact: true }).isDisabled()).toBe(true);
    expect(await olgaDirection.locator('.proposal__actions').count()).toBe(0);
    expect(await olga.page.getByRole('button', { name: 'Wstaw' }).isDisabled()).toBe(true);
    await olga.page.waitForTimeout(300);
    expect(await documentText(olgaTitle)).toBe('Rozwój asystencji osobistej');
    expect(await documentText(fieldText(annaDirection, 'title'))).toBe('Rozwój asystencji osobistej');

    await saveScreenshot(anna.page, 'blocks-direction-pl');
    await bartek.page.getByRole('button', { name: 'English' }).click().catch(() => undefined);
    await saveScreenshot(bartek.page, 'blocks-direction-en');
  }, 60_000);
});

function never(): never {
  throw new Error('missing person');
}
