import type { OffenderEvent } from '../offender.events';
import {
  ADULT,
  adopted,
  conviction,
  convictions,
  harmIndicator,
  onScheme,
  policy,
  registered,
  SEVENTEEN_YEAR_OLD,
  spec,
  specUnder,
  today,
  tomorrow,
} from './fixtures';

const sixConvictions: OffenderEvent[] = [registered(), ...convictions(6)];
const fiveConvictions: OffenderEvent[] = [registered(), ...convictions(5)];

describe('adopting an offender onto the scheme', () => {
  it('an offender with six convictions in the last twelve months is adopted without a reason', () => {
    spec
      .given(sixConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today } })
      .then([
        {
          type: 'OffenderAdopted',
          data: { strand: 'rehabilitate-and-resettle', adoptedOn: today, reason: undefined, criteriaMet: true, nextReviewDue: '2026-12-15' },
        },
        { type: 'ContactFrequencySet', data: { contactsPerWeek: 4, reason: 'Set on adoption', effectiveOn: today } },
      ]);
  });

  it('an adopted offender is seen four times a week from the day of adoption', () => {
    spec
      .given(sixConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2026-03-02' } })
      .then(adopted({ adoptedOn: '2026-03-02' }));
  });

  it('the panel’s reason is kept, trimmed, even when the criteria are met', () => {
    spec
      .given(sixConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, reason: '  Local burglary priority  ' } })
      .then(adopted({ adoptedOn: today, reason: 'Local burglary priority' }));
  });

  it('an offender with five convictions cannot be adopted without the panel’s reason', () => {
    spec.given(fiveConvictions).when({ type: 'AdoptOffender', data: { adoptedOn: today } }).thenRefuses('ADOPTION.REASON_REQUIRED', 'reason');
  });

  it('a reason of only spaces is no reason', () => {
    spec
      .given(fiveConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, reason: '   ' } })
      .thenRefuses('ADOPTION.REASON_REQUIRED', 'reason');
  });

  it('an offender who does not meet the criteria is adopted with the panel’s reason, recorded as criteria not met', () => {
    spec
      .given(fiveConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, reason: 'Gang intelligence from the police' } })
      .then(adopted({ adoptedOn: today, reason: 'Gang intelligence from the police', criteriaMet: false }));
  });

  it('a registered offender with no convictions at all can still be adopted with a reason', () => {
    spec
      .given([registered()])
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, reason: 'Persistent anti-social behaviour' } })
      .then(adopted({ adoptedOn: today, reason: 'Persistent anti-social behaviour', criteriaMet: false }));
  });

  it('three burglaries meet the criteria because burglary is a local priority that weighs two', () => {
    spec
      .given([registered(), ...convictions(3, { offence: 'burglary' })])
      .when({ type: 'AdoptOffender', data: { adoptedOn: today } })
      .then(adopted({ adoptedOn: today }));
  });

  it('four convictions and gang leadership meet the criteria', () => {
    spec
      .given([registered(), ...convictions(4), harmIndicator('gang-leadership')])
      .when({ type: 'AdoptOffender', data: { adoptedOn: today } })
      .then(adopted({ adoptedOn: today }));
  });

  it('five convictions and a harm indicator that carries no weight do not meet the criteria', () => {
    spec
      .given([...fiveConvictions, harmIndicator('other')])
      .when({ type: 'AdoptOffender', data: { adoptedOn: today } })
      .thenRefuses('ADOPTION.REASON_REQUIRED', 'reason');
  });

  it('a conviction exactly twelve months before adoption no longer counts', () => {
    spec
      .given([registered(), conviction('2025-06-15'), ...convictions(5, { latestOn: '2026-05-15' })])
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2026-06-15' } })
      .thenRefuses('ADOPTION.REASON_REQUIRED', 'reason');
  });

  it('a conviction a day less than twelve months before adoption still counts', () => {
    spec
      .given([registered(), conviction('2025-06-16'), ...convictions(5, { latestOn: '2026-05-15' })])
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2026-06-15' } })
      .then(adopted({ adoptedOn: '2026-06-15' }));
  });

  it('eligibility is judged on the adoption date, so convictions after a backdated adoption do not count', () => {
    // The six convictions run from July to December 2025; on 1 October only three had happened.
    spec
      .given([registered({ registeredOn: '2025-06-01' }), ...convictions(6)])
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2025-10-01' } })
      .thenRefuses('ADOPTION.REASON_REQUIRED', 'reason');
  });

  it('the first review is due six months after adoption, on the last day of a shorter month', () => {
    spec
      .given([registered({ registeredOn: '2025-08-01' }), ...convictions(6, { latestOn: '2025-08-30' })])
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2025-08-31' } })
      .then([
        {
          type: 'OffenderAdopted',
          data: { strand: 'rehabilitate-and-resettle', adoptedOn: '2025-08-31', criteriaMet: true, nextReviewDue: '2026-02-28' },
        },
        { type: 'ContactFrequencySet', data: { contactsPerWeek: 4, reason: 'Set on adoption', effectiveOn: '2025-08-31' } },
      ]);
  });

  it('an adult may be adopted straight onto the Catch and Convict strand', () => {
    spec
      .given(sixConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, strand: 'catch-and-convict' } })
      .then(adopted({ adoptedOn: today, strand: 'catch-and-convict' }));
  });

  it('an offender already on the scheme cannot be adopted again', () => {
    spec.given(onScheme()).when({ type: 'AdoptOffender', data: { adoptedOn: today } }).thenRefuses('OFFENDER.ALREADY_ON_SCHEME');
  });

  it('an adoption dated in the future is refused', () => {
    spec.given(sixConvictions).when({ type: 'AdoptOffender', data: { adoptedOn: tomorrow } }).thenRefuses('DATE.IN_FUTURE', 'adoptedOn');
  });

  it('an area with its own policy sets its own contact frequency and review interval on adoption', () => {
    specUnder({ ...policy, contactsPerWeekOnAdoption: 5, reviewIntervalMonths: 3 })
      .given(sixConvictions)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today } })
      .then([
        { type: 'OffenderAdopted', data: { strand: 'rehabilitate-and-resettle', adoptedOn: today, criteriaMet: true, nextReviewDue: '2026-09-15' } },
        { type: 'ContactFrequencySet', data: { contactsPerWeek: 5, reason: 'Set on adoption', effectiveOn: today } },
      ]);
  });
});

