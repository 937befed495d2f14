import { SqliteEventStore } from '@ppo/event-store';
import type { Projection } from '../projection';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { offenderJourneyProjection } from '../projections/offender-journey/offender-journey.projection';
import type { ReadModelStore } from '../store/read-model-store.port';
import { SqliteReadModelStore } from '../store/sqlite-read-model-store';
import { applyCommand } from '../testing/cohort';
import { ProjectionRunner } from './projection-runner';

const TODAY = '2026-06-15';
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };
const ids = ['2f000000-0000-4000-8000-000000000001', '2f000000-0000-4000-8000-000000000002'];

/** The read-model store behind a switch: while `down`, every call fails as a refused connection does. */
function behindASwitch(store: ReadModelStore, outage: { down: boolean }): ReadModelStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) =>
        outage.down
          ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))
          : (value as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}

/** The journey projection under another name, throwing on one event. */
function poisonedOn(eventId: string): Projection {
  const base = offenderJourneyProjection as Projection;
  return {
    ...base,
    name: 'journey_probe',
    table: { ...base.table, name: 'journey_probe' },
    evolve(row, event) {
      if (event.eventId === eventId) throw new Error('Cannot read property of undefined (simulated bug)');
      return base.evolve(row, event);
    },
  };
}

async function cohortOfTwo(events: SqliteEventStore): Promise<void> {
  for (const offenderId of ids) {
    await applyCommand(events, offenderId, { type: 'RegisterOffender', data: { offenderId, area: 'northumbria', personal } }, TODAY);
    await applyCommand(events, offenderId, { type: 'RecordArrest', data: { arrestedOn: '2026-05-01', offence: 'burglary' } }, TODAY);
  }
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 4000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Not so within 4 s: ${condition}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Stops runners and closes stores after each test, passed or failed, so a failure cannot leave Jest waiting. */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Projections while the read-model store is out of reach', () => {
  it('start all the same, try again at doubling intervals without failing any projection, and catch up once it answers', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    await cohortOfTwo(events);
    const outage = { down: true };
    const store = new SqliteReadModelStore(':memory:');
    cleanups.push(() => events.close(), () => store.close());
    const log: string[] = [];
    const runner = new ProjectionRunner(events, behindASwitch(store, outage), ALL_PROJECTIONS, {
      retryDelayMs: 10,
      maxRetryDelayMs: 40,
      logger: { log: (m) => log.push(m), error: (m) => log.push(m) },
    });
    cleanups.push(() => runner.stop());

    await runner.start();
    await until(() => log.filter((m) => m.includes('trying again in')).length >= 5);
    expect(runner.status().map((s) => s.failure)).toEqual(ALL_PROJECTIONS.map(() => null));
    const delays = log.flatMap((m) => /trying again in (\d+) ms/.exec(m)?.[1] ?? []).map(Number);
    expect(delays.slice(0, 5)).toEqual([10, 20, 40, 40, 40]);
    expect(log[0]).toMatch(/cannot load their checkpoints: connect ECONNREFUSED/);

    outage.down = false;
    const head = await events.headPosition();
    await runner.waitFor(head);
    await until(() => runner.status().every((s) => s.state === 'live'));
    expect(runner.status().map((s) => ({ position: s.position, failure: s.failure }))).toEqual(ALL_PROJECTIONS.map(() => ({ position: head, failure: null })));
    expect((await store.checkpoints()).map((c) => c.failure)).toEqual(ALL_PROJECTIONS.map(() => null));
    expect(log.at(-1)).toMatch(/storage answers again after \d+ failed tries/);

    const clean = new SqliteReadModelStore(':memory:');
    cleanups.push(() => clean.close());
    await new ProjectionRunner(events, clean, ALL_PROJECTIONS).catchUp();
    for (const { table } of ALL_PROJECTIONS) expect((await store.select(table, {})).rows).toEqual((await clean.select(table, {})).rows);
  });

  it('still stop a projection on an event it cannot apply, once the store answers, and only that one', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    await cohortOfTwo(events);
    const poison = (await events.readAll({ limit: 10 }))[2];
    const outage = { down: true };
    const store = new SqliteReadModelStore(':memory:');
    cleanups.push(() => events.close(), () => store.close());
    const errors: string[] = [];
    const runner = new ProjectionRunner(events, behindASwitch(store, outage), [poisonedOn(poison.eventId), offenderJourneyProjection as Projection], {
      retryDelayMs: 10,
      logger: { log: () => undefined, error: (m) => errors.push(m) },
    });
    cleanups.push(() => runner.stop());

    await runner.start();
    await until(() => errors.length >= 3);
    expect(runner.status().map((s) => s.state)).not.toContain('failed');

    outage.down = false;
    const head = await events.headPosition();
    await expect(runner.waitFor(head)).rejects.toThrow(/journey_probe failed/);
    const [probe, journey] = runner.status();
    expect(probe).toMatchObject({ state: 'failed', position: poison.globalPosition - 1, failure: { eventId: poison.eventId } });
    expect(await store.checkpoint('journey_probe')).toMatchObject({ failure: { eventId: poison.eventId, position: poison.globalPosition } });
    await until(() => runner.status()[1].state === 'live');
    expect(runner.status()[1]).toMatchObject({ name: journey.name, position: head, failure: null });
  });
});
