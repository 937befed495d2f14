import {
  ANY,
  BACKWARDS,
  CancelledError,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult as EsdbAppendResult,
  type EventData,
  type PrefixesFilter,
  type ReadPosition,
  type ReadRevision,
  type SubscribeToAllOptions,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { EsdbEventStore, type EsdbClient } from '../esdb-event-store';
import { resolvedEvent } from './esdb-test-events';

/** A recorded event shaped like the client's AllStreamResolvedEvent, as convertGrpcEvent builds it. */

type FakeSubscription = PassThrough & { unsubscribe: jest.Mock<Promise<void>, []>; esdbFilter?: PrefixesFilter };

export class SimulatedEsdbClient {
  readonly all: AllStreamResolvedEvent[] = [];
  readonly subscriptions: FakeSubscription[] = [];
  disposed = false;
  private position = 1_000n;

  /** Writes records the port must never see: a system event and another application's event. */
  noise(): void {
    this.write('$stats-127.0.0.1:2113', '$statsCollected', {}, undefined);
    this.write('invoice-1', 'InvoiceRaised', {}, undefined);
  }

  appendToStream = jest.fn(
    async (streamName: string, events: EventData[], options: { expectedRevision: AppendExpectedRevision }): Promise<EsdbAppendResult> => {
      await new Promise((resolve) => setImmediate(resolve));
      // dispose() cancels the client's gRPC streams, failing appends still in flight.
      if (this.disposed) throw new CancelledError();
      const current = this.currentRevision(streamName);
      const expected = options.expectedRevision;
      const ok =
        expected === ANY ||
        (expected === NO_STREAM && current === NO_STREAM) ||
        (expected === STREAM_EXISTS && current !== NO_STREAM) ||
        expected === current;
      if (!ok) throw new EsdbWrongExpectedVersionError(undefined, { streamName, expected, current });
      let last: AllStreamResolvedEvent | undefined;
      for (const event of events) last = this.write(streamName, event.type, event.data, event.metadata, event.id);
      this.noise();
      const revision = last?.event?.revision ?? (current === NO_STREAM ? -1n : current);
      return { success: true, nextExpectedRevision: revision, position: last?.event?.position };
    },
  );

  readStream = jest.fn(
    (streamName: string, { fromRevision = START, maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards' }: {
      fromRevision?: ReadRevision;
      maxCount?: number | bigint;
      direction?: string;
    } = {}) => {
      const events = this.all.filter((e) => e.event?.streamId === streamName);
      if (events.length === 0) {
        return readable([], new StreamNotFoundError(undefined, streamName));
      }
      let selected =
        direction === BACKWARDS
          ? events.filter((e) => fromRevision === END || e.event!.revision <= (fromRevision as bigint)).reverse()
          : events.filter((e) => fromRevision === START || e.event!.revision >= (fromRevision as bigint));
      selected = selected.slice(0, Number(maxCount));
      return readable(selected);
    },
  );

  readAll = jest.fn(
    ({ fromPosition = START, maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards' }: {
      fromPosition?: ReadPosition;
      maxCount?: number | bigint;
      direction?: string;
    } = {}) => {
      const selected =
        direction === BACKWARDS
          ? this.all.filter((e) => fromPosition === END || e.commitPosition! < (fromPosition as { commit: bigint }).commit).reverse()
          : this.all.filter((e) => fromPosition === START || e.commitPosition! >= (fromPosition as { commit: bigint }).commit);
      return readable(selected.slice(0, Number(maxCount)));
    },
  );

  subscribeToAll = jest.fn(({ fromPosition = START, filter }: SubscribeToAllOptions = {}) => {
    const subscription = new PassThrough({ objectMode: true }) as FakeSubscription;
    subscription.esdbFilter = filter as PrefixesFilter;
    subscription.unsubscribe = jest.fn(async () => {
      subscription.end();
    });
    for (const event of this.all) {
      if (fromPosition === START || event.commitPosition! > (fromPosition as { commit: bigint }).commit) this.deliver(subscription, event);
    }
    this.subscriptions.push(subscription);
    return subscription;
  });

  dispose = jest.fn(async () => {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.end();
  });

  private currentRevision(streamName: string): bigint | typeof NO_STREAM {
    const events = this.all.filter((e) => e.event?.streamId === streamName);
    return events.length === 0 ? NO_STREAM : events[events.length - 1].event!.revision;
  }

  private write(streamId: string, type: string, data: unknown, metadata: unknown, id: string = randomUUID()): AllStreamResolvedEvent {
    // Records are tens to hundreds of bytes long, so positions jump.
    this.position += 100n + BigInt(Math.floor(Math.random() * 400));
    const current = this.currentRevision(streamId);
    const event = resolvedEvent({
      streamId,
      type,
      id,
      data: JSON.parse(JSON.stringify(data)),
      metadata: metadata === undefined ? undefined : JSON.parse(JSON.stringify(metadata)),
      revision: current === NO_STREAM ? 0n : current + 1n,
      commit: this.position,
    });
    this.all.push(event);
    for (const subscription of this.subscriptions) this.deliver(subscription, event);
    return event;
  }

  private deliver(subscription: FakeSubscription, event: AllStreamResolvedEvent): void {
    if (subscription.writableEnded || subscription.destroyed) return;
    const prefixes = subscription.esdbFilter?.prefixes;
    if (prefixes && !prefixes.some((p) => event.event!.streamId.startsWith(p))) return;
    subscription.write(event);
  }
}

export function readable<T>(items: T[], error?: Error): Readable & { cancel(): Promise<void> } {
  const stream = new Readable({
    objectMode: true,
    read() {
      for (const item of items) this.push(item);
      if (error) this.destroy(error);
      else this.push(null);
    },
  });
  return Object.assign(stream, { cancel: async () => undefined });
}

export const simulatedStore = (client = new SimulatedEsdbClient(), pageSize = 3) => {
  client.noise();
  return { client, store: new EsdbEventStore(client as unknown as EsdbClient, { readPageSize: pageSize }) };
};

// The behaviour every adapter must show, here on the simulation (small pages, to cross page boundaries).
