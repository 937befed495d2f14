import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresReadModelStore } from '../store/postgres-read-model-store';
import type { ReadModelStore } from '../store/read-model-store.port';
import { SqliteReadModelStore } from '../store/sqlite-read-model-store';

/** The PostgreSQL the tests use: this machine's (trust auth, database `test`) unless PPO_TEST_POSTGRES_URL says otherwise. */
export const TEST_POSTGRES_URL = process.env.PPO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Opens a fresh, empty store of a kind; PostgreSQL stores get a schema of their own, dropped by `dropTestSchemas`. */
export type StoreKind = 'sqlite' | 'postgres';
const schemas: string[] = [];

export function openTestStore(kind: StoreKind): ReadModelStore {
  if (kind === 'sqlite') return new SqliteReadModelStore(':memory:');
  const schema = `ppo_test_${randomBytes(6).toString('hex')}`;
  schemas.push(schema);
  return new PostgresReadModelStore({ connectionString: TEST_POSTGRES_URL, schema, maxConnections: 2 });
}

/** Drops every schema the tests created. */
export async function dropTestSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];
