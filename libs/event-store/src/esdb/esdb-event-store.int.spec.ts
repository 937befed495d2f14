import { EventStoreDBClient, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { eventStoreContract, newTestEvent } from '../contract/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

/**
 * Runs the EventStore contract against a real EventStoreDB/KurrentDB, e.g.
 *   docker compose up -d eventstore
 *   PPO_TEST_ESDB_URL='esdb://localhost:2113?tls=false' npx jest libs/event-store/src/esdb
 * Tests use fresh random streams, so a server holding other data is fine.
 */
const url = process.env.PPO_TEST_ESDB_URL;

if (url) {
  eventStoreContract('EventStoreDB', async () => EsdbEventStore.connect(url));

  describe('EventStoreDB event store, on the server', () => {
    let store: EsdbEventStore;
    let raw: EventStoreDBClient;
    beforeAll(() => {
      store = EsdbEventStore.connect(url);
      raw = EventStoreDBClient.connectionString(url);
    });
    afterAll(async () => {
      await store?.close();
      await raw?.dispose();
    });

    it('stores the eventId as the EventStoreDB event id and schemaVersion and recordedAt in its metadata', async () => {
      const stream = `offender-${randomUUID()}`;
      const event = newTestEvent('Stored', { a: 1 });
      await store.append(stream, [event], { expectedVersion: 0 });
      const resolved = [];
      for await (const r of raw.readStream(stream)) resolved.push(r);
      expect(resolved).toHaveLength(1);
      expect(resolved[0].event).toMatchObject({
        id: event.eventId,
        revision: 0n,
        type: 'Stored',
        isJson: true,
        data: { a: 1 },
        metadata: { ...event.metadata, schemaVersion: 1, recordedAt: expect.any(String) },
      });
    });

    it('leaves events in other streams out of readAll, follow and headPosition', async () => {
      const from = await store.headPosition();
      const ours = `offender-${randomUUID()}`;
      const { lastGlobalPosition } = await store.append(ours, [newTestEvent('Ours')], { expectedVersion: 0 });
      await raw.appendToStream(`other-${randomUUID()}`, jsonEvent({ type: 'NotOurs', data: {} }), { expectedRevision: NO_STREAM });

      expect(await store.headPosition()).toBeGreaterThanOrEqual(lastGlobalPosition);
      const read = await store.readAll({ after: from, limit: 1000 });
      expect(read.map((e) => e.type)).toContain('Ours');
      expect(read.every((e) => e.streamId.startsWith('offender-') && !e.type.startsWith('$'))).toBe(true);

      const controller = new AbortController();
      const followed = [];
      for await (const event of store.follow({ after: from, signal: controller.signal })) {
        followed.push(event);
        if (event.streamId === ours) break;
      }
      expect(followed.every((e) => e.streamId.startsWith('offender-'))).toBe(true);
    });
  });
} else {
  process.stdout.write(
    'EventStoreDB contract suite not run: PPO_TEST_ESDB_URL is not set (docker compose up -d eventstore, then PPO_TEST_ESDB_URL=esdb://localhost:2113?tls=false)\n',
  );
  describe('EventStoreDB event store contract', () => {
    it('has no EventStoreDB to test against (PPO_TEST_ESDB_URL is not set)', () => {
      expect(process.env.PPO_TEST_ESDB_URL).toBeUndefined();
    });
  });
}
