import type { ProjectionTotals, TotalsShare } from '../projection';
import type { ReadModelStore, TableWrites } from '../store/read-model-store.port';
import type { Row } from '../store/table-spec';

const NONE: Map<string, TotalsShare>[] = [];
const EMPTY = new Map<string, TotalsShare>();

/**
 * A projection's totals table as one runner lane keeps it: every row in memory (totals are few), changed by the
 * difference between a projection row's shares before and after each event, and written with the lane's commit.
 */
export class LaneTotals {
  private readonly committed = new Map<string, Row>();
  private readonly dirty = new Map<string, Row | null>();
  /** Dirty rows whose sums object was made since the last commit, so may be changed in place. */
  private readonly owned = new Set<string>();
  /**
   * The latest row value's shares by row key, the most recently changed last and at most `remembered` of them:
   * a row's shares after one event are its shares before the next, worked out once.
   */
  private readonly shares = new Map<string, { row: Row; shares: Map<string, TotalsShare>[] }>();
  /** False until read from the store, and again after uncommitted changes were dropped. */
  loaded = false;

  constructor(
    readonly spec: ProjectionTotals,
    private readonly remembered = 20_000,
  ) {}

  async load(store: ReadModelStore): Promise<void> {
    const { rows } = await store.select(this.spec.table, {});
    this.committed.clear();
    this.dirty.clear();
    this.owned.clear();
    for (const row of rows) this.committed.set(row[this.spec.table.key] as string, row);
    this.loaded = true;
  }

  /** Forgets uncommitted changes: the totals are read again before the next event. */
  drop(): void {
    this.dirty.clear();
    this.owned.clear();
    this.loaded = false;
  }

  /** Moves the totals from a projection row's old value to its new one. */
  change(key: string, before: Row | undefined, after: Row | undefined): void {
    const known = this.shares.get(key);
    const oldParts = !before ? NONE : known?.row === before ? known.shares : this.spec.sharesOf(before);
    const nextParts = after ? this.spec.sharesOf(after, before && { row: before, shares: oldParts }) : NONE;
    this.shares.delete(key);
    if (after) this.shares.set(key, { row: after, shares: nextParts });
    if (this.shares.size > this.remembered) this.shares.delete(this.shares.keys().next().value!);
    for (let i = 0; i < Math.max(oldParts.length, nextParts.length); i++) {
      const old = oldParts[i] ?? EMPTY;
      const next = nextParts[i] ?? EMPTY;
      if (old === next) continue;
      for (const [totalsKey, share] of next) {
        const was = old.get(totalsKey);
        if (was !== share) this.add(totalsKey, share, was?.sums);
      }
      for (const [totalsKey, share] of old) if (!next.has(totalsKey)) this.add(totalsKey, { columns: share.columns, sums: {} }, share.sums);
    }
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
    this.owned.clear();
  }

  /** Adds `share.sums` less `previous` to the totals row `key`. */
  private add(key: string, share: TotalsShare, previous: Record<string, number> | undefined): void {
    if (share.sums === previous) return;
    let sums: Record<string, number> | undefined;
    const move = (name: string, by: number) => {
      if (by === 0) return;
      if (!sums) {
        const current = this.dirty.has(key) ? this.dirty.get(key) : this.committed.get(key);
        const stored = (current?.sums as Record<string, number> | undefined) ?? {};
        sums = this.owned.has(key) ? stored : { ...stored };
      }
      const value = (sums[name] ?? 0) + by;
      if (value === 0) delete sums[name];
      else sums[name] = value;
    };
    for (const [name, value] of Object.entries(share.sums)) move(name, value - (previous?.[name] ?? 0));
    if (previous) for (const [name, value] of Object.entries(previous)) if (!(name in share.sums)) move(name, -value);
    if (!sums) return;
    const { key: keyColumn } = this.spec.table;
    const empty = Object.keys(sums).length === 0;
    if (this.owned.has(key) && this.dirty.get(key)) {
      if (empty) this.dirty.set(key, null);
      return;
    }
    this.owned.add(key);
    this.dirty.set(key, empty ? null : { ...share.columns, [keyColumn]: key, sums });
  }
}
