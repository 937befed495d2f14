import { DEFAULT_SCHEME_POLICIES, type OffenderCommand } from '@ppo/domain';
import { SqliteEventStore } from '@ppo/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from './clock';
import { SYSTEM_ACTOR } from './command-context';
import { OffenderAreasFromStreams } from './offender-areas';
import { OffenderCache } from './offender-cache';
import { OffenderCommandRunner } from './offender-command-runner';

const clock = fixedClock('2026-11-20T10:00:00Z');
const personal = { crn: 'X1', givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-04-12' };

describe('an offender’s area and restriction, as the access guard sees them', () => {
  let dir: string;
  let stores: SqliteEventStore[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ppo-offender-areas-'));
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** A service process over the shared log: its own store, cache and runner. */
  function processOver() {
    const store = new SqliteEventStore({ path: join(dir, 'events.db') });
    stores.push(store);
    const cache = new OffenderCache(store);
    const runner = new OffenderCommandRunner(store, clock, DEFAULT_SCHEME_POLICIES, cache);
    let n = 0;
    const run = (offenderId: string, command: OffenderCommand) =>
      runner.run({ offenderId, body: {}, context: { actor: SYSTEM_ACTOR, correlationId: 'test', commandId: `c-${++n}` } } as never, () => command);
    return { areas: new OffenderAreasFromStreams(cache), run };
  }

  it('knows no area for an offender never registered', async () => {
    expect(await processOver().areas.factsOf(randomUUID())).toBeUndefined();
  });

  it('sees a restriction recorded by another process at the next request, and its lifting', async () => {
    const here = processOver();
    const there = processOver();
    const offenderId = randomUUID();
    await there.run(offenderId, { type: 'RegisterOffender', data: { offenderId, area: 'northumbria', personal } });
    expect(await here.areas.factsOf(offenderId)).toEqual({ area: 'northumbria' });

    await there.run(offenderId, { type: 'RestrictProcessing', data: { reason: 'Accuracy contested', restrictedOn: '2026-11-20' } });
    expect(await here.areas.factsOf(offenderId)).toEqual({ area: 'northumbria', restriction: { reason: 'Accuracy contested', since: '2026-11-20' } });

    await there.run(offenderId, { type: 'LiftRestriction', data: { reason: 'Accuracy confirmed', liftedOn: '2026-11-20' } });
    expect(await here.areas.factsOf(offenderId)).toEqual({ area: 'northumbria' });
  });
});
