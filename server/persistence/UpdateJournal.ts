import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export interface JournalEntry {
  name: string;
  update: Uint8Array;
}

/** Payload length and CRC-32 of the payload, both 32-bit little-endian. */
const HEADER_BYTES = 8;
const NAME_LENGTH_BYTES = 2;
/**
 * Past this the journal takes nothing more until it is emptied: under a constant stream of
 * commits (or after a failed one) it may not drain for a while, and recovery reads it whole.
 */
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/**
 * An append-only file that makes an update survive the process being killed before the
 * database has committed it: `record` is one synchronous write into the operating system's
 * page cache, with no trip to SQLite's thread, so the sync engine may broadcast right after it.
 * Nothing is fsynced here; what is confirmed as saved is the database's committed and flushed
 * copy. The file is emptied whenever every recorded update is committed, and read back by
 * `recover` at the next start if the process died first.
 */
export class UpdateJournal {
  private bytes = 0;
  private uncommitted = 0;
  private isClosed = false;

  private constructor(
    private readonly fd: number,
    readonly path: string,
  ) {}

  /** The entries left by a process that died before committing them, in order; a torn last entry is left out. */
  static recover(path: string): JournalEntry[] {
    let contents: Buffer;
    try {
      contents = readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return decodeEntries(contents);
  }

  /** Opens (and empties) the journal: call after what `recover` returned is committed. */
  static open(path: string): UpdateJournal {
    const fd = openSync(path, 'a');
    ftruncateSync(fd, 0);
    return new UpdateJournal(fd, path);
  }

  /**
   * Writes the update; returns false (the file unchanged) when the write failed, for example on
   * a full disk: the caller then waits for the database instead. Call `committed` once the
   * database holds it.
   */
  record(name: string, update: Uint8Array): boolean {
    if (this.isClosed || this.bytes + update.byteLength > MAX_JOURNAL_BYTES) return false;
    const entry = encodeEntry(name, update);
    try {
      const written = writeSync(this.fd, entry);
      if (written !== entry.byteLength) throw new Error(`short write to the update journal: ${written} of ${entry.byteLength} bytes`);
    } catch {
      // A torn entry would hide every later one from recovery: cut it off.
      try {
        ftruncateSync(this.fd, this.bytes);
      } catch {
        // Recovery stops at the torn entry; what follows it is committed or resent by its writers.
      }
      return false;
    }
    this.bytes += entry.byteLength;
    this.uncommitted += 1;
    return true;
  }

  /** One recorded update is committed; once all are, the file is emptied. */
  committed(): void {
    this.uncommitted -= 1;
    if (this.uncommitted > 0 || this.isClosed || this.bytes === 0) return;
    try {
      ftruncateSync(this.fd, 0);
      this.bytes = 0;
    } catch {
      // Left as it is: recovery commits its entries again, which Yjs ignores.
    }
  }

  /** Closes the file; it is emptied only if everything recorded was committed. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    try {
      if (this.uncommitted === 0) ftruncateSync(this.fd, 0);
    } finally {
      closeSync(this.fd);
    }
  }
}

function encodeEntry(name: string, update: Uint8Array): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const payloadBytes = NAME_LENGTH_BYTES + nameBytes.byteLength + update.byteLength;
  const entry = Buffer.allocUnsafe(HEADER_BYTES + payloadBytes);
  entry.writeUInt16LE(nameBytes.byteLength, HEADER_BYTES);
  nameBytes.copy(entry, HEADER_BYTES + NAME_LENGTH_BYTES);
  entry.set(update, HEADER_BYTES + NAME_LENGTH_BYTES + nameBytes.byteLength);
  entry.writeUInt32LE(payloadBytes, 0);
  entry.writeUInt32LE(crc32(entry.subarray(HEADER_BYTES)), 4);
  return entry;
}

function decodeEntries(contents: Buffer): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= contents.byteLength) {
    const payloadBytes = contents.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + payloadBytes;
    if (payloadBytes < NAME_LENGTH_BYTES || end > contents.byteLength) break;
    const payload = contents.subarray(offset + HEADER_BYTES, end);
    if (crc32(payload) !== contents.readUInt32LE(offset + 4)) break;
    const nameBytes = payload.readUInt16LE(0);
    if (NAME_LENGTH_BYTES + nameBytes > payloadBytes) break;
    entries.push({
      name: payload.subarray(NAME_LENGTH_BYTES, NAME_LENGTH_BYTES + nameBytes).toString('utf8'),
      update: new Uint8Array(payload.subarray(NAME_LENGTH_BYTES + nameBytes)),
    });
    offset = end;
  }
  return entries;
}
