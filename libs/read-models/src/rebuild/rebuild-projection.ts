import type { EventStore } from '@ppo/event-store';
import { isDeepStrictEqual } from 'node:util';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../runner/projection-runner';
import type { ReadModelStore } from '../store/read-model-store.port';
import type { Row, TableSpec } from '../store/table-spec';

/** How a rebuilt projection compared with the live one it replaced. */
export interface RebuildReport {
  projection: string;
  /** Global position both had reached when compared and swapped. */
  position: number;
  rows: number;
  differences: { onlyLive: number; onlyRebuilt: number; changed: number; sampleKeys: string[] };
  seconds: number;
}

export interface RebuildOptions {
  /** Called about twice a second while the shadow copy catches up. */
  onProgress?: (position: number, head: number) => void;
  /** Stops whatever keeps the live projection up to date, for the short compare-and-swap. */
  pauseLive?: () => Promise<void>;
  /** Starts it again, on the swapped-in table. */
  resumeLive?: () => Promise<void>;
}

/** The projection writing to a shadow table under its own checkpoint. */
export function shadowOf(projection: Projection): Projection {
  const name = `${projection.name}__rebuild`;
  const { totals } = projection;
  return { ...projection, name, table: { ...projection.table, name }, totals: totals && { ...totals, table: { ...totals.table, name: `${totals.table.name}__rebuild` } } };
}

const PAGE = 1000;

async function* rowsByKey(store: ReadModelStore, table: TableSpec): AsyncGenerator<Row> {
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await store.select(table, { limit: PAGE, offset });
    yield* rows;
    if (rows.length < PAGE) return;
  }
}

const keyOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two tables of one spec row by row, in key order, without holding either in memory. */
export async function compareTables(store: ReadModelStore, live: TableSpec, rebuilt: TableSpec): Promise<RebuildReport['differences'] & { rows: number }> {
  const result = { onlyLive: 0, onlyRebuilt: 0, changed: 0, sampleKeys: [] as string[], rows: 0 };
  const note = (key: string) => {
    if (result.sampleKeys.length < 10) result.sampleKeys.push(key);
  };
  const a = rowsByKey(store, live);
  const b = rowsByKey(store, rebuilt);
  let x = await a.next();
  let y = await b.next();
  // Keys compare as the stores order them (text keys byte-wise, integer keys numerically).
  const keyOf = (row: Row) => row[live.key] as string | number;
  const order = (p: string | number, q: string | number) => (typeof p === 'number' && typeof q === 'number' ? p - q : keyOrder(String(p), String(q)));
  while (!x.done || !y.done) {
    const c = x.done ? 1 : y.done ? -1 : order(keyOf(x.value), keyOf(y.value));
    if (c < 0) {
      result.onlyLive++;
      note(String(keyOf(x.value)));
      x = await a.next();
    } else if (c > 0) {
      result.onlyRebuilt++;
      result.rows++;
      note(String(keyOf(y.value)));
      y = await b.next();
    } else {
      if (!isDeepStrictEqual(x.value, y.value)) {
        result.changed++;
        note(String(keyOf(x.value)));
      }
      result.rows++;
      x = await a.next();
      y = await b.next();
    }
  }
  return result;
}

/**
 * Rebuilds a projection without downtime: builds a shadow copy from position 0
 * while the live one keeps serving reads and following the log, then pauses
 * the live one briefly, brings both to the head of the log, compares them
 * (reporting any difference), and swaps the shadow in atomically.
 */
export async function rebuildProjection(
  events: EventStore,
  store: ReadModelStore,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = performance.now();
  const shadow = shadowOf(projection);
  await store.dropTable(shadow.name, shadow.table);
  if (shadow.totals) await store.dropTable(shadow.name, shadow.totals.table);
  const builder = new ProjectionRunner(events, store, shadow, { batchSize: 5000, commitIntervalMs: 30_000 });
  const head = await events.headPosition();
  const timer = setInterval(() => options.onProgress?.(builder.status()[0].position, head), 500);
  try {
    await builder.catchUp();
  } finally {
    clearInterval(timer);
  }
  await options.pauseLive?.();
  try {
    await builder.catchUp();
    await new ProjectionRunner(events, store, projection).catchUp();
    const [rebuilt] = builder.status();
    if (rebuilt.failure) throw new Error(`The rebuild stopped at event ${rebuilt.failure.eventId}: ${rebuilt.failure.error}`);
    options.onProgress?.(rebuilt.position, rebuilt.position);
    const { rows, ...differences } = await compareTables(store, projection.table, shadow.table);
    await store.swapIn({ projection: projection.name, tables: tablesOf(projection) }, { projection: shadow.name, tables: tablesOf(shadow) });
    return { projection: projection.name, position: rebuilt.position, rows, differences, seconds: (performance.now() - started) / 1000 };
  } finally {
    await options.resumeLive?.();
  }
}

/** A projection's tables: its rows, and its totals when it keeps any. */
function tablesOf(projection: Projection): TableSpec[] {
  return projection.totals ? [projection.table, projection.totals.table] : [projection.table];
}
