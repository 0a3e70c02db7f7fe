import type { MeasuredValue, Plan } from '../domain/Plan.js';
import type { IndicatorFrequency, IndicatorKind } from '../domain/taxonomy.js';
import { listPlanBlocks } from './listPlanBlocks.js';

export interface IndicatorRow {
  /** The indicator block's id, or '<directionId>/<n>' for the n-th indicator listed in a direction. */
  id: string;
  origin: 'indicatorBlock' | 'direction';
  name: string;
  /** Only indicator blocks carry kind, frequency and who measures. */
  kind: IndicatorKind | null;
  unit: string;
  baseline: MeasuredValue;
  target: MeasuredValue;
  source: string;
  frequency: IndicatorFrequency | null;
  responsible: string;
  goalRef: string | null;
  directionIds: string[];
  /** For a direction's indicator: the indicator block of the same name that measures this direction, if any. */
  sameAs: string | null;
}

/**
 * The monitoring table: indicator blocks first (document order), then the
 * indicators listed inside directions. A direction's indicator that repeats
 * an indicator block is kept but marked `sameAs`, so the table can merge it.
 */
export function buildIndicatorTable(plan: Pick<Plan, 'sections'>): IndicatorRow[] {
  const blockRows: IndicatorRow[] = listPlanBlocks(plan, 'indicator').map(({ block }) => ({
    id: block.id,
    origin: 'indicatorBlock',
    name: block.name,
    kind: block.kind,
    unit: block.unit,
    baseline: block.baseline,
    target: block.target,
    source: block.source,
    frequency: block.frequency,
    responsible: block.responsible,
    goalRef: block.goalRef,
    directionIds: [...block.directionRefs],
    sameAs: null,
  }));
  const directionRows = listPlanBlocks(plan, 'interventionDirection').flatMap(({ block: direction }) =>
    direction.indicators.map(
      (indicator, index): IndicatorRow => ({
        id: `${direction.id}/${index + 1}`,
        origin: 'direction',
        name: indicator.name,
        kind: null,
        unit: indicator.unit,
        baseline: indicator.baseline,
        target: indicator.target,
        source: indicator.source,
        frequency: null,
        responsible: direction.responsible.join(', '),
        goalRef: direction.goalRef,
        directionIds: [direction.id],
        sameAs:
          blockRows.find((row) => row.name.trim() === indicator.name.trim() && row.directionIds.includes(direction.id))?.id ??
          null,
      }),
    ),
  );
  return [...blockRows, ...directionRows];
}
