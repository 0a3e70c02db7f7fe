import type { Plan, PlanBlock } from '../domain/Plan.js';
import { isPlainObject } from './isPlainObject.js';
import { plainTextOfRichText, type RichText } from '../domain/richText.js';

/** A rich text field as a plan file holds it: a string while it has no formatting, else its nodes. */
export type RichTextInFile = string | RichText;

/**
 * The plan as a file of the current format: rich text fields without
 * formatting are written as strings, so a plan with plain fields looks like
 * a format 1 file (apart from `schemaVersion`) and diffs stay readable.
 * importPlan reads the result back to an equal plan.
 */
export function planToFile(plan: Plan): unknown {
  // Renderers get snapshots that may hold anything a client slipped in: leave what is not a list as it is.
  if (!Array.isArray(plan.sections)) return plan;
  return {
    ...plan,
    sections: plan.sections.map((section) => (Array.isArray(section?.blocks) ? { ...section, blocks: section.blocks.map(blockToFile) } : section)),
  };
}

function blockToFile(block: PlanBlock): unknown {
  if (!isPlainObject(block)) return block;
  switch (block.type) {
    case 'goal':
    case 'interventionDirection':
      return { ...block, description: richTextToFile(block.description) };
    case 'recommendation':
      return { ...block, content: richTextToFile(block.content), rationale: richTextToFile(block.rationale) };
    default:
      return block;
  }
}

// A plan read from a document is already coerced, but a renderer must not throw on one that slipped through.
function richTextToFile(richText: RichText): RichTextInFile {
  return Array.isArray(richText) ? (plainTextOfRichText(richText) ?? richText) : richText;
}
