import type { RecordCourtOutcome } from '../offender.commands';
import type { OffenderEvent } from '../offender.events';
import { custodyStarted, fastTracked, lapse, onScheme, registered, spec, today, tomorrow } from './fixtures';

const fastTrackedAfterLapse: OffenderEvent[] = [...onScheme(), lapse('lapse-1', '2026-05-28'), fastTracked('ft-1', '2026-05-29', 'lapse-1')];
const hearing = { decidedOn: '2026-06-05', court: 'Newcastle Magistrates', fastTrackId: 'ft-1' };
const outcome = (data: Omit<RecordCourtOutcome['data'], 'decidedOn' | 'court'> & Partial<RecordCourtOutcome['data']>): RecordCourtOutcome => ({
  type: 'RecordCourtOutcome',
  data: { ...hearing, ...data },
});

describe('recording a court outcome', () => {
  it('a court that continues the order records only the outcome', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'order-continued' }))
      .then([{ type: 'CourtOutcomeRecorded', data: { outcome: 'order-continued', ...hearing } }]);
  });

  it('the case worker may choose the strand to make current after a varied order', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'order-varied', currentStrand: 'catch-and-convict' }))
      .then([{ type: 'CourtOutcomeRecorded', data: { outcome: 'order-varied', ...hearing, currentStrand: 'catch-and-convict' } }]);
  });

  it('a custodial sentence records the outcome and starts custody on the day of the decision', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'custody', custodyMonths: 8 }))
      .then([
        { type: 'CourtOutcomeRecorded', data: { outcome: 'custody', ...hearing } },
        { type: 'CustodyStarted', data: { startedOn: '2026-06-05', sentenceMonths: 8, remand: false } },
      ]);
  });

  it('a custodial outcome ignores a strand choice, since custody makes Catch and Convict current', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'custody', custodyMonths: 30, currentStrand: 'rehabilitate-and-resettle' }))
      .then([
        { type: 'CourtOutcomeRecorded', data: { outcome: 'custody', ...hearing, currentStrand: undefined } },
        { type: 'CustodyStarted', data: { startedOn: '2026-06-05', sentenceMonths: 30, remand: false } },
      ]);
  });

  it('a new community order records the outcome and starts the order, which ends in the future', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'new-community-order', orderId: 'co-2', orderEndsOn: '2027-12-04' }))
      .then([
        { type: 'CourtOutcomeRecorded', data: { outcome: 'new-community-order', ...hearing } },
        { type: 'CommunityOrderStarted', data: { orderId: 'co-2', startedOn: '2026-06-05', endsOn: '2027-12-04' } },
      ]);
  });

  it('an outcome need not follow a fast-track', () => {
    spec
      .given(onScheme())
      .when({ type: 'RecordCourtOutcome', data: { outcome: 'order-continued', decidedOn: today, court: 'Newcastle Crown Court' } })
      .then([{ type: 'CourtOutcomeRecorded', data: { outcome: 'order-continued', decidedOn: today, court: 'Newcastle Crown Court' } }]);
  });

  it('a custodial outcome without the sentence length is refused', () => {
    spec.given(fastTrackedAfterLapse).when(outcome({ outcome: 'custody' })).thenRefuses('COURT_OUTCOME.DETAILS_REQUIRED', 'custodyMonths');
  });

  it('a new community order without its end date is refused', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'new-community-order', orderId: 'co-2' }))
      .thenRefuses('COURT_OUTCOME.DETAILS_REQUIRED', 'orderEndsOn');
  });

  it('a new community order without its id is refused', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'new-community-order', orderEndsOn: '2027-12-04' }))
      .thenRefuses('COURT_OUTCOME.DETAILS_REQUIRED');
  });

  it('a new community order ending before the decision is refused', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'new-community-order', orderId: 'co-2', orderEndsOn: '2026-06-04' }))
      .thenRefuses('DATE.OUT_OF_ORDER', 'orderEndsOn');
  });

  it('an outcome for a fast-track that was never recorded is refused', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'order-continued', fastTrackId: 'ft-404' }))
      .thenRefuses('FAST_TRACK.NOT_FOUND', 'fastTrackId');
  });

  it('a custodial sentence for an offender already serving one is refused', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-03-01', { sentenceMonths: 12 })])
      .when({ type: 'RecordCourtOutcome', data: { outcome: 'custody', custodyMonths: 6, decidedOn: today, court: 'Newcastle Crown Court' } })
      .thenRefuses('OFFENDER.IN_CUSTODY');
  });

  it('a custodial sentence for an offender on remand turns the remand into custody under sentence', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-05-01', { remand: true })])
      .when({ type: 'RecordCourtOutcome', data: { outcome: 'custody', custodyMonths: 30, decidedOn: today, court: 'Newcastle Crown Court' } })
      .then([
        { type: 'CourtOutcomeRecorded', data: { outcome: 'custody', decidedOn: today, court: 'Newcastle Crown Court', fastTrackId: undefined, currentStrand: undefined } },
        { type: 'CustodyStarted', data: { startedOn: today, sentenceMonths: 30, remand: false } },
      ]);
  });

  it('a decision dated in the future is refused, though the order it makes may end in the future', () => {
    spec
      .given(fastTrackedAfterLapse)
      .when(outcome({ outcome: 'new-community-order', decidedOn: tomorrow, orderId: 'co-2', orderEndsOn: '2027-12-04' }))
      .thenRefuses('DATE.IN_FUTURE', 'decidedOn');
  });
});

