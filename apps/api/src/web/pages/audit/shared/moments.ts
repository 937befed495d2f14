import type { FieldError } from '@ppo/auth';
import { dateInputItems, datePartsOf, parseDateParts, partsOfIsoDate, type DateParts } from '../../../shared/govuk-date';
import { formatDate, formatDateTime } from '../../../shared/format';
import { isRealDate } from '../../../shared/real-date';
import { endOfLondonDay, londonInstant, londonWallClock } from './london-time';

/** A query string as Express parses it. */
export type Query = Record<string, unknown>;

const text = (query: Query, name: string): string => {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
};

/** Whether the query names a GOV.UK date input's boxes at all (`name-day`, `name-month`, `name-year`), even empty. */
const hasParts = (query: Query, name: string) => ['day', 'month', 'year'].some((p) => `${name}-${p}` in query);

/** Whether any of these fields was sent: a date input's boxes, or the field itself. */
export const sent = (query: Query, names: string[]) => names.some((n) => n in query || hasParts(query, n));

/** The box of a date input an error is about: the first one left empty, or the day. */
export const boxOf = (name: string, parts: Partial<DateParts>) => `${name}-${(['day', 'month', 'year'] as const).find((p) => !parts[p]) ?? 'day'}`;

/** A date read from the query: its ISO value, what to show in the boxes, or why it is wrong. */
export interface DateField {
  value?: string;
  parts: Partial<DateParts>;
  error?: FieldError;
}

/**
 * A date from a GOV.UK date input (`name-day`, `name-month`, `name-year`), or
 * from `name=YYYY-MM-DD` in a link; the boxes win when both are there. `label`
 * starts the GOV.UK error messages ("Start date must be a real date").
 */
export function readDate(query: Query, name: string, label: string): DateField {
  if (hasParts(query, name)) {
    const parts = datePartsOf(query as Record<string, unknown>, name);
    const parsed = parseDateParts(parts, label);
    if ('error' in parsed) return { parts, error: { field: boxOf(name, parts), text: parsed.error } };
    return { parts, value: 'value' in parsed ? parsed.value : undefined };
  }
  const iso = text(query, name);
  if (!iso) return { parts: {} };
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && isRealDate(iso)) return { parts: partsOfIsoDate(iso), value: iso };
  return { parts: {}, error: { field: `${name}-day`, text: `${label} must be a real date` } };
}

/**
 * A time of day as people write it (9:30am, 14:05, 2pm, 14:05:30, midday) as
 * `HH:MM:SS.sss`, filled to the end of what was given: 14:05 is up to the end
 * of that minute, so "as known at 14:05" includes what was entered during it.
 */
export function parseTime(value: string): { value: string } | { error: true } | { empty: true } {
  const given = value.trim().toLowerCase().replace(/\s+/g, '');
  if (!given) return { empty: true };
  if (given === 'midday' || given === 'noon') return { value: '12:00:59.999' };
  const match = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(am|pm)?$/.exec(given);
  if (!match) return { error: true };
  const [, h, m, s, ms, half] = match;
  let hour = Number(h);
  if (half) {
    if (hour < 1 || hour > 12) return { error: true };
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (m === undefined || hour > 23) {
    return { error: true };
  }
  if (Number(m ?? 0) > 59 || Number(s ?? 0) > 59) return { error: true };
  // "2pm" is 2:00pm; what is left out runs to its end: 14:05 → 14:05:59.999, 14:05:30 → 14:05:30.999.
  const seconds = s ?? '59';
  const millis = s === undefined || ms === undefined ? '999' : ms.padEnd(3, '0');
  return { value: `${String(hour).padStart(2, '0')}:${m ?? '00'}:${seconds}.${millis}` };
}

/** The time box's text for a London time of day: as short as it can be without changing the moment. */
export function timeText(time: string): string {
  if (time === '23:59:59.999') return '';
  if (time.endsWith(':59.999')) return time.slice(0, 5);
  if (time.endsWith('.999')) return time.slice(0, 8);
  return time;
}

/** A moment read from the query: the UTC instant, what to show in its boxes, and what is wrong with it. */
export interface MomentField {
  value?: string;
  parts: Partial<DateParts>;
  time: string;
  errors: FieldError[];
}

/**
 * A moment from a date input (`name-day`...) and a time box (`timeName`) on
 * the London clock, or from `name=` in a link (an ISO 8601 instant, or a date
 * meaning the end of that day in London). A date alone means the end of that day.
 */
export function readMoment(query: Query, name: string, timeName: string, labels: { date: string; time: string }): MomentField {
  if (!hasParts(query, name) && !(timeName in query)) {
    const iso = text(query, name);
    if (!iso) return { parts: {}, time: '', errors: [] };
    const instant = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.exec(iso);
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && isRealDate(iso)) return { value: endOfLondonDay(iso), parts: partsOfIsoDate(iso), time: '', errors: [] };
    if (instant && isRealDate(instant[1]) && !Number.isNaN(Date.parse(iso))) {
      const value = new Date(iso).toISOString();
      const clock = londonWallClock(value);
      return { value, parts: partsOfIsoDate(clock.date), time: timeText(clock.time), errors: [] };
    }
    return { parts: {}, time: '', errors: [{ field: `${name}-day`, text: `${labels.date} must be a real date` }] };
  }
  const date = readDate(query, name, labels.date);
  const time = text(query, timeName);
  const parsedTime = parseTime(time);
  const errors: FieldError[] = [];
  if (date.error) errors.push(date.error);
  if ('error' in parsedTime) errors.push({ field: timeName, text: `${labels.time} must be a real time, like 9:30am or 14:05` });
  else if ('value' in parsedTime && !date.value && !date.error) errors.push({ field: `${name}-day`, text: `Enter the ${labels.date.charAt(0).toLowerCase()}${labels.date.slice(1)} as well as the time` });
  if (errors.length || !date.value) return { parts: date.parts, time, errors };
  const value = 'value' in parsedTime ? londonInstant(date.value, parsedTime.value) : endOfLondonDay(date.value);
  return { value, parts: date.parts, time, errors };
}

/** A GOV.UK date input's parameters, with its legend, hint and error. */
export function dateInputParams(name: string, legendHtml: string, hint: string, field: { parts: Partial<DateParts> }, errors: FieldError[]) {
  const error = errors.find((e) => e.field.startsWith(`${name}-`));
  return {
    id: name,
    namePrefix: name,
    fieldset: { legend: { html: legendHtml, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: hint },
    errorMessage: error ? { text: error.text } : undefined,
    items: dateInputItems(name, field.parts, !!error),
  };
}

/** A moment as an auditor reads it: "1 July 2026 at 9:00am", to the second when it is not on a minute. */
export function formatMoment(iso: string): string {
  const { date, time } = londonWallClock(iso);
  if (time === '23:59:59.999') return `the end of ${formatDate(date)}`;
  const shown = formatDateTime(iso);
  const seconds = time.slice(6, 8);
  if (time.endsWith(':59.999') || time.endsWith(':00.000')) return shown;
  return shown.replace(/(\d+:\d{2})(am|pm)$/, `$1:${seconds}$2`);
}
