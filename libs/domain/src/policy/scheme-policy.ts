import type { HarmIndicator, Offence } from '../shared/vocabulary';

/** How an area selects offenders for its scheme. */
export interface EligibilityPolicy {
  /** How far back convictions count, in months (the Persistent Offender Scheme used 12). */
  windowMonths: number;
  /** The weighted score that makes an offender eligible (6 convictions at weight 1 in Northumbria). */
  threshold: number;
  /** Weight of a conviction by offence; local priorities such as burglary weigh more. Unlisted offences weigh 1. */
  offenceWeights: Partial<Record<Offence, number>>;
  /** Weight added by each harm indicator recorded in the window (gang leadership, anti-social behaviour). Unlisted weigh 0. */
  harmIndicatorWeights: Partial<Record<HarmIndicator, number>>;
}

/** One area's scheme rules. Defaults come from the Northumbria seed and national guidance. */
export interface SchemePolicy {
  eligibility: EligibilityPolicy;
  /** Required contacts a week on adoption ("we will see them four times a week"). */
  contactsPerWeekOnAdoption: number;
  /** The lowest contact frequency a reduction may reach (0.5 = fortnightly). */
  minimumContactsPerWeek: number;
  /** Days with no lapse, and since adoption, before contact may be reduced. */
  stablePeriodDays: number;
  /** Months between registration reviews. */
  reviewIntervalMonths: number;
  /** Under this age at adoption, the Prevent and Deter strand applies. */
  preventAndDeterUnderAge: number;
  /** A custodial sentence of at least this many months prompts deselection (PSI 12/2010: two years). */
  custodyDeselectionMonths: number;
  /** A lapse within this many days escalates supervision. */
  escalationDays: number;
  /** Whole years after deselection before the record is due for a retention review; a legal hold overrides it. */
  retentionYearsAfterDeselection: number;
}

/** The default policy: Northumbria's six convictions in twelve months, burglary as a local priority. */
export const DEFAULT_SCHEME_POLICY: SchemePolicy = {
  eligibility: {
    windowMonths: 12,
    threshold: 6,
    offenceWeights: { burglary: 2, robbery: 2 },
    harmIndicatorWeights: { 'gang-leadership': 2, 'anti-social-behaviour': 1 },
  },
  contactsPerWeekOnAdoption: 4,
  minimumContactsPerWeek: 0.5,
  stablePeriodDays: 28,
  reviewIntervalMonths: 6,
  preventAndDeterUnderAge: 18,
  custodyDeselectionMonths: 24,
  escalationDays: 28,
  retentionYearsAfterDeselection: 6,
};

/**
 * A partial override of the default policy for one area. Settings replace the
 * default's; so do `offenceWeights` and `harmIndicatorWeights` as a whole, so an
 * area lists all of its priority offences (one that names only theft has no burglary weighting).
 */
export type SchemePolicyOverride = Partial<Omit<SchemePolicy, 'eligibility'>> & {
  eligibility?: Partial<EligibilityPolicy>;
};

/** The policies in force: a default and per-area overrides, keyed by area code. */
export interface SchemePolicies {
  default: SchemePolicy;
  areas: Record<string, SchemePolicyOverride>;
}

export const DEFAULT_SCHEME_POLICIES: SchemePolicies = { default: DEFAULT_SCHEME_POLICY, areas: {} };

/** The policy that applies to an area: the default with that area's overrides on top. */
export function policyForArea(policies: SchemePolicies, area: string): SchemePolicy {
  const override = Object.hasOwn(policies.areas, area) ? policies.areas[area] : undefined;
  if (!override) return policies.default;
  return {
    ...policies.default,
    ...override,
    eligibility: { ...policies.default.eligibility, ...override.eligibility },
  };
}
