/**
 * Wall-clock milliseconds with sub-millisecond resolution. Senders stamp
 * edits with it and receivers subtract, so both must run on the same machine.
 */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
