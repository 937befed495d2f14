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

/** Works out a journey row's time-based figures for `today`, with the domain's own intensity rule. */
export function journeyFigures(row: OffenderJourneyRow, today: IsoDate, policy: SchemePolicy): JourneyFigures {
  const { state } = row;
  const attendedSince = (days: number) =>
    state.contacts.filter((c) => c.outcome === 'attended' && c.contactOn > addDays(today, -days) && c.contactOn <= today).length;
  const perWeek = state.onScheme && !state.custody ? state.contactsPerWeek : 0;
  const { escalated } = supervisionIntensity(
    { contactsPerWeek: state.contactsPerWeek, inCustody: !!state.custody, lastLapseOn: row.last_lapse_on ?? undefined },
    today,
    policy.escalationDays,
  );
  const since = row.last_contact_on ?? row.adopted_on;
  return {
    escalated: state.onScheme && escalated,
    contactsDelivered7Days: attendedSince(7),
    contactsRequired7Days: contactsRequired(row.required_contacts, today, 7),
    contactsDelivered28Days: attendedSince(28),
    contactsRequired28Days: contactsRequired(row.required_contacts, today, 28),
    lapsesInLast90Days: state.lapses.filter((l) => l.occurredOn > addDays(today, -90) && l.occurredOn <= today).length,
    nextContactDue: perWeek > 0 && since ? addDays(since, Math.max(1, Math.floor(7 / perWeek))) : null,
  };
}
