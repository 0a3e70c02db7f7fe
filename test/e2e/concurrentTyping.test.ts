import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startSharedTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { teamMember } from '../helpers/teamMember.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { openPlan, type PlanPage } from '../helpers/browser.js';
import { launchSharedBrowser } from '../helpers/sharedBrowser.js';
import { blockById, documentText, fieldText, listEntryTexts, selectText } from '../helpers/blockDom.js';

/**
 * Two members typing into the same text at the same moment, in real Chromium
 * pages against a real server (issue 11): every keystroke of both survives,
 * each member's text in one piece and in the order typed, on both pages,
 * in a page opened afterwards, in the server's export and after a restart. One server, one plan and one pair of pages for the file;
 * each test writes into text no other test touches.
 */

const ANNA = 'Anna Kowalska';
const BARTEK = 'Bartek Nowak';
const CELINA = 'Celina Wiśniewska';
const KEY_DELAY_MS = 50;
const SYNC = { timeout: 15_000 };

/** What the tests below write, in order; the last two tests read all of it back. */
const ALL_SURVIVORS = [
  'section paragraph',
  'direction description',
  'recommendation content',
  'offline section paragraph',
  'offline direction description',
  'offline recommendation content',
  'actions',
  'indicators',
  'funding rows',
  'commented description',
];

/** `a1a2…a12`: 27 characters whose order is visible in the result. */
function tokens(letter: string, count = 12): string {
  return Array.from({ length: count }, (_, index) => `${letter}${index + 1}`).join('');
}

/** A text both members type into, what it must read afterwards, and where the exported plan file has it. */
interface Survivor {
  name: string;
  read(page: Page): Promise<unknown>;
  inExport(file: ExportedPlan): unknown;
  expected: unknown;
}

interface ExportedBlock {
  type: string;
  id?: string;
  text?: unknown;
  [field: string]: unknown;
}

interface ExportedPlan {
  sections: { key: string; blocks: ExportedBlock[] }[];
}

function exportedBlock(file: ExportedPlan, blockId: string): ExportedBlock {
  const block = file.sections.flatMap((section) => section.blocks).find((candidate) => candidate.id === blockId);
  if (block === undefined) throw new Error(`the export has no block ${blockId}`);
  return block;
}

function exportedParagraph(file: ExportedPlan, sectionIndex: number, paragraphIndex: number): unknown {
  return file.sections[sectionIndex]?.blocks.filter((block) => block.type === 'paragraph')[paragraphIndex]?.text;
}

function sectionParagraph(page: Page, sectionIndex: number, paragraphIndex: number): Locator {
  return page.locator('.plan-section').nth(sectionIndex).locator('.plan-section__body p:not(.plan-block p)').nth(paragraphIndex);
}

/** Both members start typing at the same moment; each key is a separate keystroke 50 ms apart. */
async function typeAtOnce(...typists: { page: Page; text: string }[]): Promise<void> {
  await Promise.all(typists.map(({ page, text }) => page.keyboard.type(text, { delay: KEY_DELAY_MS })));
}

/** Places both carets, lets the selection reach ProseMirror, then types at once. */
async function typeTogether(anna: { page: Page; at: () => Promise<void>; text: string }, bartek: { page: Page; at: () => Promise<void>; text: string }): Promise<void> {
  await anna.at();
  await bartek.at();
  await anna.page.waitForTimeout(100);
  await typeAtOnce(anna, bartek);
}

