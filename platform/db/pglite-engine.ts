import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgTimestampToIso, PG_TYPES } from './database.js';

const parsers = {
  [PG_TYPES.INT8]: (v: string) => BigInt(v),
  [PG_TYPES.NUMERIC]: (v: string) => v,
  [PG_TYPES.DATE]: (v: string) => v,
  [PG_TYPES.TIMESTAMP]: (v: string) => pgTimestampToIso(v),
  [PG_TYPES.TIMESTAMPTZ]: (v: string) => pgTimestampToIso(v),
};

/**
 * Starts the PGlite engine of an embedded database in `dataDir` (created on first use), or in memory when undefined,
 * returning values in the shapes every engine of the port returns (see `database.ts`).
 */
export async function createPgliteEngine(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://', { parsers });
  await db.exec(`SET TIME ZONE 'UTC'`);
  return db;
}
