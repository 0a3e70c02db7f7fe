export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Why the wait failed; a function is called at the timeout, so it can describe the state it found. */
  message?: string | (() => string);
}

/** Polls until `condition` holds; fails with `message` after the timeout. */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 10;
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      const message = typeof options.message === 'function' ? options.message() : options.message;
      throw new Error(`Timed out after ${timeoutMs} ms: ${message ?? 'condition not met'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
