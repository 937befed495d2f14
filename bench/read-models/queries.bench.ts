/**
 * Read-model queries at 50,000 offenders: the offender list (filters, sorts,
 * pages, search), eligibility, contacts due, caseloads and the dashboard's
 * scheme summary, through the same query functions the API calls, on SQLite
 * and on PostgreSQL. Target on 2 cores: p95 < 50 ms each.
 *
 * The tables are filled with the queried projections' own evolve functions:
 * the seed's planner draws a realistic cohort of 1,000 offenders (decided by
 * the domain's decider, dated up to today), and each row is copied as other
 * offenders (id, CRN, name, officers' team) up to 50,000, so the cohort keeps
 * the seed's proportions of statuses, strands, lapses and custody.
 * PostgreSQL is analysed after loading, as autovacuum would have done.
 * Writes bench/results/read-model-queries.{json,md}.
 *
 *   npm run bench:queries [-- --offenders 50000 --distinct 1000 --runs 100 --postgres postgres://postgres@127.0.0.1:5432/test]
 */
import { loadConfig } from '@ppo/config';
import { addMonths, type SchemePolicies } from '@ppo/domain';
import { systemClock } from '@ppo/offenders';
import {
  caseloadsReport,
  contactsDueReport,
  eligibilityReport,
  listOffenders,
  PostgresReadModelStore,
  schemeSummaryReport,
  SqliteReadModelStore,
  type Projection,
  type ReadModelStore,
  type Row,
} from '@ppo/read-models';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { machineDescription } from '../support/machine';
import { dropSchema } from '../support/postgres';
import { formatCount, percentile, timeRuns } from '../support/timing';
import { cloneRow, QUERIED_PROJECTIONS, templateRows } from './cohort-rows';

