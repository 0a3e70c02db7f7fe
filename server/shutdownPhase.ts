import type { Logger } from './log.js';

/** The message of every slow-phase line, so a test harness can pick these out of a silenced log. */
export const SLOW_SHUTDOWN_PHASE = 'shutdown phase is slow';

const SLOW_PHASE_MS = 1_000;

/**
 * One step of PlanServer.close. A step past a second is logged while it runs (so a shutdown that
 * hangs names the step it hangs in) and again with its duration when it ends.
 */
export async function shutdownPhase(log: Logger, phase: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  const slow = setTimeout(() => log.warn(SLOW_SHUTDOWN_PHASE, { phase, ms: SLOW_PHASE_MS, finished: false }), SLOW_PHASE_MS);
  try {
    await run();
  } finally {
    clearTimeout(slow);
    const ms = Math.round(performance.now() - started);
    if (ms >= SLOW_PHASE_MS) log.warn(SLOW_SHUTDOWN_PHASE, { phase, ms, finished: true });
  }
}
