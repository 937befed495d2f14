import type { Projection } from '../../projection';
import type { TableSpec } from '../../store/table-spec';

/** One row per command applied: who did what to which offender, and when. */
export interface ActivityRow {
  [column: string]: unknown;
  command_id: string;
  offender_id: string;
  command_type: string | null;
  user_id: string;
  role: string;
  actor_area: string | null;
  recorded_at: string;
  occurred_at: string;
  correlation_id: string;
  event_types: string[];
  first_position: number;
}

export const ACTIVITY_TABLE: TableSpec = {
  name: 'activity',
  key: 'command_id',
  columns: {
    command_id: 'text',
    offender_id: 'text',
    command_type: 'text',
    user_id: 'text',
    role: 'text',
    actor_area: 'text',
    recorded_at: 'text',
    occurred_at: 'text',
    correlation_id: 'text',
    event_types: 'json',
    first_position: 'integer',
  },
  indexes: ['offender_id', 'user_id', 'recorded_at'],
};

/** activity: who issued which command when, per offender and per user, for supervisors. */
export const activityProjection: Projection<ActivityRow> = {
  name: 'activity',
  version: 1,
  table: ACTIVITY_TABLE,
  keyOf: (e) => e.metadata.commandId,
  evolve(row, e) {
    if (row) return { ...row, event_types: [...row.event_types, e.event.type] };
    const { actor, commandType, correlationId, occurredAt } = e.metadata;
    return {
      command_id: e.metadata.commandId,
      offender_id: e.offenderId,
      command_type: commandType ?? null,
      user_id: actor.userId,
      role: actor.role,
      actor_area: actor.area ?? null,
      recorded_at: e.recordedAt,
      occurred_at: occurredAt,
      correlation_id: correlationId,
      event_types: [e.event.type],
      first_position: e.globalPosition,
    };
  },
};
