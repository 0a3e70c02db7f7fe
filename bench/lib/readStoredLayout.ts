import sqlite3 from 'sqlite3';

/** How one document sits in the plan editor's SQLite file. */
export interface StoredLayout {
  /** Bytes of the compacted state row (0 if none). */
  stateBytes: number;
  updateRows: number;
  updateBytes: number;
}

/**
 * Reads the row layout of `documentName` straight from the SQLite file
 * (schema: server/persistence/migrations). Only call it while no server runs.
 */
export function readStoredLayout(filename: string, documentName: string): Promise<StoredLayout> {
  return new Promise((resolve, reject) => {
    const database = new sqlite3.Database(filename, sqlite3.OPEN_READONLY, (openError) => {
      if (openError) {
        reject(openError);
        return;
      }
      database.get<{ stateBytes: number | null; updateRows: number; updateBytes: number | null }>(
        `SELECT
           (SELECT length(state) FROM documents WHERE name = $name) AS stateBytes,
           (SELECT count(*) FROM document_updates WHERE name = $name) AS updateRows,
           (SELECT sum(length(data)) FROM document_updates WHERE name = $name) AS updateBytes`,
        { $name: documentName },
        (queryError, row) => {
          database.close(() => {
            if (queryError) reject(queryError);
            else resolve({ stateBytes: row?.stateBytes ?? 0, updateRows: row?.updateRows ?? 0, updateBytes: row?.updateBytes ?? 0 });
          });
        },
      );
    });
  });
}
