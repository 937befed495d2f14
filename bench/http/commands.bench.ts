/**
 * HTTP command benchmark: the real API, compiled as production runs it, in its
 * own process on a fresh data directory (embedded SQLite event store at
 * synchronous=FULL, projections on, default settings), one supervisor account
 * with a bearer token from POST /api/auth/token, 10,000 offenders registered
 * and adopted through the API, then 64 connections sending a day's mix of
 * commands (mostly contacts) across them for a fixed duration. Targets on 2
 * cores: >= 3,000 commands/s, p99 < 50 ms, peak RSS of the API < 300 MB.
 * Group commits and fsyncs per second come from the API's /metrics and,
 * independently, from the log; the disk's own rate (one append, one fsync) is
 * measured first, for contrast. The API's CPU time per command is reported
 * too: on a shared machine it is steadier than the rate.
 * Writes bench/results/http-commands.{json,md}.
 *
 *   npm run bench:http [-- --offenders 10000 --connections 64 --duration 30 --log-level info]
 *   npm run bench:http -- --source ts                 # the TypeScript through @swc-node/register, no build
 *   npm run bench:http -- --cpu-prof data/profiles    # also writes the API's CPU profile there
 *   npm run bench:http -- --api-node-args="--max-old-space-size=160"   # Node options for the API (default: start:prod's)
 *   npm run bench:http -- --results data/bench-runs/x  # write the report there rather than bench/results
 */
import { PasswordHasher, SqliteAccountStore } from '@ppo/auth';
import { systemClock } from '@ppo/offenders';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Random } from '../../apps/cli/src/commands/seed/random';
import { buildApi, BUILT_MAIN, startApi, type ApiProcess } from '../support/api-process';
import { diskFsyncRate } from '../support/disk-fsync-rate';
import { commitsInLog, logHead } from '../support/log-commits';
import { machineDescription } from '../support/machine';
import { scrape, total } from '../support/metrics-scrape';
import { formatCount } from '../support/timing';
import { AREAS, COMMAND_MIX, adoption, nextCommand, registration } from './command-mix';
import { loadFigures, storeFigures, TARGET, writeReport, type HttpCommandsReport, type MemoryAtPeak } from './commands-report';

const { values } = parseArgs({
  options: {
    offenders: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    'log-level': { type: 'string', default: 'info' },
    seed: { type: 'string', default: '11' },
    'cpu-prof': { type: 'string' },
    // As npm run start:prod and the Dockerfile run the API.
    'api-node-args': { type: 'string', default: '--max-semi-space-size=16' },
    source: { type: 'string', default: 'built' },
    results: { type: 'string', default: 'bench/results' },
  },
});
const OFFENDERS = Number(values.offenders);
const CONNECTIONS = Number(values.connections);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
/** `built` runs the compiled service as production does (building it first if needed); `ts` runs the TypeScript through @swc-node/register. */
const BUILT = values.source !== 'ts';
/** Node options for the API process: `--api-node-args="--max-old-space-size=160"`, and `--cpu-prof <dir>` for a profile. */
const NODE_ARGS = [...values['api-node-args']!.split(' ').filter(Boolean), ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [])];

async function post(api: ApiProcess, path: string, body: object, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** Registers and adopts the cohort through the API, CONNECTIONS requests at a time. */
async function registerCohort(api: ApiProcess, token: string, today: string): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const started = performance.now();
  async function worker(): Promise<void> {
    while (next < OFFENDERS) {
      const i = next++;
      const registered = await post(api, '/api/offenders', registration(i, today), token);
      if (registered.status !== 201) throw new Error(`Registration answered ${registered.status}: ${JSON.stringify(registered.json)}`);
      const offenderId = registered.json.offenderId as string;
      const adopted = await post(api, `/api/offenders/${offenderId}/adoption`, adoption(today), token);
      if (adopted.status !== 200) throw new Error(`Adoption answered ${adopted.status}: ${JSON.stringify(adopted.json)}`);
      ids.push(offenderId);
      if (ids.length % 1000 === 0) {
        const rate = ids.length / ((performance.now() - started) / 1000);
        process.stderr.write(`\r  ${formatCount(ids.length)} / ${formatCount(OFFENDERS)} registered and adopted (${formatCount(rate)}/s)   `);
      }
    }
  }
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  process.stderr.write('\n');
  return ids;
}

/** Waits until every projection has applied the whole log, so the measured run does not pay for the set-up's backlog. */
async function projectionsCaughtUp(api: ApiProcess): Promise<void> {
  for (;;) {
    const samples = await scrape(api.url);
    if (samples.some((s) => s.name === 'ppo_projection_lag_events') && total(samples, 'ppo_projection_lag_events') === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function load(api: ApiProcess, token: string, ids: string[], today: string, seconds: number, seed: number): Promise<autocannon.Result> {
  const random = new Random(seed);
  const draw = () => random.next();
  return autocannon({
    url: api.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const { path, body } = nextCommand(ids, today, draw);
          return { ...request, path, body };
        },
      },
    ],
  });
}

