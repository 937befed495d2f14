import Database from 'better-sqlite3';
import type { KeyStore, WrappedKey } from './key-store.port';

/** The key store in its own SQLite file (`<PPO_DATA_DIR>/keys.db` by default). */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // A destroyed key's bytes are overwritten in the file, not just unlinked from the b-tree.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      subject TEXT PRIMARY KEY,
      master_key_id TEXT,
      wrapped BLOB,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
      destroyed_at TEXT
    )`);
  }

  async get(subject: string): Promise<WrappedKey | 'destroyed' | undefined> {
    const row = this.db.prepare('SELECT master_key_id, wrapped, destroyed_at FROM data_keys WHERE subject = ?').get(subject) as Row | undefined;
    return toKey(row);
  }

  async putIfAbsent(subject: string, key: WrappedKey): Promise<WrappedKey | 'destroyed'> {
    this.db.prepare('INSERT INTO data_keys (subject, master_key_id, wrapped) VALUES (?, ?, ?) ON CONFLICT (subject) DO NOTHING').run(subject, key.masterKeyId, key.wrapped);
    return (await this.get(subject)) ?? key;
  }

  async destroy(subject: string, at: string): Promise<boolean> {
    const had = this.db.prepare('SELECT wrapped IS NOT NULL AS had FROM data_keys WHERE subject = ?').get(subject) as { had: number } | undefined;
    this.db
      .prepare('INSERT INTO data_keys (subject, destroyed_at) VALUES (?, ?) ON CONFLICT (subject) DO UPDATE SET master_key_id = NULL, wrapped = NULL, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)')
      .run(subject, at);
    // Move the old page images out of the WAL into the (securely overwritten) file at once.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return had?.had === 1;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

interface Row {
  master_key_id: string | null;
  wrapped: Buffer | null;
  destroyed_at: string | null;
}

export function toKey(row: Row | undefined): WrappedKey | 'destroyed' | undefined {
  if (!row) return undefined;
  if (row.destroyed_at !== null || row.wrapped === null || row.master_key_id === null) return 'destroyed';
  return { masterKeyId: row.master_key_id, wrapped: Buffer.from(row.wrapped) };
}