describe('custody', () => {
  it('an offender remanded in custody starts custody with no sentence length', () => {
    spec
      .given(onScheme())
      .when({ type: 'StartCustody', data: { startedOn: '2026-06-01', remand: true } })
      .then([{ type: 'CustodyStarted', data: { startedOn: '2026-06-01', remand: true } }]);
  });

  it('custody of a registered offender not yet on the scheme is recorded', () => {
    spec
      .given([registered()])
      .when({ type: 'StartCustody', data: { startedOn: '2026-06-01', sentenceMonths: 4, remand: false } })
      .then([{ type: 'CustodyStarted', data: { startedOn: '2026-06-01', sentenceMonths: 4, remand: false } }]);
  });

  it('custody cannot start for an offender already in custody', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-05-01', { remand: true })])
      .when({ type: 'StartCustody', data: { startedOn: '2026-06-01', sentenceMonths: 10, remand: false } })
      .thenRefuses('OFFENDER.IN_CUSTODY');
  });

  it('custody starting in the future is refused', () => {
    spec.given(onScheme()).when({ type: 'StartCustody', data: { startedOn: tomorrow, remand: true } }).thenRefuses('DATE.IN_FUTURE', 'startedOn');
  });

  it('an offender in custody is released, with the strand the case worker chose', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-03-01', { sentenceMonths: 6 })])
      .when({ type: 'ReleaseFromCustody', data: { releasedOn: '2026-06-01', currentStrand: 'catch-and-convict' } })
      .then([{ type: 'ReleasedFromCustody', data: { releasedOn: '2026-06-01', currentStrand: 'catch-and-convict' } }]);
  });

  it('an offender may be released on the day custody started', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-06-01', { remand: true })])
      .when({ type: 'ReleaseFromCustody', data: { releasedOn: '2026-06-01' } })
      .then([{ type: 'ReleasedFromCustody', data: { releasedOn: '2026-06-01' } }]);
  });

  it('an offender who is not in custody cannot be released', () => {
    spec.given(onScheme()).when({ type: 'ReleaseFromCustody', data: { releasedOn: today } }).thenRefuses('OFFENDER.NOT_IN_CUSTODY');
  });

  it('an offender who has already been released cannot be released again', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-03-01', { remand: true }), { type: 'ReleasedFromCustody', data: { releasedOn: '2026-04-01' } }])
      .when({ type: 'ReleaseFromCustody', data: { releasedOn: today } })
      .thenRefuses('OFFENDER.NOT_IN_CUSTODY');
  });

  it('a release before custody started is refused', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-06-01', { remand: true })])
      .when({ type: 'ReleaseFromCustody', data: { releasedOn: '2026-05-31' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'releasedOn');
  });

  it('a release dated in the future is refused', () => {
    spec
      .given([...onScheme(), custodyStarted('2026-06-01', { remand: true })])
      .when({ type: 'ReleaseFromCustody', data: { releasedOn: tomorrow } })
      .thenRefuses('DATE.IN_FUTURE', 'releasedOn');
  });
});
