import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import { readZip } from '../helpers/readZip.js';

// The DOCX lays out its pages to number the contents (about 2 s for the sample plan on this
// machine) and the PDF takes about 0.5 s: rendered on the server's thread, every co-editor on the
// instance would wait that long for their keystrokes. The server here runs in this test's process,
// so a stall of its event loop is a stall of ours. The bound is relative to the export's own
// duration, not a fixed time, so it holds on a slow machine and fails if rendering moves back.
describe('office exports render off the server thread', () => {
  it('the event loop never stalls for more than a fraction of a DOCX or PDF export', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { chair: 'chair' });
    const imported = await importSamplePlan(teamMember(team, 'chair'), team.workspaceId);
    expect(imported.status).toBe(201);
    const download = async (format: string) => {
      const response = await fetch(`${server.httpUrl}/api/plans/${imported.body.id}/export?format=${format}`, {
        headers: { cookie: team.people.chair?.cookie ?? '' },
      });
      expect(response.status, format).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    // The first export starts the worker; measure the ones after it.
    await download('odt');

    for (const format of ['docx', 'pdf']) {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      const started = performance.now();
      const bytes = await download(format);
      const durationMs = performance.now() - started;
      delay.disable();
      const longestStallMs = delay.max / 1e6;
      if (format === 'docx') expect(readZip(bytes).get('word/document.xml')?.toString('utf8')).toContain('Heading1');
      else expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(longestStallMs, `${format}: longest stall ${longestStallMs.toFixed(0)} ms of a ${durationMs.toFixed(0)} ms export`).toBeLessThan(durationMs / 3);
    }
  }, 90_000);
});
