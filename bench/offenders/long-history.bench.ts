/**
 * Long offender benchmark: one offender with 10,000 events, every one decided
 * by the domain's decider, in the embedded store opened as the service opens
 * it (personal data sealed). Measures the offender's current state as
 * GET /api/offenders/:id answers it (the query handler: the cached fold brought
 * up to the stream's end, summarised) and the full bitemporal replay as
 * GET /api/offenders/:id/state answers it (as at a date, as known at a moment,
 * over the opened history the handler keeps a short while), each read again
 * by the same handler as the API does; and each as a cold first read, by a new
 * handler with nothing cached. Targets on 2 cores: current state p50 < 5 ms,
 * replay p50 < 25 ms. It also times a command (recording a contact) through
 * the command runner, and for where the time goes, reading the stream alone
 * (with and without opening the personal data) and folding it.
 * Writes bench/results/long-offender.{json,md}.
 *
 *   npm run bench:long-offender [-- --events 10000 --runs 200]
 */
import 'reflect-metadata';
import { loadConfig } from '@ppo/config';
import { addDays, applyCorrections, foldOffender, offenderStreamId, upcastOffenderEvent } from '@ppo/domain';
import {
  GetOffenderHandler,
  GetOffenderQuery,
  GetOffenderStateAtHandler,
  GetOffenderStateAtQuery,
  OffenderCommandMessage,
  OffenderCommandRunner,
  SYSTEM_ACTOR,
  systemClock,
} from '@ppo/offenders';
import { openProtectedEventStore } from '@ppo/personal-data';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription } from '../support/machine';
import { formatCount, percentile, timeRuns } from '../support/timing';
import { writeLongHistory } from './long-history';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '200' },
    years: { type: 'string', default: '10' },
    seed: { type: 'string', default: '5' },
  },
});
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const TARGET = { currentP50Ms: 5, replayP50Ms: 25 };

class BenchCommand extends OffenderCommandMessage<object> {}

/** Each measurement gets at most this long (at least 20 runs), so a slow build of the code under test cannot make the bench run for hours. */
const BUDGET_MS = 20_000;

