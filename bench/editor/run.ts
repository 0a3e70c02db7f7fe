/**
 * Editor typing latency, page interactive time and page size (issue 11 items
 * 3 and 6), in real headless Chromium against a real server:
 *   npm run bench:editor
 * Environment: BENCH_EDITOR_KEYS (default 100), BENCH_EDITOR_LOADS (page loads
 * per plan, default 3), BENCH_EDITOR_PROFILE=<dir> (write a Chromium CPU
 * profile of each typing run there and print its heaviest functions),
 * BENCH_EDITOR_TRACE=<dir> (write a Chromium trace of each typing run there and
 * print the main thread's heaviest events: layout, paint, input method work;
 * BENCH_EDITOR_TRACE_CATEGORIES=a,b replaces the trace categories),
 * BENCH_EDITOR_CLIENT_DIR=<dir> (use this built client instead of building one),
 * BENCH_EDITOR_SECOND_CLIENT=0 (skip the run with a second member typing),
 * BENCH_EDITOR_PLANS=big (only the big plan, e.g. while profiling; default sample,big).
 * Method and figures: docs/performance.md, "Editor typing latency and page size".
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { ChildServer } from '../lib/ChildServer.js';
import { describeMachine } from '../lib/describeMachine.js';
import { formatTable, type ResultTable } from '../lib/ResultTable.js';
import { summarizeLatencies } from '../lib/summarizeLatencies.js';
import { temporaryDataDir } from '../lib/temporaryDataDir.js';
import { arm, collect, EditorBrowser, placeCaretAtEnd, waitForPaintedKeys, waitUntilEditable, type KeySample, type LongTask, type TargetKind, type TargetPosition } from './EditorBrowser.js';
import { countTypedBlocks, readSamplePlan, repeatSampleBlocks } from './repeatedSamplePlan.js';
import { summarizeCpuProfile, type CpuProfile } from './summarizeCpuProfile.js';
import { summarizeTrace, type ChromiumTrace } from './summarizeTrace.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KEYS = Number(process.env.BENCH_EDITOR_KEYS ?? 100);
const LOADS = Number(process.env.BENCH_EDITOR_LOADS ?? 3);
const KEY_DELAY_MS = 50;
const REPEATS = 5;
const PROFILE_DIR = process.env.BENCH_EDITOR_PROFILE ?? '';
const TRACE_DIR = process.env.BENCH_EDITOR_TRACE ?? '';
const WITH_SECOND_CLIENT = process.env.BENCH_EDITOR_SECOND_CLIENT !== '0';
const PLANS = new Set((process.env.BENCH_EDITOR_PLANS ?? 'sample,big').split(','));
/** A4 height at 96 dpi: 297 mm / 25.4 mm per inch × 96 px per inch. */
const A4_HEIGHT_PX = (297 / 25.4) * 96;
/** Words only: no input rule (lists, headings) fires, and the text grows by one character per key. */
const TYPED_TEXT = 'ala ma kota a kot ma ale '.repeat(Math.ceil(KEYS / 25) + 1).slice(0, KEYS);

interface TypingResult {
  plan: string;
  target: string;
  keys: number;
  painted: number;
  p50: number;
  p95: number;
  max: number;
  /** Of the same keys: from the keydown handler (not the event's timestamp) to the frame. */
  handlerP95: number;
  longTasks: number;
  longestTaskMs: number;
  harnessCpuPercent: number;
  /** Main-thread time per key during the typing, by Chromium's counters: script, style recalculation, layout, all tasks. */
  perKeyMs?: { script: number; style: number; layout: number; task: number };
}

