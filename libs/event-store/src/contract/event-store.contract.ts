import { expectedHash } from '../integrity/event-hash';
import { verifyLog } from '../integrity/verify-log';
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError, type EventStore, type NewEvent, type StoredEvent } from '../event-store.port';

/** A fresh event with realistic metadata, for contract tests and benchmarks. */
export function newTestEvent(type = 'ContactRecorded', data: unknown = { n: 1 }, extra: Partial<NewEvent['metadata']> = {}): NewEvent {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      occurredAt: '2026-11-20',
      actor: { userId: 'system', role: 'system' },
      correlationId: randomUUID(),
      causationId: commandId,
      commandId,
      ...extra,
    },
  };
}

const newStream = () => `offender-${randomUUID()}`;

async function collect(iterable: AsyncIterable<StoredEvent>, count: number): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  for await (const event of iterable) {
    seen.push(event);
    if (seen.length === count) break;
  }
  return seen;
}

/**
 * The behaviour every EventStore adapter must show. Each adapter's
 * `*.int.spec.ts` calls this with a factory; tests use fresh random streams,
 * so the suite also runs against a shared server that holds other data.
 */
export function eventStoreContract(name: string, open: () => Promise<EventStore>): void {
  describe(`${name} event store contract`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('appends to a new stream and reads back every envelope field at versions 1, 2, 3', async () => {
      const stream = newStream();
      const events = [newTestEvent('A', { a: 1 }), newTestEvent('B', { b: 'two' }), newTestEvent('C', { nested: { c: [3] } })];
      const result = await store.append(stream, events, { expectedVersion: 0 });
      expect(result.nextVersion).toBe(3);

      const read = await store.readStream(stream);
      expect(read.map((e) => e.version)).toEqual([1, 2, 3]);
      read.forEach((stored, i) => {
        expect(stored).toMatchObject({ ...events[i], streamId: stream });
        expect(stored.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      });
      expect(read[2].globalPosition).toBe(result.lastGlobalPosition);
      expect(read[0].globalPosition).toBeLessThan(read[1].globalPosition);
      expect(read[1].globalPosition).toBeLessThan(read[2].globalPosition);
    });

    it('chains each stream by hash, across appends and whatever version the writer expected, so the whole log verifies', async () => {
      const stream = newStream();
      await store.append(stream, [newTestEvent('A'), newTestEvent('B')], { expectedVersion: 0 });
      await store.append(stream, [newTestEvent('C')], { expectedVersion: 'any' });
      await store.append(stream, [newTestEvent('D')], { expectedVersion: 'stream-exists' });
      const read = await store.readStream(stream);
      expect(read[0].previousHash).toBeNull();
      for (const [i, event] of read.entries()) {
        expect(event.hash).toBe(expectedHash(event));
        if (i > 0) expect(event.previousHash).toBe(read[i - 1].hash);
      }
      await store.seal?.();
      const report = await verifyLog(store);
      expect(report).toMatchObject({ ok: true, firstBreak: null });
      expect(report.events).toBeGreaterThanOrEqual(4);
    });

    it('reads an unknown stream as empty', async () => {
      expect(await store.readStream(newStream())).toEqual([]);
    });

    it('reads a range of versions', async () => {
      const stream = newStream();
      await store.append(stream, [1, 2, 3, 4, 5].map((n) => newTestEvent('N', { n })), { expectedVersion: 0 });
      const middle = await store.readStream(stream, { from: 2, to: 4 });
      expect(middle.map((e) => (e.data as { n: number }).n)).toEqual([2, 3, 4]);
      expect((await store.readStream(stream, { from: 5 })).map((e) => e.version)).toEqual([5]);
    });

    it('refuses an append at a stale version and writes nothing', async () => {
      const stream = newStream();
      await store.append(stream, [newTestEvent(), newTestEvent()], { expectedVersion: 0 });
      const stale = store.append(stream, [newTestEvent()], { expectedVersion: 1 });
      await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(stale).rejects.toMatchObject({ streamId: stream, actual: 2 });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('refuses to create a stream that exists, and to extend one that does not', async () => {
      const stream = newStream();
      await store.append(stream, [newTestEvent()], { expectedVersion: 'no-stream' });
      await expect(store.append(stream, [newTestEvent()], { expectedVersion: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      await expect(store.append(stream, [newTestEvent()], { expectedVersion: 0 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(store.append(newStream(), [newTestEvent()], { expectedVersion: 'stream-exists' })).rejects.toBeInstanceOf(
        WrongExpectedVersionError,
      );
      expect((await store.append(stream, [newTestEvent()], { expectedVersion: 'stream-exists' })).nextVersion).toBe(2);
      expect((await store.append(stream, [newTestEvent()], { expectedVersion: 'any' })).nextVersion).toBe(3);
    });

    it('lets exactly one of two concurrent appends at the same version win', async () => {
      const stream = newStream();
      await store.append(stream, [newTestEvent()], { expectedVersion: 0 });
      const results = await Promise.allSettled([
        store.append(stream, [newTestEvent('First')], { expectedVersion: 1 }),
        store.append(stream, [newTestEvent('Second')], { expectedVersion: 1 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream(stream)).map((e) => e.version)).toEqual([1, 2]);
    });

    it('rejects only the conflicting append among many concurrent ones', async () => {
      const streams = Array.from({ length: 20 }, newStream);
      const contested = streams[0];
      const results = await Promise.allSettled([
        ...streams.map((s) => store.append(s, [newTestEvent()], { expectedVersion: 0 })),
        store.append(contested, [newTestEvent('Loser')], { expectedVersion: 0 }),
      ]);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      for (const s of streams) expect(await store.readStream(s)).toHaveLength(1);
    });

    it('reads the global log after a position, in order, in batches', async () => {
      const from = await store.headPosition();
      const a = newStream();
      const b = newStream();
      await store.append(a, [newTestEvent('A1'), newTestEvent('A2')], { expectedVersion: 0 });
      await store.append(b, [newTestEvent('B1')], { expectedVersion: 0 });
      await store.append(a, [newTestEvent('A3')], { expectedVersion: 2 });

      const firstBatch = await store.readAll({ after: from, limit: 2 });
      const secondBatch = await store.readAll({ after: firstBatch[1].globalPosition, limit: 10 });
      const ours = [...firstBatch, ...secondBatch].filter((e) => e.streamId === a || e.streamId === b);
      expect(firstBatch).toHaveLength(2);
      expect(ours.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
      const positions = [...firstBatch, ...secondBatch].map((e) => e.globalPosition);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(ours[3].globalPosition);
    });

    it('follows the log: first what is there, then each new event as it is appended', async () => {
      const from = await store.headPosition();
      const stream = newStream();
      await store.append(stream, [newTestEvent('Before')], { expectedVersion: 0 });
      const controller = new AbortController();
      const followed = collect(
        (async function* () {
          for await (const e of store.follow({ after: from, signal: controller.signal })) if (e.streamId === stream) yield e;
        })(),
        3,
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await store.append(stream, [newTestEvent('After1'), newTestEvent('After2')], { expectedVersion: 1 });
      const seen = await followed;
      controller.abort();
      expect(seen.map((e) => e.type)).toEqual(['Before', 'After1', 'After2']);
    });

    it('stops following when aborted', async () => {
      const controller = new AbortController();
      const iterator = store.follow({ after: await store.headPosition(), signal: controller.signal })[Symbol.asyncIterator]();
      const next = iterator.next();
      controller.abort();
      await expect(next).resolves.toMatchObject({ done: true });
    });

    it('finds the events appended under an idempotency key in that stream only', async () => {
      const stream = newStream();
      const other = newStream();
      const key = randomUUID();
      await store.append(stream, [newTestEvent('Unkeyed')], { expectedVersion: 0 });
      const keyed = [newTestEvent('K1', {}, { idempotencyKey: key }), newTestEvent('K2', {}, { idempotencyKey: key })];
      await store.append(stream, keyed, { expectedVersion: 1 });
      await store.append(other, [newTestEvent('Elsewhere', {}, { idempotencyKey: key })], { expectedVersion: 0 });

      const found = await store.findByIdempotencyKey(stream, key);
      expect(found.map((e) => [e.type, e.version])).toEqual([
        ['K1', 2],
        ['K2', 3],
      ]);
      expect(await store.findByIdempotencyKey(stream, randomUUID())).toEqual([]);
    });
  });
}
