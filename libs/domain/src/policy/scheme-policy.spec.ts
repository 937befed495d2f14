import { DEFAULT_SCHEME_POLICIES, DEFAULT_SCHEME_POLICY, policyForArea, type SchemePolicies } from './scheme-policy';

describe('scheme policy', () => {
  it('the default is Northumbria’s: six convictions in twelve months, four contacts a week, reviews every six months', () => {
    expect(DEFAULT_SCHEME_POLICY).toMatchObject({
      eligibility: { windowMonths: 12, threshold: 6, offenceWeights: { burglary: 2 } },
      contactsPerWeekOnAdoption: 4,
      reviewIntervalMonths: 6,
      preventAndDeterUnderAge: 18,
      custodyDeselectionMonths: 24,
      stablePeriodDays: 28,
      escalationDays: 28,
    });
  });

  it('by default a record is due for retention review six years after deselection', () => {
    expect(DEFAULT_SCHEME_POLICY.retentionYearsAfterDeselection).toBe(6);
  });

  it('an area with no override has the default policy', () => {
    expect(policyForArea(DEFAULT_SCHEME_POLICIES, 'northumbria')).toBe(DEFAULT_SCHEME_POLICY);
  });

  it('an area named like a property of every object still has the default policy', () => {
    expect(policyForArea(DEFAULT_SCHEME_POLICIES, 'toString')).toBe(DEFAULT_SCHEME_POLICY);
    expect(policyForArea(DEFAULT_SCHEME_POLICIES, '__proto__')).toBe(DEFAULT_SCHEME_POLICY);
    expect(policyForArea(DEFAULT_SCHEME_POLICIES, 'constructor')).toBe(DEFAULT_SCHEME_POLICY);
  });

  describe('with area overrides', () => {
    const policies: SchemePolicies = {
      default: DEFAULT_SCHEME_POLICY,
      areas: {
        merseyside: { contactsPerWeekOnAdoption: 5, eligibility: { threshold: 8, windowMonths: 24 } },
        cumbria: { reviewIntervalMonths: 3, retentionYearsAfterDeselection: 10 },
      },
    };

    it('an area’s overrides replace the defaults they name and keep the rest', () => {
      const merseyside = policyForArea(policies, 'merseyside');
      expect(merseyside).toEqual({
        ...DEFAULT_SCHEME_POLICY,
        contactsPerWeekOnAdoption: 5,
        eligibility: { ...DEFAULT_SCHEME_POLICY.eligibility, threshold: 8, windowMonths: 24 },
      });
    });

    it('eligibility overrides merge with the default eligibility rules rather than replace them', () => {
      const merseyside = policyForArea(policies, 'merseyside');
      expect(merseyside.eligibility.offenceWeights).toEqual(DEFAULT_SCHEME_POLICY.eligibility.offenceWeights);
      expect(merseyside.eligibility.harmIndicatorWeights).toEqual(DEFAULT_SCHEME_POLICY.eligibility.harmIndicatorWeights);
    });

    it('an area that overrides nothing about eligibility keeps the default eligibility', () => {
      const cumbria = policyForArea(policies, 'cumbria');
      expect(cumbria.reviewIntervalMonths).toBe(3);
      expect(cumbria.retentionYearsAfterDeselection).toBe(10);
      expect(cumbria.eligibility).toEqual(DEFAULT_SCHEME_POLICY.eligibility);
    });

    it('merging does not change the default policy', () => {
      const before = structuredClone(DEFAULT_SCHEME_POLICY);
      policyForArea(policies, 'merseyside');
      policyForArea(policies, 'cumbria');
      expect(DEFAULT_SCHEME_POLICY).toEqual(before);
    });

    it('other areas still have the default', () => {
      expect(policyForArea(policies, 'northumbria')).toBe(DEFAULT_SCHEME_POLICY);
    });
  });
});
