import { addDays, type IsoDate } from '../shared/dates';
import type { Intensity } from '../shared/vocabulary';

/** What supervision intensity is derived from. */
export interface IntensityInputs {
  contactsPerWeek: number;
  inCustody: boolean;
  lastLapseOn?: IsoDate;
}

/** A named level of supervision, and whether a recent lapse escalated it. */
export interface SupervisionIntensity {
  level: Intensity;
  /** True when a lapse happened within the escalation window (28 days by default). */
  escalated: boolean;
}

/** The named level for a number of required contacts a week. */
export function intensityLevel(contactsPerWeek: number, inCustody: boolean): Intensity {
  if (inCustody) return 'custody';
  if (contactsPerWeek >= 4) return 'intensive';
  if (contactsPerWeek >= 3) return 'high';
  if (contactsPerWeek >= 2) return 'medium';
  if (contactsPerWeek >= 1) return 'standard';
  return 'low';
}

/**
 * Supervision intensity on a date: Custody, Intensive (4+ a week), High (3),
 * Medium (2), Standard (1) or Low (below 1), escalated after a recent lapse.
 */
export function supervisionIntensity(inputs: IntensityInputs, asOf: IsoDate, escalationDays: number): SupervisionIntensity {
  const escalated =
    inputs.lastLapseOn !== undefined &&
    inputs.lastLapseOn <= asOf &&
    inputs.lastLapseOn > addDays(asOf, -escalationDays);
  return { level: intensityLevel(inputs.contactsPerWeek, inputs.inCustody), escalated };
}
