import {
  DEFAULT_SCHEME_POLICY,
  DomainError,
  OFFENDER_EVENT_SCHEMA_VERSIONS,
  decide,
  foldOffender,
  occurredOn,
  offenderStreamId,
  upcastOffenderEvent,
  type IsoDate,
  type OffenderCommand,
} from '@ppo/domain';
import type { EventStore } from '@ppo/event-store';
import { randomUUID } from 'node:crypto';

/**
 * Applies a command to an offender's stream the way the command side does
 * (read, fold, decide, append at the version read) and returns whether it was accepted.
 */
export async function applyCommand(store: EventStore, offenderId: string, command: OffenderCommand, today: IsoDate): Promise<boolean> {
  const stream = offenderStreamId(offenderId);
  const stored = await store.readStream(stream);
  const state = foldOffender(stored.map((s) => upcastOffenderEvent(s)));
  let events;
  try {
    events = decide(command, state, { today, policy: DEFAULT_SCHEME_POLICY });
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
  await store.append(
    stream,
    events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: OFFENDER_EVENT_SCHEMA_VERSIONS[event.type],
      data: event.data,
      metadata: {
        occurredAt: occurredOn(event),
        actor: { userId: 'test', role: 'caseworker' },
        correlationId: 'test',
        causationId: 'test',
        commandId: `${command.type}-${stored.length}`,
        commandType: command.type,
      },
    })),
    { expectedVersion: stored.length },
  );
  return true;
}
