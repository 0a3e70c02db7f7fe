import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import { appendParagraph, waitForSync } from '../helpers/connectClient.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

describe('read-only mode in the browser', () => {
  it('an observer sees the plan with a banner and cannot type into it', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Celina Wiśniewska': 'observer' });
    const writer = team.connect('Anna Kowalska');
    await waitForSync(writer);
    appendParagraph(writer, 'Tekst uzgodniony przez zespół');
    await writer.channel.whenSaved();

    const browser = await launchBrowser();
    const viewer = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Celina Wiśniewska'), 'Celina');
    await expect.poll(() => viewer.editor().textContent()).toContain('Tekst uzgodniony przez zespół');
    await expect.poll(() => viewer.page.locator('.notice--info').textContent()).toContain('tylko do odczytu');
    expect(await viewer.editor().getAttribute('contenteditable')).toBe('false');

    await viewer.editor().click();
    await viewer.page.keyboard.type('Próba zmiany');
    await viewer.page.waitForTimeout(300);
    expect(writer.text()).toContain('Tekst uzgodniony przez zespół');
    expect(writer.text()).not.toContain('Próba zmiany');
    expect(await viewer.editor().textContent()).not.toContain('Próba zmiany');
  });
});
