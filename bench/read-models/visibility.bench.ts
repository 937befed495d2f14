/**
 * Read-model visibility at idle: how long after an append is acknowledged its
 * event is committed in every live read model (target p99 < 100 ms). Appends one
 * command at a time with idle gaps to the embedded event store, with the
 * projections running as in the service, into SQLite and then PostgreSQL.
 * Writes bench/results/read-model-visibility.{json,md}.
 *
 *   npm run bench:visibility [-- --samples 300 --postgres postgres://postgres@127.0.0.1:5432/test]
 */
import { SqliteEventStore } from '@ppo/event-store';
import { ALL_PROJECTIONS, PostgresReadModelStore, ProjectionRunner, SqliteReadModelStore, type ReadModelStore } from '@ppo/read-models';
import { writeSyntheticLog } from '@ppo/read-models/testing/synthetic-log';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropSchema } from '../support/postgres';
import { machineDescription } from '../support/machine';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    postgres: { type: 'string', default: process.env.PPO_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const SAMPLES = Number(values.samples);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(events: SqliteEventStore, store: ReadModelStore, seedBase: number): Promise<{ p50: number; p99: number; max: number }> {
  const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS);
  await runner.start();
  await runner.waitFor(await events.headPosition());
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    await writeSyntheticLog(events, 1, 1, seedBase + i);
    const appended = performance.now();
    await runner.waitFor(await events.headPosition());
    latencies.push(performance.now() - appended);
  }
  await runner.stop();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! };
}

async function main(): Promise<void> {
  mkdirSync('data', { recursive: true });
  const dir = mkdtempSync(join('data', 'bench-visibility-'));
  try {
    const events = new SqliteEventStore({ path: join(dir, 'events.db') });
    await writeSyntheticLog(events, 5000, 100, 1);
    const sqlite = await measure(events, new SqliteReadModelStore(join(dir, 'read-models.db')), 10_000);
    const schema = `ppo_bench_${Date.now()}`;
    const postgresStore = new PostgresReadModelStore({ connectionString: values.postgres!, schema });
    const postgres = await measure(events, postgresStore, 20_000);
    await postgresStore.close();
    await dropSchema(values.postgres!, schema);
    await events.close();

    const machine = machineDescription();
    const report = { benchmark: 'read-model-visibility', date: new Date().toISOString(), machine, samples: SAMPLES, targetP99Ms: 100, sqlite, postgres };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/read-model-visibility.json', `${JSON.stringify(report, null, 2)}\n`);
    const row = (name: string, r: typeof sqlite) =>
      `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms (${r.p99 < 100 ? 'met' : 'not met'}) | ${r.max.toFixed(1)} ms |`;
    const md = [
      '# Read-model visibility at idle',
      '',
      `${report.date}; ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}. ${SAMPLES} single appends with idle gaps; time from acknowledged append to committed in every projection.`,
      '',
      '| read models | p50 | p99 (target < 100 ms) | max |',
      '| --- | --- | --- | --- |',
      row('SQLite', sqlite),
      row('PostgreSQL', postgres),
      '',
    ].join('\n');
    writeFileSync('bench/results/read-model-visibility.md', md);
    process.stdout.write(`${md}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
