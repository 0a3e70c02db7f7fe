import type { Attributes } from '@tiptap/core';
import type { BlockField } from '../domain/blockFields.js';

/**
 * TipTap attribute configs for a typed block's fields. Each field becomes its
 * own node attribute, which y-tiptap stores as its own Y.XmlElement attribute,
 * so two users editing different fields of one block both keep their edit.
 * In HTML a field is `data-<kebab-name>`: strings as they are, other values
 * as JSON; a value that does not parse falls back to the field's default.
 */
export function blockAttributes(fields: Record<string, BlockField<unknown>>): Attributes {
  const attributes: Attributes = {};
  for (const [name, spec] of Object.entries(fields)) {
    const htmlName = `data-${toKebabCase(name)}`;
    attributes[name] = {
      default: spec.defaultValue,
      parseHTML: (element) => parseDataAttribute(element.getAttribute(htmlName), spec),
      renderHTML: (values) => {
        const value: unknown = values[name];
        if (value === null || value === undefined) return {};
        return { [htmlName]: typeof value === 'string' ? value : JSON.stringify(value) };
      },
    };
  }
  return attributes;
}

function parseDataAttribute(raw: string | null, spec: BlockField<unknown>): unknown {
  if (raw === null) return spec.defaultValue;
  if (spec.schema.safeParse(raw).success) return raw;
  try {
    const parsed = spec.schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : spec.defaultValue;
  } catch {
    return spec.defaultValue;
  }
}

function toKebabCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
