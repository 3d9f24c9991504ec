import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { startEmbeddedAutovacuum } from './autovacuum.js';
import { normaliseParams, QueryStats, runStatements, type Database, type Statement, type Transaction } from './database.js';
import { createPgliteEngine } from './pglite-engine.js';
import { startPgliteThread } from './pglite-thread.js';

/** Statements on an embedded engine, or within one of its transactions. */
export interface EmbeddedStatements {
  query<R>(sql: string, params: unknown[]): Promise<R[]>;
  exec(sql: string): Promise<void>;
}

/** Statements within a transaction of an embedded engine, with those queued to run at its commit. */
export interface EmbeddedTransaction extends EmbeddedStatements {
  atCommit(sql: string, params: unknown[]): void;
}

/** An embedded engine wherever it runs (this thread or a worker thread of its own). */
export interface EmbeddedEngine extends EmbeddedStatements {
  transaction<T>(work: (tx: EmbeddedTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Options of an embedded database. */
export interface PgliteOptions {
  /** Seconds between embedded autovacuum passes (default 10; 0 turns it off). */
  autovacuumSeconds?: number;
  /** Run the engine on a worker thread of its own (default false: on the caller's thread). */
  thread?: boolean;
}

/** Seconds between embedded autovacuum passes unless told otherwise. */
export const DEFAULT_AUTOVACUUM_SECONDS = 10;

/** PGlite on the caller's thread. */
async function inThisThread(dataDir: string | undefined): Promise<EmbeddedEngine> {
  const { db, statements } = await createPgliteEngine(dataDir);
  const statementsOf = (target: PGlite | PgliteTransaction): EmbeddedStatements => ({
    query: <R>(sql: string, params: unknown[]) => statements.query<R>(sql, params, target !== db),
    exec: async (sql: string) => {
      await target.exec(sql);
      statements.reset();
    },
  });
  return {
    ...statementsOf(db),
    transaction: (work) => db.transaction(async (tx) => {
      const atCommit: Statement[] = [];
      const inTx = statementsOf(tx);
      const value = await work({ ...inTx, atCommit: (sql, params) => atCommit.push({ sql, params }) });
      await runStatements(inTx, atCommit);
      return value;
    }),
    close: () => db.close(),
  };
}

/**
 * Opens (creating on first use) an embedded PostgreSQL in `dataDir`, or in memory when `dataDir` is undefined.
 * PGlite runs one statement at a time; its transaction lock makes concurrent callers wait their turn. An embedded
 * autovacuum keeps its planner statistics current (see `startEmbeddedAutovacuum`).
 */
export async function openPglite(dataDir: string | undefined, options: PgliteOptions = {}): Promise<Database> {
  const engine = options.thread ? await startPgliteThread(dataDir) : await inThisThread(dataDir);
  const stats = new QueryStats();
  const counted = (target: EmbeddedStatements): Omit<Transaction, 'atCommit'> => ({
    query: (sql, params) => {
      stats.roundTrips += 1;
      return target.query(sql, normaliseParams(params));
    },
    exec: (sql) => {
      stats.roundTrips += 1;
      return target.exec(sql);
    },
  });
  // A statement queued for the commit is still a statement the caller sent: it counts once the work hands it to the
  // commit (as on PostgreSQL, where it runs then), not when it is queued by work that may still fail.
  const countedTransaction = <T>(work: (tx: Transaction) => Promise<T>) => engine.transaction(async (tx) => {
    let queued = 0;
    const value = await work({
      ...counted(tx),
      atCommit: (sql, params) => {
        queued += 1;
        tx.atCommit(sql, normaliseParams(params));
      },
    });
    stats.roundTrips += queued;
    return value;
  });
  const autovacuumSeconds = options.autovacuumSeconds ?? DEFAULT_AUTOVACUUM_SECONDS;
  // Maintenance goes to the engine directly: it is not the callers' round trips.
  const autovacuum = autovacuumSeconds > 0
    ? startEmbeddedAutovacuum({ query: (sql, params) => engine.query(sql, normaliseParams(params)), exec: (sql) => engine.exec(sql) }, {
      intervalMs: autovacuumSeconds * 1000,
      // Passes wait for a lull in the callers' statements (the engine is theirs alone while a pass runs).
      activity: () => stats.sent,
      onError: (error) => process.emitWarning(`embedded autovacuum of ${dataDir ?? 'an in-memory database'} failed: ${error instanceof Error ? error.message : String(error)}`),
    })
    : null;
  return {
    engine: 'pglite',
    stats,
    ...counted(engine),
    transaction: countedTransaction,
    ping: async () => {
      await engine.query('SELECT 1', []);
    },
    close: async () => {
      await autovacuum?.stop();
      await engine.close();
    },
  };
}
