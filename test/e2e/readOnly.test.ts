import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import { appendParagraph, waitForSync } from '../helpers/connectClient.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

/** Anna (chair) has written `text` through a client; Celina (observer) opens the plan in Chromium. */
async function observerOnPlan(text: string) {
  const server = await startTestServer({ authenticate: 'sessions' });
  const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Celina Wiśniewska': 'observer' });
  const writer = team.connect('Anna Kowalska');
  await waitForSync(writer);
  appendParagraph(writer, text);
  await writer.channel.whenSaved();
  const browser = await launchBrowser();
  const celina = teamMember(team, 'Celina Wiśniewska');
  const viewer = await openPlan(browser, server.httpUrl, team.planId, celina, 'Celina');
  await expect.poll(() => viewer.editor().textContent()).toContain(text);
  return { team, writer, celina, viewer };
}

describe('read-only mode in the browser', () => {
  it('an observer sees the plan with a banner and cannot type into it', async () => {
    const { writer, viewer } = await observerOnPlan('Tekst uzgodniony przez zespół');
    await expect.poll(() => viewer.page.locator('.notice--info').textContent()).toContain('tylko do odczytu');
    expect(await viewer.editor().getAttribute('contenteditable')).toBe('false');

    await viewer.editor().click();
    await viewer.page.keyboard.type('Próba zmiany');
    await viewer.page.waitForTimeout(300);
    expect(writer.text()).toContain('Tekst uzgodniony przez zespół');
    expect(writer.text()).not.toContain('Próba zmiany');
    expect(await viewer.editor().textContent()).not.toContain('Próba zmiany');
  });

  it('an observer promoted while the plan is open sees the new role and can type at once', async () => {
    const { team, writer, celina, viewer } = await observerOnPlan('Diagnoza');
    const roleBadge = viewer.page.locator('.plan-meta__role .badge');
    await expect.poll(() => roleBadge.textContent()).toBe('Obserwator');
    expect(await viewer.editor().getAttribute('contenteditable')).toBe('false');

    const chair = teamMember(team, 'Anna Kowalska');
    const promoted = await chair.request('PATCH', `/workspaces/${team.workspaceId}/members/${celina.userId}`, { role: 'member' });
    expect(promoted.status).toBe(200);
    // No reload: the page follows what the server re-checked.
    const afterPromotion = { timeout: 5_000 };
    await expect.poll(() => roleBadge.textContent(), afterPromotion).toBe('Członek/członkini');
    await expect.poll(() => viewer.editor().getAttribute('contenteditable'), afterPromotion).toBe('true');
    await expect.poll(() => viewer.page.locator('.notice').count(), afterPromotion).toBe(0);
    // Into a section's text: a section header holds its own inputs and selects.
    await viewer.editor().locator('.plan-section__body p').first().click();
    await viewer.page.keyboard.type('Wpis po awansie');
    await expect.poll(() => writer.text(), afterPromotion).toContain('Wpis po awansie');
  });
});
