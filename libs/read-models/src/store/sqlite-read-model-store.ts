import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { toCheckpoint, type CheckpointRow } from './checkpoint-row';
import type { ProjectionCheckpoint, ReadModelStore, TableWrites } from './read-model-store.port';
import { checkColumn, indexesOf, selectedColumns, totalFromPage, type ColumnType, type Condition, type Row, type SelectQuery, type TableSpec } from './table-spec';

/** Rows written by one multi-row statement. */
const UPSERT_CHUNK = 100;

/** Rows written since the planner's statistics were last refreshed after which `PRAGMA optimize` runs again. */
const OPTIMIZE_AFTER_ROWS = 20_000;

const SQL_TYPES: Record<ColumnType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER', json: 'TEXT' };

/** Versioned migrations of the store's own tables; projections' tables come from their specs. */
const MIGRATIONS = [
  `CREATE TABLE projection_checkpoints (
     projection TEXT PRIMARY KEY,
     position INTEGER NOT NULL,
     projection_version INTEGER NOT NULL,
     failed_position INTEGER,
     failed_event_id TEXT,
     failed_error TEXT,
     failed_at TEXT,
     updated_at TEXT NOT NULL
   )`,
];

/** Read models in an embedded SQLite file beside the event store (WAL, synchronous=NORMAL: rebuildable from the log). */
export class SqliteReadModelStore implements ReadModelStore {
  readonly dialect = 'sqlite' as const;
  private readonly db: Db;
  private readonly upserts = new Map<string, Statement>();
  private readonly checkpointStatements: { save: Statement; get: Statement; all: Statement; forget: Statement; fail: Statement };
  private readonly deletes = new Map<string, Statement>();
  private rowsSinceOptimize = 0;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // Read models are rebuilt from the log, so a lost last commit costs a re-apply, never data.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Rows rewritten after an erasure must not linger in free pages: freed space is overwritten with zeros.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('cache_size = -65536');
    // Checkpoint every ~40 MB of WAL rather than ~4 MB: rows rewritten by many commits are copied back once.
    this.db.pragma('wal_autocheckpoint = 10000');
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
    this.checkpointStatements = this.prepareCheckpointStatements();
    // Analyses tables never analysed (a file from before statistics were kept), as SQLite advises when a connection opens.
    this.db.pragma('optimize = 0x10002');
  }

  private prepareCheckpointStatements() {
    return {
      save: this.db.prepare(
        `INSERT INTO projection_checkpoints (projection, position, projection_version, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (projection) DO UPDATE SET position = excluded.position, projection_version = excluded.projection_version,
           failed_position = NULL, failed_event_id = NULL, failed_error = NULL, failed_at = NULL, updated_at = excluded.updated_at`,
      ),
      get: this.db.prepare('SELECT * FROM projection_checkpoints WHERE projection = ?'),
      all: this.db.prepare('SELECT * FROM projection_checkpoints ORDER BY projection'),
      forget: this.db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?'),
      fail: this.db.prepare(
        `UPDATE projection_checkpoints SET failed_position = ?, failed_event_id = ?, failed_error = ?, failed_at = ?, updated_at = ?
         WHERE projection = ?`,
      ),
    };
  }

  async ensureTables(tables: TableSpec[], options: { withIndexes?: boolean } = {}): Promise<void> {
    for (const table of tables) {
      const columns = Object.entries(table.columns).map(
        ([name, type]) => `"${name}" ${SQL_TYPES[type]}${name === table.key ? ' PRIMARY KEY' : ''}`,
      );
      this.db.exec(`CREATE TABLE IF NOT EXISTS "${table.name}" (${columns.join(', ')})`);
    }
    if (options.withIndexes !== false) await this.ensureIndexes(tables);
  }

  /**
   * Creates missing indexes, then analyses each table that got one: without statistics SQLite picks an index by
   * its shape alone, and a rebuilt or new table (the only time indexes are created) has none.
   */
  async ensureIndexes(tables: TableSpec[]): Promise<void> {
    for (const table of tables) {
      let created = false;
      for (const index of indexesOf(table)) {
        if (this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(index.name)) continue;
        this.db.exec(`CREATE INDEX "${index.name}" ON "${table.name}" (${indexColumns(index)})`);
        created = true;
      }
      if (created) this.db.exec(`ANALYZE "${table.name}"`);
    }
  }

  async load(table: TableSpec, keys: string[]): Promise<Map<string, Row>> {
    const found = new Map<string, Row>();
    const list = Object.keys(table.columns).map((c) => `"${c}"`).join(', ');
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = this.db
        .prepare(`SELECT ${list} FROM "${table.name}" WHERE "${table.key}" IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as Row[];
      for (const row of fromSql(table, rows)) found.set(row[table.key] as string, row);
    }
    return found;
  }

  async commit(projection: string, projectionVersion: number, writes: TableWrites[], position: number): Promise<void> {
    this.db.transaction(() => {
      for (const { table, upserts, deletes } of writes) {
        // Many rows a statement: the per-call cost, not SQLite, dominates single-row upserts.
        let i = 0;
        if (upserts.length >= UPSERT_CHUNK) {
          const chunked = this.upsertStatement(table, UPSERT_CHUNK);
          for (; i + UPSERT_CHUNK <= upserts.length; i += UPSERT_CHUNK) {
            chunked.run(...upserts.slice(i, i + UPSERT_CHUNK).flatMap((row) => toSql(table, row)));
          }
        }
        const upsert = this.upsertStatement(table, 1);
        for (; i < upserts.length; i++) upsert.run(...toSql(table, upserts[i]));
        const remove = this.deleteStatement(table);
        for (const key of deletes) remove.run(key);
      }
      this.saveCheckpoint(projection, projectionVersion, position);
    })();
    this.optimizeAfter(writes.reduce((n, w) => n + w.upserts.length + w.deletes.length, 0));
  }

  /**
   * Refreshes the planner's statistics once many rows have been written since the last time (`PRAGMA optimize`
   * re-analyses only the tables whose size changed a lot, so it costs nothing when none has): ordinary commits of
   * a few rows never pay for it, a catch-up of thousands does now and then.
   */
  private optimizeAfter(rows: number): void {
    this.rowsSinceOptimize += rows;
    if (this.rowsSinceOptimize < OPTIMIZE_AFTER_ROWS) return;
    this.rowsSinceOptimize = 0;
    this.db.pragma('optimize');
  }

  private saveCheckpoint(projection: string, projectionVersion: number, position: number): void {
    this.checkpointStatements.save.run(projection, position, projectionVersion, new Date().toISOString());
  }

  async checkpoint(projection: string): Promise<ProjectionCheckpoint | undefined> {
    const row = this.checkpointStatements.get.get(projection) as CheckpointRow | undefined;
    return row && toCheckpoint(row);
  }

  async checkpoints(): Promise<ProjectionCheckpoint[]> {
    return (this.checkpointStatements.all.all() as CheckpointRow[]).map(toCheckpoint);
  }

  async recordFailure(projection: string, failure: { position: number; eventId: string; error: string }): Promise<void> {
    const now = new Date().toISOString();
    this.checkpointStatements.fail.run(failure.position, failure.eventId, failure.error, now, now, projection);
  }

  async reset(projection: string, projectionVersion: number, tables: TableSpec[]): Promise<void> {
    this.db.transaction(() => {
      for (const table of tables) this.db.exec(`DELETE FROM "${table.name}"`);
      this.saveCheckpoint(projection, projectionVersion, 0);
    })();
  }

  async select(table: TableSpec, query: SelectQuery): Promise<{ rows: Row[]; total: number }> {
    const params: unknown[] = [];
    const where = (query.where ?? []).map((c) => condition(table, c, params));
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const columns = selectedColumns(table, query);
    const order = (query.orderBy ?? []).map((o) => `"${checkColumn(table, o.column)}" ${o.direction === 'desc' ? 'DESC' : 'ASC'}`);
    order.push(`"${table.key}" ASC`);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const orderSql = ` ORDER BY ${order.join(', ')}`;
    // A page is found by key first, then only its rows are read: sorting and skipping carry keys, not whole rows
    // (an index that covers the filter and sort then answers the inner query on its own).
    // An unpaged query has no LIMIT at all: SQLite sorts under LIMIT -1 at twice the cost.
    const sql =
      query.limit !== undefined
        ? `SELECT ${list} FROM "${table.name}" WHERE "${table.key}" IN (SELECT "${table.key}" FROM "${table.name}"${whereSql}${orderSql} LIMIT ? OFFSET ?)${orderSql}`
        : `SELECT ${list} FROM "${table.name}"${whereSql}${orderSql}${query.offset ? ' LIMIT -1 OFFSET ?' : ''}`;
    const paging = query.limit !== undefined ? [query.limit, query.offset ?? 0] : query.offset ? [query.offset] : [];
    const rows = this.db.prepare(sql).all(...params, ...paging) as Row[];
    const total =
      totalFromPage(query, rows.length) ??
      (this.db.prepare(`SELECT COUNT(*) AS n FROM "${table.name}"${whereSql}`).get(...params) as { n: number }).n;
    return { rows: fromSql(table, rows, columns), total };
  }

  async dropTable(projection: string, table: TableSpec): Promise<void> {
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS "${table.name}"`);
      this.checkpointStatements.forget.run(projection);
    })();
    this.forgetStatements(table.name);
  }

  async swapIn(live: { projection: string; tables: TableSpec[] }, shadow: { projection: string; tables: TableSpec[] }): Promise<void> {
    const pairs = zip(live.tables, shadow.tables);
    this.db.transaction(() => {
      for (const [liveTable, shadowTable] of pairs) {
        this.db.exec(`DROP TABLE IF EXISTS "${liveTable.name}"`);
        this.db.exec(`ALTER TABLE "${shadowTable.name}" RENAME TO "${liveTable.name}"`);
        for (const [index, shadowIndex] of zip(indexesOf(liveTable), indexesOf(shadowTable))) {
          this.db.exec(`DROP INDEX IF EXISTS "${shadowIndex.name}"`);
          this.db.exec(`CREATE INDEX "${index.name}" ON "${liveTable.name}" (${indexColumns(index)})`);
        }
      }
      this.db
        .prepare(
          `UPDATE projection_checkpoints SET (position, projection_version, failed_position, failed_event_id, failed_error, failed_at, updated_at) =
             (SELECT position, projection_version, NULL, NULL, NULL, NULL, ? FROM projection_checkpoints WHERE projection = ?)
           WHERE projection = ?`,
        )
        .run(new Date().toISOString(), shadow.projection, live.projection);
      this.checkpointStatements.forget.run(shadow.projection);
    })();
    for (const [liveTable, shadowTable] of pairs) {
      for (const name of [liveTable.name, shadowTable.name]) this.forgetStatements(name);
      // The indexes were created anew under the live names: statistics for them, as after any index is built.
      this.db.exec(`ANALYZE "${liveTable.name}"`);
    }
  }

  private forgetStatements(table: string): void {
    for (const key of this.upserts.keys()) if (key.startsWith(`${table}\n`)) this.upserts.delete(key);
    this.deletes.delete(table);
  }

  async scrub(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    // As SQLite advises before closing: statistics for whatever changed enough while open.
    this.db.pragma('optimize');
    this.db.close();
  }

  private upsertStatement(table: TableSpec, rows: number): Statement {
    const cacheKey = `${table.name}\n${rows}`;
    let statement = this.upserts.get(cacheKey);
    if (!statement) {
      const columns = Object.keys(table.columns);
      const updates = columns.filter((c) => c !== table.key).map((c) => `"${c}" = excluded."${c}"`);
      const values = `(${columns.map(() => '?').join(', ')})`;
      statement = this.db.prepare(
        `INSERT INTO "${table.name}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows).fill(values).join(', ')}
         ON CONFLICT ("${table.key}") DO UPDATE SET ${updates.join(', ')}`,
      );
      this.upserts.set(cacheKey, statement);
    }
    return statement;
  }

  private deleteStatement(table: TableSpec): Statement {
    let statement = this.deletes.get(table.name);
    if (!statement) {
      statement = this.db.prepare(`DELETE FROM "${table.name}" WHERE "${table.key}" = ?`);
      this.deletes.set(table.name, statement);
    }
    return statement;
  }
}

