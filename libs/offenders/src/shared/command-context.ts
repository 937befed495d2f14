import type { Actor } from '@ppo/event-store';

/** What a request says about a command besides its body. */
export interface CommandContext {
  actor: Actor;
  /** Ties everything this request caused together; also in the logs. */
  correlationId: string;
  /** Unique per request; every event the command produces carries it. */
  commandId: string;
  /** From If-Match: apply only if the record is still at this version. */
  ifMatch?: number;
  /** From Idempotency-Key: a retry with the same key returns the first response. */
  idempotencyKey?: string;
}

/** The service itself, for events no user caused (tools, migrations, tests of the handlers). */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system' };

/**
 * A command on an offender as it travels the CommandBus. Each use case
 * subclasses it, so the bus routes by class to that use case's handler.
 */
export abstract class OffenderCommandMessage<Body extends object> {
  constructor(
    readonly offenderId: string,
    readonly body: Body,
    readonly context: CommandContext,
  ) {}
}

/** What a command returns: the response body, plus what the HTTP edge puts in headers. */
export interface CommandResult {
  offenderId: string;
  /** The stream's version after the command: the ETag. */
  version: number;
  events: { eventId: string; type: string }[];
  /** Ids of things the command created (lapseId, interventionId, fastTrackId, orderId). */
  created: Record<string, string>;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}
