import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ConnectionSnapshot, PlanConnection } from '../collaboration/PlanConnection.js';

/**
 * The connection snapshot for the workspace layout, which does not show the
 * save state: it changes only when something other than `hasUnsavedChanges`
 * does. That flag flips on every key typed, and each React commit while the
 * editor has the focus walks the whole editor DOM; SaveStatus follows it by
 * itself. `hasUnsavedChanges` of the returned snapshot may therefore be stale.
 */
export function useWorkspaceSnapshot(connection: PlanConnection): ConnectionSnapshot {
  const shown = useRef<ConnectionSnapshot | null>(null);
  const read = useCallback((): ConnectionSnapshot => {
    const next = connection.getSnapshot();
    const previous = shown.current;
    if (previous !== null && isSameApartFromSaveState(previous, next)) return previous;
    shown.current = next;
    return next;
  }, [connection]);
  return useSyncExternalStore(connection.subscribe, read);
}

function isSameApartFromSaveState(a: ConnectionSnapshot, b: ConnectionSnapshot): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof ConnectionSnapshot)[]);
  for (const key of keys) if (key !== 'hasUnsavedChanges' && a[key] !== b[key]) return false;
  return true;
}
