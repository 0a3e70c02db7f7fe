/**
 * Durable storage of Yjs documents. The sync engine depends on this interface
 * only, never on a database driver. Every implementation must pass
 * test/server/documentStoreContract.ts.
 */
export interface DocumentStore {
  /**
   * The document's stored state as one Yjs update, or null if nothing was ever
   * stored under this name. Rejects if the stored bytes cannot be read; the
   * caller must then refuse the document rather than start it empty.
   */
  load(name: string): Promise<Uint8Array | null>;
  /**
   * What `load` merges: the stored updates in order (compacted state first),
   * an empty list if nothing was stored; applying them gives the document.
   * Lets a cold load skip merging an uncompacted log. Rejects like `load`.
   */
  loadParts(name: string): Promise<Uint8Array[]>;
  /**
   * Resolves once the update is committed: a later load returns it, also after
   * this process is killed. Updates appended in the same event-loop turn may
   * share one transaction. May reject bytes that are not one complete Yjs
   * update, without failing the other appends.
   */
  appendUpdate(name: string, update: Uint8Array): Promise<void>;
  /**
   * Like `appendUpdate`, but when it returns a promise the update already survives this process
   * being killed (a store with a journal wrote it synchronously), so peers may get it before the
   * commit; `loadParts` includes it from then on. Returns null when the journal cannot take it
   * (the caller waits for `appendUpdate`). A store without a journal leaves it out.
   */
  appendCrashSafe?(name: string, update: Uint8Array): Promise<void> | null;
  /**
   * Resolves once every append that resolved before this call also survives
   * power loss. A store whose appends are already on disk when they resolve
   * (PostgreSQL, SQLite with synchronous=FULL) leaves it out. The sync engine
   * broadcasts after `appendUpdate` and confirms saves after this.
   */
  flushToDisk?(): Promise<void>;
  /**
   * Replaces everything stored for `name` with `state`, in one transaction.
   * Contract: `state` contains every update appended for `name` before this
   * call; updates appended after it are kept.
   */
  compact(name: string, state: Uint8Array): Promise<void>;
  /**
   * Runs `work` while no other server instance runs `exclusively` for the same name: a store
   * shared by several instances implements it (PostgreSQL: an advisory lock), so a stored
   * document of an older schema is upgraded by one instance, not by each that loads it. A store
   * owned by one process leaves it out.
   */
  exclusively?<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Waits for queued writes, then closes. Further calls reject. */
  close(): Promise<void>;
}
