import type { IsoDate } from '@ppo/domain';

/** The time source handlers pass to the decider, so tests can fix "today". */
export interface Clock {
  now(): Date;
  /** Today's date where the scheme operates (Europe/London by default), `YYYY-MM-DD`. */
  today(): IsoDate;
}

export const CLOCK = Symbol('CLOCK');

/** The system clock, reading dates in a time zone: a contact at 00:30 in London is on that London day. */
export function systemClock(timeZone = 'Europe/London'): Clock {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return {
    now: () => new Date(),
    today: () => format.format(new Date()),
  };
}

/** A clock stopped at one instant, for tests. */
export function fixedClock(instant: string, timeZone = 'Europe/London'): Clock {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return { now: () => new Date(instant), today: () => format.format(new Date(instant)) };
}
