import type { Comment, CommentThread, ThreadStatus } from './CommentThread.js';

/**
 * One change to a plan's comment threads, as the server announces it (plan
 * events) and the client applies it: only what changed, never a whole thread
 * again, so a long discussion costs each peer one comment per reply.
 */
export type ThreadChange =
  /** A new thread with its first comment. */
  | { type: 'threadCreated'; thread: CommentThread }
  /** A reply, an edit or a deletion: the comment as it now is. */
  | { type: 'commentSaved'; planId: string; comment: Comment }
  | { type: 'threadStatusChanged'; planId: string; status: ThreadStatus };
