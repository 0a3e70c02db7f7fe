/**
 * Whether a write failed because the storage cannot take it right now (a
 * full disk or quota, an I/O error, a database server that is down) rather
 * than because of what was written: worth retrying as it is, once space, the
 * device or the server returns.
 */
export function isStorageUnavailableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code === 'ENOSPC' || code === 'EIO' || code === 'EDQUOT') return true;
  // PostgreSQL: disk_full, insufficient_resources, io_error.
  if (code === '53100' || code === '53000' || code === '58030') return true;
  // The database server is unreachable or restarting (stopped for maintenance, failing over): any
  // connection_exception, admin/crash shutdown, cannot_connect_now, or the socket itself.
  if (typeof code === 'string' && (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03')) return true;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'EAI_AGAIN') return true;
  const message = error instanceof Error ? error.message : '';
  return /database or disk is full|disk I\/O error|no space left on device|connection terminated|timeout exceeded when trying to connect/i.test(message);
}
