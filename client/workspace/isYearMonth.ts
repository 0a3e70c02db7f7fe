/** The period format the server accepts: YYYY or YYYY-MM with a real month. */
export function isYearMonth(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (match === null) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  return month >= 1 && month <= 12;
}
