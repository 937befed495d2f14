import type { Database, Statement } from 'better-sqlite3';
import session, { type SessionData } from 'express-session';

type Callback<T = void> = (error?: unknown, value?: T) => void;

/**
 * express-session's store in the accounts database: sessions survive a restart
 * of the service, sign-out really ends them, and expired ones are swept.
 */
export class SqliteSessionStore extends session.Store {
  private readonly sweeper: NodeJS.Timeout;
  private readonly statements: Record<'get' | 'set' | 'touch' | 'destroy' | 'sweep', Statement>;

  constructor(
    db: Database,
    private readonly idleMs: number,
  ) {
    super();
    // Compiled once: a page view reads and touches its session on every request.
    this.statements = {
      get: db.prepare('SELECT data, expires_at FROM sessions WHERE sid = ?'),
      set: db.prepare('INSERT INTO sessions (sid, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at'),
      touch: db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?'),
      destroy: db.prepare('DELETE FROM sessions WHERE sid = ?'),
      sweep: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    };
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  override get(sid: string, callback: Callback<SessionData | null>): void {
    try {
      const row = this.statements.get.get(sid) as { data: string; expires_at: number } | undefined;
      callback(null, row && row.expires_at > Date.now() ? (JSON.parse(row.data) as SessionData) : null);
    } catch (error) {
      callback(error);
    }
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    try {
      this.statements.set.run(sid, JSON.stringify(data), this.expiry(data));
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override touch(sid: string, data: SessionData, callback?: Callback): void {
    try {
      this.statements.touch.run(this.expiry(data), sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  override destroy(sid: string, callback?: Callback): void {
    try {
      this.statements.destroy.run(sid);
      callback?.();
    } catch (error) {
      callback?.(error);
    }
  }

  sweep(): void {
    this.statements.sweep.run(Date.now());
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private expiry(data: SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.idleMs;
  }
}
