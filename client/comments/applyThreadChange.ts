import type { Comment, CommentThread } from '../../shared/deliberation/CommentThread.js';
import type { ThreadChange } from '../../shared/deliberation/ThreadChange.js';

/** Whether `incoming` may replace `current`: a deletion is final, and an older edit never overwrites a newer one. */
function isAtLeastAsNew(incoming: Comment, current: Comment): boolean {
  if (current.deletedAt !== null) return incoming.deletedAt !== null;
  if (incoming.deletedAt !== null) return true;
  return (incoming.editedAt ?? 0) >= (current.editedAt ?? 0);
}

function withComment(thread: CommentThread, comment: Comment): CommentThread {
  const index = thread.comments.findIndex((candidate) => candidate.id === comment.id);
  if (index >= 0) {
    const current = thread.comments[index];
    if (current !== undefined && !isAtLeastAsNew(comment, current)) return thread;
    return { ...thread, comments: thread.comments.map((candidate, position) => (position === index ? comment : candidate)) };
  }
  // Replies arrive in order almost always; a late one still lands where its time puts it.
  const after = thread.comments.findIndex((candidate) => candidate.createdAt > comment.createdAt);
  const comments = after < 0 ? [...thread.comments, comment] : [...thread.comments.slice(0, after), comment, ...thread.comments.slice(after)];
  return { ...thread, comments };
}

/**
 * The thread `change` touches, as it is after the change, or null when this
 * client does not know that thread (a reload will bring it).
 */
export function applyThreadChange(threads: ReadonlyMap<string, CommentThread>, change: ThreadChange): CommentThread | null {
  switch (change.type) {
    case 'threadCreated': {
      const known = threads.get(change.thread.id);
      // The thread may already hold replies that overtook its creation: keep them.
      return known === undefined ? change.thread : change.thread.comments.reduce(withComment, known);
    }
    case 'commentSaved': {
      const thread = threads.get(change.comment.threadId);
      return thread === undefined ? null : withComment(thread, change.comment);
    }
    case 'threadStatusChanged': {
      const thread = threads.get(change.status.threadId);
      if (thread === undefined) return null;
      const { status, resolvedBy, resolvedAt } = change.status;
      return { ...thread, status, resolvedBy, resolvedAt };
    }
  }
}
