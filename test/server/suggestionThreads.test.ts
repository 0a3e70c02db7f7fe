import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSharedTestServer, type TestServer } from '../helpers/startTestServer.js';
import { createTeam, type TeamFixture } from '../helpers/teamFixture.js';
import { anonymousClient, registerUser, type ApiClient } from '../helpers/apiClient.js';
import { waitForSync, type TestClient } from '../helpers/connectClient.js';
import { waitFor } from '../helpers/waitFor.js';
import { deletionBy, formatBy, insertionBy } from '../helpers/suggestionEdits.js';
import type { CommentThread } from '../../shared/deliberation/CommentThread.js';
import type { PlanEvent } from '../../shared/events/PlanEvent.js';
import { SUGGESTION_INSERTION } from '../../shared/suggestions/SuggestionAttributes.js';

/**
 * A thread on each suggestion (issue 15, item 2): stored by the server like any
 * comment thread, one per suggestion (keyed by its author and id), pushed live,
 * open to everyone who may comment, and kept readable once the suggestion is
 * gone from the text, when it takes no new comments.
 */

let server: TestServer;
let team: TeamFixture;
let outsider: ApiClient;

beforeAll(async () => {
  const shared = await startSharedTestServer({ authenticate: 'sessions' });
  server = shared.testServer;
  team = await createTeam(server, { chair: 'chair', anna: 'member', bartek: 'member', olga: 'observer' });
  outsider = await registerUser(server, 'outsider');
  return shared.dispose;
}, 60_000);

const person = (name: string): ApiClient => {
  const client = team.people[name];
  if (!client) throw new Error(`no ${name}`);
  return client;
};
const userId = (name: string): string => person(name).userId ?? '';

/** Bartek writes a paragraph: "Plain " then `suggested` marked as his insertion, then `deleted` marked as his deletion. */
async function writeSuggestion(bartek: TestClient, suggestionId: string, suggested: string, deleted = ''): Promise<Y.XmlText> {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  bartek.content.insert(bartek.content.length, [paragraph]);
  text.insert(0, 'Plain ');
  text.insert(text.length, suggested, insertionBy(userId('bartek'), suggestionId));
  if (deleted !== '') text.insert(text.length, deleted, deletionBy(userId('bartek'), suggestionId));
  await bartek.channel.whenSaved();
  return text;
}

const threadsOf = async (name: string): Promise<CommentThread[]> =>
  (await person(name).request<{ threads: CommentThread[] }>('GET', `/plans/${team.planId}/threads`)).body.threads;

