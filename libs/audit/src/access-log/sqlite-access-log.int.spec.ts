import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewAccessLogEntry } from './access-log-entry';
import { SqliteAccessLog } from './sqlite-access-log';

const entry = (n: number, fields: Partial<NewAccessLogEntry> = {}): NewAccessLogEntry => ({
  at: `2026-11-23T10:00:0${n}Z`,
  kind: 'consultation',
  userId: `user-${n}`,
  username: `user-${n}`,
  role: 'caseworker',
  route: 'GET /api/offenders/:offenderId',
  url: `/api/offenders/offender-${n}`,
  subjects: [`offender-${n}`],
  correlationId: `request-${n}`,
  ...fields,
});

describe('The access log, written by requests answering at the same moment together', () => {
  let log: SqliteAccessLog;
  beforeEach(() => (log = new SqliteAccessLog(':memory:')));
  afterEach(() => log.close());

  it('commits the entries of one turn together, in the order they came, each chained to the one before', async () => {
    log.append(entry(0));
    const recorded = [1, 2, 3].map((n) => log.record(entry(n)));
    // Nothing is committed before the turn ends, so no answer can have gone out yet either.
    expect(log.search({}).total).toBe(1);
    const written = await Promise.all(recorded);
    expect(written.map((e) => [e.sequence, e.userId])).toEqual([
      [2, 'user-1'],
      [3, 'user-2'],
      [4, 'user-3'],
    ]);
    expect(written[0].previousHash).toBe(log.search({ pageSize: 4 }).entries[3].hash);
    expect(written[1].previousHash).toBe(written[0].hash);
    expect(written[2].previousHash).toBe(written[1].hash);
    expect(log.search({ subject: 'offender-2' }).entries.map((e) => e.sequence)).toEqual([3]);
    expect(log.verify()).toEqual({ ok: true, entries: 4, firstBreak: null });
  });

  it('fails every request of a turn whose entries cannot be written, writes none of them, and carries on after', async () => {
    const broken = entry(2, { userId: null as unknown as string });
    const outcomes = await Promise.allSettled([log.record(entry(1)), log.record(broken)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(log.search({}).total).toBe(0);
    await expect(log.record(entry(3))).resolves.toMatchObject({ sequence: 1, previousHash: null });
    expect(log.verify()).toMatchObject({ ok: true, entries: 1 });
  });

  it('writes what is still queued when it is flushed or closed', async () => {
    const first = log.record(entry(1));
    log.flush();
    expect(log.search({}).total).toBe(1);
    await expect(first).resolves.toMatchObject({ sequence: 1 });

    const dir = mkdtempSync(join(tmpdir(), 'access-log-'));
    const path = join(dir, 'audit.db');
    const onDisk = new SqliteAccessLog(path);
    const queued = onDisk.record(entry(2));
    onDisk.close();
    await expect(queued).resolves.toMatchObject({ sequence: 1 });
    const reopened = new SqliteAccessLog(path);
    expect(reopened.search({}).entries.map((e) => e.userId)).toEqual(['user-2']);
    reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
