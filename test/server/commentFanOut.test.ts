import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../helpers/startTestServer.js';
import { createTeam } from '../helpers/teamFixture.js';
import { waitForSync } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import type { Comment, CommentThread } from '../../shared/deliberation/CommentThread.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';

const anywhere = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('x'), 0))).toString('base64');
const COMMENTS = 1_000;

describe('comment fan-out', () => {
  it(`${COMMENTS} comments in one thread: every event and answer carries one comment, and a peer's bytes grow linearly`, async () => {
    const server = await startTestServer({ authenticate: 'sessions', config: { maxCommentsPerMinute: COMMENTS * 2 } });
    const team = await createTeam(server, { chair: 'chair', anna: 'member', bartek: 'member' });
    const bartek = team.connect('bartek');
    await waitForSync(bartek);
    const events: PlanEvent[] = [];
    bartek.channel.onPlanEvent((event) => events.push(event));
    // Every byte the peer's socket receives from now on, plan events and anything else.
    let receivedBytes = 0;
    const socket = bartek.provider.ws;
    if (socket === null) throw new Error('peer not connected');
    socket.addEventListener('message', (message: MessageEvent<ArrayBuffer>) => {
      receivedBytes += message.data.byteLength;
    });

    const created = await team.people.anna?.request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'range', start: anywhere, end: anywhere, quote: 'x' },
      body: 'Komentarz 0: czy mamy dane o liczbie miejsc w mieszkaniach wspomaganych?',
    });
    expect(created?.status).toBe(201);
    const threadId = created?.body.thread.id ?? '';
    const bytesAfter: number[] = [];
    const answerSizes: number[] = [];
    const BATCH = 10;
    for (let start = 1; start < COMMENTS; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, COMMENTS - start) }, (_, offset) => start + offset);
      const answers = await Promise.all(
        batch.map(async (index) => {
          const response = await fetch(`${server.httpUrl}/api/threads/${threadId}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: team.people.anna?.cookie ?? '' },
            body: JSON.stringify({ body: `Komentarz ${index}: czy mamy dane o liczbie miejsc w mieszkaniach wspomaganych?` }),
          });
          const text = await response.text();
          expect(response.status).toBe(201);
          return { index, text };
        }),
      );
      for (const { index, text } of answers) {
        answerSizes.push(text.length);
        const body = JSON.parse(text) as { comment: Comment; thread?: unknown };
        expect(body.thread).toBeUndefined();
        expect(body.comment.body).toBe(`Komentarz ${index}: czy mamy dane o liczbie miejsc w mieszkaniach wspomaganych?`);
      }
      const expected = start + batch.length;
      await waitFor(() => events.length >= expected, { message: `peer got ${events.length} of ${expected} events` });
      bytesAfter.push(receivedBytes);
    }

    expect(events).toHaveLength(COMMENTS);
    const [first, ...replies] = events;
    expect(first?.type === 'threadCreated' && first.thread.comments.length).toBe(1);
    for (const event of replies) {
      expect(event.type).toBe('commentSaved');
      // One comment, not a thread: nothing in the event holds a list of comments.
      expect(JSON.stringify(event)).not.toContain('"comments"');
    }
    // Linear: the second half of the discussion costs the peer about what the first half did (quadratic would be 3x).
    const half = Math.floor(bytesAfter.length / 2);
    const firstHalf = bytesAfter[half - 1] ?? 0;
    const secondHalf = (bytesAfter.at(-1) ?? 0) - firstHalf;
    expect(secondHalf / firstHalf).toBeGreaterThan(0.8);
    expect(secondHalf / firstHalf).toBeLessThan(1.25);
    // And each event stays small: under 1 KiB per comment on average.
    expect((bytesAfter.at(-1) ?? 0) / COMMENTS).toBeLessThan(1024);
    expect(Math.max(...answerSizes)).toBeLessThan(1024);
    console.log(`fan-out: ${COMMENTS} comments, peer received ${bytesAfter.at(-1)} bytes (${firstHalf} + ${secondHalf}), largest answer ${Math.max(...answerSizes)} bytes`);

    // The thread as listed afterwards holds them all, in order.
    const listed = await team.people.bartek?.request<{ threads: CommentThread[] }>('GET', `/plans/${team.planId}/threads`);
    const comments = listed?.body.threads.find((thread) => thread.id === threadId)?.comments ?? [];
    expect(comments).toHaveLength(COMMENTS);
  }, 180_000);

  it('limits how fast one person writes comments, and stores nothing refused', async () => {
    const server = await startTestServer({ authenticate: 'sessions', config: { maxCommentsPerMinute: 5 } });
    const team = await createTeam(server, { chair: 'chair', anna: 'member', bartek: 'member' });
    const created = await team.people.anna?.request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'range', start: anywhere, end: anywhere, quote: 'x' },
      body: 'Pierwszy',
    });
    const threadId = created?.body.thread.id ?? '';
    const anna = team.people.anna;
    if (!anna) throw new Error('no anna');
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        anna.request<{ error?: { code: string; details: { retryAfterSeconds: number } } }>('POST', `/threads/${threadId}/comments`, { body: `Odpowiedź ${index}` }),
      ),
    );
    expect(replies.filter((reply) => reply?.status === 201)).toHaveLength(4);
    const refused = replies.filter((reply) => reply?.status === 429);
    expect(refused).toHaveLength(4);
    expect(refused[0]?.body.error?.code).toBe('tooManyComments');
    expect(refused[0]?.body.error?.details.retryAfterSeconds).toBeGreaterThan(0);
    // Someone else on the team is not slowed down by Anna.
    expect((await team.people.bartek?.request('POST', `/threads/${threadId}/comments`, { body: 'Bartek' }))?.status).toBe(201);
    const listed = await team.people.chair?.request<{ threads: CommentThread[] }>('GET', `/plans/${team.planId}/threads`);
    expect(listed?.body.threads.find((thread) => thread.id === threadId)?.comments).toHaveLength(6);
  }, 60_000);
});