async function main(): Promise<void> {
  const startedCpu = process.cpuUsage();
  const clientDir = process.env.BENCH_EDITOR_CLIENT_DIR ?? (await buildClient());
  const dataDir = await temporaryDataDir('editor');
  const server = await ChildServer.spawn({
    command: process.execPath,
    args: ['--import', 'tsx', 'server/main.ts'],
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir.path, CLIENT_DIR: clientDir },
    readyPattern: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
  });
  const httpUrl = `http://127.0.0.1:${server.port}`;
  let browser: EditorBrowser | null = null;
  try {
    const api = await registerWithWorkspace(httpUrl);
    const sample = await readSamplePlan(projectRoot);
    const big = repeatSampleBlocks(sample, REPEATS);
    const samplePlan = { label: `sample (${countTypedBlocks(sample)} typed blocks)`, id: await api.importPlan(sample) };
    const bigPlan = { label: `sample ×${REPEATS} (${countTypedBlocks(big)} typed blocks)`, id: await api.importPlan(big) };
    const plans = [...(PLANS.has('sample') ? [samplePlan] : []), ...(PLANS.has('big') ? [bigPlan] : [])];
    browser = await EditorBrowser.launch(httpUrl, api.cookie);
    const interactive: { plan: string; loads: { editableMs: number; firstKeyMs: number }[] }[] = [];
    const typing: TypingResult[] = [];
    for (const plan of plans) {
      const loads = [];
      for (let load = 0; load < LOADS; load++) loads.push(await measureInteractive(browser, plan.id, load === 0 && PROFILE_DIR !== '' ? profileName(plan.label, 'load') : null));
      interactive.push({ plan: plan.label, loads });
      for (const kind of ['sectionText', 'directionDescription'] as const) {
        typing.push(await measureTyping(browser, plan.id, plan.label, kind, null));
      }
    }
    if (WITH_SECOND_CLIENT && PLANS.has('big')) {
      typing.push(await measureTyping(browser, bigPlan.id, bigPlan.label, 'sectionText', { kind: 'sectionText', position: 'first' }));
    }
    const size = await measurePageSize(browser, api, samplePlan.id);
    const harnessCpu = process.cpuUsage(startedCpu);
    const results = { machine: describeMachine(), keys: KEYS, keyDelayMs: KEY_DELAY_MS, interactive, typing, size, harnessCpuMs: (harnessCpu.user + harnessCpu.system) / 1000 };
    printTables(results);
    const resultsDir = path.join(projectRoot, 'bench/results');
    await mkdir(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `editor-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(file, JSON.stringify(results, null, 2));
    console.log(`\nresults: ${path.relative(projectRoot, file)}`);
  } finally {
    await browser?.close();
    await server.stop().catch(() => server.kill());
    await dataDir.remove();
  }
}

/** Builds the client into its own directory, so a bench never races other builds of dist/. */
async function buildClient(): Promise<string> {
  const outDir = path.join(os.tmpdir(), `plan-editor-bench-client-${process.pid}`);
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  return outDir;
}

interface BenchApi {
  cookie: string;
  importPlan(plan: unknown): Promise<string>;
  exportPdf(planId: string): Promise<Buffer>;
}

async function registerWithWorkspace(httpUrl: string): Promise<BenchApi> {
  let cookie = '';
  const request = async (method: string, route: string, body?: unknown): Promise<Response> => {
    const response = await fetch(`${httpUrl}/api${route}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0] ?? cookie;
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return response;
  };
  await request('POST', '/auth/register', { email: `bench-editor-${Date.now().toString(36)}@example.pl`, password: 'Pomiar-edytora-2026', name: 'Zespół pomiarowy' });
  const { workspace } = (await (await request('POST', '/workspaces', { name: 'Pomiary edytora' })).json()) as { workspace: { id: string } };
  return {
    get cookie() {
      return cookie;
    },
    importPlan: async (plan) => ((await (await request('POST', `/workspaces/${workspace.id}/plans/import`, plan)).json()) as { id: string }).id,
    exportPdf: async (planId) => Buffer.from(await (await request('GET', `/plans/${planId}/export?format=pdf`)).arrayBuffer()),
  };
}

/**
 * Navigation start → editor editable, and → the first key typed after that painted (fresh profile, empty cache).
 * With a `profile` name, a CPU profile from navigation to that key is saved under it.
 */
async function measureInteractive(browser: EditorBrowser, planId: string, profile: string | null): Promise<{ editableMs: number; firstKeyMs: number }> {
  let cdp: CDPSession | null = null;
  const { context, page } = await browser.openPlan(planId, async (newContext, newPage) => {
    if (profile === null) return;
    cdp = await newContext.newCDPSession(newPage);
    await startProfiler(cdp);
  });
  try {
    const editableMs = await waitUntilEditable(page);
    await placeCaretAtEnd(page, 'sectionText', 'first');
    await arm(page, 'sectionText', 'first');
    await page.keyboard.type('x');
    await waitForPaintedKeys(page, 1, 10_000);
    const [first] = (await collect(page)).samples;
    if (first?.paintedAt == null) throw new Error('the first key never showed');
    if (cdp !== null && profile !== null) await saveProfile(cdp, profile);
    return { editableMs, firstKeyMs: first.paintedAt };
  } finally {
    await context.close();
  }
}

