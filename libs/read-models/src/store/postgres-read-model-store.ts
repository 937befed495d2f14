import pg from 'pg';
import { toCheckpoint, type CheckpointRow } from './checkpoint-row';
import type { ProjectionCheckpoint, ReadModelStore, TableWrites } from './read-model-store.port';
import { checkColumn, indexesOf, selectedColumns, totalFromPage, type ColumnType, type Condition, type Row, type SelectQuery, type TableSpec } from './table-spec';

const SQL_TYPES: Record<ColumnType, string> = {
  text: 'text',
  integer: 'bigint',
  real: 'double precision',
  boolean: 'boolean',
  json: 'jsonb',
};

/** Versioned migrations of the store's own tables; projections' tables come from their specs. */
const MIGRATIONS = [
  `CREATE TABLE projection_checkpoints (
     projection text PRIMARY KEY,
     position bigint NOT NULL,
     projection_version integer NOT NULL,
     failed_position bigint,
     failed_event_id text,
     failed_error text,
     failed_at timestamptz,
     updated_at timestamptz NOT NULL
   )`,
];

/** bigint columns hold positions and counts well inside 2^53: read them as numbers, not strings. */
const TYPES = {
  getTypeParser: (oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
} as pg.CustomTypesConfig;

const UPSERT_CHUNK = 5000;

export interface PostgresReadModelStoreOptions {
  connectionString: string;
  /** The schema the tables live in (created if missing); `public` by default. */
  schema?: string;
  maxConnections?: number;
}

/** Read models in PostgreSQL, for production and for BI tools. */
export class PostgresReadModelStore implements ReadModelStore {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly schema: string;
  /** The store's own migrations, started at construction; tried again by the next call if PostgreSQL was out of reach. */
  private migrated?: Promise<void>;

  constructor(options: PostgresReadModelStoreOptions) {
    this.schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]*$/.test(this.schema)) throw new Error(`Invalid schema name ${this.schema}`);
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 5,
      types: TYPES,
      options: `-c search_path=${this.schema}`,
    });
    // An idle connection that breaks (PostgreSQL restarted, the network cut) is dropped by the pool, and the next
    // query opens a new one and fails there if PostgreSQL is still away. Without a listener, the pool's 'error'
    // event would end the whole process.
    this.pool.on('error', () => undefined);
    this.ready().catch(() => undefined);
  }

  private ready(): Promise<void> {
    this.migrated ??= this.migrate().catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    });
    return this.migrated;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`ppo-read-models-migrate-${this.schema}`]);
      try {
        await client.query('CREATE TABLE IF NOT EXISTS read_model_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
        const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM read_model_migrations');
        for (let v = rows[0].v ?? 0; v < MIGRATIONS.length; v++) {
          await client.query('BEGIN');
          await client.query(MIGRATIONS[v]);
          await client.query('INSERT INTO read_model_migrations VALUES ($1, now())', [v + 1]);
          await client.query('COMMIT');
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`ppo-read-models-migrate-${this.schema}`]);
      }
    } finally {
      client.release();
    }
  }

  async ensureTables(tables: TableSpec[], options: { withIndexes?: boolean } = {}): Promise<void> {
    await this.ready();
    for (const table of tables) {
      const columns = Object.entries(table.columns).map(
        ([name, type]) => `"${name}" ${SQL_TYPES[type]}${name === table.key ? ' PRIMARY KEY' : ''}`,
      );
      await this.pool.query(`CREATE TABLE IF NOT EXISTS "${table.name}" (${columns.join(', ')})`);
    }
    if (options.withIndexes !== false) await this.ensureIndexes(tables);
  }

  /**
   * Creates missing indexes, then vacuums and analyses each table that got one. Indexes are only created on a new or
   * rebuilt table, just filled in bulk: autovacuum would get to it in a while, but until then the planner has no
   * statistics and no visibility map, so it cannot tell an area from an officer nor answer a count from an index.
   */
  async ensureIndexes(tables: TableSpec[]): Promise<void> {
    await this.ready();
    for (const table of tables) {
      let created = false;
      for (const index of indexesOf(table)) {
        const { rows } = await this.pool.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [`"${index.name}"`]);
        if (rows[0].found) continue;
        const include = index.include.filter((c) => table.columns[c] !== 'json' && !index.columns.includes(c));
        await this.pool.query(
          `CREATE INDEX IF NOT EXISTS "${index.name}" ON "${table.name}" (${index.columns.map((c) => indexColumn(table, c)).join(', ')})` +
            (include.length ? ` INCLUDE (${include.map((c) => `"${c}"`).join(', ')})` : ''),
        );
        created = true;
      }
      // VACUUM cannot run in a transaction: a statement of its own.
      if (created) await this.pool.query(`VACUUM (ANALYZE) "${table.name}"`);
    }
  }

  async load(table: TableSpec, keys: string[]): Promise<Map<string, Row>> {
    await this.ready();
    const found = new Map<string, Row>();
    if (keys.length === 0) return found;
    const { rows } = await this.pool.query(`SELECT * FROM "${table.name}" WHERE "${table.key}" = ANY($1)`, [keys]);
    for (const row of rows) found.set(row[table.key], normalise(row, Object.keys(table.columns)));
    return found;
  }

  async commit(projection: string, projectionVersion: number, writes: TableWrites[], position: number): Promise<void> {
    await this.ready();
    await this.transaction(async (client) => {
      for (const { table, upserts, deletes } of writes) {
        const columns = Object.keys(table.columns).map((c) => `"${c}"`).join(', ');
        const updates = Object.keys(table.columns)
          .filter((c) => c !== table.key)
          .map((c) => `"${c}" = EXCLUDED."${c}"`)
          .join(', ');
        for (let i = 0; i < upserts.length; i += UPSERT_CHUNK) {
          const chunk = upserts.slice(i, i + UPSERT_CHUNK).map((row) => toJsonRow(table, row));
          await client.query(
            `INSERT INTO "${table.name}" (${columns})
             SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table.name}", $1::jsonb)
             ON CONFLICT ("${table.key}") DO UPDATE SET ${updates}`,
            [JSON.stringify(chunk)],
          );
        }
        if (deletes.length) await client.query(`DELETE FROM "${table.name}" WHERE "${table.key}" = ANY($1)`, [deletes]);
      }
      await saveCheckpoint(client, projection, projectionVersion, position);
    });
  }

  async checkpoint(projection: string): Promise<ProjectionCheckpoint | undefined> {
    await this.ready();
    const { rows } = await this.pool.query<CheckpointRow>('SELECT * FROM projection_checkpoints WHERE projection = $1', [projection]);
    return rows[0] && toCheckpoint(rows[0]);
  }

  async checkpoints(): Promise<ProjectionCheckpoint[]> {
    await this.ready();
    const { rows } = await this.pool.query<CheckpointRow>('SELECT * FROM projection_checkpoints ORDER BY projection');
    return rows.map(toCheckpoint);
  }

  async recordFailure(projection: string, failure: { position: number; eventId: string; error: string }): Promise<void> {
    await this.ready();
    await this.pool.query(
      `UPDATE projection_checkpoints SET failed_position = $2, failed_event_id = $3, failed_error = $4, failed_at = now(), updated_at = now()
       WHERE projection = $1`,
      [projection, failure.position, failure.eventId, failure.error],
    );
  }

  async reset(projection: string, projectionVersion: number, tables: TableSpec[]): Promise<void> {
    await this.ready();
    await this.transaction(async (client) => {
      for (const table of tables) await client.query(`DELETE FROM "${table.name}"`);
      await saveCheckpoint(client, projection, projectionVersion, 0);
    });
  }

  async select(table: TableSpec, query: SelectQuery): Promise<{ rows: Row[]; total: number }> {
    await this.ready();
    const params: unknown[] = [];
    const where = (query.where ?? []).map((c) => condition(table, c, params));
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const columns = selectedColumns(table, query);
    const order = (query.orderBy ?? []).map(
      (o) => `"${checkColumn(table, o.column)}" ${o.direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`,
    );
    order.push(`${keyOrder(table)} ASC`);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const paged = query.limit !== undefined || query.offset;
    const counting = () => this.pool.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM "${table.name}"${whereSql}`, params);
    // A full page needs a count of every match: it runs beside the page, on another connection, rather than after it.
    const [{ rows }, count] = await Promise.all([
      this.pool.query(
        `SELECT ${list} FROM "${table.name}"${whereSql} ORDER BY ${order.join(', ')}` + (paged ? ` LIMIT $${params.length + 1} OFFSET $${params.length + 2}` : ''),
        paged ? [...params, query.limit ?? null, query.offset ?? 0] : params,
      ),
      query.limit !== undefined ? counting() : undefined,
    ]);
    const total = totalFromPage(query, rows.length) ?? (count ?? (await counting())).rows[0].n;
    // pg gives each row a property per column selected, null when null: rows as the port returns them.
    return { rows, total };
  }

  async dropTable(projection: string, table: TableSpec): Promise<void> {
    await this.ready();
    await this.transaction(async (client) => {
      await client.query(`DROP TABLE IF EXISTS "${table.name}"`);
      await client.query('DELETE FROM projection_checkpoints WHERE projection = $1', [projection]);
    });
  }

  async swapIn(live: { projection: string; tables: TableSpec[] }, shadow: { projection: string; tables: TableSpec[] }): Promise<void> {
    await this.ready();
    await this.transaction(async (client) => {
      for (const [i, liveTable] of live.tables.entries()) {
        const shadowTable = shadow.tables[i];
        await client.query(`DROP TABLE IF EXISTS "${liveTable.name}"`);
        await client.query(`ALTER TABLE "${shadowTable.name}" RENAME TO "${liveTable.name}"`);
        await client.query(`ALTER INDEX "${shadowTable.name}_pkey" RENAME TO "${liveTable.name}_pkey"`);
        const shadowIndexes = indexesOf(shadowTable);
        for (const [j, index] of indexesOf(liveTable).entries()) {
          await client.query(`ALTER INDEX "${shadowIndexes[j].name}" RENAME TO "${index.name}"`);
        }
      }
      await client.query(
        `UPDATE projection_checkpoints AS live SET position = shadow.position, projection_version = shadow.projection_version,
           failed_position = NULL, failed_event_id = NULL, failed_error = NULL, failed_at = NULL, updated_at = now()
         FROM projection_checkpoints AS shadow WHERE live.projection = $1 AND shadow.projection = $2`,
        [live.projection, shadow.projection],
      );
      await client.query('DELETE FROM projection_checkpoints WHERE projection = $1', [shadow.projection]);
    });
  }

  async scrub(tables: TableSpec[]): Promise<void> {
    // VACUUM cannot run in a transaction: one statement per table, outside any.
    for (const table of tables) await this.pool.query(`VACUUM "${table.name}"`);
  }

  async close(): Promise<void> {
    await this.migrated?.catch(() => undefined);
    await this.pool.end();
  }

  private async transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function saveCheckpoint(client: pg.PoolClient, projection: string, projectionVersion: number, position: number): Promise<void> {
  await client.query(
    `INSERT INTO projection_checkpoints (projection, position, projection_version, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (projection) DO UPDATE SET position = EXCLUDED.position, projection_version = EXCLUDED.projection_version,
       failed_position = NULL, failed_event_id = NULL, failed_error = NULL, failed_at = NULL, updated_at = EXCLUDED.updated_at`,
    [projection, position, projectionVersion],
  );
}

function condition(table: TableSpec, c: Condition, params: unknown[]): string {
  if ('anyOf' in c) return `(${c.anyOf.map((inner) => condition(table, inner, params)).join(' OR ')})`;
  const column = `"${checkColumn(table, c.column)}"`;
  switch (c.op) {
    case 'in':
      if (c.value.length === 1) {
        // An equality, not `= ANY`: the planner can then walk an index on it in the order of the columns after it.
        params.push(c.value[0]);
        return `${column} = $${params.length}`;
      }
      params.push(c.value);
      return `${column} = ANY($${params.length})`;
    case 'is-null':
      return `${column} IS NULL`;
    case 'not-null':
      return `${column} IS NOT NULL`;
    case 'contains':
      params.push(`%${c.value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      // What ILIKE does in a UTF-8 database (both sides lowered, then LIKE), at about half its cost.
      return `lower(${column}) LIKE lower($${params.length})`;
    default:
      params.push(c.value);
      return `${column} ${c.op} $${params.length}`;
  }
}

/** A row as jsonb_populate_recordset reads it: every column present, absent ones null. */
function toJsonRow(table: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const name of Object.keys(table.columns)) out[name] = row[name] ?? null;
  return out;
}

function normalise(row: Row, columns: string[]): Row {
  const out: Row = {};
  for (const name of columns) out[name] = row[name] ?? null;
  return out;
}

/** The key as select sorts it: byte order for text keys, as SQLite sorts them, whatever the database's collation. */
function keyOrder(table: TableSpec): string {
  return `"${table.key}"${table.columns[table.key] === 'text' ? ' COLLATE "C"' : ''}`;
}

/**
 * An index column in the order select sorts by (nulls first ascending, the key in byte order), so an index can
 * give a page in order, walked forwards or backwards, with no sort.
 */
function indexColumn(table: TableSpec, column: string): string {
  return column === table.key ? keyOrder(table) : `"${column}" NULLS FIRST`;
}

