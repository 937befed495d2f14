import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newTestEvent } from '../contract/event-store.contract';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { verifyLog } from './verify-log';

/**
 * Tampering as someone with the database file could: the log's own triggers
 * refuse UPDATE and DELETE, so these drop them first, or change bytes on disk.
 */
describe('Verifying the embedded log against tampering', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ppo-verify-'));
    path = join(dir, 'ppo.db');
    const store = new SqliteEventStore({ path, sealEvery: 4 });
    // Two streams, interleaved: positions 1-8; seals after positions 4 and 8.
    for (let i = 1; i <= 4; i++) {
      await store.append('offender-a', [newTestEvent('ContactRecorded', { court: `Court of a${i}` })], { expectedVersion: i - 1 });
      await store.append('offender-b', [newTestEvent('ContactRecorded', { court: `Court of b${i}` })], { expectedVersion: i - 1 });
    }
    await store.append('offender-a', [newTestEvent('ContactRecorded', { court: 'Court of a5' })], { expectedVersion: 4 });
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verify() {
    const store = new SqliteEventStore({ path });
    try {
      return await verifyLog(store);
    } finally {
      await store.close();
    }
  }

  function tamper(sql: string): void {
    const db = new Database(path);
    db.exec('DROP TRIGGER events_are_never_updated; DROP TRIGGER events_are_never_deleted;');
    db.exec(sql);
    db.close();
  }

  it('passes an untouched log, with every seal checked', async () => {
    expect(await verify()).toEqual({ ok: true, events: 9, streams: 2, seals: 2, sealedTo: 8, firstBreak: null });
  });

  it('finds one byte changed in the database file, at the event it belongs to', async () => {
    const bytes = readFileSync(path);
    const at = bytes.indexOf('Court of b3');
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf('Court of b3', at + 1)).toBe(-1);
    bytes[at + 'Court of '.length] = 'c'.charCodeAt(0);
    writeFileSync(path, bytes);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ streamId: 'offender-b', version: 3, position: 6, problem: expect.stringMatching(/altered/) });
  });

  it('finds a deleted event where its stream’s chain breaks', async () => {
    tamper('DELETE FROM events WHERE global_position = 3');
    expect((await verify()).firstBreak).toMatchObject({ streamId: 'offender-a', version: 2, position: 3, problem: expect.stringMatching(/missing \(the event at position 3 was removed\)/) });
  });

  it('finds two events of a stream swapped', async () => {
    tamper(`UPDATE events SET version = -1 WHERE global_position = 3;
            UPDATE events SET version = 2 WHERE global_position = 5;
            UPDATE events SET version = 3 WHERE global_position = 3;`);
    expect((await verify()).firstBreak).toMatchObject({ streamId: 'offender-a', position: 3, version: 3, problem: expect.stringMatching(/out of order|missing/) });
  });

  it('finds two streams’ events swapped in the log by the seal that covered them', async () => {
    tamper(`UPDATE events SET global_position = 100 WHERE global_position = 3;
            UPDATE events SET global_position = 3 WHERE global_position = 4;
            UPDATE events SET global_position = 4 WHERE global_position = 100;`);
    expect((await verify()).firstBreak).toMatchObject({ position: 4, problem: expect.stringMatching(/seal 1/) });
  });

  it('finds events cut from the end of the log, back past a seal', async () => {
    tamper('DELETE FROM events WHERE global_position >= 8');
    expect((await verify()).firstBreak).toMatchObject({ position: 8, problem: expect.stringMatching(/beyond the end of the log/) });
  });

  it('gives hashes to events written before hashing existed, when the database is upgraded', async () => {
    const old = join(dir, 'old.db');
    const db = new Database(old);
    db.exec(`CREATE TABLE events (global_position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
               type TEXT NOT NULL, schema_version INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
               idempotency_key TEXT, UNIQUE (stream_id, version));
             CREATE INDEX events_by_idempotency_key ON events (stream_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
             CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
             CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
             PRAGMA user_version = 1;`);
    const insert = db.prepare('INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)');
    for (const version of [1, 2]) {
      const e = newTestEvent();
      insert.run(e.eventId, 'offender-old', version, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), '2026-01-01T00:00:00.000Z');
    }
    db.close();
    const store = new SqliteEventStore({ path: old });
    await store.append('offender-old', [newTestEvent()], { expectedVersion: 2 });
    expect(await verifyLog(store)).toMatchObject({ ok: true, events: 3 });
    await expect(store.append('offender-old', [newTestEvent()], { expectedVersion: 3 })).resolves.toMatchObject({ nextVersion: 4 });
    await store.close();
    const reopened = new Database(old);
    expect(() => reopened.exec("UPDATE events SET data = '{}' WHERE version = 1")).toThrow(/append-only/);
    reopened.close();
  });
});
