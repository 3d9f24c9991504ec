/**
 * The storage port every subgraph's repositories are written against.
 *
 * Two implementations exist: PGlite (embedded PostgreSQL in WebAssembly, the zero-setup default) and a
 * PostgreSQL server through `pg`. Both speak the same SQL dialect and return values in the same shapes:
 * `bigint` for int8, strings for numeric, `YYYY-MM-DD` strings for dates and ISO-8601 UTC strings for
 * timestamps, so repository code never branches on the engine.
 */
export interface Queryable {
  /** Runs one parameterised statement and returns its rows. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/** A connection pool or embedded instance with transactions and multi-statement execution. */
export interface Database extends Queryable {
  /** Engine behind this database, for diagnostics. */
  readonly engine: 'pglite' | 'postgres';
  /** The subgraph (or component) the database belongs to; events it emits name it as their source. */
  name?: string;
  /** Counts statements sent to the engine, so tests and benchmarks can prove batching. */
  readonly stats: QueryStats;
  /** Runs several semicolon-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Cheap liveness probe used by `/readyz`. */
  ping(): Promise<void>;
  /** Releases the engine (closes the pool or the embedded instance). */
  close(): Promise<void>;
}

/** A transaction scope: statements run on one connection; `exec` for multi-statement SQL. */
export interface Transaction extends Queryable {
  exec(sql: string): Promise<void>;
  /**
   * Queues a statement whose rows nobody reads (an audit or outbox insert) to run at commit, after everything the
   * transaction did, in the order queued. An engine on another thread sends the queue with the commit in one round
   * trip, so the transaction holds its lock for less time. If one fails, the transaction rolls back and
   * `transaction()` rejects with its error.
   */
  atCommit(sql: string, params?: readonly unknown[]): void;
}

/** A statement with its parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** Runs statements one after the other on `db` (any engine's connection or transaction), ignoring their rows. */
export async function runStatements(db: { query(sql: string, params: unknown[]): Promise<unknown> }, statements: readonly Statement[]): Promise<void> {
  for (const s of statements) await db.query(s.sql, s.params);
}

/** Statement counter shared by a database and its transactions. */
export class QueryStats {
  roundTrips = 0;
  private taken = 0;
  /** Resets the counter and returns the value it had. */
  take(): number {
    const n = this.roundTrips;
    this.taken += n;
    this.roundTrips = 0;
    return n;
  }
  /** Statements sent since the database opened, whatever was taken (it only grows). */
  get sent(): number {
    return this.taken + this.roundTrips;
  }
}

/** Parameters are normalised before they reach either engine: bigint travels as its decimal text. */
export function normaliseParams(params: readonly unknown[] | undefined): unknown[] {
  if (!params) return [];
  return params.map(normaliseParam);
}

function normaliseParam(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normaliseParam);
  return value;
}

const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:([+-]\d{2})(?::?(\d{2}))?(?::?\d{2})?|Z)?$/;

/** Converts PostgreSQL timestamp text to an ISO-8601 UTC string (millisecond precision). */
export function pgTimestampToIso(text: string): string {
  const m = PG_TIMESTAMP.exec(text);
  if (!m) return new Date(text).toISOString();
  const [, date, time, offH, offM] = m;
  const offset = offH ? `${offH}:${offM ?? '00'}` : 'Z';
  return new Date(`${date}T${time}${offset}`).toISOString();
}

/** Type OIDs whose text form the product parses itself (same on both engines). */
export const PG_TYPES = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;