describe('adopting a young person', () => {
  const youngWithHistory: OffenderEvent[] = [registered({ personal: SEVENTEEN_YEAR_OLD }), ...convictions(6)];

  it('a seventeen-year-old is adopted onto Prevent and Deter when no strand is given', () => {
    spec
      .given(youngWithHistory)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today } })
      .then(adopted({ adoptedOn: today, strand: 'prevent-and-deter' }));
  });

  it('a seventeen-year-old may be adopted onto Prevent and Deter explicitly', () => {
    spec
      .given(youngWithHistory)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, strand: 'prevent-and-deter' } })
      .then(adopted({ adoptedOn: today, strand: 'prevent-and-deter' }));
  });

  it.each(['catch-and-convict', 'rehabilitate-and-resettle'] as const)('a seventeen-year-old cannot be adopted onto %s', (strand) => {
    spec
      .given(youngWithHistory)
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, strand } })
      .thenRefuses('ADOPTION.PREVENT_AND_DETER_FOR_UNDER_18', 'strand');
  });

  it('a young person on the cusp who does not meet the criteria is adopted onto Prevent and Deter with a reason', () => {
    spec
      .given([registered({ personal: SEVENTEEN_YEAR_OLD }), ...convictions(2)])
      .when({ type: 'AdoptOffender', data: { adoptedOn: today, reason: 'Escalating offending' } })
      .then(adopted({ adoptedOn: today, strand: 'prevent-and-deter', reason: 'Escalating offending', criteriaMet: false }));
  });

  it('age is taken on the adoption date: someone who turns eighteen that day is adopted as an adult', () => {
    spec
      .given([registered({ personal: { ...ADULT, dateOfBirth: '2008-06-15' } }), ...convictions(6)])
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2026-06-15', strand: 'catch-and-convict' } })
      .then(adopted({ adoptedOn: '2026-06-15', strand: 'catch-and-convict' }));
  });

  it('someone eighteen today but adopted with a date before their birthday was a young person when adopted', () => {
    spec
      .given([registered({ personal: { ...ADULT, dateOfBirth: '2008-06-01' } }), ...convictions(6)])
      .when({ type: 'AdoptOffender', data: { adoptedOn: '2026-05-31', strand: 'rehabilitate-and-resettle' } })
      .thenRefuses('ADOPTION.PREVENT_AND_DETER_FOR_UNDER_18', 'strand');
  });
});
