import type { FieldError } from '@ppo/auth';
import { dateInputParams, readDate, readMoment, sent, type Query } from '../shared/moments';

/** One point to replay the record at: what was true on `asAt`, as known at `knownAt` (everything recorded, when absent). */
export interface ReplayPoint {
  asAt: string;
  knownAt?: string;
}

/** The names of one point's fields in the query string. */
const FIELDS = {
  first: { asAt: 'asAt', knownAt: 'knownAt', time: 'knownAtTime', words: 'the first point' },
  second: { asAt: 'compareAsAt', knownAt: 'compareKnownAt', time: 'compareKnownAtTime', words: 'the second point' },
} as const;

type Side = keyof typeof FIELDS;

/** The replay form as read from the query: the points to show, the boxes' contents, and any errors. */
export interface ReplayQuery {
  /** False when nothing was asked yet: the page shows the empty form. */
  asked: boolean;
  first?: ReplayPoint;
  /** Left out when the second point's boxes are all empty: then one point is shown alone. */
  second?: ReplayPoint;
  errors: FieldError[];
  /** The GOV.UK macros' parameters for each point's boxes. */
  form: Record<Side, { asAt: object; knownAt: object; time: object }>;
}

/**
 * Reads the two points of the replay form: each a date (required for the
 * first point; the second point's defaults to the first's when only its
 * moment is given) and an optional moment on the London clock. Links may give
 * `asAt=YYYY-MM-DD` and `knownAt=<ISO instant>` instead of the boxes.
 */
export function readReplayQuery(query: Query): ReplayQuery {
  const errors: FieldError[] = [];
  const read = (side: Side) => {
    const f = FIELDS[side];
    const asAt = readDate(query, f.asAt, `Date for ${f.words}`);
    const knownAt = readMoment(query, f.knownAt, f.time, { date: `Known-at date for ${f.words}`, time: `Known-at time for ${f.words}` });
    return { f, asAt, knownAt, given: !!(asAt.value || knownAt.value) };
  };
  const first = read('first');
  const second = read('second');
  const asked = sent(query, [first.f.asAt, first.f.knownAt, first.f.time, second.f.asAt, second.f.knownAt, second.f.time]);

  if (first.asAt.error) errors.push(first.asAt.error);
  else if (asked && !first.asAt.value) errors.push({ field: `${first.f.asAt}-day`, text: 'Enter the date for the first point' });
  errors.push(...first.knownAt.errors);
  if (second.asAt.error) errors.push(second.asAt.error);
  errors.push(...second.knownAt.errors);

  const form = Object.fromEntries(
    [first, second].map(({ f, asAt, knownAt }, i) => {
      const which = `<span class="govuk-visually-hidden"> (${f.words.replace('the ', '')})</span>`;
      const timeError = errors.find((e) => e.field === f.time);
      return [
        i === 0 ? 'first' : 'second',
        {
          asAt: dateInputParams(
            f.asAt,
            `What was true on${which}`,
            i === 0 ? 'The date to replay the record for. For example, 30 6 2026' : 'Leave blank to use the first point’s date. For example, 30 6 2026',
            asAt,
            errors,
          ),
          knownAt: dateInputParams(f.knownAt, `As known at${which} (optional)`, 'Only what had been recorded by then. Leave blank to include everything recorded so far.', knownAt, errors),
          time: {
            id: f.time,
            name: f.time,
            label: { html: `Time known at${which} (optional)`, classes: 'govuk-label--s' },
            hint: { text: 'London time, for example 9:30am or 14:05. Leave blank for the end of the day.' },
            classes: 'govuk-input--width-10',
            value: knownAt.time,
            spellcheck: false,
            errorMessage: timeError ? { text: timeError.text } : undefined,
          },
        },
      ];
    }),
  ) as ReplayQuery['form'];

  if (errors.length || !first.asAt.value) return { asked, errors, form };
  const point = (asAt: string, knownAt: string | undefined): ReplayPoint => (knownAt ? { asAt, knownAt } : { asAt });
  return {
    asked,
    errors,
    form,
    first: point(first.asAt.value, first.knownAt.value),
    second: second.given ? point(second.asAt.value ?? first.asAt.value, second.knownAt.value) : undefined,
  };
}
