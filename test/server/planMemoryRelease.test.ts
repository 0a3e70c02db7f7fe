import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { connectClient, waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';

const PLANS = 12;

// Issue 14 item 5: a server that served thousands of plans must not keep something for each
// after everyone left. Every per-plan and per-connection map is counted (PlanServer.planEntryCounts).
describe('what the server keeps per plan', () => {
  it('is released once the last client of each plan left and the plan unloaded', async () => {
    const server = await startTestServer({ authenticate: 'sessions', config: { unloadDelayMs: 50 } });
    const team = await createTeam(server, { Anna: 'chair', Bartek: 'member' });
    const anna = team.people.Anna;
    if (!anna) throw new Error('no chair');
    const planIds = [team.planId];
    while (planIds.length < PLANS) {
      const created = await anna.request<{ id: string }>('POST', `/workspaces/${team.workspaceId}/plans`, { title: `Plan ${planIds.length + 1}`, kind: 'regional' });
      expect(created.status).toBe(201);
      planIds.push(created.body.id);
    }
    const counts = (): Record<string, number> => server.server.planEntryCounts();

    const clients: TestClient[] = [];
    for (const planId of planIds) {
      for (const person of ['Anna', 'Bartek']) {
        clients.push(connectClient(server.collabUrl, planId, { name: person, headers: { cookie: team.people[person]?.cookie ?? '' } }));
      }
    }
    await Promise.all(clients.map((client) => waitForSync(client)));
    // An edit on every plan, so the agreement watcher reads (and caches) each plan's agreements.
    for (const client of clients.filter((_, index) => index % 2 === 0)) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Zmiana przed wyjściem')]);
      client.content.push([paragraph]);
    }
    await waitFor(() => counts()['proposals.cachedAgreements'] === PLANS, { message: `agreements were not read for every plan: ${JSON.stringify(counts())}` });
    // What is counted while everyone is connected, so the zeros below are not zeros of nothing.
    expect(counts()).toMatchObject({ 'registry.documents': PLANS, 'registry.ready': PLANS, 'liveAccess.plans': PLANS, 'agreementWatcher.plans': PLANS });
    expect(counts()['syncServer.indexes']).toBeGreaterThanOrEqual(PLANS);

    for (const client of clients) client.destroy();
    // Every socket closed and every plan unloaded (flushed, compacted, destroyed)...
    const isUnloaded = (): boolean => {
      const now = counts();
      return now['syncServer.indexes'] === 0 && now['registry.documents'] === 0 && now['registry.unloading'] === 0 && now['registry.ready'] === 0;
    };
    await waitFor(isUnloaded, { timeoutMs: 15_000, message: 'the plans were not unloaded after everyone left' });
    // ...and then nothing else may be left for them either.
    expect(counts()).toEqual(Object.fromEntries(Object.keys(counts()).map((map) => [map, 0])));
  }, 60_000);
});
