import { beforeAll, describe, expect, it } from 'vitest';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { appendParagraph, waitForSync } from '../helpers/connectClient.js';
import { teamMember } from '../helpers/teamMember.js';
import { waitFor } from '../helpers/waitFor.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import type { PlanVersion } from '../../shared/versions/PlanVersion.js';

let team: TeamFixture;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { 'Anna Kowalska': 'chair', 'Bartek Nowak': 'member', 'Olga Wiśniewska': 'observer' });
  return dispose;
}, 60_000);

describe('restoring a version', () => {
  it('tells every member on the plan who restored which version, live', async () => {
    const clients = ['Anna Kowalska', 'Bartek Nowak', 'Olga Wiśniewska'].map((name) => {
      const client = team.connect(name);
      const events: PlanEvent[] = [];
      client.channel.onPlanEvent((event) => events.push(event));
      return { client, events };
    });
    await Promise.all(clients.map(({ client }) => waitForSync(client)));
    const saved = await teamMember(team, 'Anna Kowalska').request<{ version: PlanVersion }>('POST', `/plans/${team.planId}/versions`, { name: 'Przed posiedzeniem nr 5' });
    expect(saved.status).toBe(201);
    const [, bartek] = clients;
    if (!bartek) throw new Error('no client');
    appendParagraph(bartek.client, 'Akapit dopisany po zapisaniu wersji');
    await bartek.client.channel.whenSaved();

    // An observer may not restore, and nobody is told of a refused restore.
    expect((await teamMember(team, 'Olga Wiśniewska').request('POST', `/plans/${team.planId}/versions/${saved.body.version.id}/restore`)).status).toBe(403);
    const restored = await teamMember(team, 'Bartek Nowak').request('POST', `/plans/${team.planId}/versions/${saved.body.version.id}/restore`);
    expect(restored.status).toBe(204);
    for (const { client, events } of clients) {
      await waitFor(() => events.some((event) => event.type === 'versionRestored'), { message: 'a member was not told of the restore' });
      const notices = events.filter((event) => event.type === 'versionRestored');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        type: 'versionRestored',
        version: { id: saved.body.version.id, name: 'Przed posiedzeniem nr 5' },
        restoredBy: { id: teamMember(team, 'Bartek Nowak').userId, name: 'Bartek Nowak' },
      });
      await waitFor(() => !client.text().includes('Akapit dopisany'), { message: 'the restore did not reach a client' });
    }
  });
});
