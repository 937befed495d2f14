import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { hashEvent, sealHash, type Seal } from '../integrity/event-hash';
import { toSeal, toStoredEvent, type EventRow, type SealRow } from './sqlite-event-store.rows';
import { migrate } from './sqlite-event-store.schema';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  /** Server time, for recordedAt. */
  clock?: () => Date;
  /** How often `follow` looks for events written by another process when idle. */
  pollIntervalMs?: number;
  /** Seal the log every this many events (default 1000); verify proves everything up to the last seal complete and in order. */
  sealEvery?: number;
  /** Observes each group commit (for metrics and benchmarks). */
  onCommit?: (appends: number, events: number) => void;
}

interface PendingAppend {
  streamId: string;
  events: NewEvent[];
  options: AppendOptions;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

type Outcome = { result: AppendResult & { lastHash: string } } | { error: unknown };

/** Another process appended to the stream after this one's version hint was taken. */
class ConcurrentWriterConflict extends WrongExpectedVersionError {}

/** How many stream versions the hint cache keeps (least recently appended are dropped first). */
const KNOWN_VERSIONS_LIMIT = 200_000;

const MAX_SAFE_VERSION = Number.MAX_SAFE_INTEGER;

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL,
 * so an acknowledged append survives power loss. Appends that arrive together
 * are written in one transaction (group commit): one fsync serves them all,
 * and a savepoint per append means a version conflict rejects only that append.
 */
export class SqliteEventStore implements EventStore {
  readonly positionsAreContiguous = true;
  private readonly db: Db;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  /** Told of each group commit: the constructor's onCommit, and any added with observeCommits. */
  private readonly commitObservers: ((appends: number, events: number) => void)[] = [];
  private readonly appended = new EventEmitter();
  /**
   * Stream versions after the last commit: a hint that saves a lookup per append.
   * Never trusted alone: a refusal is confirmed against the table, and an
   * acceptance on a stale hint (another process appended) hits UNIQUE(stream_id, version).
   */
  /** Recently written streams' versions and last hashes: hints, checked by UNIQUE(stream, version) on insert. */
  private readonly knownHeads = new Map<string, { version: number; hash: string }>();
  private queue: PendingAppend[] = [];
  /** Events appended since the last seal (by this process). */
  private unsealed = 0;
  private readonly sealEvery: number;
  private flushScheduled = false;
  private closed = false;
  private readonly statements: {
    streamVersion: Statement<[string], { version: number }>;
    insert: Statement<unknown[]>;
    readStream: Statement<[string, number, number], EventRow>;
    readAll: Statement<[number, number], EventRow>;
    byIdempotencyKey: Statement<[string, string], EventRow>;
    head: Statement<[], { position: number }>;
    hashAt: Statement<[string, number], { hash: string }>;
    lastSeal: Statement<[], SealRow>;
    seals: Statement<[], SealRow>;
    hashesAfter: Statement<[number], [number, string]>;
    insertSeal: Statement<[number, number, number, string, string]>;
  };