async function measureTyping(
  browser: EditorBrowser,
  planId: string,
  planLabel: string,
  kind: TargetKind,
  secondMember: { kind: TargetKind; position: TargetPosition } | null,
): Promise<TypingResult> {
  const { context, page } = await browser.openPlan(planId);
  const other = secondMember === null ? null : await browser.openPlan(planId);
  try {
    await waitUntilEditable(page);
    if (other !== null) await waitUntilEditable(other.page);
    // Let loading work (fonts, first plan read, warnings) finish before the keys.
    await page.waitForTimeout(1500);
    await placeCaretAtEnd(page, kind, 'middle');
    if (other !== null && secondMember !== null) await placeCaretAtEnd(other.page, secondMember.kind, secondMember.position);
    await arm(page, kind, 'middle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metricsBefore = await readRendererMetrics(cdp);
    if (PROFILE_DIR !== '') await startProfiler(cdp);
    if (TRACE_DIR !== '') await browser.startTracing(page);
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await Promise.all([page.keyboard.type(TYPED_TEXT, { delay: KEY_DELAY_MS }), other?.page.keyboard.type(TYPED_TEXT, { delay: KEY_DELAY_MS })]);
    await waitForPaintedKeys(page, KEYS, 10_000);
    const cpu = process.cpuUsage(cpuBefore);
    const harnessCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore)) * 100;
    const metricsAfter = await readRendererMetrics(cdp);
    const { samples, longTasks } = await collect(page);
    const target = `${kind === 'sectionText' ? 'section paragraph' : 'direction description'} (middle)${secondMember === null ? '' : ', 2nd member typing in first section'}`;
    if (PROFILE_DIR !== '') await saveProfile(cdp, profileName(planLabel, `${kind}${secondMember ? '-2nd' : ''}`));
    if (TRACE_DIR !== '') await saveTrace(await browser.stopTracing(), profileName(planLabel, `${kind}${secondMember ? '-2nd' : ''}`), samples.length);
    const perKey = (name: string): number => ((metricsAfter[name] ?? 0) - (metricsBefore[name] ?? 0)) * 1000 / Math.max(1, samples.length);
    return {
      ...summarizeTyping(planLabel, target, samples, longTasks, harnessCpuPercent),
      perKeyMs: { script: perKey('ScriptDuration'), style: perKey('RecalcStyleDuration'), layout: perKey('LayoutDuration'), task: perKey('TaskDuration') },
    };
  } finally {
    await context.close();
    await other?.context.close();
  }
}

