/** The SQL types a read-model column can have; each store maps them to its own. */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'json';

/**
 * A read-model table: real columns, so BI tools can read it, and one key column.
 * JSON columns hold lists and nested facts that reports work out at read time.
 */
export interface TableSpec {
  name: string;
  key: string;
  columns: Record<string, ColumnType>;
  /** Columns to index, one index each. */
  indexes?: string[];
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
