import { policyForArea, type IsoDate, type SchemePolicies } from '@ppo/domain';
import type { ReadModelStore } from '../../store/read-model-store.port';
import type { Condition } from '../../store/table-spec';
import { FIGURE_COLUMNS, journeyFigures } from '../../projections/offender-journey/journey-figures';
import { OFFENDER_JOURNEY_TABLE, type OffenderJourneyRow } from '../../projections/offender-journey/offender-journey.table';

/** What a case worker can sort the offender list by, and the column behind each. */
export const OFFENDER_SORTS = {
  name: ['family_name', 'given_name'],
  crn: ['crn'],
  area: ['area'],
  status: ['status'],
  strand: ['current_strand'],
  intensity: ['contacts_per_week'],
  'last-contact': ['last_contact_on'],
  'next-review': ['next_review_due'],
} as const;
export type OffenderSort = keyof typeof OFFENDER_SORTS;

/** The columns a list item is made of. */
const ITEM_COLUMNS = [
  'offender_id',
  'crn',
  'given_name',
  'family_name',
  'date_of_birth',
  'area',
  'current_strand',
  'active_strands',
  'intensity',
  'probation_officer',
  'police_officer',
  'last_contact_on',
  'fast_tracks',
  'order_ends_on',
  'next_review_due',
  'version',
  ...FIGURE_COLUMNS,
] as const;

type ItemRow = Pick<OffenderJourneyRow, (typeof ITEM_COLUMNS)[number]>;

/** Filters, sort and page of the offender list. */
export interface OffenderListFilter {
  strand?: string;
  intensity?: string;
  /** Only these areas (the caller's, narrowed by any area asked for); undefined for every area. */
  areas?: string[];
  /** Whether records whose processing is restricted are listed (for auditors and the DPO only). */
  includeRestricted?: boolean;
  officer?: string;
  status?: string;
  /** Part of a CRN or name. */
  q?: string;
  sort?: OffenderSort;
  direction?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** One offender in the list: the journey row with today's figures. */
export interface OffenderListItem {
  offenderId: string;
  crn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  area: string;
  status: string;
  strands: { current: string | null; active: string[] };
  contactsPerWeek: number;
  intensity: { level: string; escalated: boolean } | null;
  team: { probationOfficer: string | null; policeOfficer: string | null };
  lastContactOn: string | null;
  nextContactDue: string | null;
  contacts: { last7Days: { delivered: number; required: number }; last28Days: { delivered: number; required: number } };
  lastLapseOn: string | null;
  lapsesInLast90Days: number;
  fastTracks: number;
  orderEndsOn: string | null;
  nextReviewDue: string | null;
  version: number;
}

export interface OffenderListPage {
  items: OffenderListItem[];
  total: number;
  page: number;
  pageSize: number;
  asOf: IsoDate;
}

/** The offender list as a case worker filters it, with time-based figures worked out for `today`. */
export async function listOffenders(
  store: ReadModelStore,
  filter: OffenderListFilter,
  today: IsoDate,
  policies: SchemePolicies,
): Promise<OffenderListPage> {
  const where: Condition[] = [];
  if (filter.strand) where.push({ column: 'current_strand', op: '=', value: filter.strand });
  if (filter.intensity) where.push({ column: 'intensity', op: '=', value: filter.intensity });
  if (filter.areas) where.push({ column: 'area', op: 'in', value: filter.areas });
  if (!filter.includeRestricted) where.push({ column: 'restricted', op: '=', value: false });
  if (filter.status) where.push({ column: 'status', op: '=', value: filter.status });
  if (filter.officer) {
    where.push({ anyOf: [{ column: 'probation_officer', op: '=', value: filter.officer }, { column: 'police_officer', op: '=', value: filter.officer }] });
  }
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    where.push({ anyOf: ['crn', 'given_name', 'family_name'].map((column) => ({ column, op: 'contains' as const, value: q })) });
  }
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 25;
  const direction = filter.direction ?? 'asc';
  const { rows, total } = await store.select(OFFENDER_JOURNEY_TABLE, {
    columns: [...ITEM_COLUMNS],
    where,
    orderBy: OFFENDER_SORTS[filter.sort ?? 'name'].map((column) => ({ column, direction })),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const items = (rows as ItemRow[]).map((row) => toItem(row, today, policies));
  return { items, total, page, pageSize, asOf: today };
}

function toItem(row: ItemRow, today: IsoDate, policies: SchemePolicies): OffenderListItem {
  const figures = journeyFigures(row, today, policyForArea(policies, row.area));
  return {
    offenderId: row.offender_id,
    crn: row.crn,
    givenName: row.given_name,
    familyName: row.family_name,
    dateOfBirth: row.date_of_birth,
    area: row.area,
    status: row.status,
    strands: { current: row.current_strand, active: row.active_strands },
    contactsPerWeek: row.contacts_per_week,
    intensity: row.intensity ? { level: row.intensity, escalated: figures.escalated } : null,
    team: { probationOfficer: row.probation_officer, policeOfficer: row.police_officer },
    lastContactOn: row.last_contact_on,
    nextContactDue: figures.nextContactDue,
    contacts: {
      last7Days: { delivered: figures.contactsDelivered7Days, required: figures.contactsRequired7Days },
      last28Days: { delivered: figures.contactsDelivered28Days, required: figures.contactsRequired28Days },
    },
    lastLapseOn: row.last_lapse_on,
    lapsesInLast90Days: figures.lapsesInLast90Days,
    fastTracks: row.fast_tracks,
    orderEndsOn: row.order_ends_on,
    nextReviewDue: row.next_review_due,
    version: row.version,
  };
}
