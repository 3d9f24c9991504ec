import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** One versioned plain-SQL migration file. */
export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Migrations every subgraph shares (audit log, and later outbox and idempotency records), versions 1000 and up. */
export const PLATFORM_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** A subgraph's migrations: the shared platform ones and its own, in version order. */
export function subgraphMigrations(ownFolder: string): Migration[] {
  return [...loadMigrations(PLATFORM_MIGRATIONS_DIR), ...loadMigrations(ownFolder)].sort((a, b) => (a.version < b.version ? -1 : 1));
}

/** Reads `NNNN_name.sql` files from a folder, ordered by version. Other files are ignored. */
export function loadMigrations(folder: string): Migration[] {
  return readdirSync(folder)
    .filter((f) => FILE_PATTERN.test(f))
    .sort()
    .map((file) => {
      const [, version, name] = FILE_PATTERN.exec(file) as RegExpExecArray;
      const sql = readFileSync(join(folder, file), 'utf8');
      return { version: version as string, name: name as string, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Raised when an applied migration's file was edited afterwards: the schema would no longer match the code. */
export class MigrationDriftError extends Error {
  constructor(readonly version: string) {
    super(`Migration ${version} was changed after it was applied; add a new migration instead of editing an applied one`);
    this.name = 'MigrationDriftError';
  }
}

/**
 * Applies pending migrations, each in its own transaction, and returns the versions applied.
 * On PostgreSQL an advisory lock serialises concurrent start-ups of the same subgraph.
 */
export async function migrate(db: Database, migrations: readonly Migration[], lockKey: number): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  return db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
    const rows = await tx.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations');
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new MigrationDriftError(m.version);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      done.push(m.version);
    }
    return done;
  });
}
