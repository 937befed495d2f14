import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type ReadPosition,
} from '@eventstore/db-client';
import {
  accepts,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type FollowOptions,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
} from '../event-store.port';
import { hashEvent } from '../integrity/event-hash';
import {
  OFFENDER_STREAM_PREFIX,
  commitPositionOf,
  isPpoEvent,
  isStreamNotFound,
  toEsdbEvent,
  toExpectedRevision,
  toPortError,
  toReadPosition,
  toSafeNumber,
  toStoredEvent,
} from './esdb-mapping';

/** The part of the EventStoreDB client the adapter uses (a fake can stand in for it in unit tests). */
export type EsdbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

export interface EsdbEventStoreOptions {
  /** Application clock, for the recordedAt stored in each event's metadata. */
  clock?: () => Date;
  /** How many $all records one readAll/headPosition request asks for (at least 2). */
  readPageSize?: number;
}

const STOPPED = Symbol('stopped');

/**
 * The EventStore port on EventStoreDB (or KurrentDB) over gRPC, with
 * @eventstore/db-client 6.x.
 *
 * - Each port stream is an EventStoreDB stream of the same name; version = revision + 1.
 * - Each event is a JSON event whose id is the port's eventId (so it must be a UUID) and
 *   whose metadata is the port's metadata plus `schemaVersion` and `recordedAt`.
 * - globalPosition is the event's commit position in the transaction log: it increases in
 *   append order but has gaps, so never compute with it; use it only as a checkpoint, and
 *   only pass back positions this store returned.
 * - $all also holds system events and other applications' streams; readAll, follow and
 *   headPosition see only events in `offender-` streams whose type does not start with `$`.
 * - EventStoreDB acknowledges an append once it is flushed to its log (in a cluster, once a
 *   majority has it), which is the port's durability promise, unless the server runs with
 *   MemDb or UnsafeDisableFlushToDisk.
 * - Appending the same event ids again at the same expected version is idempotent in
 *   EventStoreDB: it answers success and writes nothing.
 *
 * In a secure (TLS) deployment the connection string must carry credentials allowed to
 * read $all (by default only $admins and $ops).
 */
