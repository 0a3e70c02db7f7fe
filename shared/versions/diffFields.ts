import type { TextPart } from './TextPart.js';

export interface FieldChange {
  /** Path inside the block, e.g. `indicators[0].target.value`. */
  field: string;
  /** The old value; for text a person types (see blockTextFields), its plain text. */
  from: unknown;
  to: unknown;
  /** For typed text: the change word by word. Absent for attributes (codes, amounts, references), which change as a whole. */
  parts?: TextPart[];
  /** Typed rich text whose words stayed the same while its formatting (bold, links, lists) changed. */
  formattingChanged?: boolean;
}

/** Leaf-level differences between two JSON values, with readable paths. */
export function diffFields(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: FieldChange[] = [];
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      changes.push(...diffFields(before[index], after[index], `${path}[${index}]`));
    }
    return changes;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffFields(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return [{ field: path, from: before ?? null, to: after ?? null }];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
