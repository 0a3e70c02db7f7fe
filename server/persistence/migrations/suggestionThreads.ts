/** A comment thread on a suggestion (issue 15): one per suggestion, keyed as the suggestion marks key it (author and id). */
export const suggestionThreadsMigration = `
  ALTER TABLE comment_threads ADD COLUMN suggestion_id TEXT;
  ALTER TABLE comment_threads ADD COLUMN suggestion_author_id TEXT;
  CREATE UNIQUE INDEX comment_threads_by_suggestion ON comment_threads (plan_id, suggestion_author_id, suggestion_id) WHERE suggestion_id IS NOT NULL;
`;
