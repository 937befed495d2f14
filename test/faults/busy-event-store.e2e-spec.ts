/**
 * The embedded event store locked by another writer (another process holding
 * BEGIN EXCLUSIVE on ppo.db) for longer than the service's busy timeout: a
 * command answers 503 problem+json with Retry-After and a stable code, writes
 * nothing, and goes through once when sent again after the lock is released.
 */
import { SqliteEventStore, verifyLog } from '@ppo/event-store';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAccount, call, signIn, startApi, type ApiProcess } from './support/api-process';

const dataDir = mkdtempSync(join(tmpdir(), 'ppo-busy-'));
let api: ApiProcess | undefined;
afterAll(async () => {
  await api?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

jest.setTimeout(60_000);

describe('A command while another writer holds the event store past the busy timeout', () => {
  it('answers 503 STORE.BUSY with Retry-After, writes nothing, and is applied once when sent again', async () => {
    await addAccount(dataDir, 'casey', ['caseworker']);
    api = await startApi(dataDir);
    const token = await signIn(api.url, 'casey');
    const registered = await call(api.url, token, 'POST', '/api/offenders', {
      body: { crn: 'B123456', givenName: 'Sam', familyName: 'Busy', dateOfBirth: '1990-04-12', area: 'northumbria' },
    });
    expect(registered.status).toBe(201);
    const { offenderId } = registered.body;
    const stream = `offender-${offenderId}`;
    const conviction = { offence: 'burglary', offenceDate: '2025-03-02', convictionDate: '2025-04-20', court: 'Newcastle' };
    const send = () => call(api!.url, token, 'POST', `/api/offenders/${offenderId}/convictions`, { body: conviction, headers: { 'idempotency-key': 'busy-1' } });

    const otherWriter = new Database(join(dataDir, 'ppo.db'));
    const logged = otherWriter.prepare('SELECT count(*) AS n FROM events WHERE stream_id = ?').pluck();
    otherWriter.exec('BEGIN EXCLUSIVE');
    let refused;
    const started = performance.now();
    try {
      refused = await send();
      // Still inside the other writer's transaction: what the service wrote would be waiting behind it.
      expect(logged.get(stream)).toBe(1);
    } finally {
      otherWriter.exec('ROLLBACK');
    }
    const waitedSeconds = (performance.now() - started) / 1000;
    process.stdout.write(`Busy event store: answered ${refused.status} after ${waitedSeconds.toFixed(1)} s\n`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ status: 503, code: 'STORE.BUSY', type: 'urn:ppo-journey:problem:store-busy' });
    expect(logged.get(stream)).toBe(1);
    otherWriter.close();

    const applied = await send();
    expect(applied.status).toBe(200);
    expect(applied.headers.get('idempotent-replayed')).toBeNull();
    expect(applied.body.version).toBe(2);
    const replayed = await send();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.events).toEqual(applied.body.events);

    const store = new SqliteEventStore({ path: join(dataDir, 'ppo.db') });
    try {
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['OffenderRegistered', 'ConvictionRecorded']);
      expect(await verifyLog(store)).toMatchObject({ ok: true, firstBreak: null });
    } finally {
      await store.close();
    }
  });
});
