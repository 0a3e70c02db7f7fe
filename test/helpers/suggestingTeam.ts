import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { startSharedTestServer, type TestServer } from './startTestServer.js';
import { createTeam, type TeamFixture } from './teamFixture.js';
import { teamMember } from './teamMember.js';
import { importSamplePlan } from './importSamplePlan.js';
import { openPlan, type PlanPage } from './browser.js';
import { launchSharedBrowser } from './sharedBrowser.js';

export const ANNA = 'Anna Kowalska';
export const BARTEK = 'Bartek Nowak';
export const CELINA = 'Celina Wiśniewska';
export const DAWID = 'Dawid Zieliński';

export interface SuggestingTeam {
  server: TestServer;
  disposeServer: () => Promise<void>;
  team: TeamFixture;
  planId: string;
  browser: Browser;
  anna: PlanPage;
  bartek: PlanPage;
  celina: PlanPage;
}

/**
 * The suggesting tests' team: the sample plan open and saved in three pages, the chair Anna and
 * the members Bartek and Celina; Dawid is the team's expert, for the suggest-only cases.
 */
export async function openSuggestingTeam(savedTimeoutMs: number): Promise<SuggestingTeam> {
  const shared = await startSharedTestServer({ authenticate: 'sessions' });
  const server = shared.testServer;
  const team = await createTeam(server, { [ANNA]: 'chair', [BARTEK]: 'member', [CELINA]: 'member', [DAWID]: 'expert' });
  const imported = await importSamplePlan(teamMember(team, ANNA), team.workspaceId);
  if (imported.status !== 201) throw new Error(`import failed: ${imported.status}`);
  const planId = imported.body.id;
  const browser = await launchSharedBrowser();
  const [anna, bartek, celina] = await Promise.all([
    openPlan(browser, server.httpUrl, planId, teamMember(team, ANNA), 'Anna'),
    openPlan(browser, server.httpUrl, planId, teamMember(team, BARTEK), 'Bartek'),
    openPlan(browser, server.httpUrl, planId, teamMember(team, CELINA), 'Celina'),
  ]);
  for (const { page } of [anna, bartek, celina]) await page.locator('.save-status[data-state="saved"]').waitFor({ timeout: savedTimeoutMs });
  return { server, disposeServer: shared.dispose, team, planId, browser, anna, bartek, celina };
}

/** A block's content in the plan's JSON export, as the chair gets it. */
export async function exportedBlockContent(team: TeamFixture, planId: string, blockId: string): Promise<unknown> {
  const response = await teamMember(team, ANNA).request<{ sections: { blocks: { id?: string; content?: unknown }[] }[] }>('GET', `/plans/${planId}/export?format=json`);
  expect(response.status).toBe(200);
  return response.body.sections.flatMap((section) => section.blocks).find((block) => block.id === blockId)?.content;
}
