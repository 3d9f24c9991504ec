import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { autovacuumPass, maintenanceDue, maintenanceStatement, startEmbeddedAutovacuum, type TableActivity } from '../../platform/db/autovacuum.js';
import { openPglite } from '../../platform/db/pglite.js';
import type { Database } from '../../platform/db/database.js';
import { waitFor } from '../support/wait.js';

const quiet = (over: Partial<TableActivity>): TableActivity => ({
  schema: 'public', table: 't', liveRows: 10_000, deadRows: 0, modifiedSinceAnalyze: 0, ...over,
});

test('a table is vacuumed or analyzed past PostgreSQL’s default thresholds, and left alone below them', () => {
  assert.equal(maintenanceDue(quiet({})), null);
  assert.equal(maintenanceDue(quiet({ modifiedSinceAnalyze: 1050 })), null, '50 + 10 % of 10 000 is the limit');
  assert.equal(maintenanceDue(quiet({ modifiedSinceAnalyze: 1051 })), 'ANALYZE');
  assert.equal(maintenanceDue(quiet({ deadRows: 2050 })), null);
  assert.equal(maintenanceDue(quiet({ deadRows: 2051, modifiedSinceAnalyze: 5000 })), 'VACUUM', 'a vacuum analyzes as well');
  assert.equal(maintenanceDue(quiet({ modifiedSinceAnalyze: 3001 })), 'ANALYZE', 'insert-only tables are analyzed, not vacuumed');
  assert.equal(maintenanceDue(quiet({ liveRows: 0, modifiedSinceAnalyze: 51 })), 'ANALYZE', 'a new table is analyzed once it has rows');
});

test('maintenance statements quote the table name', () => {
  assert.equal(maintenanceStatement({ schema: 'pgboss', table: 'job' }, 'VACUUM'), 'VACUUM (ANALYZE) "pgboss"."job"');
  assert.equal(maintenanceStatement({ schema: 'public', table: 'we"ird' }, 'ANALYZE'), 'ANALYZE "public"."we""ird"');
});

const opened: Database[] = [];
after(async () => {
  await Promise.all(opened.map((db) => db.close()));
});

async function embedded(autovacuumSeconds: number): Promise<Database> {
  const db = await openPglite(undefined, { autovacuumSeconds });
  opened.push(db);
  await db.exec(`CREATE TABLE items (id text PRIMARY KEY, status text NOT NULL)`);
  await db.exec(`CREATE INDEX items_status ON items (status)`);
  await db.query(`INSERT INTO items SELECT 'i' || lpad(g::text, 6, '0'), 'READY' FROM generate_series(1, 5000) g`);
  return db;
}

const lastMaintenance = async (db: Database) =>
  (await db.query<{ last_analyze: string | null; last_vacuum: string | null; n_dead_tup: bigint }>(
    `SELECT last_analyze, last_vacuum, n_dead_tup FROM pg_stat_user_tables WHERE relname = 'items'`,
  ))[0];

/** The planner's row estimate for the READY items: 5 000 once analyzed, a guess from the table's size before. */
async function estimatedReady(db: Database): Promise<number> {
  const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT * FROM items WHERE status = 'READY'`);
  return Number(/rows=(\d+)/.exec(plan[0]!['QUERY PLAN'])?.[1]);
}

test('a pass on the embedded engine analyzes a freshly filled table, vacuums its dead rows, then rests', async () => {
  const db = await embedded(0);
  assert.ok((await estimatedReady(db)) < 1000, 'before any pass the planner does not know the table');

  assert.deepEqual(await autovacuumPass(db), [{ table: 'public.items', did: 'ANALYZE' }]);
  assert.equal(await estimatedReady(db), 5000);
  assert.ok((await lastMaintenance(db))?.last_analyze);

  await db.query(`UPDATE items SET status = 'INVOICED' WHERE id <= 'i002000'`);
  assert.deepEqual(await autovacuumPass(db), [{ table: 'public.items', did: 'VACUUM' }]);
  const stats = await lastMaintenance(db);
  assert.equal(stats?.n_dead_tup, 0n);
  assert.ok((await estimatedReady(db)) < 3500, 'the new distribution is known');

  assert.deepEqual(await autovacuumPass(db), [], 'nothing is due right after a pass');
});

test('the embedded autovacuum runs on its own timer and stops cleanly', async () => {
  const db = await embedded(0);
  const autovacuum = startEmbeddedAutovacuum(db, { intervalMs: 20, onError: (e) => assert.fail(String(e)) });
  try {
    await waitFor(async () => (await lastMaintenance(db))?.last_analyze, 10_000, 'the first pass');
  } finally {
    await autovacuum.stop();
  }
  const before = await lastMaintenance(db);
  await db.query(`UPDATE items SET status = 'INVOICED'`);
  await autovacuum.runNow();
  const now = await lastMaintenance(db);
  assert.deepEqual([now?.last_analyze, now?.last_vacuum], [before?.last_analyze, before?.last_vacuum], 'a stopped autovacuum runs no more passes');
});

test('with the callers\' activity to go by, a due pass waits for a quiet moment', async () => {
  const db = await embedded(0);
  // Nothing is sent: the first tick after the pass is due finds the database quiet. Were passes deferred, the one
  // below would come only after a minute.
  const autovacuum = startEmbeddedAutovacuum(db, { intervalMs: 50, quietMs: 10, maxDeferMs: 60_000, activity: () => 0, onError: (e) => assert.fail(String(e)) });
  try {
    await waitFor(async () => (await lastMaintenance(db))?.last_analyze, 10_000, 'a pass in the first quiet moment');
  } finally {
    await autovacuum.stop();
  }
});

test('a due pass is deferred while statements keep coming, but no longer than maxDeferMs', async () => {
  const db = await embedded(0);
  let sent = 0;
  // A caller that never pauses: a statement every few milliseconds, never a quiet tick.
  const busy = setInterval(() => {
    sent += 1;
  }, 2);
  const started = Date.now();
  const intervalMs = 50;
  const maxDeferMs = 400;
  const autovacuum = startEmbeddedAutovacuum(db, { intervalMs, quietMs: 25, maxDeferMs, activity: () => sent, onError: (e) => assert.fail(String(e)) });
  try {
    await waitFor(async () => (await lastMaintenance(db))?.last_analyze, 10_000, 'the deferred pass');
    const waited = Date.now() - started;
    assert.ok(waited >= intervalMs + maxDeferMs, `the pass ran after ${waited} ms, before its longest deferral (${intervalMs + maxDeferMs} ms) ran out`);
  } finally {
    clearInterval(busy);
    await autovacuum.stop();
  }
});

test('an embedded database opened with the default settings maintains itself, and closes with its timer', async () => {
  const db = await openPglite(undefined, { autovacuumSeconds: 1 });
  await db.exec(`CREATE TABLE items (id text PRIMARY KEY)`);
  await db.query(`INSERT INTO items SELECT g::text FROM generate_series(1, 2000) g`);
  await waitFor(async () => (await db.query<{ last_analyze: string | null }>(`SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'items'`))[0]?.last_analyze, 10_000, 'a pass');
  await db.close();
});
