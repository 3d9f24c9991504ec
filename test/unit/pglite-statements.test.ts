import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Database } from '../../platform/db/database.js';
import { openPglite } from '../../platform/db/pglite.js';
import { createPgliteEngine, type PgliteEngine } from '../../platform/db/pglite-engine.js';
import { preparedStatements, withoutRowLocks } from '../../platform/db/pglite-statements.js';

// Embedded statements run as named prepared statements, parsed once per engine. These cases pin what that must not
// change (values, errors, transactions) and what it adds (a bounded cache, statements re-prepared after DDL).
const engines: PgliteEngine[] = [];
const opened: Database[] = [];
after(async () => {
  await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
  await Promise.all(engines.map((e) => e.db.close().catch(() => undefined)));
});

async function engine(): Promise<PgliteEngine> {
  const e = await createPgliteEngine(undefined);
  engines.push(e);
  await e.db.exec(`CREATE TABLE t (id text PRIMARY KEY, n bigint NOT NULL, doc jsonb)`);
  return e;
}

/** The statements the session holds prepared through the protocol (not by SQL PREPARE). */
async function preparedInSession(e: PgliteEngine): Promise<string[]> {
  const { rows } = await e.db.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE NOT from_sql ORDER BY name`);
  return rows.map((r) => r.name);
}

test('a statement is prepared once and executed many times with its parameters serialised by type', async () => {
  const e = await engine();
  const insert = `INSERT INTO t (id, n, doc) VALUES ($1, $2, $3) RETURNING id, n, doc`;
  for (let i = 0; i < 20; i++) {
    const rows = await e.statements.query(insert, [`r${i}`, String(10n ** 15n + BigInt(i)), i % 2 ? null : { i, tags: ['a'] }], false);
    assert.deepEqual(rows, [{ id: `r${i}`, n: 10n ** 15n + BigInt(i), doc: i % 2 ? null : { i, tags: ['a'] } }]);
  }
  assert.deepEqual(await e.statements.query(`SELECT count(*)::int AS c FROM t WHERE id = ANY($1::text[])`, [['r1', 'r2', 'nope']], false), [{ c: 2 }]);
  assert.equal((await preparedInSession(e)).length, 2, 'one prepared statement per SQL text');
  const { rows } = await e.db.query<{ plan_cache_mode: string }>(`SHOW plan_cache_mode`);
  assert.equal(rows[0]?.plan_cache_mode, 'force_custom_plan', 'plans stay per execution, as with unnamed statements');
});

test('errors keep their code and name the statement; the statement stays usable after one', async () => {
  const e = await engine();
  const insert = `INSERT INTO t (id, n) VALUES ($1, $2)`;
  await e.statements.query(insert, ['dup', 1], false);
  await assert.rejects(e.statements.query(insert, ['dup', 2], false), (error: Error & { code?: string; constraint?: string; query?: string }) => {
    assert.equal(error.code, '23505');
    assert.equal(error.constraint, 't_pkey');
    assert.equal(error.query, insert);
    return true;
  });
  await assert.rejects(e.statements.query(`SELEC nonsense`, [], false), { code: '42601' });
  await e.statements.query(insert, ['ok', 3], false);
  assert.deepEqual((await e.db.query(`SELECT id FROM t ORDER BY id`)).rows, [{ id: 'dup' }, { id: 'ok' }]);
});

test('a statement prepared inside a transaction that rolls back stays prepared, and the rollback still undoes its effect', async () => {
  const e = await engine();
  const insert = `INSERT INTO t (id, n) VALUES ($1, $2)`;
  await assert.rejects(e.db.transaction(async () => {
    await e.statements.query(insert, ['gone', 1], true);
    throw new Error('abandon');
  }));
  assert.deepEqual((await e.db.query(`SELECT id FROM t`)).rows, []);
  await e.statements.query(insert, ['kept', 1], false);
  assert.deepEqual((await e.db.query(`SELECT id FROM t`)).rows, [{ id: 'kept' }]);
  assert.equal((await preparedInSession(e)).length, 1);
});

test('the cache is bounded: the least recently used statement is closed in the session', async () => {
  const { db } = await engine();
  const statements = preparedStatements(db, 3);
  for (let i = 0; i < 10; i++) await statements.query(`SELECT ${i}::int AS v WHERE $1::int > 0`, [1], false);
  // Eviction closes on the next execution, so the session holds at most the capacity plus the one just prepared.
  const names = (await db.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE NOT from_sql`)).rows;
  assert.ok(names.length <= 4, `session holds ${names.length} statements`);
  // A recently used statement survives newer ones.
  await statements.query(`SELECT 100::int AS v WHERE $1::int > 0`, [1], false);
  for (let i = 0; i < 2; i++) {
    await statements.query(`SELECT 100::int AS v WHERE $1::int > 0`, [1], false);
    await statements.query(`SELECT ${200 + i}::int AS v WHERE $1::int > 0`, [1], false);
  }
  assert.deepEqual(await statements.query(`SELECT 100::int AS v WHERE $1::int > 0`, [1], false), [{ v: 100 }]);
});

