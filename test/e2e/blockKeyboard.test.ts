import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';

/** What the server stored, in the plan JSON format. */
async function storedPlan(person: NonNullable<Awaited<ReturnType<typeof createTeam>>['people'][string]>, planId: string): Promise<string> {
  const exported = await person.request<unknown>('GET', `/plans/${planId}/export?format=json`);
  return JSON.stringify(exported.body);
}

describe('typed blocks by keyboard', () => {
  it('focus from the keyboard gives a caret in the first section; Tab, Enter and the add buttons move through fields; codes are chosen by typing', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { Anna: 'chair' });
    const anna = team.people['Anna'];
    if (anna === undefined) throw new Error('no chair');
    const imported = await importSamplePlan(anna, team.workspaceId);
    const browser = await launchBrowser();
    const { page, editor } = await openPlan(browser, server.httpUrl, imported.body.id, anna, 'Anna');

    // Keyboard focus (no click): the caret is at the start of the first section, so typing lands there.
    await editor().focus();
    await page.keyboard.type('Klawiatura: ');
    const firstParagraph = page.locator('.plan-section').first().locator('.plan-section__body p').first();
    await expect.poll(() => firstParagraph.textContent()).toMatch(/^Klawiatura: Plan jest/);

    const direction = page.locator('[data-block-type="interventionDirection"][data-block-id="KI-1.1"]');
    await direction.locator('[data-field="title"] .plan-field__text').click();
    await page.keyboard.press('End');
    // Enter in a single-line field moves on instead of splitting it; Tab moves to the next field.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Po Enter. ');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(' (tytuł)');
    await expect.poll(() => direction.locator('[data-field="title"] .plan-field__text').textContent(), { timeout: 5000 }).toMatch(/ \(tytuł\)$/);
    await expect.poll(() => direction.locator('[data-field="description"] p').first().textContent()).toMatch(/^Po Enter\. W powiatach/);

    // "+ Dodaj działanie" puts the caret in the new row: a name with spaces makes one action, Enter starts the next.
    await direction.getByRole('button', { name: '+ Dodaj działanie' }).click();
    await page.keyboard.type('Nowe działanie ze spacjami w nazwie');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kolejne działanie');
    // Enter in an empty entry ends the list; Backspace in an empty entry removes it.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const actions = direction.locator('[data-field="actions"] li .plan-field__text');
    await expect.poll(() => actions.allTextContents()).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
      'Nowe działanie ze spacjami w nazwie',
      'Kolejne działanie',
    ]);
    await expect.poll(() => direction.locator('[data-field="actions"] li').nth(3).getAttribute('data-id')).toBe('KI-1.1.d');

    // Target groups: type to filter, Enter to add, Backspace in the empty box removes the last chip.
    const targetGroups = direction.locator('[data-field="targetGroups"]');
    const search = targetGroups.getByRole('combobox');
    await search.click();
    await page.keyboard.type('starsze');
    await page.keyboard.press('Enter');
    await expect.poll(() => targetGroups.locator('.chip').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Osoby starsze/)]));
    await page.keyboard.press('Escape');

    // A click into a new funding row's amount (showing 0) replaces the 0 instead of typing in front of it, and
    // what is typed stays as typed while the box has the focus (its value is stored at each key, with a dot).
    await direction.getByRole('button', { name: '+ Dodaj źródło finansowania' }).click();
    const newAmount = direction.locator('.funding-row').last().getByLabel('Kwota', { exact: true });
    await newAmount.click();
    await page.keyboard.type('2500,5');
    await expect.poll(() => newAmount.inputValue()).toBe('2500,5');

    // Undo takes back the last word typed, not the whole sentence.
    const costNote = direction.locator('[data-field="costNote"] .plan-field__text');
    await costNote.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' jeden dwa trzy');
    await page.keyboard.press('Control+z');
    await expect.poll(() => costNote.textContent()).toMatch(/ jeden dwa ?$/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => costNote.textContent()).toMatch(/ jeden ?$/);

    await expect.poll(() => storedPlan(anna, imported.body.id)).toContain('"text":"Nowe działanie ze spacjami w nazwie"');
    const stored = JSON.parse(await storedPlan(anna, imported.body.id)) as { sections: { blocks: Record<string, unknown>[] }[] };
    const storedDirection = stored.sections.flatMap((section) => section.blocks).find((block) => block['id'] === 'KI-1.1');
    expect(storedDirection?.['targetGroups']).toContain('olderPersons');
    expect((storedDirection?.['fundingSources'] as { amount: number }[]).at(-1)?.amount).toBe(2500.5);
    expect(String(storedDirection?.['title'])).toMatch(/ \(tytuł\)$/);
    expect((storedDirection?.['actions'] as { text: string }[]).map((action) => action.text)).toEqual([
      expect.any(String),
      expect.any(String),
      expect.any(String),
      'Nowe działanie ze spacjami w nazwie',
      'Kolejne działanie',
    ]);
  }, 60_000);
});
