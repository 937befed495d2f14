import { SqliteEventStore } from '@ppo/event-store';
import { writeSyntheticLog } from '@ppo/read-models/testing/synthetic-log';
import { join } from 'node:path';
import { ppoInTempDataDir } from '../testing/run-ppo';

const { dataDir, run } = ppoInTempDataDir('ppo-cli-');
const ppo = (...args: string[]) => run(args);

describe('The ppo command line, for read models', () => {
  beforeAll(async () => {
    const events = new SqliteEventStore({ path: join(dataDir, 'ppo.db') });
    await writeSyntheticLog(events, 400, 8, 3);
    await events.close();
  });

  it('rebuilds a projection with progress and a one-line summary, then shows it caught up', () => {
    const rebuilt = ppo('projections', 'rebuild', 'offender_journey');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.err).toMatch(/offender_journey \[.*\] 100% \| 400\/400 events/);
    expect(rebuilt.out).toMatch(/Rebuilt offender_journey: 8 rows at position 400 in [\d.]+ s .*differences from the live copy: 0 only live, 0 only rebuilt, 0 changed/);

    const status = ppo('projections', 'status');
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/^Log head: 400$/m);
    expect(status.out).toMatch(/^offender_journey\s+checkpoint\s+400\s+lag\s+0\s+ok$/m);
    expect(status.out).toMatch(/^eligibility\s+checkpoint\s+0\s+lag\s+400\s+not started$/m);
  }, 60_000);

  it('refuses a projection it does not know, naming those it does', () => {
    const refused = ppo('projections', 'rebuild', 'nonsense');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/no projection is called "nonsense"; known: offender_journey, eligibility, activity, scheme_timeline/);
  }, 30_000);
});
