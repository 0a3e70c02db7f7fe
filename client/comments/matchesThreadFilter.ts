import type { CommentThread } from '../../shared/deliberation/CommentThread.js';

export type ThreadFilter = 'open' | 'resolved' | 'all';

export function matchesThreadFilter(thread: CommentThread, filter: ThreadFilter): boolean {
  return filter === 'all' || thread.status === filter;
}
