import { useMemo, useSyncExternalStore } from 'react';
import type { CommentThread } from '../../../shared/deliberation/CommentThread.js';
import type { CommentStore } from '../../comments/CommentStore.js';
import { suggestionKey } from './suggestionKey.js';

const NO_THREADS: CommentThread[] = [];
const subscribeToNothing = (): (() => void) => () => undefined;

/** The plan's threads on suggestions, by suggestionKey, kept current by the comment store's live changes. */
export function useSuggestionThreads(store: CommentStore | null): ReadonlyMap<string, CommentThread> {
  const threads = useSyncExternalStore(store?.subscribe ?? subscribeToNothing, () => store?.getSnapshot().threads ?? NO_THREADS);
  return useMemo(() => {
    const byKey = new Map<string, CommentThread>();
    for (const thread of threads) {
      if (thread.anchor.kind === 'suggestion') byKey.set(suggestionKey(thread.anchor.authorId, thread.anchor.suggestionId), thread);
    }
    return byKey;
  }, [threads]);
}
