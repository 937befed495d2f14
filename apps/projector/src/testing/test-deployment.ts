import { SqliteEventStore } from '@ppo/event-store';
import { ALL_PROJECTIONS, PostgresReadModelStore, ProjectionRunner, SqliteReadModelStore, type ReadModelStore, type Row } from '@ppo/read-models';
import { dropTestSchemas, openTestStore, TEST_POSTGRES_URL, type StoreKind } from '@ppo/read-models/testing/read-model-stores';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ProjectorProcess } from './projector-process';

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const pause = () => new Promise((r) => setTimeout(r, 50));

/**
 * One deployment for projector tests: an embedded event log in a throwaway directory, read
 * models in a throwaway PostgreSQL database (advisory locks are per database) or SQLite file,
 * and the projector processes started on them.
 */
export class TestDeployment {
  readonly events: SqliteEventStore;
  private readonly projectors: ProjectorProcess[] = [];

  private constructor(
    private readonly dir: string,
    readonly readModels: ReadModelStore,
    private readonly env: Record<string, string>,
    private readonly database?: string,
  ) {
    this.events = new SqliteEventStore({ path: join(dir, 'ppo.db') });
  }

  static async create(kind: StoreKind, settings: Record<string, string> = {}): Promise<TestDeployment> {
    const dir = mkdtempSync(join(tmpdir(), 'ppo-projector-'));
    const env = { PPO_DATA_DIR: dir, PPO_EVENT_STORE: `sqlite:${join(dir, 'ppo.db')}`, PPO_MASTER_KEY: randomBytes(32).toString('base64'), ...settings };
    if (kind === 'sqlite') {
      const path = join(dir, 'read-models.db');
      return new TestDeployment(dir, new SqliteReadModelStore(path), { ...env, PPO_READ_MODELS: `sqlite:${path}` });
    }
    const database = `ppo_projector_${randomBytes(5).toString('hex')}`;
    await asAdmin((client) => client.query(`CREATE DATABASE ${database}`));
    const url = Object.assign(new URL(TEST_POSTGRES_URL), { pathname: `/${database}` }).toString();
    return new TestDeployment(dir, new PostgresReadModelStore({ connectionString: url, maxConnections: 2 }), { ...env, PPO_READ_MODELS: url }, database);
  }

  /** Starts a projector on this deployment (`npm run projector`, its port chosen freely). */
  start(name: string): ProjectorProcess {
    const projector = new ProjectorProcess(name, this.env);
    this.projectors.push(projector);
    return projector;
  }

  /** Runs SQL as an administrator would, `$1` being the name of the deployment's PostgreSQL database. */
  query<R extends pg.QueryResultRow>(sql: string): Promise<R[]> {
    return asAdmin(async (client) => (await client.query<R>(sql, [this.database])).rows);
  }

  /** Waits until every projection's checkpoint has reached the log's head, and returns the head. */
  async caughtUp(timeoutMs = 30_000): Promise<number> {
    const head = await this.events.headPosition();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoints = await this.readModels.checkpoints();
      if (checkpoints.length === ALL_PROJECTIONS.length && checkpoints.every((c) => c.position === head)) return head;
      if (Date.now() > deadline) throw new Error(`Read models not caught up with ${head}: ${JSON.stringify(checkpoints.map((c) => [c.projection, c.position]))}`);
      await pause();
    }
  }

  /** The one projector whose /metrics says it holds the lease, waiting until exactly one of them does. */
  async holder(among: ProjectorProcess[], timeoutMs = 15_000): Promise<ProjectorProcess> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const held = await Promise.all(among.map((p) => p.leaseHeldMetric()));
      if (held.filter((h) => h === 1).length === 1 && held.every((h) => h === 0 || h === 1)) return among[held.indexOf(1)];
      if (Date.now() > deadline) throw new Error(`Not exactly one holder: ${among.map((p, i) => `${p.name}=${held[i]}`).join(', ')}`);
      await pause();
    }
  }

  /** Every projection's rows, as the projectors left them and as a clean rebuild from the log makes them. */
  async rowsAndCleanRebuild(): Promise<{ projection: string; rows: Row[]; rebuilt: Row[] }[]> {
    const clean = openTestStore(this.readModels.dialect);
    try {
      await new ProjectionRunner(this.events, clean, ALL_PROJECTIONS, { batchSize: 1000 }).catchUp();
      return await Promise.all(
        ALL_PROJECTIONS.map(async (p) => ({ projection: p.name, rows: (await this.readModels.select(p.table, {})).rows, rebuilt: (await clean.select(p.table, {})).rows })),
      );
    } finally {
      await clean.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.projectors.map((p) => p.stop('SIGKILL')));
    await Promise.all([this.readModels.close(), this.events.close()]);
    await dropTestSchemas();
    if (this.database) await asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
