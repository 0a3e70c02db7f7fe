import type { ResultTable } from './ResultTable.js';
import type { ServerTarget } from './ServerTarget.js';

export interface ScenarioContext {
  target: ServerTarget;
  /** Progress lines for the person watching; results go in the returned tables. */
  log(message: string): void;
}

export interface ScenarioResult {
  scenario: string;
  server: string;
  tables: ResultTable[];
  /** Raw numbers for the JSON results file. */
  data: unknown;
}

/** One benchmark; `run` must finish by itself (bounded loops and timeouts). */
export interface Scenario {
  readonly name: string;
  /** Restarts the server and expects the documents back (skipped for in-memory servers). */
  readonly needsDurableServer: boolean;
  run(context: ScenarioContext): Promise<ScenarioResult>;
  /**
   * Tables that put the targets side by side, with the plan editor's numbers
   * as ratios of each peer's (results of this scenario only, one per target).
   */
  compare?(results: ScenarioResult[], ours: string): ResultTable[];
}
