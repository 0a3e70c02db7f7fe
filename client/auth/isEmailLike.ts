/** A cheap client-side check that catches typos; the server decides what a valid address is. */
export function isEmailLike(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
