import type { z } from 'zod';
import type { Plan, PlanBlock } from '../domain/Plan.js';
import { RICH_TEXT_BLOCK_TYPES, type RichText } from '../domain/richText.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import { collectPlanWarnings, type PlanWarning } from '../planViews/collectPlanWarnings.js';
import { planSchema } from '../schema/planExtensions.js';
import type { DroppedContent } from './DroppedContent.js';
import { formatPath } from './formatPath.js';
import type { ImportError } from './ImportError.js';
import { planFileSchema } from './planFileSchema.js';
import { planToProseMirror } from './planToProseMirror.js';
import { proseMirrorToPlan } from './proseMirrorToPlan.js';
import { sanitizeRichTextNode } from './sanitizeRichTextNode.js';
import { validatePlanReferences } from './validatePlanReferences.js';

export type ImportPlanResult =
  | {
      ok: true;
      /** The plan in canonical form: exactly what exporting the document gives back. */
      plan: Plan;
      /** The editor document (sections only; the plan-level fields go to the 'meta' map). */
      doc: ProseMirrorNodeJson;
      /** Consistency problems that do not block the import, e.g. funding ≠ estimated cost. */
      warnings: PlanWarning[];
    }
  | { ok: false; errors: ImportError[] };

/**
 * Validates an uploaded plan file (parsed JSON of unknown shape) and converts
 * it to the editor document. Errors name the exact place, e.g.
 * `sections[3].blocks[2].targetGroups[0]: unknown code 'foo'`.
 */
export function importPlan(json: unknown): ImportPlanResult {
  const parsed = planFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap((issue) => toImportErrors(issue, json)) };
  const plan = parsed.data;

  const errors = [...validateRichText(plan), ...validatePlanReferences(plan)];
  if (errors.length > 0) return { ok: false, errors };

  const doc = planToProseMirror(plan);
  try {
    planSchema.nodeFromJSON(doc).check();
  } catch (error) {
    return { ok: false, errors: [{ path: 'sections', message: `invalid document: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const { sections, ...meta } = plan;
  const canonical = proseMirrorToPlan(doc, meta).plan;
  return { ok: true, plan: canonical, doc, warnings: collectPlanWarnings(canonical) };
}

function validateRichText(plan: Plan): ImportError[] {
  const errors: ImportError[] = [];
  plan.sections.forEach((section, sectionIndex) => {
    section.blocks.forEach((block, blockIndex) => {
      const blockPath = `sections[${sectionIndex}].blocks[${blockIndex}]`;
      for (const [field, richText] of richTextFieldsOf(block)) errors.push(...validateRichTextField(richText, `${blockPath}.${field}`));
      if (block.type !== 'richText') return;
      const path = `${blockPath}.node`;
      const dropped: DroppedContent[] = [];
      const node = sanitizeRichTextNode(block.node, path, dropped);
      errors.push(...dropped.map(({ path: droppedPath, reason }) => ({ path: droppedPath, message: reason })));
      if (node !== null && dropped.length === 0 && isPlainParagraph(node)) {
        errors.push({ path, message: "plain text belongs in a 'paragraph' block" });
      }
    });
  });
  return errors;
}

function richTextFieldsOf(block: PlanBlock): [string, RichText][] {
  switch (block.type) {
    case 'goal':
    case 'interventionDirection':
      return [['description', block.description]];
    case 'recommendation':
      return [
        ['content', block.content],
        ['rationale', block.rationale],
      ];
    default:
      return [];
  }
}

/** A block field holds only paragraphs and lists, each valid against the plan schema. */
function validateRichTextField(richText: RichText, path: string): ImportError[] {
  const errors: ImportError[] = [];
  richText.forEach((node, index) => {
    const nodePath = `${path}[${index}]`;
    if (!(RICH_TEXT_BLOCK_TYPES as readonly string[]).includes(node.type)) {
      errors.push({ path: nodePath, message: `expected ${RICH_TEXT_BLOCK_TYPES.join(' | ')}, received '${node.type}'` });
      return;
    }
    const dropped: DroppedContent[] = [];
    sanitizeRichTextNode(node, nodePath, dropped);
    errors.push(...dropped.map(({ path: droppedPath, reason }) => ({ path: droppedPath, message: reason })));
  });
  return errors;
}

function isPlainParagraph(node: ProseMirrorNodeJson): boolean {
  return (
    node.type === 'paragraph' &&
    node.attrs === undefined &&
    (node.content ?? []).every((child) => child.type === 'hardBreak' || (child.type === 'text' && (child.marks ?? []).length === 0))
  );
}

function toImportErrors(issue: z.core.$ZodIssue, input: unknown): ImportError[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }));
    case 'invalid_type':
      return [
        {
          path,
          message:
            valueAt(input, issue.path) === undefined
              ? 'required'
              : `expected ${issue.expected}, received ${describe(valueAt(input, issue.path))}`,
        },
      ];
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const value = valueAt(input, issue.path);
        return [{ path, message: value === undefined ? 'required' : `unknown block type '${String(value)}'` }];
      }
      return closestUnionBranch(issue).flatMap((branchIssue) => toImportErrors({ ...branchIssue, path: [...issue.path, ...branchIssue.path] }, input));
    case 'invalid_value':
      return [{ path, message: issue.message.startsWith('Invalid') ? `expected ${issue.values.map(String).join(' | ')}` : issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

/**
 * The issues of the union branch that got furthest into the value (a rich
 * text field given a list is told what is wrong inside the list, not that it
 * is no string either).
 */
function closestUnionBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] {
  let best: z.core.$ZodIssue[] = [];
  let bestDepth = -1;
  for (const branch of issue.errors) {
    const depth = Math.max(...branch.map((candidate) => candidate.path.length + (candidate.code === 'invalid_type' ? 0 : 0.5)));
    if (depth > bestDepth) {
      best = branch;
      bestDepth = depth;
    }
  }
  return best.length > 0 ? best : [{ ...issue, code: 'custom', message: issue.message, path: [] } as z.core.$ZodIssue];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
