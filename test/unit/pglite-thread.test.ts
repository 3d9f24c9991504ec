import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Database } from '../../platform/db/database.js';
import { openPglite } from '../../platform/db/pglite.js';

// An embedded database on a worker thread behaves as one on the caller's thread: same values, same errors, same
// transaction semantics. Each case runs on both so that a difference shows.
const opened: Database[] = [];
const dirs: string[] = [];
after(async () => {
  await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function open(thread: boolean, dataDir?: string): Promise<Database> {
  const db = await openPglite(dataDir, { thread, autovacuumSeconds: 0 });
  opened.push(db);
  await db.exec(`CREATE TABLE IF NOT EXISTS t (id text PRIMARY KEY, n bigint NOT NULL, amount numeric(18,4), at timestamptz, day date)`);
  return db;
}

for (const thread of [false, true]) {
  const where = thread ? 'on its own thread' : 'on the caller’s thread';

  test(`values come back in the port's shapes ${where}`, async () => {
    const db = await open(thread);
    await db.query(`INSERT INTO t VALUES ($1, $2, $3, $4, $5)`, ['a', 9_007_199_254_740_993n, '12.3400', '2026-05-01T10:00:00+02:00', '2026-05-01']);
    assert.deepEqual(await db.query(`SELECT * FROM t`), [{ id: 'a', n: 9_007_199_254_740_993n, amount: '12.3400', at: '2026-05-01T08:00:00.000Z', day: '2026-05-01' }]);
    assert.deepEqual(await db.query(`SELECT array_agg(id) AS ids FROM t WHERE id = ANY($1::text[])`, [['a', 'b']]), [{ ids: ['a'] }]);
  });

  test(`database errors keep their code and constraint ${where}`, async () => {
    const db = await open(thread);
    await db.query(`INSERT INTO t (id, n) VALUES ('dup', 1)`);
    await assert.rejects(db.query(`INSERT INTO t (id, n) VALUES ('dup', 2)`), (e: Error & { code?: string; constraint?: string }) => {
      assert.equal(e.code, '23505');
      assert.equal(e.constraint, 't_pkey');
      assert.match(e.message, /duplicate key/);
      return true;
    });
    await assert.rejects(db.query(`SELECT * FROM missing`), { code: '42P01' });
    await assert.rejects(db.transaction((tx) => tx.query(`INSERT INTO t (id, n) VALUES ('dup', 3)`)), { code: '23505' });
    assert.deepEqual(await db.query(`SELECT n FROM t WHERE id = 'dup'`), [{ n: 1n }], 'the failed transaction left nothing');
  });

  test(`statements queued for the commit run with it, in order; one that fails rolls the transaction back ${where}`, async () => {
    const db = await open(thread);
    const inside = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, n) VALUES ('q0', 0)`);
      tx.atCommit(`INSERT INTO t (id, n) VALUES ($1, $2)`, ['q1', 1n]);
      tx.atCommit(`UPDATE t SET n = n + 10 WHERE id = $1`, ['q1']);
      return tx.query(`SELECT id FROM t WHERE id = 'q1'`);
    });
    assert.deepEqual(inside, [], 'queued statements wait for the commit');
    assert.deepEqual(await db.query(`SELECT id, n FROM t WHERE id LIKE 'q%' ORDER BY id`), [{ id: 'q0', n: 0n }, { id: 'q1', n: 11n }]);
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, n) VALUES ('q2', 2)`);
      tx.atCommit(`INSERT INTO t (id, n) VALUES ('q3', 3)`);
      tx.atCommit(`INSERT INTO t (id, n) VALUES ('q0', 9)`);
    }), (e: Error & { code?: string; constraint?: string }) => e.code === '23505' && e.constraint === 't_pkey');
    assert.deepEqual(await db.query(`SELECT id FROM t WHERE id LIKE 'q%' ORDER BY id`), [{ id: 'q0' }, { id: 'q1' }], 'nothing of the failed commit stays');
    await db.transaction(async (tx) => tx.atCommit(`INSERT INTO t (id, n) VALUES ('q4', 4)`));
    assert.deepEqual(await db.query(`SELECT n FROM t WHERE id = 'q4'`), [{ n: 4n }], 'the engine takes transactions after a failed commit');
  });

  test(`a transaction commits as a whole or rolls back as a whole ${where}`, async () => {
    const db = await open(thread);
    const value = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, n) VALUES ('c1', 1)`);
      await tx.exec(`INSERT INTO t (id, n) VALUES ('c2', 2); INSERT INTO t (id, n) VALUES ('c3', 3)`);
      return 'done';
    });
    assert.equal(value, 'done');
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, n) VALUES ('r1', 1)`);
      throw new Error('refused by the caller');
    }), /refused by the caller/);
    assert.deepEqual((await db.query<{ id: string }>(`SELECT id FROM t WHERE id LIKE 'c%' OR id LIKE 'r%' ORDER BY id`)).map((r) => r.id), ['c1', 'c2', 'c3']);
  });

  test(`statements sent together at the start of a transaction all belong to it ${where}`, async () => {
    const db = await open(thread);
    await Promise.all(['s', 'u'].map((prefix) => db.transaction(async (tx) => {
      await Promise.all([1, 2, 3].map((i) => tx.query(`INSERT INTO t (id, n) VALUES ($1, $2)`, [`${prefix}${i}`, i])));
      if (prefix === 'u') throw new Error('refused by the caller');
    }).catch((error: Error) => assert.match(error.message, /refused by the caller/))));
    assert.deepEqual((await db.query<{ id: string }>(`SELECT id FROM t WHERE id LIKE 's%' OR id LIKE 'u%' ORDER BY id`)).map((r) => r.id), ['s1', 's2', 's3']);
  });

  // Services send independent statements of one transaction together, to wait for one round trip instead of several.
  test(`statements sent together within a transaction run one at a time, in the order sent, each with its own result ${where}`, async () => {
    const db = await open(thread);
    const results = await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, n) VALUES ('o0', 0)`);
      return Promise.all(Array.from({ length: 20 }, (_, i) => tx.query<{ n: bigint; i: number }>(`UPDATE t SET n = n + 1 WHERE id = 'o0' RETURNING n, $1::int AS i`, [i])));
    });
    assert.deepEqual(results.map((rows) => [Number(rows[0]!.n), rows[0]!.i]), Array.from({ length: 20 }, (_, i) => [i + 1, i]));
    // One that fails among them fails the rest and the transaction; the engine takes the next one.
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id, n) VALUES ('o1', 1)`);
      await Promise.all([tx.query(`UPDATE t SET n = 5 WHERE id = 'o1'`), tx.query(`SELECT * FROM missing`), tx.query(`UPDATE t SET n = 6 WHERE id = 'o1'`)]);
    }), { code: '42P01' });
    assert.deepEqual(await db.query(`SELECT id, n FROM t WHERE id LIKE 'o%' ORDER BY id`), [{ id: 'o0', n: 20n }], 'nothing of the failed transaction stays');
  });

  test(`a transaction whose first statement failed cannot go on, and leaves the engine free ${where}`, async () => {
    const db = await open(thread);
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query(`SELECT * FROM missing`).catch(() => undefined);
      await tx.query(`INSERT INTO t (id, n) VALUES ('f1', 1)`);
    }), { code: '25P02' });
    await db.transaction(async (tx) => tx.query(`INSERT INTO t (id, n) VALUES ('f2', 2)`));
    assert.deepEqual(await db.query(`SELECT id FROM t WHERE id LIKE 'f%'`), [{ id: 'f2' }]);
  });

  test(`statements sent with a first statement that fails are refused, and the engine takes the next transaction ${where}`, async () => {
    const db = await open(thread);
    const outcomes: Array<PromiseSettledResult<unknown>> = [];
    await assert.rejects(db.transaction(async (tx) => {
      outcomes.push(...(await Promise.allSettled([
        tx.query(`SELECT * FROM missing`),
        tx.query(`INSERT INTO t (id, n) VALUES ('g1', 1)`),
        tx.query(`INSERT INTO t (id, n) VALUES ('g2', 2)`),
      ])));
      throw new Error('stopped by the caller');
    }), /stopped by the caller/);
    assert.deepEqual(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as { code?: string }).code : o.status)), ['42P01', '25P02', '25P02']);
    await db.transaction(async (tx) => tx.query(`INSERT INTO t (id, n) VALUES ('g3', 3)`));
    assert.deepEqual(await db.query(`SELECT id FROM t WHERE id LIKE 'g%'`), [{ id: 'g3' }], 'only the next transaction wrote');
  });

  test(`transactions that send several statements at once wait for the engine whole, and run one at a time ${where}`, async () => {
    const db = await open(thread);
    await db.query(`INSERT INTO t (id, n) VALUES ('k0', 0)`);
    // Each takes the counter and records it, both statements sent at once: they run back to back in their own
    // transaction, so every value is taken once.
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => db.transaction(async (tx) => {
      const [[row]] = await Promise.all([
        tx.query<{ n: bigint }>(`UPDATE t SET n = n + 1 WHERE id = 'k0' RETURNING n`),
        tx.query(`INSERT INTO t (id, n) VALUES ($1, (SELECT n FROM t WHERE id = 'k0'))`, [`k${i + 1}`]),
      ]);
      return Number(row!.n);
    })));
    assert.deepEqual([...taken].sort((a, b) => a - b), Array.from({ length: 10 }, (_, i) => i + 1));
    const recorded = await db.query<{ id: string; n: bigint }>(`SELECT id, n FROM t WHERE id LIKE 'k%' AND id <> 'k0' ORDER BY id`);
    assert.deepEqual(recorded.map((r) => Number(r.n)).sort((a, b) => a - b), Array.from({ length: 10 }, (_, i) => i + 1), 'each record saw its own transaction\'s take');
  });

  test(`concurrent transactions run one at a time ${where}`, async () => {
    const db = await open(thread);
    // Each reads the count and writes it back: interleaving would repeat a count.
    await Promise.all(Array.from({ length: 25 }, (_, i) => db.transaction(async (tx) => {
      const [row] = await tx.query<{ c: bigint }>(`SELECT count(*) AS c FROM t WHERE id LIKE 'x%'`);
      await tx.query(`INSERT INTO t (id, n) VALUES ($1, $2)`, [`x${i}`, row!.c]);
    })));
    const counts = (await db.query<{ n: bigint }>(`SELECT n FROM t WHERE id LIKE 'x%' ORDER BY n`)).map((r) => Number(r.n));
    assert.deepEqual(counts, Array.from({ length: 25 }, (_, i) => i));
  });

  test(`data written to a directory is there after closing and reopening ${where}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-thread-'));
    dirs.push(dir);
    const db = await open(thread, dir);
    await db.query(`INSERT INTO t (id, n) VALUES ('kept', 7)`);
    await db.close();
    const again = await open(thread, dir);
    assert.deepEqual(await again.query(`SELECT n FROM t WHERE id = 'kept'`), [{ n: 7n }]);
  });
}

test('a closed threaded database refuses further statements instead of hanging', async () => {
  const db = await open(true);
  await db.close();
  await assert.rejects(db.query('SELECT 1'), /exited/);
});

test('a threaded database that cannot start fails with the engine\'s own error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pglite-thread-'));
  dirs.push(dir);
  const file = join(dir, 'not-a-directory');
  writeFileSync(file, '');
  await assert.rejects(openPglite(join(file, 'data'), { thread: true, autovacuumSeconds: 0 }), /ENOTDIR|not a directory/);
});
