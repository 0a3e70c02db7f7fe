import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/domain/Plan.js';
import { importPlan } from '../../shared/planJson/importPlan.js';
import { buildIndicatorTable } from '../../shared/planViews/buildIndicatorTable.js';
import { buildTargetGroupMatrix } from '../../shared/planViews/buildTargetGroupMatrix.js';
import { collectPlanWarnings } from '../../shared/planViews/collectPlanWarnings.js';
import { computeFinancing } from '../../shared/planViews/computeFinancing.js';
import { groupRecommendations } from '../../shared/planViews/groupRecommendations.js';
import { RICH, richBlockPlanFile } from '../helpers/richBlockPlanFile.js';

function planOf(file: unknown): Plan {
  const imported = importPlan(file);
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
  return imported.plan;
}

const plainSample = (): Plan => planOf(JSON.parse(readFileSync('shared/domain/samples/sample-plan-a.json', 'utf8')));

describe('plan views of a plan with rich text in block fields', () => {
  it('compute the same financing, matrix, indicator table, groups and warnings as the plain plan', () => {
    const rich = planOf(richBlockPlanFile());
    const plain = plainSample();
    const recommendation = rich.sections.flatMap((section) => section.blocks).find((block) => block.type === 'recommendation' && block.id === 'R-01');
    // The fixture really holds formatted nodes, not strings.
    expect(JSON.stringify(recommendation)).toContain(`{"type":"text","marks":[{"type":"bold"}],"text":"${RICH.contentBold}"}`);

    expect(computeFinancing(rich)).toEqual(computeFinancing(plain));
    expect(buildTargetGroupMatrix(rich)).toEqual(buildTargetGroupMatrix(plain));
    expect(buildIndicatorTable(rich)).toEqual(buildIndicatorTable(plain));
    expect(collectPlanWarnings(rich)).toEqual(collectPlanWarnings(plain));
    const ids = (plan: Plan): Record<string, string[]> =>
      Object.fromEntries(Object.entries(groupRecommendations(plan).byKind).map(([kind, list]) => [kind, list.map((block) => block.id)]));
    expect(ids(rich)).toEqual(ids(plain));
    expect(computeFinancing(rich).totalCost).toBe(118_700_000);
  });

  it('warn about the plan, not about its formatting: a broken reference in a formatted block is still found', () => {
    const rich = planOf(richBlockPlanFile());
    const direction = rich.sections.flatMap((section) => section.blocks).find((block) => block.type === 'interventionDirection' && block.id === 'KI-1.1');
    if (direction?.type !== 'interventionDirection') throw new Error('no KI-1.1');
    direction.goalRef = 'CS-404';
    const warnings = collectPlanWarnings(rich).filter((warning) => warning.blockId === 'KI-1.1');
    expect(warnings.map((warning) => warning.code)).toContain('goalRefUnresolved');
  });
});
