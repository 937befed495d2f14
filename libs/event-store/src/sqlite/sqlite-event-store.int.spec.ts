import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventStoreContract, newTestEvent } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ppo-es-'));
  dirs.push(dir);
  return join(dir, 'events.db');
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

eventStoreContract('SQLite file', async () => new SqliteEventStore({ path: tempFile(), pollIntervalMs: 20 }));
eventStoreContract('SQLite :memory:', async () => new SqliteEventStore({ path: ':memory:', pollIntervalMs: 20 }));

describe('SQLite event store', () => {
  it('keeps acknowledged events when the file is closed and opened again', async () => {
    const path = tempFile();
    const first = new SqliteEventStore({ path });
    await first.append('offender-a', [newTestEvent('Kept')], { expectedVersion: 0 });
    await first.close();
    const reopened = new SqliteEventStore({ path });
    expect((await reopened.readStream('offender-a')).map((e) => e.type)).toEqual(['Kept']);
    await reopened.close();
  });

  it('opens the file in WAL mode with synchronous FULL', async () => {
    const path = tempFile();
    const store = new SqliteEventStore({ path });
    expect(store.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    await store.close();
  });

  it('numbers the global log without gaps, even when some appends in a batch are refused', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    const appends = Array.from({ length: 50 }, (_, i) =>
      store.append(`offender-${i % 5}`, [newTestEvent(), newTestEvent()], { expectedVersion: 0 }),
    );
    const results = await Promise.allSettled(appends);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const all = await store.readAll({ limit: 1000 });
    expect(all.map((e) => e.globalPosition)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    await store.close();
  });

  it('groups concurrent appends into one commit', async () => {
    const commits: number[] = [];
    const store = new SqliteEventStore({ path: tempFile(), onCommit: (appends) => commits.push(appends) });
    await Promise.all(Array.from({ length: 64 }, (_, i) => store.append(`offender-${i}`, [newTestEvent()], { expectedVersion: 0 })));
    expect(commits).toEqual([64]);
    await store.close();
  });

  it('refuses to update or delete a stored event', async () => {
    const path = tempFile();
    const store = new SqliteEventStore({ path });
    await store.append('offender-a', [newTestEvent()], { expectedVersion: 0 });
    await store.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('SQLite event store shared with another writer process', () => {
  it('refuses a stale append and accepts a current one, although its version hints were taken before the other writer appended', async () => {
    const path = tempFile();
    const ours = new SqliteEventStore({ path });
    const theirs = new SqliteEventStore({ path });
    await ours.append('offender-shared', [newTestEvent('Ours1')], { expectedVersion: 0 });
    await theirs.append('offender-shared', [newTestEvent('Theirs2')], { expectedVersion: 1 });

    await expect(ours.append('offender-shared', [newTestEvent('Stale'), newTestEvent('Stale')], { expectedVersion: 1 })).rejects.toMatchObject({
      name: 'WrongExpectedVersionError',
      actual: 2,
    });
    expect((await ours.append('offender-shared', [newTestEvent('Ours3')], { expectedVersion: 2 })).nextVersion).toBe(3);
    expect((await theirs.readStream('offender-shared')).map((e) => e.type)).toEqual(['Ours1', 'Theirs2', 'Ours3']);
    await ours.close();
    await theirs.close();
  });

  it('keeps the other appends of a batch when one meets another writer’s event', async () => {
    const path = tempFile();
    const ours = new SqliteEventStore({ path });
    const theirs = new SqliteEventStore({ path });
    await ours.append('offender-shared', [newTestEvent()], { expectedVersion: 0 });
    await theirs.append('offender-shared', [newTestEvent()], { expectedVersion: 1 });
    const results = await Promise.allSettled([
      ours.append('offender-other', [newTestEvent()], { expectedVersion: 0 }),
      ours.append('offender-shared', [newTestEvent()], { expectedVersion: 1 }),
      ours.append('offender-third', [newTestEvent()], { expectedVersion: 0 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await ours.readStream('offender-shared')).toHaveLength(2);
    await ours.close();
    await theirs.close();
  });
});

describe('Following the embedded log from another process', () => {
  it('sees events another writer appends, by polling, and stops when aborted while idle', async () => {
    const path = tempFile();
    const reader = new SqliteEventStore({ path, pollIntervalMs: 10 });
    const writer = new SqliteEventStore({ path });
    const controller = new AbortController();
    const seen: string[] = [];
    const following = (async () => {
      for await (const event of reader.follow({ signal: controller.signal })) seen.push(event.type);
    })();
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 30));
      await writer.append(`offender-x${i}`, [newTestEvent(`Elsewhere${i}`)], { expectedVersion: 0 });
    }
    for (let i = 0; i < 100 && seen.length < 5; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['Elsewhere0', 'Elsewhere1', 'Elsewhere2', 'Elsewhere3', 'Elsewhere4']);
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await following;
    await reader.close();
    await writer.close();
  });
});
