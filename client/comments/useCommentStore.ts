import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PlanConnection } from '../collaboration/PlanConnection.js';
import { CommentStore, type CommentStoreSnapshot } from './CommentStore.js';

/** One CommentStore for as long as the workspace shows this plan over this connection. */
export function useCommentStore(planId: string, connection: PlanConnection): CommentStore | null {
  const [store, setStore] = useState<CommentStore | null>(null);
  useEffect(() => {
    const created = new CommentStore(planId, connection);
    setStore(created);
    return () => {
      setStore(null);
      created.destroy();
    };
  }, [planId, connection]);
  return store;
}

export function useCommentSnapshot(store: CommentStore): CommentStoreSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
