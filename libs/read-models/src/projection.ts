import type { OffenderEvent } from '@ppo/domain';
import type { EventMetadata } from '@ppo/event-store';
import type { Row, TableSpec } from './store/table-spec';

/** An offender event as projections see it: upcast to its latest shape, with its envelope. */
export interface ProjectedEvent {
  event: OffenderEvent;
  eventId: string;
  offenderId: string;
  streamId: string;
  version: number;
  globalPosition: number;
  recordedAt: string;
  metadata: EventMetadata;
}

/**
 * A read model: one table, and a pure `evolve` from the row an event concerns
 * to its next value. No I/O and no clock: the runner loads and saves rows, and
 * anything that depends on today is worked out when the row is read.
 */
export interface Projection<R extends Row = Row> {
  /** Also the table's name and the checkpoint's key. */
  name: string;
  /** Bump when evolve or the table changes: the projection is then rebuilt from position 0. */
  version: number;
  table: TableSpec;
  /** True when every event makes a new row (an append-only log): rows are then never loaded or cached. */
  insertOnly?: boolean;
  /** The key of the row an event concerns, or undefined when the projection ignores it. */
  keyOf(event: ProjectedEvent): string | undefined;
  /** The row after the event; undefined deletes it. Must not mutate `row`. */
  evolve(row: R | undefined, event: ProjectedEvent): R | undefined;
  /** Sums over every row, kept in a second table committed with the first (same checkpoint, same transaction). */
  totals?: ProjectionTotals<R>;
}

/** One totals row's share from one projection row: the columns that place it, and the numbers it adds. */
export interface TotalsShare {
  columns: Row;
  sums: Record<string, number>;
}

/**
 * Totals over a projection's rows, such as a dashboard's counts per area and day. The runner keeps them by
 * difference: when an event (or a correction's refold) changes a row, the row's old shares are taken away and
 * its new ones added, so a late, retracted or corrected event moves the totals exactly as a rebuild would.
 */
export interface ProjectionTotals<R extends Row = Row> {
  /** Its key column holds the share's key; a JSON column `sums` holds the non-zero sums; a row whose sums are all zero is deleted. */
  table: TableSpec;
  /**
   * What a row adds to the totals, by totals key, in parts (each from one part of the row, in the same order for
   * every row). Pure. Given the row's previous value and its shares, a part whose source the event left alone
   * should be returned as the same Map: the runner skips it, so an event costs what it changes, not the whole row.
   */
  sharesOf(row: R, previous?: { row: R; shares: Map<string, TotalsShare>[] }): Map<string, TotalsShare>[];
}
