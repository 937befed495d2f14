import { mondayOf, policyForArea, type IsoDate, type SchemePolicies } from '@ppo/domain';
import { journeyFigures } from '../../projections/offender-journey/journey-figures';
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


/** The supervised offenders (on the scheme or in custody), of some areas or (undefined) of every area. */
export async function supervisedOffenders(store: ReadModelStore, areas?: string[], includeRestricted = false): Promise<OffenderJourneyRow[]> {
  const where: Condition[] = [{ column: 'status', op: 'in', value: ['on-scheme', 'in-custody'] }];
  if (areas) where.push({ column: 'area', op: 'in', value: areas });
  if (!includeRestricted) where.push({ column: 'restricted', op: '=', value: false });
  return (await store.select(OFFENDER_JOURNEY_TABLE, { where })).rows as OffenderJourneyRow[];
}

/** Caseloads per probation officer and per police officer for the week containing `today`. */
export async function caseloadsReport(
  store: ReadModelStore,
  today: IsoDate,
  policies: SchemePolicies,
  /** Only these areas; undefined for every area. */
  areas?: string[],
  /** Whether records whose processing is restricted are counted (for auditors and the DPO only). */
  includeRestricted = false,
): Promise<{ caseloads: Caseload[]; weekStarting: IsoDate; asOf: IsoDate }> {
  const monday = mondayOf(today);
  const byOfficer = new Map<string, Caseload>();
  for (const row of await supervisedOffenders(store, areas, includeRestricted)) {
    const figures = journeyFigures(row, today, policyForArea(policies, row.area));
    const delivered = row.state.contacts.filter((c) => c.outcome === 'attended' && c.contactOn >= monday && c.contactOn <= today).length;
    const required = row.state.custody ? 0 : row.contacts_per_week;
    const overdue = figures.nextContactDue !== null && figures.nextContactDue < today ? 1 : 0;
    for (const [role, officer] of [['probation', row.probation_officer], ['police', row.police_officer]] as const) {
      if (!officer) continue;
      const key = `${role}\n${officer}`;
      const load = byOfficer.get(key) ?? { officer, role, offenders: 0, inCustody: 0, contactsRequiredThisWeek: 0, contactsDeliveredThisWeek: 0, overdue: 0 };
      load.offenders++;
      load.inCustody += row.state.custody ? 1 : 0;
      load.contactsRequiredThisWeek = Math.round((load.contactsRequiredThisWeek + required) * 100) / 100;
      load.contactsDeliveredThisWeek += delivered;
      load.overdue += overdue;
      byOfficer.set(key, load);
    }
  }
  const caseloads = [...byOfficer.values()].sort((a, b) => a.role.localeCompare(b.role) || a.officer.localeCompare(b.officer));
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
