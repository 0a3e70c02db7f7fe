/** The parts of a V8 CPU profile (CDP Profiler.stop) that a summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileLine {
  name: string;
  selfMs: number;
  totalMs: number;
}

/**
 * Self and total time per function (named by function, file and line), the
 * heaviest first: enough to see what dominates without opening DevTools.
 * Total time counts a function once per sample even when it recurses.
 */
export function summarizeCpuProfile(profile: CpuProfile, limit: number): { bySelf: ProfileLine[]; byTotal: ProfileLine[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const nameOf = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return '?';
    const file = frame.url.split('/').pop() ?? '';
    return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const id = samples[index];
    if (id === undefined) continue;
    const ms = (deltas[index + 1] ?? deltas[index] ?? 0) / 1000;
    const leaf = nameOf(id);
    self.set(leaf, (self.get(leaf) ?? 0) + ms);
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
      const name = nameOf(current);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const lines = (metric: Map<string, number>): ProfileLine[] =>
    [...metric.keys()]
      .map((name) => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name) ?? 0 }))
      .sort((a, b) => (metric.get(b.name) ?? 0) - (metric.get(a.name) ?? 0))
      .slice(0, limit);
  return { bySelf: lines(self), byTotal: lines(total) };
}
