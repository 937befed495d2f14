import { SqliteEventStore } from '@ppo/event-store';
import { writeSyntheticLog } from '@ppo/read-models/testing/synthetic-log';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ppoInTempDataDir } from '../testing/run-ppo';

const { dataDir, run } = ppoInTempDataDir('ppo-verify-cli-');
const ppo = (...args: string[]) => run(args);

describe('ppo verify, on the command line', () => {
  beforeAll(async () => {
    const events = new SqliteEventStore({ path: join(dataDir, 'ppo.db') });
    await writeSyntheticLog(events, 2500, 20, 5);
    await events.close();
  });

  it('reports an intact log with what it checked, and exits 0', () => {
    const run = ppo('verify');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Verified 2,500 events in 20 streams and 2 seals in [\d.]+ s: intact \(sealed to position [\d,]+\)$/m);
    expect(run.err).toMatch(/verify \[.*\] 100%/);
  }, 60_000);

  it('names the stream and position where someone changed an event, and exits 1', () => {
    const db = new Database(join(dataDir, 'ppo.db'));
    const { stream_id: stream, version } = db.prepare('SELECT stream_id, version FROM events WHERE global_position = 1234').get() as { stream_id: string; version: number };
    db.exec('DROP TRIGGER events_are_never_updated');
    db.prepare(`UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE global_position = 1234`).run();
    db.close();
    const run = ppo('verify');
    expect(run.code).toBe(1);
    expect(run.out).toBe(`BROKEN at position 1234, stream ${stream} version ${version}: its content does not match its hash: the event was altered\n`);
  }, 60_000);
});
