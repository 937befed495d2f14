import { DESELECTION_REASONS } from '../../shared/vocabulary';
import type { OffenderCommand, OffenderCommandType } from '../offender.commands';
import type { OffenderEvent } from '../offender.events';
import {
  adopted,
  ADULT,
  convictions,
  custodyStarted,
  deselected,
  EXIT_PLAN,
  OFFENDER_ID,
  ONE_OF_EACH_COMMAND,
  onScheme,
  registered,
  spec,
  today,
  tomorrow,
} from './fixtures';

describe('deselecting an offender', () => {
  it('a stable offender whose order is complete is deselected with an exit plan of voluntary support', () => {
    const data = { deselectedOn: '2026-06-12', reason: 'stable-and-order-complete', exitPlan: EXIT_PLAN } as const;
    spec.given(onScheme()).when({ type: 'DeselectOffender', data }).then([{ type: 'OffenderDeselected', data }]);
  });

  it('an offender who has died is deselected without an exit plan', () => {
    const data = { deselectedOn: today, reason: 'deceased' } as const;
    spec.given(onScheme()).when({ type: 'DeselectOffender', data }).then([{ type: 'OffenderDeselected', data }]);
  });

  it('an offender sentenced to two years or more is deselected from custody with an exit plan', () => {
    const data = { deselectedOn: today, reason: 'custody-two-years-or-more', exitPlan: EXIT_PLAN } as const;
    spec
      .given([...onScheme(), custodyStarted('2026-05-20', { sentenceMonths: 30 })])
      .when({ type: 'DeselectOffender', data })
      .then([{ type: 'OffenderDeselected', data }]);
  });

  it.each(DESELECTION_REASONS.filter((reason) => reason !== 'deceased'))('deselection because of %s needs an exit plan', (reason) => {
    spec
      .given(onScheme())
      .when({ type: 'DeselectOffender', data: { deselectedOn: today, reason } })
      .thenRefuses('DESELECTION.EXIT_PLAN_REQUIRED', 'exitPlan');
  });

  it('an exit plan with a blank summary is no exit plan', () => {
    spec
      .given(onScheme())
      .when({ type: 'DeselectOffender', data: { deselectedOn: today, reason: 'moved-area', exitPlan: { summary: '  ', voluntarySupport: ['Mentor'] } } })
      .thenRefuses('DESELECTION.EXIT_PLAN_REQUIRED', 'exitPlan');
  });

  it('an offender who is not on the scheme cannot be deselected', () => {
    spec
      .given([registered(), ...convictions(6)])
      .when({ type: 'DeselectOffender', data: { deselectedOn: today, reason: 'moved-area', exitPlan: EXIT_PLAN } })
      .thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('a deselection dated in the future is refused', () => {
    spec
      .given(onScheme())
      .when({ type: 'DeselectOffender', data: { deselectedOn: tomorrow, reason: 'moved-area', exitPlan: EXIT_PLAN } })
      .thenRefuses('DATE.IN_FUTURE', 'deselectedOn');
  });
});

describe('after deselection', () => {
  const wasDeselected: OffenderEvent[] = [...onScheme(), deselected('2026-05-01')];
  // Corrections are refused for want of the event they name here, not for the deselection: see corrections.spec.ts.
  const accepted: OffenderCommandType[] = ['RegisterOffender', 'AdoptOffender', 'ReleaseFromCustody', 'RecordConviction', 'RecordArrest', 'RecordHarmIndicator', 'RetractEvent', 'RectifyEvent', 'RestrictProcessing', 'LiftRestriction', 'ErasePersonalData', 'PlaceLegalHold', 'ReleaseLegalHold'];
  const refused = Object.values(ONE_OF_EACH_COMMAND).filter((c) => !accepted.includes(c.type)) as OffenderCommand[];

  it('sixteen kinds of command are refused after deselection', () => {
    expect(refused).toHaveLength(16);
  });

  it('an offender deselected during a long sentence is still released when the sentence ends', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-01-10', { sentenceMonths: 36 }), deselected('2026-02-01')])
      .when({ type: 'ReleaseFromCustody', data: { releasedOn: '2026-06-01' } })
      .then([{ type: 'ReleasedFromCustody', data: { releasedOn: '2026-06-01' } }]);
  });

  it.each(refused.map((command) => [command.type, command] as const))('%s is refused until the offender is re-adopted', (_type, command) => {
    spec.given(wasDeselected).when(command).thenRefuses('OFFENDER.DESELECTED');
  });

  it('a deselected offender is still registered and cannot be registered again', () => {
    spec
      .given(wasDeselected)
      .when({ type: 'RegisterOffender', data: { offenderId: OFFENDER_ID, area: 'northumbria', personal: ADULT } })
      .thenRefuses('OFFENDER.ALREADY_REGISTERED');
  });

  it('a deselected offender cannot be deselected again', () => {
    spec
      .given(wasDeselected)
      .when({ type: 'DeselectOffender', data: { deselectedOn: today, reason: 'deceased' } })
      .thenRefuses('OFFENDER.DESELECTED');
  });

  it.each([ONE_OF_EACH_COMMAND.RecordConviction, ONE_OF_EACH_COMMAND.RecordArrest, ONE_OF_EACH_COMMAND.RecordHarmIndicator])(
    'the facts that may justify re-adoption are still recorded: $type',
    (command) => {
      const expected = {
        RecordConviction: 'ConvictionRecorded',
        RecordArrest: 'ArrestRecorded',
        RecordHarmIndicator: 'HarmIndicatorRecorded',
      } as const;
      spec
        .given(wasDeselected)
        .when(command)
        .then([{ type: expected[command.type], data: command.data } as OffenderEvent]);
    },
  );

  it('a deselected offender who still meets the criteria is re-adopted without a reason', () => {
    spec.given(wasDeselected).when({ type: 'AdoptOffender', data: { adoptedOn: today } }).then(adopted({ adoptedOn: today }));
  });

  it('a deselected offender whose convictions have aged out of the window is re-adopted only with a reason', () => {
    const longAgo: OffenderEvent[] = [
      registered({ registeredOn: '2024-01-02' }),
      ...convictions(6, { latestOn: '2024-01-01' }),
      ...adopted({ adoptedOn: '2024-01-03' }),
      deselected('2025-01-10'),
    ];
    spec.given(longAgo).when({ type: 'AdoptOffender', data: { adoptedOn: today } }).thenRefuses('ADOPTION.REASON_REQUIRED', 'reason');
    spec
      .given(longAgo)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, reason: 'Back in the area and reoffending' } })
      .then(adopted({ adoptedOn: today, reason: 'Back in the area and reoffending', criteriaMet: false }));
  });

  it('supervision can be recorded again once the offender is re-adopted', () => {
    const contact = { contactOn: today, kind: 'home-visit', outcome: 'attended' } as const;
    spec
      .given([...wasDeselected, ...adopted({ adoptedOn: '2026-06-01' })])
      .when({ type: 'RecordContact', data: contact })
      .then([{ type: 'ContactRecorded', data: contact }]);
  });

  it('the stable period before contact is reduced starts again at re-adoption', () => {
    spec
      .given([...wasDeselected, ...adopted({ adoptedOn: '2026-06-01' })])
      .when({ type: 'ReduceContactFrequency', data: { contactsPerWeek: 2, reason: 'Settled', effectiveOn: today } })
      .thenRefuses('CONTACT_FREQUENCY.NOT_STABLE');
  });
});
