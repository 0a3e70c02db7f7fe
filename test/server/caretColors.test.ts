import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARET_COLORS, colorForUser } from '../../shared/presence/colorForUser.js';
import { PresenceColors } from '../../server/auth/PresenceColors.js';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { connectClient, waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';

/** User ids whose preferred colours are all the same, so only the assignment can tell them apart. */
function collidingUserIds(count: number): string[] {
  const target = colorForUser('user-0');
  const ids: string[] = [];
  for (let index = 0; ids.length < count; index += 1) if (colorForUser(`user-${index}`) === target) ids.push(`user-${index}`);
  return ids;
}

describe('caret colours', () => {
  it('people whose preferred colour collides get distinct colours, and keep them while present', () => {
    let now = 0;
    const colors = new PresenceColors(() => now);
    const [first, second, third] = collidingUserIds(3) as [string, string, string];
    const present = new Map<string, string>();
    present.set(first, colors.assign('plan', first, present));
    expect(present.get(first)).toBe(colorForUser(first));
    // The second joins before the first socket is registered anywhere: the reservation still counts.
    const secondColor = colors.assign('plan', second, new Map());
    expect(secondColor).not.toBe(present.get(first));
    present.set(second, secondColor);
    present.set(third, colors.assign('plan', third, present));
    expect(new Set(present.values()).size).toBe(3);
    // A second tab of a present user shows the same colour.
    expect(colors.assign('plan', second, present)).toBe(secondColor);
    // Once the first has left and the reservation expired, the colour is free again.
    now += 60_000;
    present.delete(first);
    expect(colors.assign('plan', 'newcomer-with-first-colour', present)).not.toBe(secondColor);
  });

  describe('reservations of upgrades that never opened a connection', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('are dropped when they expire, without anyone joining the plan again', () => {
      vi.useFakeTimers();
      const colors = new PresenceColors();
      for (let plan = 0; plan < 50; plan++) colors.assign(`plan-${plan}`, 'user-refused', new Map());
      colors.assign('plan-open', 'user-joined', new Map());
      colors.release('plan-open', 'user-joined');
      expect(colors.reservedPlanCount).toBe(50);
      vi.advanceTimersByTime(60_000);
      expect(colors.reservedPlanCount).toBe(0);
    });
  });

  it('everyone connected to a plan at once is seen by the others with a distinct colour', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const names = ['Anna', 'Bartek', 'Celina', 'Dawid', 'Ewa', 'Filip', 'Grażyna', 'Henryk'];
    const team = await createTeam(server, Object.fromEntries(names.map((name, index) => [name, index === 0 ? 'chair' : 'member'])));
    const clients = names.map((name) => team.connect(name));
    await Promise.all(clients.map((client) => waitForSync(client)));
    for (const client of clients) client.provider.awareness.setLocalStateField('cursor', null);
    const observer = clients[0];
    if (observer === undefined) throw new Error('no clients');
    const colorsSeen = (): string[] =>
      [...observer.provider.awareness.getStates().entries()]
        .filter(([clientId]) => clientId !== observer.doc.clientID)
        .map(([, state]) => (state['user'] as { color?: string } | undefined)?.color)
        .filter((color): color is string => typeof color === 'string');
    await waitFor(() => colorsSeen().length === names.length - 1, { message: 'the observer never saw everyone' });
    expect(new Set(colorsSeen()).size).toBe(names.length - 1);
    expect(colorsSeen().every((color) => (CARET_COLORS as readonly string[]).includes(color))).toBe(true);
  });

  it('each connection is told the colour the server stamps on it, the one the others see', async () => {
    const server = await startTestServer({ authenticate: 'sessions' });
    const team = await createTeam(server, { Anna: 'chair', Bartek: 'member' });
    const [anna, bartek] = [team.connect('Anna'), team.connect('Bartek')];
    await Promise.all([anna, bartek].map((client) => waitForSync(client)));
    for (const client of [anna, bartek]) client.provider.awareness.setLocalStateField('cursor', null);
    const seenBy = (observer: typeof anna, other: typeof anna): string | undefined =>
      (observer.provider.awareness.getStates().get(other.doc.clientID)?.['user'] as { color?: string } | undefined)?.color;
    await waitFor(() => seenBy(anna, bartek) !== undefined && seenBy(bartek, anna) !== undefined, { message: 'presence never arrived' });
    await waitFor(() => anna.channel.state.presenceColor !== null && bartek.channel.state.presenceColor !== null, { message: 'no PresenceColor message' });
    expect(anna.channel.state.presenceColor).toBe(seenBy(bartek, anna));
    expect(bartek.channel.state.presenceColor).toBe(seenBy(anna, bartek));
  });

  it('the colour told is the granted one, not the user’s usual colour', async () => {
    const granted = CARET_COLORS.find((color) => color !== colorForUser('visitor:Ola')) ?? '#0e7490';
    const server = await startTestServer({ authenticate: async () => ({ identity: { userId: 'visitor:Ola', name: 'Ola', color: granted }, accessMode: 'read-write' }) });
    const client = connectClient(server.collabUrl, 'plan-colour');
    await waitForSync(client);
    await waitFor(() => client.channel.state.presenceColor !== null, { message: 'no PresenceColor message' });
    expect(client.channel.state.presenceColor).toBe(granted);
  });
});
