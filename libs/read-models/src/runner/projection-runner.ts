import type { EventStore, StoredEvent } from '@ppo/event-store';
import type { Projection } from '../projection';
import type { ReadModelStore, TableWrites } from '../store/read-model-store.port';
import type { Row } from '../store/table-spec';
import { toProjectedEvent } from './projected-events';

/** Where a projection stands: catching up with the log, live at its head, failed on an event, or stopped. */
export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionRunnerOptions {
  /** Events read and committed together (default 1000). */
  batchSize?: number;
  /** Rows kept in memory between batches (default 100,000); the cache is dropped past that. */
  cacheLimit?: number;
  /** Wait after a storage error before trying the same batch again (default 1000 ms). */
  retryDelayMs?: number;
  logger?: { log(message: string): void; error(message: string): void };
}

/** A failure that stops a projection: the event it threw on. */
export interface ProjectionFailure {
  position: number;
  eventId: string;
  error: string;
}

/**
 * Runs one projection: reads the global log after its checkpoint in batches,
 * applies each event with the projection's pure evolve, and writes the changed
 * rows and the new checkpoint in one transaction, so every event counts exactly
 * once whatever crashes. An event that makes evolve throw stops this projection
 * only, with the failure recorded; a restart resumes from that event.
 */
export class ProjectionRunner {
  private state: ProjectionState = 'starting';
  private position = 0;
  private failure: ProjectionFailure | null = null;
  private readonly cache = new Map<string, Row | null>();
  private readonly controller = new AbortController();
  private loop?: Promise<void>;
  private waiters: { position: number; resolve(): void; reject(error: Error): void }[] = [];
  private readonly batchSize: number;
  private readonly cacheLimit: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.cacheLimit = options.cacheLimit ?? 100_000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** Loads the checkpoint (resetting the tables if the projection's version changed) and starts following the log. */
  async start(): Promise<void> {
    await this.prepare();
    this.loop = this.run();
  }

  /** Applies every event up to the head of the log, then returns (for rebuilds, the command line and tests). */
  async catchUp(): Promise<void> {
    if (this.state === 'starting') await this.prepare();
    while (this.state !== 'failed') {
      const batch = await this.events.readAll({ after: this.position, limit: this.batchSize });
      if (batch.length === 0) break;
      await this.apply(batch);
    }
    if (this.state !== 'failed') this.setState('live');
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
    if (this.state !== 'failed') this.setState('stopped');
    for (const waiter of this.waiters) waiter.reject(new Error(`Projection ${this.projection.name} stopped`));
    this.waiters = [];
  }

  /** Resolves once the projection has applied everything up to `position`; rejects if it fails first. */
  waitFor(position: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    if (this.state === 'failed') return Promise.reject(new Error(`Projection ${this.projection.name} failed: ${this.failure?.error}`));
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  status(): { name: string; state: ProjectionState; position: number; failure: ProjectionFailure | null } {
    return { name: this.projection.name, state: this.state, position: this.position, failure: this.failure };
  }

  private async prepare(): Promise<void> {
    const { projection } = this;
    await this.store.ensureTables([projection.table]);
    const checkpoint = await this.store.checkpoint(projection.name);
    if (!checkpoint || checkpoint.projectionVersion !== projection.version) {
      if (checkpoint) this.options.logger?.log(`Projection ${projection.name} is at v${checkpoint.projectionVersion}, code at v${projection.version}: rebuilding`);
      await this.store.reset(projection.name, projection.version, [projection.table]);
      this.position = 0;
    } else {
      this.position = checkpoint.position;
    }
    this.setState('catching-up');
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted && this.state !== 'failed') {
      let batch: StoredEvent[];
      try {
        batch = await this.events.readAll({ after: this.position, limit: this.batchSize });
        if (batch.length === 0) {
          this.setState('live');
          await this.nextAppend(signal);
          continue;
        }
        await this.apply(batch);
      } catch (error) {
        // Storage trouble, not a poison event: forget cached rows and try the same batch again.
        this.cache.clear();
        this.options.logger?.error(`Projection ${this.projection.name}: ${(error as Error).message}; retrying`);
        await sleep(this.retryDelayMs, signal);
      }
    }
  }

  private async nextAppend(signal: AbortSignal): Promise<void> {
    const follower = new AbortController();
    const stop = () => follower.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const _ of this.events.follow({ after: this.position, signal: follower.signal })) break;
    } finally {
      signal.removeEventListener('abort', stop);
      follower.abort();
    }
  }

  /** Applies a batch: everything before a poison event is committed, then the projection stops on it. */
  private async apply(batch: StoredEvent[]): Promise<void> {
    const { projection } = this;
    const changes = new Map<string, Row | null>();
    let applied = this.position;
    let failure: ProjectionFailure | null = null;

    const keys = new Set<string>();
    for (const stored of batch) {
      try {
        const event = toProjectedEvent(stored);
        const key = event && projection.keyOf(event);
        if (key !== undefined && !this.cache.has(key)) keys.add(key);
      } catch {
        // Reported below, at the event, in order.
      }
    }
    if (keys.size > 0) {
      const loaded = await this.store.load(projection.table, [...keys]);
      for (const key of keys) this.cache.set(key, loaded.get(key) ?? null);
    }

    for (const stored of batch) {
      try {
        const event = toProjectedEvent(stored);
        const key = event && projection.keyOf(event);
        if (event && key !== undefined) {
          const current = changes.has(key) ? changes.get(key) : this.cache.get(key);
          changes.set(key, projection.evolve(current ?? undefined, event) ?? null);
        }
        applied = stored.globalPosition;
      } catch (error) {
        failure = { position: stored.globalPosition, eventId: stored.eventId, error: (error as Error).stack ?? String(error) };
        break;
      }
    }

    if (applied > this.position) {
      const writes: TableWrites = { table: projection.table, upserts: [], deletes: [] };
      for (const [key, row] of changes) {
        if (row) writes.upserts.push(row);
        else writes.deletes.push(key);
      }
      await this.store.commit(projection.name, projection.version, [writes], applied);
      if (this.cache.size + changes.size > this.cacheLimit) this.cache.clear();
      for (const [key, row] of changes) this.cache.set(key, row);
      this.position = applied;
      this.settleWaiters();
    }
    if (failure) await this.fail(failure);
    else if (this.state !== 'live') this.setState(batch.length === this.batchSize ? 'catching-up' : 'live');
  }

  private async fail(failure: ProjectionFailure): Promise<void> {
    this.failure = failure;
    this.cache.clear();
    this.setState('failed');
    await this.store.recordFailure(this.projection.name, failure);
    this.options.logger?.error(
      `Projection ${this.projection.name} stopped at event ${failure.eventId} (position ${failure.position}): ${failure.error}`,
    );
    for (const waiter of this.waiters) waiter.reject(new Error(`Projection ${this.projection.name} failed: ${failure.error}`));
    this.waiters = [];
  }

  private settleWaiters(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > this.position) return true;
      waiter.resolve();
      return false;
    });
  }

  private setState(state: ProjectionState): void {
    this.state = state;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
