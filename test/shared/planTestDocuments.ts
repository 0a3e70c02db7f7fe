import { Editor, type JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CONTENT_FIELD } from '../../shared/documentName.js';
import type { Plan, PlanBlock } from '../../shared/domain/Plan.js';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import sample from '../../shared/domain/samples/sample-plan-a.json';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { planExtensions, planSchema } from '../../shared/schema/planExtensions.js';

/** A plan file as parsed JSON, before the import has checked it: what a test may freely break. */
export type PlanFileJson = Record<string, unknown> & { schemaVersion: number; sections: (Record<string, unknown> & { blocks: Record<string, unknown>[] })[] };

/** The sample plan file (format 1: block text as plain strings), a fresh copy per call so tests can mutate it. */
export function samplePlanJson(): PlanFileJson {
  return structuredClone(sample) as unknown as PlanFileJson;
}

/** The sample plan as the import gives it (block text as rich text), a fresh copy per call. */
export function samplePlan(): Plan {
  return importOrThrow(samplePlanJson());
}

/** The plan a file imports to; throws with the import errors otherwise. */
export function importOrThrow(json: unknown): Plan {
  const result = importPlan(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

/** The typed block with this id in a plan. */
export function planBlock<Type extends PlanBlock['type']>(plan: Plan, type: Type, id: string): Extract<PlanBlock, { type: Type }> {
  const found = plan.sections.flatMap((section) => section.blocks).find((block) => block.type === type && 'id' in block && block.id === id);
  if (found === undefined) throw new Error(`no ${type} ${id}`);
  return found as Extract<PlanBlock, { type: Type }>;
}

/** The editor's document JSON in the plain shape (TipTap's JSONContent type is a deep union). */
export function editorJson(editor: Editor): ProseMirrorNodeJson {
  return editor.getJSON() as ProseMirrorNodeJson;
}

/** A headless editor (no DOM: content must be JSON, not HTML, unless the test runs in jsdom) with the shared plan extensions. */
export function createPlanEditor(content: JSONContent | string): Editor {
  return new Editor({ extensions: planExtensions, content });
}

/** One section holding the given blocks. */
export function sectionDocument(blocks: JSONContent[]): JSONContent {
  return { type: 'doc', content: [{ type: 'planSection', attrs: { key: 'test', title: 'Test' }, content: blocks }] };
}

// Builders of the child nodes that hold a typed block's text (shared/schema/fields/),
// written out here rather than taken from typedBlockToNode, so the tests check its layout.

function textContent(text: string): { content?: ProseMirrorNodeJson[] } {
  return text === '' ? {} : { content: [{ type: 'text', text }] };
}

/** A paragraph of plain text (no content when empty, as ProseMirror writes it). */
export function paragraphJson(text: string): ProseMirrorNodeJson {
  return { type: 'paragraph', ...textContent(text) };
}

/** A single-line text field ('title', 'name', 'costNote'…). */
export function lineField(field: string, text: string): ProseMirrorNodeJson {
  return { type: 'blockLine', attrs: { field }, ...textContent(text) };
}

/** A formatted text field ('description', 'content', 'rationale'); given plain strings, one paragraph each. */
export function richField(field: string, blocks: readonly (string | ProseMirrorNodeJson)[]): ProseMirrorNodeJson {
  const content = blocks.map((block) => (typeof block === 'string' ? paragraphJson(block) : block));
  return { type: 'blockRichText', attrs: { field }, content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

/** A list of short texts ('responsible', 'partners', 'addressees'). */
export function lineListField(field: string, items: readonly string[]): ProseMirrorNodeJson {
  return withChildren({ type: 'blockLineList', attrs: { field } }, items.map((item) => ({ type: 'blockLineItem', ...textContent(item) })));
}

/** A direction's actions. */
export function actionListField(actions: readonly { id: string; text: string }[]): ProseMirrorNodeJson {
  return withChildren({ type: 'directionActionList' }, actions.map((action) => ({ type: 'directionAction', attrs: { id: action.id }, ...textContent(action.text) })));
}

/** A direction's indicator table: unit and values as attributes, name and source as lines. */
export function indicatorListField(
  rows: readonly { name: string; unit: string; baseline: unknown; target: unknown; source: string }[],
): ProseMirrorNodeJson {
  return withChildren(
    { type: 'directionIndicatorList' },
    rows.map(({ name, source, ...attrs }) => ({ type: 'directionIndicator', attrs, content: [lineField('name', name), lineField('source', source)] })),
  );
}

/** A direction's funding table, one atom per row. */
export function fundingListField(rows: readonly { code: string; amount: number }[]): ProseMirrorNodeJson {
  return withChildren({ type: 'fundingShareList' }, rows.map((row) => ({ type: 'fundingShare', attrs: { ...row } })));
}

function withChildren(node: ProseMirrorNodeJson, content: ProseMirrorNodeJson[]): ProseMirrorNodeJson {
  return content.length > 0 ? { ...node, content } : node;
}

/**
 * The same field nodes without any typed text: what a freshly inserted block
 * holds (lines and lists empty, rich text one empty paragraph, tables without rows).
 */
export function emptiedFields(fields: readonly ProseMirrorNodeJson[]): ProseMirrorNodeJson[] {
  return fields.map(({ content: _content, ...node }) => (node.type === 'blockRichText' ? { ...node, content: [{ type: 'paragraph' }] } : node));
}

/**
 * Writes the editor's document into the Y.Doc the way the Collaboration
 * binding does (y-tiptap's updateYFragment diffs the ProseMirror document
 * against the fragment). The binding itself needs a mounted view, which a
 * headless editor does not have.
 */
export function writeEditorToYDoc(editor: Editor, doc: Y.Doc): void {
  updateYFragment(doc, doc.getXmlFragment(CONTENT_FIELD), editor.state.doc, { mapping: new Map(), isOMark: new Map() });
}

/** The ProseMirror document a client would show for this Y.Doc. */
export function readYDocAsProseMirror(doc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CONTENT_FIELD), planSchema);
}

/** Position of the first node whose `id` attribute is `id`, or -1. */
export function findBlockPosition(doc: ProseMirrorNode, id: string): number {
  let found = -1;
  doc.descendants((node, position) => {
    if (found === -1 && node.attrs['id'] === id) found = position;
    return found === -1;
  });
  return found;
}

/** Position just inside the field child (`field` attribute) of the block at `blockPosition`, where typing starts. */
export function fieldTextPosition(doc: ProseMirrorNode, blockPosition: number, field: string): number {
  const block = doc.nodeAt(blockPosition);
  if (block === null) throw new Error(`no block at ${blockPosition}`);
  let found = -1;
  block.forEach((child, offset) => {
    if (found === -1 && child.attrs['field'] === field) found = blockPosition + 1 + offset + 1;
  });
  if (found === -1) throw new Error(`block at ${blockPosition} has no field '${field}'`);
  return found;
}

/** Two docs exchanging their full state, as the server would relay it. */
export function syncDocs(first: Y.Doc, second: Y.Doc): void {
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first, Y.encodeStateVector(second)));
  Y.applyUpdate(first, Y.encodeStateAsUpdate(second, Y.encodeStateVector(first)));
}
