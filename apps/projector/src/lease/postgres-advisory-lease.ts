import pg from 'pg';
import type { ProjectorLease } from './projector-lease';

/** The advisory lock's name; its key is `hashtext(name)` in the read models' database. */
export const PROJECTOR_LOCK_NAME = 'ppo-projector';

export interface PostgresAdvisoryLeaseOptions {
  /** The read models' database: advisory locks are per database, so one lock per deployment. */
  connectionString: string;
  /** How often the holder checks that its lock's connection still answers. */
  checkEveryMs: number;
}

/**
 * A session-level `pg_try_advisory_lock` held on a connection of its own. PostgreSQL releases the
 * lock when that session ends, however it ends (the process killed, the connection dropped or
 * terminated), so a crashed holder never blocks the others for long. The holder treats any sign
 * that the connection is gone (an error, its end, a check that gets no answer) as losing the lease:
 * once the session is gone another projector may already hold the lock.
 */
export class PostgresAdvisoryLease implements ProjectorLease {
  readonly kind = 'PostgreSQL advisory lock';
  private client?: pg.Client;
  private holding = false;
  private onLost?: (reason: string) => void;
  private checks?: NodeJS.Timeout;

  constructor(private readonly options: PostgresAdvisoryLeaseOptions) {}

  get held(): boolean {
    return this.holding;
  }

  async tryAcquire(onLost: (reason: string) => void): Promise<boolean> {
    if (this.holding) return true;
    const client = await this.connection();
    let rows: { locked: boolean }[];
    try {
      ({ rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [PROJECTOR_LOCK_NAME]));
    } catch (error) {
      // A connection that does not answer is not to be trusted again: the next try opens another.
      this.dropped(client, 'its connection did not answer');
      throw error;
    }
    // The connection may have dropped while the answer was on its way: then the lock went with it.
    if (!rows[0].locked || client !== this.client) return false;
    this.holding = true;
    this.onLost = onLost;
    this.checks = setInterval(() => void this.check(client), this.options.checkEveryMs);
    return true;
  }

  async release(): Promise<void> {
    if (!this.holding) return;
    this.stopHolding();
    await this.client?.query('SELECT pg_advisory_unlock(hashtext($1))', [PROJECTOR_LOCK_NAME]).catch(() => this.disconnect());
  }

  async close(): Promise<void> {
    this.stopHolding();
    // Ending the session releases the lock.
    await this.disconnect();
  }

  private async connection(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: 'ppo-projector',
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      query_timeout: Math.max(5000, this.options.checkEveryMs),
    });
    client.on('error', (error) => this.dropped(client, `its connection failed (${error.message})`));
    client.on('end', () => this.dropped(client, 'its connection closed'));
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.client = undefined;
      void client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  private async check(client: pg.Client): Promise<void> {
    if (!this.holding || client !== this.client) return;
    try {
      await client.query('SELECT 1');
    } catch (error) {
      this.dropped(client, `its connection did not answer (${(error as Error).message})`);
    }
  }

  /** The lock's connection is gone (or no longer to be trusted): so is the lease. */
  private dropped(client: pg.Client, reason: string): void {
    if (client !== this.client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    if (!this.holding) return;
    const onLost = this.onLost;
    this.stopHolding();
    onLost?.(reason);
  }

  private stopHolding(): void {
    this.holding = false;
    this.onLost = undefined;
    clearInterval(this.checks);
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