/** Chromium's own counters for the page's main thread (seconds), from CDP Performance.getMetrics. */
async function readRendererMetrics(cdp: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

function profileName(planLabel: string, what: string): string {
  return `${planLabel.split(' ')[0]}-x${planLabel.includes('×') ? REPEATS : 1}-${what}`;
}

async function startProfiler(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

async function saveProfile(cdp: CDPSession, name: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  await mkdir(PROFILE_DIR, { recursive: true });
  const file = path.join(PROFILE_DIR, `${name}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  const { bySelf, byTotal } = summarizeCpuProfile(profile as CpuProfile, 25);
  console.log(`\nprofile ${file}\n  by self time:`);
  for (const line of bySelf) console.log(`    ${line.selfMs.toFixed(0).padStart(6)} ms self ${line.totalMs.toFixed(0).padStart(6)} ms total  ${line.name}`);
  console.log('  by total time:');
  for (const line of byTotal) console.log(`    ${line.totalMs.toFixed(0).padStart(6)} ms total ${line.selfMs.toFixed(0).padStart(6)} ms self  ${line.name}`);
}

async function saveTrace(trace: Buffer, name: string, keys: number): Promise<void> {
  await mkdir(TRACE_DIR, { recursive: true });
  const file = path.join(TRACE_DIR, `${name}.trace.json`);
  await writeFile(file, trace);
  const { bySelf } = summarizeTrace(JSON.parse(trace.toString('utf8')) as ChromiumTrace, 30);
  console.log(`\ntrace ${file}\n  renderer main thread, by self time (ms in all, ms per key, count):`);
  for (const line of bySelf) {
    console.log(`    ${line.selfMs.toFixed(0).padStart(6)} ms ${(line.selfMs / Math.max(1, keys)).toFixed(2).padStart(6)} ms/key ${String(line.count).padStart(6)}×  ${line.name}`);
  }
}

function summarizeTyping(plan: string, target: string, samples: readonly KeySample[], longTasks: readonly LongTask[], harnessCpuPercent: number): TypingResult {
  const painted = samples.filter((sample) => sample.paintedAt !== null);
  const latencies = summarizeLatencies(painted.map((sample) => (sample.paintedAt ?? 0) - sample.eventAt));
  const fromHandler = summarizeLatencies(painted.map((sample) => (sample.paintedAt ?? 0) - sample.handlerAt));
  return {
    plan,
    target,
    keys: samples.length,
    painted: painted.length,
    p50: latencies.p50,
    p95: latencies.p95,
    max: latencies.max,
    handlerP95: fromHandler.p95,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    harnessCpuPercent,
  };
}

async function measurePageSize(browser: EditorBrowser, api: BenchApi, planId: string): Promise<{ editorHeightPx: number; pdfPages: number; pdfHeightPx: number; ratio: number }> {
  const { context, page } = await browser.openPlan(planId);
  let editorHeightPx: number;
  try {
    await waitUntilEditable(page);
    await page.waitForTimeout(1500);
    editorHeightPx = await scrollHeight(page);
  } finally {
    await context.close();
  }
  const pdfPages = countPdfPages(await api.exportPdf(planId));
  const pdfHeightPx = pdfPages * A4_HEIGHT_PX;
  return { editorHeightPx, pdfPages, pdfHeightPx, ratio: editorHeightPx / pdfHeightPx };
}

/**
 * The page's real height: off-screen blocks are laid out at an estimated
 * height (content-visibility) until they have been on screen once, so scroll
 * through the whole page first, a viewport at a time.
 */
async function scrollHeight(page: Page): Promise<number> {
  for (let step = 0; step < 1000; step++) {
    const isAtBottom = await page.evaluate<boolean>(
      'window.scrollBy(0, window.innerHeight), window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1',
    );
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    if (isAtBottom) break;
  }
  return page.evaluate<number>('document.documentElement.scrollHeight');
}

function countPdfPages(pdf: Buffer): number {
  try {
    const info = execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' });
    const pages = /^Pages:\s+(\d+)/m.exec(info)?.[1];
    if (pages !== undefined) return Number(pages);
  } catch {
    // poppler-utils missing: fall back to counting page objects (pdfkit writes them uncompressed).
  }
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

function printTables(results: {
  interactive: { plan: string; loads: { editableMs: number; firstKeyMs: number }[] }[];
  typing: TypingResult[];
  size: { editorHeightPx: number; pdfPages: number; pdfHeightPx: number; ratio: number };
  harnessCpuMs: number;
}): void {
  const median = (values: number[]): number => summarizeLatencies(values).p50;
  const tables: ResultTable[] = [
    {
      title: 'Plan page interactive (ms from navigation start, fresh profile)',
      columns: ['plan', 'loads', 'editable (median)', 'first key painted (median)', 'first key painted (max)'],
      rows: results.interactive.map(({ plan, loads }) => [
        plan,
        loads.length,
        median(loads.map((load) => load.editableMs)),
        median(loads.map((load) => load.firstKeyMs)),
        Math.max(...loads.map((load) => load.firstKeyMs)),
      ]),
      notes: ['target: first key painted < 1500 ms'],
    },
    {
      title: `Typing latency, key event → frame that shows it (ms; ${KEYS} keys, ${KEY_DELAY_MS} ms apart)`,
      columns: ['plan', 'where', 'painted', 'median', 'p95', 'max', 'p95 from handler', 'long tasks', 'longest task', 'per key: script/style/layout/all', 'harness CPU %'],
      rows: results.typing.map((row) => [
        row.plan,
        row.target,
        `${row.painted}/${row.keys}`,
        row.p50,
        row.p95,
        row.max,
        row.handlerP95,
        row.longTasks,
        row.longestTaskMs,
        row.perKeyMs === undefined ? null : [row.perKeyMs.script, row.perKeyMs.style, row.perKeyMs.layout, row.perKeyMs.task].map((ms) => ms.toFixed(1)).join(' / '),
        row.harnessCpuPercent,
      ]),
      notes: [
        'targets: median < 20 ms, p95 < 50 ms',
        'per key: main-thread ms per typed key from Chromium\'s Performance.getMetrics (ScriptDuration, RecalcStyleDuration, LayoutDuration, TaskDuration)',
        'harness CPU: the Node process driving Chromium, as a share of one core during the typing',
      ],
    },
    {
      title: 'Sample plan: editor page height at 1366 px vs. its PDF export',
      columns: ['editor scrollHeight (px)', 'PDF pages', 'PDF height (px, A4 at 96 dpi)', 'ratio'],
      rows: [[results.size.editorHeightPx, results.size.pdfPages, results.size.pdfHeightPx, results.size.ratio]],
      notes: ['target: ratio ≤ 1.5', `harness Node CPU over the whole run: ${(results.harnessCpuMs / 1000).toFixed(1)} s`],
    },
  ];
  for (const table of tables) console.log(`\n${formatTable(table)}`);
}

await main();
