import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a block's canonical content (agreedBlockContent). */
export function blockContentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}
