import { foldOffender, offenderStreamId, upcastOffenderEvent, type OffenderEvent, type OffenderState } from '@ppo/domain';
import type { EventStore, StoredEvent } from '@ppo/event-store';

/** An offender's stream read and folded: the state, the version it is at, and the events. */
export interface LoadedOffender {
  state: OffenderState;
  version: number;
  stored: StoredEvent[];
  events: OffenderEvent[];
}

/** Reads an offender's stream, upcasts every event to its latest shape and folds it. */
export async function loadOffender(store: EventStore, offenderId: string): Promise<LoadedOffender> {
  const stored = await store.readStream(offenderStreamId(offenderId));
  const events = stored.map((event) => upcastOffenderEvent(event));
  return { state: foldOffender(events), version: stored.at(-1)?.version ?? 0, stored, events };
}
