import * as Y from 'yjs';

/**
 * Throws unless `bytes` is exactly one Yjs (v1) update. Yjs decoding stops
 * where the update ends and ignores what follows, so a zero-filled or padded
 * blob would otherwise load as an empty or partial document and be compacted
 * over the real bytes. An update ends with the last varUint of its delete set,
 * so a complete update no longer decodes once its last byte is removed.
 */
export function assertCompleteUpdate(bytes: Uint8Array, description: string): void {
  try {
    Y.decodeUpdate(bytes);
  } catch (error) {
    throw new Error(`${description} is not a Yjs update: ${error instanceof Error ? error.message : String(error)}`);
  }
  let isPrefixReadable = true;
  try {
    // A copy, so decoding cannot read past the end into a shared buffer.
    Y.decodeUpdate(bytes.slice(0, -1));
  } catch {
    isPrefixReadable = false;
  }
  if (isPrefixReadable) throw new Error(`${description} has bytes after the end of its Yjs update`);
}
