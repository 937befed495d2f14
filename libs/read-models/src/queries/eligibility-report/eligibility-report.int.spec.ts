import { DEFAULT_SCHEME_POLICIES } from '@ppo/domain';
import { SqliteEventStore } from '@ppo/event-store';
import type { Projection } from '../../projection';
import { eligibilityProjection } from '../../projections/eligibility/eligibility.projection';
import { ProjectionRunner } from '../../runner/projection-runner';
import { applyCommand } from '../../testing/cohort';
import { dropTestSchemas, openTestStore, STORE_KINDS } from '../../testing/read-model-stores';
import { eligibilityReport } from './eligibility-report';

const personal = { crn: 'X7', givenName: 'Jo', familyName: 'Example', dateOfBirth: '1991-02-03' };
const OFFENDER = '2e000000-0000-4000-8000-000000000001';

afterAll(() => dropTestSchemas());

describe.each(STORE_KINDS)('The eligibility report, on %s', (kind) => {
  it('drops a candidate once a conviction leaves the twelve-month window, with no new event', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const store = openTestStore(kind);
    const today = '2026-06-15';
    await applyCommand(events, OFFENDER, { type: 'RegisterOffender', data: { offenderId: OFFENDER, area: 'northumbria', personal } }, today);
    // Six shop thefts: the oldest convicted on 2025-07-01, the rest this year.
    for (const date of ['2025-07-01', '2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10']) {
      await applyCommand(events, OFFENDER, { type: 'RecordConviction', data: { offence: 'theft-from-shops', offenceDate: date, convictionDate: date, court: 'Newcastle' } }, today);
    }
    await new ProjectionRunner(events, store, eligibilityProjection as Projection).catchUp();

    const now = await eligibilityReport(store, '2026-06-15', DEFAULT_SCHEME_POLICIES);
    expect(now.candidates).toHaveLength(1);
    expect(now.candidates[0]).toMatchObject({ offenderId: OFFENDER, crn: 'X7', eligibility: { eligible: true, score: 6, threshold: 6 } });
    expect(now.candidates[0].eligibility.evidence.convictions.map((c) => c.convictionDate)).toContain('2025-07-01');

    expect((await eligibilityReport(store, '2026-06-30', DEFAULT_SCHEME_POLICIES)).candidates).toHaveLength(1);
    expect((await eligibilityReport(store, '2026-07-01', DEFAULT_SCHEME_POLICIES)).candidates).toEqual([]);
    expect(await events.headPosition()).toBe(7);
    await Promise.all([store.close(), events.close()]);
  });

  it('weighs burglary as a local priority and leaves out offenders already on the scheme', async () => {
    const events = new SqliteEventStore({ path: ':memory:' });
    const store = openTestStore(kind);
    const today = '2026-06-15';
    const burglar = '2e000000-0000-4000-8000-000000000002';
    const adopted = '2e000000-0000-4000-8000-000000000003';
    for (const id of [burglar, adopted]) {
      await applyCommand(events, id, { type: 'RegisterOffender', data: { offenderId: id, area: 'northumbria', personal } }, today);
      for (const date of ['2026-01-10', '2026-02-10', '2026-03-10']) {
        await applyCommand(events, id, { type: 'RecordConviction', data: { offence: 'burglary', offenceDate: date, convictionDate: date, court: 'Newcastle' } }, today);
      }
    }
    await applyCommand(events, adopted, { type: 'AdoptOffender', data: { adoptedOn: '2026-06-01' } }, today);
    await new ProjectionRunner(events, store, eligibilityProjection as Projection).catchUp();

    const { candidates } = await eligibilityReport(store, today, DEFAULT_SCHEME_POLICIES);
    expect(candidates.map((c) => c.offenderId)).toEqual([burglar]);
    expect(candidates[0].eligibility).toMatchObject({ score: 6, evidence: { convictions: [{ priority: true, weight: 2 }, { weight: 2 }, { weight: 2 }] } });
    await Promise.all([store.close(), events.close()]);
  });
});
