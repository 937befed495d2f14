import { addMonths, policyForArea, type EligibilityPolicy, type IsoDate, type SchemePolicies } from '@ppo/domain';
import { RECENT_FACTS } from '../../projections/eligibility/eligibility.projection';

/*
 * Bounds on an eligibility score, so the report need not assess offenders who cannot reach a threshold: each only
 * ever over-estimates a score (a fact is counted from a day before the window opens, and weighs at least 1 and no
 * less than its own weight, as the domain weighs a fact without one at 0 or 1), so the domain's own assessment still
 * decides every offender the bounds leave in.
 */

/** The most one fact can weigh under a policy. */
function heaviest(policy: EligibilityPolicy): number {
  return Math.max(1, ...Object.values(policy.offenceWeights), ...Object.values(policy.harmIndicatorWeights));
}

/** Every area's eligibility rules: the default's and each overridden area's. */
function allRules(policies: SchemePolicies): EligibilityPolicy[] {
  return [policies.default.eligibility, ...Object.keys(policies.areas).map((a) => policyForArea(policies, a).eligibility)];
}

/** The fewest facts in its window an offender needs to reach the lowest threshold of any area, at the heaviest weights. */
export function factsNeeded(policies: SchemePolicies): number {
  return Math.max(0, Math.min(...allRules(policies).map((r) => Math.ceil(r.threshold / heaviest(r)))));
}

/** The day before the earliest day any area's window opens on `today`. */
export function earliestWindowStart(policies: SchemePolicies, today: IsoDate): IsoDate {
  return addMonths(today, -Math.max(...allRules(policies).map((r) => r.windowMonths)));
}

/**
 * Whether an offender's newest facts, as the eligibility row keeps them ("2026-05-10 c burglary,..."), newest first,
 * could reach the policy's threshold counting from `from`: false means they certainly cannot. A row that keeps as
 * many facts as it can, all from `from` on, may hold more, and so may reach it.
 */
export function mayReachThreshold(recentFacts: string, policy: EligibilityPolicy, from: IsoDate): boolean {
  if (recentFacts === '') return policy.threshold <= 0;
  const facts = recentFacts.split(',');
  let most = 0;
  for (const fact of facts) {
    if (fact.slice(0, 10) < from) return most >= policy.threshold;
    const name = fact.slice(13);
    const weights: Partial<Record<string, number>> = fact[11] === 'c' ? policy.offenceWeights : policy.harmIndicatorWeights;
    most += Math.max(1, weights[name] ?? 1);
  }
  return facts.length >= RECENT_FACTS || most >= policy.threshold;
}
