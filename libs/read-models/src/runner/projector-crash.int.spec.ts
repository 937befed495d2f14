import { SqliteEventStore } from '@ppo/event-store';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ALL_PROJECTIONS } from '../projections/all-projections';
import { PostgresReadModelStore } from '../store/postgres-read-model-store';
import type { ReadModelStore } from '../store/read-model-store.port';
import { SqliteReadModelStore } from '../store/sqlite-read-model-store';
import { dropTestSchemas, openTestStore, STORE_KINDS, TEST_POSTGRES_URL } from '../testing/read-model-stores';
import { writeSyntheticLog } from '../testing/synthetic-log';
import { ProjectionRunner } from './projection-runner';

const PROJECTOR = resolve(__dirname, '../testing/projector-process.ts');

/**
 * Runs the projector; when `killPast` is given, kills it with SIGKILL as soon as every projection's
 * checkpoint has passed that position, wherever it is in its batch. Resolves true if it finished instead.
 */
function runProjector(eventsPath: string, target: string, open: () => ReadModelStore, killPast?: number): Promise<boolean> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', PROJECTOR, eventsPath, target], {
      cwd: resolve(__dirname, '../../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let watching = killPast !== undefined;
    const watch = async () => {
      const store = open();
      try {
        while (watching) {
          const positions = (await store.checkpoints()).map((c) => c.position);
          if (positions.length === ALL_PROJECTIONS.length && Math.min(...positions) > killPast!) {
            child.kill('SIGKILL');
            return;
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      } finally {
        await store.close();
      }
    };
    const watcher = watch().catch(fail);
    child.on('error', fail);
    child.on('exit', async (code, signal) => {
      watching = false;
      await watcher;
      if (signal === 'SIGKILL') done(false);
      else if (code === 0 && output.includes('caught up')) done(true);
      else fail(new Error(`Projector exited with ${code}: ${output}`));
    });
  });
}

const dirs: string[] = [];
afterAll(async () => {
  await dropTestSchemas();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(STORE_KINDS)('A projector killed mid-batch, on %s', (kind) => {
  it('leaves every read model equal to a clean rebuild once restarted: no event counted twice or lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ppo-crash-'));
    dirs.push(dir);
    const eventsPath = join(dir, 'events.db');
    const writing = new SqliteEventStore({ path: eventsPath });
    await writeSyntheticLog(writing, 6000, 60, 11);
    await writing.close();

    const schema = `ppo_crash_${randomBytes(5).toString('hex')}`;
    const target = kind === 'sqlite' ? `sqlite:${join(dir, 'read-models.db')}` : `postgres:${schema}`;
    const open = (): ReadModelStore =>
      kind === 'sqlite' ? new SqliteReadModelStore(join(dir, 'read-models.db')) : new PostgresReadModelStore({ connectionString: TEST_POSTGRES_URL, schema });

    const checkpoints: number[] = [];
    for (const killPast of [500, 1500, 2500, 3500, 4500]) {
      expect(await runProjector(eventsPath, target, open, killPast)).toBe(false);
      const store = open();
      checkpoints.push(Math.min(...(await store.checkpoints()).map((c) => c.position)));
      await store.close();
    }
    // Each kill landed partway through the log, and each restart carried on from the last checkpoint.
    expect(checkpoints.every((c, i) => c > [500, 1500, 2500, 3500, 4500][i] && c < 6000)).toBe(true);
    expect(await runProjector(eventsPath, target, open)).toBe(true);

    const events = new SqliteEventStore({ path: eventsPath });
    const survivor = open();
    const clean = openTestStore(kind);
    await new ProjectionRunner(events, clean, ALL_PROJECTIONS, { batchSize: 1000 }).catchUp();
    for (const projection of ALL_PROJECTIONS) {
      const after = (await survivor.select(projection.table, {})).rows;
      expect(after.length).toBeGreaterThan(0);
      expect(after).toEqual((await clean.select(projection.table, {})).rows);
    }
    expect((await survivor.checkpoints()).map((c) => c.position)).toEqual(ALL_PROJECTIONS.map(() => 6000));
    await Promise.all([survivor.close(), clean.close(), events.close()]);
  }, 120_000);
});
