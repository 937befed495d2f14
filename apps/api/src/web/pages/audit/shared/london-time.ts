/**
 * Moments as people in England and Wales give them: a date, and maybe a time
 * of day, on London's clock (GMT or BST), turned into the UTC instants the
 * event store and the access log record; and back again, to refill a form.
 */

const LONDON = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** London's wall clock at an instant, to the second. */
function londonClock(ms: number): { date: string; hour: number; minute: number; second: number } {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
}

/** How far London's clock is ahead of UTC at an instant, in milliseconds (0 or an hour). */
function londonOffset(ms: number): number {
  const c = londonClock(ms);
  const wall = Date.parse(`${c.date}T00:00:00Z`) + ((c.hour * 60 + c.minute) * 60 + c.second) * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant (ISO 8601) at which London's clock read `date` and `time`
 * (`HH:MM:SS.sss`, midnight when left out). A reading the clock showed twice
 * (when the clocks go back) is taken in GMT, the later; one it never showed
 * (when they go forward) as the hour after.
 */
export function londonInstant(date: string, time = '00:00:00.000'): string {
  const wall = Date.parse(`${date}T${time}Z`);
  const guess = wall - londonOffset(wall);
  return new Date(wall - londonOffset(guess)).toISOString();
}

/** The last millisecond of a day on London's clock, as a UTC instant. */
export const endOfLondonDay = (date: string) => londonInstant(date, '23:59:59.999');

/** The first millisecond of a day on London's clock, as a UTC instant. */
export const startOfLondonDay = (date: string) => londonInstant(date);

/** The London date and time of day (`HH:MM:SS.sss`) of an instant. */
export function londonWallClock(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  const c = londonClock(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return { date: c.date, time: `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}.${pad(((ms % 1000) + 1000) % 1000, 3)}` };
}
