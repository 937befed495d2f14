import Database, { type Database as Db, type Statement, type Transaction } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AccessLogEntry, AccessLogIntegrity, AccessLogQuery, NewAccessLogEntry } from './access-log-entry';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS access_log (
    sequence       INTEGER PRIMARY KEY,
    at             TEXT NOT NULL,
    kind           TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    username       TEXT NOT NULL,
    role           TEXT NOT NULL,
    route          TEXT NOT NULL,
    url            TEXT NOT NULL,
    subjects       TEXT NOT NULL,
    purpose        TEXT,
    recipient      TEXT,
    correlation_id TEXT NOT NULL,
    hash           TEXT NOT NULL,
    previous_hash  TEXT
  );
  CREATE TABLE IF NOT EXISTS access_log_subjects (
    subject  TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    PRIMARY KEY (subject, sequence)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS access_log_by_user ON access_log (user_id, sequence);
  CREATE TRIGGER IF NOT EXISTS access_log_is_never_updated BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
  CREATE TRIGGER IF NOT EXISTS access_log_is_never_deleted BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
`;

interface Row {
  sequence: number;
  at: string;
  kind: string;
  user_id: string;
  username: string;
  role: string;
  route: string;
  url: string;
  subjects: string;
  purpose: string | null;
  recipient: string | null;
  correlation_id: string;
  hash: string;
  previous_hash: string | null;
}

const fieldsOf = (e: NewAccessLogEntry) => [e.at, e.kind, e.userId, e.username, e.role, e.route, e.url, JSON.stringify(e.subjects), e.purpose ?? null, e.recipient ?? null, e.correlationId];

/** An entry's SHA-256, chained to the entry before. */
function entryHash(entry: NewAccessLogEntry, previousHash: string | null): string {
  return createHash('sha256').update(JSON.stringify(['ppo-access-v1', ...fieldsOf(entry), previousHash]), 'utf8').digest('hex');
}

const toEntry = (r: Row): AccessLogEntry => ({
  sequence: r.sequence,
  at: r.at,
  kind: r.kind as AccessLogEntry['kind'],
  userId: r.user_id,
  username: r.username,
  role: r.role,
  route: r.route,
  url: r.url,
  subjects: JSON.parse(r.subjects) as string[],
  ...(r.purpose ? { purpose: r.purpose } : {}),
  ...(r.recipient ? { recipient: r.recipient } : {}),
  correlationId: r.correlation_id,
  hash: r.hash,
  previousHash: r.previous_hash,
});

interface Queued {
  entry: NewAccessLogEntry;
  resolve: (written: AccessLogEntry) => void;
  reject: (error: unknown) => void;
}

/**
 * The s.62 log: who consulted, disclosed or altered whose data, when, by which
 * route and why. Append-only (triggers refuse UPDATE and DELETE) and chained by
 * hash, so a removed or edited entry shows when the log is verified.
 * Requests write through `record`, which commits every entry queued in the
 * same turn of the event loop in one transaction (one WAL commit for many
 * requests) and settles each caller's promise only once its entry is
 * committed, so a response that waits for it never goes out unlogged.
 */
export class SqliteAccessLog {
  private readonly db: Db;
  private readonly insert: Statement;
  private readonly insertSubject: Statement;
  private readonly head: Statement;
  private readonly appendAll: Transaction<(entries: NewAccessLogEntry[]) => AccessLogEntry[]>;
  private queued: Queued[] = [];

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO access_log (at, kind, user_id, username, role, route, url, subjects, purpose, recipient, correlation_id, hash, previous_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertSubject = this.db.prepare('INSERT OR IGNORE INTO access_log_subjects (subject, sequence) VALUES (?, ?)');
    this.head = this.db.prepare('SELECT hash FROM access_log ORDER BY sequence DESC LIMIT 1');
    this.appendAll = this.db.transaction((entries: NewAccessLogEntry[]) => {
      // Re-read the head inside the write lock: another process may share this file.
      let head = (this.head.get() as { hash: string } | undefined)?.hash ?? null;
      return entries.map((entry) => {
        const hash = entryHash(entry, head);
        const info = this.insert.run(...fieldsOf(entry), hash, head);
        const sequence = Number(info.lastInsertRowid);
        for (const subject of entry.subjects) this.insertSubject.run(subject, sequence);
        const written = { ...entry, sequence, hash, previousHash: head };
        head = hash;
        return written;
      });
    });
  }

  /** Writes one entry now, in its own transaction. */
  append(entry: NewAccessLogEntry): AccessLogEntry {
    return this.appendAll.immediate([entry])[0];
  }

  /**
   * Queues an entry to be committed with the others queued in this turn of the
   * event loop, in the order queued; resolves with it once committed, rejects
   * if the transaction fails (then none of that batch is written).
   */
  record(entry: NewAccessLogEntry): Promise<AccessLogEntry> {
    return new Promise((resolve, reject) => {
      if (this.queued.push({ entry, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  /** Commits every queued entry now (at shutdown, or for a test that cannot wait a turn). */
  flush(): void {
    const batch = this.queued;
    if (batch.length === 0) return;
    this.queued = [];
    let written: AccessLogEntry[];
    try {
      written = this.appendAll.immediate(batch.map((q) => q.entry));
    } catch (error) {
      for (const q of batch) q.reject(error);
      return;
    }
    batch.forEach((q, i) => q.resolve(written[i]));
  }

  search(query: AccessLogQuery): { entries: AccessLogEntry[]; total: number; page: number; pageSize: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.subject) {
      where.push('sequence IN (SELECT sequence FROM access_log_subjects WHERE subject = ?)');
      params.push(query.subject);
    }
    if (query.user) {
      where.push('(user_id = ? OR username = ?)');
      params.push(query.user, query.user);
    }
    if (query.from) {
      where.push('at >= ?');
      params.push(query.from);
    }
    if (query.to) {
      // A date means the whole of that day.
      where.push('at < ?');
      params.push(/^\d{4}-\d{2}-\d{2}$/.test(query.to) ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : query.to);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM access_log ${whereSql}`).get(...params) as { n: number }).n;
    const rows = this.db.prepare(`SELECT * FROM access_log ${whereSql} ORDER BY sequence DESC LIMIT ? OFFSET ?`).all(...params, pageSize, (page - 1) * pageSize) as Row[];
    return { entries: rows.map(toEntry), total, page, pageSize };
  }

  /** Re-checks every entry's hash and link, in order; names the first entry that does not check out. */
  verify(): AccessLogIntegrity {
    let previous: string | null = null;
    let expected = 1;
    let entries = 0;
    for (const row of this.db.prepare('SELECT * FROM access_log ORDER BY sequence').iterate() as IterableIterator<Row>) {
      const entry = toEntry(row);
      if (entry.sequence !== expected) return { ok: false, entries, firstBreak: { sequence: expected, problem: 'this entry is missing: the log was cut' } };
      if (entry.previousHash !== previous) return { ok: false, entries, firstBreak: { sequence: entry.sequence, problem: 'its link to the entry before does not match: the chain is broken' } };
      if (entryHash(entry, previous) !== entry.hash) return { ok: false, entries, firstBreak: { sequence: entry.sequence, problem: 'its content does not match its hash: the entry was altered' } };
      previous = entry.hash;
      expected++;
      entries++;
    }
    return { ok: true, entries, firstBreak: null };
  }

  /** Commits what is queued, then closes the database. */
  close(): void {
    this.flush();
    this.db.close();
  }
}
