import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../platform/db/database.js';
import type { Migration } from '../../platform/db/migrate.js';
import { openSubgraphDatabase } from '../../platform/db/open.js';

/** PostgreSQL server used by the `postgres` engine runs of the suite (see `.ci/run`). */
export const TEST_PG_ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Which engine the suite runs on: `pglite` (default) or `postgres` (TEST_DB_ENGINE=postgres). */
export const TEST_DB_ENGINE = (process.env.TEST_DB_ENGINE ?? 'pglite') as 'pglite' | 'postgres';

const created: Array<{ name: string }> = [];

/**
 * Creates a throw-away database for one subgraph on the configured engine: in-memory PGlite, or a freshly created
 * PostgreSQL database that `dropTestDatabases` removes. A missing PostgreSQL server fails the test loudly.
 */
export async function openTestDatabase(subgraph: string, migrations: readonly Migration[]): Promise<Database> {
  // Each embedded database on a thread of its own, as `npm start` runs them.
  if (TEST_DB_ENGINE === 'pglite') return openSubgraphDatabase(subgraph, { inMemory: true, threads: true }, migrations);
  return openSubgraphDatabase(subgraph, { databaseUrl: await createTestDatabaseUrl(subgraph) }, migrations);
}

/** Creates an empty PostgreSQL database for a subgraph and returns its URL (dropped by `dropTestDatabases`). */
export async function createTestDatabaseUrl(subgraph: string): Promise<string> {
  const name = `test_${subgraph}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for TEST_DB_ENGINE=postgres but ${TEST_PG_ADMIN_URL} is unreachable: ${(error as Error).message}`);
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push({ name });
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops every PostgreSQL database this process created (call after closing them). */
export async function dropTestDatabases(): Promise<void> {
  if (created.length === 0) return;
  const admin = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  for (const { name } of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
