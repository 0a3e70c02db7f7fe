import type { Plan, PlanBlock } from '../domain/Plan.js';
import type { ImportError } from './ImportError.js';

type BlockType = PlanBlock['type'];

const TYPE_NAMES: Partial<Record<BlockType | 'action', string>> = {
  action: 'action',
  goal: 'goal',
  interventionDirection: 'intervention direction',
  recommendation: 'recommendation',
  indicator: 'indicator',
};

/**
 * The invariants of a plan file beyond its shape (README §5): unique ids and
 * keys, references that resolve to blocks of the right type, proposers who are
 * team members, periods and timeframes that do not end before they start.
 * Money that does not add up is only a warning (collectPlanWarnings).
 */
export function validatePlanReferences(plan: Plan): ImportError[] {
  const errors: ImportError[] = [];
  const error = (path: string, message: string): void => {
    errors.push({ path, message });
  };

  if (plan.period.from > plan.period.to) error('period.to', `ends (${plan.period.to}) before it starts (${plan.period.from})`);

  const teamIds = new Map<string, number>();
  plan.team.forEach((member, index) => {
    const first = teamIds.get(member.id);
    if (first !== undefined) error(`team[${index}].id`, `duplicate id '${member.id}' (also team[${first}].id)`);
    else teamIds.set(member.id, index);
  });

  const sectionKeys = new Map<string, number>();
  const idOwners = new Map<string, { path: string; type: BlockType | 'action' }>();
  const claimId = (id: string, path: string, type: BlockType | 'action'): void => {
    const owner = idOwners.get(id);
    if (owner !== undefined) error(path, `duplicate id '${id}' (also ${owner.path})`);
    else idOwners.set(id, { path, type });
  };

  plan.sections.forEach((section, sectionIndex) => {
    const first = sectionKeys.get(section.key);
    if (first !== undefined) error(`sections[${sectionIndex}].key`, `duplicate key '${section.key}' (also sections[${first}].key)`);
    else sectionKeys.set(section.key, sectionIndex);
    section.blocks.forEach((block, blockIndex) => {
      const path = `sections[${sectionIndex}].blocks[${blockIndex}]`;
      if (block.type === 'paragraph' || block.type === 'richText') return;
      claimId(block.id, `${path}.id`, block.type);
      if (block.type === 'interventionDirection') {
        block.actions.forEach((action, actionIndex) => {
          if (action.id !== '') claimId(action.id, `${path}.actions[${actionIndex}].id`, 'action');
        });
      }
    });
  });

  const expectRef = (ref: string | null, path: string, expected: BlockType): void => {
    if (ref === null) return;
    const owner = idOwners.get(ref);
    if (owner === undefined) error(path, `unknown ${TYPE_NAMES[expected] ?? expected} '${ref}'`);
    else if (owner.type !== expected) {
      error(path, `'${ref}' is ${withArticle(TYPE_NAMES[owner.type] ?? owner.type)}, not ${withArticle(TYPE_NAMES[expected] ?? expected)}`);
    }
  };

  plan.sections.forEach((section, sectionIndex) => {
    section.blocks.forEach((block, blockIndex) => {
      const path = `sections[${sectionIndex}].blocks[${blockIndex}]`;
      switch (block.type) {
        case 'goal':
          expectRef(block.parentId, `${path}.parentId`, 'goal');
          break;
        case 'interventionDirection': {
          expectRef(block.goalRef, `${path}.goalRef`, 'goal');
          const { start, end } = block.timeframe;
          if ((start === '') !== (end === '')) error(`${path}.timeframe`, 'start and end must both be set or both be empty');
          else if (start > end) error(`${path}.timeframe.end`, `ends (${end}) before it starts (${start})`);
          break;
        }
        case 'recommendation':
          block.relatedDirections.forEach((ref, index) =>
            expectRef(ref, `${path}.relatedDirections[${index}]`, 'interventionDirection'),
          );
          if (block.proposedBy !== '' && !teamIds.has(block.proposedBy)) {
            error(`${path}.proposedBy`, `unknown team member '${block.proposedBy}'`);
          }
          break;
        case 'indicator':
          expectRef(block.goalRef, `${path}.goalRef`, 'goal');
          block.directionRefs.forEach((ref, index) => expectRef(ref, `${path}.directionRefs[${index}]`, 'interventionDirection'));
          break;
        case 'paragraph':
        case 'richText':
          break;
      }
    });
  });
  return errors;
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
