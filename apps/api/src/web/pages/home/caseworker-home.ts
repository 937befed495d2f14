import type { Principal } from '@ppo/auth';
import { addDays, type IsoDate, type SchemePolicies } from '@ppo/domain';
import { contactsDueReport, listOffenders, OFFENDER_JOURNEY_TABLE, type Condition, type ContactDue, type OffenderListItem, type OffenderJourneyRow, type ReadModelStore } from '@ppo/read-models';

/** How many days back "recent" lapses go, today included. */
export const RECENT_LAPSE_DAYS = 14;

/** What a case worker's home page shows. */
export interface CaseworkerHome {
  /** True when the offenders are those the user supervises; false when, supervising none, they are their areas' offenders. */
  named: boolean;
  offenders: OffenderListItem[];
  /** How many there are in all (the list may be cut short). */
  total: number;
  contacts: { overdue: ContactDue[]; today: ContactDue[]; thisWeek: ContactDue[] };
  lapses: { offenderId: string; name: string; crn: string; lastLapseOn: string }[];
  lapsesSince: IsoDate;
}

const SUPERVISED = ['on-scheme', 'in-custody'] as const;
const LIMIT = 50;

/**
 * The offenders a case worker supervises (those whose team names them, by
 * their display name), or, when no team names them, the supervised offenders
 * of their areas; with their contacts due and lapses of the last two weeks.
 */
export async function caseworkerHome(store: ReadModelStore, principal: Principal, areas: string[] | undefined, today: IsoDate, policies: SchemePolicies): Promise<CaseworkerHome> {
  const supervised = async (officer?: string) => {
    const pages = await Promise.all(SUPERVISED.map((status) => listOffenders(store, { areas, officer, status, sort: 'name', pageSize: LIMIT }, today, policies)));
    const items = pages.flatMap((p) => p.items).sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName));
    return { items: items.slice(0, LIMIT), total: pages.reduce((t, p) => t + p.total, 0) };
  };
  let mine = await supervised(principal.displayName);
  const named = mine.total > 0;
  if (!named) mine = await supervised();

  const officer = named ? principal.displayName : undefined;
  const { contacts } = await contactsDueReport(store, today, policies, { areas, officer });
  const lapsesSince = addDays(today, -(RECENT_LAPSE_DAYS - 1));
  const where: Condition[] = [
    { column: 'last_lapse_on', op: '>=', value: lapsesSince },
    { column: 'last_lapse_on', op: '<=', value: today },
  ];
  if (areas) where.push({ column: 'area', op: 'in', value: areas });
  if (officer) where.push({ anyOf: [{ column: 'probation_officer', op: '=', value: officer }, { column: 'police_officer', op: '=', value: officer }] });
  const { rows } = await store.select(OFFENDER_JOURNEY_TABLE, { where, orderBy: [{ column: 'last_lapse_on', direction: 'desc' }, { column: 'family_name', direction: 'asc' }], limit: LIMIT });

  return {
    named,
    offenders: mine.items,
    total: mine.total,
    contacts: {
      overdue: contacts.filter((c) => c.dueOn < today),
      today: contacts.filter((c) => c.dueOn === today),
      thisWeek: contacts.filter((c) => c.dueOn > today),
    },
    lapses: (rows as OffenderJourneyRow[]).map((r) => ({ offenderId: r.offender_id, name: `${r.given_name} ${r.family_name}`, crn: r.crn, lastLapseOn: r.last_lapse_on! })),
    lapsesSince,
  };
}
