/**
 * Export time per format, in-process (no server, no network), for sample
 * plan A and the same plan with every section's blocks repeated five times.
 * Prints the median and range of a few renders after one warm-up, with the
 * load average, since this machine is shared: run it when nothing else runs.
 *
 *   npm run bench:export [-- --runs 5 --times 5]
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSamplePlan, repeatSampleBlocks } from '../editor/repeatedSamplePlan.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { exportRenderers } from '../../server/export/exportRenderers.js';
import type { ExportFormat, ExportInput } from '../../server/export/ExportFormat.js';

const FORMATS: ExportFormat[] = ['docx', 'odt', 'pdf', 'html', 'md'];
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? Number.NaN : Number(process.argv[index + 1]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const runs = option('runs', 3);
  const times = option('times', 5);
  const sample = await readSamplePlan(projectRoot);
  const plans = { 'sample-plan-a': sample, [`sample-plan-a ×${times}`]: repeatSampleBlocks(sample, times) };
  console.log(`load average at start: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
  for (const [name, file] of Object.entries(plans)) {
    const imported = importPlan(file);
    if (!imported.ok) throw new Error(`${name} does not import`);
    const input: ExportInput = {
      snapshot: { plan: imported.plan, statuses: {}, register: [], version: null } as unknown as ExportInput['snapshot'],
      options: { rejected: 'omit' },
      generatedAt: new Date('2026-03-01T10:00:00Z'),
    };
    for (const format of FORMATS) {
      const render = exportRenderers[format];
      if (render === undefined) continue;
      const first = await render(input);
      const timings: number[] = [];
      for (let run = 0; run < runs; run++) {
        const start = performance.now();
        await render(input);
        timings.push(performance.now() - start);
      }
      timings.sort((a, b) => a - b);
      const median = timings[Math.floor(timings.length / 2)] ?? 0;
      console.log(
        `${name.padEnd(22)} ${format.padEnd(5)} median ${median.toFixed(0).padStart(6)} ms  (${(timings[0] ?? 0).toFixed(0)}-${(timings.at(-1) ?? 0).toFixed(0)} ms, ${runs} runs)  ${(first.bytes.length / 1024).toFixed(0)} KiB`,
      );
    }
  }
  console.log(`load average at end: ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
}

await main();
