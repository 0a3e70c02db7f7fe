import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.js';

/**
 * Headless Chromium for a whole file (launch it in beforeAll and close it in
 * afterAll), where a browser per test would repeat the start-up.
 */
export function launchSharedBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
