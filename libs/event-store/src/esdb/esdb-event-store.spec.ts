import { BACKWARDS, END, NO_STREAM, UnavailableError } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { eventStoreContract, newTestEvent } from '../contract/event-store.contract';
import { type StoredEvent } from '../event-store.port';
import { EsdbEventStore, type EsdbClient } from './esdb-event-store';
import { SimulatedEsdbClient, simulatedStore } from './testing/simulated-esdb-client';

/** A recorded event shaped like the client's AllStreamResolvedEvent, as convertGrpcEvent builds it. */

eventStoreContract('EsdbEventStore on a simulated client (not a server)', async () => simulatedStore().store);

describe('EsdbEventStore on a simulated client', () => {
  const stream = () => `offender-${randomUUID()}`;

  it('passes expected revisions and reads ranges as revisions', async () => {
    const { client, store } = simulatedStore();
    const s = stream();
    await store.append(s, [newTestEvent(), newTestEvent(), newTestEvent()], { expectedVersion: 0 });
    await store.append(s, [newTestEvent()], { expectedVersion: 3 });
    expect(client.appendToStream.mock.calls.map(([, , options]) => options.expectedRevision)).toEqual([NO_STREAM, 2n]);

    const read = await store.readStream(s, { from: 2, to: 3 });
    expect(client.readStream).toHaveBeenLastCalledWith(s, { fromRevision: 1n, maxCount: 2, direction: 'forwards' });
    expect(read.map((e) => e.version)).toEqual([2, 3]);
    expect(await store.readStream(s, { from: 3, to: 2 })).toEqual([]);
    await store.close();
  });

  it('uses the clock for recordedAt, the same for every event of one append', async () => {
    const client = new SimulatedEsdbClient();
    const store = new EsdbEventStore(client as unknown as EsdbClient, { clock: () => new Date('2027-02-03T04:05:06.789Z') });
    const s = stream();
    await store.append(s, [newTestEvent(), newTestEvent()], { expectedVersion: 'no-stream' });
    expect((await store.readStream(s)).map((e) => e.recordedAt)).toEqual(['2027-02-03T04:05:06.789Z', '2027-02-03T04:05:06.789Z']);
    await store.close();
  });

  it('readAll skips the record at `after` and everything that is not an offender event, across pages', async () => {
    const { client, store } = simulatedStore(undefined, 2);
    const s = stream();
    await store.append(s, [newTestEvent('A'), newTestEvent('B'), newTestEvent('C')], { expectedVersion: 0 });
    const [a, b, c] = await store.readStream(s);

    const afterA = await store.readAll({ after: a.globalPosition, limit: 10 });
    expect(afterA.map((e) => e.type)).toEqual(['B', 'C']);
    expect(client.readAll.mock.calls[0][0]).toEqual({
      fromPosition: { commit: BigInt(a.globalPosition), prepare: BigInt(a.globalPosition) },
      maxCount: 2,
      direction: 'forwards',
    });
    expect((await store.readAll({ limit: 10 })).map((e) => e.eventId)).toEqual([a.eventId, b.eventId, c.eventId]);
    expect(await store.readAll({ after: c.globalPosition, limit: 10 })).toEqual([]);
    expect(await store.readAll({ limit: 0 })).toEqual([]);
    await store.close();
  });

  it('headPosition is the last offender event, not a later system or foreign record', async () => {
    const { client, store } = simulatedStore();
    expect(await store.headPosition()).toBe(0);
    const s = stream();
    const { lastGlobalPosition } = await store.append(s, [newTestEvent(), newTestEvent()], { expectedVersion: 0 });
    client.noise();
    client.noise();
    expect(client.all[client.all.length - 1].event!.streamId).not.toMatch(/^offender-/);
    expect(await store.headPosition()).toBe(lastGlobalPosition);
    await store.close();
  });

  it('finds idempotency-keyed events oldest first, and nothing in a stream that does not exist', async () => {
    const { client, store } = simulatedStore();
    const s = stream();
    await store.append(s, [newTestEvent('K1', {}, { idempotencyKey: 'k' }), newTestEvent('K2', {}, { idempotencyKey: 'k' })], {
      expectedVersion: 0,
    });
    await store.append(s, [newTestEvent('Other', {}, { idempotencyKey: 'other' })], { expectedVersion: 2 });
    expect((await store.findByIdempotencyKey(s, 'k')).map((e) => e.type)).toEqual(['K1', 'K2']);
    expect(client.readStream).toHaveBeenLastCalledWith(s, { fromRevision: END, direction: BACKWARDS });
    expect(await store.findByIdempotencyKey(stream(), 'k')).toEqual([]);
    await store.close();
  });

  it('follows with a server-side offender- filter and unsubscribes when aborted while waiting', async () => {
    const { client, store } = simulatedStore();
    const controller = new AbortController();
    const iterator = store.follow({ signal: controller.signal })[Symbol.asyncIterator]();
    const next = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    const [subscription] = client.subscriptions;
    expect(subscription.esdbFilter).toMatchObject({ filterOn: 'streamName', prefixes: ['offender-'] });

    controller.abort();
    await expect(next).resolves.toEqual({ done: true, value: undefined });
    expect(subscription.unsubscribe).toHaveBeenCalledTimes(1);
    expect(subscription.destroyed).toBe(true);
    await store.close();
  });

  it('yields only events after `after`, and unsubscribes when the consumer stops', async () => {
    const { client, store } = simulatedStore();
    const s = stream();
    await store.append(s, [newTestEvent('Seen before'), newTestEvent('After1')], { expectedVersion: 0 });
    const [first] = await store.readStream(s);
    const seen: StoredEvent[] = [];
    const following = (async () => {
      for await (const event of store.follow({ after: first.globalPosition })) {
        seen.push(event);
        if (seen.length === 2) break;
      }
    })();
    await new Promise((resolve) => setImmediate(resolve));
    await store.append(s, [newTestEvent('After2')], { expectedVersion: 2 });
    await following;
    expect(seen.map((e) => e.type)).toEqual(['After1', 'After2']);
    expect(client.subscriptions[0].unsubscribe).toHaveBeenCalledTimes(1);
    await store.close();
  });

  it('close() ends every follow and disposes of the client; later calls are refused', async () => {
    const { client, store } = simulatedStore();
    const iterator = store.follow()[Symbol.asyncIterator]();
    const next = iterator.next();
    await store.close();
    await expect(next).resolves.toMatchObject({ done: true });
    expect(client.dispose).toHaveBeenCalledTimes(1);
    await expect(store.append(stream(), [newTestEvent()], { expectedVersion: 0 })).rejects.toThrow(/closed/);
    await expect(store.readAll({ limit: 1 })).rejects.toThrow(/closed/);
    expect(await store.follow()[Symbol.asyncIterator]().next()).toEqual({ done: true, value: undefined });
    await store.close();
  });

  it('close() lets an append already sent finish before disposing of the client', async () => {
    const { client, store } = simulatedStore();
    const s = stream();
    const appending = store.append(s, [newTestEvent()], { expectedVersion: 0 });
    const closing = store.close();
    await expect(appending).resolves.toMatchObject({ nextVersion: 1 });
    await closing;
    expect(client.dispose).toHaveBeenCalledTimes(1);
    expect(client.all.some((e) => e.event?.streamId === s)).toBe(true);
  });

  it('passes a failed subscription on to the follower', async () => {
    const { client, store } = simulatedStore();
    const iterator = store.follow()[Symbol.asyncIterator]();
    const next = iterator.next();
    await new Promise((resolve) => setImmediate(resolve));
    client.subscriptions[0].destroy(new UnavailableError());
    await expect(next).rejects.toBeInstanceOf(UnavailableError);
    await store.close();
  });
});
