/**
 * Store benchmark: durable appends to the embedded SQLite event store.
 * 64 concurrent writers append 100,000 events of about 300 bytes, one event per
 * append with its expected version, at synchronous=FULL. For contrast it first
 * measures sequential appends (one commit, one fsync each): the disk's limit
 * without group commit. Writes bench/results/store-append.{json,md}.
 *
 *   npm run bench:store [-- --events 100000 --writers 64]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineDescription } from '../support/machine';
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent } from '../../libs/event-store/src/event-store.port';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    writers: { type: 'string', default: '64' },
    streams: { type: 'string', default: '10000' },
    sequential: { type: 'string', default: '2000' },
  },
});
const TOTAL = Number(values.events);
const WRITERS = Number(values.writers);
const STREAMS = Number(values.streams);
const SEQUENTIAL = Number(values.sequential);

/** A ContactRecorded-like event whose stored JSON (data + metadata) is about 300 bytes, with ids made as the service makes them. */
function event(): NewEvent {
  const id = uuidv7();
  return {
    eventId: id,
    type: 'ContactRecorded',
    schemaVersion: 1,
    data: { contactOn: '2026-11-20', kind: 'home-visit', outcome: 'attended', notes: 'Seen at home; engaging well.' },
    metadata: {
      occurredAt: '2026-11-20',
      actor: { userId: 'bench', role: 'caseworker' },
      correlationId: id,
      causationId: id,
      commandId: id,
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function sequentialRate(dir: string): Promise<number> {
  const store = new SqliteEventStore({ path: join(dir, 'sequential.db') });
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) await store.append(`offender-seq-${i}`, [event()], { expectedVersion: 0 });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return SEQUENTIAL / seconds;
}

async function concurrent(dir: string) {
  let commits = 0;
  let appendsCommitted = 0;
  const store = new SqliteEventStore({
    path: join(dir, 'concurrent.db'),
    onCommit: (appends) => {
      commits++;
      appendsCommitted += appends;
    },
  });
  const versions = new Map<string, number>();
  const latencies: number[] = [];
  let issued = 0;
  let progressAt = 0;
  const started = performance.now();

  async function writer(w: number): Promise<void> {
    for (let k = 0; issued < TOTAL; k++) {
      issued++;
      const stream = `offender-${(w + k * WRITERS) % STREAMS}`;
      const expectedVersion = versions.get(stream) ?? 0;
      const t0 = performance.now();
      const { nextVersion } = await store.append(stream, [event()], { expectedVersion });
      latencies.push(performance.now() - t0);
      versions.set(stream, nextVersion);
      if (latencies.length - progressAt >= TOTAL / 10) {
        progressAt = latencies.length;
        process.stderr.write(`  ${latencies.length.toLocaleString()} / ${TOTAL.toLocaleString()} events\n`);
      }
    }
  }
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  const seconds = (performance.now() - started) / 1000;
  const durability = store.durability();
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    events: latencies.length,
    seconds,
    eventsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    p999Ms: percentile(latencies, 99.9),
    commits,
    commitsPerSecond: commits / seconds,
    meanAppendsPerCommit: appendsCommitted / commits,
    durability,
  };
}

async function main(): Promise<void> {
  mkdirSync('data', { recursive: true });
  const dir = mkdtempSync(join('data', 'bench-store-'));
  try {
    process.stderr.write(`Sequential appends (${SEQUENTIAL}, one commit each)...\n`);
    const sequentialPerSecond = await sequentialRate(dir);
    process.stderr.write(`Concurrent appends (${TOTAL} events, ${WRITERS} writers, ${STREAMS} streams)...\n`);
    const result = await concurrent(dir);
    const machine = machineDescription();
    const report = {
      benchmark: 'store-append',
      date: new Date().toISOString(),
      machine,
      settings: { events: TOTAL, writers: WRITERS, streams: STREAMS, eventBytes: JSON.stringify(event().data).length + JSON.stringify(event().metadata).length },
      sequentialAppendsPerSecond: sequentialPerSecond,
      ...result,
      target: { eventsPerSecond: 25_000, met: result.eventsPerSecond >= 25_000 },
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/store-append.json', `${JSON.stringify(report, null, 2)}\n`);
    const md = [
      '# Store benchmark: durable appends to embedded SQLite',
      '',
      `${report.date}; ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}; journal ${result.durability.journalMode}, synchronous=${result.durability.synchronous === 2 ? 'FULL' : result.durability.synchronous}.`,
      '',
      '| measure | value |',
      '| --- | --- |',
      `| events (one per append, with expected version) | ${result.events.toLocaleString('en-GB')} of ~${report.settings.eventBytes} bytes |`,
      `| writers | ${WRITERS} |`,
      `| events/s | ${Math.round(result.eventsPerSecond).toLocaleString('en-GB')} (target 25,000: ${report.target.met ? 'met' : 'not met'}) |`,
      `| append latency p50 / p99 / p99.9 | ${result.p50Ms.toFixed(2)} / ${result.p99Ms.toFixed(2)} / ${result.p999Ms.toFixed(2)} ms |`,
      `| commits (fsyncs) per second | ${Math.round(result.commitsPerSecond).toLocaleString('en-GB')} |`,
      `| appends per commit (group commit) | ${result.meanAppendsPerCommit.toFixed(1)} |`,
      `| sequential appends/s, one commit each | ${Math.round(sequentialPerSecond).toLocaleString('en-GB')} |`,
      '',
    ].join('\n');
    writeFileSync('bench/results/store-append.md', md);
    process.stdout.write(`${md}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
