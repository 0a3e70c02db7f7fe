import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/**
 * The first `<prefix>-<n>` id not yet used in the document. Two users inserting
 * at the same moment can still pick the same id; the plan warnings report
 * duplicates so the team renumbers.
 */
export function nextBlockId(doc: ProseMirrorNode, prefix: string): string {
  const used = new Set<unknown>();
  doc.descendants((node) => {
    used.add(node.attrs['id']);
    used.add(node.attrs['key']);
  });
  for (let number = 1; ; number += 1) {
    const id = `${prefix}-${number}`;
    if (!used.has(id)) return id;
  }
}
