import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

describe('editor toolbar', () => {
  it('follows the caret and the history: bold and heading pressed where the caret is, undo enabled once there is something to undo', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair' });
    const browser = await launchBrowser();
    const anna = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Anna Kowalska'), 'Anna');
    const toolbar = anna.page.getByRole('toolbar');
    const bold = toolbar.getByRole('button', { name: 'Pogrubienie' });
    const heading = toolbar.getByRole('button', { name: 'Nagłówek 2' });
    const undo = toolbar.getByRole('button', { name: 'Cofnij' });

    await anna.editor().click();
    expect(await undo.isDisabled()).toBe(true);
    await anna.page.keyboard.type('Zwykły tekst ');
    await expect.poll(() => undo.isDisabled()).toBe(false);
    await anna.page.keyboard.press('Control+B');
    await anna.page.keyboard.type('pogrubiony');
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('true');
    // Back into the plain words: the button lets go.
    for (let step = 0; step < 'pogrubiony'.length + 3; step++) await anna.page.keyboard.press('ArrowLeft');
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('false');
    expect(await heading.getAttribute('aria-pressed')).toBe('false');
    await anna.page.keyboard.press('Control+Alt+2');
    await expect.poll(() => heading.getAttribute('aria-pressed')).toBe('true');
  });
});
