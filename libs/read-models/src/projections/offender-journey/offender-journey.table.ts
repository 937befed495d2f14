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
    state: 'json',
  },
  indexes: ['area', 'status', 'current_strand', 'intensity', 'probation_officer', 'police_officer', 'crn', 'family_name', 'deselected_on'],
};
