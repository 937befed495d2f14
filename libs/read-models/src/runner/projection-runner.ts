import type { EventStore, StoredEvent } from '@ppo/event-store';
import type { ProjectedEvent, Projection } from '../projection';
import type { ReadModelStore } from '../store/read-model-store.port';
import type { Row, TableSpec } from '../store/table-spec';
import { toProjectedEvent } from './projected-events';
import { LaneTotals } from './projection-totals';
import { applyCorrections, isCorrection } from '@ppo/domain';

/** Where a projection stands: catching up with the log, live at its head, failed on an event, or stopped. */
export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionRunnerOptions {
  /** Events read at a time (default 2000). */
  batchSize?: number;
  /** Uncommitted rows a projection may hold before it commits (default 20,000). */
  maxDirtyRows?: number;
  /** While catching up, commit at least this often (default 10 s: a crash re-applies at most that); at the head of the log every batch commits. */
  commitIntervalMs?: number;
  /** Committed rows kept in memory (default 20,000 per projection); the least recently written are dropped past that. */
  cacheLimit?: number;
  /** Wait after a storage error before trying again (default 1000 ms); doubled after each failed try in a row. */
  retryDelayMs?: number;
  /** The longest wait between tries while storage stays unreachable (default 30 s). */
  maxRetryDelayMs?: number;
  logger?: { log(message: string): void; error(message: string): void };
}

/** A failure that stops a projection: the event it threw on. */
export interface ProjectionFailure {
  position: number;
  eventId: string;
  error: string;
}

/** What the runner reports about one projection. */
export interface ProjectionRunStatus {
  name: string;
  state: ProjectionState;
  /** Global position of the last event committed. */
  position: number;
  failure: ProjectionFailure | null;
}

/** One projection's progress inside a runner. */
class Lane {
  state: ProjectionState = 'starting';
  /** Committed position. */
  position = 0;
  /** Applied position, committed or not. */
  applied = 0;
  failure: ProjectionFailure | null = null;
  pendingFailure: ProjectionFailure | null = null;
  readonly cache = new Map<string, Row | null>();
  readonly dirty = new Map<string, Row | null>();
  lastCommit = performance.now();
  /** Filled from position 0 without secondary indexes; they are built once it reaches the head. */
  indexesDeferred = false;
  /** The projection's totals table, if it keeps one. */
  readonly totals?: LaneTotals;

  constructor(
    readonly projection: Projection,
    cacheLimit: number,
  ) {
    if (projection.totals) this.totals = new LaneTotals(projection.totals, cacheLimit);
  }

  /** The projection's table, and its totals table if it keeps one. */
  get tables(): TableSpec[] {
    return this.projection.totals ? [this.projection.table, this.projection.totals.table] : [this.projection.table];
  }

  get active(): boolean {
    return this.state !== 'failed' && this.pendingFailure === null;
  }

  current(key: string): Row | undefined {
    const row = this.dirty.has(key) ? this.dirty.get(key) : this.cache.get(key);
    return row ?? undefined;
  }
}

/**
 * Runs projections: reads the global log once, in batches, from the lowest
 * checkpoint among them, and applies each event to every projection that has
 * not seen it, with that projection's pure evolve. A projection's changed rows
 * and its new checkpoint are committed in one transaction, so every event
 * counts exactly once whatever crashes; a crash loses only uncommitted work,
 * which is applied again. An event that makes a projection throw stops that
 * projection only, with the failure recorded; a restart resumes from that event.
 */
