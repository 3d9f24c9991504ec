import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgTimestampToIso, PG_TYPES } from './database.js';
import { preparedStatements, type PreparedStatements } from './pglite-statements.js';

const parsers = {
  [PG_TYPES.INT8]: (v: string) => BigInt(v),
  [PG_TYPES.NUMERIC]: (v: string) => v,
  [PG_TYPES.DATE]: (v: string) => v,
  [PG_TYPES.TIMESTAMP]: (v: string) => pgTimestampToIso(v),
  [PG_TYPES.TIMESTAMPTZ]: (v: string) => pgTimestampToIso(v),
};

/** A PGlite engine with its prepared statements. */
export interface PgliteEngine {
  db: PGlite;
  /** Parameterised statements go through here (see `preparedStatements`); `exec` goes to `db` and then `reset`s it. */
  statements: PreparedStatements;
}

/**
 * Starts the PGlite engine of an embedded database in `dataDir` (created on first use), or in memory when undefined,
 * returning values in the shapes every engine of the port returns (see `database.ts`).
 */
export async function createPgliteEngine(dataDir: string | undefined): Promise<PgliteEngine> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', { parsers });
  // Prepared statements are planned per execution with their parameters, as unnamed ones are (see preparedStatements).
  await db.exec(`SET TIME ZONE 'UTC'; SET plan_cache_mode = force_custom_plan`);
  return { db, statements: preparedStatements(db) };
}
