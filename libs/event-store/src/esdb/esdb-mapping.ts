/**
 * Pure translations between the EventStore port and the EventStoreDB client
 * (@eventstore/db-client 6.x). Kept apart from the adapter so they can be
 * unit-tested without a server.
 *
 * Numbering: the port counts stream versions from 1 (an empty stream is at 0);
 * EventStoreDB counts stream revisions from 0 (a missing stream is `no_stream`).
 * So version = revision + 1 everywhere.
 *
 * Positions: the port's `globalPosition` is EventStoreDB's commit position, a
 * byte offset in the transaction log. It increases in append order but is NOT
 * contiguous (gaps of hundreds of bytes between events, and system records in
 * between). Every event appended over gRPC is its own committed record, so its
 * commit and prepare positions are equal, which is why a port position maps
 * back to `{ commit: p, prepare: p }`.
 */
import {
  ANY,
  ErrorType,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  WrongExpectedVersionError,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from '../event-store.port';

/** Every PPO stream starts with this; readers ignore all other streams in $all. */
export const OFFENDER_STREAM_PREFIX = 'offender-';

/** A resolved event from a stream read or from $all. */
export type EsdbResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/** What the adapter adds to an event's metadata in EventStoreDB, next to the port's EventMetadata. */
export interface StoredMetadata extends EventMetadata {
  schemaVersion: number;
  /** Application clock at the append, ISO 8601 UTC. */
  recordedAt: string;
  /** The event's chained hash and its predecessor's (integrity/event-hash.ts). */
  hash: string;
  previousHash: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The port's expected version as the client's expectedRevision. */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
  }
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new RangeError(`expectedVersion must be a whole number >= 0, 'no-stream', 'stream-exists' or 'any'; got ${expected}`);
  }
  // Version 0 means "the stream must not exist yet": EventStoreDB's no_stream, not revision -1.
  return expected === 0 ? NO_STREAM : BigInt(expected - 1);
}

/** A new event as an EventStoreDB JSON event; schemaVersion and recordedAt travel in its metadata. */
export function toEsdbEvent(event: NewEvent, recordedAt: string, chain: { hash: string; previousHash: string | null }): EventData {
  if (!UUID.test(event.eventId)) {
    throw new TypeError(`EventStoreDB event ids must be UUIDs; got "${event.eventId}" for a ${event.type}`);
  }
  const metadata: StoredMetadata = { ...event.metadata, schemaVersion: event.schemaVersion, recordedAt, hash: chain.hash, previousHash: chain.previousHash };
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // The client JSON.stringify()s data; the port leaves its shape to the domain.
    data: event.data as JSONType,
    metadata,
  });
}

/** The commit position of a resolved event, if the server sent one. */
export function commitPositionOf(resolved: EsdbResolvedEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

/**
 * True for the events the port exposes from $all: events in `offender-` streams
 * whose type is not a system type (`$`-prefixed, including `$>` links).
 * Everything else in $all (system streams, `$$` metadata streams, other
 * applications' streams) is skipped.
 */
export function isPpoEvent(resolved: EsdbResolvedEvent): boolean {
  const event = resolved.event;
  return event !== undefined && !event.type.startsWith('$') && event.streamId.startsWith(OFFENDER_STREAM_PREFIX);
}

/** A recorded EventStoreDB event as the port's StoredEvent. Throws if it was not written by this adapter. */
export function toStoredEvent(resolved: EsdbResolvedEvent): StoredEvent {
  const event = resolved.event;
  if (!event) throw new Error('EventStoreDB returned a resolved event without an event (an unresolved link?)');
  const where = `event ${event.id} (${event.type}) at revision ${event.revision} of ${event.streamId}`;
  if (!event.isJson) throw new Error(`EventStoreDB ${where} is not JSON, so it was not written by the PPO event store`);
  const commit = commitPositionOf(resolved);
  if (commit === undefined) {
    throw new Error(`EventStoreDB returned ${where} without a log position; the server must be 22.6 or later`);
  }
  const stored = event.metadata;
  if (!isRecord(stored) || typeof stored.schemaVersion !== 'number') {
    throw new Error(`EventStoreDB ${where} has no PPO metadata (schemaVersion), so it was not written by the PPO event store`);
  }
  const { schemaVersion, recordedAt, hash, previousHash, ...metadata } = stored;
  return {
    eventId: event.id,
    streamId: event.streamId,
    version: toSafeNumber(event.revision + 1n, 'stream version'),
    globalPosition: toSafeNumber(commit, 'log position'),
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    recordedAt: typeof recordedAt === 'string' ? recordedAt : event.created.toISOString(),
    hash: typeof hash === 'string' ? hash : '',
    previousHash: typeof previousHash === 'string' ? previousHash : null,
  };
}

/**
 * The port's WrongExpectedVersionError for the client's, with the stream's
 * actual version (its current revision + 1, or 0 when it does not exist).
 * Any other error is returned unchanged.
 */
export function toPortError(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if (!isEsdbWrongExpectedVersion(error)) return error;
  const current = error.actualVersion;
  const actual = current === NO_STREAM ? 0 : toSafeNumber(BigInt(current) + 1n, 'stream version');
  const mapped = new WrongExpectedVersionError(streamId, expected, actual);
  Object.defineProperty(mapped, 'cause', { value: error, enumerable: false, configurable: true, writable: true });
  return mapped;
}

export function isEsdbWrongExpectedVersion(error: unknown): error is EsdbWrongExpectedVersionError {
  return (
    error instanceof EsdbWrongExpectedVersionError ||
    (error instanceof Error && (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION && 'actualVersion' in error)
  );
}

export function isStreamNotFound(error: unknown): boolean {
  return (
    error instanceof StreamNotFoundError ||
    (error instanceof Error && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND)
  );
}

/** A port global position as a place to start reading $all: START for 0, else that record. */
export function toReadPosition(globalPosition: number): ReadPosition {
  if (!Number.isSafeInteger(globalPosition) || globalPosition < 0) {
    throw new RangeError(`A global position must be a whole number >= 0; got ${globalPosition}`);
  }
  if (globalPosition === 0) return START;
  const position: Position = { commit: BigInt(globalPosition), prepare: BigInt(globalPosition) };
  return position;
}

/** A bigint from the server as a number, refusing silently lossy conversions. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB ${what} ${value} does not fit in a JavaScript number`);
  }
  return Number(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
