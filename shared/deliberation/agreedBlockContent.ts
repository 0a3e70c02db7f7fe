import type { TypedBlock } from '../domain/Plan.js';

/**
 * Proposal workflow values a block carries: they say what happened to the
 * text, they are not the text, so changing them never unsettles an agreement.
 */
const NOT_CONTENT = new Set(['status', 'statusNote', 'proposedBy']);

/**
 * What a decision on a block is taken on: the block's typed values (as
 * typedBlockFromNode reads them) as canonical JSON, keys sorted at every
 * level, workflow attributes left out. Two reads of the same content give the
 * same string whatever order Yjs holds the attributes in.
 */
export function agreedBlockContent(block: TypedBlock): string {
  const values = Object.fromEntries(Object.entries(block).filter(([key]) => !NOT_CONTENT.has(key)));
  return JSON.stringify(canonical(values));
}

/** The block values an agreement recorded, parsed back for a comparison; null when the text is not such JSON. */
export function parseAgreedBlockContent(content: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(content);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, entry]) => [key, canonical(entry)]));
  }
  return value;
}
