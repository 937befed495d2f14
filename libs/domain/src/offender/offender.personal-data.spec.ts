import { ERASED, erasedPersonalData, personalDataPaths, restorePersonalData, separatePersonalData } from './offender.personal-data';

describe('which parts of an event are personal data', () => {
  const registered = {
    type: 'OffenderRegistered',
    data: { offenderId: 'o-1', area: 'northumbria', registeredOn: '2026-01-05', personal: { crn: 'X123456', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' } },
  };

  it("a registration's identity is personal, its id, area and date are not; an absent PNC id is not listed", () => {
    const { clear, personal } = separatePersonalData(registered);
    expect(clear).toEqual({ offenderId: 'o-1', area: 'northumbria', registeredOn: '2026-01-05', personal: {} });
    expect(personal).toEqual({ 'personal.crn': 'X123456', 'personal.givenName': 'Sam', 'personal.familyName': 'Example', 'personal.dateOfBirth': '1990-04-12' });
  });

  it('separating and restoring gives back the same event, without changing the original', () => {
    const copy = structuredClone(registered);
    const { clear, personal } = separatePersonalData(registered);
    expect(restorePersonalData(clear, personal!)).toEqual(registered.data);
    expect(registered).toEqual(copy);
  });

  it('a rectification seals its reason and the corrected fact\'s free text', () => {
    const rectified = {
      type: 'EventRectified',
      data: { eventId: 'e-1', reason: 'Wrong notes', rectifiedOn: '2026-02-01', corrected: { type: 'ContactRecorded', data: { contactOn: '2026-01-31', kind: 'home-visit', outcome: 'attended', notes: 'Met Sam at home' } } },
    };
    expect(personalDataPaths(rectified)).toEqual(['reason', 'corrected.data.notes']);
    const { clear } = separatePersonalData(rectified);
    expect(JSON.stringify(clear)).not.toContain('Sam');
  });

  it('an event with no personal data, or of a type the domain does not know, has nothing to seal', () => {
    expect(separatePersonalData({ type: 'ArrestRecorded', data: { arrestedOn: '2026-01-01', offence: 'burglary' } }).personal).toBeUndefined();
    expect(separatePersonalData({ type: 'SomethingElse', data: { notes: 'x' } }).personal).toBeUndefined();
  });

  it('erased values read as [erased], as a list where the field is a list', () => {
    expect(erasedPersonalData(['exitPlan.summary', 'exitPlan.voluntarySupport'])).toEqual({ 'exitPlan.summary': ERASED, 'exitPlan.voluntarySupport': [ERASED] });
  });
});
