/**
 * Property: whatever the commands (late and backdated entries, custody, frequency changes, deselection,
 * erasure) and whatever corrections follow them (retractions, rectifications to another date), the scheme
 * dashboard read from scheme_totals gives the same figures as the same report worked out offender by
 * offender from scheme_timeline, for several days taken as today; and the totals kept live equal the totals
 * rebuilt from position 0. On SQLite and on PostgreSQL.
 */
import { addDays, offenderStreamId, type OffenderCommand, type OffenderEvent } from '@ppo/domain';
import { offenderCommandArbitraries } from '@ppo/domain/testing/offender-command.arbitraries';
import { SqliteEventStore, type EventStore } from '@ppo/event-store';
import * as fc from 'fast-check';
import { schemeSummaryFromTimelines } from '../../queries/scheme-summary-report/scheme-summary-from-timelines';
import { schemeSummaryReport } from '../../queries/scheme-summary-report/scheme-summary-report';
import { ProjectionRunner } from '../../runner/projection-runner';
import type { ReadModelStore } from '../../store/read-model-store.port';
import { applyCommand } from '../../testing/cohort';
import { writeSyntheticLog } from '../../testing/synthetic-log';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../../testing/read-model-stores';
import { SCHEME_TIMELINE_TABLE, schemeTimelineProjection, type SchemeTimelineRow } from '../scheme-timeline/scheme-timeline.projection';
import { SCHEME_TOTALS_TABLE } from './scheme-totals';

const TODAY = '2026-06-15';
const OFFENDERS = ['0a1b2c3d-0000-4000-8000-00000000001a', '0a1b2c3d-0000-4000-8000-00000000001b', '0a1b2c3d-0000-4000-8000-00000000001c', '0a1b2c3d-0000-4000-8000-00000000001d'];
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };
/** Today as the mid-month day the data was written, an earlier mid-month day, a month's last day, and a day after most of it. */
const TODAYS = [TODAY, '2025-11-03', '2026-02-28', '2026-08-31'];

const correction = fc.record({ pick: fc.nat(), retract: fc.boolean(), shiftDays: fc.integer({ min: -400, max: 60 }) });
const cohort = fc.record({
  sequences: fc.tuple(...OFFENDERS.map((offenderId) => offenderCommandArbitraries({ today: TODAY, offenderId, personal }).commandSequence)),
  schedule: fc.array(
    fc.record({ offender: fc.nat({ max: OFFENDERS.length - 1 }), catchUp: fc.boolean(), correction: fc.option(correction, { nil: undefined, freq: 3 }) }),
    { minLength: 60, maxLength: 160 },
  ),
});

/** A retraction of one of the offender's correctable events, or its rectification to another date. */
async function correctionOf(events: EventStore, offenderId: string, { pick, retract, shiftDays }: { pick: number; retract: boolean; shiftDays: number }): Promise<OffenderCommand | undefined> {
  const stream = await events.readStream(offenderStreamId(offenderId));
  const correctable = stream.filter((s) => ['ContactRecorded', 'ConvictionRecorded', 'LapseOccurred'].includes(s.type));
  if (correctable.length === 0) return undefined;
  const target = correctable[pick % correctable.length];
  const reason = 'Recorded in error';
  if (retract) return { type: 'RetractEvent', data: { eventId: target.eventId, reason, retractedOn: TODAY } };
  const event = { type: target.type, data: target.data } as OffenderEvent;
  const shift = (date: string) => addDays(date, shiftDays);
  const correctionCommand =
    event.type === 'ContactRecorded'
      ? { type: 'RecordContact' as const, data: { ...event.data, contactOn: shift(event.data.contactOn) } }
      : event.type === 'ConvictionRecorded'
        ? { type: 'RecordConviction' as const, data: { ...event.data, offenceDate: shift(event.data.offenceDate), convictionDate: shift(event.data.convictionDate) } }
        : event.type === 'LapseOccurred'
          ? { type: 'RecordLapse' as const, data: { ...event.data, occurredOn: shift(event.data.occurredOn) } }
          : undefined;
  if (!correctionCommand) return undefined;
  return { type: 'RectifyEvent', data: { eventId: target.eventId, reason, rectifiedOn: TODAY, correction: correctionCommand } } as OffenderCommand;
}

async function expectSameReports(store: ReadModelStore): Promise<void> {
  const timelines = (await store.select(SCHEME_TIMELINE_TABLE, {})).rows as SchemeTimelineRow[];
  for (const today of TODAYS) {
    for (const areas of [undefined, ['northumbria'], ['cumbria', 'durham']]) {
      for (const [from, to, offendingWindowMonths] of [['2023-05', '2026-09', undefined], ['2025-12', '2026-06', 6]] as const) {
        const options = { areas, from, to, today, offendingWindowMonths };
        const expected = schemeSummaryFromTimelines(timelines.filter((r) => !areas || areas.includes(r.area)), options);
        expect(await schemeSummaryReport(store, options)).toEqual(expected);
      }
    }
  }
}

