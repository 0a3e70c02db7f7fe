import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';

let team: TeamFixture;
let sample: Record<string, unknown> & { sections: Array<{ key: string; blocks: Array<Record<string, unknown>> }> };

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', member: 'member' });
  sample = JSON.parse(await readFile('shared/domain/samples/sample-plan-a.json', 'utf8'));
  return dispose;
}, 60_000);

describe('plan JSON interchange over the API', () => {
  it('imports sample-plan-a.json (format 1) and exports the same plan in format 2', async () => {
    const imported = await team.people.chair?.request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans/import`, sample);
    expect(imported?.status).toBe(201);
    const exported = await team.people.member?.request('GET', `/plans/${imported?.body.id}/export?format=json`);
    expect(exported?.status).toBe(200);
    // Format 2 only adds formatted block text: a plan without formatting is written as before.
    expect(exported?.body).toEqual({ ...sample, schemaVersion: 2 });
  });

  it('rejects an invalid file with the path of the error and creates nothing', async () => {
    const broken = structuredClone(sample);
    const directionSection = broken.sections.findIndex((section) => section.blocks.some((block) => block.type === 'interventionDirection'));
    const blockIndex = broken.sections[directionSection]?.blocks.findIndex((block) => block.type === 'interventionDirection') ?? -1;
    const block = broken.sections[directionSection]?.blocks[blockIndex];
    if (!block) throw new Error('sample has no direction');
    block.targetGroups = ['foo'];
    const before = await team.people.chair?.request<{ plans: unknown[] }>('GET', `/workspaces/${team.workspaceId}/plans`);
    const response = await team.people.chair?.request<{ error: { code: string; message: string } }>('POST', `/workspaces/${team.workspaceId}/plans/import`, broken);
    expect(response?.status).toBe(400);
    expect(response?.body.error.code).toBe('invalidPlan');
    expect(response?.body.error.message).toContain(`sections[${directionSection}].blocks[${blockIndex}].targetGroups[0]`);
    expect(response?.body.error.message).toContain("'foo'");
    const after = await team.people.chair?.request<{ plans: unknown[] }>('GET', `/workspaces/${team.workspaceId}/plans`);
    expect(after?.body.plans.length).toBe(before?.body.plans.length);
  });

  it('members cannot import; a new plan starts from its kind template', async () => {
    expect((await team.people.member?.request('POST', `/workspaces/${team.workspaceId}/plans/import`, sample))?.status).toBe(403);
    const created = await team.people.chair?.request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans`, { title: 'LPDI Gminy X', kind: 'local' });
    const exported = await team.people.chair?.request<{ title: string; kind: string; sections: Array<{ key: string }> }>('GET', `/plans/${created?.body.id}/export`);
    expect(exported?.body.title).toBe('LPDI Gminy X');
    expect(exported?.body.kind).toBe('local');
    expect(exported?.body.sections.map((section) => section.key)).toContain('dzialania');
  });
});
