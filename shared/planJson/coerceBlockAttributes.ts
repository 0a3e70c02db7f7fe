import type { BlockField } from '../domain/blockFields.js';
import type { DroppedContent } from './DroppedContent.js';
import { isPlainObject } from './isPlainObject.js';

/**
 * Attribute values that fit their fields, from untrusted ones (a Y.Doc edited
 * by any client): a missing value takes the default silently (y-tiptap does
 * not store null attributes), a wrong-typed one takes the default and is
 * reported, a list keeps its valid elements. Never throws. Node views should
 * read attributes through this too, so a bad value cannot crash a view.
 */
export function coerceBlockAttributes<Attributes>(
  fields: { [Key in keyof Attributes]: BlockField<Attributes[Key]> },
  value: unknown,
  path: string,
  dropped: DroppedContent[] = [],
): Attributes {
  const source = isPlainObject(value) ? value : {};
  if (value !== undefined && value !== null && !isPlainObject(value)) {
    dropped.push({ path, reason: 'attributes are not an object' });
  }
  const specs = fields as Record<string, BlockField<unknown>>;
  const attributes: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    attributes[name] = coerceField(spec, source[name], `${path}.${name}`, dropped);
  }
  for (const name of Object.keys(source)) {
    if (!Object.hasOwn(specs, name)) dropped.push({ path: `${path}.${name}`, reason: 'unknown attribute' });
  }
  return attributes as Attributes;
}

function coerceField(spec: BlockField<unknown>, value: unknown, path: string, dropped: DroppedContent[]): unknown {
  if (value === undefined) return structuredClone(spec.defaultValue);
  if (spec.element !== undefined) {
    if (!Array.isArray(value)) {
      dropped.push({ path, reason: 'expected a list; default used' });
      return structuredClone(spec.defaultValue);
    }
    const kept: unknown[] = [];
    value.forEach((element: unknown, index) => {
      const parsed = spec.element?.safeParse(element);
      if (parsed?.success === true) kept.push(parsed.data);
      else dropped.push({ path: `${path}[${index}]`, reason: parsed?.error.issues[0]?.message ?? 'invalid' });
    });
    return kept;
  }
  const parsed = spec.schema.safeParse(value);
  if (parsed.success) return parsed.data;
  dropped.push({ path, reason: `${parsed.error.issues[0]?.message ?? 'invalid'}; default used` });
  return structuredClone(spec.defaultValue);
}
