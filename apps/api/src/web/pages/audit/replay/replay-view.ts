import { applyCorrections, isCorrection, occurredOn, upcastOffenderEvent, type OffenderEvent } from '@ppo/domain';
import type { StoredEvent } from '@ppo/event-store';
import type { OffenderStateAtView } from '@ppo/offenders';
import { describeEvent } from '../../../shared/describe-event';
import { formatDate, formatDateTime, perWeek, sentence } from '../../../shared/format';
import { formatMoment } from '../shared/moments';
import type { ReplayPoint } from './replay-query';

/** One point replayed: what was asked, and what the record said. */
export interface ReplayedPoint {
  point: ReplayPoint;
  view: OffenderStateAtView;
  /** Days after a lapse that intensity stays escalated, under the offender's area's policy. */
  escalationDays: number;
}

/** A line of the side-by-side table: one derived value at each point, and whether they differ. */
export interface ComparisonRow {
  key: string;
  values: string[];
  differs: boolean;
}

/** An event named in words, as the provenance lists it. */
export interface EventLine {
  title: string;
  /** The date it happened, in words. */
  on: string;
  detail: string;
  /** When it was entered on the record. */
  recorded: string;
  /** True when the other point does not count this event for the same value. */
  onlyHere: boolean;
}

/** Why one point's record says what it says: the events behind each value, and those entered after its moment. */
export interface SideProvenance {
  heading: string;
  groups: { key: string; events: EventLine[]; emptyText: string }[];
  enteredLater: EventLine[];
}

const NOT_REGISTERED = 'Not registered';

/** "As at 30 June 2026, as known at 1 July 2026 at 9:00am". */
export function describePoint({ point, view }: ReplayedPoint): string {
  const known = point.knownAt ? `as known at ${formatMoment(point.knownAt)}` : `as known now (everything recorded, the latest entry on ${formatDateTime(view.knownAt)})`;
  return `As at ${formatDate(point.asAt)}, ${known}`;
}

/** The derived values compared, in words, for one point. */
function valuesOf({ view, escalationDays }: ReplayedPoint): string[] {
  const s = view.summary;
  if (!view.registered || !s) return Array(8).fill(NOT_REGISTERED);
  const onScheme = s.status === 'on-scheme' || s.status === 'in-custody';
  const contacts = !onScheme ? 'None: not on the scheme' : s.status === 'in-custody' ? `None while in custody (${perWeek(s.contactsPerWeek)} before)` : perWeek(s.contactsPerWeek);
  const intensity = s.intensity
    ? `${sentence(s.intensity.level)}, ${s.intensity.escalated ? `escalated after a lapse in the last ${escalationDays} days` : 'not escalated'}`
    : 'None: not on the scheme';
  const { eligible, score, threshold, windowStart } = s.eligibility;
  return [
    sentence(s.status),
    s.strands.current ? sentence(s.strands.current) : 'None',
    intensity,
    contacts,
    `${eligible ? 'Meets' : 'Does not meet'} the criteria: a score of ${score} against a threshold of ${threshold}, counting from ${formatDate(windowStart)}`,
    String(s.lapsesInLast90Days),
    String(s.fastTracks),
    s.nextReviewDue ? formatDate(s.nextReviewDue) : 'None due',
  ];
}

const KEYS = ['Status', 'Current strand', 'Intensity', 'Contacts a week', 'Eligibility', 'Lapses in the last 90 days', 'Fast-tracks to court', 'Next review due'];

const rowsOf = (keys: string[], columns: string[][]): ComparisonRow[] =>
  keys.map((key, i) => {
    const values = columns.map((c) => c[i]);
    return { key, values, differs: values.length > 1 && values.some((v) => v !== values[0]) };
  });

/** The derived state at each point, row by row, each row marked when the points differ. */
export function comparisonRows(points: ReplayedPoint[]): ComparisonRow[] {
  return rowsOf(KEYS, points.map(valuesOf));
}

