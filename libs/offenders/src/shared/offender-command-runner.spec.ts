import { DEFAULT_SCHEME_POLICIES, DomainError, offenderStreamId } from '@ppo/domain';
import { SqliteEventStore, WrongExpectedVersionError, type EventStore } from '@ppo/event-store';
import { ConcurrentUpdateError, StaleVersionError } from './application-errors';
import { fixedClock } from './clock';
import { OffenderCommandMessage, SYSTEM_ACTOR, type CommandContext } from './command-context';
import { OffenderCommandRunner } from './offender-command-runner';

class TestCommand extends OffenderCommandMessage<object> {}

const OFFENDER = '0b6f7c1e-8a52-4c4e-9d1a-3f1f0d9c2a11';
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: SYSTEM_ACTOR,
  correlationId: 'corr-1',
  commandId: 'cmd-1',
  ...extra,
});
const register = () =>
  ({
    type: 'RegisterOffender',
    data: { offenderId: OFFENDER, area: 'northumbria', personal: { crn: 'X1', givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01' } },
  }) as const;
const arrest = () => ({ type: 'RecordArrest', data: { arrestedOn: '2026-11-01', offence: 'burglary' } }) as const;

/** Wraps a store so that the next `conflicts` appends fail as if another process had appended first. */
function withForeignWrites(store: EventStore, conflicts: number): EventStore & { appends: number } {
  let left = conflicts;
  const wrapper = Object.create(store) as EventStore & { appends: number };
  wrapper.appends = 0;
  wrapper.append = async (stream, events, options) => {
    wrapper.appends++;
    if (left-- > 0) throw new WrongExpectedVersionError(stream, options.expectedVersion, 99);
    return store.append(stream, events, options);
  };
  return wrapper;
}

describe('The offender command runner', () => {
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const runnerOver = (s: EventStore) => new OffenderCommandRunner(s, fixedClock('2026-11-20T10:00:00Z'), DEFAULT_SCHEME_POLICIES);

  it('stamps every event with the envelope: occurredAt from the domain date, actor, correlation, causation and command ids', async () => {
    const runner = runnerOver(store);
    await runner.run(new TestCommand(OFFENDER, {}, context()), register);
    await runner.run(new TestCommand(OFFENDER, {}, context({ commandId: 'cmd-2' })), arrest);
    const [, arrested] = await store.readStream(offenderStreamId(OFFENDER));
    expect(arrested).toMatchObject({
      type: 'ArrestRecorded',
      schemaVersion: 1,
      version: 2,
      metadata: { occurredAt: '2026-11-01', actor: SYSTEM_ACTOR, correlationId: 'corr-1', causationId: 'cmd-2', commandId: 'cmd-2' },
    });
    expect(arrested.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('retries when another process appended first, and succeeds on a fresh read', async () => {
    await runnerOver(store).run(new TestCommand(OFFENDER, {}, context()), register);
    const flaky = withForeignWrites(store, 2);
    const result = await runnerOver(flaky).run(new TestCommand(OFFENDER, {}, context()), arrest);
    expect(flaky.appends).toBe(3);
    expect(result.version).toBe(2);
  });

  it('gives up with REQUEST.CONCURRENT_UPDATE after ten conflicting attempts, having appended nothing', async () => {
    await runnerOver(store).run(new TestCommand(OFFENDER, {}, context()), register);
    const hopeless = withForeignWrites(store, 1000);
    await expect(runnerOver(hopeless).run(new TestCommand(OFFENDER, {}, context()), arrest)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(hopeless.appends).toBe(10);
    expect(await store.headPosition()).toBe(1);
  });

  it('does not retry a conditional command: a conflict under If-Match is a stale version', async () => {
    await runnerOver(store).run(new TestCommand(OFFENDER, {}, context()), register);
    const flaky = withForeignWrites(store, 1);
    await expect(runnerOver(flaky).run(new TestCommand(OFFENDER, {}, context({ ifMatch: 1 })), arrest)).rejects.toBeInstanceOf(StaleVersionError);
    expect(flaky.appends).toBe(1);
  });

  it('appends nothing when the decider refuses', async () => {
    const runner = runnerOver(store);
    await runner.run(new TestCommand(OFFENDER, {}, context()), register);
    const lapse = () => ({ type: 'RecordLapse', data: { lapseId: 'l1', occurredOn: '2026-11-01', kind: 'drug-use', severity: 'minor' } }) as const;
    await expect(runner.run(new TestCommand(OFFENDER, {}, context()), lapse)).rejects.toMatchObject({ code: 'OFFENDER.NOT_ON_SCHEME' });
    expect(await store.headPosition()).toBe(1);
  });

  it('answers OFFENDER.NOT_REGISTERED before looking at If-Match', async () => {
    await expect(runnerOver(store).run(new TestCommand(OFFENDER, {}, context({ ifMatch: 3 })), arrest)).rejects.toEqual(
      new DomainError('OFFENDER.NOT_REGISTERED'),
    );
  });
});
