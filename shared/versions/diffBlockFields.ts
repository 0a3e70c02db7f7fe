import type { TypedBlockType } from '../domain/Plan.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import { richTextToPlainText } from '../domain/richText.js';
import { BLOCK_TEXT_FIELDS, fieldPattern } from './blockTextFields.js';
import { diffFields, isRecord, type FieldChange } from './diffFields.js';
import { diffText } from './diffText.js';

/**
 * The changes between two versions of one typed block: text a person types
 * word by word (rich text compared on its plain text, with a note when only
 * the formatting changed), attributes field by field.
 */
export function diffBlockFields(type: TypedBlockType, before: unknown, after: unknown, path = ''): FieldChange[] {
  const fields = BLOCK_TEXT_FIELDS[type];
  const pattern = fieldPattern(path);
  if (fields.rich.has(pattern)) return richTextChange(path, before, after);
  if (fields.plain.has(pattern) && isTextOrNothing(before) && isTextOrNothing(after)) return plainTextChange(path, before ?? '', after ?? '');
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: FieldChange[] = [];
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      changes.push(...diffBlockFields(type, before[index], after[index], `${path}[${index}]`));
    }
    return changes;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffBlockFields(type, before[key], after[key], path ? `${path}.${key}` : key));
  }
  return diffFields(before, after, path);
}

function plainTextChange(path: string, before: string, after: string): FieldChange[] {
  return before === after ? [] : [{ field: path, from: before, to: after, parts: diffText(before, after) }];
}

function richTextChange(path: string, before: unknown, after: unknown): FieldChange[] {
  const from = plainTextOf(before);
  const to = plainTextOf(after);
  if (from !== to) return [{ field: path, from, to, parts: diffText(from, to) }];
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [{ field: path, from, to, parts: [{ value: to }], formattingChanged: true }];
}

function plainTextOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? richTextToPlainText(value.filter(isRecord) as unknown as ProseMirrorNodeJson[]) : '';
}

function isTextOrNothing(value: unknown): value is string | undefined {
  return typeof value === 'string' || value === undefined;
}