const { values } = parseArgs({
  options: {
    offenders: { type: 'string', default: '50000' },
    distinct: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '100' },
    seed: { type: 'string', default: '42' },
    postgres: { type: 'string', default: process.env.PPO_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const DISTINCT = Number(values.distinct);
const COPIES = Math.ceil(Number(values.offenders) / DISTINCT);
const RUNS = Number(values.runs);
/** At most this long per query and store (but at least MIN_RUNS runs, or two for a query slower than a second), so the bench stays within minutes while queries are slow. */
const BUDGET_MS = 6_000;
const MIN_RUNS = 3;
const TARGET_P95_MS = 50;

interface QueryCase {
  name: string;
  run: (store: ReadModelStore) => Promise<number>;
}

/** The queries, as the API's routes call them; each answers how many rows it returned (a check the tables were filled). */
function queryCases(today: string, policies: SchemePolicies, officer: string): QueryCase[] {
  const area = ['northumbria'];
  const list = (filter: Parameters<typeof listOffenders>[1]) => async (store: ReadModelStore) => (await listOffenders(store, filter, today, policies)).items.length;
  const month = today.slice(0, 7);
  const dashboard = { from: addMonths(`${month}-01`, -11).slice(0, 7), to: month, today };
  return [
    { name: 'offenders: an area, by name, page 1 of 25', run: list({ areas: area }) },
    { name: 'offenders: on the scheme, one strand, latest contact first, page 3', run: list({ areas: area, status: 'on-scheme', strand: 'rehabilitate-and-resettle', sort: 'last-contact', direction: 'desc', page: 3 }) },
    { name: "offenders: one officer's caseload", run: list({ areas: area, officer, pageSize: 100 }) },
    { name: 'offenders: search "robson" by CRN or name', run: list({ areas: area, q: 'robson' }) },
    { name: 'offenders: every area, high intensity, by intensity', run: list({ intensity: 'high', sort: 'intensity' }) },
    { name: 'offenders: every area, by next review, page 200 of 50', run: list({ sort: 'next-review', page: 200, pageSize: 50 }) },
    { name: 'eligibility: every area', run: async (s) => (await eligibilityReport(s, today, policies)).candidates.length },
    { name: 'eligibility: an area', run: async (s) => (await eligibilityReport(s, today, policies, area)).candidates.length },
    { name: 'contacts due: an area', run: async (s) => (await contactsDueReport(s, today, policies, { areas: area })).contacts.length },
    { name: 'contacts due: one officer', run: async (s) => (await contactsDueReport(s, today, policies, { areas: area, officer })).contacts.length },
    { name: 'caseloads: an area', run: async (s) => (await caseloadsReport(s, today, policies, area)).caseloads.length },
    { name: 'dashboard: every area, 12 months', run: async (s) => (await schemeSummaryReport(s, dashboard)).months.length },
    { name: 'dashboard: an area, 12 months', run: async (s) => (await schemeSummaryReport(s, { ...dashboard, areas: area })).months.length },
  ];
}

/** A projection's totals over every copy of its template rows (a copy adds the same shares as its template), as the runner would keep them. */
function totalsRows(projection: Projection, rows: Row[]): Row[] {
  const totals = new Map<string, Row & { sums: Record<string, number> }>();
  for (const row of rows) {
    for (const [key, share] of projection.totals!.sharesOf(row).flatMap((part) => [...part])) {
      let total = totals.get(key);
      if (!total) totals.set(key, (total = { ...share.columns, [projection.totals!.table.key]: key, sums: {} }));
      for (const [name, value] of Object.entries(share.sums)) total.sums[name] = (total.sums[name] ?? 0) + value * COPIES;
    }
  }
  return [...totals.values()];
}

/** Writes every template row COPIES times over, in batches, and the projections' totals, then the indexes. */
async function fill(store: ReadModelStore, templates: Map<string, Row[]>): Promise<number> {
  const tables = QUERIED_PROJECTIONS.flatMap((p) => (p.totals ? [p.table, p.totals.table] : [p.table]));
  await store.ensureTables(tables, { withIndexes: false });
  let position = 0;
  for (const projection of QUERIED_PROJECTIONS) {
    const rows = templates.get(projection.name)!;
    let batch: Row[] = [];
    const flush = async () => {
      await store.commit(projection.name, projection.version, [{ table: projection.table, upserts: batch, deletes: [] }], ++position);
      batch = [];
    };
    for (let clone = 0; clone < COPIES; clone++) {
      for (const row of rows) {
        batch.push(cloneRow(row, clone));
        if (batch.length >= 5_000) await flush();
      }
    }
    await flush();
    if (projection.totals) await store.commit(projection.name, projection.version, [{ table: projection.totals.table, upserts: totalsRows(projection, rows), deletes: [] }], ++position);
  }
  await store.ensureIndexes(tables);
  return templates.get('offender_journey')!.length * COPIES;
}

async function measure(label: string, store: ReadModelStore, cases: QueryCase[]) {
  const results: Record<string, { runs: number; rows: number; p50: number; p95: number; max: number }> = {};
  for (const query of cases) {
    // The first run checks the answer and warms up; a query slower than a second counts it among its runs instead.
    const first = performance.now();
    const rows = await query.run(store);
    const firstMs = performance.now() - first;
    const slow = firstMs > 1_000;
    if (!slow) await timeRuns(3, () => query.run(store));
    // A slow query gets at least one more run, and more while the budget lasts.
    const timed = await timeRuns(slow ? MIN_RUNS - 1 : RUNS, () => query.run(store), BUDGET_MS, slow ? 1 : MIN_RUNS);
    const sorted = slow ? [firstMs, ...timed].sort((a, b) => a - b) : timed;
    results[query.name] = { runs: sorted.length, rows, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
    process.stderr.write(`  ${label}: ${query.name}: p95 ${results[query.name].p95.toFixed(1)} ms (${rows} rows)\n`);
  }
  return results;
}

async function main(): Promise<void> {
  mkdirSync('data', { recursive: true });
  const dir = resolve(mkdtempSync(join('data', 'bench-queries-')));
  const schema = `ppo_bench_queries_${Date.now()}`;
  try {
    const config = loadConfig({ ...process.env, PPO_DATA_DIR: dir });
    const today = systemClock(config.timeZone).today();
    const loadBefore = loadavg();
    process.stderr.write(`Planning ${DISTINCT} offenders and applying their events with the projections' evolve...\n`);
    let started = performance.now();
    const templates = templateRows({ seed: Number(values.seed), offenders: DISTINCT, today, policies: config.policies });
    const planSeconds = (performance.now() - started) / 1000;
    const officer = `${templates.get('offender_journey')!.find((r) => r.area === 'northumbria' && r.probation_officer)!.probation_officer} (team 7)`;
    const cases = queryCases(today, config.policies, officer);

    process.stderr.write(`Filling SQLite with ${formatCount(DISTINCT * COPIES)} offenders...\n`);
    const sqlite = new SqliteReadModelStore(join(dir, 'read-models.db'));
    started = performance.now();
    const offenders = await fill(sqlite, templates);
    const sqliteFillSeconds = (performance.now() - started) / 1000;
    const sqliteResults = await measure('SQLite', sqlite, cases);
    await sqlite.close();

    process.stderr.write(`Filling PostgreSQL (schema ${schema})...\n`);
    const postgres = new PostgresReadModelStore({ connectionString: values.postgres!, schema });
    started = performance.now();
    await fill(postgres, templates);
    const analyse = new pg.Client({ connectionString: values.postgres });
    await analyse.connect();
    for (const projection of QUERIED_PROJECTIONS) {
      for (const table of projection.totals ? [projection.table, projection.totals.table] : [projection.table]) await analyse.query(`ANALYZE ${schema}.${table.name}`);
    }
    await analyse.end();
    const postgresFillSeconds = (performance.now() - started) / 1000;
    const postgresResults = await measure('PostgreSQL', postgres, cases);
    await postgres.close();

    const machine = machineDescription();
    const report = {
      benchmark: 'read-model-queries',
      date: new Date().toISOString(),
      machine,
      loadAverage: { before: loadBefore, after: loadavg() },
      settings: { offenders, distinctHistories: DISTINCT, copies: COPIES, today, runs: RUNS, budgetMsPerQuery: BUDGET_MS, minimumRuns: MIN_RUNS, officer, planSeconds, sqliteFillSeconds, postgresFillSeconds },
      targetP95Ms: TARGET_P95_MS,
      sqlite: sqliteResults,
      postgres: postgresResults,
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/read-model-queries.json', `${JSON.stringify(report, null, 2)}\n`);
    const cell = (r: { runs: number; p50: number; p95: number }) => `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms (${r.runs} runs)${r.p95 < TARGET_P95_MS ? '' : ', not met'}`;
    const md = [
      '# Read-model queries at 50,000 offenders',
      '',
      `${report.date}; ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${loadBefore[0].toFixed(1)} before, ${report.loadAverage.after[0].toFixed(1)} after (the machine is shared).`,
      `${formatCount(offenders)} offenders (${DISTINCT} seeded histories, each copied ${COPIES} times as other people and teams) in offender_journey, eligibility and scheme_timeline, filled with the projections' evolve.`,
      `The API's query functions, up to ${RUNS} runs each (no more than ${BUDGET_MS / 1000} s of runs once ${MIN_RUNS} are done, or two for a query slower than a second: with few runs p95 is the slowest), after a warm-up.`,
      `"An area" is Northumbria, half the cohort. Target: p95 < ${TARGET_P95_MS} ms.`,
      '',
      '| query | rows | SQLite p50 / p95 | PostgreSQL p50 / p95 |',
      '| --- | --- | --- | --- |',
      ...cases.map((c) => `| ${c.name} | ${formatCount(sqliteResults[c.name].rows)} | ${cell(sqliteResults[c.name])} | ${cell(postgresResults[c.name])} |`),
      '',
      `Met: ${Object.values(sqliteResults).filter((r) => r.p95 < TARGET_P95_MS).length} of ${cases.length} on SQLite, ${Object.values(postgresResults).filter((r) => r.p95 < TARGET_P95_MS).length} of ${cases.length} on PostgreSQL.`,
      '',
    ].join('\n');
    writeFileSync('bench/results/read-model-queries.md', md);
    process.stdout.write(`${md}\n`);
  } finally {
    await dropSchema(values.postgres!, schema).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
