import { applyCorrections, foldOffender, offenderStreamId, upcastOffenderEvent, type IdentifiedEvent, type OffenderEvent, type OffenderState } from '@ppo/domain';
import type { EventStore, StoredEvent } from '@ppo/event-store';

/** An offender's stream read and folded: the state, the version it is at, and the events. */
export interface LoadedOffender {
  state: OffenderState;
  version: number;
  stored: StoredEvent[];
  /** Every event as recorded, upcast, with its id (corrections included). */
  history: IdentifiedEvent[];
  /** The events as they should be read: corrections applied. */
  events: OffenderEvent[];
}

/** Reads an offender's stream, upcasts every event to its latest shape, applies corrections and folds it. */
export async function loadOffender(store: EventStore, offenderId: string): Promise<LoadedOffender> {
  const stored = await store.readStream(offenderStreamId(offenderId));
  const history = stored.map((event) => ({ eventId: event.eventId, event: upcastOffenderEvent(event) }));
  const events = applyCorrections(history).map((r) => r.event);
  return { state: foldOffender(events), version: stored.at(-1)?.version ?? 0, stored, history, events };
}