export class ProjectionRunner {
  private readonly lanes: Lane[];
  private readonly controller = new AbortController();
  private loop?: Promise<void>;
  private prepared = false;
  private waiters: { position: number; resolve(): void; reject(error: Error): void }[] = [];
  private readonly batchSize: number;
  private readonly maxDirtyRows: number;
  private readonly commitIntervalMs: number;
  private readonly cacheLimit: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadModelStore,
    projections: Projection | Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.lanes = (Array.isArray(projections) ? projections : [projections]).map((p) => new Lane(p, options.cacheLimit ?? 20_000));
    this.batchSize = options.batchSize ?? 2000;
    this.maxDirtyRows = options.maxDirtyRows ?? 20_000;
    this.commitIntervalMs = options.commitIntervalMs ?? 10_000;
    this.cacheLimit = options.cacheLimit ?? 20_000;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.maxRetryDelayMs = Math.max(options.maxRetryDelayMs ?? 30_000, this.retryDelayMs);
  }

  /**
   * Loads checkpoints (resetting a projection whose version changed) and starts following the log. Should
   * the read-model store be out of reach, it starts all the same and the loop keeps trying to load them.
   */
  async start(): Promise<void> {
    try {
      await this.prepare();
    } catch (error) {
      this.options.logger?.error(`Projections cannot load their checkpoints: ${(error as Error).message}; trying again`);
    }
    this.loop = this.run();
  }

  /** Applies every event up to the head of the log, commits, and returns (for rebuilds, the command line and tests). */
  async catchUp(): Promise<void> {
    await this.prepare();
    for (;;) {
      const from = this.lowestApplied();
      if (from === undefined) break;
      const batch = await this.events.readAll({ after: from, limit: this.batchSize });
      if (batch.length === 0) break;
      await this.apply(batch, false);
    }
    await this.commitAll(true);
    await this.buildDeferredIndexes();
    for (const lane of this.lanes) if (lane.state !== 'failed') lane.state = 'live';
  }

  /** Builds the indexes of projections filled from position 0, once they have caught up. */
  private async buildDeferredIndexes(): Promise<void> {
    for (const lane of this.lanes) {
      if (!lane.indexesDeferred || lane.state === 'failed') continue;
      await this.store.ensureIndexes(lane.tables);
      lane.indexesDeferred = false;
    }
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
    for (const lane of this.lanes) if (lane.state !== 'failed') lane.state = 'stopped';
    for (const waiter of this.waiters) waiter.reject(new Error('Projections stopped'));
    this.waiters = [];
  }

  /** Resolves once every projection has committed everything up to `position`; rejects if one fails first. */
  waitFor(position: number): Promise<void> {
    const failed = this.lanes.find((l) => l.state === 'failed');
    if (failed) return Promise.reject(new Error(`Projection ${failed.projection.name} failed: ${failed.failure?.error}`));
    if (this.lanes.every((l) => l.position >= position)) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  status(): ProjectionRunStatus[] {
    return this.lanes.map((l) => ({ name: l.projection.name, state: l.state, position: l.position, failure: l.failure }));
  }

  private async prepare(): Promise<void> {
    if (this.prepared) return;
    for (const lane of this.lanes) {
      const { projection } = lane;
      const checkpoint = await this.store.checkpoint(projection.name);
      if (!checkpoint || checkpoint.projectionVersion !== projection.version || checkpoint.position === 0) {
        if (checkpoint && checkpoint.projectionVersion !== projection.version) {
          this.options.logger?.log(`Projection ${projection.name} is at v${checkpoint.projectionVersion}, code at v${projection.version}: rebuilding`);
        }
        // A fresh table without secondary indexes: filling it is much cheaper, and they are built at the head.
        for (const table of lane.tables) await this.store.dropTable(projection.name, table);
        await this.store.ensureTables(lane.tables, { withIndexes: false });
        await this.store.reset(projection.name, projection.version, lane.tables);
        lane.position = 0;
        lane.indexesDeferred = true;
      } else {
        await this.store.ensureTables(lane.tables);
        lane.position = checkpoint.position;
      }
      lane.applied = lane.position;
      lane.state = 'catching-up';
    }
    this.prepared = true;
  }

  private lowestApplied(): number | undefined {
    const active = this.lanes.filter((l) => l.active);
    return active.length ? Math.min(...active.map((l) => l.applied)) : undefined;
  }

  /**
   * Follows the log until stopped. An error here is the event or read-model store failing (an event that a
   * projection cannot apply is caught in apply and stops that projection alone): uncommitted work is dropped and
   * the loop tries again from the checkpoints, waiting twice as long after each failure in a row, up to
   * maxRetryDelayMs, so an outage neither fails a projection nor floods the log.
   */
  private async run(): Promise<void> {
    const { signal } = this.controller;
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.prepare();
        const from = this.lowestApplied();
        if (from === undefined) return;
        const batch = await this.events.readAll({ after: from, limit: this.batchSize });
        const atHead = batch.length < this.batchSize;
        if (batch.length > 0) await this.apply(batch, atHead);
        else await this.commitAll(true);
        if (failures > 0) this.options.logger?.log(`Projections: storage answers again after ${failures} failed ${failures === 1 ? 'try' : 'tries'}`);
        failures = 0;
        if (atHead) {
          await this.buildDeferredIndexes();
          for (const lane of this.lanes) if (lane.state === 'catching-up') lane.state = 'live';
          await this.nextAppend(signal);
        }
      } catch (error) {
        // Storage trouble, not a poison event: drop uncommitted work and read again from the checkpoints.
        for (const lane of this.lanes) {
          lane.dirty.clear();
          lane.cache.clear();
          lane.totals?.drop();
          lane.applied = lane.position;
          lane.pendingFailure = null;
        }
        const delay = Math.min(this.retryDelayMs * 2 ** Math.min(failures, 30), this.maxRetryDelayMs);
        failures++;
        this.options.logger?.error(`Projections: ${(error as Error).message}; trying again in ${delay} ms (failure ${failures} in a row)`);
        await sleep(delay, signal);
      }
    }
    await this.commitAll(true).catch(() => undefined);
  }

  /**
   * Waits for the next append, for stop, or for a second to pass (a last resort should a
   * notification be missed), whichever comes first; never hangs on how an adapter ends a follow.
   */
  private async nextAppend(signal: AbortSignal): Promise<void> {
    const from = this.lowestApplied();
    if (from === undefined || signal.aborted) return;
    const follower = new AbortController();
    const iterator = this.events.follow({ after: from, signal: follower.signal })[Symbol.asyncIterator]();
    let onAbort: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        iterator.next(),
        new Promise<void>((resolve) => {
          onAbort = resolve;
          signal.addEventListener('abort', onAbort, { once: true });
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 1000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      follower.abort();
      void iterator.return?.(undefined)?.catch(() => undefined);
    }
  }

  /** Applies a batch to every projection that has not seen its events, then commits where due. */
  private async apply(batch: StoredEvent[], atHead: boolean): Promise<void> {
    const projected: (ProjectedEvent | Error | undefined)[] = batch.map((stored) => {
      try {
        return toProjectedEvent(stored);
      } catch (error) {
        return error as Error;
      }
    });
    await this.loadRows(batch, projected);
    const corrected = await this.correctedHistories(batch, projected);

    batch.forEach((stored, i) => {
      const event = projected[i];
      for (const lane of this.lanes) {
        if (!lane.active || stored.globalPosition <= lane.applied) continue;
        try {
          if (event instanceof Error) throw event;
          const key = event && lane.projection.keyOf(event);
          const history = corrected.get(stored.globalPosition);
          if (event && key !== undefined && history && !lane.projection.insertOnly) {
            // A correction changes how the offender's whole history reads: the row is folded again from it.
            const refolded = history.reduce<Row | undefined>((row, e) => lane.projection.evolve(row, e), undefined);
            this.write(lane, key, lane.projection.evolve(refolded, event));
          } else if (event && key !== undefined) this.write(lane, key, lane.projection.evolve(lane.current(key), event));
          lane.applied = stored.globalPosition;
        } catch (error) {
          lane.pendingFailure = { position: stored.globalPosition, eventId: stored.eventId, error: (error as Error).stack ?? String(error) };
        }
      }
    });
    await this.commitAll(atHead);
    if (batch.some((stored) => stored.type === 'PersonalDataErased')) {
      // An erasure rewrote rows that held personal data: commit now, and have the store scrub the old copies.
      await this.commitAll(true);
      await this.store.scrub?.(this.lanes.flatMap((l) => l.tables));
    }
  }

  /** Sets a row's next value, moving the projection's totals from its old value to it. */
  private write(lane: Lane, key: string, row: Row | undefined): void {
    lane.totals?.change(key, lane.current(key), row);
    lane.dirty.set(key, row ?? null);
  }

  /**
   * For each correction in the batch, its offender's history as it reads once
   * corrected (up to the correction, which is left out), to fold rows again from.
   */
  private async correctedHistories(batch: StoredEvent[], projected: (ProjectedEvent | Error | undefined)[]): Promise<Map<number, ProjectedEvent[]>> {
    const histories = new Map<number, ProjectedEvent[]>();
    for (const [i, stored] of batch.entries()) {
      const event = projected[i];
      if (!event || event instanceof Error || !isCorrection(event.event)) continue;
      if (this.lanes.every((l) => !l.active || l.projection.insertOnly || stored.globalPosition <= l.applied)) continue;
      const stream = await this.events.readStream(stored.streamId, { to: stored.version });
      const upToIt = stream.map((s) => toProjectedEvent(s)).filter((e): e is ProjectedEvent => e !== undefined);
      histories.set(stored.globalPosition, applyCorrections(upToIt));
    }
    return histories;
  }

  /** Loads from the store the rows this batch concerns that no projection holds in memory. */
  private async loadRows(batch: StoredEvent[], projected: (ProjectedEvent | Error | undefined)[]): Promise<void> {
    for (const lane of this.lanes) {
      if (lane.active && lane.totals && !lane.totals.loaded) await lane.totals.load(this.store);
      if (!lane.active || lane.projection.insertOnly) continue;
      const keys = new Set<string>();
      batch.forEach((stored, i) => {
        const event = projected[i];
        if (stored.globalPosition <= lane.applied || !event || event instanceof Error) return;
        try {
          const key = lane.projection.keyOf(event);
          if (key !== undefined && !lane.dirty.has(key) && !lane.cache.has(key)) keys.add(key);
        } catch {
          // keyOf throwing is a poison event; apply reports it in order.
        }
      });
      if (keys.size === 0) continue;
      const loaded = await this.store.load(lane.projection.table, [...keys]);
      for (const key of keys) lane.cache.set(key, loaded.get(key) ?? null);
    }
  }

  /** Commits each projection whose uncommitted work is due: at the head of the log, when large, when old, or on failure. */
  private async commitAll(force: boolean): Promise<void> {
    const now = performance.now();
    for (const lane of this.lanes) {
      const due = force || lane.pendingFailure !== null || lane.dirty.size >= this.maxDirtyRows || now - lane.lastCommit >= this.commitIntervalMs;
      if (due && lane.applied > lane.position) await this.commit(lane);
      if (lane.pendingFailure) await this.fail(lane, lane.pendingFailure);
    }
    this.settleWaiters();
  }

  private async commit(lane: Lane): Promise<void> {
    const { projection } = lane;
    const upserts: Row[] = [];
    const deletes: string[] = [];
    for (const [key, row] of lane.dirty) {
      if (row) upserts.push(row);
      else deletes.push(key);
    }
    const totals = lane.totals ? [lane.totals.writes()] : [];
    await this.store.commit(projection.name, projection.version, [{ table: projection.table, upserts, deletes }, ...totals], lane.applied);
    lane.totals?.committedWrites();
    if (!projection.insertOnly) {
      for (const [key, row] of lane.dirty) {
        lane.cache.delete(key);
        lane.cache.set(key, row);
      }
      // Drop the least recently written rows past the limit (a Map iterates in insertion order).
      for (const key of lane.cache.keys()) {
        if (lane.cache.size <= this.cacheLimit) break;
        lane.cache.delete(key);
      }
    }
    lane.dirty.clear();
    lane.position = lane.applied;
    lane.lastCommit = performance.now();
  }

  private async fail(lane: Lane, failure: ProjectionFailure): Promise<void> {
    lane.failure = failure;
    lane.pendingFailure = null;
    lane.cache.clear();
    lane.totals?.drop();
    lane.state = 'failed';
    await this.store.recordFailure(lane.projection.name, failure);
    this.options.logger?.error(
      `Projection ${lane.projection.name} stopped at event ${failure.eventId} (position ${failure.position}): ${failure.error}`,
    );
    for (const waiter of this.waiters) waiter.reject(new Error(`Projection ${lane.projection.name} failed: ${failure.error}`));
    this.waiters = [];
  }

  private settleWaiters(): void {
    const committed = Math.min(...this.lanes.map((l) => l.position));
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > committed) return true;
      waiter.resolve();
      return false;
    });
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
