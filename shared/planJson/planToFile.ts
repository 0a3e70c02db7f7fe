import type { Plan, PlanBlock } from '../domain/Plan.js';
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
  return { ...plan, sections: plan.sections.map((section) => ({ ...section, blocks: section.blocks.map(blockToFile) })) };
}

function blockToFile(block: PlanBlock): unknown {
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
