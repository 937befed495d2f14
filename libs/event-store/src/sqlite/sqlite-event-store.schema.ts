import type { Database } from 'better-sqlite3';

/**
 * Versioned schema migrations for the embedded event store, applied in order
 * and recorded in SQLite's user_version. Never edit a released migration: add one.
 */
const MIGRATIONS: readonly string[] = [
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
];

/** Brings a database up to the latest schema. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`The event store is at schema ${current}, newer than this service (${MIGRATIONS.length}).`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
