import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import { appendParagraph, waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

describe('the built client under its Content-Security-Policy', () => {
  it('loads, syncs over its WebSocket and types, without a single policy violation', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const bartek = team.connect('Bartek Nowak');
    await waitForSync(bartek);
    appendParagraph(bartek, 'Diagnoza sytuacji');
    await bartek.channel.whenSaved();

    const browser = await launchBrowser();
    const anna = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Anna Kowalska'), 'Anna');
    const violations: string[] = [];
    anna.page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // Every violation the page reports, from its first script on (the reload below runs this first).
    await anna.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
    });
    // The policy itself is what the server sent with the page.
    const response = await anna.page.reload();
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await anna.editor().waitFor({ state: 'visible' });
    await expect.poll(() => anna.editor().textContent()).toContain('Diagnoza sytuacji');

    await anna.editor().locator('p', { hasText: 'Diagnoza sytuacji' }).click();
    await anna.page.keyboard.press('End');
    await anna.page.keyboard.type(' w powiecie');
    await waitFor(() => bartek.text().includes('Diagnoza sytuacji w powiecie'), { message: 'typing never reached the other client' });

    // The comments panel loads its threads over the API (connect-src 'self').
    await anna.page.waitForTimeout(300);
    const violationsInPage = await anna.page.evaluate(
      () => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    );
    expect(violations).toEqual([]);
    expect(violationsInPage).toEqual([]);
  }, 90_000);
});
