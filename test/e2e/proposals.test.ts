import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { launchBrowser, openPlan, saveScreenshot } from '../helpers/browser.js';
import { blockById, documentText, fieldText, placeCaret } from '../helpers/blockDom.js';

const SAVED_TEXT = 'Wszystkie zmiany zapisane';

function proposalOf(page: Page, blockId: string) {
  return page.locator(`[data-block-id="${blockId}"] .proposal`);
}

describe('proposals on blocks in the browser', () => {
  it('a member proposes a direction, two members vote, the chair agrees with a minutes note, and everyone sees it live', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { Anna: 'chair', Bartek: 'member', Celina: 'member' });
    const browser = await launchBrowser();
    const [anna, bartek, celina] = await Promise.all(
      (['Anna', 'Bartek', 'Celina'] as const).map((name) => {
        const person = team.people[name];
        if (person === undefined) throw new Error(`no ${name}`);
        return openPlan(browser, server.httpUrl, team.planId, person, name);
      }),
    );
    if (anna === undefined || bartek === undefined || celina === undefined) throw new Error('pages missing');

    // Bartek inserts the direction from the toolbar's "Wstaw" menu into the directions section.
    await bartek.page.locator('.plan-section').nth(5).locator('.plan-section__body p').first().click();
    await bartek.page.getByRole('button', { name: 'Wstaw' }).click();
    await bartek.page.getByRole('menuitem', { name: 'Kierunek interwencji' }).click();
    // A proposal needs a title: without one the editor says so and nothing is recorded.
    await proposalOf(bartek.page, 'KI-1').getByRole('button', { name: 'Zgłoś propozycję' }).click();
    await expect.poll(() => proposalOf(bartek.page, 'KI-1').locator('.proposal__error').textContent()).toContain('Propozycja musi mieć tytuł');
    expect(await proposalOf(bartek.page, 'KI-1').getAttribute('data-proposal-status')).toBe('draft');
    await placeCaret(bartek.page, fieldText(blockById(bartek.page, 'KI-1'), 'title'), 'end');
    await bartek.page.keyboard.type('Mieszkania wspomagane');
    await expect.poll(() => documentText(fieldText(blockById(celina.page, 'KI-1'), 'title'))).toBe('Mieszkania wspomagane');
    await expect.poll(() => bartek.page.locator('.save-status').textContent()).toContain(SAVED_TEXT);

    // Before any decision the block shows the recorded status (draft), whatever its attribute says.
    await expect.poll(() => proposalOf(celina.page, 'KI-1').getAttribute('data-proposal-status')).toBe('draft');
    await proposalOf(bartek.page, 'KI-1').getByRole('button', { name: 'Zgłoś propozycję' }).click();
    for (const page of [anna.page, celina.page]) {
      await expect.poll(() => proposalOf(page, 'KI-1').locator('.status-badge').textContent()).toBe('Zaproponowany');
    }

    await proposalOf(bartek.page, 'KI-1').getByRole('button', { name: 'Głosuj za' }).click();
    await proposalOf(celina.page, 'KI-1').getByRole('button', { name: 'Głosuj za' }).click();
    await expect.poll(() => proposalOf(anna.page, 'KI-1').locator('[data-tally]').getAttribute('data-tally')).toBe('2/0/0');
    expect(await proposalOf(celina.page, 'KI-1').getByRole('button', { name: 'Głosuj za' }).getAttribute('aria-pressed')).toBe('true');
    // Members cannot decide; only the chair sees "Przyjmij".
    expect(await proposalOf(bartek.page, 'KI-1').getByRole('button', { name: 'Przyjmij' }).count()).toBe(0);

    const annaProposal = proposalOf(anna.page, 'KI-1');
    await annaProposal.getByRole('button', { name: 'Przyjmij' }).click();
    await annaProposal.getByRole('button', { name: 'Potwierdź przyjęcie' }).click();
    const errors = annaProposal.locator('.proposal__decision .block-field__error');
    await expect.poll(() => errors.allTextContents()).toEqual([
      'Podaj podstawę decyzji, np. numer protokołu.',
      'Wybierz, jak podjęto decyzję: w drodze konsensusu czy w głosowaniu.',
    ]);
    // The chair's form shows the tally as it stands now.
    expect(await annaProposal.locator('.proposal__current-tally').textContent()).toBe('Bieżący wynik głosowania: za 2, przeciw 0, wstrzymujące się 0');
    await annaProposal.getByLabel('Podstawa decyzji (np. numer protokołu)').fill('protokół nr 4 z 12.03.2026');
    await annaProposal.getByRole('radio', { name: 'W głosowaniu' }).check();
    await annaProposal.getByRole('button', { name: 'Potwierdź przyjęcie' }).click();

    for (const page of [bartek.page, celina.page]) {
      await expect.poll(() => proposalOf(page, 'KI-1').locator('.status-badge').textContent()).toBe('Uzgodniony');
      await expect.poll(() => proposalOf(page, 'KI-1').locator('.proposal__note').textContent()).toContain('protokół nr 4 z 12.03.2026');
      await expect
        .poll(() => proposalOf(page, 'KI-1').locator('.proposal__method-line').textContent())
        .toBe('Decyzja podjęta w głosowaniu: za 2, przeciw 0, wstrzymujące się 0.');
    }
    // Voting closed with the decision.
    expect(await proposalOf(celina.page, 'KI-1').getByRole('button', { name: 'Głosuj za' }).count()).toBe(0);

    const history = proposalOf(celina.page, 'KI-1').locator('.decision-history');
    await history.locator('summary').click();
    await expect.poll(() => history.locator('.decision-history__item').count()).toBe(4);
    const rows = await history.locator('.decision-history__item').allTextContents();
    expect(rows[0]).toContain('Bartek');
    expect(rows[0]).toContain('Szkic → Zaproponowany');
    expect(rows[3]).toContain('Anna');
    expect(rows[3]).toContain('protokół nr 4 z 12.03.2026');
    expect(rows[3]).toContain('w głosowaniu: za 2, przeciw 0, wstrzymujące się 0');

    // The plan view's recommendation/direction statuses come from the register too: the direction counts in the matrix.
    await expect.poll(() => celina.page.locator('.view-table--matrix thead th').allTextContents()).toContain('KI-1');
    await saveScreenshot(anna.page, 'proposals-agreed-pl');

    // Celina changes one character of the agreed title: every page marks the block changed since agreement.
    await placeCaret(celina.page, fieldText(blockById(celina.page, 'KI-1'), 'title'), 'end');
    await celina.page.keyboard.press('Backspace');
    await celina.page.keyboard.type('a');
    for (const page of [anna.page, bartek.page, celina.page]) {
      await expect.poll(() => proposalOf(page, 'KI-1').locator('.status-badge').textContent(), { timeout: 10_000 }).toBe('Zmieniony po uzgodnieniu');
    }
    const changed = proposalOf(anna.page, 'KI-1').locator('.proposal__changed');
    expect(await changed.locator('p').first().textContent()).toContain('wymaga nowej decyzji');
    await changed.locator('summary').click();
    // Word by word: only the changed word is struck and inserted.
    await expect.poll(async () => (await changed.locator('ins').allTextContents()).join('|')).toBe('dodano: wspomagana');
    expect((await changed.locator('del').allTextContents()).join('|')).toBe('usunięto: wspomagane');
    // A new round: the chair reopens, agrees by consensus, and the block is agreed again on every page.
    await proposalOf(anna.page, 'KI-1').getByRole('button', { name: 'Otwórz ponownie' }).click();
    await proposalOf(anna.page, 'KI-1').getByRole('button', { name: 'Przyjmij' }).click();
    await annaProposal.getByLabel('Podstawa decyzji (np. numer protokołu)').fill('protokół nr 5');
    await annaProposal.getByRole('radio', { name: 'W drodze konsensusu' }).check();
    await annaProposal.getByRole('button', { name: 'Potwierdź przyjęcie' }).click();
    for (const page of [bartek.page, celina.page]) {
      await expect.poll(() => proposalOf(page, 'KI-1').locator('.status-badge').textContent()).toBe('Uzgodniony');
      await expect.poll(() => proposalOf(page, 'KI-1').locator('.proposal__method-line').textContent()).toBe('Decyzja podjęta w drodze konsensusu.');
    }
  }, 60_000);
});
