import type { Cell, ResultTable } from './ResultTable.js';
import type { ScenarioResult } from './Scenario.js';
import { ratio } from './ratio.js';

export interface Metric {
  label: string;
  /** The number from one target's result, or null where it does not apply. */
  pick(result: ScenarioResult): number | null;
}

/** One row per metric, one column per target, then ours ÷ each peer. */
export function sideBySide(title: string, results: ScenarioResult[], ours: string, metrics: Metric[], notes?: string[]): ResultTable {
  const own = results.find((result) => result.server === ours);
  const peers = results.filter((result) => result !== own);
  const format = (value: number | null): Cell => {
    if (value === null || !Number.isFinite(value)) return null;
    return Math.abs(value) >= 100 ? Number(value.toFixed(0)) : Math.abs(value) >= 10 ? Number(value.toFixed(1)) : Number(value.toFixed(2));
  };
  return {
    title,
    columns: ['metric', ...results.map((result) => result.server), ...peers.map((peer) => `${ours} ÷ ${peer.server}`)],
    rows: metrics.map((metric) => [
      metric.label,
      ...results.map((result) => format(metric.pick(result))),
      ...peers.map((peer) => ratio(own ? metric.pick(own) : null, metric.pick(peer))),
    ]),
    ...(notes ? { notes } : {}),
  };
}
