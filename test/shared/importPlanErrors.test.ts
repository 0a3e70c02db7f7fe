import { describe, expect, it } from 'vitest';
import { formatImportError } from '../../shared/planJson/ImportError.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { samplePlanJson } from './planTestDocuments.js';

type Json = Record<string, unknown> & { sections: (Record<string, unknown> & { blocks: Record<string, unknown>[] })[] };

function errorsOf(edit: (plan: Json) => void): string[] {
  const plan = samplePlanJson() as unknown as Json;
  edit(plan);
  const result = importPlan(plan);
  if (result.ok) return [];
  return result.errors.map(formatImportError);
}

function text(value: string, marks?: unknown[]): Record<string, unknown> {
  return marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

function block(plan: Json, section: number, index: number): Record<string, unknown> {
  const found = plan.sections[section]?.blocks[index];
  if (found === undefined) throw new Error(`no block sections[${section}].blocks[${index}]`);
  return found;
}

describe('importPlan rejects an invalid file with the exact place', () => {
  it('names an unknown code', () => {
    expect(errorsOf((plan) => ((block(plan, 4, 2)['targetGroups'] as string[])[0] = 'foo'))).toEqual([
      "sections[4].blocks[2].targetGroups[0]: unknown code 'foo'",
    ]);
    expect(errorsOf((plan) => (block(plan, 4, 2)['area'] = 'moon'))).toEqual(["sections[4].blocks[2].area: unknown code 'moon'"]);
    expect(
      errorsOf((plan) => ((block(plan, 4, 1)['fundingSources'] as Record<string, unknown>[])[1]!['code'] = 'LOTTERY')),
    ).toEqual(["sections[4].blocks[1].fundingSources[1].code: unknown code 'LOTTERY'"]);
  });

  it('names missing, unknown and wrong-typed fields and unknown block types', () => {
    expect(
      errorsOf((plan) => {
        delete plan['title'];
        (plan['period'] as Record<string, unknown>)['from'] = '2026';
        block(plan, 6, 1)['extra'] = true;
        block(plan, 0, 0)['type'] = 'table';
      }),
    ).toEqual([
      'title: required',
      'period.from: expected number, received string',
      "sections[0].blocks[0].type: unknown block type 'table'",
      'sections[6].blocks[1].extra: unknown field',
    ]);
  });

  it('rejects references that resolve to nothing or to the wrong block type', () => {
    expect(
      errorsOf((plan) => {
        block(plan, 4, 1)['goalRef'] = 'CS-9';
        block(plan, 3, 1)['parentId'] = 'KI-1.1';
        (block(plan, 5, 1)['relatedDirections'] as string[]).push('W-01');
        (block(plan, 7, 1)['directionRefs'] as string[])[0] = 'KI-1.1.a';
        block(plan, 5, 2)['proposedBy'] = 'm99';
      }),
    ).toEqual([
      "sections[3].blocks[1].parentId: 'KI-1.1' is an intervention direction, not a goal",
      "sections[4].blocks[1].goalRef: unknown goal 'CS-9'",
      "sections[5].blocks[1].relatedDirections[2]: 'W-01' is an indicator, not an intervention direction",
      "sections[5].blocks[2].proposedBy: unknown team member 'm99'",
      "sections[7].blocks[1].directionRefs[0]: 'KI-1.1.a' is an action, not an intervention direction",
    ]);
  });

  it('rejects duplicate ids and keys and periods that end before they start', () => {
    expect(
      errorsOf((plan) => {
        block(plan, 4, 2)['id'] = 'KI-1.1';
        plan.sections[8]!['key'] = 'wstep';
        (plan['period'] as Record<string, unknown>)['to'] = 2025;
        block(plan, 4, 3)['timeframe'] = { start: '2027-01', end: '2026-12' };
      }),
    ).toEqual([
      'period.to: ends (2025) before it starts (2026)',
      "sections[4].blocks[2].id: duplicate id 'KI-1.1' (also sections[4].blocks[1].id)",
      "sections[8].key: duplicate key 'wstep' (also sections[0].key)",
      'sections[4].blocks[3].timeframe.end: ends (2026-12) before it starts (2027-01)',
      // The renamed KI-1.2 leaves the indicator W-02 pointing nowhere.
      "sections[7].blocks[2].directionRefs[1]: unknown intervention direction 'KI-1.2'",
    ]);
  });

  it('rejects unsafe or invalid rich text at its path', () => {
    expect(
      errorsOf((plan) => {
        plan.sections[0]!.blocks.push({
          type: 'richText',
          node: {
            type: 'paragraph',
            content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
          },
        });
        plan.sections[1]!.blocks.push({ type: 'richText', node: { type: 'heading', attrs: { level: 1 } } });
        plan.sections[2]!.blocks.push({ type: 'richText', node: { type: 'paragraph', content: [{ type: 'text', text: 'plain' }] } });
      }),
    ).toEqual([
      "sections[0].blocks[3].node.content[0].marks[0]: link to a disallowed address 'javascript:alert(1)'",
      'sections[1].blocks[2].node.attrs.level: heading level 1 is not allowed; 2 used',
      "sections[2].blocks[4].node: plain text belongs in a 'paragraph' block",
    ]);
  });

  it('rejects bad rich text in a block field at its exact path', () => {
    expect(
      errorsOf((plan) => {
        plan['schemaVersion'] = 2;
        // A heading and a typed block cannot stand in a direction's description.
        block(plan, 4, 1)['description'] = [
          { type: 'heading', attrs: { level: 2 }, content: [text('Nagłówek')] },
          { type: 'paragraph', content: [text('dobry akapit')] },
          { type: 'goal', attrs: { id: 'CS-9' } },
        ];
        // Nor a typed block or a field node deep inside a list or a paragraph.
        block(plan, 4, 2)['description'] = [
          {
            type: 'bulletList',
            content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('punkt')] }, { type: 'interventionDirection', attrs: { id: 'KI-9' } }] }],
          },
          { type: 'paragraph', content: [{ type: 'blockLine', attrs: { field: 'title' } }] },
        ];
        // A javascript: link in a recommendation's content.
        block(plan, 5, 1)['content'] = [{ type: 'paragraph', content: [text('Kliknij', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] }];
        // Unknown marks and nodes in a rationale.
        block(plan, 5, 2)['rationale'] = [{ type: 'paragraph', content: [text('x', [{ type: 'blink' }])] }, { type: 'table' }];
      }),
    ).toEqual([
      "sections[4].blocks[1].description[0]: expected paragraph | bulletList | orderedList, received 'heading'",
      "sections[4].blocks[1].description[2]: expected paragraph | bulletList | orderedList, received 'goal'",
      "sections[4].blocks[2].description[0].content[0].content[1]: node type 'interventionDirection' is not allowed here",
      "sections[4].blocks[2].description[1].content[0]: node type 'blockLine' is not allowed here",
      "sections[5].blocks[1].content[0].content[0].marks[0]: link to a disallowed address 'javascript:alert(1)'",
      "sections[5].blocks[2].rationale[0].content[0].marks[0]: mark type 'blink' is not allowed",
      "sections[5].blocks[2].rationale[1]: expected paragraph | bulletList | orderedList, received 'table'",
    ]);
  });

  it('rejects a block field that is empty or holds something that is no node, at its path', () => {
    expect(
      errorsOf((plan) => {
        plan['schemaVersion'] = 2;
        block(plan, 5, 3)['content'] = [];
        block(plan, 3, 1)['description'] = [{ type: 'paragraph' }, 'akapit'];
      }),
    ).toEqual([
      'sections[3].blocks[1].description[1]: expected an editor node object with a type',
      'sections[5].blocks[3].content: expected at least one paragraph',
    ]);
  });

  it('rejects what is not a plan at all', () => {
    expect(importPlan(null)).toMatchObject({ ok: false, errors: [{ path: '', message: 'expected object, received null' }] });
    expect(importPlan([])).toMatchObject({ ok: false });
  });

  it('reports money that does not add up as a warning, not an error', () => {
    const plan = samplePlanJson() as unknown as Json;
    (block(plan, 4, 1)['estimatedCost'] as Record<string, unknown>)['amount'] = 18_600_000;
    const result = importPlan(plan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'fundingMismatch', blockId: 'KI-1.1', path: 'sections[4].blocks[1]', params: { funding: 18_500_000, cost: 18_600_000 } }),
    ]);
  });
});
