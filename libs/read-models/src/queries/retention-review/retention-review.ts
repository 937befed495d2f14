import { addMonths, daysBetween, policyForArea, type IsoDate, type SchemePolicies } from '@ppo/domain';
import type { CsvSpec } from '../../http/csv-export';
import { OFFENDER_JOURNEY_TABLE, type OffenderJourneyRow } from '../../projections/offender-journey/offender-journey.table';
import type { ReadModelStore } from '../../store/read-model-store.port';
import type { Condition } from '../../store/table-spec';

/** A deselected offender whose retention period has run out: their record is due for review, unless a legal hold keeps it. */
export interface RetentionReviewItem {
  offenderId: string;
  crn: string;
  givenName: string;
  familyName: string;
  area: string;
  deselectedOn: IsoDate;
  /** The area's retention period after deselection, in years. */
  retentionYears: number;
  /** When the review fell due: the deselection date plus the retention period. */
  dueOn: IsoDate;
  /** Days since the review fell due (0 on the day). */
  daysOverdue: number;
  /** Since when a legal hold has kept the record; null when none does. */
  legalHoldSince: IsoDate | null;
  /** Processing restricted (listed for the DPO and auditors only). */
  restricted: boolean;
}

/** What the list is narrowed to, and the page of records due. */
export interface RetentionReviewFilter {
  /** Only these areas; undefined for every area. */
  areas?: string[];
  /** Whether records whose processing is restricted are included (for auditors and the DPO only). */
  includeRestricted?: boolean;
  page?: number;
  /** Records due per page; undefined for all of them (a CSV export). */
  pageSize?: number;
}

/** The review list on a day: the records due (a page of them, oldest due first), and those a legal hold keeps, apart. */
export interface RetentionReview {
  asOf: IsoDate;
  due: { items: RetentionReviewItem[]; total: number; page: number; pageSize: number };
  /** Records past their retention period under a legal hold: not due while it lasts, so not paged with them. */
  held: { items: RetentionReviewItem[]; total: number };
}

/** Areas that share a retention period, as conditions on the area column. */
interface PeriodGroup {
  years: number;
  areas: Condition[];
}

/**
 * The areas in scope grouped by retention period: one group per period some area overrides the default with, and
 * the default's group for every other area (an area not listed among the policies included).
 */
function periodGroups(policies: SchemePolicies, scope: string[] | undefined): PeriodGroup[] {
  const defaultYears = policies.default.retentionYearsAfterDeselection;
  const byYears = new Map<number, string[]>();
  for (const area of Object.keys(policies.areas)) {
    const years = policyForArea(policies, area).retentionYearsAfterDeselection;
    if (years !== defaultYears) byYears.set(years, [...(byYears.get(years) ?? []), area]);
  }
  const others = [...byYears.values()].flat();
  const inScope = (areas: string[]) => (scope ? areas.filter((a) => scope.includes(a)) : areas);
  const groups: PeriodGroup[] = [...byYears].map(([years, areas]) => ({ years, areas: [{ column: 'area', op: 'in', value: inScope(areas) }] }));
  groups.push({
    years: defaultYears,
    areas: scope
      ? [{ column: 'area', op: 'in', value: scope.filter((a) => !others.includes(a)) }]
      : // "Not one of the others", as the store's conditions can say it: before or after each.
        others.map((a) => ({ anyOf: [{ column: 'area', op: '<', value: a }, { column: 'area', op: '>', value: a }] })),
  });
  return groups.filter((g) => !g.areas.some((c) => 'op' in c && c.op === 'in' && c.value.length === 0));
}

/** Soonest due first; records due the same day in deselection order, then by id, as the store sorts one group. */
function byDueDate(a: RetentionReviewItem, b: RetentionReviewItem): number {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return order(a.dueOn, b.dueOn) || order(a.deselectedOn, b.deselectedOn) || order(a.offenderId, b.offenderId);
}

/**
 * Deselected offenders whose data is still held and whose area's retention period has run out by `today`.
 * Legal holds are placed one by one by the DPO, so the held list stays short and comes whole.
 *
 * The due date depends on the area's policy, which is configuration rather than a fact in the log, so it is worked
 * out when read: each group of areas sharing a period is one query on the deselection date (indexed), in due-date
 * order. With one group (no area overrides the default) the store pages the list itself; with several, each gives
 * up to the end of the page asked for and the groups are merged.
 */
export async function retentionReview(store: ReadModelStore, today: IsoDate, policies: SchemePolicies, filter: RetentionReviewFilter = {}): Promise<RetentionReview> {
  const groups = periodGroups(policies, filter.areas);
  const common: Condition[] = [{ column: 'erased_on', op: 'is-null' }];
  if (!filter.includeRestricted) common.push({ column: 'restricted', op: '=', value: false });
  const select = async (group: PeriodGroup, held: boolean, limit?: number, offset?: number) => {
    const where: Condition[] = [
      ...common,
      ...group.areas,
      { column: 'deselected_on', op: '<=', value: addMonths(today, -12 * group.years) },
      { column: 'legal_hold_since', op: held ? 'not-null' : 'is-null' },
    ];
    const { rows, total } = await store.select(OFFENDER_JOURNEY_TABLE, { where, orderBy: [{ column: 'deselected_on', direction: 'asc' }], limit, offset });
    return { items: (rows as OffenderJourneyRow[]).map((row) => toItem(row, today, group.years)), total };
  };

  const page = filter.page ?? 1;
  const { pageSize } = filter;
  const skip = pageSize === undefined ? 0 : (page - 1) * pageSize;
  const single = groups.length === 1;
  const dueGroups = await Promise.all(groups.map((g) => (single ? select(g, false, pageSize, skip) : select(g, false, pageSize && skip + pageSize))));
  const merged = dueGroups.flatMap((g) => g.items).sort(byDueDate);
  const dueItems = single ? merged : merged.slice(skip, pageSize === undefined ? undefined : skip + pageSize);
  const dueTotal = dueGroups.reduce((sum, g) => sum + g.total, 0);
  const held = (await Promise.all(groups.map((g) => select(g, true)))).flatMap((g) => g.items).sort(byDueDate);
  return {
    asOf: today,
    due: { items: dueItems, total: dueTotal, page, pageSize: pageSize ?? Math.max(dueTotal, 1) },
    held: { items: held, total: held.length },
  };
}

function toItem(row: OffenderJourneyRow, today: IsoDate, retentionYears: number): RetentionReviewItem {
  const deselectedOn = row.deselected_on!;
  const dueOn = addMonths(deselectedOn, 12 * retentionYears);
  return {
    offenderId: row.offender_id,
    crn: row.crn,
    givenName: row.given_name,
    familyName: row.family_name,
    area: row.area,
    deselectedOn,
    retentionYears,
    dueOn,
    daysOverdue: daysBetween(dueOn, today),
    legalHoldSince: row.legal_hold_since,
    restricted: row.restricted,
  };
}

/** The review as CSV (`?format=csv`): every record due, then every record held, for the API and the page alike. */
export const RETENTION_REVIEW_CSV: CsvSpec<RetentionReview> = {
  filename: 'retention-review.csv',
  columns: ['asOf', 'review', 'offenderId', 'crn', 'givenName', 'familyName', 'area', 'deselectedOn', 'retentionYears', 'dueOn', 'daysOverdue', 'legalHoldSince', 'restricted'],
  toRows: ({ asOf, due, held }) => [
    ...due.items.map((item) => ({ asOf, review: 'due', ...item })),
    ...held.items.map((item) => ({ asOf, review: 'held', ...item })),
  ],
};
