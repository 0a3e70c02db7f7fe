import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { TYPING_PROBE_SCRIPT } from './typingProbe.js';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Chromium's timeline with style, layout, paint, compositing and input; BENCH_EDITOR_TRACE_CATEGORIES (comma-separated) replaces it. */
const TRACE_CATEGORIES = process.env.BENCH_EDITOR_TRACE_CATEGORIES?.split(',') ?? ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'toplevel', 'input', 'ime', 'v8.execute'];
export const VIEWPORT = { width: 1366, height: 900 };

export type TargetKind = 'sectionText' | 'directionDescription';
export type TargetPosition = 'first' | 'middle' | 'last';

export interface KeySample {
  key: string;
  eventAt: number;
  handlerAt: number;
  shownAt: number | null;
  frameAt: number | null;
  paintedAt: number | null;
}

export interface LongTask {
  startTime: number;
  duration: number;
}

/** Headless Chromium with one logged-in profile per page, each page carrying the typing probe. */
export class EditorBrowser {
  private constructor(private readonly browser: Browser, private readonly httpUrl: string, private readonly cookie: string) {}

  static async launch(httpUrl: string, cookie: string): Promise<EditorBrowser> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    return new EditorBrowser(browser, httpUrl, cookie);
  }

  /**
   * A fresh profile (empty cache) that navigates to the plan and returns at once; the probe records what follows.
   * `beforeNavigation` runs on the new page first (e.g. to start a CPU profile of the load).
   */
  async openPlan(planId: string, beforeNavigation?: (context: BrowserContext, page: Page) => Promise<void>): Promise<{ context: BrowserContext; page: Page }> {
    // The probe's string predicates (waitForFunction) are evaluated by Playwright with eval, which the
    // app's CSP (script-src 'self') forbids; bypassing it changes nothing the probe measures.
    const context = await this.browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    const [name, ...rest] = this.cookie.split('=');
    await context.addCookies([{ name: name ?? '', value: rest.join('='), url: this.httpUrl, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript({ content: TYPING_PROBE_SCRIPT });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await beforeNavigation?.(context, page);
    await page.goto(`${this.httpUrl}/plans/${planId}`, { waitUntil: 'commit' });
    return { context, page };
  }

  /** Chromium's own trace of `page` (style, layout, paint, input method work, scripts) until `stopTracing`. */
  startTracing(page: Page): Promise<void> {
    return this.browser.startTracing(page, { categories: TRACE_CATEGORIES });
  }

  stopTracing(): Promise<Buffer> {
    return this.browser.stopTracing();
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/** Resolves when the editor is editable and holds the plan; returns ms since navigation start. */
export async function waitUntilEditable(page: Page): Promise<number> {
  await page.waitForFunction('window.__typingProbe !== undefined && window.__typingProbe.editableAt !== null', undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate<number>('window.__typingProbe.editableAt');
}

export async function placeCaretAtEnd(page: Page, kind: TargetKind, position: TargetPosition): Promise<void> {
  await page.evaluate(`window.__typingProbe.placeCaretAtEnd(${JSON.stringify(kind)}, ${JSON.stringify(position)})`);
  // Let ProseMirror take the DOM selection in (selectionchange) before the first key.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

export async function arm(page: Page, kind: TargetKind, position: TargetPosition): Promise<void> {
  await page.evaluate(`window.__typingProbe.arm(${JSON.stringify(kind)}, ${JSON.stringify(position)})`);
}

export async function collect(page: Page): Promise<{ samples: KeySample[]; longTasks: LongTask[] }> {
  const result = await page.evaluate<{ samples: KeySample[]; longTasks: LongTask[] }>(
    '({ samples: window.__typingProbe.samples, longTasks: window.__typingProbe.longTasks })',
  );
  await page.evaluate('window.__typingProbe.disarm()');
  return result;
}

/** Waits until every typed key has been painted (or `timeoutMs` passed). */
export async function waitForPaintedKeys(page: Page, count: number, timeoutMs: number): Promise<void> {
  await page
    .waitForFunction(`window.__typingProbe.samples.filter((sample) => sample.paintedAt !== null).length >= ${count}`, undefined, { timeout: timeoutMs })
    .catch(() => undefined);
}
