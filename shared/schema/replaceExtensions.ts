import type { AnyExtension } from '@tiptap/core';

/**
 * The list with each extension swapped for the override of the same name,
 * e.g. the client's `Goal.extend({ addNodeView })`, keeping the order.
 */
export function replaceExtensions(extensions: readonly AnyExtension[], overrides: readonly AnyExtension[]): AnyExtension[] {
  const byName = new Map(overrides.map((extension) => [extension.name, extension]));
  return extensions.map((extension) => byName.get(extension.name) ?? extension);
}
