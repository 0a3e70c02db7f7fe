/** A comment thread on a whole section (issue 15): a consultation remark that names no block is discussed there. */
export const sectionThreadsMigration = `
  ALTER TABLE comment_threads ADD COLUMN section_key TEXT;
  ALTER TABLE comment_threads ADD COLUMN section_title TEXT;
`;
