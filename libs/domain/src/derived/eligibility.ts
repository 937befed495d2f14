import type { EligibilityPolicy } from '../policy/scheme-policy';
import { addDays, addMonths, type IsoDate } from '../shared/dates';
import type { HarmIndicator, Offence } from '../shared/vocabulary';

/** The offending history eligibility is assessed on. */
export interface OffendingHistory {
  convictions: readonly { offence: Offence; offenceDate: IsoDate; convictionDate: IsoDate }[];
  harmIndicators: readonly { indicator: HarmIndicator; recordedOn: IsoDate }[];
}

/** Whether an offender meets an area's selection criteria on a date, and why. */
export interface Eligibility {
  eligible: boolean;
  score: number;
  threshold: number;
  /** First day of the window: the window runs from here to `asOf`, inclusive. */
  windowStart: IsoDate;
  asOf: IsoDate;
  evidence: {
    convictions: { offence: Offence; convictionDate: IsoDate; weight: number; priority: boolean }[];
    harmIndicators: { indicator: HarmIndicator; recordedOn: IsoDate; weight: number }[];
  };
}

/**
 * Assesses eligibility on `asOf`: every conviction within the window counts
 * its offence's weight (priority offences such as burglary weigh more), every
 * harm indicator its weight, and the total must reach the threshold.
 */
export function assessEligibility(history: OffendingHistory, asOf: IsoDate, policy: EligibilityPolicy): Eligibility {
  const windowStart = addDays(addMonths(asOf, -policy.windowMonths), 1);
  const inWindow = (date: IsoDate) => date >= windowStart && date <= asOf;

  const convictions = history.convictions
    .filter((c) => inWindow(c.convictionDate))
    .map((c) => {
      const weight = policy.offenceWeights[c.offence] ?? 1;
      return { offence: c.offence, convictionDate: c.convictionDate, weight, priority: weight > 1 };
    });
  const harmIndicators = history.harmIndicators
    .filter((h) => inWindow(h.recordedOn))
    .map((h) => ({ indicator: h.indicator, recordedOn: h.recordedOn, weight: policy.harmIndicatorWeights[h.indicator] ?? 0 }));

  const score = [...convictions, ...harmIndicators].reduce((sum, item) => sum + item.weight, 0);
  return {
    eligible: score >= policy.threshold,
    score,
    threshold: policy.threshold,
    windowStart,
    asOf,
    evidence: { convictions, harmIndicators },
  };
}
