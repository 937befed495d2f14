/** The SQL types a read-model column can have; each store maps them to its own. */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'json';

/**
 * An index: a column name (an index on that column alone, named after it), or several columns in order, named (the
 * name keeps index names short on every store), for queries that filter on the first ones and sort on the rest.
 * `include` carries more columns in the index, so a query reading only those need not read the table's rows (where the
 * folded state makes each row long): SQLite adds them after the columns, PostgreSQL as INCLUDE columns, but for json
 * ones, whose size its index entries (2.7 kB at most) could not be sure to hold.
 */
export type IndexSpec = string | { name: string; columns: string[]; include?: string[] };

/**
 * A read-model table: real columns, so BI tools can read it, and one key column.
 * JSON columns hold lists and nested facts that reports work out at read time.
 */
export interface TableSpec {
  name: string;
  key: string;
  columns: Record<string, ColumnType>;
  /** The table's secondary indexes. */
  indexes?: IndexSpec[];
}

/** A row: a value per column (null when absent). */
export type Row = Record<string, unknown>;

/** A condition on a column, for queries. */
export type Condition =
  | { column: string; op: '=' | '<=' | '>=' | '<' | '>'; value: string | number | boolean }
  | { column: string; op: 'in'; value: (string | number)[] }
  | { column: string; op: 'is-null' | 'not-null' }
  | { column: string; op: 'contains'; value: string }
  | { anyOf: Condition[] };

/** A paged, sorted selection from one table. */
export interface SelectQuery {
  /** Only these columns in each row (every column when absent): a report need not read and parse what it ignores. */
  columns?: string[];
  where?: Condition[];
  orderBy?: { column: string; direction: 'asc' | 'desc' }[];
  limit?: number;
  offset?: number;
}

/** Refuses a column name the table does not have: queries are built from specs, never from raw input. */
export function checkColumn(table: TableSpec, column: string): string {
  if (!Object.hasOwn(table.columns, column)) throw new Error(`${table.name} has no column ${column}`);
  return column;
}

/** The columns a query reads, each checked against the table, in the table's order when it asks for all. */
export function selectedColumns(table: TableSpec, query: SelectQuery): string[] {
  return query.columns ? query.columns.map((c) => checkColumn(table, c)) : Object.keys(table.columns);
}

/** A table's indexes as the stores create them: the full index name and its checked columns. */
export function indexesOf(table: TableSpec): { name: string; columns: string[]; include: string[] }[] {
  return (table.indexes ?? []).map((index) => {
    const { name, columns, include = [] } = typeof index === 'string' ? { name: index, columns: [index] } : index;
    const checked = (list: string[]) => list.map((c) => checkColumn(table, c));
    return { name: `${table.name}_${name}`, columns: checked(columns), include: checked(include) };
  });
}

/**
 * The total of a query's matches when its page already tells it (a short page, or no limit), so no count is needed;
 * undefined when only counting can tell (a full page, or an empty one past the start).
 */
export function totalFromPage(query: SelectQuery, returned: number): number | undefined {
  const offset = query.offset ?? 0;
  if (query.limit === undefined || returned < query.limit) return returned > 0 || offset === 0 ? offset + returned : undefined;
  return undefined;
}
