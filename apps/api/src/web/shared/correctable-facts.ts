import { CORRECTABLE_EVENT_TYPES, type CorrectableEvent, type IdentifiedEvent } from '@ppo/domain';

/** A fact a case worker may retract or rectify (a conviction, arrest, harm indicator, contact or lapse), as the history now reads it. */
export interface CorrectableFact {
  eventId: string;
  /** As first recorded. */
  recorded: CorrectableEvent;
  /** As it reads now: its latest rectification, or as first recorded. */
  current: CorrectableEvent;
  rectified: boolean;
  retracted: boolean;
  /** Whether it may be retracted: not a lapse that a fast-track to court followed (the domain refuses that). */
  retractable: boolean;
}

const isCorrectable = (event: IdentifiedEvent['event']): event is CorrectableEvent => (CORRECTABLE_EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * Every correctable fact of a history (events as recorded, with their ids),
 * by event id: what it says now and whether it was retracted or rectified,
 * so the timeline can offer corrections and a correction's form open on the
 * values it would change.
 */
export function correctableFacts(history: readonly IdentifiedEvent[]): Map<string, CorrectableFact> {
  const facts = new Map<string, CorrectableFact>();
  const fastTrackedLapses = new Set(history.flatMap(({ event }) => (event.type === 'FastTrackedToCourt' && event.data.lapseId ? [event.data.lapseId] : [])));
  for (const { eventId, event } of history) {
    if (isCorrectable(event)) {
      const retractable = event.type !== 'LapseOccurred' || !fastTrackedLapses.has(event.data.lapseId);
      facts.set(eventId, { eventId, recorded: event, current: event, rectified: false, retracted: false, retractable });
      continue;
    }
    const target = event.type === 'EventRetracted' || event.type === 'EventRectified' ? facts.get(event.data.eventId) : undefined;
    if (!target) continue;
    if (event.type === 'EventRetracted') target.retracted = true;
    else if (event.type === 'EventRectified') Object.assign(target, { current: event.data.corrected, rectified: true });
  }
  return facts;
}
