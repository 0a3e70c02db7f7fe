import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { FUNDING_SOURCES } from '../../../shared/domain/taxonomy.js';

/**
 * A new, empty entry for a list field, and where the caret goes in it
 * (offset from the entry's start), or null when the entry has no text
 * (a funding row: its select takes the focus).
 */
export function createListEntry(list: ProseMirrorNode, block: ProseMirrorNode | null, schema: Schema): { entry: ProseMirrorNode; caretOffset: number | null } | null {
  const nodes = schema.nodes;
  switch (list.type.name) {
    case 'blockLineList':
      return nodes['blockLineItem'] ? { entry: nodes['blockLineItem'].create(), caretOffset: 1 } : null;
    case 'directionActionList': {
      const used = new Set<unknown>();
      list.forEach((child) => used.add(child.attrs['id']));
      const blockId = typeof block?.attrs['id'] === 'string' && block.attrs['id'] !== '' ? block.attrs['id'] : 'D';
      return nodes['directionAction'] ? { entry: nodes['directionAction'].create({ id: nextActionId(blockId, used) }), caretOffset: 1 } : null;
    }
    case 'directionIndicatorList': {
      const line = nodes['blockLine'];
      const row = nodes['directionIndicator'];
      if (line === undefined || row === undefined) return null;
      // The row's first child is the name: caret after the row's and the name's opening tokens.
      return { entry: row.create(null, [line.create({ field: 'name' }), line.create({ field: 'source' })]), caretOffset: 2 };
    }
    case 'fundingShareList': {
      const used = new Set<unknown>();
      list.forEach((child) => used.add(child.attrs['code']));
      const code = FUNDING_SOURCES.find((candidate) => !used.has(candidate)) ?? 'OTHER';
      return nodes['fundingShare'] ? { entry: nodes['fundingShare'].create({ code, amount: 0 }), caretOffset: null } : null;
    }
    default:
      return null;
  }
}

/** The next action id of a direction in the sample plan's style: KI-1.1.a, KI-1.1.b, … */
export function nextActionId(blockId: string, used: ReadonlySet<unknown>): string {
  for (let index = 0; ; index += 1) {
    const id = `${blockId}.${letters(index)}`;
    if (!used.has(id)) return id;
  }
}

function letters(index: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  return index < alphabet.length ? (alphabet[index] ?? 'a') : `${letters(Math.floor(index / alphabet.length) - 1)}${alphabet[index % alphabet.length] ?? 'a'}`;
}
