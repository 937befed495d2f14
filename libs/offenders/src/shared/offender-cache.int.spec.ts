import { DEFAULT_SCHEME_POLICIES, replayBitemporal, upcastOffenderEvent, type OffenderCommand } from '@ppo/domain';
import { SqliteEventStore, type EventStore } from '@ppo/event-store';
import { Keyring, MasterKey, PersonalDataProtectingEventStore, SqliteKeyStore } from '@ppo/personal-data';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErasePersonalDataCommand } from '../commands/erase-personal-data/erase-personal-data.command';
import { ErasePersonalDataHandler } from '../commands/erase-personal-data/erase-personal-data.handler';
import { GetOffenderHandler } from '../queries/get-offender/get-offender.handler';
import { GetOffenderQuery } from '../queries/get-offender/get-offender.query';
import { GetOffenderStateAtHandler } from '../queries/get-offender-state-at/get-offender-state-at.handler';
import { GetOffenderStateAtQuery } from '../queries/get-offender-state-at/get-offender-state-at.query';
import { fixedClock } from './clock';
import { SYSTEM_ACTOR } from './command-context';
import { OffenderCache } from './offender-cache';
import { OffenderCommandRunner } from './offender-command-runner';
import { loadOffender } from './offender-stream';

const clock = fixedClock('2026-11-20T10:00:00Z');
const master = MasterKey.of(randomBytes(32));
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };

/** One service process over the shared database files: its own store, keyring, cache and runner. */
function processOver(dir: string) {
  const keyring = new Keyring(master, new SqliteKeyStore(join(dir, 'keys.db')), { cacheMillis: 0 });
  const store = new PersonalDataProtectingEventStore(new SqliteEventStore({ path: join(dir, 'events.db') }), keyring);
  const cache = new OffenderCache(store);
  const runner = new OffenderCommandRunner(store, clock, DEFAULT_SCHEME_POLICIES, cache);
  let n = 0;
  const run = (offenderId: string, command: OffenderCommand) =>
    runner.run({ offenderId, body: {}, context: { actor: SYSTEM_ACTOR, correlationId: 'test', commandId: `command-${++n}` } } as never, () => command);
  const erase = (offenderId: string) =>
    new ErasePersonalDataHandler(runner, clock, store, keyring).execute(
      new ErasePersonalDataCommand(offenderId, { ground: 'principles-infringed' }, { actor: SYSTEM_ACTOR, correlationId: 'test', commandId: `command-${++n}` }),
    );
  return { store, cache, runner, run, erase };
}

/** What a read with nothing cached answers. */
const freshLoad = async (store: EventStore, offenderId: string) => {
  const { state, version } = await loadOffender(store, offenderId);
  return { state, version };
};
const freshHistory = async (store: EventStore, offenderId: string) =>
  (await loadOffender(store, offenderId)).stored.map((s) => ({ eventId: s.eventId, event: upcastOffenderEvent(s), recordedAt: s.recordedAt }));

const contact = (contactOn: string): OffenderCommand => ({ type: 'RecordContact', data: { contactOn, kind: 'office', outcome: 'attended', notes: 'Seen as arranged.' } });

