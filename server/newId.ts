import { randomBytes } from 'node:crypto';

/** URL-safe random id; 16 bytes make collisions irrelevant. */
export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
