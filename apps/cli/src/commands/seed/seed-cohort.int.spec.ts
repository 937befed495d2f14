import { DEFAULT_SCHEME_POLICIES, offenderStreamId, type OffenderEventType } from '@ppo/domain';
import { SqliteEventStore, type StoredEvent } from '@ppo/event-store';
import { ALL_PROJECTIONS, OFFENDER_JOURNEY_TABLE, ProjectionRunner, SqliteReadModelStore } from '@ppo/read-models';
import { ppoInTempDataDir } from '../../testing/run-ppo';
import { planCohort } from './plan-cohort';
import { SeedRefused, seedCohort, type SeedSummary } from './seed-cohort';

const TODAY = '2026-11-20';
const seedOptions = (seed: number, offenders: number) => ({ seed, offenders, today: TODAY, policies: DEFAULT_SCHEME_POLICIES, timeZone: 'Europe/London' });

/** Every event of the log, as the same cohort must reproduce it: all but ids, times and hashes. */
async function contentOf(store: SqliteEventStore): Promise<string[]> {
  const events = await store.readAll({ after: 0, limit: 1_000_000 });
  return events
    .map((e) => JSON.stringify([e.streamId, e.version, e.type, e.schemaVersion, e.data, e.metadata.occurredAt, e.metadata.actor, e.metadata.commandType]))
    .sort();
}

