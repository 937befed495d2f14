import { addDays, daysBetween, supervisionIntensity, type IsoDate, type SchemePolicy } from '@ppo/domain';
import type { OffenderJourneyRow, RequiredContactsFrom } from './offender-journey.table';

/** The parts of a journey that depend on the day it is read. */
export interface JourneyFigures {
  escalated: boolean;
  contactsDelivered7Days: number;
  contactsRequired7Days: number;
  contactsDelivered28Days: number;
  contactsRequired28Days: number;
  lapsesInLast90Days: number;
  /** When the next contact is due at the required frequency; null when none is required. */
  nextContactDue: IsoDate | null;
}

/**
 * Contacts required from `first` to `last` (both included), at a number a week that
 * changes in steps (each in force from its date until the next). Worked out per step,
 * not per day. Not rounded: callers round what they show.
 */
export function contactsRequiredBetween(steps: readonly { from: IsoDate; contactsPerWeek: number }[], first: IsoDate, last: IsoDate): number {
  let total = 0;
  steps.forEach((step, i) => {
    const next = steps[i + 1];
    const start = step.from > first ? step.from : first;
    const end = next && addDays(next.from, -1) < last ? addDays(next.from, -1) : last;
    if (start <= end) total += (step.contactsPerWeek * (daysBetween(start, end) + 1)) / 7;
  });
  return total;
}

/** Contacts required over the `days` days ending on `today`, to one decimal place. */
export function contactsRequired(history: RequiredContactsFrom[], today: IsoDate, days: number): number {
  return Math.round(contactsRequiredBetween(history, addDays(today, -(days - 1)), today) * 10) / 10;
}

/** The columns of a journey row its time-based figures come from (not the folded state: it is large, and not needed). */
export const FIGURE_COLUMNS = ['status', 'contacts_per_week', 'last_lapse_on', 'required_contacts', 'next_contact_due', 'attended_contacts', 'lapse_dates'] as const;

/** The part of a journey row its figures are worked out from. */
export type JourneyFigureFacts = Pick<OffenderJourneyRow, (typeof FIGURE_COLUMNS)[number]>;

/**
 * How many attended contacts, as offender_journey keeps them ("2026-11-02,2026-11-04*2"), fall after `after` and on or
 * before `until`. Read from the newest back, and only as far as `after`.
 */
export function attendedWithin(days: string, after: IsoDate, until: IsoDate): number {
  let count = 0;
  for (let end = days.length; end > 0; ) {
    const start = days.lastIndexOf(',', end - 1) + 1;
    const day = days.slice(start, start + 10);
    if (day <= after) break;
    if (day <= until) count += start + 10 < end ? Number(days.slice(start + 11, end)) : 1;
    end = start - 1;
  }
  return count;
}

/** How many of the days fall after `after` and on or before `until`. */
function daysWithin(days: readonly string[], after: IsoDate, until: IsoDate): number {
  let count = 0;
  for (const day of days) if (day > after && day <= until) count++;
  return count;
}

/** Works out a journey row's time-based figures for `today`, with the domain's own intensity rule. */
export function journeyFigures(row: JourneyFigureFacts, today: IsoDate, policy: SchemePolicy): JourneyFigures {
  // On the scheme, in custody or not: the state's onScheme, as the row's status tells it.
  const onScheme = row.status === 'on-scheme' || row.status === 'in-custody';
  const { escalated } = supervisionIntensity(
    { contactsPerWeek: row.contacts_per_week, inCustody: row.status === 'in-custody', lastLapseOn: row.last_lapse_on ?? undefined },
    today,
    policy.escalationDays,
  );
  return {
    escalated: onScheme && escalated,
    contactsDelivered7Days: attendedWithin(row.attended_contacts, addDays(today, -7), today),
    contactsRequired7Days: contactsRequired(row.required_contacts, today, 7),
    contactsDelivered28Days: attendedWithin(row.attended_contacts, addDays(today, -28), today),
    contactsRequired28Days: contactsRequired(row.required_contacts, today, 28),
    lapsesInLast90Days: daysWithin(row.lapse_dates, addDays(today, -90), today),
    nextContactDue: row.next_contact_due,
  };
}
