import type { FastTrackToCourt } from '../offender.commands';
import type { OffenderEvent } from '../offender.events';
import { convictions, custodyStarted, lapse, onScheme, registered, spec, today, tomorrow } from './fixtures';

const notOnScheme: OffenderEvent[] = [registered(), ...convictions(6)];

describe('recording a lapse', () => {
  const drugLapse = { lapseId: 'lapse-1', occurredOn: '2026-06-08', kind: 'drug-use', severity: 'serious', notes: 'Positive test' } as const;

  it('a lapse into drug use is recorded with its severity', () => {
    spec.given(onScheme()).when({ type: 'RecordLapse', data: drugLapse }).then([{ type: 'LapseOccurred', data: drugLapse }]);
  });

  it('a lapse is recorded while the offender is in custody', () => {
    const inCustody = { ...drugLapse, kind: 'other', occurredOn: today } as const;
    spec
      .given([...onScheme(), custodyStarted('2026-05-01', { remand: true })])
      .when({ type: 'RecordLapse', data: inCustody })
      .then([{ type: 'LapseOccurred', data: inCustody }]);
  });

  it('a lapse of an offender who is not on the scheme is refused', () => {
    spec.given(notOnScheme).when({ type: 'RecordLapse', data: drugLapse }).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('a lapse dated in the future is refused', () => {
    spec.given(onScheme()).when({ type: 'RecordLapse', data: { ...drugLapse, occurredOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'occurredOn');
  });
});

describe('fast-tracking back to court', () => {
  const afterLapse: FastTrackToCourt['data'] = {
    fastTrackId: 'ft-1',
    fastTrackedOn: '2026-06-09',
    reason: 'Reoffending while on the order',
    court: 'Newcastle Magistrates',
    hearingOn: '2026-06-23',
    lapseId: 'lapse-1',
  };
  const lapsed: OffenderEvent[] = [...onScheme(), lapse('lapse-1', '2026-06-08')];

  it('an offender who lapsed is fast-tracked to a hearing that is still to come', () => {
    spec.given(lapsed).when({ type: 'FastTrackToCourt', data: afterLapse }).then([{ type: 'FastTrackedToCourt', data: afterLapse }]);
  });

  it('an offender may be fast-tracked on the day of the lapse, with the hearing the same day', () => {
    const sameDay = { ...afterLapse, fastTrackedOn: '2026-06-08', hearingOn: '2026-06-08' };
    spec.given(lapsed).when({ type: 'FastTrackToCourt', data: sameDay }).then([{ type: 'FastTrackedToCourt', data: sameDay }]);
  });

  it('an offender may be fast-tracked for a breach without a recorded lapse', () => {
    const { lapseId: _, ...withoutLapse } = afterLapse;
    spec.given(onScheme()).when({ type: 'FastTrackToCourt', data: withoutLapse }).then([{ type: 'FastTrackedToCourt', data: withoutLapse }]);
  });

  it('a fast-track naming a lapse that was never recorded is refused', () => {
    spec
      .given(lapsed)
      .when({ type: 'FastTrackToCourt', data: { ...afterLapse, lapseId: 'lapse-404' } })
      .thenRefuses('LAPSE.NOT_FOUND', 'lapseId');
  });

  it('a fast-track dated before the lapse it follows is refused', () => {
    spec
      .given(lapsed)
      .when({ type: 'FastTrackToCourt', data: { ...afterLapse, fastTrackedOn: '2026-06-07' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'fastTrackedOn');
  });

  it('a hearing before the fast-track is refused', () => {
    spec
      .given(lapsed)
      .when({ type: 'FastTrackToCourt', data: { ...afterLapse, hearingOn: '2026-06-08' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'hearingOn');
  });

  it('a fast-track dated in the future is refused', () => {
    spec
      .given(lapsed)
      .when({ type: 'FastTrackToCourt', data: { ...afterLapse, fastTrackedOn: tomorrow, hearingOn: '2026-07-01' } })
      .thenRefuses('DATE.IN_FUTURE', 'fastTrackedOn');
  });

  it('an offender who is not on the scheme cannot be fast-tracked', () => {
    const { lapseId: _, ...withoutLapse } = afterLapse;
    spec.given(notOnScheme).when({ type: 'FastTrackToCourt', data: withoutLapse }).thenRefuses('OFFENDER.NOT_ON_SCHEME');
  });

  it('an offender in custody cannot be fast-tracked', () => {
    spec
      .given([...lapsed, custodyStarted('2026-06-08', { remand: true })])
      .when({ type: 'FastTrackToCourt', data: afterLapse })
      .thenRefuses('OFFENDER.IN_CUSTODY');
  });
});