export class EsdbEventStore implements EventStore {
  private readonly clock: () => Date;
  private readonly pageSize: number;
  /** Aborted by close(): ends every follow. */
  private readonly closing = new AbortController();
  private readonly subscriptions = new Set<AllStreamSubscription>();
  /** Appends sent and not yet answered: close() lets them finish, so none ends in doubt. */
  private readonly appending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pageSize = Math.max(2, Math.floor(options.readPageSize ?? 500));
  }

  /** A store on a connection string such as `esdb://localhost:2113?tls=false`. Connects lazily, on first use. */
  static connect(connectionString: string, options?: EsdbEventStoreOptions): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    // Tracked from the first read, so close() waits for an append it has already accepted.
    const pending = this.appendChained(streamId, events, options);
    this.appending.add(pending);
    try {
      return await pending;
    } finally {
      this.appending.delete(pending);
    }
  }

  private async appendChained(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // Each event's hash chains to the one before it in the stream, so the stream's head is read first; the
    // append then expects exactly that head, so the chain cannot fork even when the caller accepts any version.
    const head = await this.streamHead(streamId);
    if (!accepts(options.expectedVersion, head.version)) throw new WrongExpectedVersionError(streamId, options.expectedVersion, head.version);
    const recordedAt = this.clock().toISOString();
    let previousHash = head.hash;
    const data = events.map((event, i) => {
      const hash = hashEvent({
        streamId,
        version: head.version + i + 1,
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        dataJson: JSON.stringify(event.data),
        metadataJson: JSON.stringify(event.metadata),
        recordedAt,
        previousHash,
      });
      const written = toEsdbEvent(event, recordedAt, { hash, previousHash });
      previousHash = hash;
      return written;
    });
    try {
      const result = await this.client.appendToStream(streamId, data, { expectedRevision: toExpectedRevision(head.version) });
      return {
        nextVersion: toSafeNumber(result.nextExpectedRevision + 1n, 'stream version'),
        // The server reports the log position of the last event written (0 if it wrote none).
        lastGlobalPosition: result.position ? toSafeNumber(result.position.commit, 'log position') : 0,
      };
    } catch (error) {
      throw toPortError(error, streamId, options.expectedVersion);
    }
  }

  /** The stream's version and its last event's hash (0 and null when it does not exist). */
  private async streamHead(streamId: string): Promise<{ version: number; hash: string | null }> {
    try {
      const [last] = await drain(this.client.readStream(streamId, { fromRevision: END, maxCount: 1, direction: BACKWARDS }));
      if (!last) return { version: 0, hash: null };
      const event = toStoredEvent(last);
      return { version: event.version, hash: event.hash };
    } catch (error) {
      if (isStreamNotFound(error)) return { version: 0, hash: null };
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const from = Math.max(1, options.from ?? 1);
    const to = options.to ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) {
      throw new RangeError(`Stream versions must be whole numbers; got from ${options.from}, to ${options.to}`);
    }
    if (to < from) return [];
    try {
      const resolved = await drain(
        this.client.readStream(streamId, { fromRevision: BigInt(from - 1), maxCount: to - from + 1, direction: FORWARDS }),
      );
      return resolved.map(toStoredEvent);
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  /**
   * Reads $all forwards from the record at `after` (EventStoreDB reads from a position
   * inclusively, so that record is skipped), page by page, until `limit` PPO events are
   * found or the end of the log is reached.
   */
  async readAll({ after = 0, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    const found: StoredEvent[] = [];
    if (limit <= 0) return found;
    let from = toReadPosition(after);
    let cursor = BigInt(after);
    for (;;) {
      const page = await drain(this.client.readAll({ fromPosition: from, maxCount: this.pageSize, direction: FORWARDS }));
      let next: ReadPosition | undefined;
      for (const resolved of page) {
        const commit = commitPositionOf(resolved);
        if (commit === undefined || commit <= cursor) continue;
        cursor = commit;
        next = resolved.event?.position ?? { commit, prepare: commit };
        if (!isPpoEvent(resolved)) continue;
        found.push(toStoredEvent(resolved));
        if (found.length >= limit) return found;
      }
      // A short page is the end of the log; a page with nothing new would loop forever.
      if (page.length < this.pageSize || next === undefined) return found;
      from = next;
    }
  }

  /**
   * A catch-up subscription to $all, filtered on the server to `offender-` streams,
   * starting after `after` (EventStoreDB subscribes from a position exclusively; the
   * adapter also drops anything at or before it). Completes when the signal aborts
   * (even while waiting for the next event), when the store closes, when the consumer
   * stops iterating, or if the server ends the subscription; rejects if the
   * subscription fails (for example the connection is lost), so the caller can
   * resume from its last position.
   */
  async *follow({ after = 0, signal }: FollowOptions = {}): AsyncIterable<StoredEvent> {
    if (this.closed || signal?.aborted) return;
    const fromPosition = toReadPosition(after);
    let cursor = BigInt(after);
    const stop = signal ? AbortSignal.any([signal, this.closing.signal]) : this.closing.signal;
    const subscription = this.client.subscribeToAll({
      fromPosition,
      filter: streamNameFilter({ prefixes: [OFFENDER_STREAM_PREFIX] }),
    });
    this.subscriptions.add(subscription);
    const iterator = subscription[Symbol.asyncIterator]();
    let onStop = (): void => undefined;
    const stopped = new Promise<typeof STOPPED>((resolve) => {
      onStop = () => resolve(STOPPED);
      stop.addEventListener('abort', onStop, { once: true });
    });
    let pending: Promise<IteratorResult<AllStreamResolvedEvent>> | undefined;
    try {
      while (!stop.aborted) {
        pending = iterator.next();
        const next = await Promise.race([pending, stopped]);
        if (next === STOPPED) return;
        pending = undefined;
        if (next.done) return;
        const resolved = next.value;
        const commit = commitPositionOf(resolved);
        if (commit === undefined || commit <= cursor) continue;
        cursor = commit;
        if (!isPpoEvent(resolved)) continue;
        yield toStoredEvent(resolved);
      }
    } finally {
      stop.removeEventListener('abort', onStop);
      // A next() that lost the race settles (or rejects) when the subscription is destroyed.
      pending?.catch(() => undefined);
      this.release(subscription);
    }
  }

  /**
   * Reads the whole stream backwards and keeps the events carrying the key,
   * returned oldest first. Offender streams are short (tens to hundreds of
   * events), so a full read is cheap; EventStoreDB has no secondary index to
   * look metadata up by.
   */
  async findByIdempotencyKey(streamId: string, idempotencyKey: string): Promise<StoredEvent[]> {
    this.assertOpen();
    try {
      const resolved = await drain(this.client.readStream(streamId, { fromRevision: END, direction: BACKWARDS }));
      return resolved
        .map(toStoredEvent)
        .filter((event) => event.metadata.idempotencyKey === idempotencyKey)
        .reverse();
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  /**
   * The position of the last PPO event in $all (what readAll and follow would
   * yield last), found by reading $all backwards past any later system or
   * foreign records; 0 when there is none. Every position this returns is a
   * valid `after` for readAll and follow.
   */
  async headPosition(): Promise<number> {
    this.assertOpen();
    let from: ReadPosition = END;
    let cursor: bigint | undefined;
    for (;;) {
      const page = await drain(this.client.readAll({ fromPosition: from, maxCount: this.pageSize, direction: BACKWARDS }));
      let next: ReadPosition | undefined;
      for (const resolved of page) {
        const commit = commitPositionOf(resolved);
        if (commit === undefined || (cursor !== undefined && commit >= cursor)) continue;
        cursor = commit;
        next = resolved.event?.position ?? { commit, prepare: commit };
        if (isPpoEvent(resolved)) return toSafeNumber(commit, 'log position');
      }
      if (page.length < this.pageSize || next === undefined) return 0;
      from = next;
    }
  }

  /**
   * Refuses new calls, ends every follow, waits for appends already sent (each
   * bounded by the append deadline and keep-alive the client uses, 10 s by default),
   * then releases the client's gRPC streams. Reads still running are cancelled.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    for (const subscription of this.subscriptions) this.release(subscription);
    await Promise.allSettled(this.appending);
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The event store is closed');
  }

  /** Cancels the server-side subscription and frees the stream, without waiting on the network. */
  private release(subscription: AllStreamSubscription): void {
    if (!this.subscriptions.delete(subscription)) return;
    subscription.unsubscribe().catch(() => undefined);
    subscription.destroy();
  }
}

/** Reads a finite client stream to the end; rejects with the stream's error (e.g. StreamNotFoundError). */
async function drain<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}
