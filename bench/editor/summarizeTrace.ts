/** The parts of a Chromium trace (Browser.startTracing / stopTracing) that a summary needs. */
export interface ChromiumTrace {
  traceEvents: TraceEvent[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

export interface TraceLine {
  name: string;
  selfMs: number;
  totalMs: number;
  count: number;
}

/**
 * Self and total time per trace event name on the renderer main threads
 * (CrRendererMain), the heaviest first: where Chromium's own time goes (style,
 * layout, paint, selection and input method updates), which a CPU profile
 * only shows as "(program)". Self time is an event's duration minus that of
 * the events nested directly in it.
 */
export function summarizeTrace(trace: ChromiumTrace, limit: number): { bySelf: TraceLine[]; byTotal: TraceLine[] } {
  const mainThreads = new Set<string>();
  for (const event of trace.traceEvents) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') mainThreads.add(`${event.pid}:${event.tid}`);
  }
  const byThread = new Map<string, { name: string; start: number; end: number }[]>();
  const open = new Map<string, { name: string; start: number }[]>();
  for (const event of trace.traceEvents) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    const spans = byThread.get(thread) ?? [];
    byThread.set(thread, spans);
    if (event.ph === 'X' && event.dur !== undefined) spans.push({ name: event.name, start: event.ts, end: event.ts + event.dur });
    else if (event.ph === 'B') (open.get(thread) ?? open.set(thread, []).get(thread))?.push({ name: event.name, start: event.ts });
    else if (event.ph === 'E') {
      const begun = open.get(thread)?.pop();
      if (begun !== undefined) spans.push({ ...begun, end: event.ts });
    }
  }
  const lines = new Map<string, TraceLine>();
  const line = (name: string): TraceLine => lines.get(name) ?? lines.set(name, { name, selfMs: 0, totalMs: 0, count: 0 }).get(name)!;
  for (const spans of byThread.values()) {
    // Outer spans first at equal starts, so a stack of open spans gives each its parent.
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const stack: { name: string; start: number; end: number; children: number }[] = [];
    const close = (span: { name: string; start: number; end: number; children: number }): void => {
      const entry = line(span.name);
      entry.selfMs += (span.end - span.start - span.children) / 1000;
      entry.totalMs += (span.end - span.start) / 1000;
      entry.count++;
    };
    for (const span of spans) {
      while (stack.length > 0 && stack[stack.length - 1]!.end <= span.start) close(stack.pop()!);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.children += Math.min(span.end, parent.end) - span.start;
      stack.push({ ...span, children: 0 });
    }
    while (stack.length > 0) close(stack.pop()!);
  }
  const all = [...lines.values()];
  return {
    bySelf: [...all].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit),
    byTotal: [...all].sort((a, b) => b.totalMs - a.totalMs).slice(0, limit),
  };
}
