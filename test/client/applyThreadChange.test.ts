import { describe, expect, it } from 'vitest';
import { applyThreadChange } from '../../client/comments/applyThreadChange.js';
import type { Comment, CommentThread } from '../../shared/deliberation/CommentThread.js';

const comment = (id: string, createdAt: number, change: Partial<Comment> = {}): Comment => ({
  id, threadId: 't1', authorId: 'u1', authorName: 'Anna', body: id, mentions: [], createdAt, editedAt: null, deletedAt: null, ...change,
});
const thread = (comments: Comment[]): CommentThread => ({
  id: 't1', planId: 'p1', anchor: { kind: 'block', blockId: 'KI-1', quote: '' }, status: 'open',
  createdBy: 'u1', createdAt: 1, resolvedBy: null, resolvedAt: null, comments,
});
const known = (value: CommentThread) => new Map([[value.id, value]]);

describe('applying one thread change', () => {
  it('appends a reply, replaces an edit, and keeps a deletion final', () => {
    const start = thread([comment('c1', 1)]);
    const replied = applyThreadChange(known(start), { type: 'commentSaved', planId: 'p1', comment: comment('c2', 2) });
    expect(replied?.comments.map((entry) => entry.id)).toEqual(['c1', 'c2']);
    const edited = applyThreadChange(known(replied ?? start), { type: 'commentSaved', planId: 'p1', comment: comment('c1', 1, { body: 'nowy', editedAt: 3 }) });
    expect(edited?.comments.map((entry) => entry.body)).toEqual(['nowy', 'c2']);
    const deleted = applyThreadChange(known(edited ?? start), { type: 'commentSaved', planId: 'p1', comment: comment('c1', 1, { body: '', deletedAt: 4 }) });
    // The edit's own event arriving late does not bring the deleted text back.
    const late = applyThreadChange(known(deleted ?? start), { type: 'commentSaved', planId: 'p1', comment: comment('c1', 1, { body: 'nowy', editedAt: 3 }) });
    expect(late?.comments[0]?.deletedAt).toBe(4);
    expect(late?.comments[0]?.body).toBe('');
  });

  it('puts a late reply where its time belongs, applies a status, and skips unknown threads', () => {
    const start = thread([comment('c1', 1), comment('c3', 3)]);
    const late = applyThreadChange(known(start), { type: 'commentSaved', planId: 'p1', comment: comment('c2', 2) });
    expect(late?.comments.map((entry) => entry.id)).toEqual(['c1', 'c2', 'c3']);
    const twice = applyThreadChange(known(late ?? start), { type: 'commentSaved', planId: 'p1', comment: comment('c2', 2) });
    expect(twice?.comments).toHaveLength(3);
    const resolved = applyThreadChange(known(start), {
      type: 'threadStatusChanged', planId: 'p1', status: { threadId: 't1', status: 'resolved', resolvedBy: 'u2', resolvedAt: 9 },
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: 'u2', resolvedAt: 9, comments: start.comments });
    expect(applyThreadChange(new Map(), { type: 'commentSaved', planId: 'p1', comment: comment('c9', 9) })).toBeNull();
  });

  it('a created thread keeps replies that overtook it', () => {
    const overtaken = thread([comment('c1', 1), comment('c2', 2)]);
    const created = applyThreadChange(known(overtaken), { type: 'threadCreated', thread: thread([comment('c1', 1)]) });
    expect(created?.comments.map((entry) => entry.id)).toEqual(['c1', 'c2']);
  });
});
