import { ALL_PROJECTIONS, SqliteReadModelStore } from '@ppo/read-models';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FencedReadModelStore, LeaseNotHeldError } from './fenced-read-model-store';
import { SqliteLease } from './sqlite-lease';

const LEASE_MS = 15_000;
const dir = mkdtempSync(join(tmpdir(), 'ppo-lease-'));
let file = 0;
const leases: SqliteLease[] = [];

/** Two projectors' leases on one read-model file, on a clock the test moves. */
async function twoProjectors() {
  const path = join(dir, `read-models-${++file}.db`);
  await new SqliteReadModelStore(path).close();
  const open = () => {
    const lease = new SqliteLease({ path, leaseMs: LEASE_MS });
    leases.push(lease);
    return lease;
  };
  return { path, first: open(), second: open() };
}

const lost: string[] = [];
const onLost = (reason: string) => lost.push(reason);

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-07-01T09:00:00Z') });
  lost.length = 0;
});
afterEach(async () => {
  jest.useRealTimers();
  for (const lease of leases.splice(0)) await lease.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('The SQLite lease row, between projectors on one machine', () => {
  it('lets one projector hold it while it keeps renewing it, long past its first term', async () => {
    const { first, second } = await twoProjectors();
    expect(await first.tryAcquire(onLost)).toBe(true);
    expect(await second.tryAcquire(onLost)).toBe(false);
    jest.advanceTimersByTime(4 * LEASE_MS);
    expect(await second.tryAcquire(onLost)).toBe(false);
    expect([first.held, second.held, lost]).toEqual([true, false, []]);
  });

  it('passes to another projector at its next try once the holder gives it up', async () => {
    const { first, second } = await twoProjectors();
    await first.tryAcquire(onLost);
    await first.release();
    expect(await second.tryAcquire(onLost)).toBe(true);
    expect([first.held, second.held, lost]).toEqual([false, true, []]);
  });

  it('runs out when its holder stops renewing it (a crash, a stalled process), and the holder stops writing before anyone can take it', async () => {
    const { first, second } = await twoProjectors();
    await first.tryAcquire(onLost);
    // The holder's timers do not run: as if it had crashed or hung while the clock went on.
    jest.setSystemTime(Date.now() + LEASE_MS - LEASE_MS / 5 + 1);
    expect(first.held).toBe(false);
    expect(await second.tryAcquire(onLost)).toBe(false);
    jest.setSystemTime(Date.now() + LEASE_MS / 5);
    expect(await second.tryAcquire(onLost)).toBe(true);
    // When the stalled holder wakes, it learns it lost the lease.
    jest.advanceTimersByTime(LEASE_MS / 5);
    expect([first.held, second.held, lost]).toEqual([false, true, ['it was not renewed in time']]);
  });

  it('keeps a projector that has lost it from writing to the read models, while reads go on', async () => {
    const { path, first } = await twoProjectors();
    await first.tryAcquire(onLost);
    const store = new FencedReadModelStore(new SqliteReadModelStore(path), () => first.held);
    const [projection] = ALL_PROJECTIONS;
    await store.ensureTables([projection.table]);
    await store.commit(projection.name, projection.version, [{ table: projection.table, upserts: [], deletes: [] }], 10);

    jest.setSystemTime(Date.now() + LEASE_MS);
    await expect(store.commit(projection.name, projection.version, [{ table: projection.table, upserts: [], deletes: [] }], 20)).rejects.toThrow(LeaseNotHeldError);
    await expect(store.reset(projection.name, projection.version, [projection.table])).rejects.toThrow(LeaseNotHeldError);
    expect((await store.checkpoint(projection.name))?.position).toBe(10);
    await store.close();
  });
});
