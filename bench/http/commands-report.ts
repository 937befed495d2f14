import type autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { machineDescription } from '../support/machine';
import { total, type Sample } from '../support/metrics-scrape';
import { formatCount } from '../support/timing';

/** Targets on 2 cores, from issue 7. */
export const TARGET = { commandsPerSecond: 3000, p99Ms: 50, peakRssMb: 300 };

/**
 * Group commits during the run, from /metrics (the embedded store's commit
 * histograms) and, independently, from the log itself; fsyncs per second are
 * commits per second (one transaction, one fsync each).
 */
export function storeFigures(before: Sample[], after: Sample[], fromLog: { commits: number; events: number }, seconds: number) {
  const delta = (name: string, labels?: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
  const commits = delta('ppo_event_store_commit_appends_count');
  const metrics =
    commits > 0
      ? { commits, fsyncsPerSecond: commits / seconds, meanAppendsPerCommit: delta('ppo_event_store_commit_appends_sum') / commits, meanEventsPerCommit: delta('ppo_event_store_commit_events_sum') / commits }
      : null;
  return {
    fromMetrics: metrics,
    fromLog: { ...fromLog, fsyncsPerSecond: fromLog.commits / seconds, meanEventsPerCommit: fromLog.events / fromLog.commits },
    commandsByOutcome: Object.fromEntries(['accepted', 'refused', 'failed'].map((outcome) => [outcome, delta('ppo_commands_total', { outcome })])),
  };
}

/** Where the API's memory was at its highest resident set size, in MB: the V8 heap (and its young generation), memory outside it, and the rest (native: SQLite, code, malloc). */
export interface MemoryAtPeak {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  newSpace: number;
  external: number;
  rest: number;
}

/** What one run measured, as written to bench/results/http-commands.json. */
export interface HttpCommandsReport {
  benchmark: 'http-commands';
  date: string;
  machine: ReturnType<typeof machineDescription>;
  loadAverage: { before: number[]; after: number[] };
  settings: { offenders: number; connections: number; durationSeconds: number; warmupSeconds: number; logLevel: string; apiNodeArgs: string; service: string; mix: readonly { command: string; weight: number }[] };
  commandsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  responses: { ok: number; non2xx: number; byStatus: Record<string, number>; errors: number; timeouts: number };
  store: ReturnType<typeof storeFigures>;
  diskSequentialFsyncsPerSecond: number;
  cpu: { apiCores: number; loadGeneratorCores: number; apiMsPerCommand: number };
  apiMemoryMb: { idleRss: number; peakRssDuringLoad: number; peakRssSinceStart: number; heapUsedAfterLoad: number; atPeak?: MemoryAtPeak };
  targets: Record<'commandsPerSecond' | 'p99Ms' | 'peakRssMb', { target: number; met: boolean }>;
}

/** The figures of an autocannon run that the report keeps. */
export function loadFigures(result: autocannon.Result) {
  return {
    commandsPerSecond: result['2xx'] / result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    responses: {
      ok: result['2xx'],
      non2xx: result.non2xx,
      byStatus: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0])),
      errors: result.errors,
      timeouts: result.timeouts,
    },
  };
}

/** Writes `<dir>/http-commands.{json,md}` (bench/results unless told) and prints the table. */
export function writeReport(report: HttpCommandsReport, dir = 'bench/results'): void {
  const { machine, targets, settings } = report;
  const met = (t: { met: boolean }) => (t.met ? 'met' : 'not met');
  const m = report.store.fromMetrics;
  const non2xx = Object.entries(report.responses.byStatus).filter(([code]) => !code.startsWith('2'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'http-commands.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    '# HTTP command benchmark',
    '',
    `${report.date}; ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}. The API (${settings.service}${settings.apiNodeArgs ? `, node ${settings.apiNodeArgs}` : ''}) in its own process on a fresh`,
    `embedded store (synchronous=FULL, projections on, log level ${settings.logLevel}); ${formatCount(settings.offenders)} adopted offenders; ${settings.connections} connections`,
    `for ${settings.durationSeconds} s sending ${settings.mix.map((c) => `${c.weight}% ${c.command}`).join(', ')}. The load generator shares the machine,`,
    `and so do other people's processes: load average ${report.loadAverage.before[0].toFixed(1)} before the run, ${report.loadAverage.after[0].toFixed(1)} after.`,
    '',
    '| measure | value | target |',
    '| --- | --- | --- |',
    `| commands/s (2xx) | ${formatCount(report.commandsPerSecond)} | >= ${formatCount(TARGET.commandsPerSecond)} (${met(targets.commandsPerSecond)}) |`,
    `| latency p50 / p90 / p99 / max | ${report.latencyMs.p50} / ${report.latencyMs.p90} / ${report.latencyMs.p99} / ${report.latencyMs.max} ms | p99 < ${TARGET.p99Ms} ms (${met(targets.p99Ms)}) |`,
    `| non-2xx by status | ${non2xx.length ? non2xx.map(([code, n]) => `${code}: ${formatCount(n)}`).join(', ') : 'none'} (connection errors ${report.responses.errors}, timeouts ${report.responses.timeouts}) | |`,
    `| group commits (fsyncs) per second, from /metrics | ${m ? `${formatCount(m.fsyncsPerSecond)}, ${m.meanAppendsPerCommit.toFixed(1)} appends (${m.meanEventsPerCommit.toFixed(1)} events) per commit` : 'not exposed (no commit histogram samples)'} | |`,
    `| group commits (fsyncs) per second, counted in the log | ${formatCount(report.store.fromLog.fsyncsPerSecond)}, ${report.store.fromLog.meanEventsPerCommit.toFixed(1)} events per commit | |`,
    `| the disk alone: sequential appends/s, one fsync each | ${formatCount(report.diskSequentialFsyncsPerSecond)} | |`,
    `| CPU: API cores / load generator cores / API ms per command | ${report.cpu.apiCores.toFixed(2)} / ${report.cpu.loadGeneratorCores.toFixed(2)} / ${report.cpu.apiMsPerCommand.toFixed(2)} ms | |`,
    `| API RSS: idle after start / peak during the load / peak since start; heap used after | ${report.apiMemoryMb.idleRss} / ${report.apiMemoryMb.peakRssDuringLoad} / ${report.apiMemoryMb.peakRssSinceStart} MB; ${report.apiMemoryMb.heapUsedAfterLoad} MB | peak < ${TARGET.peakRssMb} MB (${met(targets.peakRssMb)}) |`,
    ...(report.apiMemoryMb.atPeak ? [memoryRow(report.apiMemoryMb.atPeak)] : []),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'http-commands.md'), md);
  process.stdout.write(`${md}\n`);
}

function memoryRow(m: MemoryAtPeak): string {
  return `| API memory at its highest sampled RSS (/metrics every 2 s) | RSS ${m.rss} MB = V8 heap ${m.heapTotal} MB (${m.heapUsed} used; young generation ${m.newSpace}) + external ${m.external} MB + native and code ${m.rest} MB | |`;
}
