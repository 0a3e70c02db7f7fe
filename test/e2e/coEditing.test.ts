import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD, formatDocumentName } from '../../shared/documentName.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { launchBrowser, openPlan } from '../helpers/browser.js';
import { fragmentText } from '../helpers/connectClient.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';

const SAVED_TEXT = 'Wszystkie zmiany zapisane';

describe('co-editing in the browser', () => {
  it('shows text, caret, presence and saved state across two browsers, and the text survives a reload', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const browser = await launchBrowser();
    const anna = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Anna Kowalska'), 'Anna');
    const bartek = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Bartek Nowak'), 'Bartek');

    await anna.editor().click();
    await anna.page.keyboard.type('Diagnoza potrzeb mieszkańców');

    await expect.poll(() => bartek.editor().textContent()).toContain('Diagnoza potrzeb mieszkańców');
    await expect.poll(() => bartek.page.locator('.collaboration-carets__label').allTextContents()).toContain('Anna Kowalska');
    for (const { page } of [anna, bartek]) {
      await expect.poll(() => page.locator('.presence__name').allTextContents()).toEqual(
        expect.arrayContaining(['Anna Kowalska', 'Bartek Nowak']),
      );
    }

    const annaStatus = anna.page.locator('.save-status');
    await expect.poll(() => annaStatus.textContent()).toContain(SAVED_TEXT);
    // "Saved" must mean committed on the server, not merely sent.
    const stored = await server.server.store.load(formatDocumentName(team.planId));
    expect(stored).not.toBeNull();
    const storedDoc = new Y.Doc();
    Y.applyUpdate(storedDoc, stored ?? new Uint8Array());
    expect(fragmentText(storedDoc.getXmlFragment(CONTENT_FIELD))).toContain('Diagnoza potrzeb mieszkańców');

    await bartek.page.reload();
    await bartek.editor().waitFor({ state: 'visible' });
    await expect.poll(() => bartek.editor().textContent()).toContain('Diagnoza potrzeb mieszkańców');
  });

  it('edits typed while offline reach the other browser after reconnecting', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const browser = await launchBrowser();
    const anna = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Anna Kowalska'), 'Anna');
    const bartek = await openPlan(browser, server.httpUrl, team.planId, teamMember(team, 'Bartek Nowak'), 'Bartek');

    await anna.editor().click();
    await anna.page.keyboard.type('Przed rozłączeniem.');
    await expect.poll(() => bartek.editor().textContent()).toContain('Przed rozłączeniem.');

    await anna.context.setOffline(true);
    const annaStatus = anna.page.locator('.save-status');
    await expect.poll(() => annaStatus.getAttribute('data-state')).toBe('offline');
    await anna.page.keyboard.press('Enter');
    await anna.page.keyboard.type('Napisane offline.');
    await anna.page.waitForTimeout(500);
    expect(await bartek.editor().textContent()).not.toContain('Napisane offline.');
    expect(await annaStatus.getAttribute('data-state')).toBe('offline');

    await anna.context.setOffline(false);
    await expect.poll(() => bartek.editor().textContent(), { timeout: 15_000 }).toContain('Napisane offline.');
    await expect.poll(() => annaStatus.textContent(), { timeout: 15_000 }).toContain(SAVED_TEXT);
  });
});
