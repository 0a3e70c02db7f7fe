import { diffWords } from 'diff';
import type { TextPart } from './TextPart.js';

/** Word-level differences between two texts, as the comparison shows them. */
export function diffText(before: string, after: string): TextPart[] {
  return diffWords(before, after).map((part) => ({
    value: part.value,
    ...(part.added ? { added: true } : {}),
    ...(part.removed ? { removed: true } : {}),
  }));
}
