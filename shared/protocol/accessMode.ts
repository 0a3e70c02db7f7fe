/** 'suggest-only': every change must stay inside the member's own suggestions (server/sync/suggestionOnlyChanges.ts). */
export type AccessMode = 'read-write' | 'suggest-only' | 'read-only';

export function isAccessMode(value: string): value is AccessMode {
  return value === 'read-write' || value === 'suggest-only' || value === 'read-only';
}
