/**
 * The right to run the projections of one deployment: at most one projector holds it at a time.
 * A waiting projector polls `tryAcquire`; the holder projects while `held` is true, and stops at
 * once when `onLost` is called. `held` is read before every write to the read models, so a holder
 * that has lost its lease writes nothing more even before it has stopped.
 */
export interface ProjectorLease {
  /** What kind of lease, for the logs: "PostgreSQL advisory lock", "SQLite lease row". */
  readonly kind: string;
  /** Whether this instance holds the lease now. */
  readonly held: boolean;
  /**
   * Tries once to take the lease: true when this instance now holds it. While it does,
   * `onLost` is called once should it be lost (not when it is released).
   */
  tryAcquire(onLost: (reason: string) => void): Promise<boolean>;
  /** Gives the lease up, so another projector can take it without waiting. */
  release(): Promise<void>;
  /** Releases the lease if held, and closes its connection. */
  close(): Promise<void>;
}

/** Injection token for the projector's lease. */
export const PROJECTOR_LEASE = Symbol('PROJECTOR_LEASE');
