import type { Projection } from '../../projection';
import type { TableSpec } from '../../store/table-spec';

/** One row per event: who, by which command, did what to which offender, and when. */
export interface ActivityRow {
  [column: string]: unknown;
  event_id: string;
  position: number;
  offender_id: string;
  command_id: string;
  command_type: string | null;
  event_type: string;
  user_id: string;
  role: string;
  actor_area: string | null;
  recorded_at: string;
  occurred_at: string;
  correlation_id: string;
}

export const ACTIVITY_TABLE: TableSpec = {
  name: 'activity',
  // The global position: an integer key costs nothing extra to index, and orders the log.
  key: 'position',
  columns: {
    position: 'integer',
    event_id: 'text',
    offender_id: 'text',
    command_id: 'text',
    command_type: 'text',
    event_type: 'text',
    user_id: 'text',
    role: 'text',
    actor_area: 'text',
    recorded_at: 'text',
    occurred_at: 'text',
    correlation_id: 'text',
  },
  indexes: ['offender_id', 'user_id'],
};

/** activity: who issued which command when, per offender and per user, for supervisors. An append-only log. */
export const activityProjection: Projection<ActivityRow> = {
  name: 'activity',
  version: 1,
  table: ACTIVITY_TABLE,
  insertOnly: true,
  keyOf: (e) => String(e.globalPosition),
  evolve(_row, e) {
    const { actor, commandId, commandType, correlationId, occurredAt } = e.metadata;
    return {
      event_id: e.eventId,
      position: e.globalPosition,
      offender_id: e.offenderId,
      command_id: commandId,
      command_type: commandType ?? null,
      event_type: e.event.type,
      user_id: actor.userId,
      role: actor.role,
      actor_area: actor.area ?? null,
      recorded_at: e.recordedAt,
      occurred_at: occurredAt,
      correlation_id: correlationId,
    };
  },
};
