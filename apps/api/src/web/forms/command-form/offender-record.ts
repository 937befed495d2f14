import { DomainError, type OffenderEvent, type OffenderState } from '@ppo/domain';
import type { Actor, EventStore } from '@ppo/event-store';
import { loadOffender } from '@ppo/offenders';
import { describeEvent } from '../../shared/describe-event';
import { formatDate, formatDateTime, sentence, words } from '../../shared/format';
import type { Choice } from './command-form';

/** One event of the offender's stream, as recorded, with who recorded it and when. */
export interface RecordedEvent {
  /** The id corrections refer to it by. */
  eventId: string;
  version: number;
  event: OffenderEvent;
  actor?: Actor;
  recordedAt: string;
}

/** What a form needs to know of an offender: whose record it is, its version, its state and its history. */
export interface OffenderRecord {
  offenderId: string;
  /** The stream's version: the form carries it, and posts it back as the command's If-Match. */
  version: number;
  name: string;
  crn: string;
  state: OffenderState;
  history: RecordedEvent[];
}

/** A change made since a form was opened, in words, with who made it and when. */
export interface RecordChange {
  title: string;
  detail: string;
  by: string;
  at: string;
}

/** Reads an offender's record for a form; an offender never registered is not found (the guard has already checked the area). */
export async function readOffenderRecord(store: EventStore, offenderId: string): Promise<OffenderRecord> {
  const { state, version, stored, history } = await loadOffender(store, offenderId);
  if (!state.registered || !state.personal) throw new DomainError('OFFENDER.NOT_REGISTERED');
  return {
    offenderId,
    version,
    name: `${state.personal.givenName} ${state.personal.familyName}`,
    crn: state.personal.crn,
    state,
    // As recorded, corrections included: `events` would be shorter once an entry is retracted, and out of step with `stored`.
    history: stored.map((s, i) => ({ eventId: s.eventId, version: s.version, event: history[i].event, actor: s.metadata.actor, recordedAt: s.recordedAt })),
  };
}

/** What happened to the record after `version`, oldest first. */
export function changesSince(record: OffenderRecord, version: number): RecordChange[] {
  return record.history
    .filter((h) => h.version > version)
    .map((h) => ({ ...describeEvent(h.event), by: h.actor?.username ?? h.actor?.userId ?? 'someone', at: formatDateTime(h.recordedAt) }));
}

const newestFirst = <T extends { on: string }>(items: T[]) => [...items].sort((a, b) => b.on.localeCompare(a.on));

/** Lapses not yet followed by a fast-track to court, newest first. */
export function lapsesNotFastTracked(record: OffenderRecord): Choice[] {
  const followed = new Set(record.state.fastTracks.map((f) => f.lapseId));
  return newestFirst(record.state.lapses.filter((l) => !followed.has(l.lapseId)).map((l) => ({ ...l, on: l.occurredOn }))).map((l) => ({
    value: l.lapseId,
    text: `${sentence(l.severity)} lapse (${words(l.kind)}) on ${formatDate(l.occurredOn)}`,
  }));
}

/** Fast-tracks whose court outcome is not yet recorded, newest first. */
export function fastTracksAwaitingOutcome(record: OffenderRecord): Choice[] {
  const decided = new Set(record.history.flatMap(({ event }) => (event.type === 'CourtOutcomeRecorded' && event.data.fastTrackId ? [event.data.fastTrackId] : [])));
  const fastTracks = record.history.flatMap(({ event }) => (event.type === 'FastTrackedToCourt' && !decided.has(event.data.fastTrackId) ? [event.data] : []));
  return newestFirst(fastTracks.map((f) => ({ ...f, on: f.fastTrackedOn }))).map((f) => ({
    value: f.fastTrackId,
    text: `To ${f.court} on ${formatDate(f.fastTrackedOn)}`,
    hint: `Hearing on ${formatDate(f.hearingOn)}: ${f.reason}`,
  }));
}

/** Interventions started and not yet ended, newest first. */
export function openInterventions(record: OffenderRecord): Choice[] {
  const open = Object.entries(record.state.interventions).filter(([, i]) => !i.completedOn);
  return newestFirst(open.map(([id, i]) => ({ id, ...i, on: i.startedOn }))).map((i) => ({ value: i.id, text: i.name, hint: `Started on ${formatDate(i.startedOn)}` }));
}

/** Community orders not yet ended, newest first, with their requirements where recorded. */
export function openCommunityOrders(record: OffenderRecord): Choice[] {
  const requirements = new Map(record.history.flatMap(({ event }) => (event.type === 'CommunityOrderStarted' ? [[event.data.orderId, event.data.requirements] as const] : [])));
  const open = Object.entries(record.state.communityOrders).filter(([, o]) => !o.endedOn);
  return newestFirst(open.map(([id, o]) => ({ id, ...o, on: o.startedOn }))).map((o) => ({
    value: o.id,
    text: `Order from ${formatDate(o.startedOn)} to ${formatDate(o.endsOn)}`,
    hint: requirements.get(o.id) || undefined,
  }));
}