function condition(table: TableSpec, c: Condition, params: unknown[]): string {
  if ('anyOf' in c) return `(${c.anyOf.map((inner) => condition(table, inner, params)).join(' OR ')})`;
  const column = `"${checkColumn(table, c.column)}"`;
  switch (c.op) {
    case 'in':
      if (c.value.length === 1) {
        params.push(c.value[0]);
        return `${column} = ?`;
      }
      params.push(...c.value);
      return c.value.length ? `${column} IN (${c.value.map(() => '?').join(', ')})` : '0';
    case 'is-null':
      return `${column} IS NULL`;
    case 'not-null':
      return `${column} IS NOT NULL`;
    case 'contains':
      params.push(`%${c.value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      return `${column} LIKE ? ESCAPE '\\'`;
    default:
      params.push(typeof c.value === 'boolean' ? Number(c.value) : c.value);
      return `${column} ${c.op} ?`;
  }
}

function toSql(table: TableSpec, row: Row): unknown[] {
  return Object.entries(table.columns).map(([name, type]) => {
    const value = row[name];
    if (value === undefined || value === null) return null;
    if (type === 'json') return JSON.stringify(value);
    if (type === 'boolean') return value ? 1 : 0;
    return value;
  });
}

/** Rows as SQLite returns them (a property per column selected, in order) made rows of the spec's types, in place. */
function fromSql(table: TableSpec, rows: Row[], columns: string[] = Object.keys(table.columns)): Row[] {
  const json = columns.filter((c) => table.columns[c] === 'json');
  const booleans = columns.filter((c) => table.columns[c] === 'boolean');
  for (const row of rows) {
    for (const name of json) if (row[name] !== null) row[name] = JSON.parse(row[name] as string);
    for (const name of booleans) if (row[name] !== null) row[name] = row[name] === 1;
  }
  return rows;
}

/** An index's columns, then those it carries: SQLite has no INCLUDE, and reads them from the index all the same. */
function indexColumns(index: { columns: string[]; include: string[] }): string {
  return [...index.columns, ...index.include].map((c) => `"${c}"`).join(', ');
}

function zip<A, B>(a: A[], b: B[]): [A, B][] {
  return a.map((x, i) => [x, b[i]]);
}
