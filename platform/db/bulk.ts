import { runStatements, type Queryable, type Statement } from './database.js';

/** Column of a bulk insert: its SQL name and the array type `unnest` reads it as. */
export interface BulkColumn {
  name: string;
  type: 'text' | 'int' | 'bigint' | 'numeric' | 'date' | 'timestamptz' | 'boolean' | 'jsonb';
}

/**
 * Inserts many rows with one `INSERT … SELECT FROM unnest(…)` statement per chunk.
 * One statement per chunk keeps seeding a year of data to seconds on both engines.
 */
export async function bulkInsert(
  db: Queryable,
  table: string,
  columns: readonly BulkColumn[],
  rows: ReadonlyArray<readonly unknown[]>,
  chunkSize = 5000,
): Promise<void> {
  await runStatements(db, bulkInsertStatements(table, columns, rows, chunkSize));
}

/**
 * The statements of {@link bulkInsert}, for a caller that sends them itself (for example with a commit).
 * jsonb values (objects, or JSON text) travel as text arrays and are cast per element, because unnest cannot take
 * a jsonb[] parameter built from JS objects portably.
 */
export function bulkInsertStatements(
  table: string,
  columns: readonly BulkColumn[],
  rows: ReadonlyArray<readonly unknown[]>,
  chunkSize = 5000,
): Statement[] {
  const statements: Statement[] = [];
  const selectList = columns.map((c, i) => (c.type === 'jsonb' ? `c${i}::jsonb` : `c${i}`)).join(', ');
  const unnestArgs = columns.map((c, i) => `$${i + 1}::${c.type === 'jsonb' ? 'text' : c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${selectList} FROM unnest(${unnestArgs}) AS u(${aliases})`;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const arrays = columns.map((col, i) => chunk.map((row) => arrayElement(col.type, row[i])));
    statements.push({ sql, params: arrays });
  }
  return statements;
}

/** One element of an `unnest` array parameter: jsonb travels as text, bigint as its decimal string. */
export function arrayElement(type: BulkColumn['type'], v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'jsonb') return typeof v === 'string' ? v : JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  return v;
}
