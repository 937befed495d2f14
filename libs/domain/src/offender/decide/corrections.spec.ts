import { assessEligibility } from '../../derived/eligibility';
import { DomainError, type DomainErrorCode } from '../../errors/domain-error';
import type { OffenderCommand } from '../offender.commands';
import { applyCorrections, type IdentifiedEvent } from '../offender.corrections';
import { decide } from '../offender.decide';
import type { OffenderEvent } from '../offender.events';
import { foldOffender } from '../offender.state';
import { conviction, convictions, deselected, fastTracked, lapse, onScheme, policy, registered, today, tomorrow } from './fixtures';

/** Given/when/then with event ids, which corrections refer to: the given events are event-1, event-2... */
function given(events: OffenderEvent[]) {
  const history: IdentifiedEvent[] = events.map((event, i) => ({ eventId: `event-${i + 1}`, event }));
  const state = foldOffender(applyCorrections(history).map((r) => r.event));
  const run = (command: OffenderCommand) => decide(command, state, { today, policy, history });
  return {
    when: (command: OffenderCommand) => ({
      then(expected: OffenderEvent[]) {
        expect(run(command)).toEqual(expected);
      },
      thenRefuses(code: DomainErrorCode) {
        expect(() => run(command)).toThrow(DomainError);
        try {
          run(command);
        } catch (error) {
          expect((error as DomainError).code).toBe(code);
        }
      },
      /** The state as read once the command's events are recorded. */
      afterwards() {
        const events = run(command).map((event, i) => ({ eventId: `event-${history.length + i + 1}`, event }));
        return foldOffender(applyCorrections([...history, ...events]).map((r) => r.event));
      },
    }),
  };
}

const retract = (eventId: string, reason = 'Recorded against the wrong person'): OffenderCommand => ({ type: 'RetractEvent', data: { eventId, reason, retractedOn: today } });
const theft = (convictionDate: string) => ({ offence: 'theft-from-shops' as const, offenceDate: convictionDate, convictionDate, court: 'Newcastle' });

describe('Correcting the record: retractions and rectifications', () => {
  // Registration, then six shop thefts in the window: eligible on a score of 6.
  const eligibleHistory = [registered(), ...convictions(6, { latestOn: '2026-06-10' })];

  it('a conviction recorded in error is retracted, and eligibility falls with it', () => {
    const state = given(eligibleHistory).when(retract('event-2')).afterwards();
    expect(state.convictions).toHaveLength(5);
    expect(assessEligibility(state, today, policy.eligibility)).toMatchObject({ eligible: false, score: 5 });
  });

  it('a retraction records which event, why and when, and nothing else', () => {
    given(eligibleHistory)
      .when(retract('event-2', 'Another person’s conviction'))
      .then([{ type: 'EventRetracted', data: { eventId: 'event-2', reason: 'Another person’s conviction', retractedOn: today } }]);
  });

  it('a conviction rectified to another offence counts as the corrected one, where the original stood', () => {
    const command: OffenderCommand = {
      type: 'RectifyEvent',
      data: { eventId: 'event-2', reason: 'Wrong offence entered', rectifiedOn: today, correction: { type: 'RecordConviction', data: { ...theft('2026-01-10'), offence: 'burglary' } } },
    };
    const state = given(eligibleHistory).when(command).afterwards();
    expect(state.convictions[0].offence).toBe('burglary');
    expect(assessEligibility(state, today, policy.eligibility).score).toBe(7);
  });

  it('a rectification must be a fact of the same kind, and obeys the rules that fact obeys', () => {
    const asArrest: OffenderCommand = {
      type: 'RectifyEvent',
      data: { eventId: 'event-2', reason: 'x', rectifiedOn: today, correction: { type: 'RecordArrest', data: { arrestedOn: '2026-01-01', offence: 'burglary' } } },
    };
    given(eligibleHistory).when(asArrest).thenRefuses('EVENT.NOT_CORRECTABLE');
    const inTheFuture: OffenderCommand = {
      type: 'RectifyEvent',
      data: { eventId: 'event-2', reason: 'x', rectifiedOn: today, correction: { type: 'RecordConviction', data: theft(tomorrow) } },
    };
    given(eligibleHistory).when(inTheFuture).thenRefuses('DATE.IN_FUTURE');
  });

  it('a lapse keeps its id when rectified, so a fast-track that follows it still does', () => {
    const history = [...onScheme(), lapse('lapse-1', '2026-05-01')];
    const command: OffenderCommand = {
      type: 'RectifyEvent',
      data: { eventId: `event-${history.length}`, reason: 'Wrong date', rectifiedOn: today, correction: { type: 'RecordLapse', data: { lapseId: 'new-id', occurredOn: '2026-05-02', kind: 'drug-use', severity: 'minor' } } },
    };
    const state = given(history).when(command).afterwards();
    expect(state.lapses).toEqual([expect.objectContaining({ lapseId: 'lapse-1', occurredOn: '2026-05-02' })]);
  });

  it('a lapse a fast-track follows cannot be retracted', () => {
    const history = [...onScheme(), lapse('lapse-1', '2026-05-01'), fastTracked('ft-1', '2026-05-03', 'lapse-1')];
    given(history).when(retract(`event-${history.length - 1}`)).thenRefuses('EVENT.STILL_REFERENCED');
  });

  it('only facts a case worker enters can be corrected: not registration, adoption or another correction', () => {
    given(eligibleHistory).when(retract('event-1')).thenRefuses('EVENT.NOT_CORRECTABLE');
    given([...eligibleHistory, { type: 'EventRetracted', data: { eventId: 'event-2', reason: 'x', retractedOn: today } }]).when(retract('event-8')).thenRefuses('EVENT.NOT_CORRECTABLE');
  });

  it('an event retracted once cannot be retracted again, and an unknown id is not found', () => {
    given([...eligibleHistory, { type: 'EventRetracted', data: { eventId: 'event-2', reason: 'x', retractedOn: today } }]).when(retract('event-2')).thenRefuses('EVENT.ALREADY_RETRACTED');
    given(eligibleHistory).when(retract('event-99')).thenRefuses('EVENT.NOT_FOUND');
  });

  it('the record can still be corrected after deselection', () => {
    const history = [...onScheme(), conviction('2026-02-01'), deselected('2026-05-01')];
    given(history).when(retract(`event-${history.length - 1}`)).then([
      { type: 'EventRetracted', data: { eventId: `event-${history.length - 1}`, reason: 'Recorded against the wrong person', retractedOn: today } },
    ]);
  });
});
