import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import * as Y from 'yjs';
import { findBlock, findFieldOfType } from '../helpers/findBlock.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPlan } from '../helpers/browser.js';

/** What is on screen (the dialogs and the panel), not the whole long plan; only when $E2E_SCREENSHOTS is set. */
async function saveViewScreenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOTS;
  if (directory !== undefined && directory !== '') await page.screenshot({ path: path.join(directory, `${name}.png`) });
}

type MeasuredValue = { value: number | null; year: number | null };

/** The indicator rows of the direction (directionIndicator elements, whose values are attributes). */
const indicatorRowsOf = (client: TestClient): Y.XmlElement[] =>
  findFieldOfType(findBlock(client, 'KI-1.1'), 'directionIndicatorList')
    .toArray()
    .filter((child): child is Y.XmlElement => child instanceof Y.XmlElement);

const targetOf = (row: Y.XmlElement | undefined): MeasuredValue | undefined => row?.getAttribute('target') as unknown as MeasuredValue | undefined;

describe('versions in the browser', () => {
  it('saves a version, compares it with the changed draft in words, exports a DOCX, restores it for everyone, and lists what blocks the agreed version', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member' });
    const anna = teamMember(team, 'Anna Kowalska');
    const imported = await importSamplePlan(anna, team.workspaceId);
    expect(imported.status).toBe(201);
    const planId = imported.body.id;
    const bartek = connectClient(server.collabUrl, planId, { name: 'Bartek Nowak', headers: { cookie: teamMember(team, 'Bartek Nowak').cookie ?? '' } });
    await waitForSync(bartek);
    const originalTarget = targetOf(indicatorRowsOf(bartek)[0])?.value;
    expect(originalTarget).toBe(24);

    const browser = await launchBrowser();
    const { page } = await openPlan(browser, server.httpUrl, planId, anna, 'Anna');
    await page.getByRole('tab', { name: 'Wersje' }).click();
    const panel = page.getByRole('region', { name: 'Wersje' });
    await panel.getByRole('button', { name: 'Zapisz wersję' }).click();
    await expect.poll(() => panel.locator('.field__error').textContent()).toBe('Podaj nazwę wersji.');
    await panel.getByLabel('Nazwa wersji').fill('Przed posiedzeniem nr 5');
    await panel.getByLabel('Notatka (nieobowiązkowa)').fill('stan na 10 marca');
    await panel.getByRole('button', { name: 'Zapisz wersję' }).click();
    const version = panel.locator('.version');
    await expect.poll(() => version.locator('.version__name').allTextContents()).toEqual(['Przed posiedzeniem nr 5']);
    expect(await version.locator('.version__meta').textContent()).toContain('Anna Kowalska');

    // Bartek changes the first indicator's target; the comparison names the field and both values.
    const firstRow = indicatorRowsOf(bartek)[0];
    const firstTarget = targetOf(firstRow);
    if (firstRow === undefined || firstTarget === undefined) throw new Error('no indicator');
    firstRow.setAttribute('target', { ...firstTarget, value: 30 } as unknown as string);
    await bartek.channel.whenSaved();

    await version.getByRole('button', { name: 'Porównaj z wersją roboczą' }).click();
    const comparison = page.getByRole('dialog');
    // KI-1.1 was agreed in the sample plan: the edit is listed, and so is what it did to the agreement.
    await expect
      .poll(() => comparison.locator('.block-change').allTextContents())
      .toEqual([
        expect.stringContaining('Zmieniono KI-1.1'),
        'Status KI-1.1 „Rozwój rodzinnej pieczy zastępczej, w szczególności zawodowej i specjalistycznej”: uzgodniony → zmieniony po uzgodnieniu',
      ]);
    const change = comparison.locator('.block-change[data-block-id="KI-1.1"]').filter({ hasText: 'Zmieniono' });
    expect(await change.locator('.block-change__summary').textContent()).toBe('Zmieniono KI-1.1 „Rozwój rodzinnej pieczy zastępczej, w szczególności zawodowej i specjalistycznej”');
    expect(await change.locator('.block-change__details li').allTextContents()).toEqual(['wskaźniki[1] wartość docelowa: 24 → 30']);
    await saveViewScreenshot(page, 'versions-compare-pl');
    await comparison.getByRole('button', { name: 'Zamknij' }).click();

    // The saved version opens read-only with the plan's own block views.
    await version.getByRole('button', { name: 'Otwórz' }).click();
    const viewer = page.getByRole('dialog');
    await expect.poll(() => viewer.locator('.version-viewer__content').getAttribute('contenteditable')).toBe('false');
    await expect.poll(() => viewer.locator('[data-block-id="KI-1.1"]').count()).toBe(1);
    await viewer.getByRole('button', { name: 'Zamknij' }).click();

    // Export: the whole file arrives as one download with the server's file name.
    await panel.getByRole('button', { name: 'Eksportuj' }).last().click();
    const exportDialog = page.getByRole('dialog', { name: 'Eksport planu' });
    expect(await exportDialog.getByLabel('Format pliku').inputValue()).toBe('docx');
    await exportDialog.getByLabel('Wersja').selectOption({ label: 'Przed posiedzeniem nr 5' });
    const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Pobierz plik' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path()) ?? '');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => exportDialog.locator('.notice--success').textContent()).toContain(download.suggestedFilename());
    // The open document format of the KRI rules is offered as well.
    await exportDialog.getByLabel('Format pliku').selectOption({ label: 'OpenDocument (ODT)' });
    const [odt] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Pobierz plik' }).click()]);
    expect(odt.suggestedFilename()).toMatch(/\.odt$/);
    const odtBytes = await readFile((await odt.path()) ?? '');
    expect(odtBytes.toString('latin1', 30, 38 + 39)).toBe('mimetypeapplication/vnd.oasis.opendocument.text');
    await exportDialog.getByRole('button', { name: 'Zamknij' }).last().click();

    // Restore: after confirming, every client's draft has the saved value again.
    await version.getByRole('button', { name: 'Przywróć' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Przywróć wersję' }).click();
    await expect.poll(() => targetOf(indicatorRowsOf(bartek)[0])?.value).toBe(24);
    await expect.poll(() => panel.locator('.notice--success').textContent()).toBe('Przywrócono wersję „Przed posiedzeniem nr 5”.');

    // The sample plan still has open proposals, so freezing lists them instead of the form.
    await panel.getByRole('button', { name: 'Zamroź jako wersję uzgodnioną' }).click();
    await expect.poll(() => panel.locator('.open-proposals li').count()).toBeGreaterThan(0);
    await panel.locator('.agreed-version').scrollIntoViewIfNeeded();
    expect(await panel.getByLabel('Numer protokołu lub uchwały').count()).toBe(0);
    await saveViewScreenshot(page, 'versions-panel-pl');

    await page.getByRole('button', { name: 'English' }).click();
    const englishPanel = page.getByRole('region', { name: 'Versions' });
    await englishPanel.getByRole('button', { name: 'Compare with the draft' }).click();
    await expect.poll(() => page.getByRole('dialog').locator('.empty').textContent()).toBe('The selected versions do not differ.');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await englishPanel.getByRole('button', { name: 'Export' }).last().click();
    await saveViewScreenshot(page, 'versions-export-en');
  }, 60_000);
});
