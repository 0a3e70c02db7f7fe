import { openServiceDatabase } from '../../server/database/openServiceDatabase.js';
import type { ServiceQueries } from '../../server/database/ServiceDatabase.js';
import { plansDatabasePath } from './RawDocumentDatabase.js';
import type { TestServer } from './startTestServer.js';

/**
 * A connection of the test's own to a running server's service tables, on whichever backend the
 * server stores in, to see (or change, as time passing would) what the server wrote.
 */
export async function withServiceTables<T>(server: TestServer, work: (tables: ServiceQueries) => Promise<T>): Promise<T> {
  const database = await openServiceDatabase({ databaseUrl: server.databaseUrl, filename: plansDatabasePath(server.dataDir), synchronous: 'FULL', maxConnections: 1 });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
