import { DEFAULT_SCHEME_POLICIES, DEFAULT_SCHEME_POLICY, type OffenderCommand, type SchemePolicies } from '@ppo/domain';
import { SqliteEventStore } from '@ppo/event-store';
import type { Projection } from '../../projection';
import { offenderJourneyProjection } from '../../projections/offender-journey/offender-journey.projection';
import { ProjectionRunner } from '../../runner/projection-runner';
import { applyCommand } from '../../testing/cohort';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../../testing/read-model-stores';
import { RETENTION_REVIEW_CSV, retentionReview } from './retention-review';
import { toCsv } from '../../http/csv-export';

const TODAY = '2026-11-20';
const id = (n: number) => `3e000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Registers, adopts (with the panel's reason: no convictions are needed here) and deselects an offender, as on TODAY. */
async function deselected(events: SqliteEventStore, n: number, deselectedOn: string, area = 'northumbria', more: OffenderCommand[] = []): Promise<string> {
  const offenderId = id(n);
  const commands: OffenderCommand[] = [
    { type: 'RegisterOffender', data: { offenderId, area, registeredOn: '2015-01-05', personal: { crn: `R${n}`, givenName: 'Robin', familyName: `Example${n}`, dateOfBirth: '1980-05-06' } } },
    { type: 'AdoptOffender', data: { adoptedOn: '2015-02-02', reason: 'Panel decision' } },
    { type: 'DeselectOffender', data: { deselectedOn, reason: 'stable-and-order-complete', exitPlan: { summary: 'Voluntary support', voluntarySupport: [] } } },
    ...more,
  ];
  for (const command of commands) expect(await applyCommand(events, offenderId, command, TODAY)).toBe(true);
  return offenderId;
}

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('The retention review, on %s', (kind) => {
  let events: SqliteEventStore;
  let store: ReturnType<typeof openTestStore>;
  const project = () => new ProjectionRunner(events, store, offenderJourneyProjection as Projection).catchUp();

  beforeEach(() => {
    events = new SqliteEventStore({ path: ':memory:' });
    store = openTestStore(kind);
  });
  afterEach(() => Promise.all([store.close(), events.close()]));

  it('lists a record six years after deselection, oldest due first, and not a day before', async () => {
    const sixYearsAgo = await deselected(events, 1, '2020-11-20');
    const longAgo = await deselected(events, 2, '2017-03-31');
    await deselected(events, 3, '2020-11-21');
    const onScheme = id(4);
    await applyCommand(events, onScheme, { type: 'RegisterOffender', data: { offenderId: onScheme, area: 'northumbria', registeredOn: '2016-01-05', personal: { crn: 'R4', givenName: 'Kit', familyName: 'Onscheme', dateOfBirth: '1980-05-06' } } }, TODAY);
    await applyCommand(events, onScheme, { type: 'AdoptOffender', data: { adoptedOn: '2016-02-02', reason: 'Panel decision' } }, TODAY);
    await project();

    const review = await retentionReview(store, TODAY, DEFAULT_SCHEME_POLICIES, { pageSize: 25 });
    expect(review.due.items.map((i) => i.offenderId)).toEqual([longAgo, sixYearsAgo]);
    expect(review.due.items[0]).toEqual({
      offenderId: longAgo, crn: 'R2', givenName: 'Robin', familyName: 'Example2', area: 'northumbria',
      deselectedOn: '2017-03-31', retentionYears: 6, dueOn: '2023-03-31', daysOverdue: 1330, legalHoldSince: null, restricted: false,
    });
    expect(review.due.items[1]).toMatchObject({ dueOn: TODAY, daysOverdue: 0 });
    expect(review.held).toEqual({ items: [], total: 0 });
    expect((await retentionReview(store, '2026-11-21', DEFAULT_SCHEME_POLICIES)).due.total).toBe(3);
  });

  it('lists a record under a legal hold apart, as held, until the hold is released', async () => {
    const held = await deselected(events, 1, '2019-06-01', 'northumbria', [{ type: 'PlaceLegalHold', data: { reason: 'Civil claim pending', placedOn: '2026-10-01' } }]);
    const due = await deselected(events, 2, '2019-07-01');
    await project();

    const review = await retentionReview(store, TODAY, DEFAULT_SCHEME_POLICIES);
    expect(review.due.items.map((i) => i.offenderId)).toEqual([due]);
    expect(review.held.items).toEqual([expect.objectContaining({ offenderId: held, dueOn: '2025-06-01', legalHoldSince: '2026-10-01' })]);
    expect(JSON.stringify(review)).not.toContain('Civil claim');

    await applyCommand(events, held, { type: 'ReleaseLegalHold', data: { reason: 'Claim settled', releasedOn: TODAY } }, TODAY);
    await project();
    const released = await retentionReview(store, TODAY, DEFAULT_SCHEME_POLICIES);
    expect(released.due.items.map((i) => i.offenderId)).toEqual([held, due]);
    expect(released.held.total).toBe(0);
  });

  it('never lists a record whose personal data is erased', async () => {
    await deselected(events, 1, '2018-01-10', 'northumbria', [{ type: 'ErasePersonalData', data: { erasedOn: '2026-11-01', ground: 'retention-period-ended' } }]);
    await project();
    expect(await retentionReview(store, TODAY, DEFAULT_SCHEME_POLICIES)).toMatchObject({ due: { items: [], total: 0 }, held: { items: [], total: 0 } });
  });

  it('counts each area’s own retention period', async () => {
    const policies: SchemePolicies = { default: DEFAULT_SCHEME_POLICY, areas: { cumbria: { retentionYearsAfterDeselection: 10 }, durham: { retentionYearsAfterDeselection: 3 } } };
    const northumbria = await deselected(events, 1, '2019-01-15');
    await deselected(events, 2, '2019-01-15', 'cumbria');
    const cumbriaLongAgo = await deselected(events, 3, '2016-06-30', 'cumbria');
    const durham = await deselected(events, 4, '2023-05-02', 'durham');
    await project();

    const review = await retentionReview(store, TODAY, policies);
    expect(review.due.items.map((i) => [i.offenderId, i.retentionYears, i.dueOn])).toEqual([
      [northumbria, 6, '2025-01-15'],
      [durham, 3, '2026-05-02'],
      [cumbriaLongAgo, 10, '2026-06-30'],
    ]);
    const second = await retentionReview(store, TODAY, policies, { page: 2, pageSize: 1 });
    expect(second.due).toMatchObject({ items: [expect.objectContaining({ offenderId: durham })], total: 3, page: 2, pageSize: 1 });
    const cumbria = await retentionReview(store, TODAY, policies, { areas: ['cumbria'] });
    expect(cumbria.due.items.map((i) => i.offenderId)).toEqual([cumbriaLongAgo]);
    expect((await retentionReview(store, TODAY, policies, { areas: ['northumbria', 'durham'] })).due.items.map((i) => i.offenderId)).toEqual([northumbria, durham]);
  });

  it('pages the records due and leaves restricted records to those who may see them', async () => {
    const ids = [];
    for (let n = 1; n <= 5; n++) ids.push(await deselected(events, n, `2018-0${n}-01`));
    await applyCommand(events, ids[4], { type: 'RestrictProcessing', data: { reason: 'Accuracy contested', restrictedOn: TODAY } }, TODAY);
    await project();

    const second = await retentionReview(store, TODAY, DEFAULT_SCHEME_POLICIES, { page: 2, pageSize: 2 });
    expect(second.due).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(second.due.items.map((i) => i.offenderId)).toEqual([ids[2], ids[3]]);
    const forTheDpo = await retentionReview(store, TODAY, DEFAULT_SCHEME_POLICIES, { includeRestricted: true });
    expect(forTheDpo.due.items.map((i) => i.offenderId)).toEqual(ids);
    expect(forTheDpo.due.items[4].restricted).toBe(true);
    const csv = toCsv(RETENTION_REVIEW_CSV.toRows(forTheDpo), RETENTION_REVIEW_CSV.columns).trim().split('\n');
    expect(csv).toHaveLength(6);
    expect(csv[1]).toBe(`${TODAY},due,${ids[0]},R1,Robin,Example1,northumbria,2018-01-01,6,2024-01-01,1054,,false`);
  });
});
