import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** What every benchmark result records about the machine it ran on. */
export function machineDescription(): { cpu: string | undefined; cores: number; memoryGiB: number; node: string } {
  return { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}

/** Peak resident set size of this process so far, from the kernel (VmHWM), in MB. */
export function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.memoryUsage().rss / 2 ** 20);
}
