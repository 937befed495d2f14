import { DEFAULT_SCHEME_POLICY, type EligibilityPolicy } from '../policy/scheme-policy';
import type { HarmIndicator, Offence } from '../shared/vocabulary';
import { assessEligibility, type OffendingHistory } from './eligibility';

const policy = DEFAULT_SCHEME_POLICY.eligibility;
const asOf = '2026-06-15';

const convicted = (convictionDate: string, offence: Offence = 'theft-from-shops') => ({ offence, offenceDate: convictionDate, convictionDate });
const history = (convictions: ReturnType<typeof convicted>[], harmIndicators: { indicator: HarmIndicator; recordedOn: string }[] = []): OffendingHistory => ({
  convictions,
  harmIndicators,
});
const thefts = (n: number) => Array.from({ length: n }, (_, i) => convicted(`2026-0${i % 5 + 1}-10`));

describe('eligibility for the scheme', () => {
  it('six convictions in the last twelve months make an offender eligible', () => {
    const result = assessEligibility(history(thefts(6)), asOf, policy);
    expect(result).toMatchObject({ eligible: true, score: 6, threshold: 6, windowStart: '2025-06-16', asOf });
  });

  it('five convictions do not', () => {
    expect(assessEligibility(history(thefts(5)), asOf, policy)).toMatchObject({ eligible: false, score: 5 });
  });

  it('an offender with no history scores nothing', () => {
    expect(assessEligibility(history([]), asOf, policy)).toEqual({
      eligible: false,
      score: 0,
      threshold: 6,
      windowStart: '2025-06-16',
      asOf,
      evidence: { convictions: [], harmIndicators: [] },
    });
  });

  it('the window runs from the day after the same date a year earlier up to and including the day of assessment', () => {
    const result = assessEligibility(
      history([convicted('2025-06-15'), convicted('2025-06-16'), convicted('2026-06-15'), convicted('2026-06-16')]),
      asOf,
      policy,
    );
    expect(result.evidence.convictions.map((c) => c.convictionDate)).toEqual(['2025-06-16', '2026-06-15']);
    expect(result.score).toBe(2);
  });

  it('assessed on 28 February, the window opens on 29 February of the leap year before', () => {
    const result = assessEligibility(history([convicted('2024-02-28'), convicted('2024-02-29')]), '2025-02-28', policy);
    expect(result.windowStart).toBe('2024-02-29');
    expect(result.evidence.convictions.map((c) => c.convictionDate)).toEqual(['2024-02-29']);
  });

  it('assessed on 29 February, the window opens on 1 March a year before', () => {
    expect(assessEligibility(history([]), '2024-02-29', policy).windowStart).toBe('2023-03-01');
  });

  it('the conviction date counts, not the offence date', () => {
    const lateConviction = { offence: 'assault' as const, offenceDate: '2025-01-01', convictionDate: '2025-07-01' };
    expect(assessEligibility(history([lateConviction]), asOf, policy).score).toBe(1);
  });

  it('a burglary weighs two and is marked as a local priority; a theft weighs one', () => {
    const result = assessEligibility(history([convicted('2026-01-10', 'burglary'), convicted('2026-02-10')]), asOf, policy);
    expect(result.evidence.convictions).toEqual([
      { offence: 'burglary', convictionDate: '2026-01-10', weight: 2, priority: true },
      { offence: 'theft-from-shops', convictionDate: '2026-02-10', weight: 1, priority: false },
    ]);
    expect(result.score).toBe(3);
  });

  it('three burglaries make an offender eligible', () => {
    const burglaries = ['2026-01-10', '2026-02-10', '2026-03-10'].map((d) => convicted(d, 'burglary'));
    expect(assessEligibility(history(burglaries), asOf, policy)).toMatchObject({ eligible: true, score: 6 });
  });

  it('an offence the policy does not list weighs one', () => {
    expect(assessEligibility(history([convicted('2026-01-10', 'drugs')]), asOf, policy).evidence.convictions[0]).toMatchObject({ weight: 1, priority: false });
  });

  it('gang leadership weighs two, anti-social behaviour one, and other harm nothing, each listed as evidence', () => {
    const result = assessEligibility(
      history([], [
        { indicator: 'gang-leadership', recordedOn: '2026-01-01' },
        { indicator: 'anti-social-behaviour', recordedOn: '2026-02-01' },
        { indicator: 'other', recordedOn: '2026-03-01' },
      ]),
      asOf,
      policy,
    );
    expect(result.evidence.harmIndicators).toEqual([
      { indicator: 'gang-leadership', recordedOn: '2026-01-01', weight: 2 },
      { indicator: 'anti-social-behaviour', recordedOn: '2026-02-01', weight: 1 },
      { indicator: 'other', recordedOn: '2026-03-01', weight: 0 },
    ]);
    expect(result.score).toBe(3);
  });

  it('four convictions and gang leadership in the window make an offender eligible', () => {
    expect(assessEligibility(history(thefts(4), [{ indicator: 'gang-leadership', recordedOn: '2026-05-01' }]), asOf, policy)).toMatchObject({
      eligible: true,
      score: 6,
    });
  });

  it('a harm indicator recorded before the window does not count', () => {
    const result = assessEligibility(history(thefts(4), [{ indicator: 'gang-leadership', recordedOn: '2025-06-15' }]), asOf, policy);
    expect(result).toMatchObject({ eligible: false, score: 4 });
    expect(result.evidence.harmIndicators).toEqual([]);
  });

  it('an area with a longer window and a higher threshold counts older convictions and needs more of them', () => {
    const twoYears: EligibilityPolicy = { ...policy, windowMonths: 24, threshold: 8 };
    const older = [...thefts(6), convicted('2024-06-16'), convicted('2024-06-15')];
    expect(assessEligibility(history(older), asOf, twoYears)).toMatchObject({ eligible: false, score: 7, threshold: 8, windowStart: '2024-06-16' });
    expect(assessEligibility(history([...older, convicted('2025-01-01')]), asOf, twoYears)).toMatchObject({ eligible: true, score: 8 });
  });
});
