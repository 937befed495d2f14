import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, StoredEvent } from '@ppo/event-store';

/**
 * The store as the seed's command runner sees it: a whole-stream read is
 * answered from memory once the stream has been read, and each append reads
 * back just the events it wrote, so the cache holds exactly what is stored
 * (ids, versions, hashes) while a command costs one short read instead of a
 * read of the offender's whole history. The runner still folds the history,
 * decides, and appends at the version it read.
 *
 * Only for streams this process is writing: if another process appends to one,
 * the append at a stale version is refused, the stream is dropped from the
 * cache, and the runner's retry reads it from the store.
 */
export class StreamCache implements EventStore {
  private readonly streams = new Map<string, StoredEvent[]>();

  constructor(private readonly store: EventStore) {}

  get positionsAreContiguous(): boolean | undefined {
    return this.store.positionsAreContiguous;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    if (options?.from !== undefined || options?.to !== undefined) return this.store.readStream(streamId, options);
    let cached = this.streams.get(streamId);
    if (!cached) {
      cached = await this.store.readStream(streamId);
      this.streams.set(streamId, cached);
    }
    return [...cached];
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      const result = await this.store.append(streamId, events, options);
      const cached = this.streams.get(streamId);
      if (cached) {
        cached.push(...(await this.store.readStream(streamId, { from: cached.length + 1 })));
        if (cached.at(-1)?.version !== result.nextVersion || cached.length !== result.nextVersion) this.streams.delete(streamId);
      }
      return result;
    } catch (error) {
      this.streams.delete(streamId);
      throw error;
    }
  }

  /** Drops streams the seed has finished with. */
  forget(streamIds: Iterable<string>): void {
    for (const id of streamIds) this.streams.delete(id);
  }

  readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.store.readAll(options);
  }

  follow(options?: Parameters<EventStore['follow']>[0]): AsyncIterable<StoredEvent> {
    return this.store.follow(options);
  }

  findByIdempotencyKey(streamId: string, idempotencyKey: string): Promise<StoredEvent[]> {
    return this.store.findByIdempotencyKey(streamId, idempotencyKey);
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  /** Closing is the owner's business: the cache only forgets. */
  async close(): Promise<void> {
    this.streams.clear();
  }
}
