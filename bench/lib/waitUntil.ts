export interface WaitUntilOptions {
  timeoutMs: number;
  message: string;
  intervalMs?: number;
}

/** Polls `condition`; rejects with `message` once `timeoutMs` has passed. */
export async function waitUntil(condition: () => boolean, options: WaitUntilOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out after ${options.timeoutMs} ms: ${options.message}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 5));
  }
}
