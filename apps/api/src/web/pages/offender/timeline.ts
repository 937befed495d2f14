import { upcastOffenderEvent } from '@ppo/domain';
import type { StoredEvent } from '@ppo/event-store';
import { describeEvent } from '../../shared/describe-event';

/** One entry of the offender's journey, as the timeline shows it. */
export interface TimelineEntry {
  title: string;
  detail: string;
  /** When it happened, as the case worker gave it. */
  occurredAt: string;
  /** When it was written to the record. */
  recordedAt: string;
  /** Who recorded it: their username, or "the service". */
  by: string;
  role: string | undefined;
}

/**
 * Every event of the stream in words, newest first by when it happened (a
 * conviction entered late sits at its own date; both dates are shown), and
 * by when it was recorded among events of the same day.
 */
export function timelineOf(stored: readonly StoredEvent[]): TimelineEntry[] {
  const newestFirst = [...stored].sort((a, b) => b.metadata.occurredAt.localeCompare(a.metadata.occurredAt) || b.version - a.version);
  return newestFirst.map((event) => {
    const { title, detail } = describeEvent(upcastOffenderEvent(event));
    const { actor, occurredAt } = event.metadata;
    const system = actor.userId === 'system';
    return {
      title,
      detail,
      occurredAt,
      recordedAt: event.recordedAt,
      by: system ? 'the service' : (actor.username ?? actor.userId),
      role: system ? undefined : actor.role,
    };
  });
}