describe('the offender cache, with another process writing to the same log', () => {
  let dir: string;
  let here: ReturnType<typeof processOver>;
  let there: ReturnType<typeof processOver>;
  const offenderId = randomUUID();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ppo-offender-cache-'));
    here = processOver(dir);
    there = processOver(dir);
    await there.run(offenderId, { type: 'RegisterOffender', data: { offenderId, area: 'northumbria', personal } });
    for (let m = 1; m <= 6; m++) {
      const date = `2026-0${m}-15`;
      await there.run(offenderId, { type: 'RecordConviction', data: { offence: 'theft-from-shops', offenceDate: date, convictionDate: date, court: 'Newcastle' } });
    }
    await there.run(offenderId, { type: 'AdoptOffender', data: { adoptedOn: '2026-07-01' } });
  });
  afterEach(async () => {
    await here.store.close();
    await there.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers what a fresh load answers after the other process appends, reading only the events appended since', async () => {
    const before = await here.cache.current(offenderId);
    expect(before).toEqual(await freshLoad(here.store, offenderId));
    await there.run(offenderId, contact('2026-08-01'));
    await there.run(offenderId, contact('2026-08-08'));
    const reads = jest.spyOn(here.store, 'readStream');
    const cached = await here.cache.current(offenderId);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads).toHaveBeenCalledWith(expect.any(String), { from: before.version + 1 });
    expect(cached.version).toBe(before.version + 2);
    expect(cached.state.contacts).toHaveLength(2);
    expect(cached).toEqual(await freshLoad(here.store, offenderId));
  });

  it('reads the whole stream again when the other process retracts an event, and leaves the retracted event out', async () => {
    await here.cache.current(offenderId);
    await there.run(offenderId, contact('2026-08-01'));
    expect((await here.cache.current(offenderId)).state.contacts).toHaveLength(1);
    const recorded = (await there.store.readStream(`offender-${offenderId}`)).at(-1)!;
    await there.run(offenderId, { type: 'RetractEvent', data: { eventId: recorded.eventId, reason: 'Wrong offender', retractedOn: '2026-11-20' } });
    const cached = await here.cache.current(offenderId);
    expect(cached.state.contacts).toHaveLength(0);
    expect(cached).toEqual(await freshLoad(here.store, offenderId));
  });

  it("keeps nothing of a subject the other process erased, and answers as a fresh load does", async () => {
    await here.cache.current(offenderId);
    await here.cache.recorded(offenderId);
    await there.erase(offenderId);
    const cached = await here.cache.current(offenderId);
    expect(cached.state.erased).toBeDefined();
    expect(cached.state.personal?.givenName).not.toBe('Sam');
    expect(cached).toEqual(await freshLoad(here.store, offenderId));
    expect((await here.cache.recorded(offenderId)).events).toEqual(await freshHistory(here.store, offenderId));
    expect(here.cache.size.folded.entries).toBe(0);
    expect(here.cache.size.histories.entries).toBe(0);
  });

  it('drops what it holds of a subject as soon as this process erases them', async () => {
    await here.cache.current(offenderId);
    await here.cache.recorded(offenderId);
    await here.erase(offenderId);
    expect(here.cache.size.folded.entries).toBe(0);
    expect(here.cache.size.histories.entries).toBe(0);
    expect(JSON.stringify(await here.cache.current(offenderId))).not.toContain('Example');
  });

  it('does not keep a read that began before this process forgot the subject', async () => {
    const reading = here.cache.current(offenderId);
    here.cache.forget(offenderId);
    await reading;
    expect(here.cache.size.folded.entries).toBe(0);
  });

  it('keeps the history an auditor replays, brought up to date with corrections the other process records', async () => {
    const history = await here.cache.recorded(offenderId);
    expect(history.events).toEqual(await freshHistory(here.store, offenderId));
    await there.run(offenderId, contact('2026-08-01'));
    const recorded = (await there.store.readStream(`offender-${offenderId}`)).at(-1)!;
    await there.run(offenderId, { type: 'RectifyEvent', data: { eventId: recorded.eventId, reason: 'Wrong date', rectifiedOn: '2026-11-20', correction: contact('2026-08-02') } } as OffenderCommand);
    const reads = jest.spyOn(here.store, 'readStream');
    const updated = await here.cache.recorded(offenderId);
    expect(reads).toHaveBeenCalledWith(expect.any(String), { from: history.version + 1 });
    expect(updated.events).toEqual(await freshHistory(here.store, offenderId));
    const knownAt = updated.events.at(-1)!.recordedAt;
    expect(replayBitemporal(updated.events, '2026-11-20', knownAt)).toEqual(replayBitemporal(await freshHistory(here.store, offenderId), '2026-11-20', knownAt));
  });

  it('reads the whole history again once it has not been asked for within the time it is kept', async () => {
    let now = 0;
    const cache = new OffenderCache(here.store, { historyTtlMs: 1_000, now: () => now });
    await cache.recorded(offenderId);
    now = 1_001;
    const reads = jest.spyOn(here.store, 'readStream');
    await cache.recorded(offenderId);
    expect(reads).toHaveBeenCalledWith(expect.any(String));
  });

  it('lets go of an opened history once unused for the time it is kept, even if nothing else is read', async () => {
    const cache = new OffenderCache(here.store, { historyTtlMs: 20 });
    await cache.recorded(offenderId);
    expect(cache.size.histories.entries).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cache.size.histories.entries).toBe(0);
  });

  it('gives the current state and the replay the same answers as handlers with nothing cached', async () => {
    const current = new GetOffenderHandler(here.store, clock, DEFAULT_SCHEME_POLICIES, here.cache);
    const replay = new GetOffenderStateAtHandler(here.store, DEFAULT_SCHEME_POLICIES, here.cache);
    const fresh = () => ({ current: new GetOffenderHandler(here.store, clock, DEFAULT_SCHEME_POLICIES), replay: new GetOffenderStateAtHandler(here.store, DEFAULT_SCHEME_POLICIES) });
    const asAt = new GetOffenderStateAtQuery(offenderId, '2026-08-05');
    await current.execute(new GetOffenderQuery(offenderId));
    await replay.execute(asAt);
    await there.run(offenderId, contact('2026-08-01'));
    await there.run(offenderId, { type: 'RecordArrest', data: { arrestedOn: '2026-08-03', offence: 'burglary' } });
    expect(await current.execute(new GetOffenderQuery(offenderId))).toEqual(await fresh().current.execute(new GetOffenderQuery(offenderId)));
    expect(await replay.execute(asAt)).toEqual(await fresh().replay.execute(asAt));
  });
});
