import type * as Code from './planDocumentCode.js';

/** The exports of planDocumentCode.ts. */
export type PlanDocumentCode = typeof Code;

let loading: Promise<PlanDocumentCode> | null = null;

/**
 * The schema-dependent code (planDocumentCode.ts), loaded on the first call: with the first
 * document loaded, or the first request that reads or writes a plan's content. A failed load
 * rejects that caller with a clear error and is tried again by the next one; it never takes the
 * server down.
 */
export function loadPlanDocumentCode(): Promise<PlanDocumentCode> {
  loading ??= import('./planDocumentCode.js').catch((error: unknown) => {
    loading = null;
    throw new Error(`the plan document schema could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  return loading;
}
