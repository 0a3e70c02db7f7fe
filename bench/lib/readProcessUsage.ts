import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcessUsage {
  /** User + system CPU time of all the process's threads. */
  cpuMs: number;
  /** Peak resident set size (VmHWM). */
  peakRssBytes: number;
  /** Current resident set size (VmRSS). */
  rssBytes: number;
  /**
   * The anonymous part of it (RssAnon): the heap, the program's own memory. The rest is mostly
   * file-backed pages of the node binary, which vary by megabytes with which of node's code a
   * program happens to touch (docs/performance.md, "What idle RSS is made of").
   */
  anonymousRssBytes: number;
}

const clockTicksPerSecond = readClockTicks();

/** Reads another process's CPU time and memory from /proc (Linux only). */
export function readProcessUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after it are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const userTicks = Number(fields[11]);
  const systemTicks = Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    cpuMs: ((userTicks + systemTicks) * 1000) / clockTicksPerSecond,
    peakRssBytes: readStatusKilobytes(status, 'VmHWM') * 1024,
    rssBytes: readStatusKilobytes(status, 'VmRSS') * 1024,
    anonymousRssBytes: readStatusKilobytes(status, 'RssAnon') * 1024,
  };
}

function readStatusKilobytes(status: string, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`/proc status has no ${key}`);
  return Number(match[1]);
}

function readClockTicks(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100; // the Linux default
  }
}