async function measure(work: () => unknown) {
  await timeRuns(5, work, 2_000, 1);
  const sorted = await timeRuns(RUNS, work, BUDGET_MS);
  return { runs: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

async function main(): Promise<void> {
  mkdirSync('data', { recursive: true });
  const dir = resolve(mkdtempSync(join('data', 'bench-long-offender-')));
  const config = loadConfig({ ...process.env, PPO_DATA_DIR: dir, PPO_EVENT_STORE: '', PPO_READ_MODELS: '', PPO_MASTER_KEY: '', PPO_MASTER_KEY_FILE: '', PPO_KEY_STORE: '' });
  const store = openProtectedEventStore(config.eventStore, config.personalData);
  try {
    const clock = systemClock(config.timeZone);
    const today = clock.today();
    const loadBefore = loadavg();
    process.stderr.write(`Writing one offender's history of ${formatCount(EVENTS)} events through the decider...\n`);
    const writing = performance.now();
    const written = await writeLongHistory(store, { events: EVENTS, years: Number(values.years), today, policies: config.policies, seed: Number(values.seed) });
    const { offenderId } = written;
    const writeSeconds = (performance.now() - writing) / 1000;
    const stream = await store.readStream(offenderStreamId(offenderId));
    // A moment part-way through the recording, and a date part-way through the history: the replay has to divide the stream both ways.
    const knownAt = stream[Math.floor(stream.length * 0.9)].recordedAt;
    const asAt = addDays(written.from, Math.floor((Number(values.years) * 365 * 2) / 3));

    const current = new GetOffenderHandler(store, clock, config.policies);
    const replay = new GetOffenderStateAtHandler(store, config.policies);
    const view = await current.execute(new GetOffenderQuery(offenderId));
    const replayed = await replay.execute(new GetOffenderStateAtQuery(offenderId, asAt, knownAt));
    if (view.version !== stream.length || !replayed.registered) throw new Error('The offender did not load as written');

    process.stderr.write(`Timing up to ${RUNS} runs of each (at most ${BUDGET_MS / 1000} s each)...\n`);
    const currentState = await measure(() => current.execute(new GetOffenderQuery(offenderId)));
    const currentCold = await measure(() => new GetOffenderHandler(store, clock, config.policies).execute(new GetOffenderQuery(offenderId)));
    const bitemporal = await measure(() => replay.execute(new GetOffenderStateAtQuery(offenderId, asAt, knownAt)));
    const bitemporalCold = await measure(() => new GetOffenderStateAtHandler(store, config.policies).execute(new GetOffenderStateAtQuery(offenderId, asAt, knownAt)));
    const readProtected = await measure(() => store.readStream(offenderStreamId(offenderId)));
    const readStored = await measure(() => store.stored.readStream(offenderStreamId(offenderId)));
    const foldAlone = await measure(() => foldOffender(applyCorrections(stream.map((event) => ({ eventId: event.eventId, event: upcastOffenderEvent(event) }))).map((r) => r.event)));
    // Last, as it appends: one event a run, recorded through the runner as POST .../contacts does.
    const runner = new OffenderCommandRunner(store, clock, config.policies);
    let commands = 0;
    const command = await measure(() =>
      runner.run(new BenchCommand(offenderId, {}, { actor: SYSTEM_ACTOR, correlationId: 'bench', commandId: `bench-${++commands}` }), () => ({
        type: 'RecordContact',
        data: { contactOn: today, kind: 'office', outcome: 'attended', notes: 'Seen as arranged.' },
      })),
    );

    const machine = machineDescription();
    const report = {
      benchmark: 'long-offender',
      date: new Date().toISOString(),
      machine,
      loadAverage: { before: loadBefore, after: loadavg() },
      settings: { events: written.events, runs: RUNS, years: Number(values.years), asAt, knownAt, eventsIncludedInReplay: replayed.events, writeSeconds },
      currentStateMs: { ...currentState, target: { p50: TARGET.currentP50Ms, met: currentState.p50 < TARGET.currentP50Ms } },
      currentStateColdMs: currentCold,
      bitemporalReplayMs: { ...bitemporal, target: { p50: TARGET.replayP50Ms, met: bitemporal.p50 < TARGET.replayP50Ms } },
      bitemporalReplayColdMs: bitemporalCold,
      commandMs: command,
      breakdownMs: { readStreamWithPersonalDataOpened: readProtected, readStreamAsStored: readStored, upcastCorrectFoldOfTheReadStream: foldAlone },
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/long-offender.json', `${JSON.stringify(report, null, 2)}\n`);
    const ms = (n: number) => `${n.toFixed(2)} ms`;
    const met = (ok: boolean) => (ok ? 'met' : 'not met');
    const md = [
      '# Long offender benchmark',
      '',
      `${report.date}; ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${loadBefore[0].toFixed(1)} before, ${report.loadAverage.after[0].toFixed(1)} after (the machine is shared).`,
      `One offender with ${formatCount(written.events)} events over ${values.years} years, decided by the domain's decider, in the embedded store with personal data sealed as the service stores it. Up to ${RUNS} runs each (at most ${BUDGET_MS / 1000} s), after a warm-up.`,
      '',
      '| query | runs | p50 | p95 | max | target |',
      '| --- | --- | --- | --- | --- | --- |',
      `| current state (GET /api/offenders/:id's handler, read again) | ${currentState.runs} | ${ms(currentState.p50)} | ${ms(currentState.p95)} | ${ms(currentState.max)} | p50 < ${TARGET.currentP50Ms} ms (${met(report.currentStateMs.target.met)}) |`,
      `| current state, cold first read (a new handler, nothing cached) | ${currentCold.runs} | ${ms(currentCold.p50)} | ${ms(currentCold.p95)} | ${ms(currentCold.max)} | |`,
      `| bitemporal replay as at ${asAt}, as known at ${knownAt} (GET .../state's handler, read again) | ${bitemporal.runs} | ${ms(bitemporal.p50)} | ${ms(bitemporal.p95)} | ${ms(bitemporal.max)} | p50 < ${TARGET.replayP50Ms} ms (${met(report.bitemporalReplayMs.target.met)}) |`,
      `| bitemporal replay, cold first read (a new handler, nothing cached) | ${bitemporalCold.runs} | ${ms(bitemporalCold.p50)} | ${ms(bitemporalCold.p95)} | ${ms(bitemporalCold.max)} | |`,
      `| a command: record a contact through the command runner (appends one event a run) | ${command.runs} | ${ms(command.p50)} | ${ms(command.p95)} | ${ms(command.max)} | |`,
      `| where a cold read goes: read the stream, personal data opened | ${readProtected.runs} | ${ms(readProtected.p50)} | ${ms(readProtected.p95)} | ${ms(readProtected.max)} | |`,
      `| where a cold read goes: read the stream as stored (sealed) | ${readStored.runs} | ${ms(readStored.p50)} | ${ms(readStored.p95)} | ${ms(readStored.max)} | |`,
      `| where a cold read goes: upcast, apply corrections and fold (stream already read) | ${foldAlone.runs} | ${ms(foldAlone.p50)} | ${ms(foldAlone.p95)} | ${ms(foldAlone.max)} | |`,
      '',
    ].join('\n');
    writeFileSync('bench/results/long-offender.md', md);
    process.stdout.write(`${md}\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
