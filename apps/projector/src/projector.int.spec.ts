import { writeSyntheticLog } from '@ppo/read-models/testing/synthetic-log';
import { TestDeployment } from './testing/test-deployment';

/** Each acquisition of the lease, in time order, must come after the holding before it ended (released, lost or killed). */
function expectOneHolderAtATime(timeline: { projector: string; time: number; lease: string }[]): void {
  let holding: string | undefined;
  for (const { projector, lease } of [...timeline].sort((x, y) => x.time - y.time)) {
    if (lease === 'acquired') {
      expect({ acquiredBy: projector, whileHeldBy: holding }).toEqual({ acquiredBy: projector, whileHeldBy: undefined });
      holding = projector;
    } else if (projector === holding) holding = undefined;
  }
}

describe('Projectors sharing one log and one PostgreSQL read-model database', () => {
  let deployment: TestDeployment;
  beforeAll(async () => {
    deployment = await TestDeployment.create('postgres', { PPO_PROJECTOR_POLL_SECONDS: '0.2' });
    await writeSyntheticLog(deployment.events, 4000, 40, 21);
  });
  afterAll(() => deployment.close());

  it('project one at a time: a stopped, disconnected or killed holder is taken over and the read models end equal to a clean rebuild', async () => {
    const { events } = deployment;
    const [a, b] = [deployment.start('a'), deployment.start('b')];
    const first = await deployment.holder([a, b], 30_000);
    const standby = first === a ? b : a;
    expect(await deployment.caughtUp()).toBe(4000);
    expect([first.acquisitions(), standby.acquisitions()]).toEqual([1, 0]);
    expect(standby.leaseEvents()).toEqual(['waiting']);
    expect((await standby.get('/health/live')).status).toBe(200);
    expect((await first.get('/health/ready')).status).toBe(200);

    // Stopped: it releases the lock, and the other takes over and catches up with what came since.
    await writeSyntheticLog(events, 500, 5, 22);
    await first.stop('SIGTERM');
    expect(first.leaseEvents().at(-1)).toBe('released');
    expect(await deployment.holder([standby])).toBe(standby);
    expect(await deployment.caughtUp()).toBe(4500);
    const third = deployment.start('c');
    await third.waitFor((l) => l.lease === 'waiting', 'waiting for the lease');

    // Its lock's connection terminated: it stops at once and waits again; one of the two takes the lock.
    const terminated = await deployment.query(
      `SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
       WHERE a.datname = $1 AND a.application_name = 'ppo-projector' AND l.locktype = 'advisory' AND l.granted`,
    );
    expect(terminated).toHaveLength(1);
    await standby.waitFor((l) => l.lease === 'lost', 'losing the lease');
    await writeSyntheticLog(events, 300, 3, 23);
    const second = await deployment.holder([standby, third]);
    expect(await deployment.caughtUp()).toBe(4800);

    // Killed: PostgreSQL ends its session and with it the lock, and the other takes over.
    await writeSyntheticLog(events, 300, 3, 24);
    const killedAt = Date.now();
    await second.stop('SIGKILL');
    const last = second === standby ? third : standby;
    expect(await deployment.holder([last])).toBe(last);
    expect(await deployment.caughtUp()).toBe(5100);

    const timeline = [a, b, third].flatMap((p) => p.lines.filter((l) => l.lease).map((l) => ({ projector: p.name, time: l.time, lease: l.lease! })));
    expectOneHolderAtATime([...timeline, { projector: second.name, time: killedAt, lease: 'killed' }]);
    expect(timeline.filter((t) => t.lease === 'acquired').length).toBeGreaterThanOrEqual(4);
    for (const { rows, rebuilt } of await deployment.rowsAndCleanRebuild()) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(rebuilt);
    }
  }, 120_000);
});

describe('Projectors sharing one log and one SQLite read-model file', () => {
  let deployment: TestDeployment;
  beforeAll(async () => {
    deployment = await TestDeployment.create('sqlite', { PPO_PROJECTOR_POLL_SECONDS: '0.2', PPO_PROJECTOR_LEASE_SECONDS: '2' });
    await writeSyntheticLog(deployment.events, 3000, 30, 31);
  });
  afterAll(() => deployment.close());

  it('project one at a time, and when the holder is killed the other takes over once its lease runs out', async () => {
    const [a, b] = [deployment.start('a'), deployment.start('b')];
    const first = await deployment.holder([a, b], 30_000);
    const standby = first === a ? b : a;
    expect(await deployment.caughtUp()).toBe(3000);

    await writeSyntheticLog(deployment.events, 400, 4, 32);
    const killedAt = Date.now();
    await first.stop('SIGKILL');
    expect(await deployment.holder([standby])).toBe(standby);
    expect(await deployment.caughtUp()).toBe(3400);
    // Not before the dead holder's lease ran out: 2 s from its last renewal, at most 0.4 s before it died.
    expect(standby.lines.find((l) => l.lease === 'acquired')!.time).toBeGreaterThanOrEqual(killedAt + 1600);
    expect(first.acquisitions() + standby.acquisitions()).toBe(2);

    for (const { rows, rebuilt } of await deployment.rowsAndCleanRebuild()) {
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(rebuilt);
    }
  }, 120_000);
});
