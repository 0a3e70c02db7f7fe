import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { registerUser } from '../helpers/apiClient.js';
import { appendParagraph, connectClient, waitForSync } from '../helpers/connectClient.js';
import { InstanceCluster } from '../helpers/InstanceCluster.js';
import { NginxServer } from '../helpers/NginxServer.js';
import { privateClusterBackends } from '../helpers/clusterBackends.js';
import { waitFor } from '../helpers/waitFor.js';

const backends = privateClusterBackends();

describe('the nginx example of docs/deployment.md', () => {
  it('a stock provider edits through nginx, one instance stops, the provider reconnects through nginx and loses nothing', async () => {
    const cluster = await InstanceCluster.start({ count: 2, databaseUrl: await backends.postgres.createDatabase(), redisUrl: backends.redis.url, env: { TRUST_PROXY: 'true' } });
    const [first, second] = [cluster.instance(0), cluster.instance(1)];
    const nginx = await NginxServer.start(path.resolve('docs/deployment/nginx.conf'), (config, port) => {
      const upstreams = config.match(/server 127\.0\.0\.1:\d+/g) ?? [];
      if (upstreams.length !== 2 || !/listen 8080;/.test(config)) throw new Error('docs/deployment/nginx.conf changed shape: update this test');
      return config
        .replace(upstreams[0] ?? '', `server 127.0.0.1:${first.port}`)
        .replace(upstreams[1] ?? '', `server 127.0.0.1:${second.port}`)
        .replace('listen 8080;', `listen 127.0.0.1:${port};`);
    });
    onTestFinished(() => nginx.stop());

    // Every request goes through nginx, round robin: registering, the workspace and the plan land on both instances.
    const chair = await registerUser(nginx, 'Przewodnicząca');
    const workspace = await chair.request<{ workspace: { id: string } }>('POST', '/workspaces', { name: 'Zespół' });
    const plan = await chair.request<{ id: string }>('POST', `/workspaces/${workspace.body.workspace.id}/plans`, { title: 'LPDI', kind: 'local' });
    expect(plan.status).toBe(201);
    const editor = connectClient(nginx.collabUrl, plan.body.id, { name: 'Przewodnicząca', headers: { cookie: chair.cookie ?? '' } });
    const reader = connectClient(nginx.collabUrl, plan.body.id, { name: 'Czytelnik', headers: { cookie: chair.cookie ?? '' } });
    await Promise.all([waitForSync(editor), waitForSync(reader)]);
    for (let index = 0; index < 20; index++) appendParagraph(editor, `przed ${index}`);
    await waitFor(() => reader.text().includes('przed 19'), { message: 'the reader did not see the edits through nginx' });

    // Round robin put the two sockets on different instances: stopping one drops one of them.
    const disconnected: string[] = [];
    for (const [name, client] of [['editor', editor], ['reader', reader]] as const) {
      client.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') disconnected.push(name);
      });
    }
    await cluster.stop(0);
    await waitFor(() => disconnected.length > 0, { message: 'stopping an instance dropped no socket' });
    for (let index = 0; index < 20; index++) appendParagraph(editor, `po ${index}`);
    await waitFor(() => [editor, reader].every((client) => client.provider.wsconnected && client.provider.synced), {
      timeoutMs: 15_000,
      message: `${disconnected.join()} did not reconnect through nginx`,
    });
    await editor.channel.whenSaved();
    await waitFor(() => reader.text().includes('po 19'), { timeoutMs: 15_000, message: 'the reader lost edits made across the stop' });

    const fresh = connectClient(nginx.collabUrl, plan.body.id, { name: 'Nowy', headers: { cookie: chair.cookie ?? '' } });
    await waitForSync(fresh);
    for (let index = 0; index < 20; index++) {
      expect(fresh.text()).toContain(`przed ${index}`);
      expect(fresh.text()).toContain(`po ${index}`);
    }
    const health = await (await fetch(`${nginx.httpUrl}/api/health`)).json() as { status: string; instance: string };
    expect(health).toMatchObject({ status: 'ok', instance: 'instance-1' });
  }, 90_000);
});
