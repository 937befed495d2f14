import type { Seal } from './integrity/event-hash';

/**
 * The event store port: the one interface every adapter implements and the
 * contract suite (contract/event-store.contract.ts) checks.
 *
 * Streams hold events at versions 1, 2, 3...; an empty or missing stream is at
 * version 0. Every stored event also has a global position, increasing across
 * all streams in append order, which readers use as a checkpoint.
 */

/** Who caused an event: the signed-in user, the role they acted in, and the area they acted in. */
export interface Actor {
  /** The user's stable id (a local account's id, or `oidc:<subject>`); `system` for the service itself. */
  userId: string;
  /** The role that allowed the command (caseworker, supervisor...). */
  role: string;
  /** Every role the user held at the time. */
  roles?: string[];
  /** What the user signs in with, so a history reads as names rather than ids. */
  username?: string;
  /** The area of the offender acted on. */
  area?: string;
}

/** Facts about an event that are not the domain's own data. */
export interface EventMetadata {
  /** When it happened, as the case worker gave it (a date, or an instant); may be in the past. */
  occurredAt: string;
  actor: Actor;
  /** Ties together everything one request caused. */
  correlationId: string;
  /** The message (command or event) that directly caused this event. */
  causationId: string;
  /** The command that produced this event. */
  commandId: string;
  /** The name of that command (RecordLapse, AdoptOffender...), for activity logs. */
  commandType?: string;
  /** The client's Idempotency-Key, when it sent one. */
  idempotencyKey?: string;
  /** A fingerprint of the request that carried the key, to spot a key reused for another request. */
  requestFingerprint?: string;
}

/** An event to append. */
export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
}

/** An event as stored: the envelope every reader sees. */
export interface StoredEvent extends NewEvent {
  streamId: string;
  /** Position in its stream, from 1. */
  version: number;
  /** Position in the global log; strictly increasing in append order. */
  globalPosition: number;
  /** Server time of the append, ISO 8601 UTC. */
  recordedAt: string;
  /** SHA-256 over the event and previousHash (integrity/event-hash.ts): altering the event breaks it. */
  hash: string;
  /** The hash of the previous event of the same stream; null at version 1. */
  previousHash: string | null;
}

/**
 * What the writer expects the stream to be at: a version (0 = the stream must
 * not exist yet), `'no-stream'`, `'stream-exists'` or `'any'`.
 */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
}

/** Whether a stream at `current` satisfies the writer's expected version. */
export function accepts(expected: ExpectedVersion, current: number): boolean {
  return (
    expected === 'any' ||
    (expected === 'no-stream' && current === 0) ||
    (expected === 'stream-exists' && current > 0) ||
    expected === current
  );
}

export interface AppendResult {
  /** The stream's version after the append: the version of its last new event. */
  nextVersion: number;
  /** Global position of the last new event. */
  lastGlobalPosition: number;
}

export interface ReadStreamOptions {
  /** First version to read (inclusive, default 1). */
  from?: number;
  /** Last version to read (inclusive, default the end). */
  to?: number;
}

export interface ReadAllOptions {
  /** Read events after this global position (exclusive); omit to start at the beginning. */
  after?: number;
  /** The most events to return. */
  limit: number;
}

export interface FollowOptions {
  /** Start after this global position (exclusive); omit to start at the beginning. */
  after?: number;
  /** Stops following when aborted. */
  signal?: AbortSignal;
}

/** The event store port. */
export interface EventStore {
  /**
   * Appends events to a stream atomically, if the stream is at the expected
   * version; otherwise rejects with WrongExpectedVersionError and writes nothing.
   * Resolves only once the events are durable.
   */
  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Reads a stream in version order; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** True when global positions run 1, 2, 3... with no gaps, so a gap means an event was removed. */
  readonly positionsAreContiguous?: boolean;

  /** The seals over the global log, oldest first, for stores that keep them (integrity/verify-log.ts checks them). */
  readSeals?(): Promise<Seal[]>;

  /** Seals every event appended since the last seal; undefined when there was none. */
  seal?(): Promise<Seal | undefined>;
  /** Reads the global log in order, in batches, for projections and exports. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /** Yields every event after a position, then each new one as it is appended, until aborted. */
  follow(options?: FollowOptions): AsyncIterable<StoredEvent>;
  /** The events appended to a stream under an idempotency key, oldest first; empty if none. */
  findByIdempotencyKey(streamId: string, idempotencyKey: string): Promise<StoredEvent[]>;
  /** The global position of the last event, or 0 when the log is empty. */
  headPosition(): Promise<number>;
  /** Releases connections and files. */
  close(): Promise<void>;
  /**
   * For a store that wraps an adapter (sealing personal data, say): the adapter, whose events are exactly as
   * stored and hashed. Integrity checks and backups read through it.
   */
  readonly stored?: EventStore;
}

/** Injection token for the EventStore chosen from config. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** The stream was not at the version the writer expected: someone else appended first. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}
