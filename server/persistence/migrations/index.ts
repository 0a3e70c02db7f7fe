/**
 * Schema migrations, applied in order; `user_version` records how many ran.
 * Append new entries, never edit old ones.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE documents (
    name TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE document_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX document_updates_by_name ON document_updates (name, seq);
  `,
];
