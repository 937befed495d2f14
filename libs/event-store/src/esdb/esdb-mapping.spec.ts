import {
  ANY,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  UnavailableError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { newTestEvent } from '../contract/event-store.contract';
import { WrongExpectedVersionError } from '../event-store.port';
import { isPpoEvent, toEsdbEvent, toExpectedRevision, toPortError, toReadPosition, toStoredEvent } from './esdb-mapping';
import { ppoMetadata, resolvedEvent } from './testing/esdb-test-events';

describe('EventStoreDB mapping', () => {
  describe('expected version -> expectedRevision', () => {
    it.each([
      [0, NO_STREAM],
      [1, 0n],
      [42, 41n],
      ['no-stream', NO_STREAM],
      ['stream-exists', STREAM_EXISTS],
      ['any', ANY],
    ] as const)('%p -> %p', (expected, revision) => {
      expect(toExpectedRevision(expected)).toBe(revision);
    });

    it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %p', (expected) => {
      expect(() => toExpectedRevision(expected)).toThrow(RangeError);
    });
  });

  const chain = { hash: 'a'.repeat(64), previousHash: 'b'.repeat(64) };

  it('stores an event as JSON with its id, type, data, and metadata plus schemaVersion, recordedAt and its chained hash', () => {
    const event = newTestEvent('ContactRecorded', { n: 1 }, { idempotencyKey: 'key-1' });
    const data = toEsdbEvent({ ...event, schemaVersion: 3 }, '2026-11-21T08:00:00.000Z', chain);
    expect(data).toEqual({
      id: event.eventId,
      contentType: 'application/json',
      type: 'ContactRecorded',
      data: { n: 1 },
      metadata: { ...event.metadata, schemaVersion: 3, recordedAt: '2026-11-21T08:00:00.000Z', ...chain },
    });
  });

  it('refuses an event id that is not a UUID, which EventStoreDB would reject', () => {
    expect(() => toEsdbEvent({ ...newTestEvent(), eventId: 'evt-1' }, new Date().toISOString(), chain)).toThrow(/UUID/);
  });

  it('reads a recorded event back as a StoredEvent: version = revision + 1, globalPosition = commit position', () => {
    const id = randomUUID();
    const stored = toStoredEvent(
      resolvedEvent({ streamId: 'offender-1', revision: 4n, commit: 123_456n, id, data: { a: [1] }, metadata: ppoMetadata({ idempotencyKey: 'k1' }) }),
    );
    expect(stored).toEqual({
      eventId: id,
      streamId: 'offender-1',
      version: 5,
      globalPosition: 123_456,
      type: 'ContactRecorded',
      schemaVersion: 2,
      data: { a: [1] },
      metadata: {
        occurredAt: '2026-11-20',
        actor: { userId: 'system', role: 'system' },
        correlationId: 'c',
        causationId: 'k',
        commandId: 'k',
        idempotencyKey: 'k1',
      },
      recordedAt: '2026-11-21T08:00:00.000Z',
      hash: '',
      previousHash: null,
    });
  });

  it('round-trips a new event through the stored form', () => {
    const event = newTestEvent('OffenderReferred', { nested: { list: [1, 'two'] } });
    const data = toEsdbEvent(event, '2026-11-21T08:00:00.000Z', chain);
    const stored = toStoredEvent(
      resolvedEvent({ streamId: 'offender-9', revision: 0n, commit: 99n, id: data.id, type: data.type, data: data.data, metadata: data.metadata }),
    );
    expect(stored).toEqual({ ...event, streamId: 'offender-9', version: 1, globalPosition: 99, recordedAt: '2026-11-21T08:00:00.000Z', ...chain });
  });

  it("falls back to EventStoreDB's created time when metadata has no recordedAt", () => {
    const { recordedAt: _, ...metadata } = ppoMetadata();
    const stored = toStoredEvent(
      resolvedEvent({ streamId: 'offender-1', revision: 0n, commit: 1n, metadata, created: new Date('2026-01-02T03:04:05.678Z') }),
    );
    expect(stored.recordedAt).toBe('2026-01-02T03:04:05.678Z');
  });

  it('takes the position of a stream-read event from commitPosition when the record has none', () => {
    const resolved = resolvedEvent({ streamId: 'offender-1', revision: 0n, commit: 777n, metadata: ppoMetadata() });
    delete (resolved.event as { position?: unknown }).position;
    expect(toStoredEvent(resolved as ResolvedEvent).globalPosition).toBe(777);
    delete (resolved as { commitPosition?: unknown }).commitPosition;
    expect(() => toStoredEvent(resolved as ResolvedEvent)).toThrow(/without a log position/);
  });

  it('refuses events it did not write rather than inventing a schemaVersion', () => {
    expect(() => toStoredEvent(resolvedEvent({ streamId: 'offender-1', revision: 0n, commit: 1n, metadata: undefined }))).toThrow(
      /no PPO metadata/,
    );
    expect(() =>
      toStoredEvent(resolvedEvent({ streamId: 'offender-1', revision: 0n, commit: 1n, isJson: false, data: new Uint8Array([1]) })),
    ).toThrow(/not JSON/);
  });

  it('refuses a position beyond Number.MAX_SAFE_INTEGER instead of rounding it', () => {
    expect(() =>
      toStoredEvent(resolvedEvent({ streamId: 'offender-1', revision: 0n, commit: 2n ** 60n, metadata: ppoMetadata() })),
    ).toThrow(/does not fit/);
  });

  describe("the client's WrongExpectedVersionError -> the port's", () => {
    const clientError = (current: bigint | typeof NO_STREAM, expected: AppendExpectedRevision = 0n) =>
      new EsdbWrongExpectedVersionError(undefined, { streamName: 'offender-1', expected, current });

    it('reports the actual version as the current revision + 1', () => {
      const source = clientError(1n);
      const error = toPortError(source, 'offender-1', 1);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ streamId: 'offender-1', expected: 1, actual: 2 });
      expect((error as Error).message).toBe('Stream offender-1 is at version 2, expected 1');
      expect((error as Error).cause).toBe(source);
    });

    it('reports a stream that does not exist as version 0', () => {
      expect(toPortError(clientError(NO_STREAM, STREAM_EXISTS), 'offender-1', 'stream-exists')).toMatchObject({
        expected: 'stream-exists',
        actual: 0,
      });
    });

    it('passes any other error through unchanged', () => {
      const other = new UnavailableError();
      expect(toPortError(other, 'offender-1', 0)).toBe(other);
    });
  });

  describe('which $all events the port sees', () => {
    it.each([
      ['an offender event', 'offender-1', 'ContactRecorded', true],
      ['a system event type in an offender stream', 'offender-1', '$metadata', false],
      ['a link event', 'offender-1', '$>', false],
      ["an offender stream's metadata stream", '$$offender-1', '$metadata', false],
      ['a system stream', '$stats-127.0.0.1:2113', '$statsCollected', false],
      ["another application's stream", 'invoice-1', 'InvoiceRaised', false],
      ['a stream that only contains "offender-"', 'x-offender-1', 'ContactRecorded', false],
    ])('%s: %p %p -> %p', (_, streamId, type, seen) => {
      expect(isPpoEvent(resolvedEvent({ streamId, type, revision: 0n, commit: 1n }))).toBe(seen);
    });

    it('skips a resolved event without an event', () => {
      expect(isPpoEvent({ commitPosition: 1n })).toBe(false);
    });
  });

  it('maps a global position to a read position: 0 is the start, else that record', () => {
    expect(toReadPosition(0)).toBe(START);
    expect(toReadPosition(1234)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(() => toReadPosition(-1)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// A simulation of the client, to exercise the adapter's own logic (paging, exclusive positions,
// filtering, cancellation) without a server. It models EventStoreDB as read in the client's and
// server's sources: positions are byte offsets with gaps; $all holds system and foreign records;
// readAll forwards includes the record at fromPosition, backwards excludes it; subscribeToAll
// starts after fromPosition; a missing stream fails reads with StreamNotFoundError; a wrong
// expected revision fails appends with WrongExpectedVersionError. It is a model, not the server:
// only esdb-event-store.int.spec.ts against a real EventStoreDB proves the adapter.
// ---------------------------------------------------------------------------------------------

