import type * as Y from 'yjs';

/**
 * How a loaded document is brought to the schema this build speaks
 * (shared/documentSchema.ts) before any client receives it. The sync layer
 * knows only this; the conversions live in server/plans/migrations/.
 */
export interface DocumentSchemaUpgrade {
  /**
   * A cheap look at the stored bytes, before they are applied: false when
   * they certainly need an upgrade. Only then are they withheld from new
   * clients until the server has applied and upgraded them; true keeps the
   * cold-load handoff (StoredStateHandoff), and the applied document is still
   * checked with needsUpgrade.
   */
  isStoredStateCurrent(parts: readonly Uint8Array[]): boolean;
  needsUpgrade(doc: Y.Doc): boolean;
  /**
   * The conversion, loaded on first use (it may need code the listening
   * server does not load at start). It converts the document in place and
   * runs inside the one server transaction that is persisted like any edit;
   * it returns what to log about it. A rejection fails that document's load.
   */
  loadUpgrade(): Promise<(doc: Y.Doc) => Record<string, unknown>>;
}
