import type { IncomingMessage } from 'node:http';
import type { AuthenticateUpgrade, ConnectionGrant } from '../../server/sync/SyncServer.js';
import { colorForUser } from '../../shared/presence/colorForUser.js';

const MAX_NAME_LENGTH = 60;

/**
 * Test-only authentication: anyone connects under the name they pass (`?name=`).
 * Lets sync-level tests run without accounts; production uses UpgradeAuthentication.
 */
export const authenticateVisitor: AuthenticateUpgrade = async (request: IncomingMessage): Promise<ConnectionGrant> => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const rawName = url.searchParams.get('name') ?? '';
  const name = rawName.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || 'Anonymous';
  const userId = `visitor:${name}`;
  return { identity: { userId, name, color: colorForUser(userId) }, accessMode: 'read-write' };
};
