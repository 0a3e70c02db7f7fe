import type { EditorState } from '@tiptap/pm/state';
import type { CommentThread } from '../../shared/deliberation/CommentThread.js';
import { resolveThreadRange, type ThreadRange } from './resolveThreadRange.js';

export interface PlacedThread {
  thread: CommentThread;
  /** Null when the commented text or block has been deleted. */
  range: ThreadRange | null;
}

/** Threads in document order; those whose text is gone come last, oldest first. */
export function orderThreads(threads: readonly CommentThread[], state: EditorState | null): PlacedThread[] {
  const placed = threads.map((thread) => ({ thread, range: state === null ? null : resolveThreadRange(state, thread.anchor) }));
  return placed.sort((a, b) => {
    if (a.range !== null && b.range !== null) return a.range.from - b.range.from || a.range.to - b.range.to || a.thread.createdAt - b.thread.createdAt;
    if (a.range !== null) return -1;
    if (b.range !== null) return 1;
    return a.thread.createdAt - b.thread.createdAt;
  });
}
