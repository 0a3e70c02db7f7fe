import os from 'node:os';

export interface MachineDescription {
  node: string;
  platform: string;
  kernel: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryGiB: number;
  /** 1-minute load average when described; above the core count, other processes competed for the CPUs. */
  loadAverage1m: number;
}

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}
