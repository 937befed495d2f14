import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  DomainError,
  OFFENDER_EVENT_SCHEMA_VERSIONS,
  decide,
  occurredOn,
  offenderStreamId,
  policyForArea,
  type IdentifiedEvent,
  type OffenderCommand,
  type OffenderEvent,
  type OffenderState,
  type SchemePolicies,
} from '@ppo/domain';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore, type NewEvent, type StoredEvent } from '@ppo/event-store';
import { createHash, randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { configure } from 'safe-stable-stringify';
import { ConcurrentUpdateError, IdempotencyKeyReusedError, StaleVersionError } from './application-errors';
import { CLOCK, type Clock } from './clock';
import type { CommandContext, CommandResult, OffenderCommandMessage } from './command-context';
import { KeyedSerialQueue } from './keyed-serial-queue';
import { OffenderCache } from './offender-cache';
import { loadOffender } from './offender-stream';
import { SCHEME_POLICIES } from './scheme-policies';

const stableStringify = configure({ deterministic: true });
/** The id each creating event carries, which the response names so the client can refer to it. */
const CREATED_IDS: Partial<Record<string, string>> = {
  LapseOccurred: 'lapseId',
  InterventionStarted: 'interventionId',
  FastTrackedToCourt: 'fastTrackId',
  CommunityOrderStarted: 'orderId',
};
/** Retries of a version conflict without If-Match; conflicts only come from other processes. */
const MAX_ATTEMPTS = 10;

/**
 * The one path every offender command takes: fold the stream (the cached fold
 * brought up to the stream's end; the whole history only for a correction,
 * which needs it), decide, and append at the version read. Commands on one offender run one at a time
 * in this process; a conflict with another process is retried unless the
 * client sent If-Match. An Idempotency-Key makes a retry return the first
 * response without appending.
 */
@Injectable()
export class OffenderCommandRunner {
  private readonly queue = new KeyedSerialQueue();
  private readonly cache: OffenderCache;

  /** Without a shared `cache` (the module provides one), the runner keeps its own. */
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEME_POLICIES) private readonly policies: SchemePolicies,
    @Optional() cache?: OffenderCache,
  ) {
    this.cache = cache ?? new OffenderCache(store);
  }

  /**
   * Runs a command. `build` turns the message into the decider's command; it
   * receives a generator for the ids of anything the command creates.
   */
  run(message: OffenderCommandMessage<object>, build: (newId: () => string) => OffenderCommand): Promise<CommandResult> {
    const streamId = offenderStreamId(message.offenderId);
    return this.queue.run(streamId, () => this.runSerially(streamId, message, build));
  }

  private async runSerially(
    streamId: string,
    message: OffenderCommandMessage<object>,
    build: (newId: () => string) => OffenderCommand,
  ): Promise<CommandResult> {
    const { context } = message;
    const fingerprint = context.idempotencyKey ? fingerprintOf(message) : undefined;
    const earlier = await this.replay(streamId, message, fingerprint);
    if (earlier) return earlier;

    for (let attempt = 1; ; attempt++) {
      const command = build(randomUUID);
      const { state, version, history } = await this.read(message.offenderId, command);
      if (!state.registered && command.type !== 'RegisterOffender') throw new DomainError('OFFENDER.NOT_REGISTERED');
      if (context.ifMatch !== undefined && context.ifMatch !== version) throw new StaleVersionError(context.ifMatch, version);

      const area = state.area ?? (command.type === 'RegisterOffender' ? command.data.area : '');
      const decided = decide(command, state, { today: this.clock.today(), policy: policyForArea(this.policies, area), history });
      const events = decided.map((event) => toNewEvent(event, command.type, context, fingerprint));
      try {
        const appended = await this.store.append(streamId, events, { expectedVersion: version });
        if (decided.some((event) => event.type === 'PersonalDataErased')) this.cache.forget(message.offenderId);
        return resultOf(message.offenderId, appended.nextVersion, events, false);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const raced = await this.replay(streamId, message, fingerprint);
        if (raced) return raced;
        if (context.ifMatch !== undefined) throw new StaleVersionError(context.ifMatch, error.actual);
        if (attempt >= MAX_ATTEMPTS) throw new ConcurrentUpdateError(attempt);
      }
    }
  }

  /** The state to decide on; the recorded history too for a correction, the only command whose decision looks at it. */
  private async read(offenderId: string, command: OffenderCommand): Promise<{ state: OffenderState; version: number; history?: IdentifiedEvent[] }> {
    if (command.type === 'RetractEvent' || command.type === 'RectifyEvent') return loadOffender(this.store, offenderId);
    return this.cache.current(offenderId);
  }

  /** The stored answer to an earlier request with the same Idempotency-Key, if there was one. */
  private async replay(
    streamId: string,
    message: OffenderCommandMessage<object>,
    fingerprint: string | undefined,
  ): Promise<CommandResult | undefined> {
    const key = message.context.idempotencyKey;
    if (!key) return undefined;
    const earlier = await this.store.findByIdempotencyKey(streamId, key);
    if (earlier.length === 0) return undefined;
    if (earlier[0].metadata.requestFingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    return resultOf(message.offenderId, earlier.at(-1)!.version, earlier, true);
  }
}

function toNewEvent(event: OffenderEvent, commandType: string, context: CommandContext, requestFingerprint: string | undefined): NewEvent {
  return {
    // Time-ordered ids keep the store's event id index append-local.
    eventId: uuidv7(),
    type: event.type,
    schemaVersion: OFFENDER_EVENT_SCHEMA_VERSIONS[event.type],
    data: event.data,
    metadata: {
      occurredAt: occurredOn(event),
      actor: context.actor,
      correlationId: context.correlationId,
      causationId: context.commandId,
      commandId: context.commandId,
      commandType,
      ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey, requestFingerprint } : {}),
    },
  };
}

function resultOf(offenderId: string, version: number, events: (NewEvent | StoredEvent)[], replayed: boolean): CommandResult {
  const created: Record<string, string> = {};
  for (const event of events) {
    const field = CREATED_IDS[event.type];
    if (field) created[field] = (event.data as Record<string, string>)[field];
  }
  return { offenderId, version, events: events.map(({ eventId, type }) => ({ eventId, type })), created, replayed };
}

/** What makes two requests "the same request": the command, the offender and the body. */
function fingerprintOf(message: OffenderCommandMessage<object>): string {
  const payload = stableStringify({ command: message.constructor.name, offenderId: message.offenderId, body: message.body });
  return createHash('sha256').update(payload ?? '').digest('hex');
}
