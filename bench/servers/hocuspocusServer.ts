/**
 * Hocuspocus 4.7 with its SQLite extension (better-sqlite3), default settings:
 * store debounced 2 s, at most every 10 s; outgoing updates coalesced per
 * event-loop turn (flushDelay 0). Its engines field asks for Node 22; it runs
 * on this machine's Node 20. Bench only; never import from server/.
 */
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
});
await server.listen();
console.log(`hocuspocus listening on port ${server.address.port}`);
