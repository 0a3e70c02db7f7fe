/**
 * Runs `callback` in an idle moment of the main thread, at the latest after
 * `timeoutMs` if one is given; returns a function that cancels it. Safari has
 * no requestIdleCallback: there a short timeout stands in for it.
 */
export function whenIdle(callback: () => void, timeoutMs?: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(callback, 50);
  return () => clearTimeout(timer);
}
