/**
 * Whether a write failed because the storage cannot take it right now (a
 * full disk or quota, an I/O error) rather than because of what was
 * written: worth retrying as it is, once space or the device returns.
 */
export function isStorageUnavailableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code === 'ENOSPC' || code === 'EIO' || code === 'EDQUOT') return true;
  // PostgreSQL: disk_full, insufficient_resources, io_error.
  if (code === '53100' || code === '53000' || code === '58030') return true;
  const message = error instanceof Error ? error.message : '';
  return /database or disk is full|disk I\/O error|no space left on device/i.test(message);
}
