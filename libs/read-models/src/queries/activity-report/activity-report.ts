import { addDays } from '@ppo/domain';
import { ACTIVITY_TABLE, type ActivityRow } from '../../projections/activity/activity.projection';
import type { ReadModelStore } from '../../store/read-model-store.port';
import type { Condition } from '../../store/table-spec';
import type { CsvSpec } from '../../http/csv-export';

/** An event as supervisors see it in the activity log, with the command that caused it. */
export interface ActivityEntry {
  eventId: string;
  commandId: string;
  offenderId: string;
  command: string | null;
  event: string;
  user: { userId: string; role: string; area: string | null };
  recordedAt: string;
  occurredAt: string;
  correlationId: string;
}

export interface ActivityFilter {
  /** Only commands on offenders of these areas; undefined for every area. */
  areas?: string[];
  offenderId?: string;
  userId?: string;
  /** Recorded on or after this instant or date. */
  from?: string;
  /** Recorded before this instant, or on or before this date. */
  to?: string;
  page?: number;
  pageSize?: number;
}

/** Who issued which command when, newest event first, per offender or per user. */
export async function activityReport(store: ReadModelStore, filter: ActivityFilter): Promise<{ entries: ActivityEntry[]; total: number; page: number; pageSize: number }> {
  const where: Condition[] = [];
  if (filter.areas) where.push({ column: 'actor_area', op: 'in', value: filter.areas });
  if (filter.offenderId) where.push({ column: 'offender_id', op: '=', value: filter.offenderId });
  if (filter.userId) where.push({ column: 'user_id', op: '=', value: filter.userId });
  if (filter.from) where.push({ column: 'recorded_at', op: '>=', value: filter.from });
  // A date means the whole of that day: everything recorded before the next one.
  if (filter.to) where.push({ column: 'recorded_at', op: '<', value: /^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? addDays(filter.to, 1) : filter.to });
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  const { rows, total } = await store.select(ACTIVITY_TABLE, {
    where,
    orderBy: [{ column: 'position', direction: 'desc' }],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const entries = (rows as ActivityRow[]).map((r) => ({
    eventId: r.event_id,
    commandId: r.command_id,
    offenderId: r.offender_id,
    command: r.command_type,
    event: r.event_type,
    user: { userId: r.user_id, role: r.role, area: r.actor_area },
    recordedAt: r.recorded_at,
    occurredAt: r.occurred_at,
    correlationId: r.correlation_id,
  }));
  return { entries, total, page, pageSize };
}

/** The report as GET answers it. */
export type ActivityReport = { entries: ActivityEntry[]; total: number; page: number; pageSize: number };

/** The report as CSV (`?format=csv`), for the API and the pages alike. */
export const ACTIVITY_CSV: CsvSpec<ActivityReport> = {
  filename: 'activity.csv',
  columns: ['recordedAt', 'occurredAt', 'userId', 'role', 'command', 'event', 'offenderId', 'commandId', 'correlationId'],
  toRows: ({ entries }) =>
    entries.map((e) => ({
      recordedAt: e.recordedAt,
      occurredAt: e.occurredAt,
      userId: e.user.userId,
      role: e.user.role,
      command: e.command,
      event: e.event,
      offenderId: e.offenderId,
      commandId: e.commandId,
      correlationId: e.correlationId,
    })),
};
