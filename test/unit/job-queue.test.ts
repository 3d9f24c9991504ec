import assert from 'node:assert/strict';
import { test } from 'node:test';
import type PgBoss from 'pg-boss';
import { isUnawaitedJobUpdateFailure, QUEUES, jobsAtCommit, startJobQueue } from '../../orchestrator/src/engine/jobs.js';
import type { Queryable } from '../../platform/db/database.js';
import { openPglite } from '../../platform/db/pglite.js';

function errorWithStack(stack: string): Error {
  const error = new Error('connect ECONNREFUSED 127.0.0.1:5432');
  error.stack = stack;
  return error;
}

test('only the job-state updates pg-boss leaves unawaited are tolerated as unhandled rejections', () => {
  const frames = (caller: string) => `Error: connect ECONNREFUSED 127.0.0.1:5432\n    at /app/node_modules/pg-pool/index.js:45:11\n    at async Object.executeSql (/app/orchestrator/src/engine/jobs.ts:20:22)\n    at async ${caller} (/app/node_modules/pg-boss/src/manager.js:493:20)`;
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.fail'))), true);
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.complete'))), true);
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.fetch'))), false, 'awaited pg-boss calls are handled by pg-boss');
  assert.equal(isUnawaitedJobUpdateFailure(errorWithStack(frames('Manager.complete').replace('pg-boss/src/manager.js', 'app/src/manager.js'))), false);
  assert.equal(isUnawaitedJobUpdateFailure(new Error('anything else')), false);
  assert.equal(isUnawaitedJobUpdateFailure('a string'), false);
  assert.equal(isUnawaitedJobUpdateFailure(undefined), false);
});

test('a job sent at commit exists once its transaction commits, and not at all when it rolls back', async (t) => {
  const db = await openPglite(undefined, { thread: false, autovacuumSeconds: 0 });
  const boss = await startJobQueue(db, { maintenanceIntervalSeconds: 3600 });
  t.after(async () => {
    await boss.stop({ graceful: false, wait: true });
    await db.close();
  });
  const jobs = (on: Queryable = db) => on.query<{ n: bigint }>(`SELECT count(*) AS n FROM pgboss.job WHERE name = $1`, [QUEUES.step]).then((r) => Number(r[0]!.n));

  await db.transaction(async (tx) => {
    await boss.send(QUEUES.step, { runId: 'run_1' }, { db: jobsAtCommit(tx) } as PgBoss.SendOptions);
    assert.equal(await jobs(tx), 0, 'the insert waits for the commit');
  });
  assert.equal(await jobs(), 1);
  const [job] = await boss.fetch<{ runId: string }>(QUEUES.step);
  assert.equal(job?.data.runId, 'run_1');

  await assert.rejects(db.transaction(async (tx) => {
    await boss.send(QUEUES.step, { runId: 'run_2' }, { db: jobsAtCommit(tx) } as PgBoss.SendOptions);
    throw new Error('refused by the caller');
  }), /refused by the caller/);
  assert.equal(await jobs(), 1, 'nothing of the rolled-back transaction was enqueued');
});
