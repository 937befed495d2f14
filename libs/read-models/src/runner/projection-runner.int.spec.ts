import { SqliteEventStore } from '@ppo/event-store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Projection } from '../projection';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { SqliteReadModelStore } from '../store/sqlite-read-model-store';
import { indexesOf } from '../store/table-spec';
import { eligibilityProjection } from '../projections/eligibility/eligibility.projection';
import { offenderJourneyProjection } from '../projections/offender-journey/offender-journey.projection';
import { applyCommand } from '../testing/cohort';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../testing/read-model-stores';
import { ProjectionRunner } from './projection-runner';

const TODAY = '2026-06-15';
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };
const ids = ['1f000000-0000-4000-8000-000000000001', '1f000000-0000-4000-8000-000000000002'];

/** The journey projection under another name, throwing on one event while `poisoned` says so. */
function probe(poisoned: { eventId?: string }): Projection {
  const base = offenderJourneyProjection as Projection;
  return {
    ...base,
    name: 'journey_probe',
    table: { ...base.table, name: 'journey_probe' },
    evolve(row, event) {
      if (event.eventId === poisoned.eventId) throw new Error('Cannot read property of undefined (simulated bug)');
      return base.evolve(row, event);
    },
  };
}

async function cohortOfTwo(events: SqliteEventStore): Promise<void> {
  for (const offenderId of ids) {
    await applyCommand(events, offenderId, { type: 'RegisterOffender', data: { offenderId, area: 'northumbria', personal } }, TODAY);
    await applyCommand(events, offenderId, { type: 'RecordArrest', data: { arrestedOn: '2026-05-01', offence: 'burglary' } }, TODAY);
    await applyCommand(events, offenderId, { type: 'RecordArrest', data: { arrestedOn: '2026-05-02', offence: 'drugs' } }, TODAY);
  }
}

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('A projection that throws on an event, on %s', (kind) => {
  it('stops on that event with the prefix committed, the others stay live, and after the fix it resumes from that event', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const store = openTestStore(kind);
    await cohortOfTwo(events);
    const all = await events.readAll({ limit: 100 });
    const poisonEvent = all[3]; // the second offender's registration, mid-batch
    const poisoned: { eventId?: string } = { eventId: poisonEvent.eventId };

    const runner = new ProjectionRunner(events, store, [probe(poisoned), eligibilityProjection as Projection], { batchSize: 100 });
    await runner.catchUp();
    const [failing, healthy] = runner.status();

    expect(failing).toMatchObject({
      state: 'failed',
      position: poisonEvent.globalPosition - 1,
      failure: { eventId: poisonEvent.eventId, position: poisonEvent.globalPosition, error: expect.stringContaining('simulated bug') },
    });
    expect(await store.checkpoint('journey_probe')).toMatchObject({
      position: poisonEvent.globalPosition - 1,
      failure: { eventId: poisonEvent.eventId, position: poisonEvent.globalPosition },
    });
    expect((await store.select(probe(poisoned).table, {})).rows.map((r) => r.offender_id)).toEqual([ids[0]]);
    expect(healthy).toMatchObject({ state: 'live', position: all.at(-1)!.globalPosition, failure: null });
    await expect(runner.waitFor(all.at(-1)!.globalPosition)).rejects.toThrow(/journey_probe failed/);

    // The fix is deployed: a new runner resumes from the failed event and catches up.
    poisoned.eventId = undefined;
    const fixed = new ProjectionRunner(events, store, probe(poisoned), { batchSize: 100 });
    await fixed.catchUp();
    expect(fixed.status()[0]).toMatchObject({ state: 'live', position: all.at(-1)!.globalPosition, failure: null });
    expect(await store.checkpoint('journey_probe')).toMatchObject({ failure: null });

    const clean = openTestStore(kind);
    await new ProjectionRunner(events, clean, probe(poisoned)).catchUp();
    expect((await store.select(probe(poisoned).table, {})).rows).toEqual((await clean.select(probe(poisoned).table, {})).rows);
    await Promise.all([store.close(), clean.close(), events.close()]);
  });
});

describe('The projection runner', () => {
  it('makes a newly appended event visible to a live projection', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const store = openTestStore('sqlite');
    const runner = new ProjectionRunner(events, store, ALL_PROJECTIONS);
    await runner.start();
    await cohortOfTwo(events);
    const head = await events.headPosition();
    await runner.waitFor(head);
    expect((await store.select(offenderJourneyProjection.table, {})).total).toBe(2);
    expect(runner.status().map((s) => s.state)).toEqual(ALL_PROJECTIONS.map(() => 'live'));
    await runner.stop();
    await Promise.all([store.close(), events.close()]);
  });

  it('rebuilds a projection whose version changed, from position 0', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const store = openTestStore('sqlite');
    await cohortOfTwo(events);
    await new ProjectionRunner(events, store, offenderJourneyProjection as Projection).catchUp();
    await store.commit('offender_journey', 1, [{ table: offenderJourneyProjection.table, upserts: [], deletes: [ids[0]] }], 6);
    const v2 = { ...(offenderJourneyProjection as Projection), version: 2 };
    await new ProjectionRunner(events, store, v2).catchUp();
    expect((await store.select(v2.table, {})).total).toBe(2);
    expect(await store.checkpoint('offender_journey')).toMatchObject({ projectionVersion: 2, position: 6 });
    await Promise.all([store.close(), events.close()]);
  });
});

describe('Indexes of a projection filled from position 0', () => {
  it('are built once it has caught up, not kept up to date while it fills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppo-idx-'));
    const path = join(dir, 'read-models.db');
    const indexes = () => {
      const db = new Database(path, { readonly: true });
      const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'offender_journey' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name);
      db.close();
      return names.sort();
    };
    const events = new SqliteEventStore({ path: ':memory:' });
    await cohortOfTwo(events);
    const store = new SqliteReadModelStore(path);
    const runner = new ProjectionRunner(events, store, offenderJourneyProjection as Projection);
    const filling: string[][] = [];
    const commit = store.commit.bind(store);
    store.commit = async (...args: Parameters<SqliteReadModelStore['commit']>) => {
      filling.push(indexes());
      return commit(...args);
    };
    await runner.catchUp();
    expect(filling.length).toBeGreaterThan(0);
    expect(filling.every((names) => names.length === 0)).toBe(true);
    expect(indexes()).toEqual(indexesOf(offenderJourneyProjection.table).map((index) => index.name).sort());
    await store.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
