import type { Row, SelectQuery, TableSpec } from './table-spec';

/** Where a projection has got to in the global log, and whether it is stopped on a failure. */
export interface ProjectionCheckpoint {
  projection: string;
  /** Global position of the last event applied (0: none yet). */
  position: number;
  /** The projection's code version that wrote the rows; a different one means rebuild. */
  projectionVersion: number;
  failure: { position: number; eventId: string; error: string; at: string } | null;
  updatedAt: string;
}

/** The rows one batch changes in one table. */
export interface TableWrites {
  table: TableSpec;
  upserts: Row[];
  deletes: string[];
}

/**
 * Storage for read models: SQLite by default, PostgreSQL in production. A
 * batch's rows and the projection's checkpoint are written in one transaction,
 * so each event is applied exactly once whatever crashes.
 */
export interface ReadModelStore {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Creates the given tables if missing, with their indexes unless told not to (a table
   * filled from position 0 gets its indexes once full: cheaper than keeping them up to date).
   */
  ensureTables(tables: TableSpec[], options?: { withIndexes?: boolean }): Promise<void>;
  /** Creates the tables' indexes if missing. */
  ensureIndexes(tables: TableSpec[]): Promise<void>;
  /** Rows by key; missing keys are absent from the map. */
  load(table: TableSpec, keys: string[]): Promise<Map<string, Row>>;
  /** Writes rows and the checkpoint atomically. */
  commit(projection: string, projectionVersion: number, writes: TableWrites[], position: number): Promise<void>;
  checkpoint(projection: string): Promise<ProjectionCheckpoint | undefined>;
  checkpoints(): Promise<ProjectionCheckpoint[]>;
  /** Marks a projection stopped on an event; its checkpoint stays before that event. */
  recordFailure(projection: string, failure: { position: number; eventId: string; error: string }): Promise<void>;
  /** Empties a table and resets its projection to position 0, in one transaction. */
  reset(projection: string, projectionVersion: number, tables: TableSpec[]): Promise<void>;
  select(table: TableSpec, query: SelectQuery): Promise<{ rows: Row[]; total: number }>;
  /** Drops a table (if it exists) and forgets its projection's checkpoint. */
  dropTable(projection: string, table: TableSpec): Promise<void>;
  /**
   * In one transaction: replaces each live table with the shadow one at the same place in the list (indexes renamed
   * to the live names), and gives the live projection the shadow's checkpoint. A projection's totals table goes with
   * its rows, so a crash can never leave totals of one build beside rows of another.
   */
  swapIn(live: { projection: string; tables: TableSpec[] }, shadow: { projection: string; tables: TableSpec[] }): Promise<void>;
  /**
   * Removes old copies of rewritten rows from the store's files (after an erasure): SQLite checkpoints its WAL into
   * a file whose freed space is zeroed; PostgreSQL vacuums the tables.
   */
  scrub?(tables: TableSpec[]): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the ReadModelStore chosen from config. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