/** How many events went into each point, and how many were left out and why. */
export function eventCountRows(points: ReplayedPoint[]): ComparisonRow[] {
  return rowsOf(
    ['Events included', 'Events that happened after the date', 'Events that happened by the date but were entered after the moment'],
    points.map(({ view }) => [view.events.included, view.events.laterThanAsAt, view.events.recordedAfterKnownAt].map(String)),
  );
}

/** What differs between the two points, one sentence each; empty when they agree or there is one point. */
export function differencesOf(rows: ComparisonRow[]): string[] {
  return rows.filter((r) => r.differs).map((r) => `${r.key}: “${r.values[0]}” at the first point, “${r.values[1]}” at the second.`);
}

/** What differs in the derived state: one sentence when the offender was registered at only one of the points. */
export function stateDifferencesOf(points: ReplayedPoint[], rows: ComparisonRow[]): string[] {
  if (points.length < 2) return [];
  const [first, second] = points.map((p) => p.view.registered);
  if (first !== second) {
    return [`The offender ${first ? 'was' : 'was not yet'} registered at the first point and ${second ? 'was' : 'was not yet'} registered at the second, as the record stood at each.`];
  }
  return differencesOf(rows);
}

interface KnownEvent {
  event: OffenderEvent;
  recordedAt: string;
}

/** The stream as it read at a moment (corrections known by then applied), by event id. */
function eventsKnownAt(stored: readonly StoredEvent[], knownAt: string): Map<string, KnownEvent> {
  const known = stored.filter((s) => s.recordedAt <= knownAt).map((s) => ({ eventId: s.eventId, event: upcastOffenderEvent(s), recordedAt: s.recordedAt }));
  return new Map(applyCorrections(known).map((e) => [e.eventId, e]));
}

function lineOf({ event, recordedAt }: KnownEvent, onlyHere: boolean): EventLine {
  const { title, detail } = describeEvent(event);
  return { title: title ?? sentence(event.type), on: formatDate(occurredOn(event)), detail: detail ?? '', recorded: formatDateTime(recordedAt), onlyHere };
}

const GROUPS = [
  { key: 'Current strand', of: 'currentStrand', emptyText: 'No event: there was no current strand' },
  { key: 'Intensity', of: 'intensity', emptyText: 'No event: not on the scheme' },
  { key: 'Eligibility', of: 'eligibility', emptyText: 'No conviction or harm indicator in the window' },
] as const;

/**
 * For each point, the events that produced its current strand, intensity and
 * eligibility, named and dated in words (as the record read at that point's
 * moment), each marked when the other point does not count it; and the events
 * that had happened by the date but were entered after the moment.
 */
export function provenanceOf(points: ReplayedPoint[], stored: readonly StoredEvent[]): SideProvenance[] {
  const headings = points.length > 1 ? ['At the first point', 'At the second point'] : ['At this point'];
  return points.map(({ view }, i) => {
    const known = eventsKnownAt(stored, view.knownAt);
    const other = points.length > 1 ? (points[1 - i].view.provenance ?? { currentStrand: [], intensity: [], eligibility: [] }) : undefined;
    const groups = GROUPS.map(({ key, of, emptyText }) => ({
      key,
      emptyText,
      events: (view.provenance?.[of] ?? [])
        .map((id) => {
          const event = known.get(id);
          return event && lineOf(event, !!other && !other[of].includes(id));
        })
        .filter((line): line is EventLine => !!line),
    }));
    const enteredLater = stored
      .filter((s) => s.recordedAt > view.knownAt)
      .map((s) => ({ event: upcastOffenderEvent(s), recordedAt: s.recordedAt }))
      .filter(({ event }) => !isCorrection(event) && occurredOn(event) <= view.asAt)
      .map((e) => lineOf(e, false));
    return { heading: headings[i], groups, enteredLater };
  });
}
