import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ProjectorLease } from './projector-lease';

export interface SqliteLeaseOptions {
  /** The read models' SQLite file: the lease row lives beside the rows it guards. */
  path: string;
  /** How long the lease lasts unless renewed; the holder renews it every fifth of that. */
  leaseMs: number;
  /** The clock (milliseconds since the epoch); every projector on the machine reads the same one. */
  now?: () => number;
}

interface LeaseRow {
  holder: string;
  expires_at: number;
}

/**
 * A lease row in the read models' SQLite file: who holds it and until when. The holder renews it
 * every fifth of its length; another projector takes it only once it has run out, or once the
 * holder has given it up. The holder counts itself as holding it only until a fifth of its length
 * before it runs out, so it stops writing before anyone else can take over, even if a renewal is
 * late (a stalled event loop, a busy database). A file lock would need a native module and is
 * unreliable on network filesystems; a row in the same file needs nothing more than SQLite, which
 * already serialises every write to it. SQLite read models live on one machine, so every projector
 * reads the same clock.
 */
export class SqliteLease implements ProjectorLease {
  readonly kind = 'SQLite lease row';
  /** Who this projector is, in the lease row: host, process and a random suffix. */
  readonly holder = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly db: Db;
  private readonly statements: { read: Statement<[], LeaseRow>; take: Statement; renew: Statement; give: Statement };
  private readonly now: () => number;
  private expiresAt = 0;
  private holding = false;
  private onLost?: (reason: string) => void;
  private renewals?: NodeJS.Timeout;

  constructor(private readonly options: SqliteLeaseOptions) {
    this.now = options.now ?? Date.now;
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    // Short: a lease that cannot be written now is tried again at the next poll or renewal.
    this.db.pragma('busy_timeout = 250');
    this.db.exec(`CREATE TABLE IF NOT EXISTS projector_lease (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      taken_at TEXT NOT NULL
    )`);
    this.statements = {
      read: this.db.prepare(`SELECT holder, expires_at FROM projector_lease WHERE name = 'projector'`),
      take: this.db.prepare(
        `INSERT INTO projector_lease (name, holder, expires_at, taken_at) VALUES ('projector', @holder, @expiresAt, @takenAt)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, taken_at = excluded.taken_at
         WHERE projector_lease.expires_at <= @now OR projector_lease.holder = excluded.holder`,
      ),
      renew: this.db.prepare(`UPDATE projector_lease SET expires_at = ? WHERE name = 'projector' AND holder = ?`),
      give: this.db.prepare(`DELETE FROM projector_lease WHERE name = 'projector' AND holder = ?`),
    };
  }

  get held(): boolean {
    return this.holding && this.now() < this.expiresAt - this.options.leaseMs / 5;
  }

  async tryAcquire(onLost: (reason: string) => void): Promise<boolean> {
    if (this.holding) return true;
    const now = this.now();
    const current = this.statements.read.get();
    // Read first: a waiting projector polling a live lease then never needs the write lock.
    if (current && current.expires_at > now && current.holder !== this.holder) return false;
    const expiresAt = now + this.options.leaseMs;
    const { changes } = this.statements.take.run({ holder: this.holder, expiresAt, takenAt: new Date(now).toISOString(), now });
    if (changes !== 1) return false;
    this.holding = true;
    this.expiresAt = expiresAt;
    this.onLost = onLost;
    this.renewals = setInterval(() => this.renew(), this.options.leaseMs / 5);
    return true;
  }

  async release(): Promise<void> {
    if (!this.holding) return;
    this.stopHolding();
    try {
      this.statements.give.run(this.holder);
    } catch {
      // Busy: the lease runs out by itself.
    }
  }

  async close(): Promise<void> {
    await this.release();
    this.db.close();
  }

  private renew(): void {
    if (!this.holding) return;
    if (!this.held) return this.lose('it was not renewed in time');
    const now = this.now();
    try {
      if (this.statements.renew.run(now + this.options.leaseMs, this.holder).changes !== 1) return this.lose('another projector has taken it');
      this.expiresAt = now + this.options.leaseMs;
    } catch (error) {
      // A busy database: the next renewal tries again, while the lease has time left.
      if (!this.held) this.lose(`it could not be renewed (${(error as Error).message})`);
    }
  }

  private lose(reason: string): void {
    const onLost = this.onLost;
    this.stopHolding();
    onLost?.(reason);
  }

  private stopHolding(): void {
    this.holding = false;
    this.onLost = undefined;
    clearInterval(this.renewals);
  }
}
