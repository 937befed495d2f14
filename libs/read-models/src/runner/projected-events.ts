import { upcastOffenderEvent } from '@ppo/domain';
import type { StoredEvent } from '@ppo/event-store';
import type { ProjectedEvent } from '../projection';

const OFFENDER_STREAM = /^offender-(.+)$/;

/** A stored event as projections see it, or undefined when it is not an offender's. Throws if it cannot be upcast. */
export function toProjectedEvent(stored: StoredEvent): ProjectedEvent | undefined {
  const match = OFFENDER_STREAM.exec(stored.streamId);
  if (!match) return undefined;
  return {
    event: upcastOffenderEvent(stored),
    eventId: stored.eventId,
    offenderId: match[1],
    streamId: stored.streamId,
    version: stored.version,
    globalPosition: stored.globalPosition,
    recordedAt: stored.recordedAt,
    metadata: stored.metadata,
  };
}
