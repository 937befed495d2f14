import { addDays, mondayOf, type IsoDate, type SchemePolicies } from '@ppo/domain';
import { attendedWithin } from '../../projections/offender-journey/journey-figures';
import { OFFENDER_JOURNEY_TABLE, type OffenderJourneyRow } from '../../projections/offender-journey/offender-journey.table';
import type { ReadModelStore } from '../../store/read-model-store.port';
import type { Condition } from '../../store/table-spec';
import type { CsvSpec } from '../../http/csv-export';

/** One officer's caseload this week. */
export interface Caseload {
  officer: string;
  role: 'probation' | 'police';
  offenders: number;
  inCustody: number;
  /** Contacts required from Monday to Sunday of this week, at each offender's frequency. */
  contactsRequiredThisWeek: number;
  /** Attended contacts from Monday to today. */
  contactsDeliveredThisWeek: number;
  /** Offenders whose next contact was due before today. */
  overdue: number;
}


/** The statuses of supervised offenders: on the scheme, in custody or not. */
export const SUPERVISED_STATUSES = ['on-scheme', 'in-custody'];

/** The columns a caseload is counted from. */
const CASELOAD_COLUMNS = ['probation_officer', 'police_officer', 'status', 'contacts_per_week', 'next_contact_due', 'attended_contacts'] as const;

type CaseloadRow = Pick<OffenderJourneyRow, (typeof CASELOAD_COLUMNS)[number]>;

/** Who of the supervised offenders (on the scheme or in custody) a report covers: some areas or (undefined) every area, and restricted records or not. */
export function supervisedWhere(areas?: string[], includeRestricted = false): Condition[] {
  const where: Condition[] = [{ column: 'status', op: 'in', value: SUPERVISED_STATUSES }];
  if (areas) where.push({ column: 'area', op: 'in', value: areas });
  if (!includeRestricted) where.push({ column: 'restricted', op: '=', value: false });
  return where;
}

/** Caseloads per probation officer and per police officer for the week containing `today`. */
export async function caseloadsReport(
  store: ReadModelStore,
  today: IsoDate,
  /** Unused: caseload figures depend on no area's policy; taken so every report is called alike. */
  _policies: SchemePolicies,
  /** Only these areas; undefined for every area. */
  areas?: string[],
  /** Whether records whose processing is restricted are counted (for auditors and the DPO only). */
  includeRestricted = false,
): Promise<{ caseloads: Caseload[]; weekStarting: IsoDate; asOf: IsoDate }> {
  const monday = mondayOf(today);
  const sunday = addDays(monday, -1);
  // A map per role, keyed by the officer as given: no key to build for each of thousands of rows.
  const byRole = { probation: new Map<string, Caseload>(), police: new Map<string, Caseload>() };
  const { rows } = await store.select(OFFENDER_JOURNEY_TABLE, { columns: [...CASELOAD_COLUMNS], where: supervisedWhere(areas, includeRestricted) });
  for (const row of rows as CaseloadRow[]) {
    const inCustody = row.status === 'in-custody';
    const delivered = attendedWithin(row.attended_contacts, sunday, today);
    const required = inCustody ? 0 : row.contacts_per_week;
    const overdue = row.next_contact_due !== null && row.next_contact_due < today;
    for (const [role, officer] of [['probation', row.probation_officer], ['police', row.police_officer]] as const) {
      if (!officer) continue;
      let load = byRole[role].get(officer);
      if (!load) byRole[role].set(officer, (load = { officer, role, offenders: 0, inCustody: 0, contactsRequiredThisWeek: 0, contactsDeliveredThisWeek: 0, overdue: 0 }));
      load.offenders++;
      if (inCustody) load.inCustody++;
      load.contactsRequiredThisWeek = Math.round((load.contactsRequiredThisWeek + required) * 100) / 100;
      load.contactsDeliveredThisWeek += delivered;
      if (overdue) load.overdue++;
    }
  }
  const caseloads = [...byRole.probation.values(), ...byRole.police.values()].sort((a, b) => a.role.localeCompare(b.role) || a.officer.localeCompare(b.officer));
  return { caseloads, weekStarting: monday, asOf: today };
}

/** The report as GET answers it. */
export type CaseloadsReport = { caseloads: Caseload[]; weekStarting: string; asOf: string };

/** The report as CSV (`?format=csv`), for the API and the pages alike. */
export const CASELOADS_CSV: CsvSpec<CaseloadsReport> = {
  filename: 'caseloads.csv',
  columns: ['weekStarting', 'officer', 'role', 'offenders', 'inCustody', 'contactsRequiredThisWeek', 'contactsDeliveredThisWeek', 'overdue'],
  toRows: ({ caseloads, weekStarting }) => caseloads.map((c) => ({ weekStarting, ...c })),
};
