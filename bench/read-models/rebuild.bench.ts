/**
 * Read-model rebuild benchmark: every projection rebuilt from a log of
 * 1,000,000 events into SQLite, then into PostgreSQL. Targets on 2 cores:
 * >= 150,000 events/s into SQLite, >= 50,000 into PostgreSQL, peak RSS < 400 MB.
 * The synthetic log is written once through the real adapter and kept under
 * data/bench/ for later runs. Writes bench/results/read-model-rebuild.{json,md}.
 *
 *   npm run bench:rebuild [-- --events 1000000 --offenders 10000 --postgres postgres://postgres@127.0.0.1:5432/test]
 */
import { SqliteEventStore } from '@ppo/event-store';
import { ALL_PROJECTIONS, PostgresReadModelStore, ProjectionRunner, SqliteReadModelStore, type ReadModelStore } from '@ppo/read-models';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropSchema } from '../support/postgres';
import { machineDescription, peakRssMb } from '../support/machine';
import { writeSyntheticLog } from '@ppo/read-models/testing/synthetic-log';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    offenders: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
    batch: { type: 'string', default: '10000' },
    postgres: { type: 'string', default: process.env.PPO_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const EVENTS = Number(values.events);
const OFFENDERS = Number(values.offenders);
const SEED = Number(values.seed);
const BATCH = Number(values.batch);

function progress(label: string, done: number, total: number, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  const rate = done / seconds;
  const eta = rate > 0 ? (total - done) / rate : 0;
  process.stderr.write(`\r  ${label}: ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} (${Math.round(rate).toLocaleString('en-GB')}/s, ETA ${eta.toFixed(0)} s)   `);
}

async function ensureLog(): Promise<SqliteEventStore> {
  const dir = join('data', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `log-${EVENTS}-${OFFENDERS}-${SEED}.db`);
  if (!existsSync(path)) {
    const writing = new SqliteEventStore({ path: `${path}.partial` });
    const started = performance.now();
    await writeSyntheticLog(writing, EVENTS, OFFENDERS, SEED, (n) => progress('writing the log', n, EVENTS, started));
    await writing.close();
    process.stderr.write('\n');
    rmSync(`${path}.partial-wal`, { force: true });
    rmSync(`${path}.partial-shm`, { force: true });
    writeFileSync(path, readFileSync(`${path}.partial`));
    rmSync(`${path}.partial`);
  }
  return new SqliteEventStore({ path });
}

async function rebuildInto(label: string, events: SqliteEventStore, store: ReadModelStore, head: number) {
  const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS, { batchSize: BATCH });
  const started = performance.now();
  const timer = setInterval(() => progress(label, Math.min(...runner.status().map((s) => s.position)), head, started), 1000);
  await runner.catchUp();
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`\n`);
  const failed = runner.status().filter((s) => s.failure !== null || s.position !== head);
  if (failed.length) throw new Error(`Rebuild failed: ${JSON.stringify(failed)}`);
  return { seconds, eventsPerSecond: head / seconds, peakRssMb: peakRssMb() };
}

async function main(): Promise<void> {
  const events = await ensureLog();
  const head = await events.headPosition();
  process.stderr.write(`Log: ${head.toLocaleString('en-GB')} events over ${OFFENDERS.toLocaleString('en-GB')} offenders\n`);

  const sqlitePath = join('data', 'bench', 'read-models-rebuild.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqlitePath}${suffix}`, { force: true });
  const sqlite = await rebuildInto('SQLite', events, new SqliteReadModelStore(sqlitePath), head);

  const schema = `ppo_bench_${Date.now()}`;
  const postgresStore = new PostgresReadModelStore({ connectionString: values.postgres!, schema });
  const postgres = await rebuildInto('PostgreSQL', events, postgresStore, head);
  await postgresStore.close();
  await dropSchema(values.postgres!, schema);
  await events.close();

  const machine = machineDescription();
  const report = {
    benchmark: 'read-model-rebuild',
    date: new Date().toISOString(),
    machine,
    settings: { events: head, offenders: OFFENDERS, projections: ALL_PROJECTIONS.map((p) => p.name), batchSize: BATCH },
    sqlite: { ...sqlite, target: 150_000, met: sqlite.eventsPerSecond >= 150_000 },
    postgres: { ...postgres, target: 50_000, met: postgres.eventsPerSecond >= 50_000 },
    peakRssMb: peakRssMb(),
    rssTargetMb: 400,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/read-model-rebuild.json', `${JSON.stringify(report, null, 2)}\n`);
  const row = (name: string, r: typeof sqlite, target: number) =>
    `| ${name} | ${Math.round(r.eventsPerSecond).toLocaleString('en-GB')} | ${target.toLocaleString('en-GB')} (${r.eventsPerSecond >= target ? 'met' : 'not met'}) | ${r.seconds.toFixed(1)} s |`;
  const md = [
    '# Read-model rebuild benchmark',
    '',
    `${report.date}; ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    `All projections (${report.settings.projections.join(', ')}) rebuilt from ${head.toLocaleString('en-GB')} events over ${OFFENDERS.toLocaleString('en-GB')} offenders, batches of ${BATCH}.`,
    '',
    '| store | events/s | target | time |',
    '| --- | --- | --- | --- |',
    row('SQLite', sqlite, 150_000),
    row('PostgreSQL', postgres, 50_000),
    '',
    `Peak RSS: ${report.peakRssMb} MB (target < 400 MB: ${report.peakRssMb < 400 ? 'met' : 'not met'}).`,
    '',
  ].join('\n');
  writeFileSync('bench/results/read-model-rebuild.md', md);
  process.stdout.write(`${md}\n`);
}

void main();
