import { addDays } from '../../shared/dates';
import type { OffenderEvent } from '../offender.events';
import { ADOPTED_ON, convictions, custodyStarted, lapse, onScheme, registered, spec, today, tomorrow } from './fixtures';

const notOnScheme: OffenderEvent[] = [registered(), ...convictions(6)];

describe('assigning the supervision team', () => {
  const team = { probationOfficer: 'PO Patel', policeOfficer: 'PC Moore', assignedOn: '2026-01-13' };

  it('an offender on the scheme is given a probation officer and a police officer', () => {
    spec.given(onScheme()).when({ type: 'AssignSupervisionTeam', data: team }).then([{ type: 'SupervisionTeamAssigned', data: team }]);
  });

  it('a team cannot be assigned to an offender who is not on the scheme', () => {
    spec.given(notOnScheme).when({ type: 'AssignSupervisionTeam', data: team }).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('a team assigned in the future is refused', () => {
    spec.given(onScheme()).when({ type: 'AssignSupervisionTeam', data: { ...team, assignedOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'assignedOn');
  });
});

describe('recording contact', () => {
  const homeVisit = { contactOn: '2026-06-10', kind: 'home-visit', outcome: 'attended', notes: 'Flat tidy' } as const;

  it('a home visit the offender attended is recorded', () => {
    spec.given(onScheme()).when({ type: 'RecordContact', data: homeVisit }).then([{ type: 'ContactRecorded', data: homeVisit }]);
  });

  it('an unacceptable absence from an accompanied appointment is recorded', () => {
    const missed = { contactOn: today, kind: 'accompanied-appointment', outcome: 'unacceptable-absence' } as const;
    spec.given(onScheme()).when({ type: 'RecordContact', data: missed }).then([{ type: 'ContactRecorded', data: missed }]);
  });

  it('contact with an offender who is not on the scheme is refused', () => {
    spec.given(notOnScheme).when({ type: 'RecordContact', data: homeVisit }).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('a contact dated in the future is refused', () => {
    spec.given(onScheme()).when({ type: 'RecordContact', data: { ...homeVisit, contactOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'contactOn');
  });
});

describe('reducing contact as the offender stabilises', () => {
  const reduceTo = (contactsPerWeek: number, effectiveOn = today) =>
    ({ type: 'ReduceContactFrequency', data: { contactsPerWeek, reason: 'Stable, engaging with treatment', effectiveOn } }) as const;

  it('contact is reduced from four to two a week after a stable period, remembering the previous frequency', () => {
    spec
      .given(onScheme())
      .when(reduceTo(2))
      .then([
        {
          type: 'ContactFrequencyReduced',
          data: { contactsPerWeek: 2, reason: 'Stable, engaging with treatment', effectiveOn: today, previousContactsPerWeek: 4 },
        },
      ]);
  });

  it('contact may be reduced to the area’s minimum of once a fortnight', () => {
    spec
      .given(onScheme())
      .when(reduceTo(0.5))
      .then([{ type: 'ContactFrequencyReduced', data: { ...reduceTo(0.5).data, previousContactsPerWeek: 4 } }]);
  });

  it('contact cannot be reduced below the area’s minimum', () => {
    spec.given(onScheme()).when(reduceTo(0.25)).thenRefuses('CONTACT_FREQUENCY.BELOW_MINIMUM', 'contactsPerWeek');
  });

  it('a “reduction” to the current frequency is refused', () => {
    spec.given(onScheme()).when(reduceTo(4)).thenRefuses('CONTACT_FREQUENCY.NOT_LOWER', 'contactsPerWeek');
  });

  it('a “reduction” to a higher frequency is refused', () => {
    spec.given(onScheme()).when(reduceTo(5)).thenRefuses('CONTACT_FREQUENCY.NOT_LOWER', 'contactsPerWeek');
  });

  it('contact can be reduced exactly twenty-eight days after adoption', () => {
    spec
      .given(onScheme({ adoptedOn: addDays(today, -28) }))
      .when(reduceTo(3))
      .then([{ type: 'ContactFrequencyReduced', data: { ...reduceTo(3).data, previousContactsPerWeek: 4 } }]);
  });

  it('contact cannot be reduced twenty-seven days after adoption', () => {
    spec.given(onScheme({ adoptedOn: addDays(today, -27) })).when(reduceTo(3)).thenRefuses('CONTACT_FREQUENCY.NOT_STABLE');
  });

  it('contact cannot be reduced within twenty-eight days of a lapse', () => {
    spec
      .given([...onScheme(), lapse('lapse-1', addDays(today, -27))])
      .when(reduceTo(3))
      .thenRefuses('CONTACT_FREQUENCY.NOT_STABLE');
  });

  it('contact can be reduced twenty-eight days after the last lapse', () => {
    spec
      .given([...onScheme(), lapse('lapse-1', '2026-02-01'), lapse('lapse-2', addDays(today, -28))])
      .when(reduceTo(3))
      .then([{ type: 'ContactFrequencyReduced', data: { ...reduceTo(3).data, previousContactsPerWeek: 4 } }]);
  });

  it('a backdated reduction is judged on its effective date, so a lapse after it makes it unstable', () => {
    spec
      .given([...onScheme(), lapse('lapse-1', '2026-04-10')])
      .when(reduceTo(3, '2026-04-01'))
      .thenRefuses('CONTACT_FREQUENCY.NOT_STABLE');
  });

  it('contact cannot be reduced while the offender is in custody', () => {
    spec.given([...onScheme(), custodyStarted('2026-05-01', { sentenceMonths: 6 })]).when(reduceTo(2)).thenRefuses('OFFENDER.IN_CUSTODY');
  });

  it('contact cannot be reduced for an offender who is not on the scheme', () => {
    spec.given(notOnScheme).when(reduceTo(2)).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('a reduction effective in the future is refused', () => {
    spec.given(onScheme()).when(reduceTo(2, tomorrow)).thenRefuses('DATE.IN_FUTURE', 'effectiveOn');
  });
});

describe('increasing contact after a lapse', () => {
  const increaseTo = (contactsPerWeek: number, effectiveOn = today) =>
    ({ type: 'IncreaseContactFrequency', data: { contactsPerWeek, reason: 'Lapse into drug use', effectiveOn } }) as const;

  it('contact is increased from four to five a week, remembering the previous frequency', () => {
    spec
      .given([...onScheme(), lapse('lapse-1', '2026-06-12')])
      .when(increaseTo(5))
      .then([{ type: 'ContactFrequencyIncreased', data: { ...increaseTo(5).data, previousContactsPerWeek: 4 } }]);
  });

  it('contact may be increased straight after adoption: escalation needs no stable period', () => {
    spec
      .given(onScheme({ adoptedOn: today }))
      .when(increaseTo(6))
      .then([{ type: 'ContactFrequencyIncreased', data: { ...increaseTo(6).data, previousContactsPerWeek: 4 } }]);
  });

  it('an “increase” to the current frequency is refused', () => {
    spec.given(onScheme()).when(increaseTo(4)).thenRefuses('CONTACT_FREQUENCY.NOT_HIGHER', 'contactsPerWeek');
  });

  it('an “increase” to a lower frequency is refused', () => {
    spec.given(onScheme()).when(increaseTo(3)).thenRefuses('CONTACT_FREQUENCY.NOT_HIGHER', 'contactsPerWeek');
  });

  it('contact cannot be increased while the offender is in custody', () => {
    spec.given([...onScheme(), custodyStarted('2026-05-01', { remand: true })]).when(increaseTo(5)).thenRefuses('OFFENDER.IN_CUSTODY');
  });

  it('contact cannot be increased for an offender who is not on the scheme', () => {
    spec.given(notOnScheme).when(increaseTo(5)).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('an increase effective in the future is refused', () => {
    spec.given(onScheme()).when(increaseTo(5, tomorrow)).thenRefuses('DATE.IN_FUTURE', 'effectiveOn');
  });
});

describe('reviewing the registration', () => {
  it('a review with no next date schedules the next one six months later', () => {
    spec
      .given(onScheme())
      .when({ type: 'CompleteReview', data: { reviewedOn: '2026-06-12', decision: 'continue', notes: 'Engaging well' } })
      .then([{ type: 'ReviewCompleted', data: { reviewedOn: '2026-06-12', decision: 'continue', notes: 'Engaging well', nextReviewDue: '2026-12-12' } }]);
  });

  it('the panel may set the next review date itself, which lies in the future', () => {
    spec
      .given(onScheme())
      .when({ type: 'CompleteReview', data: { reviewedOn: today, decision: 'recommend-deselection', nextReviewDue: '2026-07-15' } })
      .then([{ type: 'ReviewCompleted', data: { reviewedOn: today, decision: 'recommend-deselection', nextReviewDue: '2026-07-15' } }]);
  });

  it('a next review on the same day as this one is refused as dates out of order', () => {
    spec
      .given(onScheme())
      .when({ type: 'CompleteReview', data: { reviewedOn: '2026-06-12', decision: 'continue', nextReviewDue: '2026-06-12' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'nextReviewDue');
  });

  it('a review dated in the future is refused', () => {
    spec.given(onScheme()).when({ type: 'CompleteReview', data: { reviewedOn: tomorrow, decision: 'continue' } }).thenRefuses('DATE.IN_FUTURE', 'reviewedOn');
  });

  it('an offender who is not on the scheme has no registration to review', () => {
    spec.given(notOnScheme).when({ type: 'CompleteReview', data: { reviewedOn: ADOPTED_ON, decision: 'continue' } }).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });
});
