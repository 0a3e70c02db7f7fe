import type { PlanSectionAttributes } from '../domain/blockFields.js';
import type { Plan, PlanBlock, PlanSection } from '../domain/Plan.js';
import type { ProseMirrorNodeJson } from '../domain/ProseMirrorNodeJson.js';
import { typedBlockToNode } from './typedBlockToNode.js';

/** The editor document of a plan: one planSection node per section (plan-level fields live in the 'meta' map). */
export function planToProseMirror(plan: Pick<Plan, 'sections'>): ProseMirrorNodeJson {
  return { type: 'doc', content: plan.sections.map(sectionToNode) };
}

function sectionToNode(section: PlanSection): ProseMirrorNodeJson {
  const attrs: PlanSectionAttributes = {
    key: section.key,
    title: section.title,
    status: section.status ?? 'draft',
    responsibleUserId: section.responsibleUserId ?? null,
    hint: section.hint ?? '',
  };
  // A section needs at least one block to be editable; an empty paragraph reads back as no blocks.
  const content = section.blocks.length > 0 ? section.blocks.map(blockToNode) : [{ type: 'paragraph' }];
  return { type: 'planSection', attrs: { ...attrs }, content };
}

function blockToNode(block: PlanBlock): ProseMirrorNodeJson {
  switch (block.type) {
    case 'paragraph':
      return paragraphNode(block.text);
    case 'richText':
      return structuredClone(block.node);
    case 'goal':
    case 'interventionDirection':
    case 'recommendation':
    case 'indicator':
      return typedBlockToNode(block);
  }
}

function paragraphNode(text: string): ProseMirrorNodeJson {
  const content: ProseMirrorNodeJson[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) content.push({ type: 'hardBreak' });
    if (line !== '') content.push({ type: 'text', text: line });
  });
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}
