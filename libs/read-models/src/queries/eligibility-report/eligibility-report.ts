import { addDays, addMonths, assessEligibility, policyForArea, type Eligibility, type EligibilityPolicy, type IsoDate, type SchemePolicies } from '@ppo/domain';
import { earliestWindowStart, factsNeeded, mayReachThreshold } from './eligibility-bounds';
import { ELIGIBILITY_TABLE, type EligibilityRow } from '../../projections/eligibility/eligibility.projection';
import type { ReadModelStore } from '../../store/read-model-store.port';
import type { Condition } from '../../store/table-spec';
import type { CsvSpec } from '../../http/csv-export';

/** A registered offender, not on the scheme, who meets their area's policy today, with the evidence. */
export interface EligibleCandidate {
  offenderId: string;
  crn: string;
  givenName: string;
  familyName: string;
  area: string;
  status: string;
  eligibility: Eligibility;
}

/** The columns a candidate is assessed from: not the folded state. */
const CANDIDATE_COLUMNS = ['offender_id', 'crn', 'given_name', 'family_name', 'area', 'status', 'convictions', 'harm_indicators'] as const;

type CandidateRow = Pick<EligibilityRow, (typeof CANDIDATE_COLUMNS)[number]>;

/** The most offenders the evidence is read for by key. */
const MAX_KEYS = 5_000;

/** The newest, second and third newest facts' columns. */
const FACT_COLUMNS = ['latest_fact_on', 'second_latest_fact_on', 'third_latest_fact_on'] as const;

/**
 * Candidates for adoption on `today`: eligibility is assessed when the report
 * is read, with the domain's own function, so a conviction leaving the window
 * changes the report without any new event.
 */
export async function eligibilityReport(
  store: ReadModelStore,
  today: IsoDate,
  policies: SchemePolicies,
  /** Only these areas; undefined for every area. */
  areas?: string[],
  /** Whether records whose processing is restricted are included (for auditors and the DPO only). */
  includeRestricted = false,
): Promise<{ candidates: EligibleCandidate[]; asOf: IsoDate }> {
  const windowStart = addDays(earliestWindowStart(policies, today), 1);
  const where: Condition[] = [
    { column: 'status', op: 'in', value: ['registered', 'deselected'] },
    { column: 'latest_fact_on', op: '>=', value: windowStart },
  ];
  const needed = FACT_COLUMNS[Math.min(factsNeeded(policies), FACT_COLUMNS.length) - 1];
  if (needed && needed !== 'latest_fact_on') where.push({ column: needed, op: '>=', value: windowStart });
  if (areas) where.push({ column: 'area', op: 'in', value: areas });
  if (!includeRestricted) where.push({ column: 'restricted', op: '=', value: false });
  const rules = new Map<string, { policy: EligibilityPolicy; from: IsoDate }>();
  const rulesOf = (area: string) => {
    let found = rules.get(area);
    if (!found) {
      const policy = policyForArea(policies, area).eligibility;
      // The domain's window opens a day after this: the bound looks from a day early, never too late.
      rules.set(area, (found = { policy, from: addMonths(today, -policy.windowMonths) }));
    }
    return found;
  };
  // First the newest facts of everyone with recent ones (from an index), then the evidence of those who may reach
  // their area's threshold, for the domain to assess: most offenders with a recent fact are far from it.
  const recent = (await store.select(ELIGIBILITY_TABLE, { columns: ['offender_id', 'area', 'recent_facts'], where })).rows as Pick<EligibilityRow, 'offender_id' | 'area' | 'recent_facts'>[];
  const mayReach = recent.filter((row) => mayReachThreshold(row.recent_facts, rulesOf(row.area).policy, rulesOf(row.area).from)).map((row) => row.offender_id);
  if (mayReach.length === 0) return { candidates: [], asOf: today };
  // A long list of keys costs more than the filter it saves.
  if (mayReach.length <= MAX_KEYS) where.push({ column: 'offender_id', op: 'in', value: mayReach });
  const { rows } = await store.select(ELIGIBILITY_TABLE, { columns: [...CANDIDATE_COLUMNS], where, orderBy: [{ column: 'family_name', direction: 'asc' }] });
  const candidates = (rows as CandidateRow[])
    .map((row) => ({
      offenderId: row.offender_id,
      crn: row.crn,
      givenName: row.given_name,
      familyName: row.family_name,
      area: row.area,
      status: row.status,
      eligibility: assessEligibility({ convictions: row.convictions, harmIndicators: row.harm_indicators }, today, rulesOf(row.area).policy),
    }))
    .filter((c) => c.eligibility.eligible)
    .sort((a, b) => b.eligibility.score - a.eligibility.score);
  return { candidates, asOf: today };
}

/** The report as GET answers it. */
export type EligibilityReport = { candidates: EligibleCandidate[]; asOf: string };

/** The report as CSV (`?format=csv`), for the API and the pages alike. */
export const ELIGIBILITY_CSV: CsvSpec<EligibilityReport> = {
  filename: 'eligibility.csv',
  columns: ['asOf', 'offenderId', 'crn', 'givenName', 'familyName', 'area', 'status', 'score', 'threshold', 'windowStart', 'convictionsInWindow', 'priorityConvictions', 'harmIndicators'],
  toRows: ({ candidates, asOf }) =>
    candidates.map((c) => ({
      asOf,
      offenderId: c.offenderId,
      crn: c.crn,
      givenName: c.givenName,
      familyName: c.familyName,
      area: c.area,
      status: c.status,
      score: c.eligibility.score,
      threshold: c.eligibility.threshold,
      windowStart: c.eligibility.windowStart,
      convictionsInWindow: c.eligibility.evidence.convictions.length,
      priorityConvictions: c.eligibility.evidence.convictions.filter((v) => v.priority).length,
      harmIndicators: c.eligibility.evidence.harmIndicators.length,
    })),
};
