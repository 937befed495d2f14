import { addDays, addMonths } from '@ppo/domain';
import { SqliteEventStore } from '@ppo/event-store';
import type { Projection } from '../../projection';
import { schemeTimelineProjection } from '../../projections/scheme-timeline/scheme-timeline.projection';
import { ProjectionRunner } from '../../runner/projection-runner';
import { applyCommand } from '../../testing/cohort';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../../testing/read-model-stores';
import { schemeSummaryReport } from './scheme-summary-report';

const TODAY = '2026-06-15';
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };
const id = (n: number) => `3c000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Registers an offender with `before` convictions in the year before `adoptedOn`, adopts them, then records `after` arrests. */
async function offender(events: SqliteEventStore, n: number, area: string, adoptedOn: string, before: number, after: number): Promise<void> {
  const run = async (command: Parameters<typeof applyCommand>[2]) => expect(await applyCommand(events, id(n), command, TODAY)).toBe(true);
  await run({ type: 'RegisterOffender', data: { offenderId: id(n), area, personal } });
  for (let i = 0; i < before; i++) {
    const date = addDays(addMonths(adoptedOn, -11), i * 30);
    await run({ type: 'RecordConviction', data: { offence: 'theft-from-shops', offenceDate: date, convictionDate: date, court: 'Newcastle' } });
  }
  await run({ type: 'AdoptOffender', data: { adoptedOn, reason: before < 6 ? 'Panel: local priority' : undefined } });
  for (let i = 0; i < after; i++) await run({ type: 'RecordArrest', data: { arrestedOn: addMonths(adoptedOn, 2 + i * 2), offence: 'drugs' } });
}

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('The scheme dashboard, on %s', (kind) => {
  it('reports the cohort, enforcement, compliance and the exact fall in offending after adoption, per area and month', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const store = openTestStore(kind);
    // Northumbria: five adopted in May 2025 with 10 convictions each the year before, and 4, 4, 4, 4 and 3 arrests the year after.
    for (const [n, after] of [4, 4, 4, 4, 3].entries()) await offender(events, n + 1, 'northumbria', `2025-05-1${n}`, 10, after);
    // Cumbria: one adopted in May 2025, offending no less afterwards.
    await offender(events, 9, 'cumbria', '2025-05-20', 4, 4);
    // The first Northumbrian lapses on 3 August and is fast-tracked on the 10th; eight contacts are attended in June.
    await applyCommand(events, id(1), { type: 'RecordLapse', data: { lapseId: 'lapse-1', occurredOn: '2025-08-03', kind: 'drug-use', severity: 'moderate' } }, TODAY);
    await applyCommand(events, id(1), { type: 'FastTrackToCourt', data: { fastTrackId: 'ft-1', fastTrackedOn: '2025-08-10', reason: 'Lapse', court: 'Newcastle', hearingOn: '2025-08-20', lapseId: 'lapse-1' } }, TODAY);
    for (let day = 2; day <= 16; day += 2) {
      await applyCommand(events, id(2), { type: 'RecordContact', data: { contactOn: `2025-06-${String(day).padStart(2, '0')}`, kind: 'home-visit', outcome: 'attended' } }, TODAY);
    }
    await new ProjectionRunner(events, store, schemeTimelineProjection as Projection).catchUp();

    const { months } = await schemeSummaryReport(store, { from: '2025-05', to: '2025-08', today: TODAY });
    const get = (area: string, month: string) => months.find((m) => m.area === area && m.month === month)!;

    expect(get('northumbria', '2025-05')).toMatchObject({
      adoptions: 5,
      cohort: { total: 5, inCustody: 0, byStrand: { 'rehabilitate-and-resettle': 5 }, byIntensity: { intensive: 5 } },
      offending: { offenders: 5, before: 50, after: 19, reductionPercent: 62, windowMonths: 12 },
    });
    expect(get('cumbria', '2025-05').offending).toEqual({ offenders: 1, before: 4, after: 4, reductionPercent: 0, windowMonths: 12 });
    expect(get('northumbria', '2025-06').contactCompliance).toEqual({ attended: 8, required: 85.7, percent: 9.3 });
    expect(get('northumbria', '2025-08')).toMatchObject({
      lapses: 1,
      fastTracks: 1,
      lapseToFastTrack: { count: 1, meanDays: 7 },
      cohort: { total: 5, byStrand: { 'rehabilitate-and-resettle': 4, 'catch-and-convict': 1 } },
    });

    // A shorter window is a query parameter, not a rebuild: six months before against six after.
    const sixMonths = await schemeSummaryReport(store, { areas: ['northumbria'], from: '2025-05', to: '2025-05', today: TODAY, offendingWindowMonths: 6 });
    expect(sixMonths.months).toEqual([expect.objectContaining({ area: 'northumbria', offending: { offenders: 5, before: 20, after: 10, reductionPercent: 50, windowMonths: 6 } })]);
    await Promise.all([store.close(), events.close()]);
  });
});
