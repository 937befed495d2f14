import { SqliteEventStore, type NewEvent } from '@ppo/event-store';
import { rmSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';

/**
 * What the disk under `path` allows without group commit: durable appends to
 * the embedded store one after another, each its own commit and fsync, for
 * about `seconds`. Removes the file afterwards.
 */
export async function diskFsyncRate(path: string, seconds = 3): Promise<{ fsyncsPerSecond: number; appends: number }> {
  const store = new SqliteEventStore({ path });
  let appends = 0;
  const started = performance.now();
  try {
    while (performance.now() - started < seconds * 1000) {
      const id = uuidv7();
      const event: NewEvent = { eventId: id, type: 'ContactRecorded', schemaVersion: 1, data: { contactOn: '2026-01-05' }, metadata: { occurredAt: '2026-01-05', actor: { userId: 'bench', role: 'caseworker' }, correlationId: id, causationId: id, commandId: id } };
      await store.append(`probe-${appends}`, [event], { expectedVersion: 0 });
      appends++;
    }
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }
  return { fsyncsPerSecond: appends / ((performance.now() - started) / 1000), appends };
}
