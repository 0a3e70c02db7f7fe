import type { Plan, PlanBlock, PlanSection } from '../domain/Plan.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import type { ProposalStatus } from '../deliberation/ProposalState.js';
import { diffBlockFields } from './diffBlockFields.js';
import type { FieldChange } from './diffFields.js';
import { diffText } from './diffText.js';
import type { TextPart } from './TextPart.js';

export type { FieldChange } from './diffFields.js';
export type { TextPart } from './TextPart.js';

/** A plan as it stood at one moment: its content and the recorded proposal statuses. */
export interface PlanSnapshot {
  plan: Plan;
  statuses: Record<string, ProposalStatus>;
}

export interface SectionTextChange {
  sectionKey: string;
  sectionTitle: string;
  parts: TextPart[];
}

export type BlockChange =
  | { kind: 'added' | 'removed'; blockId: string; blockType: string; title: string }
  | { kind: 'changed'; blockId: string; blockType: string; title: string; changes: FieldChange[] }
  | { kind: 'statusChanged'; blockId: string; blockType: string; title: string; from: ProposalStatus; to: ProposalStatus };

export interface PlanComparison {
  textChanges: SectionTextChange[];
  blockChanges: BlockChange[];
}

type IdentifiedBlock = Extract<PlanBlock, { id: string }>;

/**
 * What changed between two snapshots: text per section word by word, and
 * typed blocks field by field (their typed text word by word, see diffBlockFields).
 */
export function comparePlans(before: PlanSnapshot, after: PlanSnapshot): PlanComparison {
  return { textChanges: compareText(before.plan, after.plan), blockChanges: compareBlocks(before, after) };
}

function compareText(before: Plan, after: Plan): SectionTextChange[] {
  const beforeSections = new Map(before.sections.map((section) => [section.key, section]));
  const keys = [...new Set([...before.sections.map((section) => section.key), ...after.sections.map((section) => section.key)])];
  const afterSections = new Map(after.sections.map((section) => [section.key, section]));
  const changes: SectionTextChange[] = [];
  for (const key of keys) {
    const oldSection = beforeSections.get(key);
    const newSection = afterSections.get(key);
    const oldText = sectionText(oldSection);
    const newText = sectionText(newSection);
    if (oldText === newText) continue;
    const parts = diffText(oldText, newText);
    changes.push({ sectionKey: key, sectionTitle: newSection?.title ?? oldSection?.title ?? key, parts });
  }
  return changes;
}

function compareBlocks(before: PlanSnapshot, after: PlanSnapshot): BlockChange[] {
  const oldBlocks = identifiedBlocks(before.plan);
  const newBlocks = identifiedBlocks(after.plan);
  const changes: BlockChange[] = [];
  for (const [id, block] of newBlocks) {
    const previous = oldBlocks.get(id);
    const title = blockTitle(block);
    if (!previous) {
      changes.push({ kind: 'added', blockId: id, blockType: block.type, title });
      continue;
    }
    const fieldChanges = previous.type === block.type ? diffBlockFields(block.type, withoutStatus(previous), withoutStatus(block)) : [{ field: 'type', from: previous.type, to: block.type }];
    if (fieldChanges.length > 0) changes.push({ kind: 'changed', blockId: id, blockType: block.type, title, changes: fieldChanges });
  }
  for (const [id, block] of oldBlocks) {
    if (!newBlocks.has(id)) changes.push({ kind: 'removed', blockId: id, blockType: block.type, title: blockTitle(block) });
  }
  for (const [id, block] of newBlocks) {
    const from = before.statuses[id] ?? 'draft';
    const to = after.statuses[id] ?? 'draft';
    if (oldBlocks.has(id) && from !== to) changes.push({ kind: 'statusChanged', blockId: id, blockType: block.type, title: blockTitle(block), from, to });
  }
  return changes;
}

// The recorded status lives in the decision register; the attribute is compared through `statuses`.
function withoutStatus(block: IdentifiedBlock): Record<string, unknown> {
  const { status: _status, ...rest } = block as IdentifiedBlock & { status?: unknown };
  return rest;
}

function identifiedBlocks(plan: Plan): Map<string, IdentifiedBlock> {
  const blocks = new Map<string, IdentifiedBlock>();
  for (const section of plan.sections) {
    for (const block of section.blocks) if ('id' in block && typeof block.id === 'string') blocks.set(block.id, block);
  }
  return blocks;
}

function blockTitle(block: IdentifiedBlock): string {
  const candidate = (block as { title?: unknown; name?: unknown }).title ?? (block as { name?: unknown }).name;
  return typeof candidate === 'string' ? candidate : '';
}

function sectionText(section: PlanSection | undefined): string {
  if (!section) return '';
  return section.blocks
    .map((block) => (block.type === 'paragraph' ? block.text : block.type === 'richText' ? nodeText(block.node) : ''))
    .filter((text) => text !== '')
    .join('\n');
}

function nodeText(node: ProseMirrorNodeJson): string {
  if (typeof node.text === 'string') return node.text;
  return (node.content ?? []).map(nodeText).join(node.type === 'doc' || node.type === 'bulletList' || node.type === 'orderedList' ? '\n' : '');
}
