import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import { RedisPlanUpdateFeed } from '../../server/cluster/RedisPlanUpdateFeed.js';
import type { FeedListener } from '../../server/cluster/PlanUpdateFeed.js';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import { RedisServer } from '../helpers/RedisServer.js';
import { waitFor } from '../helpers/waitFor.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await RedisServer.start();
}, 30_000);
afterAll(async () => {
  await redis?.stop();
});

function openFeed(instanceId: string, options: { idleStreamTtlMs?: number } = {}): RedisPlanUpdateFeed {
  const feed = new RedisPlanUpdateFeed({ url: redis.url, instanceId, ...options });
  onTestFinished(() => feed.close());
  return feed;
}

/** What one instance's copy of a plan receives through the feed. */
class FollowingDocument implements FeedListener {
  readonly doc = new Y.Doc();
  received = 0;
  gaps = 0;
  /** Stands in for the shared database: what a gap makes the instance catch up from. */
  store: Y.Doc | null = null;
  updates(updates: Uint8Array[]): void {
    this.received += updates.length;
    for (const update of updates) Y.applyUpdate(this.doc, update, 'feed');
  }
  gap(): void {
    this.gaps += 1;
    if (this.store) Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.store, Y.encodeStateVector(this.doc)), 'store');
  }
  text(): string {
    return this.doc.getXmlFragment(CONTENT_FIELD).toString();
  }
}

/** An editing Y.Doc whose every update is published by `feed`, like an instance after its commit. */
function publishingDocument(feed: RedisPlanUpdateFeed, name: string): Y.Doc {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => void feed.publish(name, update));
  return doc;
}

function type(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const content = doc.getXmlFragment(CONTENT_FIELD);
  content.insert(content.length, [paragraph]);
}

async function connected(...feeds: RedisPlanUpdateFeed[]): Promise<void> {
  await waitFor(() => feeds.every((feed) => feed.status() === 'connected'), { message: 'feeds never connected' });
}

describe('RedisPlanUpdateFeed (real redis-server)', () => {
  it('delivers other instances’ updates in order, never an instance’s own', async () => {
    const [first, second] = [openFeed('instance-a'), openFeed('instance-b')];
    await connected(first, second);
    const atSecond = new FollowingDocument();
    const atFirst = new FollowingDocument();
    await second.follow('plan/order', atSecond);
    await first.follow('plan/order', atFirst);
    const editor = publishingDocument(first, 'plan/order');
    for (let index = 0; index < 200; index++) type(editor, `akapit ${index}`);
    await waitFor(() => atSecond.received === 200, { message: `instance B received ${atSecond.received} of 200` });
    expect(atSecond.text()).toBe(editor.getXmlFragment(CONTENT_FIELD).toString());
    expect(atSecond.doc.store.pendingStructs).toBeNull();
    expect(atFirst.received).toBe(0);
    expect(atSecond.gaps).toBe(0);
  });

  it('starts at the moment of following: what came before is the store’s to give', async () => {
    const [first, second] = [openFeed('instance-a'), openFeed('instance-b')];
    await connected(first, second);
    const editor = publishingDocument(first, 'plan/position');
    type(editor, 'przed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const follower = new FollowingDocument();
    await second.follow('plan/position', follower);
    type(editor, 'po');
    await waitFor(() => follower.received === 1, { message: 'the update after following never arrived' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(follower.received).toBe(1);
  });

  it('deletes a stream nobody published to for a while, and a follower goes on receiving after it', async () => {
    const [first, second] = [openFeed('instance-a', { idleStreamTtlMs: 300 }), openFeed('instance-b', { idleStreamTtlMs: 300 })];
    await connected(first, second);
    const follower = new FollowingDocument();
    await second.follow('plan/idle', follower);
    const editor = publishingDocument(first, 'plan/idle');
    type(editor, 'pierwszy');
    await waitFor(() => follower.received === 1, { message: 'the first update never arrived' });
    const inspector = new Redis(redis.url);
    onTestFinished(() => void inspector.quit());
    expect(await inspector.exists('plan-editor:updates:plan/idle')).toBe(1);
    await waitFor(async () => (await inspector.exists('plan-editor:updates:plan/idle')) === 0, { message: 'the idle stream stayed in Redis' });
    type(editor, 'drugi');
    await waitFor(() => follower.received === 2, { message: 'the update after the stream expired never arrived' });
    expect(follower.text()).toBe(editor.getXmlFragment(CONTENT_FIELD).toString());
  });

  it('a Redis restart is reported as a gap to every follower, and the feed works again afterwards', async () => {
    const [first, second] = [openFeed('instance-a'), openFeed('instance-b')];
    await connected(first, second);
    const follower = new FollowingDocument();
    await second.follow('plan/restart', follower);
    const editor = publishingDocument(first, 'plan/restart');
    type(editor, 'przed awarią');
    await waitFor(() => follower.received === 1, { message: 'first update never arrived' });

    await redis.halt();
    await waitFor(() => first.status() === 'reconnecting' && second.status() === 'reconnecting', { message: 'feeds never noticed the outage' });
    type(editor, 'w czasie awarii'); // published into the void: B must learn it missed something
    await redis.restart();
    await connected(first, second);
    await waitFor(() => follower.gaps > 0, { message: 'no gap reported after the restart' });
    // Without the catch-up the update below could not be applied: it builds on the lost one.
    expect(follower.text()).not.toContain('w czasie awarii');
    follower.store = editor;
    follower.gap();

    type(editor, 'po awarii');
    await waitFor(() => follower.received === 2, { message: 'the feed did not resume' });
    expect(follower.text()).toBe(editor.getXmlFragment(CONTENT_FIELD).toString());
    expect(follower.doc.store.pendingStructs).toBeNull();
  }, 30_000);

  it('an instance that could not publish tells the others once Redis is back', async () => {
    const [first, second] = [openFeed('instance-a'), openFeed('instance-b')];
    await connected(first, second);
    const follower = new FollowingDocument();
    await second.follow('plan/marker', follower);
    await redis.halt();
    await waitFor(() => first.status() === 'reconnecting', { message: 'never noticed the outage' });
    await first.publish('plan/marker', Y.encodeStateAsUpdate(publishingDocument(first, 'unused')));
    await redis.restart();
    await connected(first, second);
    const inspector = new Redis(redis.url);
    onTestFinished(() => void inspector.disconnect());
    await waitFor(
      async () => (await inspector.xrange('plan-editor:updates:plan/marker', '-', '+')).some(([, fields]) => fields.join() === 'i,instance-a,g,1'),
      { message: 'instance A never wrote its catch-up marker' },
    );
    // The reader's own reconnect reports one gap; the marker entry reports another.
    await waitFor(() => follower.gaps >= 2, { message: 'the marker never reached instance B' });
  }, 30_000);
});
