import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../server/persistence/sqlite.js';
import { migrate } from '../../server/persistence/migrate.js';
import { migrations } from '../../server/persistence/migrations/index.js';

const directory = mkdtempSync(join(tmpdir(), 'imported-decisions-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('decisions imported before they were marked as such', () => {
  it('lose the English "imported from file" and become imported rows, in a real SQLite file', async () => {
    const database = await SqliteDatabase.open(join(directory, 'plans.sqlite'));
    // The schema as it was before the imported-decision columns.
    const importedColumns = migrations.findIndex((sql) => sql.includes('ADD COLUMN imported'));
    expect(importedColumns).toBeGreaterThan(0);
    for (let index = 0; index < importedColumns; index++) await database.exec(`BEGIN; ${migrations[index]} PRAGMA user_version = ${index + 1}; COMMIT;`);
    // Foreign keys stay off on a bare connection, so the rows need no users or plans around them.
    const insert = (note: string) =>
      database.run(
        `INSERT INTO proposal_events (plan_id, block_id, block_type, kind, from_status, to_status, note, actor_id, created_at) VALUES ('p1', 'R-01', 'recommendation', 'status', 'draft', 'agreed', ?, 'u1', 5)`,
        [note],
      );
    await insert('imported from file');
    await insert('Uzgodniono, protokół nr 5. – imported from file');
    await insert('protokół nr 6');
    await migrate(database);
    const rows = await database.all<{ note: string; imported: number }>('SELECT note, imported FROM proposal_events ORDER BY seq');
    expect(rows).toEqual([
      { note: '', imported: 1 },
      { note: 'Uzgodniono, protokół nr 5.', imported: 1 },
      { note: 'protokół nr 6', imported: 0 },
    ]);
    await database.close();
  });
});
