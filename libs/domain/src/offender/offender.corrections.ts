import { DomainError } from '../errors/domain-error';
import type { RectifyEvent, RetractEvent } from './offender.commands';
import type { CorrectableEvent, OffenderEvent } from './offender.events';
import type { OffenderState } from './offender.state';

/** An event with its id, as corrections refer to it. */
export interface IdentifiedEvent {
  eventId: string;
  event: OffenderEvent;
}

/** The facts a case worker can retract or rectify. */
export const CORRECTABLE_EVENT_TYPES: readonly CorrectableEvent['type'][] = ['ConvictionRecorded', 'ArrestRecorded', 'HarmIndicatorRecorded', 'ContactRecorded', 'LapseOccurred'];

const isCorrectable = (event: OffenderEvent): event is CorrectableEvent => (CORRECTABLE_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * The history as it should be read: retracted events left out, rectified ones
 * replaced where they stood by their latest correction, and the corrections
 * themselves gone. Every fold of an offender goes through this first, so the
 * command side, projections and eligibility honour corrections alike.
 */
export function applyCorrections<T extends IdentifiedEvent>(records: readonly T[]): T[] {
  const retracted = new Set<string>();
  const rectified = new Map<string, CorrectableEvent>();
  for (const { event } of records) {
    if (event.type === 'EventRetracted') retracted.add(event.data.eventId);
    else if (event.type === 'EventRectified') rectified.set(event.data.eventId, event.data.corrected);
  }
  const out: T[] = [];
  for (const record of records) {
    const { event } = record;
    if (event.type === 'EventRetracted' || event.type === 'EventRectified' || retracted.has(record.eventId)) continue;
    const correction = rectified.get(record.eventId);
    out.push(correction ? { ...record, event: correction } : record);
  }
  return out;
}

/** Whether an event is one a correction changes the reading of: the correction itself. */
export const isCorrection = (event: OffenderEvent) => event.type === 'EventRetracted' || event.type === 'EventRectified';

/** The event a correction targets, checked: it exists, is a correctable fact, and is not retracted. */
function target(history: readonly IdentifiedEvent[], eventId: string): CorrectableEvent {
  const found = history.find((r) => r.eventId === eventId);
  if (!found) throw new DomainError('EVENT.NOT_FOUND', undefined, 'eventId');
  if (!isCorrectable(found.event)) throw new DomainError('EVENT.NOT_CORRECTABLE', `A ${found.event.type} cannot be corrected this way.`, 'eventId');
  const retracted = history.some((r) => r.event.type === 'EventRetracted' && r.event.data.eventId === eventId);
  if (retracted) throw new DomainError('EVENT.ALREADY_RETRACTED', undefined, 'eventId');
  return found.event;
}

/** A retraction, if the event may be retracted: a lapse a fast-track follows may not. */
export function decideRetraction(command: RetractEvent, history: readonly IdentifiedEvent[], state: OffenderState): OffenderEvent[] {
  const event = target(history, command.data.eventId);
  if (event.type === 'LapseOccurred' && state.fastTracks.some((f) => f.lapseId === event.data.lapseId)) throw new DomainError('EVENT.STILL_REFERENCED');
  return [{ type: 'EventRetracted', data: command.data }];
}

/**
 * A rectification, given the corrected fact as the events its recording command
 * decided (so the same rules apply as when it was first recorded); it must be
 * a fact of the same kind, and a lapse keeps its id.
 */
export function decideRectification(command: RectifyEvent, history: readonly IdentifiedEvent[], corrected: readonly OffenderEvent[]): OffenderEvent[] {
  const original = target(history, command.data.eventId);
  const [replacement] = corrected;
  if (corrected.length !== 1 || replacement.type !== original.type || !isCorrectable(replacement)) {
    throw new DomainError('EVENT.NOT_CORRECTABLE', `A ${original.type} can only be rectified by another ${original.type}.`, 'correction');
  }
  const kept: CorrectableEvent =
    replacement.type === 'LapseOccurred' && original.type === 'LapseOccurred' ? { ...replacement, data: { ...replacement.data, lapseId: original.data.lapseId } } : replacement;
  const { eventId, reason, rectifiedOn } = command.data;
  return [{ type: 'EventRectified', data: { eventId, reason, rectifiedOn, corrected: kept } }];
}
