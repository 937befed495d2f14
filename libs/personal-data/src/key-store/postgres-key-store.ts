import { Pool } from 'pg';
import type { KeyStore, WrappedKey } from './key-store.port';
import { toKey } from './sqlite-key-store';

/** The key store in PostgreSQL, for deployments where the log is in EventStoreDB and API replicas share keys. */
export class PostgresKeyStore implements KeyStore {
  private readonly pool: Pool;
  private ready?: Promise<void>;

  constructor(connectionString: string, private readonly schema = 'public') {
    this.pool = new Pool({ connectionString, max: 4 });
    // An idle client's connection dropping must not crash the process: the next query reconnects or fails on its own.
    this.pool.on('error', () => undefined);
  }

  private get table(): string {
    return `"${this.schema}".data_keys`;
  }

  private init(): Promise<void> {
    this.ready ??= this.pool
      .query(
        `CREATE TABLE IF NOT EXISTS ${this.table} (
          subject TEXT PRIMARY KEY,
          master_key_id TEXT,
          wrapped BYTEA,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          destroyed_at TEXT
        )`,
      )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }

  async get(subject: string): Promise<WrappedKey | 'destroyed' | undefined> {
    await this.init();
    const { rows } = await this.pool.query(`SELECT master_key_id, wrapped, destroyed_at FROM ${this.table} WHERE subject = $1`, [subject]);
    return toKey(rows[0]);
  }

  async putIfAbsent(subject: string, key: WrappedKey): Promise<WrappedKey | 'destroyed'> {
    await this.init();
    await this.pool.query(`INSERT INTO ${this.table} (subject, master_key_id, wrapped) VALUES ($1, $2, $3) ON CONFLICT (subject) DO NOTHING`, [subject, key.masterKeyId, key.wrapped]);
    return (await this.get(subject)) ?? key;
  }

  async destroy(subject: string, at: string): Promise<boolean> {
    await this.init();
    const before = await this.pool.query(`SELECT wrapped IS NOT NULL AS had FROM ${this.table} WHERE subject = $1`, [subject]);
    await this.pool.query(
      `INSERT INTO ${this.table} (subject, destroyed_at) VALUES ($1, $2)
       ON CONFLICT (subject) DO UPDATE SET master_key_id = NULL, wrapped = NULL, destroyed_at = COALESCE(${this.table}.destroyed_at, excluded.destroyed_at)`,
      [subject, at],
    );
    // Reclaims the dead row version that still held the wrapped key (PostgreSQL keeps old versions until vacuumed).
    await this.pool.query(`VACUUM ${this.table}`);
    return before.rows[0]?.had === true;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
