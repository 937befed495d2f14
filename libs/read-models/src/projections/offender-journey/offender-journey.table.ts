import type { OffenderState } from '@ppo/domain';
import type { TableSpec } from '../../store/table-spec';

/** From when a number of contacts a week was required (0 while not on the scheme or in custody). */
export interface RequiredContactsFrom {
  from: string;
  contactsPerWeek: number;
}

/** One row per offender: what case workers' lists filter and sort on, and the facts time-based figures come from. */
export interface OffenderJourneyRow {
  [column: string]: unknown;
  offender_id: string;
  crn: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  area: string;
  registered_on: string;
  status: string;
  current_strand: string | null;
  active_strands: string[];
  contacts_per_week: number;
  /** Intensity from the required frequency and custody; escalation depends on today and is worked out on read. */
  intensity: string | null;
  probation_officer: string | null;
  police_officer: string | null;
  adopted_on: string | null;
  last_contact_on: string | null;
  last_lapse_on: string | null;
  fast_tracks: number;
  order_ends_on: string | null;
  next_review_due: string | null;
  /** Processing restricted: hidden from all but auditors and the DPO. */
  restricted: boolean;
  /** When the offender was deselected, while they are (null on the scheme or never adopted): the retention clock's start. */
  deselected_on: string | null;
  /** Since when a legal hold has kept the record from erasure and retention review; null without one. Its reason is personal data and stays in the log. */
  legal_hold_since: string | null;
  /** When the offender's personal data was erased; null while it is held. */
  erased_on: string | null;
  version: number;
  last_event_at: string;
  required_contacts: RequiredContactsFrom[];
  /**
   * When the next contact is due at the required frequency (the last contact, or adoption, and a week's share);
   * null when none is required. It depends on no date but the journey's own, so reports filter and sort on it.
   */
  next_contact_due: string | null;
  /**
   * Attended contacts of the five weeks to the latest, a day each, oldest first, `*n` after a day with more than one
   * ("2026-11-02,2026-11-04*2"): today's delivered counts come from these. Short text, not a JSON list: a report
   * reads it for thousands of offenders, and an index can carry it.
   */
  attended_contacts: string;
  /** The days of every lapse, oldest first: the lapses of the last 90 days come from these. */
  lapse_dates: string[];
  /** The folded journey the next event is applied to; queries read the columns above instead. */
  state: OffenderState;
}

export const OFFENDER_JOURNEY_TABLE: TableSpec = {
  name: 'offender_journey',
  key: 'offender_id',
  columns: {
    offender_id: 'text',
    crn: 'text',
    given_name: 'text',
    family_name: 'text',
    date_of_birth: 'text',
    area: 'text',
    registered_on: 'text',
    status: 'text',
    current_strand: 'text',
    active_strands: 'json',
    contacts_per_week: 'real',
    intensity: 'text',
    probation_officer: 'text',
    police_officer: 'text',
    adopted_on: 'text',
    last_contact_on: 'text',
    last_lapse_on: 'text',
    fast_tracks: 'integer',
    order_ends_on: 'text',
    next_review_due: 'text',
    restricted: 'boolean',
    deselected_on: 'text',
    legal_hold_since: 'text',
    erased_on: 'text',
    version: 'integer',
    last_event_at: 'text',
    required_contacts: 'json',
    next_contact_due: 'text',
    attended_contacts: 'text',
    lapse_dates: 'json',
    // Last: a row's other columns are read without going past it.
    state: 'json',
  },
  indexes: [
    'status',
    'intensity',
    'probation_officer',
    'police_officer',
    'crn',
    'family_name',
    'deselected_on',
    // The offender list: an area's page by name, counted and searched (by CRN or name) from the index alone.
    { name: 'area_name', columns: ['area', 'restricted', 'family_name', 'given_name', 'offender_id'], include: ['crn'] },
    // An area's strand, latest contact first or last.
    { name: 'area_strand', columns: ['area', 'status', 'current_strand', 'restricted', 'last_contact_on', 'offender_id'] },
    // Every area by next review, any page.
    { name: 'review', columns: ['restricted', 'next_review_due', 'offender_id'] },
    // Contacts due: an area's offenders by when their next contact is due, with what the report shows.
    {
      name: 'contact_due',
      columns: ['restricted', 'area', 'next_contact_due', 'offender_id'],
      include: ['status', 'family_name', 'given_name', 'crn', 'probation_officer', 'police_officer', 'contacts_per_week', 'last_contact_on'],
    },
    // Caseloads: an area's offenders in the order they are counted in, with what is counted.
    {
      name: 'caseload',
      columns: ['restricted', 'area', 'offender_id'],
      include: ['status', 'probation_officer', 'police_officer', 'contacts_per_week', 'next_contact_due', 'attended_contacts'],
    },
  ],
};