test('after DDL a statement returns the new shape: exec resets the cache, and a change made by a statement is recovered', async () => {
  for (const thread of [false, true]) {
    const db = await openPglite(undefined, { thread, autovacuumSeconds: 0 });
    opened.push(db);
    await db.exec(`CREATE TABLE s (id text PRIMARY KEY)`);
    await db.query(`INSERT INTO s VALUES ($1)`, ['a']);
    assert.deepEqual(await db.query(`SELECT * FROM s WHERE id = $1`, ['a']), [{ id: 'a' }]);
    await db.exec(`ALTER TABLE s ADD COLUMN n int NOT NULL DEFAULT 7`);
    assert.deepEqual(await db.query(`SELECT * FROM s WHERE id = $1`, ['a']), [{ id: 'a', n: 7 }], `after exec (${thread ? 'thread' : 'same thread'})`);
    // DDL through a parameterless query does not reset the cache: the engine refuses the stale plan and the statement
    // is prepared again.
    await db.query(`ALTER TABLE s ADD COLUMN m int NOT NULL DEFAULT 8`);
    assert.deepEqual(await db.query(`SELECT * FROM s WHERE id = $1`, ['a']), [{ id: 'a', n: 7, m: 8 }], `after a DDL statement (${thread ? 'thread' : 'same thread'})`);
    // Inside a transaction the refusal aborts it (nothing to retry safely); the next attempt runs prepared afresh.
    await db.query(`ALTER TABLE s ADD COLUMN k int NOT NULL DEFAULT 9`);
    await assert.rejects(db.transaction((tx) => tx.query(`SELECT * FROM s WHERE id = $1`, ['a'])), { code: '0A000' });
    assert.deepEqual(await db.transaction((tx) => tx.query(`SELECT * FROM s WHERE id = $1`, ['a'])), [{ id: 'a', n: 7, m: 8, k: 9 }]);
  }
});

test('row-locking clauses are left out on the embedded engine, wherever they end a query or subquery', () => {
  const cases: Array<[string, string]> = [
    ['SELECT * FROM t WHERE id = $1 FOR UPDATE', 'SELECT * FROM t WHERE id = $1'],
    ['SELECT id FROM t WHERE id = ANY($1::text[]) ORDER BY id FOR SHARE', 'SELECT id FROM t WHERE id = ANY($1::text[]) ORDER BY id'],
    ['SELECT id FROM r ORDER BY id for no key update', 'SELECT id FROM r ORDER BY id'],
    ['SELECT 1 FROM t FOR KEY SHARE OF t NOWAIT;', 'SELECT 1 FROM t;'],
    ['WITH next AS (SELECT id FROM job WHERE name = $1 LIMIT $2\n  FOR UPDATE SKIP LOCKED\n) UPDATE job SET state = 1 FROM next', 'WITH next AS (SELECT id FROM job WHERE name = $1 LIMIT $2\n) UPDATE job SET state = 1 FROM next'],
    ['SELECT * FROM t a JOIN u b ON a.id = b.id FOR UPDATE OF a, b SKIP LOCKED', 'SELECT * FROM t a JOIN u b ON a.id = b.id'],
  ];
  for (const [sql, expected] of cases) assert.equal(withoutRowLocks(sql), expected);
  // Text that only looks like a lock is left alone.
  for (const sql of [`SELECT 'FOR UPDATE' AS label`, 'CREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()', 'SELECT for_update FROM t']) {
    assert.equal(withoutRowLocks(sql), sql);
  }
});

test('a locking read writes no lock marker on the embedded engine, and still reads the rows', async () => {
  const e = await engine();
  await e.statements.query(`INSERT INTO t (id, n) VALUES ($1, $2)`, ['a', 1], false);
  await e.db.transaction(async () => {
    assert.deepEqual(await e.statements.query(`SELECT id, n FROM t WHERE id = $1 FOR UPDATE`, ['a'], true), [{ id: 'a', n: 1n }]);
    // xmax is where PostgreSQL marks a row lock: 0 means the read locked nothing.
    assert.deepEqual(await e.statements.query(`SELECT xmax::text AS xmax FROM t WHERE id = $1`, ['a'], true), [{ xmax: '0' }]);
  });
  // The same clause through PGlite's own query does lock (what would be written without the rewrite).
  await e.db.transaction(async (tx) => {
    await tx.query(`SELECT id FROM t WHERE id = 'a' FOR UPDATE`);
    assert.notEqual((await tx.query<{ xmax: string }>(`SELECT xmax::text AS xmax FROM t WHERE id = 'a'`)).rows[0]?.xmax, '0');
  });
});
