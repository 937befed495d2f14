import { TEST_POSTGRES_URL } from '@ppo/read-models/testing/read-model-stores';
import { Client } from 'pg';
import { keyStoreContract } from './key-store.contract';
import { PostgresKeyStore } from './postgres-key-store';

const URL = TEST_POSTGRES_URL;
const schema = `keys_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  const client = new Client({ connectionString: URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
});

afterAll(async () => {
  const client = new Client({ connectionString: URL });
  await client.connect();
  await client.query(`DROP SCHEMA ${schema} CASCADE`);
  await client.end();
});

let n = 0;
keyStoreContract('PostgreSQL', async () => {
  // Each test gets its own table (a fresh schema) so they do not see each other's subjects.
  const own = `${schema}_${++n}`;
  const client = new Client({ connectionString: URL });
  await client.connect();
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${own}`);
  await client.end();
  return new PostgresKeyStore(URL, own);
});

afterAll(async () => {
  const client = new Client({ connectionString: URL });
  await client.connect();
  for (let i = 1; i <= n; i++) await client.query(`DROP SCHEMA IF EXISTS ${schema}_${i} CASCADE`);
  await client.end();
});
