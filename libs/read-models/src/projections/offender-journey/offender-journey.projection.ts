import { addDays, intensityLevel, latest, offenderStatus, type OffenderState } from '@ppo/domain';
import type { Projection, ProjectedEvent } from '../../projection';
import { evolveCompact, RECENT_CONTACT_DAYS } from '../shared/compact-offender-state';
import { OFFENDER_JOURNEY_TABLE, type OffenderJourneyRow, type RequiredContactsFrom } from './offender-journey.table';

/** Entries of required contacts older than this before the newest are dropped, keeping the one then in force. */
const REQUIRED_HISTORY_DAYS = RECENT_CONTACT_DAYS + 7;

function openOrderEnds(state: OffenderState): string[] {
  return Object.values(state.communityOrders).filter((o) => !o.endedOn).map((o) => o.endsOn);
}

/** Contacts a week required now: none while off the scheme or in custody. */
function requiredNow(state: OffenderState): number {
  return state.onScheme && !state.custody ? state.contactsPerWeek : 0;
}

/** Adds a change of required contacts, keeping only what a report of the last four weeks can need. */
function withRequiredFrom(history: RequiredContactsFrom[], from: string, contactsPerWeek: number): RequiredContactsFrom[] {
  const last = history.at(-1);
  if (last && last.contactsPerWeek === contactsPerWeek) return history;
  const next = [...history.filter((h) => h.from < from), { from, contactsPerWeek }].sort((a, b) => (a.from < b.from ? -1 : 1));
  const cutoff = addDays(next.at(-1)!.from, -REQUIRED_HISTORY_DAYS);
  const inForceAtCutoff = next.filter((h) => h.from <= cutoff).at(-1);
  return next.filter((h) => h.from > cutoff || h === inForceAtCutoff);
}

/** When the next contact is due at the frequency required now, from the last contact or else adoption; null when none is required. */
export function nextContactDue(requiredPerWeek: number, since: string | null): string | null {
  return requiredPerWeek > 0 && since ? addDays(since, Math.max(1, Math.floor(7 / requiredPerWeek))) : null;
}

const sortedDays = (days: string[]) => days.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The attended contacts' days as offender_journey keeps them: those of the five weeks to the latest (no figure looks
 * back further than four weeks from today, and no contact is dated after the day it is recorded), a day each with
 * how many. Bounded however many contacts, so an index can carry it.
 */
function attendedDays(state: OffenderState): string {
  const days = sortedDays(state.contacts.filter((c) => c.outcome === 'attended').map((c) => c.contactOn));
  if (days.length === 0) return '';
  const from = addDays(days.at(-1)!, -RECENT_CONTACT_DAYS);
  const counts = new Map<string, number>();
  for (const day of days) if (day >= from) counts.set(day, (counts.get(day) ?? 0) + 1);
  return [...counts].map(([day, n]) => (n > 1 ? `${day}*${n}` : day)).join(',');
}

/**
 * offender_journey: one row per offender with status, strands, intensity,
 * team, last contact and lapse, fast-tracks, order end and next review, and
 * what the retention review needs (deselection, legal hold, erasure).
 */
export const offenderJourneyProjection: Projection<OffenderJourneyRow> = {
  name: 'offender_journey',
  version: 6,
  table: OFFENDER_JOURNEY_TABLE,
  keyOf: (e: ProjectedEvent) => e.offenderId,
  evolve(row, e) {
    const state = evolveCompact(row?.state, e.event, ['convictions', 'arrests', 'harmIndicators', 'needs', 'interventions']);
    const status = offenderStatus(state);
    if (status === 'unregistered' || !state.personal) return undefined;
    const occurred = e.metadata.occurredAt.slice(0, 10);
    const lastContactOn = latest(...state.contacts.map((c) => c.contactOn)) ?? row?.last_contact_on ?? null;
    const adoptedOn = state.adoptedOn ?? null;
    return {
      offender_id: e.offenderId,
      crn: state.personal.crn,
      given_name: state.personal.givenName,
      family_name: state.personal.familyName,
      date_of_birth: state.personal.dateOfBirth,
      area: state.area!,
      registered_on: state.registeredOn!,
      status,
      current_strand: state.strands.current ?? null,
      active_strands: state.strands.active,
      contacts_per_week: state.contactsPerWeek,
      intensity: state.onScheme ? intensityLevel(state.contactsPerWeek, !!state.custody) : null,
      probation_officer: state.team?.probationOfficer ?? null,
      police_officer: state.team?.policeOfficer ?? null,
      adopted_on: adoptedOn,
      last_contact_on: lastContactOn,
      last_lapse_on: latest(...state.lapses.map((l) => l.occurredOn)) ?? null,
      fast_tracks: state.fastTracks.length,
      order_ends_on: latest(...openOrderEnds(state)) ?? null,
      next_review_due: state.nextReviewDue ?? null,
      restricted: !!state.restriction,
      deselected_on: status === 'deselected' ? state.deselection!.deselectedOn : null,
      legal_hold_since: state.legalHold?.since ?? null,
      erased_on: state.erased?.erasedOn ?? null,
      version: e.version,
      last_event_at: e.recordedAt,
      required_contacts: withRequiredFrom(row?.required_contacts ?? [], occurred, requiredNow(state)),
      next_contact_due: nextContactDue(requiredNow(state), lastContactOn ?? adoptedOn),
      attended_contacts: attendedDays(state),
      lapse_dates: sortedDays(state.lapses.map((l) => l.occurredOn)),
      state,
    };
  },
};
