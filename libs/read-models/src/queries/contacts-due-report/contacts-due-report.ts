import { addDays, type IsoDate, type SchemePolicies } from '@ppo/domain';
import { OFFENDER_JOURNEY_TABLE, type OffenderJourneyRow } from '../../projections/offender-journey/offender-journey.table';
import type { ReadModelStore } from '../../store/read-model-store.port';
import { supervisedWhere } from '../caseloads-report/caseloads-report';
import type { CsvSpec } from '../../http/csv-export';

/** An offender whose next contact is due within the coming week, or overdue. */
export interface ContactDue {
  offenderId: string;
  crn: string;
  givenName: string;
  familyName: string;
  area: string;
  probationOfficer: string | null;
  policeOfficer: string | null;
  contactsPerWeek: number;
  lastContactOn: string | null;
  dueOn: IsoDate;
  overdue: boolean;
}

/** The columns an entry is made of. */
const CONTACT_DUE_COLUMNS = [
  'offender_id',
  'crn',
  'given_name',
  'family_name',
  'area',
  'probation_officer',
  'police_officer',
  'contacts_per_week',
  'last_contact_on',
  'next_contact_due',
] as const;

type ContactDueRow = Pick<OffenderJourneyRow, (typeof CONTACT_DUE_COLUMNS)[number]> & { next_contact_due: string };

/**
 * Contacts due by a week from `today` (overdue ones first), optionally for one officer, in some areas or (undefined) every area.
 * When a contact is due is a column of the journey (it depends on no date but the journey's), so the store finds them.
 */
export async function contactsDueReport(
  store: ReadModelStore,
  today: IsoDate,
  /** Unused: when a contact is due depends on no area's policy; taken so every report is called alike. */
  _policies: SchemePolicies,
  filter: { areas?: string[]; officer?: string; includeRestricted?: boolean } = {},
): Promise<{ contacts: ContactDue[]; asOf: IsoDate }> {
  const where = supervisedWhere(filter.areas, filter.includeRestricted);
  where.push({ column: 'next_contact_due', op: '<=', value: addDays(today, 7) });
  if (filter.officer) {
    where.push({ anyOf: [{ column: 'probation_officer', op: '=', value: filter.officer }, { column: 'police_officer', op: '=', value: filter.officer }] });
  }
  // In the order of the store's index, by day: the sort below, by name as people read it, has little left to move.
  const { rows } = await store.select(OFFENDER_JOURNEY_TABLE, {
    columns: [...CONTACT_DUE_COLUMNS],
    where,
    orderBy: [{ column: 'next_contact_due', direction: 'asc' }],
  });
  const contacts = (rows as ContactDueRow[])
    .map(
      (row): ContactDue => ({
        offenderId: row.offender_id,
        crn: row.crn,
        givenName: row.given_name,
        familyName: row.family_name,
        area: row.area,
        probationOfficer: row.probation_officer,
        policeOfficer: row.police_officer,
        contactsPerWeek: row.contacts_per_week,
        lastContactOn: row.last_contact_on,
        dueOn: row.next_contact_due,
        overdue: row.next_contact_due < today,
      }),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.familyName.localeCompare(b.familyName) || byteOrder(a.offenderId, b.offenderId));
  return { contacts, asOf: today };
}

/** Offenders tied on day and name come in the order of their ids, as the store lists rows by key. */
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The report as GET answers it. */
export type ContactsDueReport = { contacts: ContactDue[]; asOf: string };

/** The report as CSV (`?format=csv`), for the API and the pages alike. */
export const CONTACTS_DUE_CSV: CsvSpec<ContactsDueReport> = {
  filename: 'contacts-due.csv',
  columns: ['asOf', 'offenderId', 'crn', 'givenName', 'familyName', 'area', 'probationOfficer', 'policeOfficer', 'contactsPerWeek', 'lastContactOn', 'dueOn', 'overdue'],
  toRows: ({ contacts, asOf }) => contacts.map((c) => ({ asOf, ...c })),
};
