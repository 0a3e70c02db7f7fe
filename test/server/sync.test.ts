import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../helpers/startTestServer.js';
import { appendParagraph, connectClient, waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';

describe('sync between real clients', () => {
  it('three clients editing concurrently end identical', async () => {
    const { collabUrl } = await startTestServer();
    const clients = ['Anna', 'Bartek', 'Celina'].map((name) => connectClient(collabUrl, 'plan-1', { name }));
    await Promise.all(clients.map((client) => waitForSync(client)));
    for (let round = 0; round < 20; round++) {
      clients.forEach((client, index) => appendParagraph(client, `${index}:${round}`));
    }
    await waitFor(() => clients.every((client) => client.content.length === 60), { message: 'not all 60 paragraphs arrived' });
    const states = clients.map((client) => Y.encodeStateVector(client.doc).toString());
    expect(new Set(states).size).toBe(1);
    const texts = clients.map((client) => client.text());
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  });

  it('merges edits made while disconnected', async () => {
    const { collabUrl } = await startTestServer();
    const online = connectClient(collabUrl, 'plan-offline', { name: 'Online' });
    const offline = connectClient(collabUrl, 'plan-offline', { name: 'Offline' });
    await Promise.all([waitForSync(online), waitForSync(offline)]);
    appendParagraph(online, 'before');
    await waitFor(() => offline.content.length === 1);

    offline.provider.disconnect();
    appendParagraph(offline, 'written offline');
    appendParagraph(online, 'written online');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(online.text()).not.toContain('written offline');

    offline.provider.connect();
    await waitFor(() => online.content.length === 3 && offline.content.length === 3, { message: 'offline edits did not merge' });
    expect(online.text()).toBe(offline.text());
    expect(online.text()).toContain('written offline');
  });

  it('content survives a server restart', async () => {
    const first = await startTestServer();
    const writer = connectClient(first.collabUrl, 'plan-restart');
    await waitForSync(writer);
    appendParagraph(writer, 'Diagnoza: brak mieszkań wspomaganych');
    await writer.channel.whenSaved();
    writer.destroy();
    const second = await first.restart();
    const reader = connectClient(second.collabUrl, 'plan-restart');
    await waitForSync(reader);
    expect(reader.text()).toBe('Diagnoza: brak mieszkań wspomaganych');
  });
});
