import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { startEmbeddedAutovacuum } from './autovacuum.js';
import { normaliseParams, pgTimestampToIso, PG_TYPES, QueryStats, type Database, type Transaction } from './database.js';

const parsers = {
  [PG_TYPES.INT8]: (v: string) => BigInt(v),
  [PG_TYPES.NUMERIC]: (v: string) => v,
  [PG_TYPES.DATE]: (v: string) => v,
  [PG_TYPES.TIMESTAMP]: (v: string) => pgTimestampToIso(v),
  [PG_TYPES.TIMESTAMPTZ]: (v: string) => pgTimestampToIso(v),
};

/** Options of an embedded database. */
export interface PgliteOptions {
  /** Seconds between embedded autovacuum passes (default 10; 0 turns it off). */
  autovacuumSeconds?: number;
}

/** Seconds between embedded autovacuum passes unless told otherwise. */
export const DEFAULT_AUTOVACUUM_SECONDS = 10;

/**
 * Opens (creating on first use) an embedded PostgreSQL in `dataDir`, or in memory when `dataDir` is undefined.
 * PGlite runs one statement at a time; its transaction lock makes concurrent callers wait their turn. An embedded
 * autovacuum keeps its planner statistics current (see `startEmbeddedAutovacuum`).
 */
export async function openPglite(dataDir: string | undefined, options: PgliteOptions = {}): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', { parsers });
  await db.exec(`SET TIME ZONE 'UTC'`);
  const stats = new QueryStats();
  const queryVia = async <R>(target: PGlite | PgliteTransaction, sql: string, params?: readonly unknown[]): Promise<R[]> => {
    stats.roundTrips += 1;
    const result = await target.query<R>(sql, normaliseParams(params));
    return result.rows;
  };
  const autovacuumSeconds = options.autovacuumSeconds ?? DEFAULT_AUTOVACUUM_SECONDS;
  // Maintenance statements are not counted in `stats`: they are not the callers' round trips.
  const maintained = {
    query: async <R>(sql: string, params?: readonly unknown[]) => (await db.query<R>(sql, normaliseParams(params))).rows,
    exec: async (sql: string) => {
      await db.exec(sql);
    },
  };
  const autovacuum = autovacuumSeconds > 0
    ? startEmbeddedAutovacuum(maintained, {
      intervalMs: autovacuumSeconds * 1000,
      onError: (error) => process.emitWarning(`embedded autovacuum of ${dataDir ?? 'an in-memory database'} failed: ${error instanceof Error ? error.message : String(error)}`),
    })
    : null;
  return {
    engine: 'pglite',
    stats,
    query: (sql, params) => queryVia(db, sql, params),
    exec: async (sql) => {
      stats.roundTrips += 1;
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction(async (tx) => {
        const scoped: Transaction = {
          query: (sql, params) => queryVia(tx, sql, params),
          exec: async (sql) => {
            stats.roundTrips += 1;
            await tx.exec(sql);
          },
        };
        return work(scoped);
      }),
    ping: async () => {
      await db.query('SELECT 1');
    },
    close: async () => {
      await autovacuum?.stop();
      await db.close();
    },
  };
}
