import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/domain/Plan.js';
import { TARGET_GROUPS } from '../../shared/domain/taxonomy.js';
import { buildIndicatorTable } from '../../shared/planViews/buildIndicatorTable.js';
import { buildTargetGroupMatrix } from '../../shared/planViews/buildTargetGroupMatrix.js';
import { collectPlanWarnings } from '../../shared/planViews/collectPlanWarnings.js';
import { computeFinancing } from '../../shared/planViews/computeFinancing.js';
import { groupRecommendations } from '../../shared/planViews/groupRecommendations.js';
import { samplePlan, samplePlanJson } from './planTestDocuments.js';

// Expected values are computed here from the raw JSON, independently of the code under test.
interface RawBlock {
  type: string;
  id?: string;
  kind?: string;
  status?: string;
  targetGroups?: string[];
  indicators?: { name: string }[];
  directionRefs?: string[];
  estimatedCost?: { amount: number };
  fundingSources?: { code: string; amount: number }[];
  timeframe?: { start: string; end: string };
}
const rawBlocks = (): RawBlock[] => (samplePlanJson() as unknown as { sections: { blocks: RawBlock[] }[] }).sections.flatMap((section) => section.blocks);
const rawDirections = (): RawBlock[] => rawBlocks().filter((block) => block.type === 'interventionDirection');

describe('plan views of the sample plan', () => {
  it('sums 8 directions to 118.7 mln PLN, by source and by year', () => {
    const financing = computeFinancing(samplePlan());
    expect(rawDirections()).toHaveLength(8);
    expect(financing.totalCost).toBe(118_700_000);
    expect(financing.totalCost).toBe(rawDirections().reduce((sum, block) => sum + (block.estimatedCost?.amount ?? 0), 0));
    expect(financing.totalFunding).toBe(118_700_000);
    expect(financing.unscheduledCost).toBe(0);

    const bySource: Record<string, number> = {};
    for (const share of rawDirections().flatMap((block) => block.fundingSources ?? [])) {
      bySource[share.code] = (bySource[share.code] ?? 0) + share.amount;
    }
    expect(financing.bySource).toEqual(bySource);
    // "about 72.5 mln" of ESF+ says the sample's own financing section.
    expect(financing.bySource.EFS_PLUS_REGIONAL).toBe(72_480_000);

    const byYear: Record<number, number> = {};
    for (const direction of rawDirections()) {
      const [startYear, startMonth] = (direction.timeframe?.start ?? '').split('-').map(Number) as [number, number];
      const [endYear, endMonth] = (direction.timeframe?.end ?? '').split('-').map(Number) as [number, number];
      const months = (endYear - startYear) * 12 + endMonth - startMonth + 1;
      for (let year = startYear; year <= endYear; year += 1) {
        const first = year === startYear ? startMonth : 1;
        const last = year === endYear ? endMonth : 12;
        byYear[year] = (byYear[year] ?? 0) + ((direction.estimatedCost?.amount ?? 0) * (last - first + 1)) / months;
      }
    }
    expect(Object.keys(financing.byYear)).toEqual(['2026', '2027', '2028']);
    // Whole grosze per month: a direction may shift less than 1 grosz per month between years.
    for (const [year, amount] of Object.entries(byYear)) {
      expect(Math.abs((financing.byYear[Number(year)] ?? 0) - amount)).toBeLessThan(1);
    }
    expect(Math.round(financing.byYear[2027] ?? 0)).toBe(41_939_394);
    const yearSum = Object.values(financing.byYear).reduce((sum, amount) => sum + amount, 0);
    expect(Math.round(yearSum * 100)).toBe(118_700_000 * 100);
    for (const [code, years] of Object.entries(financing.bySourceAndYear)) {
      const sum = Object.values(years).reduce((total, amount) => total + amount, 0);
      expect(Math.round(sum * 100)).toBe(Math.round((bySource[code] ?? 0) * 100));
    }
  });

  it('leaves rejected directions out of the totals and puts unplanned ones in unscheduledCost', () => {
    const plan = samplePlan();
    const directions = plan.sections[4]!.blocks.filter((block) => block.type === 'interventionDirection');
    const [first, second] = directions;
    if (first?.type !== 'interventionDirection' || second?.type !== 'interventionDirection') throw new Error('sample changed');
    first.status = 'rejected';
    second.timeframe = { start: '', end: '' };
    const financing = computeFinancing(plan);
    expect(financing.totalCost).toBe(118_700_000 - first.estimatedCost.amount);
    expect(financing.unscheduledCost).toBe(second.estimatedCost.amount);
  });

  it('builds the target group × direction matrix and finds uncovered groups', () => {
    const matrix = buildTargetGroupMatrix(samplePlan());
    const covered = new Set(rawDirections().flatMap((block) => block.targetGroups ?? []));
    expect(matrix.uncoveredTargetGroups).toEqual(TARGET_GROUPS.filter((group) => !covered.has(group)));
    expect(matrix.uncoveredTargetGroups).toEqual(['migrants', 'addictionViolence']);
    expect(matrix.directions.map((direction) => direction.id)).toEqual(rawDirections().map((block) => block.id));
    expect(matrix.rows.map((row) => row.targetGroup)).toEqual([...TARGET_GROUPS]);
    const row = (group: string): string[] => matrix.rows.find((candidate) => candidate.targetGroup === group)?.directionIds ?? [];
    expect(row('informalCarers')).toEqual(['KI-2.1']);
    expect(row('mentalHealth')).toEqual(['KI-4.1', 'KI-5.1']);
    expect(row('olderPersons')).toEqual(
      rawDirections().filter((block) => block.targetGroups?.includes('olderPersons')).map((block) => block.id),
    );
  });

  it('groups recommendations by kind and status', () => {
    const groups = groupRecommendations(samplePlan());
    const raw = rawBlocks().filter((block) => block.type === 'recommendation');
    expect(raw).toHaveLength(7);
    for (const kind of ['recommendation', 'model', 'guideline'] as const) {
      expect(groups.byKind[kind].map((item) => item.id)).toEqual(raw.filter((block) => block.kind === kind).map((block) => block.id));
    }
    expect(groups.byKind.recommendation.map((item) => item.id)).toEqual(['R-01', 'R-05', 'R-06']);
    expect(groups.byStatus.rejected.map((item) => item.id)).toEqual(['R-06']);
    expect(groups.byStatus.draft).toEqual([]);
    expect(groups.byKindAndStatus.model.underDiscussion.map((item) => item.id)).toEqual(['R-04']);
    expect(groups.byKindAndStatus.guideline.agreed.map((item) => item.id)).toEqual(['R-02', 'R-07']);
  });

  it('lists indicator blocks and the directions’ own indicators in one table', () => {
    const table = buildIndicatorTable(samplePlan());
    const indicatorBlocks = rawBlocks().filter((block) => block.type === 'indicator');
    const directionIndicators = rawDirections().flatMap((block) => block.indicators ?? []);
    expect(indicatorBlocks).toHaveLength(8);
    expect(table).toHaveLength(indicatorBlocks.length + directionIndicators.length);
    expect(table.slice(0, 8).map((row) => row.id)).toEqual(indicatorBlocks.map((block) => block.id));
    expect(table.find((row) => row.id === 'W-02')?.directionIds).toEqual(['KI-1.1', 'KI-1.2']);
    expect(table.find((row) => row.id === 'KI-3.1/1')).toMatchObject({ origin: 'direction', goalRef: 'CS-3', sameAs: 'W-01' });
    expect(table.find((row) => row.id === 'KI-3.1/2')?.sameAs).toBe('W-03');
    expect(table.find((row) => row.id === 'KI-1.1/1')?.sameAs).toBeNull();
  });
});

