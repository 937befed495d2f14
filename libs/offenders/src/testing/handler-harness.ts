import { DEFAULT_SCHEME_POLICIES, offenderStreamId } from '@ppo/domain';
import { SqliteEventStore, type StoredEvent } from '@ppo/event-store';
import { fixedClock } from '../shared/clock';
import { SYSTEM_ACTOR, type CommandContext } from '../shared/command-context';
import { OffenderCommandRunner } from '../shared/offender-command-runner';

/** A use-case handler test bed: the real runner over an in-memory store, with today fixed at 20 November 2026. */
export function handlerHarness() {
  const store = new SqliteEventStore({ path: ':memory:' });
  const runner = new OffenderCommandRunner(store, fixedClock('2026-11-20T10:00:00Z'), DEFAULT_SCHEME_POLICIES);
  const offenderId = '5d0c1c39-5a4e-4c0f-8d8e-0e8f4b6f7a21';
  let n = 0;
  const context = (): CommandContext => ({ actor: SYSTEM_ACTOR, correlationId: 'test', commandId: `command-${++n}` });
  return {
    store,
    runner,
    offenderId,
    context,
    /** The events of the harness offender's stream. */
    events: (): Promise<StoredEvent[]> => store.readStream(offenderStreamId(offenderId)),
    /** Registers the harness offender and, when asked, adopts them with six recent convictions. */
    async given(stage: 'registered' | 'adopted'): Promise<void> {
      const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };
      const run = (command: Parameters<OffenderCommandRunner['run']>[1]) =>
        runner.run({ offenderId, body: {}, context: context() } as never, command);
      await run(() => ({ type: 'RegisterOffender', data: { offenderId, area: 'northumbria', personal } }));
      if (stage === 'registered') return;
      for (let m = 1; m <= 6; m++) {
        const date = `2026-0${m}-15`;
        await run(() => ({ type: 'RecordConviction', data: { offence: 'theft-from-shops', offenceDate: date, convictionDate: date, court: 'Newcastle' } }));
      }
      await run(() => ({ type: 'AdoptOffender', data: { adoptedOn: '2026-07-01' } }));
    },
    close: () => store.close(),
  };
}
