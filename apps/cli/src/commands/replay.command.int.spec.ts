import { OFFENDER_EVENT_SCHEMA_VERSIONS, occurredOn, offenderStreamId, type OffenderEvent } from '@ppo/domain';
import { SqliteEventStore } from '@ppo/event-store';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { ppoInTempDataDir } from '../testing/run-ppo';

const { dataDir, run } = ppoInTempDataDir('ppo-replay-cli-');
const ppo = (...args: string[]) => run(args);

const OFFENDER = '0190a000-0000-7000-8000-000000000001';
const conviction = (month: string): OffenderEvent => ({
  type: 'ConvictionRecorded',
  data: { offence: 'theft-from-shops', offenceDate: `2026-${month}-02`, convictionDate: `2026-${month}-20`, court: 'Newcastle' },
});

/** Recorded at the given instants: five convictions entered on time, and March's only on 3 July. */
const HISTORY: [string, OffenderEvent][] = [
  ['2026-01-02T10:00:00Z', { type: 'OffenderRegistered', data: { offenderId: OFFENDER, area: 'northumbria', registeredOn: '2026-01-02', personal: { crn: 'X000001', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' } } }],
  ...(['01', '02', '04', '05', '06'].map((m) => [`2026-${m}-21T10:00:00Z`, conviction(m)]) as [string, OffenderEvent][]),
  ['2026-07-03T08:30:00Z', conviction('03')],
];

describe('ppo replay, on the command line', () => {
  beforeAll(async () => {
    let now = new Date();
    const events = new SqliteEventStore({ path: join(dataDir, 'ppo.db'), clock: () => now });
    for (const [i, [recordedAt, event]] of HISTORY.entries()) {
      now = new Date(recordedAt);
      const id = uuidv7();
      const metadata = { occurredAt: occurredOn(event), actor: { userId: 'test', role: 'caseworker' }, correlationId: id, causationId: id, commandId: id };
      await events.append(offenderStreamId(OFFENDER), [{ eventId: id, type: event.type, schemaVersion: OFFENDER_EVENT_SCHEMA_VERSIONS[event.type], data: event.data, metadata }], { expectedVersion: i });
    }
    await events.close();
  });

  it('shows a conviction entered late as true on the date it happened, as the record stands now, with the events that make them eligible', () => {
    const replay = ppo('replay', OFFENDER, '--as-at', '2026-06-30');
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^As at 30 June 2026, as known now \(everything recorded, the latest entry on 3 July 2026 at 9:30am\) \(2026-07-03T08:30:00\.000Z\)$/m);
    expect(replay.out).toMatch(/^Status\s+Registered$/m);
    expect(replay.out).toMatch(/^Eligibility\s+Meets the criteria: a score of 6 against a threshold of 6, counting from 1 July 2025$/m);
    expect(replay.out).toMatch(/^Events included\s+7$/m);
    expect(replay.out).toMatch(/^Eligibility, from:\n(  - .*\n){6}/m);
    expect(replay.out).toMatch(/^ {2}- 20 March 2026: Conviction recorded\. Convicted of theft from shops at Newcastle on 20 March 2026 \(offence on 2 March 2026\)\. Entered 3 July 2026 at 9:30am\.$/m);
  }, 30_000);

  it('shows the old picture as it was known before the late entry, naming the event entered after', () => {
    const replay = ppo('replay', OFFENDER, '--as-at', '2026-06-30', '--known-at', '2026-07-01T09:00:00Z');
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^As at 30 June 2026, as known at 1 July 2026 at 10:00am \(2026-07-01T09:00:00\.000Z\)$/m);
    expect(replay.out).toMatch(/^Eligibility\s+Does not meet the criteria: a score of 5 against a threshold of 6/m);
    expect(replay.out).toMatch(/^Events that happened by the date but were entered after the moment\s+1$/m);
    expect(replay.out).toMatch(/^Happened by the date but entered after the moment \(not counted above\):\n {2}- 20 March 2026: Conviction recorded\./m);
  }, 30_000);

  it('answers in JSON what the API answers, a date alone for --known-at meaning the end of that day in London', () => {
    const replay = ppo('replay', OFFENDER, '--as-at', '2026-06-30', '--known-at', '2026-07-01', '--json');
    expect(replay.code).toBe(0);
    const view = JSON.parse(replay.out);
    expect(view).toMatchObject({
      offenderId: OFFENDER,
      asAt: '2026-06-30',
      knownAt: '2026-07-01T22:59:59.999Z',
      events: { included: 6, laterThanAsAt: 0, recordedAfterKnownAt: 1 },
      registered: true,
      summary: { area: 'northumbria', status: 'registered', eligibility: { eligible: false, score: 5 } },
      provenance: { currentStrand: [], intensity: [] },
    });
    expect(view.provenance.eligibility).toHaveLength(5);
  }, 30_000);

  it('says the offender was not registered yet on a date before registration', () => {
    const replay = ppo('replay', OFFENDER, '--as-at', '2025-12-31');
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^Not registered on that date, as the record then stood\.$/m);
    expect(replay.out).toMatch(/^Events that happened after the date\s+7$/m);
  }, 30_000);

  it('refuses an unknown offender and dates that are not dates in one line each, with exit code 1', () => {
    const unknown = ppo('replay', '0190a000-0000-7000-8000-00000000dead', '--as-at', '2026-06-30');
    expect([unknown.code, unknown.out, unknown.err]).toEqual([1, '', 'ppo: there is no offender with the id 0190a000-0000-7000-8000-00000000dead\n']);
    const badDate = ppo('replay', OFFENDER, '--as-at', '2026-02-30');
    expect([badDate.code, badDate.err]).toEqual([1, 'ppo: --as-at must be a real date, YYYY-MM-DD, not "2026-02-30"\n']);
    const badMoment = ppo('replay', OFFENDER, '--as-at', '2026-06-30', '--known-at', 'yesterday');
    expect([badMoment.code, badMoment.err]).toEqual([1, 'ppo: --known-at must be a moment with its zone, such as 2026-07-01T09:00:00Z, or a date (the end of that day, London time), not "yesterday"\n']);
  }, 60_000);
});
