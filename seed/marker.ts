import type { Database } from '../platform/db/database.js';

/** What a database says about seeding: nothing, an interrupted run, or a completed one. */
export type SeedState = { status: 'none' } | { status: 'started' | 'complete'; profile: string; asOf: string };

const DDL = `CREATE TABLE IF NOT EXISTS seed_runs (
  profile text NOT NULL, as_of date NOT NULL, status text NOT NULL, started_at timestamptz NOT NULL, completed_at timestamptz)`;

/** Reads a database's seed marker. */
export async function readSeedState(db: Database): Promise<SeedState> {
  await db.exec(DDL);
  const rows = await db.query<{ profile: string; as_of: string; status: 'started' | 'complete' }>('SELECT profile, as_of, status FROM seed_runs ORDER BY started_at DESC LIMIT 1');
  const row = rows[0];
  return row ? { status: row.status, profile: row.profile, asOf: row.as_of } : { status: 'none' };
}

/** Marks a seed run as started (before any data is written). */
export async function markSeedStarted(db: Database, profile: string, asOf: string): Promise<void> {
  await db.exec(DDL);
  await db.query(`INSERT INTO seed_runs (profile, as_of, status, started_at) VALUES ($1, $2, 'started', now())`, [profile, asOf]);
}

/** Marks the latest seed run complete. */
export async function markSeedComplete(db: Database): Promise<void> {
  await db.query(`UPDATE seed_runs SET status = 'complete', completed_at = now() WHERE status = 'started'`);
}
