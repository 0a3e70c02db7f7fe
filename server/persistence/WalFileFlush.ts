import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * Forces an SQLite database's write-ahead log to disk, outside SQLite. The document store commits
 * with `synchronous=NORMAL`: a commit is written into the WAL (the operating system's page cache,
 * which survives the process being killed) without an fsync, so it can be broadcast at once; this
 * fdatasync then makes it survive power loss too, before the writer is told it is saved.
 *
 * Calls share syncs: one that arrives while a sync runs waits for the next one, which covers every
 * commit that finished before it started, so N writers in a burst cost about two fsyncs, not N.
 */
export class WalFileFlush {
  private readonly walPath: string;
  private handle: FileHandle | null = null;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private isClosed = false;

  constructor(databasePath: string) {
    this.walPath = `${databasePath}-wal`;
  }

  /** Resolves once every commit that finished before this call is on disk. */
  flush(): Promise<void> {
    if (this.isClosed) return Promise.reject(new Error('Document store is closed'));
    if (this.next !== null) return this.next;
    const previous = this.running ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        const running = this.sync();
        this.running = running;
        return running;
      });
    this.next = next;
    return next;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await (this.next ?? this.running)?.catch(() => undefined);
    await this.handle?.close();
    this.handle = null;
  }

  private async sync(): Promise<void> {
    const handle = await this.currentHandle();
    // No WAL file: SQLite checkpointed everything into the database file and synced it first.
    if (handle !== null) await handle.datasync();
  }

  /** The WAL file open now: SQLite may delete and recreate it (when every connection closed), so the inode is checked. */
  private async currentHandle(): Promise<FileHandle | null> {
    const onDisk = await stat(this.walPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (onDisk === null) return null;
    if (this.handle !== null) {
      const held = await this.handle.stat();
      if (held.ino === onDisk.ino && held.dev === onDisk.dev) return this.handle;
      await this.handle.close();
      this.handle = null;
    }
    this.handle = await open(this.walPath, 'r');
    return this.handle;
  }
}
