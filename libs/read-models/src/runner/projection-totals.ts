import type { ProjectionTotals, TotalsShare } from '../projection';
import type { ReadModelStore, TableWrites } from '../store/read-model-store.port';
import type { Row } from '../store/table-spec';

const NONE = new Map<string, TotalsShare>();

/**
 * A projection's totals table as one runner lane keeps it: every row in memory (totals are few), changed by the
 * difference between a projection row's shares before and after each event, and written with the lane's commit.
 */
export class LaneTotals {
  private readonly committed = new Map<string, Row>();
  private readonly dirty = new Map<string, Row | null>();
  /** Shares by row value: a row's shares after one event are its shares before the next, worked out once. */
  private readonly shares = new WeakMap<Row, Map<string, TotalsShare>>();
  /** False until read from the store, and again after uncommitted changes were dropped. */
  loaded = false;

  constructor(readonly spec: ProjectionTotals) {}

  async load(store: ReadModelStore): Promise<void> {
    const { rows } = await store.select(this.spec.table, {});
    this.committed.clear();
    this.dirty.clear();
    for (const row of rows) this.committed.set(row[this.spec.table.key] as string, row);
    this.loaded = true;
  }

  /** Forgets uncommitted changes: the totals are read again before the next event. */
  drop(): void {
    this.dirty.clear();
    this.loaded = false;
  }

  /** Moves the totals from a projection row's old value to its new one. */
  change(before: Row | undefined, after: Row | undefined): void {
    const old = before ? this.sharesOf(before) : NONE;
    const next = after ? this.sharesOf(after) : NONE;
    for (const [key, share] of next) this.add(key, share, old.get(key)?.sums);
    for (const [key, share] of old) if (!next.has(key)) this.add(key, { columns: share.columns, sums: {} }, share.sums);
  }

  writes(): TableWrites {
    const upserts: Row[] = [];
    const deletes: string[] = [];
    for (const [key, row] of this.dirty) {
      if (row) upserts.push(row);
      else deletes.push(key);
    }
    return { table: this.spec.table, upserts, deletes };
  }

  /** After a commit: the changes written are the totals as stored. */
  committedWrites(): void {
    for (const [key, row] of this.dirty) {
      if (row) this.committed.set(key, row);
      else this.committed.delete(key);
    }
    this.dirty.clear();
  }

  private sharesOf(row: Row): Map<string, TotalsShare> {
    let shares = this.shares.get(row);
    if (!shares) this.shares.set(row, (shares = this.spec.sharesOf(row)));
    return shares;
  }

  /** Adds `share.sums` less `previous` to the totals row `key`. */
  private add(key: string, share: TotalsShare, previous: Record<string, number> | undefined): void {
    if (share.sums === previous) return;
    let sums: Record<string, number> | undefined;
    const move = (name: string, by: number) => {
      if (by === 0) return;
      if (!sums) {
        const current = this.dirty.has(key) ? this.dirty.get(key) : this.committed.get(key);
        sums = { ...((current?.sums as Record<string, number> | undefined) ?? {}) };
      }
      const value = (sums[name] ?? 0) + by;
      if (value === 0) delete sums[name];
      else sums[name] = value;
    };
    for (const [name, value] of Object.entries(share.sums)) move(name, value - (previous?.[name] ?? 0));
    if (previous) for (const [name, value] of Object.entries(previous)) if (!(name in share.sums)) move(name, -value);
    if (!sums) return;
    const { key: keyColumn } = this.spec.table;
    this.dirty.set(key, Object.keys(sums).length ? { ...share.columns, [keyColumn]: key, sums } : null);
  }
}
