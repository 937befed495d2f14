import { evolve, foldOffender } from '../offender.state';
import { ERASED, ERASED_PERSONAL_DETAILS } from '../offender.personal-data';
import { deselected, onScheme, registered, spec, today, tomorrow } from './fixtures';

describe('erasing personal data (DPA 2018 s.47) and legal holds', () => {
  const erased = { type: 'PersonalDataErased' as const, data: { erasedOn: today, ground: 'retention-period-ended' as const } };
  const hold = { type: 'LegalHoldPlaced' as const, data: { reason: 'Civil claim pending', placedOn: today } };

  it('a deselected record is erased on a ground, with no personal data in the event', () => {
    spec.given([...onScheme(), deselected()]).when({ type: 'ErasePersonalData', data: erased.data }).then([erased]);
  });

  it('nothing more is recorded about someone whose data is erased, not even a second erasure', () => {
    spec.given([...onScheme(), erased]).when({ type: 'RecordContact', data: { contactOn: today, kind: 'home-visit', outcome: 'attended' } }).thenRefuses('OFFENDER.ERASED');
    spec.given([registered(), erased]).when({ type: 'ErasePersonalData', data: erased.data }).thenRefuses('OFFENDER.ERASED');
    spec.given([registered(), erased]).when({ type: 'PlaceLegalHold', data: hold.data }).thenRefuses('OFFENDER.ERASED');
  });

  it('a legal hold stops erasure until it is released', () => {
    spec.given([registered(), hold]).when({ type: 'ErasePersonalData', data: erased.data }).thenRefuses('OFFENDER.ON_LEGAL_HOLD');
    const released = { type: 'LegalHoldReleased' as const, data: { reason: 'Claim settled', releasedOn: today } };
    spec.given([registered(), hold]).when({ type: 'ReleaseLegalHold', data: released.data }).then([released]);
    spec.given([registered(), hold, released]).when({ type: 'ErasePersonalData', data: erased.data }).then([erased]);
  });

  it('a hold is placed once, released only when placed, and neither is dated in the future', () => {
    spec.given([registered(), hold]).when({ type: 'PlaceLegalHold', data: hold.data }).thenRefuses('OFFENDER.ALREADY_ON_LEGAL_HOLD');
    spec.given([registered()]).when({ type: 'ReleaseLegalHold', data: { reason: 'x', releasedOn: today } }).thenRefuses('OFFENDER.NOT_ON_LEGAL_HOLD');
    spec.given([registered()]).when({ type: 'PlaceLegalHold', data: { reason: 'x', placedOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'placedOn');
    spec.given([registered()]).when({ type: 'ErasePersonalData', data: { erasedOn: tomorrow, ground: 'legal-obligation' } }).thenRefuses('DATE.IN_FUTURE', 'erasedOn');
  });

  it('a fold that saw the personal data before the erasure keeps none of it afterwards, and keeps every fact', () => {
    const before = foldOffender([...onScheme(), { type: 'InterventionStarted', data: { interventionId: 'i-1', name: 'Housing with Sam Example', startedOn: today } }]);
    const after = evolve(before, erased);
    expect(after.personal).toEqual({ ...ERASED_PERSONAL_DETAILS, pncId: ERASED });
    expect(after.interventions['i-1'].name).toBe(ERASED);
    expect({ ...after, personal: undefined, interventions: undefined, erased: undefined }).toEqual({ ...before, personal: undefined, interventions: undefined });
    expect(after.erased).toEqual({ erasedOn: today });
  });
});
