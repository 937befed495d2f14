import { addDays, addMonths, assessEligibility, policyForArea, type Eligibility, type IsoDate, type SchemePolicies } from '@ppo/domain';
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

/** The newest, second and third newest facts' columns. */
const FACT_COLUMNS = ['latest_fact_on', 'second_latest_fact_on', 'third_latest_fact_on'] as const;

/**
 * The fewest facts in its window an offender needs to reach any area's threshold, each fact weighing at most the
 * heaviest weight of any policy (a conviction with no weight of its own weighs 1): a bound only, so that rows with
 * fewer recent facts are left in the store; the domain's own assessment decides.
 */
export function factsNeeded(policies: SchemePolicies): number {
  const rules = [policies.default.eligibility, ...Object.keys(policies.areas).map((a) => policyForArea(policies, a).eligibility)];
  const heaviest = Math.max(1, ...rules.flatMap((r) => [...Object.values(r.offenceWeights), ...Object.values(r.harmIndicatorWeights)]));
  return Math.max(0, Math.min(...rules.map((r) => Math.ceil(r.threshold / heaviest))));
}

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
  const longestWindow = Math.max(
    policies.default.eligibility.windowMonths,
    ...Object.keys(policies.areas).map((a) => policyForArea(policies, a).eligibility.windowMonths),
  );
  const windowStart = addDays(addMonths(today, -longestWindow), 1);
  const where: Condition[] = [
    { column: 'status', op: 'in', value: ['registered', 'deselected'] },
    { column: 'latest_fact_on', op: '>=', value: windowStart },
  ];
  const needed = FACT_COLUMNS[Math.min(factsNeeded(policies), FACT_COLUMNS.length) - 1];
  if (needed && needed !== 'latest_fact_on') where.push({ column: needed, op: '>=', value: windowStart });
  if (areas) where.push({ column: 'area', op: 'in', value: areas });
  if (!includeRestricted) where.push({ column: 'restricted', op: '=', value: false });
  const { rows } = await store.select(ELIGIBILITY_TABLE, { columns: [...CANDIDATE_COLUMNS], where, orderBy: [{ column: 'family_name', direction: 'asc' }] });
  const candidates = (rows as CandidateRow[])
    .map((row) => ({
      offenderId: row.offender_id,
      crn: row.crn,
      givenName: row.given_name,
      familyName: row.family_name,
      area: row.area,
      status: row.status,
      eligibility: assessEligibility(
        { convictions: row.convictions, harmIndicators: row.harm_indicators },
        today,
        policyForArea(policies, row.area).eligibility,
      ),
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
