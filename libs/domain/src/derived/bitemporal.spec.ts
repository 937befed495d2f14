import type { OffenderEvent } from '../offender/offender.events';
import { DEFAULT_SCHEME_POLICY } from '../policy/scheme-policy';
import { replayBitemporal, type RecordedEvent } from './bitemporal';
import { summariseOffender } from './offender-summary';

const registered: OffenderEvent = {
  type: 'OffenderRegistered',
  data: { offenderId: 'o1', area: 'northumbria', registeredOn: '2026-01-01', personal: { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-01-01' } },
};
const conviction = (month: string): OffenderEvent => ({
  type: 'ConvictionRecorded',
  data: { offence: 'theft-from-shops', offenceDate: `2026-${month}-01`, convictionDate: `2026-${month}-10`, court: 'Newcastle' },
});

/** Five convictions recorded as they happened, and a sixth from March that was only entered in July. */
const history: RecordedEvent[] = [
  { eventId: 'e-reg', event: registered, recordedAt: '2026-01-01T09:00:00Z' },
  ...['01', '02', '04', '05', '06'].map((m) => ({ eventId: `e-${m}`, event: conviction(m), recordedAt: `2026-${m}-10T12:00:00Z` })),
  { eventId: 'e-03', event: conviction('03'), recordedAt: '2026-07-01T12:00:00Z' },
];
const eligibleOn = (asAt: string, knownAt: string) => {
  const { state } = replayBitemporal(history, asAt, knownAt);
  return summariseOffender(state, asAt, DEFAULT_SCHEME_POLICY).eligibility;
};

describe('Replaying an offender on two time axes: as at a date, as known at a moment', () => {
  it('shows a late-recorded conviction as true at the date it happened, once it is known', () => {
    expect(eligibleOn('2026-06-30', '2026-11-20T00:00:00Z')).toMatchObject({ eligible: true, score: 6 });
  });

  it('shows the picture as it was known before the late conviction was entered', () => {
    expect(eligibleOn('2026-06-30', '2026-06-30T23:59:59Z')).toMatchObject({ eligible: false, score: 5 });
  });

  it('leaves out what had not happened yet on the date asked about, whenever it was recorded', () => {
    const replay = replayBitemporal(history, '2026-03-31', '2026-11-20T00:00:00Z');
    expect(replay).toMatchObject({ included: 4, laterThanAsAt: 3, recordedAfterKnownAt: 0 });
    expect(replay.state.convictions.map((c) => c.convictionDate)).toEqual(['2026-01-10', '2026-02-10', '2026-03-10']);
  });

  it('counts what had happened by then but was not yet known', () => {
    expect(replayBitemporal(history, '2026-06-30', '2026-06-30T23:59:59Z')).toMatchObject({ included: 6, laterThanAsAt: 0, recordedAfterKnownAt: 1 });
  });

  it('leaves out a conviction retracted as recorded in error, once the retraction is known, for every date', () => {
    const retracted: RecordedEvent[] = [
      ...history,
      { eventId: 'e-x', event: { type: 'EventRetracted', data: { eventId: 'e-01', reason: 'Another person’s conviction', retractedOn: '2026-08-01' } }, recordedAt: '2026-08-01T12:00:00Z' },
    ];
    const eligible = (knownAt: string) => summariseOffender(replayBitemporal(retracted, '2026-06-30', knownAt).state, '2026-06-30', DEFAULT_SCHEME_POLICY).eligibility;
    expect(eligible('2026-11-20T00:00:00Z')).toMatchObject({ eligible: false, score: 5 });
    expect(eligible('2026-07-31T00:00:00Z')).toMatchObject({ eligible: true, score: 6 });
  });
});
