import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { findBlock } from '../helpers/findBlock.js';
import { blockFieldNode, firstParagraphText } from '../helpers/blockFieldNode.js';
import * as Y from 'yjs';
import { importSamplePlan } from '../helpers/importSamplePlan.js';
import { teamMember } from '../helpers/teamMember.js';
import type { PlanComparison } from '../../shared/versions/comparePlans.js';
import type { OpenProposal, PlanVersion } from '../../shared/versions/PlanVersion.js';
import type { ProposalState } from '../../shared/deliberation/ProposalState.js';

let team: TeamFixture;
let planId: string;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', member: 'member', observer: 'observer' });
  const imported = await importSamplePlan(teamMember(team, 'chair'), team.workspaceId);
  planId = imported.body.id;
  return dispose;
}, 60_000);

function connect(person: string): TestClient {
  return connectClient(team.server.collabUrl, planId, { name: person, headers: { cookie: team.people[person]?.cookie ?? '' } });
}

type MeasuredValue = { value: number; year: number | null };

/** KI-1.1's first indicator row (a directionIndicator node whose unit, baseline and target are attributes). */
function firstIndicatorRow(client: TestClient): Y.XmlElement {
  const list = findBlock(client, 'KI-1.1').toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === 'directionIndicatorList');
  const row = list?.toArray().find((child): child is Y.XmlElement => child instanceof Y.XmlElement);
  if (row === undefined) throw new Error('no indicator');
  return row;
}
const firstTarget = (client: TestClient): number => (firstIndicatorRow(client).getAttribute('target') as unknown as MeasuredValue | undefined)?.value ?? NaN;

function setFirstTarget(client: TestClient, value: number): void {
  const row = firstIndicatorRow(client);
  const target = structuredClone(row.getAttribute('target') as unknown as MeasuredValue);
  row.setAttribute('target', { ...target, value } as unknown as string);
}

const get = <T>(person: string, path: string) => team.people[person]?.request<T>('GET', path);
const post = <T>(person: string, path: string, body?: unknown) => team.people[person]?.request<T & { error: { code: string; details: { open: OpenProposal[] } } }>('POST', path, body);

