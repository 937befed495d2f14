/**
 * The API killed with SIGKILL in the middle of concurrent commands, again and
 * again, on one data directory: after each restart every acknowledged command
 * is in the log exactly as acknowledged, none is half there, every stream and
 * the hash chain hold, a retry of a command whose answer was lost applies it
 * once, and the read models equal a rebuild from the log.
 */
import { LAPSE_KINDS, OFFENCES, SEVERITIES } from '@ppo/domain';
import { SqliteEventStore, verifyLog, type StoredEvent } from '@ppo/event-store';
import { loadConfig } from '@ppo/config';
import { ALL_PROJECTIONS, ProjectionsService, READ_MODEL_STORE, SqliteReadModelStore, type ReadModelStore } from '@ppo/read-models';
import * as fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { addAccount, call, FAULT_AUTH_SECRET, signIn, startApi, type ApiProcess } from './support/api-process';

const SEED = Number(process.env.PPO_FAULT_SEED ?? 7_2026_11);
const ROUNDS = 10;
const CONCURRENCY = 12;
const MAX_COMMANDS_PER_ROUND = 400;
/** Commands that append more than one event; every other command here appends one. */
const EVENTS_PER_COMMAND: Record<string, number> = { AdoptOffender: 2 };

const KINDS = ['register', 'conviction', 'arrest', 'harm', 'adopt', 'contact', 'lapse'] as const;
type Kind = (typeof KINDS)[number];

/** What one round does: when the kill comes, and which commands are sent until then. */
const roundPlan = fc.record({
  killAfterMs: fc.integer({ min: 20, max: 700 }),
  picks: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), target: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }), {
    minLength: MAX_COMMANDS_PER_ROUND,
    maxLength: MAX_COMMANDS_PER_ROUND,
  }),
});
type Pick = (typeof roundPlan extends fc.Arbitrary<infer Plan> ? Plan : never)['picks'][number];

/** A command as sent, and what came back: a status, or 'lost' when the process died before answering. */
interface Sent {
  key: string;
  kind: Kind;
  offenderId?: string;
  path: string;
  body: Record<string, unknown>;
  status?: number | 'lost';
  response?: { offenderId: string; version: number; events: { eventId: string }[] };
  replayed?: boolean;
}

const dataDir = mkdtempSync(join(tmpdir(), 'ppo-sigkill-'));
const user = 'loader';
let api: ApiProcess | undefined;

