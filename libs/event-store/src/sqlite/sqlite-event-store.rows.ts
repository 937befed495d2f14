import type { StoredEvent } from '../event-store.port';
import type { Seal } from '../integrity/event-hash';

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
  hash: string;
  previous_hash: string | null;
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
    hash: row.hash,
    previousHash: row.previous_hash,
  };
}

/** A row of the seals table. */
export interface SealRow {
  sequence: number;
  position: number;
  events: number;
  hash: string;
  sealed_at: string;
}

export const toSeal = (row: SealRow): Seal => ({ sequence: row.sequence, position: row.position, events: row.events, hash: row.hash, sealedAt: row.sealed_at });
