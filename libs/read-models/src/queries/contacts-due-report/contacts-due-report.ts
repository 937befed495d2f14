import { addDays, policyForArea, type IsoDate, type SchemePolicies } from '@ppo/domain';
import type { ReadModelStore } from '../../store/read-model-store.port';
import { journeyFigures } from '../../projections/offender-journey/journey-figures';
import { supervisedOffenders } from '../caseloads-report/caseloads-report';
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

/** Contacts due by a week from `today` (overdue ones first), optionally for one officer, in some areas or (undefined) every area. */
export async function contactsDueReport(
  store: ReadModelStore,
  today: IsoDate,
  policies: SchemePolicies,
  filter: { areas?: string[]; officer?: string; includeRestricted?: boolean } = {},
): Promise<{ contacts: ContactDue[]; asOf: IsoDate }> {
  const horizon = addDays(today, 7);
  const contacts = (await supervisedOffenders(store, filter.areas, filter.includeRestricted))
    .filter((row) => !filter.officer || row.probation_officer === filter.officer || row.police_officer === filter.officer)
    .flatMap((row): ContactDue[] => {
      const { nextContactDue } = journeyFigures(row, today, policyForArea(policies, row.area));
      if (nextContactDue === null || nextContactDue > horizon) return [];
      return [
        {
          offenderId: row.offender_id,
          crn: row.crn,
          givenName: row.given_name,
          familyName: row.family_name,
          area: row.area,
          probationOfficer: row.probation_officer,
          policeOfficer: row.police_officer,
          contactsPerWeek: row.contacts_per_week,
          lastContactOn: row.last_contact_on,
          dueOn: nextContactDue,
          overdue: nextContactDue < today,
        },
      ];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.familyName.localeCompare(b.familyName));
  return { contacts, asOf: today };
}

/** The report as GET answers it. */
export type ContactsDueReport = { contacts: ContactDue[]; asOf: string };

/** The report as CSV (`?format=csv`), for the API and the pages alike. */
export const CONTACTS_DUE_CSV: CsvSpec<ContactsDueReport> = {
  filename: 'contacts-due.csv',
  columns: ['asOf', 'offenderId', 'crn', 'givenName', 'familyName', 'area', 'probationOfficer', 'policeOfficer', 'contactsPerWeek', 'lastContactOn', 'dueOn', 'overdue'],
  toRows: ({ contacts, asOf }) => contacts.map((c) => ({ asOf, ...c })),
};
