/**
 * Every transaction on a SharedDocument carries one of these as its origin, so
 * broadcast can skip the sender, persistence can skip its own loads, and later
 * audit or export code can tell user edits from server edits.
 */
export type TransactionOrigin =
  | { source: 'connection'; connectionId: number }
  /** Updates from several connections applied together in one transaction (one event-loop turn). */
  | { source: 'connections'; connectionIds: number[] }
  | { source: 'server'; reason: string }
  | { source: 'persistence' }
  /** Already committed by another server instance (cross-instance feed or catch-up from the shared store): broadcast, never stored again. */
  | { source: 'instance' };

export function isTransactionOrigin(value: unknown): value is TransactionOrigin {
  if (typeof value !== 'object' || value === null || !('source' in value)) return false;
  const source = (value as { source: unknown }).source;
  return source === 'connection' || source === 'connections' || source === 'server' || source === 'persistence' || source === 'instance';
}
