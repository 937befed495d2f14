import type {
  AppendOptions,
  AppendResult,
  EventStore,
  FollowOptions,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '@ppo/event-store';
import type { Seal } from '@ppo/event-store';
import type { KeyObject } from 'node:crypto';
import type { Keyring } from '../keyring/keyring';
import { holdsPersonalData, open, seal, sealedPartOf } from './sealed-personal-data';

/**
 * The EventStore every part of the service uses: it seals each event's personal data under its stream's data key
 * before the adapter stores (and hashes) it, and opens it again on every read. The adapter beneath never sees
 * personal data in clear, so the log, its hashes and its seals survive erasure untouched: destroying a stream's
 * key makes its personal values read as "[erased]". There is no path that stores personal data without a key.
 */
export class PersonalDataProtectingEventStore implements EventStore {
  readonly positionsAreContiguous?: boolean;
  readonly readSeals?: () => Promise<Seal[]>;
  readonly seal?: () => Promise<Seal | undefined>;

  constructor(
    private readonly inner: EventStore,
    private readonly keyring: Keyring,
  ) {
    this.positionsAreContiguous = inner.positionsAreContiguous;
    if (inner.readSeals) this.readSeals = () => inner.readSeals!();
    if (inner.seal) this.seal = () => inner.seal!();
  }

  /** The adapter beneath, for what needs the stored bytes as they are (verifying the chain, backups). */
  get stored(): EventStore {
    return this.inner;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const key = events.some(holdsPersonalData) ? await this.keyring.keyForWriting(streamId) : undefined;
    const sealed = key ? events.map((event) => ({ ...event, data: seal(streamId, event, key) })) : events;
    return this.inner.append(streamId, sealed, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.openAll(await this.inner.readStream(streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.openAll(await this.inner.readAll(options));
  }

  async *follow(options?: FollowOptions): AsyncIterable<StoredEvent> {
    for await (const event of this.inner.follow(options)) yield await this.openOne(event);
  }

  async findByIdempotencyKey(streamId: string, idempotencyKey: string): Promise<StoredEvent[]> {
    return this.openAll(await this.inner.findByIdempotencyKey(streamId, idempotencyKey));
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  async close(): Promise<void> {
    await this.inner.close();
    await this.keyring.close();
  }

  private async openAll(events: StoredEvent[]): Promise<StoredEvent[]> {
    // One key lookup per stream in the batch, not one per event: a long history is mostly one stream.
    const keys = new Map<string, KeyObject | 'destroyed'>();
    const opened: StoredEvent[] = [];
    for (const event of events) {
      if (!sealedPartOf(event.data)) {
        opened.push(event);
        continue;
      }
      let key = keys.get(event.streamId);
      if (!key) keys.set(event.streamId, (key = await this.keyring.keyForReading(event.streamId)));
      opened.push({ ...event, data: open(event.streamId, event, key) });
    }
    return opened;
  }

  private async openOne(event: StoredEvent): Promise<StoredEvent> {
    if (!sealedPartOf(event.data)) return event;
    const key = await this.keyring.keyForReading(event.streamId);
    return { ...event, data: open(event.streamId, event, key) };
  }
}
