/** An agreed version may annex a closed consultation's remarks table (issue 15): a copy, as JSON (shared/consultations/RemarksAnnex.ts). */
export const remarksAnnexMigration = `
  ALTER TABLE plan_versions ADD COLUMN remarks_annex TEXT;
`;
