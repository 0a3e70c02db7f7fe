export type AccessMode = 'read-write' | 'read-only';

export function isAccessMode(value: string): value is AccessMode {
  return value === 'read-write' || value === 'read-only';
}
