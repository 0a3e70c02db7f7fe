import type { ClientConnection } from './ClientConnection.js';

/**
 * Told of every collaboration connection as it opens and closes, so a
 * service outside the sync layer (live access: role changes, logouts) can
 * act on open connections without the sync server being handed to it later.
 */
export interface ConnectionObserver {
  connectionOpened(connection: ClientConnection): void;
  connectionClosed(connection: ClientConnection): void;
}
