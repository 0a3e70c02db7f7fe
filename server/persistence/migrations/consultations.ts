/** Public consultations of an agreed version, and the remarks the public sends in. */
export const consultationsMigration = `
  CREATE TABLE consultations (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    version_id TEXT NOT NULL REFERENCES plan_versions (id),
    public_token TEXT NOT NULL UNIQUE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    closed_at INTEGER,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    UNIQUE (plan_id, number)
  );
  CREATE TABLE consultation_remarks (
    id TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    submitter_name TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    section_key TEXT NOT NULL,
    section_title TEXT NOT NULL,
    block_id TEXT,
    block_label TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL DEFAULT '',
    remark TEXT NOT NULL,
    proposed_wording TEXT NOT NULL DEFAULT '',
    justification TEXT NOT NULL DEFAULT '',
    submitted_at INTEGER NOT NULL,
    response TEXT,
    response_justification TEXT NOT NULL DEFAULT '',
    responded_by TEXT REFERENCES users (id),
    responded_at INTEGER,
    thread_id TEXT REFERENCES comment_threads (id) ON DELETE SET NULL,
    UNIQUE (consultation_id, number)
  );
`;

/** The suggestion an accepted remark became in the working copy, so it is written once. */
export const remarkSuggestionMigration = `
  ALTER TABLE consultation_remarks ADD COLUMN suggestion_id TEXT;
`;
