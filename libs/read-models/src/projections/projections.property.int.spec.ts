/**
 * Property: for random valid command sequences over several offenders, every
 * projection processed live (interleaved with appends, in small batches) equals
 * the same projection rebuilt from zero in one go, on SQLite and on PostgreSQL.
 */
import { SqliteEventStore } from '@ppo/event-store';
import type { OffenderCommand } from '@ppo/domain';
import * as fc from 'fast-check';
import { offenderCommandArbitraries } from '@ppo/domain/testing/offender-command.arbitraries';
import { ProjectionRunner } from '../runner/projection-runner';
import { applyCommand } from '../testing/cohort';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../testing/read-model-stores';
import { ALL_PROJECTIONS } from './all-projections';

const TODAY = '2026-06-15';
const OFFENDERS = ['0a1b2c3d-0000-4000-8000-00000000000a', '0a1b2c3d-0000-4000-8000-00000000000b', '0a1b2c3d-0000-4000-8000-00000000000c'];
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };

/** Each offender's command sequence, and an order to interleave them in, with points where the projections catch up. */
const cohort = fc.record({
  sequences: fc.tuple(
    ...OFFENDERS.map((offenderId) => offenderCommandArbitraries({ today: TODAY, offenderId, personal }).commandSequence),
  ),
  schedule: fc.array(fc.record({ offender: fc.nat({ max: OFFENDERS.length - 1 }), catchUp: fc.boolean() }), { minLength: 60, maxLength: 180 }),
});

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('Projections on %s', (kind) => {
  it('processed live, equal the same projections rebuilt from position 0', async () => {
    await fc.assert(
      fc.asyncProperty(cohort, async ({ sequences, schedule }) => {
        const events = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 10 });
        const live = openTestStore(kind);
        const rebuilt = openTestStore(kind);
        // Live: all projections in one runner, small batches. Rebuilt: each on its own, one large batch.
        const liveRunners = [new ProjectionRunner(events, live, ALL_PROJECTIONS, { batchSize: 7 })];
        try {
          await Promise.all(liveRunners.map((r) => r.start()));
          const next = sequences.map(() => 0);
          for (const step of schedule) {
            const sequence = sequences[step.offender] as OffenderCommand[];
            const command = sequence[next[step.offender]++];
            if (!command) continue;
            await applyCommand(events, OFFENDERS[step.offender], command, TODAY);
            if (step.catchUp) {
              const head = await events.headPosition();
              await Promise.all(liveRunners.map((r) => r.waitFor(head)));
            }
          }
          const head = await events.headPosition();
          await Promise.all(liveRunners.map((r) => r.waitFor(head)));

          for (const projection of ALL_PROJECTIONS) {
            const rebuild = new ProjectionRunner(events, rebuilt, projection, { batchSize: 500 });
            await rebuild.catchUp();
            expect(rebuild.status()).toEqual([{ name: projection.name, state: 'live', position: head, failure: null }]);
            const liveRows = (await live.select(projection.table, {})).rows;
            const rebuiltRows = (await rebuilt.select(projection.table, {})).rows;
            expect(liveRows).toEqual(rebuiltRows);
          }
        } finally {
          await Promise.all(liveRunners.map((r) => r.stop()));
          await Promise.all([live.close(), rebuilt.close(), events.close()]);
        }
      }),
      { numRuns: kind === 'sqlite' ? 25 : 10 },
    );
  }, 120_000);
});
