import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import type { ApiClient } from './apiClient.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu'];

/** Headless Debian Chromium, closed when the test finishes. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  onTestFinished(() => browser.close());
  return browser;
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
}

export interface PlanPage extends UserPage {
  /** The editable ProseMirror element. */
  editor(): ReturnType<Page['locator']>;
}

/**
 * A separate browser profile (own cookies, localStorage and network switch),
 * logged in as `user` by handing it the session cookie the API gave that user.
 */
export async function newUserPage(browser: Browser, httpUrl: string, user: ApiClient | null, label: string): Promise<UserPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  if (user !== null) {
    const [name, ...rest] = (user.cookie ?? '').split('=');
    if (name === undefined || rest.length === 0) throw new Error(`${label} has no session cookie`);
    await context.addCookies([{ name, value: rest.join('='), url: httpUrl, httpOnly: true, sameSite: 'Lax' }]);
  }
  const page = await context.newPage();
  // Surface client crashes in the test output instead of as a silent timeout.
  page.on('pageerror', (error) => console.error(`[${label}] page error: ${error.message}`));
  return { context, page };
}

/** A logged-in browser profile that opened /plans/<planId> and shows the editor. */
export async function openPlan(browser: Browser, httpUrl: string, planId: string, user: ApiClient, label: string): Promise<PlanPage> {
  const { context, page } = await newUserPage(browser, httpUrl, user, label);
  await page.goto(`${httpUrl}/plans/${planId}`);
  const editor = () => page.locator('.plan-editor__content');
  await editor().waitFor({ state: 'visible' });
  return { context, page, editor };
}

/** Saves a full-page PNG under $E2E_SCREENSHOTS when set, for checking the pages by eye. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.E2E_SCREENSHOTS;
  if (directory === undefined || directory === '') return;
  await mkdir(directory, { recursive: true });
  await page.screenshot({ path: path.join(directory, `${name}.png`), fullPage: true });
}
