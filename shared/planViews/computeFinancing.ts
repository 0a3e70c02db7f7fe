import type { Plan } from '../domain/Plan.js';
import { FUNDING_SOURCES, type FundingSourceCode } from '../domain/taxonomy.js';
import { listPlanBlocks } from './listPlanBlocks.js';
import { fromMinorUnits, toMinorUnits } from './toMinorUnits.js';

/** Totals are in this currency; directions costed in another one are listed in `skippedDirectionIds`. */
export const FINANCING_CURRENCY = 'PLN';

export interface FinancingSummary {
  currency: typeof FINANCING_CURRENCY;
  /** Sum of the directions' estimated costs. */
  totalCost: number;
  /** Sum of the directions' funding shares (differs from totalCost when a direction does not add up). */
  totalFunding: number;
  /** Funding per source; only sources that occur, in taxonomy order. */
  bySource: Partial<Record<FundingSourceCode, number>>;
  /** Estimated cost per calendar year (see the spreading rule below). */
  byYear: Record<number, number>;
  /** Funding per source and calendar year. */
  bySourceAndYear: Partial<Record<FundingSourceCode, Record<number, number>>>;
  /** Cost of directions without a usable timeframe, so not in byYear. */
  unscheduledCost: number;
  skippedDirectionIds: string[];
}

/**
 * Financing totals of a plan's intervention directions, rejected ones left out.
 *
 * Spreading rule: a direction's cost, and each of its funding shares, is split
 * evenly over the calendar months of its timeframe (start and end months
 * included) and summed per calendar year. The split is done in grosze with
 * the remainder going to the earliest months, so the years add up exactly to
 * the amount. A direction whose timeframe is missing or ends before it starts
 * counts in the totals and in `unscheduledCost`, not in the years.
 */
export function computeFinancing(plan: Pick<Plan, 'sections'>): FinancingSummary {
  let totalCost = 0;
  let totalFunding = 0;
  let unscheduledCost = 0;
  const bySource = new Map<FundingSourceCode, number>();
  const byYear = new Map<number, number>();
  const bySourceAndYear = new Map<FundingSourceCode, Map<number, number>>();
  const skippedDirectionIds: string[] = [];

  for (const { block: direction } of listPlanBlocks(plan, 'interventionDirection')) {
    if (direction.status === 'rejected') continue;
    if (direction.estimatedCost.currency !== FINANCING_CURRENCY) {
      skippedDirectionIds.push(direction.id);
      continue;
    }
    const months = monthsOf(direction.timeframe.start, direction.timeframe.end);
    const cost = toMinorUnits(direction.estimatedCost.amount);
    totalCost += cost;
    if (months === null) unscheduledCost += cost;
    else addSpread(byYear, cost, months);

    for (const share of direction.fundingSources) {
      const amount = toMinorUnits(share.amount);
      totalFunding += amount;
      bySource.set(share.code, (bySource.get(share.code) ?? 0) + amount);
      if (months !== null) {
        const years = bySourceAndYear.get(share.code) ?? new Map<number, number>();
        addSpread(years, amount, months);
        bySourceAndYear.set(share.code, years);
      }
    }
  }

  const sources = FUNDING_SOURCES.filter((code) => bySource.has(code));
  return {
    currency: FINANCING_CURRENCY,
    totalCost: fromMinorUnits(totalCost),
    totalFunding: fromMinorUnits(totalFunding),
    bySource: Object.fromEntries(sources.map((code) => [code, fromMinorUnits(bySource.get(code) ?? 0)])),
    byYear: yearRecord(byYear),
    bySourceAndYear: Object.fromEntries(
      sources.filter((code) => bySourceAndYear.has(code)).map((code) => [code, yearRecord(bySourceAndYear.get(code) ?? new Map())]),
    ),
    unscheduledCost: fromMinorUnits(unscheduledCost),
    skippedDirectionIds,
  };
}

/** The calendar year of every month from start to end (YYYY-MM, inclusive), or null if unusable. */
function monthsOf(start: string, end: string): number[] | null {
  const from = parseMonth(start);
  const to = parseMonth(end);
  if (from === null || to === null || to < from) return null;
  const years: number[] = [];
  for (let month = from; month <= to; month += 1) years.push(Math.floor(month / 12));
  return years;
}

function parseMonth(value: string): number | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  return match === null ? null : Number(match[1]) * 12 + Number(match[2]) - 1;
}

function addSpread(totals: Map<number, number>, minorUnits: number, monthYears: number[]): void {
  const base = Math.floor(minorUnits / monthYears.length);
  const remainder = minorUnits - base * monthYears.length;
  monthYears.forEach((year, index) => {
    totals.set(year, (totals.get(year) ?? 0) + base + (index < remainder ? 1 : 0));
  });
}

function yearRecord(totals: Map<number, number>): Record<number, number> {
  return Object.fromEntries([...totals.entries()].sort(([a], [b]) => a - b).map(([year, amount]) => [year, fromMinorUnits(amount)]));
}
