import pg from 'pg';
import { normaliseParams, pgTimestampToIso, PG_TYPES, QueryStats, runStatements, type Database, type Statement, type Transaction } from './database.js';

const customParsers: Record<number, (v: string) => unknown> = {
  [PG_TYPES.INT8]: (v) => BigInt(v),
  [PG_TYPES.NUMERIC]: (v) => v,
  [PG_TYPES.DATE]: (v) => v,
  [PG_TYPES.TIMESTAMP]: (v) => pgTimestampToIso(v),
  [PG_TYPES.TIMESTAMPTZ]: (v) => pgTimestampToIso(v),
};

/** Per-pool type parsing, so the process-wide pg type registry stays untouched. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const custom = customParsers[oid];
    if (custom && format !== 'binary') return custom;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Options for a PostgreSQL pool. */
export interface PostgresOptions {
  /** Connection URL, e.g. `postgres://user@127.0.0.1:5432/crm`. */
  url: string;
  /** Pool size (default 10). */
  max?: number;
  /** Statement timeout in milliseconds applied to every connection (default 30 000). */
  statementTimeoutMs?: number;
}

/** Connects a pool to a PostgreSQL server and checks it answers. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    types,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    options: '-c TimeZone=UTC',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const stats = new QueryStats();
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<R[]> => {
    stats.roundTrips += 1;
    const result = await client.query(sql, normaliseParams(params));
    return result.rows as R[];
  };
  const db: Database = {
    engine: 'postgres',
    stats,
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => {
      stats.roundTrips += 1;
      await pool.query(sql);
    },
    transaction: async (work) => {
      const client = await pool.connect();
      // A checked-out client whose server goes away emits 'error' besides failing its query; unheard, that event
      // would crash the process. The failed query reports it; the client is then discarded, not pooled again.
      let broken = false;
      const onError = (): void => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const atCommit: Statement[] = [];
        const scoped: Transaction = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            stats.roundTrips += 1;
            await client.query(sql);
          },
          atCommit: (sql, params) => {
            atCommit.push({ sql, params: [...(params ?? [])] });
          },
        };
        const result = await work(scoped);
        await runStatements({ query: (sql, params) => run(client, sql, params) }, atCommit);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!broken) {
          await client.query('ROLLBACK').catch(() => {
            broken = true;
          });
        }
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
  await db.ping();
  return db;
}
