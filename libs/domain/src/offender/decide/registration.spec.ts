import { ADULT, COMMANDS_AFTER_REGISTRATION, OFFENDER_ID, registered, spec, today, tomorrow } from './fixtures';

describe('registering an offender', () => {
  it('a new offender is registered with their area, personal details and registration date', () => {
    spec
      .given([])
      .when({ type: 'RegisterOffender', data: { offenderId: OFFENDER_ID, area: 'northumbria', registeredOn: '2026-02-01', personal: ADULT } })
      .then([
        { type: 'OffenderRegistered', data: { offenderId: OFFENDER_ID, area: 'northumbria', registeredOn: '2026-02-01', personal: ADULT } },
      ]);
  });

  it('an offender registered without a date is registered today', () => {
    spec
      .given([])
      .when({ type: 'RegisterOffender', data: { offenderId: OFFENDER_ID, area: 'northumbria', personal: ADULT } })
      .then([{ type: 'OffenderRegistered', data: { offenderId: OFFENDER_ID, area: 'northumbria', registeredOn: today, personal: ADULT } }]);
  });

  it('an offender cannot be registered twice', () => {
    spec
      .given([registered()])
      .when({ type: 'RegisterOffender', data: { offenderId: OFFENDER_ID, area: 'northumbria', personal: ADULT } })
      .thenRefuses('OFFENDER.ALREADY_REGISTERED');
  });

  it('a registration dated tomorrow is refused as a date in the future', () => {
    spec
      .given([])
      .when({ type: 'RegisterOffender', data: { offenderId: OFFENDER_ID, area: 'northumbria', registeredOn: tomorrow, personal: ADULT } })
      .thenRefuses('DATE.IN_FUTURE', 'registeredOn');
  });

  it('a date of birth in the future is refused', () => {
    spec
      .given([])
      .when({
        type: 'RegisterOffender',
        data: { offenderId: OFFENDER_ID, area: 'northumbria', personal: { ...ADULT, dateOfBirth: tomorrow } },
      })
      .thenRefuses('DATE.IN_FUTURE', 'dateOfBirth');
  });

  it.each(COMMANDS_AFTER_REGISTRATION.map((command) => [command.type, command] as const))(
    'a %s command for an offender who was never registered is refused',
    (_type, command) => {
      spec.given([]).when(command).thenRefuses('OFFENDER.NOT_REGISTERED');
    },
  );
});

describe('recording offending history', () => {
  it('a conviction is recorded for a registered offender who is not yet on the scheme', () => {
    const data = { offence: 'burglary', offenceDate: '2026-04-02', convictionDate: '2026-05-20', court: 'Newcastle Crown Court', sentence: '12 months community order' } as const;
    spec.given([registered()]).when({ type: 'RecordConviction', data }).then([{ type: 'ConvictionRecorded', data }]);
  });

  it('a conviction on the day of the offence is recorded', () => {
    const data = { offence: 'assault', offenceDate: '2026-05-20', convictionDate: '2026-05-20', court: 'Newcastle Magistrates' } as const;
    spec.given([registered()]).when({ type: 'RecordConviction', data }).then([{ type: 'ConvictionRecorded', data }]);
  });

  it('a conviction dated today is recorded: today is not in the future', () => {
    const data = { offence: 'drugs', offenceDate: today, convictionDate: today, court: 'Newcastle Magistrates' } as const;
    spec.given([registered()]).when({ type: 'RecordConviction', data }).then([{ type: 'ConvictionRecorded', data }]);
  });

  it('an offence committed after its conviction date is refused as dates out of order', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordConviction', data: { offence: 'robbery', offenceDate: '2026-05-21', convictionDate: '2026-05-20', court: 'Newcastle Crown Court' } })
      .thenRefuses('DATE.OUT_OF_ORDER', 'offenceDate');
  });

  it('an offence date in the future is refused', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordConviction', data: { offence: 'robbery', offenceDate: tomorrow, convictionDate: '2026-05-20', court: 'Newcastle Crown Court' } })
      .thenRefuses('DATE.IN_FUTURE', 'offenceDate');
  });

  it('a conviction date in the future is refused', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordConviction', data: { offence: 'robbery', offenceDate: '2026-05-20', convictionDate: tomorrow, court: 'Newcastle Crown Court' } })
      .thenRefuses('DATE.IN_FUTURE', 'convictionDate');
  });

  it('an arrest is recorded', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordArrest', data: { arrestedOn: '2026-06-10', offence: 'vehicle-crime' } })
      .then([{ type: 'ArrestRecorded', data: { arrestedOn: '2026-06-10', offence: 'vehicle-crime' } }]);
  });

  it('an arrest in the future is refused', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordArrest', data: { arrestedOn: tomorrow, offence: 'vehicle-crime' } })
      .thenRefuses('DATE.IN_FUTURE', 'arrestedOn');
  });

  it('a harm indicator such as gang leadership is recorded with its details', () => {
    const data = { indicator: 'gang-leadership', recordedOn: '2026-06-01', details: 'Police intelligence report' } as const;
    spec.given([registered()]).when({ type: 'RecordHarmIndicator', data }).then([{ type: 'HarmIndicatorRecorded', data }]);
  });

  it('a harm indicator recorded in the future is refused', () => {
    spec
      .given([registered()])
      .when({ type: 'RecordHarmIndicator', data: { indicator: 'anti-social-behaviour', recordedOn: tomorrow } })
      .thenRefuses('DATE.IN_FUTURE', 'recordedOn');
  });
});