describe('plan warnings', () => {
  it('finds nothing wrong in the sample', () => {
    expect(collectPlanWarnings(samplePlan())).toEqual([]);
  });

  it('flags money, references, missing indicators, timeframes and duplicate ids with block ids', () => {
    const plan: Plan = samplePlan();
    const blocks = plan.sections.flatMap((section) => section.blocks);
    const byId = (id: string) => blocks.find((block) => 'id' in block && block.id === id);
    const direction = byId('KI-5.1');
    const goal = byId('CS-1');
    const recommendation = byId('R-01');
    const indicator = byId('W-08');
    const duplicate = byId('W-07');
    if (
      direction?.type !== 'interventionDirection' ||
      goal?.type !== 'goal' ||
      recommendation?.type !== 'recommendation' ||
      indicator?.type !== 'indicator' ||
      duplicate?.type !== 'indicator'
    ) {
      throw new Error('sample changed');
    }
    direction.fundingSources[0]!.amount = 1;
    direction.indicators = [];
    direction.timeframe = { start: '2028-01', end: '' };
    indicator.directionRefs = ['KI-9.9'];
    indicator.goalRef = 'R-01';
    goal.parentId = 'nope';
    recommendation.proposedBy = 'stranger';
    duplicate.id = 'W-06';

    const warnings = collectPlanWarnings(plan).map(({ code, blockId }) => `${blockId} ${code}`);
    expect(warnings.sort()).toEqual(
      [
        'W-06 duplicateId',
        'CS-1 parentUnresolved',
        'KI-5.1 fundingMismatch',
        'KI-5.1 directionWithoutIndicator',
        'KI-5.1 timeframeInvalid',
        'R-01 proposerUnknown',
        'W-08 goalRefUnresolved',
        'W-08 directionRefUnresolved',
      ].sort(),
    );
    const funding = collectPlanWarnings(plan).find((warning) => warning.code === 'fundingMismatch');
    expect(funding).toMatchObject({ sectionKey: 'kierunki', path: 'sections[4].blocks[7]', params: { funding: 1_100_001, cost: 5_400_000 } });
  });
});
