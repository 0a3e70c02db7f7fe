// Colours with at least 4.5:1 contrast against white text labels, ordered so neighbours differ in hue.
export const CARET_COLORS = [
  '#b91c1c',
  '#1d4ed8',
  '#15803d',
  '#6d28d9',
  '#c2410c',
  '#0f766e',
  '#be185d',
  '#a16207',
  '#4338ca',
  '#166534',
  '#9d174d',
  '#0e7490',
] as const;

/** A stable caret colour for a user, so people keep their colour across sessions while it is free. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return CARET_COLORS[hash % CARET_COLORS.length] ?? CARET_COLORS[0];
}

/**
 * The user's own colour unless someone else present already shows it, else
 * the first free one, so that everyone on a plan has a distinct caret (up to
 * the palette's size; beyond it colours repeat).
 */
export function distinctColorForUser(userId: string, takenByOthers: ReadonlySet<string>): string {
  const preferred = colorForUser(userId);
  if (!takenByOthers.has(preferred)) return preferred;
  return CARET_COLORS.find((color) => !takenByOthers.has(color)) ?? preferred;
}
