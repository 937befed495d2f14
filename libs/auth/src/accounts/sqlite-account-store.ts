import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role } from '../access/roles';
import { normaliseUsername, type Account, type NewAccount } from './account';

const MIGRATIONS = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     display_name TEXT NOT NULL,
     roles TEXT NOT NULL,
     areas TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     disabled_at TEXT,
     failed_sign_ins INTEGER NOT NULL DEFAULT 0,
     locked_until TEXT
   );
   CREATE TABLE sessions (
     sid TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_expires_at ON sessions (expires_at);`,
];

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: string;
  areas: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
}

const toAccount = (row: UserRow): Account => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  roles: JSON.parse(row.roles) as Role[],
  areas: JSON.parse(row.areas) as string[],
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
  failedSignIns: row.failed_sign_ins,
  lockedUntil: row.locked_until,
});

/** Thrown when a username is taken. */
export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`The username ${username} is already taken`);
  }
}

/**
 * Local accounts and browser sessions in the embedded database (accounts.db in
 * the data directory). Accounts are disabled, never deleted, so a user id in
 * the event log always names someone.
 */
export class SqliteAccountStore {
  readonly db: Db;
  /** Each statement compiled once: byId runs on every authenticated request. */
  private readonly statements = new Map<string, Statement>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  count(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  add(account: NewAccount, now: Date): Account {
    const id = randomUUID();
    const username = normaliseUsername(account.username);
    try {
      this.sql(
        `INSERT INTO users (id, username, display_name, roles, areas, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, username, account.displayName, JSON.stringify(account.roles), JSON.stringify(account.areas), account.passwordHash, now.toISOString(), now.toISOString());
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UsernameTakenError(username);
      throw error;
    }
    return this.byId(id)!;
  }

  /** Adds the first account only if there is none yet, atomically (two setup forms cannot both win). */
  addFirst(account: NewAccount, now: Date): Account | undefined {
    return this.db.transaction(() => (this.count() === 0 ? this.add(account, now) : undefined)).immediate();
  }

  byId(id: string): Account | undefined {
    const row = this.sql('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toAccount(row);
  }

  /** The account and its password hash, for signing in. */
  credentials(username: string): { account: Account; passwordHash: string } | undefined {
    const row = this.sql('SELECT * FROM users WHERE username = ?').get(normaliseUsername(username)) as UserRow | undefined;
    return row && { account: toAccount(row), passwordHash: row.password_hash };
  }

  byUsername(username: string): Account | undefined {
    return this.credentials(username)?.account;
  }

  list(): Account[] {
    return (this.sql('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(toAccount);
  }

  setDisabled(username: string, disabled: boolean, now: Date): Account | undefined {
    this.sql('UPDATE users SET disabled_at = ?, updated_at = ? WHERE username = ?').run(disabled ? now.toISOString() : null, now.toISOString(), normaliseUsername(username));
    return this.byUsername(username);
  }

  /** Sets a new password and lifts any lockout. */
  setPassword(username: string, passwordHash: string, now: Date): Account | undefined {
    this.sql('UPDATE users SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, updated_at = ? WHERE username = ?').run(passwordHash, now.toISOString(), normaliseUsername(username));
    return this.byUsername(username);
  }

  /** Counts a failed sign-in; locks the account until `lockUntil` when the count reaches `lockAfter`. */
  recordFailedSignIn(id: string, lockAfter: number, lockUntil: Date): void {
    this.sql(
      `UPDATE users SET failed_sign_ins = failed_sign_ins + 1,
         locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END
       WHERE id = ?`,
    ).run(lockAfter, lockUntil.toISOString(), id);
  }

  /** Forgets failed sign-ins: after a success, or once a lockout has run out. */
  resetFailedSignIns(id: string): void {
    this.sql('UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?').run(id);
  }

  /** Ends every browser session of a user (when they are disabled or their password is reset); returns how many. */
  endSessions(userId: string): number {
    return this.sql(`DELETE FROM sessions WHERE json_extract(data, '$.userId') = ?`).run(userId).changes;
  }

  close(): void {
    this.db.close();
  }
}
