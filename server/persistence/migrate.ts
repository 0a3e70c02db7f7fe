import { migrations } from './migrations/index.js';

/** What migrating needs of a SQLite connection: SqliteDatabase, or the service database's own connection. */
export interface SqliteMigrationTarget {
  get<Row>(sql: string): Promise<Row | undefined>;
  exec(sql: string): Promise<void>;
}

export async function migrate(database: SqliteMigrationTarget): Promise<void> {
  const row = await database.get<{ user_version: number }>('PRAGMA user_version');
  const applied = row?.user_version ?? 0;
  if (applied > migrations.length) {
    throw new Error(`Database schema version ${applied} is newer than this server (${migrations.length})`);
  }
  for (let index = applied; index < migrations.length; index++) {
    try {
      await database.exec(`BEGIN; ${migrations[index]} PRAGMA user_version = ${index + 1}; COMMIT;`);
    } catch (error) {
      await database.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
