/**
 * PostgreSQL, which holds the read models, out of reach of a running service
 * (through a proxy the test cuts, PostgreSQL itself untouched): commands are
 * still accepted, since the log is elsewhere; readiness answers 503 naming the
 * read-model check; reads from the read models answer 503 with Retry-After;
 * the projections wait rather than fail, and once PostgreSQL is back they
 * catch up with everything accepted meanwhile and readiness is 200 again.
 */
import { TEST_POSTGRES_URL } from '@ppo/read-models/testing/read-model-stores';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addAccount, call, signIn, startApi, type ApiProcess } from './support/api-process';
import { TcpProxy } from './support/tcp-proxy';

const dataDir = mkdtempSync(join(tmpdir(), 'ppo-outage-'));
const database = `ppo_outage_${randomBytes(6).toString('hex')}`;
let proxy: TcpProxy | undefined;
let api: ApiProcess | undefined;
/** The test database, through the proxy. */
let readModelsUrl = '';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`);
  const server = new URL(TEST_POSTGRES_URL);
  proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
  readModelsUrl = Object.assign(new URL(TEST_POSTGRES_URL), { hostname: '127.0.0.1', port: String(proxy.port), pathname: `/${database}` }).toString();
});
afterAll(async () => {
  await api?.stop();
  await proxy?.close();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls until the check passes, or fails with the last thing it saw. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s (${String(last)})\n${api?.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

jest.setTimeout(90_000);

describe('The read models’ PostgreSQL out of reach', () => {
  it('of a running service: commands are accepted, readiness and reads answer 503, and the projections catch up once it is back', async () => {
    await addAccount(dataDir, 'casey', ['caseworker', 'auditor']);
    api = await startApi(dataDir, { env: { PPO_READ_MODELS: readModelsUrl }, waitFor: 'ready' });
    const token = await signIn(api.url, 'casey');
    const register = (n: number) =>
      call(api!.url, token, 'POST', '/api/offenders', {
        body: { crn: `P00000${n}`, givenName: 'Pat', familyName: `Outage ${n}`, dateOfBirth: '1990-04-12', area: 'northumbria' },
      });
    const statuses = async () => (await call(api!.url, token, 'GET', '/api/projections')).body.projections as { name: string; state: string; checkpoint: number; head: number; failure: unknown }[];
    const caughtUp = async () => {
      const all = await statuses();
      return all.every((p) => p.state === 'live' && p.failure === null && p.checkpoint === p.head) ? all : undefined;
    };

    expect((await register(1)).status).toBe(201);
    await eventually('catching up before the outage', caughtUp);

    proxy!.cut();
    const cutAt = performance.now();
    const duringOutage = [await register(2), await register(3)];
    expect(duringOutage.map((r) => r.status)).toEqual([201, 201]);
    const conviction = await call(api.url, token, 'POST', `/api/offenders/${duringOutage[0].body.offenderId}/convictions`, {
      body: { offence: 'burglary', offenceDate: '2025-03-02', convictionDate: '2025-04-20', court: 'Newcastle' },
    });
    expect(conviction.status).toBe(200);

    const notReady = await call(api.url, token, 'GET', '/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get('retry-after')).toBe('5');
    expect(notReady.body).toMatchObject({ status: 'error', error: { readModels: { status: 'down' }, projections: { status: 'down' } } });
    const list = await call(api.url, token, 'GET', '/api/offenders');
    expect({ status: list.status, code: list.body.code, retryAfter: list.headers.get('retry-after') }).toEqual({ status: 503, code: 'STORE.UNAVAILABLE', retryAfter: '5' });

    // Long enough for the projections to try, fail to reach PostgreSQL and try again more than once.
    await new Promise((r) => setTimeout(r, 3000));
    expect(api.child.exitCode).toBeNull();
    expect((await call(api.url, token, 'GET', '/health/ready')).status).toBe(503);

    proxy!.restore();
    const restoredAt = performance.now();
    await eventually('readiness after the outage', async () => ((await call(api!.url, token, 'GET', '/health/ready')).status === 200 ? true : undefined));
    const projections = await eventually('catching up after the outage', caughtUp);
    const recoveredSeconds = (performance.now() - restoredAt) / 1000;
    process.stdout.write(`Read-model outage: ${((restoredAt - cutAt) / 1000).toFixed(1)} s cut; ready and caught up ${recoveredSeconds.toFixed(1)} s after PostgreSQL came back\n`);
    expect(projections.map((p) => p.checkpoint)).toEqual(projections.map(() => projections[0].head));

    const offenders = await call(api.url, token, 'GET', '/api/offenders');
    expect(offenders.status).toBe(200);
    expect(offenders.body.items.map((o: { familyName: string }) => o.familyName).sort()).toEqual(['Outage 1', 'Outage 2', 'Outage 3']);
  });

  it('at start-up: the service starts, takes commands, reports not ready, and catches up once it is back', async () => {
    await api!.stop();
    proxy!.cut();
    api = await startApi(dataDir, { env: { PPO_READ_MODELS: readModelsUrl } });
    const token = await signIn(api.url, 'casey');
    const notReady = await call(api.url, token, 'GET', '/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body.error.readModels).toMatchObject({ status: 'down' });
    const registered = await call(api.url, token, 'POST', '/api/offenders', {
      body: { crn: 'P000004', givenName: 'Pat', familyName: 'Outage 4', dateOfBirth: '1990-04-12', area: 'northumbria' },
    });
    expect(registered.status).toBe(201);

    proxy!.restore();
    await eventually('readiness once PostgreSQL is back', async () => ((await call(api!.url, token, 'GET', '/health/ready')).status === 200 ? true : undefined));
    const offenders = await eventually('the new offender in the list', async () => {
      const list = await call(api!.url, token, 'GET', '/api/offenders');
      return list.body.items?.length === 4 ? list.body.items : undefined;
    });
    expect(offenders.map((o: { familyName: string }) => o.familyName).sort()).toEqual(['Outage 1', 'Outage 2', 'Outage 3', 'Outage 4']);
  });
});