/** After a synthetic log: a late entry dated up to two years back, or a correction of an earlier entry. */
const amendment = fc.record({
  offender: fc.nat({ max: 7 }),
  late: fc.option(fc.constantFrom('contact', 'conviction', 'lapse', 'reduction'), { nil: undefined, freq: 2 }),
  daysBack: fc.integer({ min: 0, max: 730 }),
  correction,
});

/** A late entry of a fact dated `daysBack` days before today. */
function lateEntry(kind: string, daysBack: number, pick: number): OffenderCommand {
  const on = addDays(TODAY, -daysBack);
  if (kind === 'contact') return { type: 'RecordContact', data: { contactOn: on, kind: 'office', outcome: pick % 3 ? 'attended' : 'unacceptable-absence' } } as OffenderCommand;
  if (kind === 'conviction') return { type: 'RecordConviction', data: { offence: 'theft-from-shops', offenceDate: addDays(on, -3), convictionDate: on, court: 'Newcastle Magistrates' } } as OffenderCommand;
  if (kind === 'lapse') return { type: 'RecordLapse', data: { lapseId: `late-${pick}`, occurredOn: on, kind: 'drug-use', severity: 'minor' } } as OffenderCommand;
  return { type: 'ReduceContactFrequency', data: { contactsPerWeek: 1 + (pick % 3), reason: 'Stable', effectiveOn: on } } as OffenderCommand;
}

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('The scheme dashboard from its totals on %s', (kind) => {
  it('gives the figures the offender-by-offender reckoning gives, after backdated entries and corrections, for any today', async () => {
    let corrections = 0;
    const runs = kind === 'sqlite' ? 25 : 8;
    await fc.assert(
      fc.asyncProperty(cohort, async ({ sequences, schedule }) => {
        const events = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 10 });
        const live = openTestStore(kind);
        const rebuilt = openTestStore(kind);
        const runner = new ProjectionRunner(events, live, schemeTimelineProjection, { batchSize: 5 });
        try {
          await runner.start();
          const next = sequences.map(() => 0);
          for (const step of schedule) {
            const offenderId = OFFENDERS[step.offender];
            const command = (sequences[step.offender] as OffenderCommand[])[next[step.offender]++];
            if (command) await applyCommand(events, offenderId, command, TODAY);
            const fix = step.correction && (await correctionOf(events, offenderId, step.correction));
            if (fix && (await applyCommand(events, offenderId, fix, TODAY))) corrections++;
            if (step.catchUp) await runner.waitFor(await events.headPosition());
          }
          const head = await events.headPosition();
          await runner.waitFor(head);
          await expectSameReports(live);

          await new ProjectionRunner(events, rebuilt, schemeTimelineProjection, { batchSize: 500 }).catchUp();
          expect((await live.select(SCHEME_TOTALS_TABLE, {})).rows).toEqual((await rebuilt.select(SCHEME_TOTALS_TABLE, {})).rows);
        } finally {
          await runner.stop();
          await Promise.all([live.close(), rebuilt.close(), events.close()]);
        }
      }),
      { numRuns: runs },
    );
    // The corrections drawn must have been accepted, or the property would not cover them: more than one a run
    // (a fixed 20 failed now and then with PostgreSQL's 8 runs, which accept about 18 to 30).
    expect(corrections).toBeGreaterThan(runs);
  }, 240_000);

  it('gives the same figures over a synthetic log of contacts, lapses and fast-tracks, amended late and corrected', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), fc.array(amendment, { minLength: 10, maxLength: 40 }), async (seed, amendments) => {
        const events = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 10 });
        const live = openTestStore(kind);
        const rebuilt = openTestStore(kind);
        const runner = new ProjectionRunner(events, live, schemeTimelineProjection, { batchSize: 7 });
        try {
          await runner.start();
          await writeSyntheticLog(events, 480, 8, seed);
          for (const [i, a] of amendments.entries()) {
            const offenderId = `${String(a.offender).padStart(8, '0')}-0000-4000-8000-${String(seed).padStart(12, '0')}`;
            const command = a.late ? lateEntry(a.late, a.daysBack, a.correction.pick) : await correctionOf(events, offenderId, a.correction);
            if (command && (await applyCommand(events, offenderId, command, TODAY))) applied++;
            if (i % 3 === 0) await runner.waitFor(await events.headPosition());
          }
          await runner.waitFor(await events.headPosition());
          await expectSameReports(live);

          await new ProjectionRunner(events, rebuilt, schemeTimelineProjection, { batchSize: 500 }).catchUp();
          expect((await live.select(SCHEME_TOTALS_TABLE, {})).rows).toEqual((await rebuilt.select(SCHEME_TOTALS_TABLE, {})).rows);
        } finally {
          await runner.stop();
          await Promise.all([live.close(), rebuilt.close(), events.close()]);
        }
      }),
      { numRuns: kind === 'sqlite' ? 15 : 5 },
    );
    expect(applied).toBeGreaterThan(50);
  }, 240_000);
});
