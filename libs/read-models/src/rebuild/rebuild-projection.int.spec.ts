import { SqliteEventStore } from '@ppo/event-store';
import type { Projection } from '../projection';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { offenderJourneyProjection } from '../projections/offender-journey/offender-journey.projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../testing/read-model-stores';
import { writeSyntheticLog } from '../testing/synthetic-log';
import { rebuildProjection } from './rebuild-projection';

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('Rebuilding a projection without downtime, on %s', (kind) => {
  it('builds a shadow copy while the live one serves reads, reports how they differ, and swaps it in', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    await writeSyntheticLog(events, 3000, 40, 5);
    const store = openTestStore(kind);
    const journey = offenderJourneyProjection as Projection;
    let live = new ProjectionRunner(events, store, ALL_PROJECTIONS);
    await live.start();
    try {
      await live.waitFor(await events.headPosition());

      // A bug once wrote a wrong row: the rebuild must notice and repair it.
      const [victim] = (await store.select(journey.table, { limit: 1 })).rows;
      const checkpoint = (await store.checkpoint(journey.name))!.position;
      await store.commit(journey.name, journey.version, [{ table: journey.table, upserts: [{ ...victim, crn: 'WRONG' }], deletes: [] }], checkpoint);

      const progress: number[] = [];
      let readsDuringBuild = 0;
      const report = await rebuildProjection(events, store, journey, {
        onProgress: (position) => progress.push(position),
        pauseLive: async () => {
          readsDuringBuild = (await store.select(journey.table, {})).total;
          await writeSyntheticLog(events, 200, 5, 6); // the log moves on while the live runner still follows it
          await live.stop();
        },
        resumeLive: async () => {
          live = new ProjectionRunner(events, store, ALL_PROJECTIONS);
          await live.start();
        },
      });

      const head = await events.headPosition();
      expect(readsDuringBuild).toBe(40);
      expect(report).toMatchObject({ projection: 'offender_journey', position: head, rows: 45, differences: { onlyLive: 0, onlyRebuilt: 0, changed: 1 } });
      expect(report.differences.sampleKeys).toContain(victim.offender_id);
      expect(progress.at(-1)).toBe(head);

      const clean = openTestStore(kind);
      await new ProjectionRunner(events, clean, journey).catchUp();
      expect((await store.select(journey.table, {})).rows).toEqual((await clean.select(journey.table, {})).rows);
      expect(await store.checkpoint(journey.name)).toMatchObject({ position: head, failure: null });
      expect(await store.checkpoint(`${journey.name}__rebuild`)).toBeUndefined();

      // The swapped-in table keeps following the log, with its indexes in place.
      await writeSyntheticLog(events, 50, 2, 7);
      await live.waitFor(await events.headPosition());
      expect((await store.select(journey.table, { where: [{ column: 'area', op: '=', value: 'cumbria' }] })).total).toBeGreaterThan(0);
      await clean.close();
    } finally {
      await live.stop();
      await Promise.all([store.close(), events.close()]);
    }
  }, 60_000);
});