describe('two members typing at once in the browser', () => {
  vi.setConfig({ testTimeout: 45_000 });
  let browser: Browser;
  let server: TestServer;
  let disposeServer: () => Promise<void>;
  let team: TeamFixture;
  let planId: string;
  let anna: PlanPage;
  let bartek: PlanPage;
  const survivors: Survivor[] = [];

  async function exportedPlan(): Promise<ExportedPlan> {
    const response = await teamMember(team, ANNA).request<ExportedPlan>('GET', `/plans/${planId}/export?format=json`);
    expect(response.status).toBe(200);
    return response.body;
  }

  /** Checks the survivor on both pages, then records it for the fresh page and the restart. */
  async function expectOnBothPages(survivor: Survivor): Promise<void> {
    survivors.push(survivor);
    for (const { page } of [anna, bartek]) await expect.poll(() => survivor.read(page), SYNC).toEqual(survivor.expected);
  }

  /** A third member who opens the plan only now reads what the two wrote, and so does the server's export. */
  async function expectInFreshPageAndExport(checked: readonly Survivor[]): Promise<void> {
    const fresh = await openPlan(browser, server.httpUrl, planId, teamMember(team, CELINA), 'Celina');
    try {
      for (const survivor of checked) await expect.poll(() => survivor.read(fresh.page), SYNC).toEqual(survivor.expected);
    } finally {
      await fresh.context.close();
    }
    await expect.poll(async () => {
      const file = await exportedPlan();
      return checked.map((survivor) => survivor.inExport(file));
    }, SYNC).toEqual(checked.map((survivor) => survivor.expected));
  }

  beforeAll(async () => {
    const shared = await startSharedTestServer({ authenticate: 'sessions' });
    server = shared.testServer;
    disposeServer = shared.dispose;
    team = await createTeam(server, { [ANNA]: 'chair', [BARTEK]: 'member', [CELINA]: 'observer' });
    const imported = await importSamplePlan(teamMember(team, ANNA), team.workspaceId);
    if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`);
    planId = imported.body.id;
    browser = await launchSharedBrowser();
    [anna, bartek] = await Promise.all([openPlan(browser, server.httpUrl, planId, teamMember(team, ANNA), 'Anna'), openPlan(browser, server.httpUrl, planId, teamMember(team, BARTEK), 'Bartek')]);
    for (const { page } of [anna, bartek]) await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: SYNC.timeout });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await disposeServer?.();
  });

  it('one at the start and one at the end of the same section paragraph: both texts whole and in order on both pages', async () => {
    const original = 'Pełna diagnoza stanowi załącznik nr 1 do planu.';
    const paragraph = (page: Page) => sectionParagraph(page, 2, 3);
    expect(await documentText(paragraph(anna.page))).toBe(original);
    const [annaText, bartekText] = [tokens('a'), tokens('b')];
    await typeTogether(
      { page: anna.page, at: () => selectText(paragraph(anna.page), 'start'), text: annaText },
      { page: bartek.page, at: () => selectText(paragraph(bartek.page), 'end'), text: bartekText },
    );
    const survivor: Survivor = {
      name: 'section paragraph',
      read: (page) => documentText(paragraph(page)),
      inExport: (file) => exportedParagraph(file, 2, 3),
      expected: `${annaText}${original}${bartekText}`,
    };
    await expectOnBothPages(survivor);
  });

  it("the same in a direction's description and a recommendation's content", async () => {
    const description = (page: Page) => fieldText(blockById(page, 'KI-1.1'), 'description');
    const content = (page: Page) => fieldText(blockById(page, 'R-01'), 'content');
    const originalDescription = await documentText(description(anna.page));
    const originalContent = await documentText(content(anna.page));
    expect(originalDescription).toMatch(/^W powiatach .* życia\.$/);
    expect(originalContent).toMatch(/^W naborach .* planem\.$/);

    await typeTogether(
      { page: anna.page, at: () => selectText(description(anna.page), 'start'), text: tokens('c') },
      { page: bartek.page, at: () => selectText(description(bartek.page), 'end'), text: tokens('d') },
    );
    await typeTogether(
      { page: anna.page, at: () => selectText(content(anna.page), 'end'), text: tokens('e') },
      { page: bartek.page, at: () => selectText(content(bartek.page), 'start'), text: tokens('f') },
    );
    const checked: Survivor[] = [
      {
        name: 'direction description',
        read: (page) => documentText(description(page)),
        inExport: (file) => exportedBlock(file, 'KI-1.1')['description'],
        expected: `${tokens('c')}${originalDescription}${tokens('d')}`,
      },
      {
        name: 'recommendation content',
        read: (page) => documentText(content(page)),
        inExport: (file) => exportedBlock(file, 'R-01')['content'],
        expected: `${tokens('f')}${originalContent}${tokens('e')}`,
      },
    ];
    for (const survivor of checked) await expectOnBothPages(survivor);
  });

  it('the same while one page is offline: after reconnecting both texts are whole and in order', async () => {
    const paragraph = (page: Page) => sectionParagraph(page, 8, 1);
    const description = (page: Page) => fieldText(blockById(page, 'KI-3.1'), 'description');
    const content = (page: Page) => fieldText(blockById(page, 'R-02'), 'content');
    const targets = [
      { name: 'offline section paragraph', locate: paragraph, inExport: (file: ExportedPlan) => exportedParagraph(file, 8, 1), letters: ['g', 'h'] },
      { name: 'offline direction description', locate: description, inExport: (file: ExportedPlan) => exportedBlock(file, 'KI-3.1')['description'], letters: ['i', 'j'] },
      { name: 'offline recommendation content', locate: content, inExport: (file: ExportedPlan) => exportedBlock(file, 'R-02')['content'], letters: ['k', 'l'] },
    ];
    const originals = await Promise.all(targets.map((target) => documentText(target.locate(anna.page))));

    const bartekStatus = bartek.page.locator('.save-status');
    await bartek.context.setOffline(true);
    await expect.poll(() => bartekStatus.getAttribute('data-state'), SYNC).toBe('offline');
    for (const { locate, letters } of targets) {
      await typeTogether(
        { page: anna.page, at: () => selectText(locate(anna.page), 'start'), text: tokens(letters[0] ?? '') },
        { page: bartek.page, at: () => selectText(locate(bartek.page), 'end'), text: tokens(letters[1] ?? '') },
      );
    }
    // While offline, Bartek's page has only his own text.
    expect(await documentText(paragraph(bartek.page))).toBe(`${originals[0]}${tokens('h')}`);
    expect(await bartekStatus.getAttribute('data-state')).toBe('offline');
    await bartek.context.setOffline(false);
    await expect.poll(() => bartekStatus.getAttribute('data-state'), SYNC).toBe('saved');

    const checked: Survivor[] = targets.map((target, index) => ({
      name: target.name,
      read: (page) => documentText(target.locate(page)),
      inExport: target.inExport,
      expected: `${tokens(target.letters[0] ?? '')}${originals[index]}${tokens(target.letters[1] ?? '')}`,
    }));
    for (const survivor of checked) await expectOnBothPages(survivor);
  });

  it('two members edit different actions of one direction, then both add an action and type into it at the same moment', async () => {
    const direction = (page: Page) => blockById(page, 'KI-1.2');
    const action = (page: Page, index: number) => direction(page).locator('[data-field="actions"] li[data-node="directionAction"] .plan-field__text').nth(index);
    const originals = await listEntryTexts(direction(anna.page), 'actions');
    expect(originals).toHaveLength(3);

    await typeTogether(
      { page: anna.page, at: () => selectText(action(anna.page, 0), 'end'), text: ` ${tokens('m')}` },
      { page: bartek.page, at: () => selectText(action(bartek.page, 1), 'end'), text: ` ${tokens('n')}` },
    );
    const edited = [`${originals[0]} ${tokens('m')}`, `${originals[1]} ${tokens('n')}`, originals[2]];
    for (const { page } of [anna, bartek]) await expect.poll(() => listEntryTexts(direction(page), 'actions'), SYNC).toEqual(edited);

    const addButton = (page: Page) => direction(page).getByRole('button', { name: '+ Dodaj działanie' });
    await Promise.all([addButton(anna.page).click(), addButton(bartek.page).click()]);
    const [annaAction, bartekAction] = [`Działanie Anny ${tokens('o')}`, `Działanie Bartka ${tokens('p')}`];
    await typeAtOnce({ page: anna.page, text: annaAction }, { page: bartek.page, text: bartekAction });

    // Both rows were added at the end of the list at once; which comes first is the merge's choice.
    const readActions = async (page: Page): Promise<string[]> => {
      const texts = await listEntryTexts(direction(page), 'actions');
      return [...texts.slice(0, 3), ...texts.slice(3).sort()];
    };
    const expected = [...edited, ...[annaAction, bartekAction].sort()];
    const survivor: Survivor = {
      name: 'actions',
      read: readActions,
      inExport: (file) => {
        const actions = exportedBlock(file, 'KI-1.2')['actions'] as { text: string }[];
        const texts = actions.map((entry) => entry.text);
        return [...texts.slice(0, 3), ...texts.slice(3).sort()];
      },
      expected,
    };
    await expectOnBothPages(survivor);
  });

  it('two members add an indicator and a funding row at the same moment: all rows and their values survive', async () => {
    const direction = (page: Page) => blockById(page, 'KI-2.1');
    const indicatorRows = (page: Page) => direction(page).locator('.indicator-row');
    const fundingRows = (page: Page) => direction(page).locator('.funding-row');
    const indicatorCount = await indicatorRows(anna.page).count();
    const fundingCount = await fundingRows(anna.page).count();
    expect([indicatorCount, fundingCount]).toEqual([2, 3]);

    const addIndicator = (page: Page) => direction(page).getByRole('button', { name: '+ Dodaj wskaźnik' });
    await Promise.all([addIndicator(anna.page).click(), addIndicator(bartek.page).click()]);
    const names = { anna: `Wskaźnik Anny ${tokens('q')}`, bartek: `Wskaźnik Bartka ${tokens('r')}` };
    await typeAtOnce({ page: anna.page, text: names.anna }, { page: bartek.page, text: names.bartek });
    await Promise.all([anna.page.keyboard.press('Tab'), bartek.page.keyboard.press('Tab')]);
    const sources = { anna: 'ankieta Anny', bartek: 'rejestr Bartka' };
    await typeAtOnce({ page: anna.page, text: sources.anna }, { page: bartek.page, text: sources.bartek });
    // Each fills the unit of the row they added, found by its name.
    for (const [page, name, unit] of [
      [anna.page, names.anna, 'osoby'],
      [bartek.page, names.bartek, 'gminy'],
    ] as const) {
      const row = indicatorRows(page).filter({ has: page.locator('[data-field="name"]', { hasText: name }) });
      await expect.poll(() => row.count(), SYNC).toBe(1);
      await row.getByLabel('Jednostka', { exact: true }).fill(unit);
    }

    const addFunding = (page: Page) => direction(page).getByRole('button', { name: '+ Dodaj źródło finansowania' });
    await Promise.all([addFunding(anna.page).click(), addFunding(bartek.page).click()]);
    for (const { page } of [anna, bartek]) await expect.poll(() => fundingRows(page).count(), SYNC).toBe(fundingCount + 2);
    // Anna fills the first new row and Bartek the second, at the same time.
    await Promise.all([
      (async () => {
        const row = fundingRows(anna.page).nth(fundingCount);
        await row.getByLabel('Źródło finansowania', { exact: true }).selectOption('PFRON');
        await row.getByLabel('Kwota', { exact: true }).fill('250000');
      })(),
      (async () => {
        const row = fundingRows(bartek.page).nth(fundingCount + 1);
        await row.getByLabel('Źródło finansowania', { exact: true }).selectOption('NFZ');
        await row.getByLabel('Kwota', { exact: true }).fill('125000');
      })(),
    ]);

    const readIndicators = async (page: Page): Promise<string[]> => {
      const rows = await indicatorRows(page).all();
      const described = await Promise.all(
        rows.map(async (row) => {
          const name = await documentText(row.locator('[data-field="name"] .plan-field__text'));
          const source = await documentText(row.locator('[data-field="source"] .plan-field__text'));
          return `${name} | ${source} | ${await row.getByLabel('Jednostka', { exact: true }).inputValue()}`;
        }),
      );
      return described.sort();
    };
    const readFunding = async (page: Page): Promise<string[]> => {
      const rows = await fundingRows(page).all();
      return Promise.all(
        rows.map(async (row) => `${await row.getByLabel('Źródło finansowania', { exact: true }).inputValue()} ${await row.getByLabel('Kwota', { exact: true }).inputValue()}`),
      );
    };
    const expectedIndicators = [
      'Liczba opiekunów korzystających z opieki wytchnieniowej | sprawozdania z programu Opieka wytchnieniowa | osoby',
      'Liczba osób korzystających z usług sąsiedzkich | sprawozdania gmin | osoby',
      `${names.anna} | ${sources.anna} | osoby`,
      `${names.bartek} | ${sources.bartek} | gminy`,
    ].sort();
    const expectedFunding = ['EFS_PLUS_REGIONAL 17000000', 'SOLIDARITY_FUND 5000000', 'JST_BUDGET 4000000', 'PFRON 250000', 'NFZ 125000'];
    const checked: Survivor[] = [
      {
        name: 'indicators',
        read: readIndicators,
        inExport: (file) =>
          (exportedBlock(file, 'KI-2.1')['indicators'] as { name: string; source: string; unit: string }[]).map((row) => `${row.name} | ${row.source} | ${row.unit}`).sort(),
        expected: expectedIndicators,
      },
      {
        name: 'funding rows',
        read: readFunding,
        inExport: (file) => (exportedBlock(file, 'KI-2.1')['fundingSources'] as { code: string; amount: number }[]).map((row) => `${row.code} ${row.amount}`),
        expected: expectedFunding,
      },
    ];
    for (const survivor of checked) await expectOnBothPages(survivor);
  });

  it("shows a member's caret and name inside a block field on the other page", async () => {
    const title = (page: Page) => fieldText(blockById(page, 'KI-2.2'), 'title');
    await selectText(title(anna.page), 10);
    const remoteLabel = title(bartek.page).locator('.collaboration-carets__caret .collaboration-carets__label');
    await expect.poll(() => remoteLabel.allTextContents(), SYNC).toEqual([ANNA]);
    expect(await remoteLabel.isVisible()).toBe(true);
    // The caret sits where Anna's is: after the tenth character of the title.
    const textBeforeCaret = await title(bartek.page).evaluate((element) => {
      const caret = element.querySelector('.collaboration-carets__caret');
      if (caret === null) return null;
      const range = document.createRange();
      range.setStart(element, 0);
      range.setEndBefore(caret);
      return range.toString();
    });
    expect(textBeforeCaret).toBe('Otwieranie');
  });

  it("a comment on a word of a direction's description keeps covering exactly that word while both type around it", async () => {
    const word = 'zapleczem';
    const description = (page: Page) => fieldText(blockById(page, 'KI-2.2'), 'description');
    const original = await documentText(description(anna.page));
    const start = original.indexOf(word);
    expect(start).toBeGreaterThan(0);

    await selectText(description(anna.page), start, start + word.length);
    await anna.page.getByRole('button', { name: 'Skomentuj' }).click();
    const composer = anna.page.getByRole('form', { name: 'Nowy komentarz' });
    await expect.poll(() => composer.locator('.comment-quote').textContent()).toContain(word);
    await composer.getByLabel('Treść komentarza').fill('Jakie zaplecze mamy na myśli?');
    await composer.getByRole('button', { name: 'Dodaj komentarz' }).click();
    const highlight = (page: Page) => description(page).locator('.comment-highlight');
    const highlighted = async (page: Page) => (await highlight(page).allTextContents()).join('');
    for (const { page } of [anna, bartek]) await expect.poll(() => highlighted(page), SYNC).toBe(word);

    // Bartek types just before the space in front of the word, Anna just after the comma behind it, at once.
    const end = start + word.length;
    const [before, after] = [tokens('s'), tokens('t')];
    await typeTogether(
      { page: anna.page, at: () => selectText(description(anna.page), end + 1), text: after },
      { page: bartek.page, at: () => selectText(description(bartek.page), start - 1), text: before },
    );
    const expectedText = `${original.slice(0, start - 1)}${before}${original.slice(start - 1, end + 1)}${after}${original.slice(end + 1)}`;
    for (const { page } of [anna, bartek]) {
      await expect.poll(() => documentText(description(page)), SYNC).toBe(expectedText);
      await expect.poll(() => highlighted(page), SYNC).toBe(word);
    }
    survivors.push({
      name: 'commented description',
      read: (page) => documentText(description(page)),
      inExport: (file) => exportedBlock(file, 'KI-2.2')['description'],
      expected: expectedText,
    });
  });

  it('a member who opens the plan only now, and the export from the server, have every text of the tests above', async () => {
    expect(survivors.map((survivor) => survivor.name)).toEqual(ALL_SURVIVORS);
    await expectInFreshPageAndExport(survivors);
  });

  it('after a server restart every text of the tests above is there, in the open pages and a fresh one', async () => {
    expect(survivors.map((survivor) => survivor.name)).toEqual(ALL_SURVIVORS);
    for (const { page } of [anna, bartek]) await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), SYNC).toBe('saved');
    server = await server.restart();
    await expectInFreshPageAndExport(survivors);
    // The open pages reconnect to the new server and still agree with it.
    for (const { page } of [anna, bartek]) {
      await expect.poll(() => page.locator('.save-status').getAttribute('data-state'), SYNC).toBe('saved');
      for (const survivor of survivors) expect(await survivor.read(page)).toEqual(survivor.expected);
    }
  }, 60_000);
});
