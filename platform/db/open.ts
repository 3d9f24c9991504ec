import { join } from 'node:path';
import type { Database } from './database.js';
import { migrate, type Migration } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Where a subgraph's data lives. */
export interface StorageConfig {
  /** PostgreSQL connection URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Root data directory for PGlite; each subgraph gets `<dataDir>/<name>`. */
  dataDir?: string;
  /** Keep PGlite in memory (tests); ignored when `databaseUrl` is set. */
  inMemory?: boolean;
  /** Seconds between embedded autovacuum passes of PGlite (default 10; 0 turns it off). */
  autovacuumSeconds?: number;
  /** Run each PGlite engine on a worker thread of its own (see `startPgliteThread`). */
  threads?: boolean;
}

function lockKeyOf(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Opens a subgraph's own database (PostgreSQL when a URL is configured, PGlite otherwise) and applies its
 * pending migrations before anything reads from it.
 */
export async function openSubgraphDatabase(name: string, storage: StorageConfig, migrations: readonly Migration[]): Promise<Database> {
  const db = storage.databaseUrl
    ? await openPostgres({ url: storage.databaseUrl })
    : await openPglite(storage.inMemory ? undefined : join(storage.dataDir ?? './data', name), { autovacuumSeconds: storage.autovacuumSeconds, thread: storage.threads });
  db.name = name;
  try {
    await migrateSubgraphDatabase(name, db, migrations);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** Applies a subgraph's pending migrations under its own advisory lock key. */
export function migrateSubgraphDatabase(name: string, db: Database, migrations: readonly Migration[]): Promise<string[]> {
  return migrate(db, migrations, lockKeyOf(`ps-gateway:${name}`));
}