describe('ppo seed: a synthetic cohort through the command side', () => {
  let store: SqliteEventStore;
  let summary: SeedSummary;
  let events: StoredEvent[];

  beforeAll(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    summary = await seedCohort(store, seedOptions(11, 40));
    events = await store.readAll({ after: 0, limit: 1_000_000 });
  }, 60_000);
  afterAll(() => store.close());

  it('has every command accepted by the domain, both while planning and when written through the runner', () => {
    expect(summary.figures.skipped).toBe(0);
    expect(summary.refused).toEqual([]);
    expect(summary.commands).toBe(summary.figures.commands);
    expect(events).toHaveLength(summary.events);
  });

  it('holds the whole journey: adoptions, contacts, reductions, lapses, fast-tracks, court outcomes, custody and release, reviews and deselections', () => {
    const count = (type: OffenderEventType) => events.filter((e) => e.type === type).length;
    const f = summary.figures;
    expect(count('OffenderRegistered')).toBe(40);
    expect(count('OffenderAdopted')).toBe(f.adopted);
    expect(count('ContactFrequencySet')).toBe(f.adopted);
    expect(count('ContactRecorded')).toBe(f.contacts);
    expect(count('LapseOccurred')).toBe(f.lapses);
    expect(count('FastTrackedToCourt')).toBe(f.fastTracks);
    expect(count('ContactFrequencyReduced')).toBe(f.reductions);
    expect(count('ReviewCompleted')).toBe(f.reviews);
    expect(count('OffenderDeselected')).toBe(f.deselected);
    expect(count('ReleasedFromCustody')).toBe(f.releases);
    for (const n of [f.adopted, f.contacts, f.lapses, f.fastTracks, f.reductions, f.reviews, f.deselected, f.custodySentences, f.releases]) expect(n).toBeGreaterThan(0);
    expect(count('CourtOutcomeRecorded')).toBeGreaterThan(0);
    expect(count('SupervisionTeamAssigned')).toBeGreaterThan(0);
    // Adopted at four contacts a week, as the policy says.
    expect(new Set(events.filter((e) => e.type === 'ContactFrequencySet').map((e) => (e.data as { contactsPerWeek: number }).contactsPerWeek))).toEqual(new Set([4]));
    // Every deselection but a death has an exit plan with voluntary support.
    for (const e of events.filter((x) => x.type === 'OffenderDeselected')) {
      const data = e.data as { reason: string; exitPlan?: { summary: string; voluntarySupport: string[] } };
      if (data.reason !== 'deceased') expect(data.exitPlan?.voluntarySupport.length).toBeGreaterThan(0);
    }
    // Attendance is realistic: mostly attended, some absences.
    const outcomes = events.filter((e) => e.type === 'ContactRecorded').map((e) => (e.data as { outcome: string }).outcome);
    const attended = outcomes.filter((o) => o === 'attended').length / outcomes.length;
    expect(attended).toBeGreaterThan(0.7);
    expect(attended).toBeLessThan(0.97);
  });

  it('says who and when: the seeding tool as actor, in the offender’s area, and dates over the last years up to today', () => {
    const areas = new Map(events.filter((e) => e.type === 'OffenderRegistered').map((e) => [e.streamId, (e.data as { area: string }).area]));
    expect(new Set(areas.values())).toEqual(new Set(['northumbria', 'durham', 'cumbria']));
    const wrongActor = events.filter((e) => JSON.stringify(e.metadata.actor) !== JSON.stringify({ userId: 'seed', username: 'seed', role: 'system', roles: ['system'], area: areas.get(e.streamId) }));
    expect(wrongActor).toEqual([]);
    const dates = events.map((e) => e.metadata.occurredAt).sort();
    expect(dates[0] > '2021-11-01').toBe(true);
    expect(dates.at(-1)! <= TODAY).toBe(true);
    const years = new Set(events.map((e) => e.metadata.occurredAt.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(4);
  });

  it('is followed by the read models: one journey row per offender, in the status the plan ended in', async () => {
    const readModels = new SqliteReadModelStore(':memory:');
    try {
      await new ProjectionRunner(store, readModels, ALL_PROJECTIONS).catchUp();
      const status = async (value: string) => (await readModels.select(OFFENDER_JOURNEY_TABLE, { where: [{ column: 'status', op: '=', value }], limit: 1 })).total;
      const { today } = summary.figures;
      expect(await status('registered')).toBe(today.registered);
      expect(await status('on-scheme')).toBe(today.onScheme);
      expect(await status('in-custody')).toBe(today.inCustody);
      expect(await status('deselected')).toBe(today.deselected);
      expect(today.registered + today.onScheme + today.inCustody + today.deselected).toBe(40);
      for (const checkpoint of await readModels.checkpoints()) expect(checkpoint.failure).toBeNull();
    } finally {
      await readModels.close();
    }
  }, 30_000);

  it('refuses a store that already has events, unless forced, and the same seed’s cohort twice even when forced', async () => {
    await expect(seedCohort(store, seedOptions(12, 2))).rejects.toThrow(SeedRefused);
    await expect(seedCohort(store, { ...seedOptions(11, 2), force: true })).rejects.toThrow(/cohort of seed 11 is already in this store/);
    const head = await store.headPosition();
    expect(head).toBe(summary.events);
  });
});

describe('seeding is deterministic', () => {
  it('writes the same events for the same seed, and different ones for another seed', async () => {
    const stores = [11, 11, 12].map(() => new SqliteEventStore({ path: ':memory:' }));
    try {
      await seedCohort(stores[0], seedOptions(5, 8));
      await seedCohort(stores[1], seedOptions(5, 8));
      await seedCohort(stores[2], seedOptions(6, 8));
      const [a, b, c] = await Promise.all(stores.map(contentOf));
      expect(a.length).toBeGreaterThan(100);
      expect(b).toEqual(a);
      expect(c).not.toEqual(a);
      expect(c.filter((line) => a.includes(line))).toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 60_000);

  it('plans each offender the same whatever the size of the cohort', () => {
    const small = planCohort(seedOptions(9, 3));
    const large = planCohort(seedOptions(9, 6));
    expect(large.offenders.slice(0, 3)).toEqual(small.offenders);
    expect(planCohort(seedOptions(9, 3)).offenders[0].offenderId).toBe(small.offenders[0].offenderId);
    expect(offenderStreamId(small.offenders[0].offenderId)).toMatch(/^offender-[0-9a-f-]{36}$/);
  });
});

describe('ppo seed, on the command line', () => {
  const { run } = ppoInTempDataDir('ppo-seed-cli-');
  const ppo = (...args: string[]) => run(args);

  it('shows progress with rate and ETA, prints a one-line summary, and refuses to seed the same store again', () => {
    const run = ppo('seed', '--offenders', '6', '--seed', '3', '--today', TODAY);
    expect(run.err).toMatch(/seed \[.*\] 100% \| (\d+)\/\1 commands \| [\d,]+ events \| [\d,]+ events\/s \| ETA/);
    expect(run.out).toMatch(/^Seeded 6 offenders \(--seed 3 --today 2026-11-20\) in northumbria, durham, cumbria: [\d,]+ events from [\d,]+ commands in [\d.]+ s \([\d,]+ events\/s\); .* 0 refused\n$/);
    expect(run.code).toBe(0);
    const again = ppo('seed', '--offenders', '6');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^ppo: the event store already holds [\d,]+ events; seeding would mix a synthetic cohort into them/);
  }, 60_000);

  it('refuses a --today after today', () => {
    const run = ppo('seed', '--offenders', '1', '--today', '2999-01-01');
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/--today \(2999-01-01\) is after today/);
  }, 30_000);
});
