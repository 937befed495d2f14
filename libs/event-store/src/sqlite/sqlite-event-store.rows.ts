import type { AppendOptions, StoredEvent } from '../event-store.port';

/** A row of the events table. */
export interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Whether a stream at `current` satisfies the writer's expected version. */
export function accepts(expected: AppendOptions['expectedVersion'], current: number): boolean {
  return (
    expected === 'any' ||
    (expected === 'no-stream' && current === 0) ||
    (expected === 'stream-exists' && current > 0) ||
    expected === current
  );
}

/** A row as the port's StoredEvent envelope. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    globalPosition: row.global_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
}
