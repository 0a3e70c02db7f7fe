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

/** Whether the harness, not the server, may have set a scenario's numbers (the sanity gate). */
export interface HarnessCheck {
  scenario: string;
  /** False when the gate could not be evaluated (its reference target was not run or failed). */
  isChecked: boolean;
  /** True: the clients could not keep up, so the run's ratios between targets are void. */
  isSaturated: boolean;
  /** One line for the log and the notes of the void tables. */
  summary: string;
  table: ResultTable;
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
  /** The sanity gate over all targets' results, printed and stored with every run. */
  checkHarness?(results: ScenarioResult[]): HarnessCheck;
}
