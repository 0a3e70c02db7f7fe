import { describe, expect, it } from 'vitest';
import type { InterventionDirectionBlock, Plan, RecommendationBlock } from '../../shared/domain/Plan.js';
import type { ProseMirrorNodeJson } from '../../shared/domain/ProseMirrorNodeJson.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { comparePlans, type BlockChange } from '../../shared/versions/comparePlans.js';
import type { FieldChange } from '../../shared/versions/diffFields.js';
import { RICH, richBlockPlanFile } from '../helpers/richBlockPlanFile.js';

function richPlan(): Plan {
  const imported = importPlan(richBlockPlanFile());
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.plan;
}

function block<Type extends 'interventionDirection' | 'recommendation'>(plan: Plan, id: string): Extract<InterventionDirectionBlock | RecommendationBlock, { type: Type }> {
  const found = plan.sections.flatMap((section) => section.blocks).find((candidate) => 'id' in candidate && candidate.id === id);
  if (found === undefined) throw new Error(`no ${id}`);
  return found as Extract<InterventionDirectionBlock | RecommendationBlock, { type: Type }>;
}

function changesOf(before: Plan, after: Plan, id: string): FieldChange[] {
  const change = comparePlans({ plan: before, statuses: {} }, { plan: after, statuses: {} }).blockChanges.find((entry: BlockChange) => entry.blockId === id);
  return change?.kind === 'changed' ? change.changes : [];
}

/** The text node holding `text` anywhere in rich text, to edit it in place. */
function textNode(nodes: ProseMirrorNodeJson[], text: string): ProseMirrorNodeJson {
  for (const node of nodes) {
    if (node.type === 'text' && node.text === text) return node;
    const inner = node.content === undefined ? null : textNodeOrNull(node.content, text);
    if (inner !== null) return inner;
  }
  throw new Error(`no text node ${text}`);
}
function textNodeOrNull(nodes: ProseMirrorNodeJson[], text: string): ProseMirrorNodeJson | null {
  try {
    return textNode(nodes, text);
  } catch {
    return null;
  }
}

describe('comparing plans with rich text in block fields', () => {
  it('shows a word changed inside a description word by word, and an attribute change as a whole', () => {
    const before = richPlan();
    const after = richPlan();
    const direction = block<'interventionDirection'>(after, 'KI-1.1');
    textNode(direction.description, RICH.bullets[1]).text = 'wsparcie superwizorów';
    direction.area = 'elderCare';
    direction.estimatedCost.amount += 1000;

    const changes = changesOf(before, after, 'KI-1.1');
    const description = changes.find((change) => change.field === 'description');
    expect(description?.parts?.filter((part) => part.removed).map((part) => part.value)).toEqual(['koordynatorów']);
    expect(description?.parts?.filter((part) => part.added).map((part) => part.value)).toEqual(['superwizorów']);
    // The unchanged words around it, the list marker included, are there as context.
    expect(description?.parts?.map((part) => (part.added ? '' : part.value)).join('')).toContain(`${RICH.bold} są potrzebne`);
    expect(description?.parts?.map((part) => (part.removed ? '' : part.value)).join('')).toContain('• wsparcie superwizorów');
    expect(description?.to).toContain('• wsparcie superwizorów');

    const area = changes.find((change) => change.field === 'area');
    expect(area).toEqual({ field: 'area', from: 'childFamily', to: 'elderCare' });
    const cost = changes.find((change) => change.field === 'estimatedCost.amount');
    expect(cost?.parts).toBeUndefined();
    expect(Number(cost?.to) - Number(cost?.from)).toBe(1000);
    expect(changes).toHaveLength(3);
  });

  it('diffs plain typed text word by word too: titles, actions, list entries, the cost note', () => {
    const before = richPlan();
    const after = richPlan();
    const direction = block<'interventionDirection'>(after, 'KI-1.1');
    const firstAction = direction.actions[0];
    if (firstAction === undefined) throw new Error('no action');
    firstAction.text = firstAction.text.replace('kampania', 'akcja');
    direction.responsible = [...direction.responsible, 'Nowy podmiot'];
    direction.goalRef = 'CS-2';

    const changes = changesOf(before, after, 'KI-1.1');
    const action = changes.find((change) => change.field === 'actions[0].text');
    expect(action?.parts?.filter((part) => part.removed).map((part) => part.value)).toEqual(['kampania']);
    expect(action?.parts?.filter((part) => part.added).map((part) => part.value)).toEqual(['akcja']);
    const added = changes.find((change) => change.field === `responsible[${direction.responsible.length - 1}]`);
    expect(added).toMatchObject({ from: '', to: 'Nowy podmiot', parts: [{ value: 'Nowy podmiot', added: true }] });
    // A reference is an attribute: no word diff of ids.
    expect(changes.find((change) => change.field === 'goalRef')).toEqual({ field: 'goalRef', from: 'CS-1', to: 'CS-2' });
  });

  it('notes a change of formatting alone in a recommendation, and nothing when the rich text is equal', () => {
    const before = richPlan();
    const same = richPlan();
    expect(comparePlans({ plan: before, statuses: {} }, { plan: same, statuses: {} }).blockChanges).toEqual([]);

    const after = richPlan();
    const recommendation = block<'recommendation'>(after, 'R-01');
    delete textNode(recommendation.rationale, RICH.rationaleItalic).marks;
    textNode(recommendation.content, 'Nabory stosują ').text = 'Nabory zawsze stosują ';
    const changes = changesOf(before, after, 'R-01');
    const rationale = changes.find((change) => change.field === 'rationale');
    expect(rationale).toMatchObject({ formattingChanged: true, parts: [{ value: rationale?.to }] });
    expect(rationale?.parts?.some((part) => part.added || part.removed)).toBe(false);
    const content = changes.find((change) => change.field === 'content');
    expect(content?.parts?.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['zawsze']);
    expect(content?.formattingChanged).toBeUndefined();
    expect(changes).toHaveLength(2);
  });
});
