import { SqliteEventStore } from '@ppo/event-store';
import type { Projection } from '../../projection';
import { rebuildProjection } from '../../rebuild/rebuild-projection';
import { ProjectionRunner } from '../../runner/projection-runner';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../../testing/read-model-stores';
import { writeSyntheticLog } from '../../testing/synthetic-log';
import { schemeTimelineProjection } from '../scheme-timeline/scheme-timeline.projection';
import { SCHEME_TOTALS_TABLE } from './scheme-totals';

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('Rebuilding the scheme timeline on %s', (kind) => {
  it('swaps in its totals with its rows, equal to totals built from scratch, and they keep following the log', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    await writeSyntheticLog(events, 2000, 20, 11);
    const store = openTestStore(kind);
    const timeline = schemeTimelineProjection as Projection;
    let live = new ProjectionRunner(events, store, timeline);
    await live.start();
    const clean = openTestStore(kind);
    try {
      await live.waitFor(await events.headPosition());
      // A wrong totals row, as a bug might leave: the rebuild replaces it.
      const [victim] = (await store.select(SCHEME_TOTALS_TABLE, { limit: 1 })).rows;
      const checkpoint = (await store.checkpoint(timeline.name))!.position;
      await store.commit(timeline.name, timeline.version, [{ table: SCHEME_TOTALS_TABLE, upserts: [{ ...victim, sums: { offenders: 999 } }], deletes: [] }], checkpoint);

      await rebuildProjection(events, store, timeline, {
        pauseLive: () => live.stop(),
        resumeLive: async () => {
          live = new ProjectionRunner(events, store, timeline);
          await live.start();
        },
      });
      await writeSyntheticLog(events, 300, 4, 12);
      await live.waitFor(await events.headPosition());

      await new ProjectionRunner(events, clean, timeline).catchUp();
      expect((await store.select(SCHEME_TOTALS_TABLE, {})).rows).toEqual((await clean.select(SCHEME_TOTALS_TABLE, {})).rows);
      expect(await store.checkpoint(`${timeline.name}__rebuild`)).toBeUndefined();
    } finally {
      await live.stop();
      await Promise.all([store.close(), clean.close(), events.close()]);
    }
  }, 60_000);

  it('swaps its rows and totals together or not at all, so a failed swap leaves the live tables and checkpoint as they were', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    await writeSyntheticLog(events, 300, 5, 13);
    const store = openTestStore(kind);
    const timeline = schemeTimelineProjection as Projection;
    try {
      await new ProjectionRunner(events, store, timeline).catchUp();
      const before = {
        rows: (await store.select(timeline.table, {})).rows,
        totals: (await store.select(SCHEME_TOTALS_TABLE, {})).rows,
        checkpoint: (await store.checkpoint(timeline.name))!.position,
      };
      // A shadow rows table but no shadow totals table: the second rename fails, after the first has run.
      const shadowRows = { ...timeline.table, name: `${timeline.table.name}__rebuild` };
      const shadowTotals = { ...SCHEME_TOTALS_TABLE, name: `${SCHEME_TOTALS_TABLE.name}__rebuild` };
      await store.ensureTables([shadowRows]);

      await expect(
        store.swapIn({ projection: timeline.name, tables: [timeline.table, SCHEME_TOTALS_TABLE] }, { projection: `${timeline.name}__rebuild`, tables: [shadowRows, shadowTotals] }),
      ).rejects.toThrow();

      expect((await store.select(timeline.table, {})).rows).toEqual(before.rows);
      expect((await store.select(SCHEME_TOTALS_TABLE, {})).rows).toEqual(before.totals);
      expect((await store.checkpoint(timeline.name))!.position).toBe(before.checkpoint);
      expect(before.rows.length).toBeGreaterThan(0);
      expect(before.totals.length).toBeGreaterThan(0);
    } finally {
      await Promise.all([store.close(), events.close()]);
    }
  }, 60_000);
});
