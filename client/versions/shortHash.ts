/** The first characters of a content hash, enough to tell versions apart by eye. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