describe('versions', () => {
  it('saves a version, compares it with the draft field by field, and restores it for every client', async () => {
    const anna = connect('member');
    const chair = connect('chair');
    await Promise.all([waitForSync(anna), waitForSync(chair)]);
    const original = firstTarget(anna);

    expect((await post('observer', `/plans/${planId}/versions`, { name: 'x' }))?.status).toBe(403);
    const announced: string[] = [];
    chair.channel.onPlanEvent((event) => {
      if (event.type === 'versionSaved') announced.push(event.version.name);
    });
    const saved = await post<{ version: PlanVersion }>('member', `/plans/${planId}/versions`, { name: 'Przed spotkaniem nr 5', note: 'stan na 10.03' });
    expect(saved?.status).toBe(201);
    await waitFor(() => announced.includes('Przed spotkaniem nr 5'), { message: 'the new version was not announced live' });
    const versionId = saved?.body.version.id ?? '';
    const listed = await get<{ versions: PlanVersion[] }>('observer', `/plans/${planId}/versions`);
    expect(listed?.body.versions.map((version) => [version.name, version.createdByName])).toEqual([['Przed spotkaniem nr 5', 'member']]);

    setFirstTarget(anna, original + 6);
    // A word typed into the description, as the editor would type it into the field's paragraph.
    const descriptionStart = blockFieldNode(findBlock(anna, 'KI-1.1'), 'description').toString();
    firstParagraphText(findBlock(anna, 'KI-1.1'), 'description').insert(0, 'Pilnie ');
    await anna.channel.whenSaved();
    const comparison = await get<{ comparison: PlanComparison }>('observer', `/plans/${planId}/compare?from=${versionId}&to=draft`);
    const change = comparison?.body.comparison.blockChanges.find((entry) => entry.blockId === 'KI-1.1');
    if (change?.kind !== 'changed') throw new Error(`KI-1.1 not changed: ${JSON.stringify(change)}`);
    // The attribute changes as a whole, the text word by word.
    expect(change.changes.find((entry) => entry.field === 'indicators[0].target.value')).toEqual({ field: 'indicators[0].target.value', from: original, to: original + 6 });
    const description = change.changes.find((entry) => entry.field === 'description');
    expect(description?.parts?.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['Pilnie']);
    expect(description?.parts?.some((part) => part.removed)).toBe(false);
    expect(String(description?.to)).toMatch(/^Pilnie W powiatach/);
    expect(change.changes).toHaveLength(2);
    // KI-1.1 came agreed with the file: its changed text is no longer the agreed one.
    expect(comparison?.body.comparison.blockChanges.slice(1)).toEqual([
      { kind: 'statusChanged', blockId: 'KI-1.1', blockType: 'interventionDirection', title: change.title, from: 'agreed', to: 'changedSinceAgreement' },
    ]);

    const viewed = await get<{ plan: { sections: unknown[] } }>('observer', `/plans/${planId}/versions/${versionId}`);
    expect(viewed?.body.plan.sections.length).toBeGreaterThan(0);

    expect((await post('observer', `/plans/${planId}/versions/${versionId}/restore`))?.status).toBe(403);
    expect((await post('chair', `/plans/${planId}/versions/${versionId}/restore`))?.status).toBe(204);
    await waitFor(() => firstTarget(anna) === original && firstTarget(chair) === original, { message: 'clients did not converge to the version' });
    await waitFor(() => blockFieldNode(findBlock(chair, 'KI-1.1'), 'description').toString() === descriptionStart, { message: 'the description was not restored' });
    expect(anna.text()).toBe(chair.text());
    const afterRestore = await get<{ comparison: PlanComparison }>('chair', `/plans/${planId}/compare?from=${versionId}&to=draft`);
    expect(afterRestore?.body.comparison.blockChanges).toEqual([]);
    expect(afterRestore?.body.comparison.textChanges).toEqual([]);
  });

  it('freezes the agreed version only for the chair and only when no proposal is open; its export never changes', async () => {
    const open = await get<{ open: OpenProposal[] }>('member', `/plans/${planId}/agreement`);
    expect(open?.body.open.length).toBeGreaterThan(0);
    const decision = { decisionDate: '2026-03-12', decisionReference: 'protokół nr 4 z 12.03.2026' };
    expect((await post('member', `/plans/${planId}/agreed-versions`, decision))?.status).toBe(403);
    const refused = await post('chair', `/plans/${planId}/agreed-versions`, decision);
    expect(refused?.status).toBe(409);
    expect(refused?.body.error.code).toBe('openProposals');
    expect(refused?.body.error.details.open.map((entry) => entry.blockId).sort()).toEqual(open?.body.open.map((entry) => entry.blockId).sort());

    for (const proposal of open?.body.open ?? []) {
      if (proposal.status === 'draft' || proposal.status === 'withdrawn') {
        await post('chair', `/plans/${planId}/proposals/${proposal.blockId}/transitions`, { to: 'proposed' });
      }
      const decided = await post<{ proposal: ProposalState }>('chair', `/plans/${planId}/proposals/${proposal.blockId}/transitions`, { to: 'agreed', note: 'protokół nr 4', method: 'consensus' });
      expect(decided?.status).toBe(200);
    }
    const frozen = await post<{ version: PlanVersion }>('chair', `/plans/${planId}/agreed-versions`, decision);
    expect(frozen?.status).toBe(201);
    expect(frozen?.body.version.agreed).toEqual({ number: 1, ...decision });
    expect(frozen?.body.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const versionId = frozen?.body.version.id ?? '';

    const before = await fetch(`${team.server.httpUrl}/api/plans/${planId}/export?format=json&version=${versionId}`, { headers: { cookie: team.people.chair?.cookie ?? '' } });
    const beforeBytes = Buffer.from(await before.arrayBuffer());
    const anna = connect('member');
    await waitForSync(anna);
    setFirstTarget(anna, 999);
    await anna.channel.whenSaved();
    const after = await fetch(`${team.server.httpUrl}/api/plans/${planId}/export?format=json&version=${versionId}`, { headers: { cookie: team.people.chair?.cookie ?? '' } });
    expect(Buffer.from(await after.arrayBuffer()).equals(beforeBytes)).toBe(true);
    const draft = await get<{ sections: unknown[] }>('chair', `/plans/${planId}/export?format=json`);
    expect(JSON.stringify(draft?.body)).toContain('999');
    expect(beforeBytes.toString()).not.toContain('"value": 999');
  });
});
