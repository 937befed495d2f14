import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';

/** A recorded event shaped like the client's AllStreamResolvedEvent, as convertGrpcEvent builds it. */
export function resolvedEvent(fields: {
  streamId: string;
  revision: bigint;
  commit: bigint;
  type?: string;
  id?: string;
  data?: unknown;
  metadata?: unknown;
  isJson?: boolean;
  created?: Date;
}): AllStreamResolvedEvent {
  return {
    event: {
      streamId: fields.streamId,
      id: fields.id ?? randomUUID(),
      isJson: fields.isJson ?? true,
      revision: fields.revision,
      type: fields.type ?? 'ContactRecorded',
      created: fields.created ?? new Date('2026-11-20T10:00:00.123Z'),
      data: fields.data ?? {},
      metadata: fields.metadata,
      position: { commit: fields.commit, prepare: fields.commit },
    },
    commitPosition: fields.commit,
  } as AllStreamResolvedEvent;
}

export const ppoMetadata = (extra: Record<string, unknown> = {}) => ({
  occurredAt: '2026-11-20',
  actor: { userId: 'system', role: 'system' },
  correlationId: 'c',
  causationId: 'k',
  commandId: 'k',
  schemaVersion: 2,
  recordedAt: '2026-11-21T08:00:00.000Z',
  ...extra,
});

