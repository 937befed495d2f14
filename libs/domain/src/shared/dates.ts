/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates. Dates are compared as
 * strings (the ISO form sorts chronologically) and computed in UTC, so no
 * time zone or clock leaks into the domain.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, ISO 8601 in UTC, e.g. `2026-11-22T18:06:24.000Z`. */
export type IsoTimestamp = string;

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Adds calendar months, clamping to the last day of a shorter month (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return fromUtc(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / DAY_MS);
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The later of two optional dates. */
export function latest(...dates: (IsoDate | undefined)[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>((max, d) => (d !== undefined && (max === undefined || d > max) ? d : max), undefined);
}

/** The Monday of the week a date falls in (weeks run Monday to Sunday). */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