describe('threads on suggestions', () => {
  it('a formatting suggestion has a thread too, quoting the formatted text, and closes with it', async () => {
    const bartek = team.connect('bartek');
    await waitForSync(bartek);
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    bartek.content.insert(bartek.content.length, [paragraph]);
    text.insert(0, 'Plain ');
    text.insert(text.length, 'pogrubione', { bold: {}, ...formatBy(userId('bartek'), { added: ['bold'] }, 's-format') });
    await bartek.channel.whenSaved();
    const created = await person('anna').request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/suggestion-threads`, {
      suggestionId: 's-format',
      authorId: userId('bartek'),
      body: 'Czemu pogrubienie?',
    });
    expect(created.status).toBe(201);
    expect(created.body.thread.anchor).toEqual({ kind: 'suggestion', suggestionId: 's-format', authorId: userId('bartek'), quote: 'pogrubione' });
    // Accepted: the mark is gone, so the thread takes no new comments.
    text.format(6, 'pogrubione'.length, { suggestionFormat: null });
    await bartek.channel.whenSaved();
    const late = await person('anna').request('POST', `/plans/${team.planId}/suggestion-threads`, { suggestionId: 's-format', authorId: userId('bartek'), body: 'Jeszcze?' });
    expect(late.status).toBe(409);
    bartek.destroy();
  });

  it('a member replies on another member’s suggestion: the author sees it live, an observer answers in the same thread, and the quote is the suggestion’s text as the server reads it', async () => {
    const bartek = team.connect('bartek');
    await waitForSync(bartek);
    const received: PlanEvent[] = [];
    bartek.channel.onPlanEvent((event) => received.push(event));
    await writeSuggestion(bartek, 's-live', 'mieszkań chronionych', ' stare');

    const created = await person('anna').request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/suggestion-threads`, {
      suggestionId: 's-live',
      authorId: userId('bartek'),
      body: 'Skąd te dane?',
      // Not taken from the client: the server quotes the text itself.
      quote: '<b>forged</b>',
    });
    expect(created.status).toBe(201);
    const thread = created.body.thread;
    expect(thread.anchor).toEqual({ kind: 'suggestion', suggestionId: 's-live', authorId: userId('bartek'), quote: ' stare → mieszkań chronionych' });
    expect(thread.comments.map((comment) => [comment.authorName, comment.body])).toEqual([['anna', 'Skąd te dane?']]);
    await waitFor(() => received.some((event) => event.type === 'threadCreated' && event.thread.id === thread.id), { message: 'the author never saw the thread' });

    const answered = await person('olga').request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/suggestion-threads`, {
      suggestionId: 's-live',
      authorId: userId('bartek'),
      body: 'Z OZPS 2025.',
    });
    expect(answered.status).toBe(201);
    expect(answered.body.thread.id).toBe(thread.id);
    await waitFor(() => received.some((event) => event.type === 'commentSaved' && event.comment.threadId === thread.id && event.comment.body === 'Z OZPS 2025.'), {
      message: 'the author never saw the reply',
    });
    const listed = (await threadsOf('bartek')).filter((candidate) => candidate.anchor.kind === 'suggestion' && candidate.anchor.suggestionId === 's-live');
    expect(listed).toHaveLength(1);
    expect(listed[0]?.comments.map((comment) => comment.authorName)).toEqual(['anna', 'olga']);
    bartek.destroy();
  });

  it('two first comments at once start one thread, not two', async () => {
    const bartek = team.connect('bartek');
    await waitForSync(bartek);
    await writeSuggestion(bartek, 's-race', 'równocześnie');
    const post = (name: string) =>
      person(name).request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/suggestion-threads`, { suggestionId: 's-race', authorId: userId('bartek'), body: `od ${name}` });
    const [first, second] = await Promise.all([post('anna'), post('chair')]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.thread.id).toBe(second.body.thread.id);
    const thread = (await threadsOf('anna')).find((candidate) => candidate.id === first.body.thread.id);
    expect(thread?.comments.map((comment) => comment.body).sort()).toEqual(['od anna', 'od chair']);
    bartek.destroy();
  });

  it('refuses what it must: no session 401, outsiders 404, someone else’s comment 403, a bad body 400 naming the field, an unknown suggestion 409', async () => {
    const bartek = team.connect('bartek');
    await waitForSync(bartek);
    await writeSuggestion(bartek, 's-refuse', 'do odmowy');
    const path = `/plans/${team.planId}/suggestion-threads`;
    const valid = { suggestionId: 's-refuse', authorId: userId('bartek'), body: 'Uwaga' };

    expect((await anonymousClient(server).request('POST', path, valid)).status).toBe(401);
    expect((await outsider.request('POST', path, valid)).status).toBe(404);

    const empty = await person('anna').request<{ error: { code: string; message: string } }>('POST', path, { ...valid, body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'invalidBody' });
    expect(empty.body.error.message).toContain('body');
    const noId = await person('anna').request<{ error: { code: string; message: string } }>('POST', path, { authorId: userId('bartek'), body: 'x' });
    expect(noId.status).toBe(400);
    expect(noId.body.error.message).toContain('suggestionId');

    const unknown = await person('anna').request<{ error: { code: string } }>('POST', path, { ...valid, suggestionId: 'no-such' });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.code).toBe('suggestionNotInText');
    // The author is part of the key: the same id under another author is another suggestion.
    expect((await person('anna').request('POST', path, { ...valid, authorId: userId('anna') })).status).toBe(409);

    const created = await person('anna').request<{ thread: CommentThread }>('POST', path, valid);
    const commentId = created.body.thread.comments[0]?.id ?? '';
    const edited = await person('bartek').request<{ error: { code: string; message: string } }>('PATCH', `/comments/${commentId}`, { body: 'Podmiana' });
    expect(edited.status).toBe(403);
    expect(edited.body.error.message).toBe('Only the author can change a comment');
    const stored = (await threadsOf('chair')).find((candidate) => candidate.id === created.body.thread.id);
    expect(stored?.comments.map((comment) => comment.body)).toEqual(['Uwaga']);
    bartek.destroy();
  });

  it('once the suggestion is accepted its thread stays readable, with every comment, and takes no new ones', async () => {
    const bartek = team.connect('bartek');
    await waitForSync(bartek);
    const text = await writeSuggestion(bartek, 's-done', 'przyjęte');
    const created = await person('anna').request<{ thread: CommentThread }>('POST', `/plans/${team.planId}/suggestion-threads`, {
      suggestionId: 's-done',
      authorId: userId('bartek'),
      body: 'Za',
    });
    expect(created.status).toBe(201);

    // Accepting keeps the text and drops the mark, as the editor does.
    text.format('Plain '.length, 'przyjęte'.length, { [SUGGESTION_INSERTION]: null });
    await bartek.channel.whenSaved();

    const late = await person('chair').request<{ error: { code: string } }>('POST', `/plans/${team.planId}/suggestion-threads`, {
      suggestionId: 's-done',
      authorId: userId('bartek'),
      body: 'Za późno',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('suggestionNotInText');
    const reply = await person('chair').request<{ error: { code: string } }>('POST', `/threads/${created.body.thread.id}/comments`, { body: 'Też za późno' });
    expect(reply.status).toBe(409);

    const resolved = await person('olga').request('POST', `/threads/${created.body.thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    const thread = (await threadsOf('olga')).find((candidate) => candidate.id === created.body.thread.id);
    expect(thread?.status).toBe('resolved');
    expect(thread?.anchor.quote).toBe('przyjęte');
    expect(thread?.comments.map((comment) => comment.body)).toEqual(['Za']);
    bartek.destroy();
  });
});
