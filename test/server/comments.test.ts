import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import type { Comment, CommentThread, ThreadStatus } from '../../shared/deliberation/CommentThread.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';

let team: TeamFixture;

beforeAll(async () => {
  const { testServer, dispose } = await startSharedTestServer({ authenticate: 'sessions' });
  team = await createTeam(testServer, { chair: 'chair', anna: 'member', bartek: 'member', olga: 'observer' });
  return dispose;
}, 60_000);

function paragraphText(client: TestClient, index: number): Y.XmlText {
  const paragraph = client.content.get(index);
  if (!(paragraph instanceof Y.XmlElement)) throw new Error('no paragraph');
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error('no text');
  return text;
}

function writeParagraph(client: TestClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  client.content.insert(client.content.length, [paragraph]);
}

const encode = (position: Y.RelativePosition): string => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

function anchoredText(doc: Y.Doc, thread: CommentThread): string | null {
  if (thread.anchor.kind !== 'range') return null;
  const start = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(thread.anchor.start, 'base64')), doc);
  const end = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(thread.anchor.end, 'base64')), doc);
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return null;
  return start.type.toString().slice(start.index, end.index);
}

describe('comment threads', () => {
  it('reach every connected client live, replies too, and the anchor follows concurrent edits', async () => {
    const anna = team.connect('anna');
    const bartek = team.connect('bartek');
    const olga = team.connect('olga');
    await Promise.all([anna, bartek, olga].map((client) => waitForSync(client)));
    const received: Record<string, PlanEvent[]> = { bartek: [], olga: [] };
    bartek.channel.onPlanEvent((event) => received.bartek?.push(event));
    olga.channel.onPlanEvent((event) => received.olga?.push(event));

    const index = anna.content.length;
    writeParagraph(anna, 'Rozwój mieszkań wspomaganych w powiatach');
    await waitFor(() => bartek.content.length === index + 1);
    const text = paragraphText(anna, index);
    const quote = 'mieszkań wspomaganych';
    const from = text.toString().indexOf(quote);
    const start = Y.createRelativePositionFromTypeIndex(text, from);
    // assoc -1: the end sticks to the last quoted character, so text typed right after it stays outside.
    const end = Y.createRelativePositionFromTypeIndex(text, from + quote.length, -1);

    const created = await team.people.anna?.request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'range', start: encode(start), end: encode(end), quote },
      body: 'Czy mamy dane o liczbie miejsc?',
      mentions: [team.people.bartek?.userId],
    });
    expect(created?.status).toBe(201);
    const threadId = created?.body.thread.id ?? '';
    await waitFor(() => (received.olga ?? []).some((event) => event.type === 'threadCreated' && event.thread.id === threadId), {
      message: 'observer never saw the new thread',
    });
    expect((received.bartek ?? []).some((event) => event.type === 'mentioned' && event.userId === team.people.bartek?.userId)).toBe(true);

    // Concurrent edits around and inside the anchor from two clients.
    bartek.provider.disconnect();
    paragraphText(anna, index).insert(0, 'Pilny: ');
    const bartekText = paragraphText(bartek, index);
    bartekText.insert(bartekText.toString().indexOf('wspomaganych'), 'chronionych i ');
    bartekText.delete(bartekText.toString().indexOf(' w powiatach'), ' w powiatach'.length);
    bartekText.insert(bartekText.length, ' (2026)');
    bartek.provider.connect();
    await waitFor(() => paragraphText(anna, index).toString() === paragraphText(bartek, index).toString() && anna.text().includes('2026'));
    expect(paragraphText(anna, index).toString()).toBe('Pilny: Rozwój mieszkań chronionych i wspomaganych (2026)');

    const reply = await team.people.olga?.request<{ thread: CommentThread }>('POST', `/threads/${threadId}/comments`, { body: 'Dane są w OZPS.' });
    expect(reply?.status).toBe(201);
    await waitFor(() =>
      (received.bartek ?? []).some((event) => event.type === 'commentSaved' && event.comment.threadId === threadId),
    );
    const listed = await team.people.bartek?.request<{ threads: CommentThread[] }>('GET', `/plans/${team.planId}/threads`);
    const thread = listed?.body.threads.find((candidate) => candidate.id === threadId);
    if (!thread) throw new Error('thread missing');
    expect(anchoredText(bartek.doc, thread)).toBe('mieszkań chronionych i wspomaganych');
    expect(thread.comments.map((comment) => comment.authorName)).toEqual(['anna', 'olga']);
  });

  it('a thread on deleted text stays, with its quote', async () => {
    const anna = team.connect('anna');
    await waitForSync(anna);
    writeParagraph(anna, 'Akapit do usunięcia');
    const index = anna.content.length - 1;
    const text = paragraphText(anna, index);
    const created = await team.people.anna?.request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/threads`, {
      anchor: {
        kind: 'range',
        start: encode(Y.createRelativePositionFromTypeIndex(text, 0)),
        end: encode(Y.createRelativePositionFromTypeIndex(text, 6, -1)),
        quote: 'Akapit',
      },
      body: 'Do usunięcia?',
    });
    anna.content.delete(index, 1);
    await anna.channel.whenSaved();
    const listed = await team.people.chair?.request<{ threads: CommentThread[] }>('GET', `/plans/${team.planId}/threads`);
    const thread = listed?.body.threads.find((candidate) => candidate.id === created?.body.thread.id);
    expect(thread?.anchor.quote).toBe('Akapit');
    expect(thread && anchoredText(anna.doc, thread)).toBeFalsy();
  });

  it('only the author edits or deletes a comment; anyone on the team resolves and reopens', async () => {
    const chair = team.connect('chair');
    await waitForSync(chair);
    const block = new Y.XmlElement('interventionDirection');
    block.setAttribute('id', 'KI-1.1');
    chair.content.insert(chair.content.length, [block]);
    await chair.channel.whenSaved();
    const created = await team.people.anna?.request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'block', blockId: 'KI-1.1', quote: 'x' },
      body: 'Oryginał',
    });
    const thread = created?.body.thread;
    const commentId = thread?.comments[0]?.id ?? '';
    expect((await team.people.bartek?.request('PATCH', `/comments/${commentId}`, { body: 'Podmiana' }))?.status).toBe(403);
    expect((await team.people.chair?.request('DELETE', `/comments/${commentId}`))?.status).toBe(403);
    expect((await team.people.anna?.request('PATCH', `/comments/${commentId}`, { body: 'Poprawione' }))?.status).toBe(200);
    const resolved = await team.people.olga?.request<{ status: ThreadStatus }>('POST', `/threads/${thread?.id}/resolve`);
    expect(resolved?.body.status).toMatchObject({ threadId: thread?.id, status: 'resolved', resolvedBy: team.people.olga?.userId });
    const reopened = await team.people.bartek?.request<{ status: ThreadStatus }>('POST', `/threads/${thread?.id}/reopen`);
    expect(reopened?.body.status).toEqual({ threadId: thread?.id, status: 'open', resolvedBy: null, resolvedAt: null });
    const deleted = await team.people.anna?.request<{ comment: Comment }>('DELETE', `/comments/${commentId}`);
    expect(deleted?.body.comment.id).toBe(commentId);
    expect(deleted?.body.comment.deletedAt).not.toBeNull();
    expect(deleted?.body.comment.body).toBe('');
  });

  it('rejects a block anchor that points nowhere and a mention of a stranger', async () => {
    const anywhere = encode(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('x'), 0));
    const noBlock = await team.people.anna?.request<{ error: { code: string } }>('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'block', blockId: 'KI-9.9', quote: '' },
      body: 'x',
    });
    expect(noBlock?.status).toBe(400);
    expect(noBlock?.body.error.code).toBe('unknownBlock');
    const stranger = await team.people.anna?.request<{ error: { code: string } }>('POST', `/plans/${team.planId}/threads`, {
      anchor: { kind: 'range', start: anywhere, end: anywhere, quote: '' },
      body: 'x',
      mentions: ['someone-else'],
    });
    expect(stranger?.status).toBe(400);
    expect(stranger?.body.error.code).toBe('unknownMention');
  });
});
