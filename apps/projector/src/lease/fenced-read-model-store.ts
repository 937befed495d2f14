import type { ProjectionCheckpoint, ReadModelStore, Row, SelectQuery, TableSpec, TableWrites } from '@ppo/read-models';

/** A write to the read models refused because this projector no longer holds the lease. */
export class LeaseNotHeldError extends Error {
  constructor() {
    super('this projector no longer holds the lease: the read models are not written');
    this.name = 'LeaseNotHeldError';
  }
}

/**
 * The read-model store as a projector writes it: every write first checks that the lease is
 * still held, so a projector that has just lost it (and is stopping) writes nothing more, not
 * even the last commit a stopping runner makes. Reads pass straight through.
 */
export class FencedReadModelStore implements ReadModelStore {
  readonly dialect: ReadModelStore['dialect'];

  constructor(
    private readonly inner: ReadModelStore,
    private readonly leaseHeld: () => boolean,
  ) {
    this.dialect = inner.dialect;
  }

  private fence(): void {
    if (!this.leaseHeld()) throw new LeaseNotHeldError();
  }

  async ensureTables(tables: TableSpec[], options?: { withIndexes?: boolean }): Promise<void> {
    this.fence();
    return this.inner.ensureTables(tables, options);
  }

  async ensureIndexes(tables: TableSpec[]): Promise<void> {
    this.fence();
    return this.inner.ensureIndexes(tables);
  }

  async commit(projection: string, projectionVersion: number, writes: TableWrites[], position: number): Promise<void> {
    this.fence();
    return this.inner.commit(projection, projectionVersion, writes, position);
  }

  async recordFailure(projection: string, failure: { position: number; eventId: string; error: string }): Promise<void> {
    this.fence();
    return this.inner.recordFailure(projection, failure);
  }

  async reset(projection: string, projectionVersion: number, tables: TableSpec[]): Promise<void> {
    this.fence();
    return this.inner.reset(projection, projectionVersion, tables);
  }

  async dropTable(projection: string, table: TableSpec): Promise<void> {
    this.fence();
    return this.inner.dropTable(projection, table);
  }

  async swapIn(live: { projection: string; tables: TableSpec[] }, shadow: { projection: string; tables: TableSpec[] }): Promise<void> {
    this.fence();
    return this.inner.swapIn(live, shadow);
  }

  load(table: TableSpec, keys: string[]): Promise<Map<string, Row>> {
    return this.inner.load(table, keys);
  }

  checkpoint(projection: string): Promise<ProjectionCheckpoint | undefined> {
    return this.inner.checkpoint(projection);
  }

  checkpoints(): Promise<ProjectionCheckpoint[]> {
    return this.inner.checkpoints();
  }

  select(table: TableSpec, query: SelectQuery): Promise<{ rows: Row[]; total: number }> {
    return this.inner.select(table, query);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
