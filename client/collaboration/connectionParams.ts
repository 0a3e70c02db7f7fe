/**
 * The one place that decides how the collaboration socket identifies the user.
 * Today a visitor is known by the display name they chose; when accounts arrive
 * the session cookie does that and this returns no name.
 */
export function connectionParams(displayName: string): Record<string, string> {
  return { name: displayName };
}
