import type { Database } from 'better-sqlite3';
import { hashEvent } from '../integrity/event-hash';

/**
 * Versioned schema migrations for the embedded event store, applied in order
 * and recorded in SQLite's user_version. Never edit a released migration: add one.
 */
const MIGRATIONS: readonly (string | ((db: Database) => void))[] = [
  `CREATE TABLE events (
     global_position INTEGER PRIMARY KEY,
     event_id        TEXT    NOT NULL UNIQUE,
     stream_id       TEXT    NOT NULL,
     version         INTEGER NOT NULL,
     type            TEXT    NOT NULL,
     schema_version  INTEGER NOT NULL,
     data            TEXT    NOT NULL,
     metadata        TEXT    NOT NULL,
     recorded_at     TEXT    NOT NULL,
     idempotency_key TEXT,
     UNIQUE (stream_id, version)
   );
   CREATE INDEX events_by_idempotency_key ON events (stream_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
   -- The log is the record of truth: corrections are new events, never edits.
   CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
   CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`,
  // Tamper evidence: each event's hash, chained to the previous event of its stream, and seals over the global log.
  (db) => {
    db.exec(`ALTER TABLE events ADD COLUMN hash TEXT;
             ALTER TABLE events ADD COLUMN previous_hash TEXT;
             CREATE TABLE seals (
               sequence   INTEGER PRIMARY KEY,
               position   INTEGER NOT NULL,
               events     INTEGER NOT NULL,
               hash       TEXT    NOT NULL,
               sealed_at  TEXT    NOT NULL
             );
             CREATE TRIGGER seals_are_never_updated BEFORE UPDATE ON seals BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;
             CREATE TRIGGER seals_are_never_deleted BEFORE DELETE ON seals BEGIN SELECT RAISE(ABORT, 'seals are append-only'); END;`);
    // Events written before this migration get their hashes once, here: the only write to existing rows there
    // will ever be, and it changes nothing they say.
    const rows = db.prepare('SELECT global_position, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at FROM events ORDER BY global_position').all() as {
      global_position: number; event_id: string; stream_id: string; version: number; type: string; schema_version: number; data: string; metadata: string; recorded_at: string;
    }[];
    if (rows.length === 0) return;
    db.exec('DROP TRIGGER events_are_never_updated');
    const update = db.prepare('UPDATE events SET hash = ?, previous_hash = ? WHERE global_position = ?');
    const heads = new Map<string, string>();
    for (const row of rows) {
      const previousHash = heads.get(row.stream_id) ?? null;
      const hash = hashEvent({ streamId: row.stream_id, version: row.version, eventId: row.event_id, type: row.type, schemaVersion: row.schema_version, dataJson: row.data, metadataJson: row.metadata, recordedAt: row.recorded_at, previousHash });
      update.run(hash, previousHash, row.global_position);
      heads.set(row.stream_id, hash);
    }
    db.exec(`CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`);
  },
];

/** Brings a database up to the latest schema. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The event store is at schema ${current}, newer than this service (${MIGRATIONS.length}).`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      const migration = MIGRATIONS[version];
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
