import type { IncomingMessage } from 'node:http';
import type { AuthenticateUpgrade, ConnectionGrant } from '../sync/SyncServer.js';
import { colorForUser } from './colorForUser.js';

const MAX_NAME_LENGTH = 60;

/**
 * Until accounts exist, a visitor connects under the display name they chose
 * (`?name=`). This is the single function that session authentication replaces.
 */
export const authenticateVisitor: AuthenticateUpgrade = async (request: IncomingMessage): Promise<ConnectionGrant> => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const rawName = url.searchParams.get('name') ?? '';
  const name = rawName.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) || 'Anonymous';
  const userId = `visitor:${name}`;
  return { identity: { userId, name, color: colorForUser(userId) }, accessMode: 'read-write' };
};
