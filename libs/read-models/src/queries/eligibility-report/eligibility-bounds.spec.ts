import { DEFAULT_SCHEME_POLICIES, DEFAULT_SCHEME_POLICY } from '@ppo/domain';
import { factsNeeded, mayReachThreshold } from './eligibility-bounds';

const policy = DEFAULT_SCHEME_POLICY.eligibility;

describe('Bounds on an eligibility score', () => {
  it('need three recent facts at the default threshold of 6, when burglary weighs 2', () => {
    expect(factsNeeded(DEFAULT_SCHEME_POLICIES)).toBe(3);
  });

  it('take the lowest need of any area', () => {
    expect(factsNeeded({ ...DEFAULT_SCHEME_POLICIES, areas: { cumbria: { eligibility: { threshold: 2 } } } })).toBe(1);
  });

  it('leave out an offender whose recent facts weigh too little, counting only from the window', () => {
    const facts = '2026-05-10 c theft-from-shops,2026-04-10 c burglary,2026-03-10 h anti-social-behaviour,2025-01-01 c burglary';
    expect(mayReachThreshold(facts, policy, '2025-06-15')).toBe(false);
    expect(mayReachThreshold(facts, policy, '2024-12-31')).toBe(true);
  });

  it('count a harm indicator without a weight of its own as 1, never less than the domain does', () => {
    expect(mayReachThreshold('2026-05-10 h other,2026-05-09 c burglary,2026-05-08 c robbery,2026-05-07 c other', policy, '2025-06-15')).toBe(true);
  });

  it('keep an offender whose row holds as many recent facts as it can: there may be more', () => {
    const eight = Array.from({ length: 8 }, (_, i) => `2026-05-${String(10 + i).padStart(2, '0')} h other`).reverse().join(',');
    expect(mayReachThreshold(eight, { ...policy, threshold: 100 }, '2025-06-15')).toBe(true);
  });

  it('leave out an offender with no facts unless the threshold is nothing', () => {
    expect(mayReachThreshold('', policy, '2025-06-15')).toBe(false);
    expect(mayReachThreshold('', { ...policy, threshold: 0 }, '2025-06-15')).toBe(true);
  });
});