  constructor(options: SqliteEventStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // Checkpoint the WAL every ~40 MB rather than ~4 MB: index pages rewritten by many commits are copied back once.
    this.db.pragma('wal_autocheckpoint = 10000');
    // Space SQLite frees (cells moved when pages split) is zeroed, so no stale copy of an event lingers in the file.
    this.db.pragma('secure_delete = ON');
    // Keep the hot indexes in memory: version lookups for thousands of streams otherwise miss a 2 MB cache.
    this.db.pragma('cache_size = -65536');
    migrate(this.db);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.sealEvery = options.sealEvery ?? 1000;
    if (options.onCommit) this.commitObservers.push(options.onCommit);
    this.appended.setMaxListeners(0);
    const columns = 'global_position, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at, hash, previous_hash';
    this.statements = {
      streamVersion: this.db.prepare('SELECT COALESCE(MAX(version), 0) AS version FROM events WHERE stream_id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, recorded_at, idempotency_key, hash, previous_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      hashAt: this.db.prepare('SELECT hash FROM events WHERE stream_id = ? AND version = ?'),
      lastSeal: this.db.prepare('SELECT sequence, position, events, hash, sealed_at FROM seals ORDER BY sequence DESC LIMIT 1'),
      seals: this.db.prepare('SELECT sequence, position, events, hash, sealed_at FROM seals ORDER BY sequence'),
      hashesAfter: this.db.prepare<[number], [number, string]>('SELECT global_position, hash FROM events WHERE global_position > ? ORDER BY global_position').raw(),
      insertSeal: this.db.prepare('INSERT INTO seals (sequence, position, events, hash, sealed_at) VALUES (?, ?, ?, ?, ?)'),
      readStream: this.db.prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND version BETWEEN ? AND ? ORDER BY version`,
      ),
      readAll: this.db.prepare(`SELECT ${columns} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`),
      byIdempotencyKey: this.db.prepare(
        `SELECT ${columns} FROM events WHERE stream_id = ? AND idempotency_key = ? ORDER BY version`,
      ),
      head: this.db.prepare('SELECT COALESCE(MAX(global_position), 0) AS position FROM events'),
    };
  }

  append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events, options, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: appends from requests that arrive meanwhile join this commit.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const recordedAt = this.clock().toISOString();
    let outcomes: Outcome[];
    try {
      // Versions are checked before anything is written, so a conflict needs no rollback. Only an
      // unexpected SQL error (a duplicate event id) aborts the batch, which is then redone with a
      // savepoint per append so that error rejects its own append alone.
      outcomes = this.commitBatch(batch, recordedAt, false);
    } catch {
      try {
        outcomes = this.commitBatch(batch, recordedAt, true);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
    const written = outcomes.reduce((n, o, i) => n + ('result' in o ? batch[i].events.length : 0), 0);
    for (const observe of this.commitObservers) observe(batch.length, written);
    this.unsealed += written;
    if (this.unsealed >= this.sealEvery) {
      try {
        this.sealNow();
      } catch {
        // A seal can wait for the next commit; the events it would cover are already durable.
      }
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if ('result' in outcome) {
        const { nextVersion, lastGlobalPosition, lastHash } = outcome.result;
        this.remember(pending.streamId, nextVersion, lastHash);
        pending.resolve({ nextVersion, lastGlobalPosition });
      }
      else pending.reject(outcome.error);
    });
    this.appended.emit('appended');
  }

  /** Writes a batch in one transaction: one commit, one fsync. */
  private commitBatch(batch: PendingAppend[], recordedAt: string, isolateAppends: boolean): Outcome[] {
    const versions = new Map<string, number>();
    const hashes = new Map<string, string>();
    const write = (pending: PendingAppend) => this.write(pending, recordedAt, versions, hashes);
    const writeOne = isolateAppends ? this.db.transaction(write) : write;
    return this.db.transaction(() =>
      batch.map((pending): Outcome => {
        try {
          return { result: writeOne(pending) };
        } catch (error) {
          // Unexpected errors, and a conflict found mid-append (part of it may be written), redo the batch isolated.
          const checkedBeforeWriting = error instanceof WrongExpectedVersionError && !(error instanceof ConcurrentWriterConflict);
          if (!isolateAppends && !checkedBeforeWriting) throw error;
          return { error };
        }
      }),
    )();
  }

  private write({ streamId, events, options }: PendingAppend, recordedAt: string, versions: Map<string, number>, hashes: Map<string, string>): AppendResult & { lastHash: string } {
    const expected = options.expectedVersion;
    const known = this.knownHeads.get(streamId);
    let current = versions.get(streamId) ?? known?.version ?? this.storedVersion(streamId);
    if (!accepts(expected, current) && !versions.has(streamId)) current = this.storedVersion(streamId);
    if (!accepts(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current);
    let lastGlobalPosition = 0;
    let previousHash = current === 0 ? null : (hashes.get(streamId) ?? (known?.version === current ? known.hash : this.hashAt(streamId, current)));
    events.forEach((event, i) => {
      const written = this.insertEvent(streamId, current + i + 1, event, recordedAt, previousHash);
      lastGlobalPosition = written.position;
      previousHash = written.hash;
    });
    versions.set(streamId, current + events.length);
    hashes.set(streamId, previousHash!);
    return { nextVersion: current + events.length, lastGlobalPosition, lastHash: previousHash! };
  }

  private insertEvent(streamId: string, version: number, event: NewEvent, recordedAt: string, previousHash: string | null): { position: number; hash: string } {
    const dataJson = JSON.stringify(event.data);
    const metadataJson = JSON.stringify(event.metadata);
    const { eventId, type, schemaVersion } = event;
    const hash = hashEvent({ streamId, version, eventId, type, schemaVersion, dataJson, metadataJson, recordedAt, previousHash });
    try {
      const info = this.statements.insert.run(
        eventId,
        streamId,
        version,
        type,
        schemaVersion,
        dataJson,
        metadataJson,
        recordedAt,
        event.metadata.idempotencyKey ?? null,
        hash,
        previousHash,
      );
      return { position: Number(info.lastInsertRowid), hash };
    } catch (error) {
      // Another process appended this version since our hint was taken.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && /stream_id/.test((error as Error).message)) {
        this.knownHeads.delete(streamId);
        throw new ConcurrentWriterConflict(streamId, version - 1, this.storedVersion(streamId));
      }
      throw error;
    }
  }

  /** Adds an observer of group commits (appends and events in each), for metrics; returns a function that removes it. */
  observeCommits(observer: (appends: number, events: number) => void): () => void {
    this.commitObservers.push(observer);
    return () => this.commitObservers.splice(this.commitObservers.indexOf(observer), 1);
  }

  private hashAt(streamId: string, version: number): string {
    return this.statements.hashAt.get(streamId, version)!.hash;
  }

  async readSeals(): Promise<Seal[]> {
    return this.statements.seals.all().map(toSeal);
  }

  /** Seals every event appended since the last seal, in one transaction. */
  async seal(): Promise<Seal | undefined> {
    return this.sealNow();
  }

  private sealNow(): Seal | undefined {
    return this.db.transaction(() => {
      const last = this.statements.lastSeal.get();
      const rows = this.statements.hashesAfter.all(last?.position ?? 0);
      if (rows.length === 0) return undefined;
      const seal: Seal = {
        sequence: (last?.sequence ?? 0) + 1,
        position: rows[rows.length - 1][0],
        events: rows.length,
        hash: sealHash(last?.hash ?? null, rows.map((r) => r[1])),
        sealedAt: this.clock().toISOString(),
      };
      this.statements.insertSeal.run(seal.sequence, seal.position, seal.events, seal.hash, seal.sealedAt);
      this.unsealed = 0;
      return seal;
    }).immediate();
  }

  private storedVersion(streamId: string): number {
    return this.statements.streamVersion.get(streamId)!.version;
  }

  private remember(streamId: string, version: number, hash: string): void {
    this.knownHeads.delete(streamId);
    this.knownHeads.set(streamId, { version, hash });
    if (this.knownHeads.size > KNOWN_VERSIONS_LIMIT) this.knownHeads.delete(this.knownHeads.keys().next().value!);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId, options.from ?? 1, options.to ?? MAX_SAFE_VERSION).map(toStoredEvent);
  }

  async readAll({ after = 0, limit }: ReadAllOptions): Promise<StoredEvent[]> {
    return this.statements.readAll.all(after, limit).map(toStoredEvent);
  }

  async *follow({ after = 0, signal }: FollowOptions = {}): AsyncIterable<StoredEvent> {
    let position = after;
    while (!signal?.aborted && !this.closed) {
      const batch = await this.readAll({ after: position, limit: 500 });
      for (const event of batch) {
        if (signal?.aborted) return;
        yield event;
        position = event.globalPosition;
      }
      if (batch.length === 0) await this.nextAppend(signal);
    }
  }

  /**
   * Resolves on the next append in this process, after the poll interval (for other writers), or on
   * abort. Plain listeners and a timer, not `events.once` with `AbortSignal.any`: a combined signal is
   * held only weakly by its sources, so after a garbage collection neither the poll nor the abort would fire.
   */
  private nextAppend(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('appended', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.appended.on('appended', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async findByIdempotencyKey(streamId: string, idempotencyKey: string): Promise<StoredEvent[]> {
    return this.statements.byIdempotencyKey.all(streamId, idempotencyKey).map(toStoredEvent);
  }

  /** The durability settings in force on this connection: journal mode and synchronous level (2 = FULL). */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()!.position;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.appended.emit('appended');
    this.db.close();
  }
}
