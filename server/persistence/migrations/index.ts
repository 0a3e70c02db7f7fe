import { consultationsMigration, remarkSuggestionMigration } from './consultations.js';
import { suggestionThreadsMigration } from './suggestionThreads.js';
import { remarksAnnexMigration } from './remarksAnnex.js';
import { sectionThreadsMigration } from './sectionThreads.js';

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
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE memberships (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships (user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    email TEXT COLLATE NOCASE,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_by TEXT REFERENCES users (id),
    accepted_at INTEGER,
    revoked_at INTEGER
  );
  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    period_from TEXT,
    period_to TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX plans_by_workspace ON plans (workspace_id);
  `,
  `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    anchor_kind TEXT NOT NULL,
    block_id TEXT,
    anchor_start TEXT,
    anchor_end TEXT,
    quote TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open',
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    resolved_by TEXT REFERENCES users (id),
    resolved_at INTEGER
  );
  CREATE INDEX comment_threads_by_plan ON comment_threads (plan_id);
  CREATE TABLE comments (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    mentions TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    edited_at INTEGER,
    deleted_at INTEGER
  );
  CREATE INDEX comments_by_thread ON comments (thread_id, created_at);
  CREATE TABLE proposal_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    block_id TEXT NOT NULL,
    block_type TEXT NOT NULL,
    kind TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    vote TEXT,
    note TEXT NOT NULL DEFAULT '',
    actor_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX proposal_events_by_block ON proposal_events (plan_id, block_id, seq);
  `,
  `
  CREATE TABLE plan_versions (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    state BLOB NOT NULL,
    statuses TEXT NOT NULL,
    register TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    agreed_number INTEGER,
    decision_date TEXT,
    decision_reference TEXT,
    content_hash TEXT NOT NULL
  );
  CREATE INDEX plan_versions_by_plan ON plan_versions (plan_id, created_at);
  CREATE UNIQUE INDEX plan_versions_agreed_number ON plan_versions (plan_id, agreed_number) WHERE agreed_number IS NOT NULL;
  CREATE TABLE version_exports (
    version_id TEXT NOT NULL REFERENCES plan_versions (id) ON DELETE CASCADE,
    variant TEXT NOT NULL,
    bytes BLOB NOT NULL,
    content_type TEXT NOT NULL,
    extension TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (version_id, variant)
  );
  `,
  // CRC-32 of each stored blob, written with it: a load checks it instead of
  // walking the bytes (rows from before this migration keep NULL and are walked).
  `
  ALTER TABLE documents ADD COLUMN checksum INTEGER;
  ALTER TABLE document_updates ADD COLUMN checksum INTEGER;
  `,
  // Decisions brought by an imported plan file: marked as such, with the date and the person the file names.
  // Rows written before this carried the English marker "imported from file" in their note.
  `
  ALTER TABLE proposal_events ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE proposal_events ADD COLUMN decided_on TEXT;
  ALTER TABLE proposal_events ADD COLUMN decided_by TEXT;
  UPDATE proposal_events
     SET imported = 1,
         note = CASE WHEN note = 'imported from file' THEN '' ELSE substr(note, 1, length(note) - length(' – imported from file')) END
   WHERE note = 'imported from file' OR note LIKE '% – imported from file';
  `,
  // A decision (agreed / rejected) records how it was taken (consensus or vote, with the tally then)
  // and what it was taken on: the block's content (canonical JSON), its SHA-256 and the latest saved version.
  `
  ALTER TABLE proposal_events ADD COLUMN method TEXT;
  ALTER TABLE proposal_events ADD COLUMN tally TEXT;
  ALTER TABLE proposal_events ADD COLUMN content_hash TEXT;
  ALTER TABLE proposal_events ADD COLUMN decided_content TEXT;
  ALTER TABLE proposal_events ADD COLUMN version_id TEXT;
  `,
  consultationsMigration,
  // The chair may let experts and observers suggest changes but not edit (issue 15).
  `
  ALTER TABLE workspaces ADD COLUMN advisors_suggest_only INTEGER NOT NULL DEFAULT 0;
  `,
  remarkSuggestionMigration,
  // Emails are looked up as lower(email) on both backends (PostgreSQL has no NOCASE column): indexed here too.
  `
  CREATE INDEX users_by_lower_email ON users (lower(email));
  `,
  suggestionThreadsMigration,
  remarksAnnexMigration,
  sectionThreadsMigration,
];