const MB = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Samples the API's resident set size while `work` runs (every 200 ms), and its /metrics every 2 s; returns the highest RSS and the memory breakdown of the sample with the highest RSS. */
async function sampleRss<T>(api: ApiProcess, work: Promise<T>): Promise<{ result: T; peakMb: number; atPeak?: MemoryAtPeak }> {
  let peakMb = api.rssMb();
  let atPeak: MemoryAtPeak | undefined;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, api.rssMb())), 200);
  const breakdown = setInterval(() => {
    void scrape(api.url)
      .then((samples) => {
        const rss = MB(total(samples, 'process_resident_memory_bytes'));
        if (atPeak && atPeak.rss >= rss) return;
        const heapTotal = MB(total(samples, 'nodejs_heap_size_total_bytes'));
        const external = MB(total(samples, 'nodejs_external_memory_bytes'));
        atPeak = {
          rss,
          heapTotal,
          heapUsed: MB(total(samples, 'nodejs_heap_size_used_bytes')),
          newSpace: MB(total(samples, 'nodejs_heap_space_size_total_bytes', { space: 'new' })),
          external,
          rest: rss - heapTotal - external,
        };
      })
      .catch(() => undefined);
  }, 2000);
  try {
    return { result: await work, peakMb, atPeak };
  } finally {
    clearInterval(timer);
    clearInterval(breakdown);
  }
}

async function main(): Promise<void> {
  mkdirSync('data', { recursive: true });
  const dir = resolve(mkdtempSync(join('data', 'bench-http-')));
  let api: ApiProcess | undefined;
  try {
    process.stderr.write('Measuring the disk: sequential durable appends, one fsync each...\n');
    const disk = await diskFsyncRate(join(dir, 'fsync-probe.db'));

    const password = randomBytes(18).toString('base64url');
    const accounts = new SqliteAccountStore(join(dir, 'accounts.db'));
    accounts.add({ username: 'bench', displayName: 'Benchmark supervisor', roles: ['supervisor'], areas: [...AREAS], passwordHash: await new PasswordHasher().hash(password) }, new Date());
    accounts.close();

    if (BUILT) {
      process.stderr.write('Building the service (npm run build)...\n');
      buildApi();
    }
    process.stderr.write('Starting the API...\n');
    api = await startApi(dir, {
      PPO_EVENT_STORE: '',
      PPO_READ_MODELS: '',
      PPO_PROJECTIONS: 'on',
      PPO_AUTH: 'local',
      PPO_AUTH_SECRET: randomBytes(32).toString('base64url'),
      PPO_LOG_LEVEL: values['log-level']!,
    }, { built: BUILT, nodeArgs: NODE_ARGS });
    const idleRssMb = api.rssMb();
    const issued = await post(api, '/api/auth/token', { username: 'bench', password });
    if (issued.status !== 200) throw new Error(`POST /api/auth/token answered ${issued.status}`);
    const token = issued.json.access_token as string;
    const today = systemClock().today();

    process.stderr.write(`Registering and adopting ${formatCount(OFFENDERS)} offenders through the API...\n`);
    const ids = await registerCohort(api, token, today);
    await projectionsCaughtUp(api);
    process.stderr.write(`Warming up for ${WARMUP} s, then ${CONNECTIONS} connections for ${DURATION} s...\n`);
    await load(api, token, ids, today, WARMUP, Number(values.seed) + 1);
    await projectionsCaughtUp(api);

    const logPath = join(dir, 'ppo.db');
    const headBefore = logHead(logPath);
    const before = await scrape(api.url);
    const loadBefore = loadavg();
    const cpuBefore = { api: api.cpuSeconds(), loadGenerator: process.cpuUsage() };
    const started = performance.now();
    const { result, peakMb, atPeak } = await sampleRss(api, load(api, token, ids, today, DURATION, Number(values.seed)));
    const seconds = (performance.now() - started) / 1000;
    const after = await scrape(api.url);
    const loadGeneratorCpu = process.cpuUsage(cpuBefore.loadGenerator);
    const cpuCores = { apiCores: (api.cpuSeconds() - cpuBefore.api) / seconds, loadGeneratorCores: (loadGeneratorCpu.user + loadGeneratorCpu.system) / 1e6 / seconds };
    const store = storeFigures(before, after, commitsInLog(logPath, headBefore, logHead(logPath)), seconds);

    const heapUsedAfterLoad = Math.round(total(after, 'nodejs_heap_size_used_bytes') / 2 ** 20);
    const figures = loadFigures(result);
    const report: HttpCommandsReport = {
      benchmark: 'http-commands',
      date: new Date().toISOString(),
      machine: machineDescription(),
      loadAverage: { before: loadBefore, after: loadavg() },
      settings: { offenders: OFFENDERS, connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP, logLevel: values['log-level']!, apiNodeArgs: NODE_ARGS.join(' '), service: BUILT ? `compiled, ${BUILT_MAIN}` : 'TypeScript through @swc-node/register', mix: COMMAND_MIX },
      ...figures,
      store,
      diskSequentialFsyncsPerSecond: disk.fsyncsPerSecond,
      cpu: { ...cpuCores, apiMsPerCommand: (cpuCores.apiCores * seconds * 1000) / Math.max(1, figures.responses.ok) },
      apiMemoryMb: { idleRss: idleRssMb, peakRssDuringLoad: peakMb, peakRssSinceStart: api.peakRssMb(), heapUsedAfterLoad, atPeak },
      targets: {
        commandsPerSecond: { target: TARGET.commandsPerSecond, met: figures.commandsPerSecond >= TARGET.commandsPerSecond },
        p99Ms: { target: TARGET.p99Ms, met: figures.latencyMs.p99 < TARGET.p99Ms },
        peakRssMb: { target: TARGET.peakRssMb, met: peakMb < TARGET.peakRssMb },
      },
    };
    writeReport(report, values.results);
  } finally {
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
