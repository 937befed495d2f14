import type { ProjectionCheckpoint } from './read-model-store.port';

/** A row of projection_checkpoints as either store returns it (timestamps as text or Date). */
export interface CheckpointRow {
  projection: string;
  position: number;
  projection_version: number;
  failed_position: number | null;
  failed_event_id: string | null;
  failed_error: string | null;
  failed_at: string | Date | null;
  updated_at: string | Date;
}

const iso = (value: string | Date | null) => (value instanceof Date ? value.toISOString() : (value ?? ''));

/** A checkpoint row as the port's ProjectionCheckpoint. */
export function toCheckpoint(row: CheckpointRow): ProjectionCheckpoint {
  return {
    projection: row.projection,
    position: row.position,
    projectionVersion: row.projection_version,
    failure:
      row.failed_event_id === null
        ? null
        : { position: row.failed_position!, eventId: row.failed_event_id, error: row.failed_error ?? '', at: iso(row.failed_at) },
    updatedAt: iso(row.updated_at),
  };
}