afterAll(async () => {
  await api?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The offenders the log is known to hold, and which of them are on the scheme. */
const offenders = { registered: [] as string[], adopted: new Set<string>(), adopting: new Set<string>() };
const day = (month: number, d: number) => `2025-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Turns a pick into a command that the offender's known state accepts (an adoption only once, contacts once adopted). */
function commandFor(pick: Pick, round: number, n: number): Sent {
  const key = `fault-${SEED}-${round}-${n}`;
  const { registered, adopted, adopting } = offenders;
  const onScheme = [...adopted];
  const notAdopted = registered.filter((id) => !adopted.has(id) && !adopting.has(id));
  let kind: Kind = pick.kind;
  if ((kind === 'contact' || kind === 'lapse') && onScheme.length === 0) kind = 'adopt';
  if (kind === 'adopt' && notAdopted.length === 0) kind = 'conviction';
  if (kind !== 'register' && registered.length === 0) kind = 'register';
  const any = registered[pick.target % Math.max(registered.length, 1)];
  const at = (path: string, offenderId: string, body: Record<string, unknown>): Sent => ({ key, kind, offenderId, path: `/api/offenders/${offenderId}/${path}`, body });
  switch (kind) {
    case 'register':
      return { key, kind, path: '/api/offenders', body: { crn: `F${round}X${n}`, givenName: 'Kim', familyName: `Load ${n}`, dateOfBirth: '1990-04-12', area: 'northumbria' } };
    case 'conviction':
      return at('convictions', any, { offence: OFFENCES[pick.target % OFFENCES.length], offenceDate: day(3, pick.day), convictionDate: day(4, pick.day), court: 'Newcastle' });
    case 'arrest':
      return at('arrests', any, { arrestedOn: day(2, pick.day), offence: OFFENCES[0] });
    case 'harm':
      return at('harm-indicators', any, { indicator: 'anti-social-behaviour', recordedOn: day(1, pick.day) });
    case 'adopt': {
      const id = notAdopted[pick.target % notAdopted.length];
      adopting.add(id);
      return at('adoption', id, { adoptedOn: day(5, 1), reason: 'Panel decision' });
    }
    case 'contact':
      return at('contacts', onScheme[pick.target % onScheme.length], { contactOn: day(6, pick.day), kind: 'office', outcome: 'attended' });
    case 'lapse':
      return at('lapses', onScheme[pick.target % onScheme.length], { occurredOn: day(7, pick.day), kind: LAPSE_KINDS[0], severity: SEVERITIES[0] });
  }
}

async function send(token: string, command: Sent): Promise<void> {
  try {
    const response = await call(api!.url, token, 'POST', command.path, { body: command.body, headers: { 'idempotency-key': command.key } });
    command.status = response.status;
    if (response.status < 300) {
      command.response = response.body;
      command.offenderId = response.body.offenderId;
      command.replayed = response.headers.get('idempotent-replayed') === 'true';
    }
  } catch {
    command.status = 'lost';
  }
}

/** Sends commands from CONCURRENCY clients until the process is killed, at the planned moment. */
async function loadUntilKilled(token: string, round: number): Promise<Sent[]> {
  const [plan] = fc.sample(roundPlan, { seed: SEED + round, numRuns: 1 });
  const sent: Sent[] = [];
  let killed = false;
  const killing = new Promise((r) => setTimeout(r, plan.killAfterMs)).then(async () => {
    killed = true;
    await api!.kill();
  });
  const client = async () => {
    while (!killed && sent.length < plan.picks.length) {
      const command = commandFor(plan.picks[sent.length], round, sent.length);
      sent.push(command);
      await send(token, command);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  await killing;
  return sent;
}

async function readLog(): Promise<{ events: StoredEvent[]; integrity: Awaited<ReturnType<typeof verifyLog>> }> {
  const store = new SqliteEventStore({ path: join(dataDir, 'ppo.db') });
  try {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await store.readAll({ after: events.at(-1)?.globalPosition ?? 0, limit: 1000 });
      if (page.length === 0) break;
      events.push(...page);
    }
    return { events, integrity: await verifyLog(store) };
  } finally {
    await store.close();
  }
}

const groupBy = <K>(events: StoredEvent[], keyOf: (e: StoredEvent) => K | undefined) => {
  const groups = new Map<K, StoredEvent[]>();
  for (const e of events) {
    const key = keyOf(e);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return groups;
};

/** Everything wrong with the log: streams with gaps, commands half applied or applied twice, acknowledgements not kept. */
function problemsIn(events: StoredEvent[], sent: Sent[]): string[] {
  const problems: string[] = [];
  for (const [stream, list] of groupBy(events, (e) => e.streamId)) {
    list.forEach((e, i) => e.version !== i + 1 && problems.push(`${stream} has version ${e.version} at index ${i}`));
  }
  for (const [commandId, list] of groupBy(events, (e) => e.metadata.commandId)) {
    const expected = EVENTS_PER_COMMAND[list[0].metadata.commandType ?? ''] ?? 1;
    if (list.length !== expected) problems.push(`command ${commandId} (${list[0].metadata.commandType}) has ${list.length} of its ${expected} events`);
    const contiguous = list.every((e, i) => i === 0 || (e.streamId === list[0].streamId && e.version === list[0].version + i && e.globalPosition === list[0].globalPosition + i));
    if (!contiguous) problems.push(`command ${commandId} is not one contiguous append`);
  }
  const byKey = groupBy(events, (e) => e.metadata.idempotencyKey);
  for (const [key, list] of byKey) {
    const commands = new Set(list.map((e) => e.metadata.commandId));
    if (commands.size !== 1) problems.push(`Idempotency-Key ${key} was applied ${commands.size} times`);
  }
  for (const command of sent) {
    const logged = byKey.get(command.key)?.map((e) => e.eventId) ?? [];
    if (typeof command.status === 'number' && command.status >= 500) problems.push(`${command.kind} ${command.key} answered ${command.status}`);
    if (typeof command.status === 'number' && command.status < 300) {
      const acknowledged = command.response!.events.map((e) => e.eventId);
      if (JSON.stringify(logged) !== JSON.stringify(acknowledged)) problems.push(`${command.kind} ${command.key} answered ${command.status} with ${acknowledged}, the log has ${logged}`);
    }
    if (typeof command.status === 'number' && command.status >= 400 && logged.length > 0) problems.push(`${command.kind} ${command.key} was refused (${command.status}) but is in the log`);
  }
  return problems;
}

/** Waits until the running API's read models have committed the whole log. */
async function projectionsCaughtUp(head: number): Promise<SqliteReadModelStore> {
  const live = new SqliteReadModelStore(join(dataDir, 'read-models.db'));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const checkpoints = await live.checkpoints();
    if (checkpoints.length === ALL_PROJECTIONS.length && checkpoints.every((c) => c.position === head)) return live;
    if (checkpoints.some((c) => c.failure) || Date.now() > deadline) {
      await live.close();
      throw new Error(`Projections did not catch up with ${head}: ${JSON.stringify(checkpoints)}\n${api!.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Each live read-model table against the same projection rebuilt from the log into a fresh database by the
 * service's own wiring (an app on the same data directory, not listening, with read models in a new file).
 */
async function readModelDifferences(head: number, round: number): Promise<string[]> {
  const live = await projectionsCaughtUp(head);
  const fresh = join(dataDir, `rebuilt-${round}.db`);
  const rebuilder = await createApp(loadConfig({ PPO_DATA_DIR: dataDir, PPO_READ_MODELS: `sqlite:${fresh}`, PPO_LOG_LEVEL: 'silent', PPO_AUTH_SECRET: FAULT_AUTH_SECRET }));
  try {
    await rebuilder.init();
    await rebuilder.get(ProjectionsService).caughtUp();
    const rebuilt = rebuilder.get<ReadModelStore>(READ_MODEL_STORE);
    const differences: string[] = [];
    for (const { name, table } of ALL_PROJECTIONS) {
      const [a, b] = await Promise.all([live.select(table, {}), rebuilt.select(table, {})]);
      const differing = a.rows.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(b.rows[i]));
      if (differing >= 0 || a.rows.length !== b.rows.length) {
        differences.push(`${name}: ${a.rows.length} live rows, ${b.rows.length} rebuilt; first difference, live ${JSON.stringify(a.rows[differing])} rebuilt ${JSON.stringify(b.rows[differing])}`);
      }
    }
    return differences;
  } finally {
    await Promise.all([live.close(), rebuilder.close()]);
    for (const file of [fresh, `${fresh}-wal`, `${fresh}-shm`]) rmSync(file, { force: true });
  }
}

jest.setTimeout(150_000);

describe('The API killed with SIGKILL under concurrent commands', () => {
  it(`keeps every acknowledged command, applies none by halves, and its read models equal a rebuild, over ${ROUNDS} kills (seed ${SEED})`, async () => {
    process.stdout.write(`SIGKILL fault test: seed ${SEED} (PPO_FAULT_SEED=${SEED} repeats the plan)\n`);
    await addAccount(dataDir, user, ['supervisor', 'auditor']);
    api = await startApi(dataDir);
    const token = await signIn(api.url, user);
    const tally = { acknowledged: 0, refused: 0, lost: 0, lostButLogged: 0 };

    for (let round = 1; round <= ROUNDS; round++) {
      const sent = await loadUntilKilled(token, round);
      api = await startApi(dataDir);

      const before = await readLog();
      expect(before.integrity).toMatchObject({ ok: true, firstBreak: null });
      expect(problemsIn(before.events, sent)).toEqual([]);

      // A client that lost its answer retries with the same key: applied once, whether or not the first try got in.
      const loggedKeys = new Set(before.events.map((e) => e.metadata.idempotencyKey));
      const lost = sent.filter((c) => c.status === 'lost');
      for (const command of lost) {
        const wasLogged = loggedKeys.has(command.key);
        await send(token, command);
        expect({ key: command.key, status: command.status, replayed: command.replayed }).toEqual({ key: command.key, status: command.kind === 'register' ? 201 : 200, replayed: wasLogged });
        if (wasLogged) tally.lostButLogged++;
      }
      for (const command of sent) {
        if (command.status === 200 || command.status === 201) {
          tally.acknowledged++;
          if (command.kind === 'register') offenders.registered.push(command.offenderId!);
          if (command.kind === 'adopt') offenders.adopted.add(command.offenderId!);
        } else tally.refused++;
      }
      tally.lost += lost.length;
      offenders.adopting.clear();

      const after = await readLog();
      expect(after.integrity).toMatchObject({ ok: true, firstBreak: null });
      expect(problemsIn(after.events, sent)).toEqual([]);
      expect(await readModelDifferences(after.events.at(-1)?.globalPosition ?? 0, round)).toEqual([]);
    }
    process.stdout.write(
      `SIGKILL fault test: ${ROUNDS} kills, ${tally.acknowledged} commands acknowledged, ${tally.lost} answers lost ` +
        `(${tally.lostButLogged} of them had been logged), ${tally.refused} refused; ${offenders.registered.length} offenders\n`,
    );
    expect(tally.lost).toBeGreaterThan(0);
  });
});
