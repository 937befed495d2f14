import { deselected, onScheme, registered, spec, today, tomorrow } from './fixtures';

describe('restricting processing of a record (DPA 2018 ss.46-48)', () => {
  const restricted = { type: 'ProcessingRestricted' as const, data: { reason: 'Accuracy contested by the data subject', restrictedOn: today } };

  it('a registered record is restricted with the reason', () => {
    spec.given([registered()]).when({ type: 'RestrictProcessing', data: restricted.data }).then([restricted]);
  });

  it('a restricted record cannot be restricted again, and only a restricted one can be lifted', () => {
    spec.given([registered(), restricted]).when({ type: 'RestrictProcessing', data: restricted.data }).thenRefuses('OFFENDER.ALREADY_RESTRICTED');
    spec.given([registered()]).when({ type: 'LiftRestriction', data: { reason: 'x', liftedOn: today } }).thenRefuses('OFFENDER.NOT_RESTRICTED');
  });

  it('a restriction is lifted by another event, and can be imposed after deselection too', () => {
    spec
      .given([registered(), restricted])
      .when({ type: 'LiftRestriction', data: { reason: 'Accuracy confirmed', liftedOn: today } })
      .then([{ type: 'RestrictionLifted', data: { reason: 'Accuracy confirmed', liftedOn: today } }]);
    spec.given([...onScheme(), deselected()]).when({ type: 'RestrictProcessing', data: restricted.data }).then([restricted]);
  });

  it('a restriction cannot be dated in the future', () => {
    spec.given([registered()]).when({ type: 'RestrictProcessing', data: { reason: 'x', restrictedOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'restrictedOn');
  });
});
