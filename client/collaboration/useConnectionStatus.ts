import { useSyncExternalStore } from 'react';
import type { ConnectionSnapshot, PlanConnection } from './PlanConnection.js';

/** Connection state, save state, access mode and close reasons of a plan connection. */
export function useConnectionStatus(connection: PlanConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}
