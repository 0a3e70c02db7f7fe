import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'];

/** Headless Debian Chromium, closed when the test finishes. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  onTestFinished(() => browser.close());
  return browser;
}

export interface PlanPage {
  context: BrowserContext;
  page: Page;
  /** The editable ProseMirror element. */
  editor(): ReturnType<Page['locator']>;
}

/**
 * A separate browser profile (own localStorage, own network switch) opening
 * /plans/<planId>, answering the name prompt the way a user would.
 */
export async function openPlan(browser: Browser, httpUrl: string, planId: string, name: string): Promise<PlanPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  // Surface client crashes in the test output instead of as a silent timeout.
  page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  await page.goto(`${httpUrl}/plans/${planId}`);
  await page.locator('input[name="displayName"]').fill(name);
  await page.locator('input[name="displayName"]').press('Enter');
  const editor = () => page.locator('.plan-editor__content');
  await editor().waitFor({ state: 'visible' });
  return { context, page, editor };
}
