import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type PgBoss from 'pg-boss';
import { JobPool, type JobHandler } from '../../orchestrator/src/engine/job-pool.js';
import { startJobQueue } from '../../orchestrator/src/engine/jobs.js';
import type { Database } from '../../platform/db/database.js';
import { openPglite } from '../../platform/db/pglite.js';
import { waitFor } from '../support/wait.js';

// The step workers' pool against a real pg-boss on an embedded database: slots, fetches that fill them, completion
// inside the handler's own transaction, failures, wake-ups, expiry and stop.
let db: Database;
let boss: PgBoss;
const pools: Array<JobPool<unknown>> = [];
let queueNo = 0;

before(async () => {
  db = await openPglite(undefined, { thread: false, autovacuumSeconds: 0 });
  boss = await startJobQueue(db, { maintenanceIntervalSeconds: 3600 });
});
after(async () => {
  await Promise.all(pools.map((p) => p.stop()));
  await boss.stop({ graceful: false, wait: true });
  await db.close();
});

/** A queue of its own for each case, so that cases do not see each other's jobs. */
async function newQueue(retryDelay = 60): Promise<string> {
  const name = `pool-test-${(queueNo += 1)}`;
  await boss.createQueue(name, { name, retryLimit: 3, retryDelay });
  return name;
}

function startPool<T>(queue: string, handler: JobHandler<T>, concurrency = 3, pollingIntervalSeconds = 0.5): JobPool<T> {
  const pool = new JobPool<T>(boss, queue, { concurrency, pollingIntervalSeconds, onError: () => undefined }, handler);
  pools.push(pool as JobPool<unknown>);
  pool.start();
  return pool;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function states(queue: string): Promise<string[]> {
  return (await db.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = $1 ORDER BY created_on, id`, [queue])).map((r) => r.state);
}

/** Counts the fetches and the completions pg-boss is asked for on `queue` (completions made in a commit are not calls of their own). */
function spy(queue: string): { fetched: () => number[]; ownCompletions: () => number; restore: () => void } {
  const fetch = boss.fetch.bind(boss);
  const complete = boss.complete.bind(boss);
  const fetched: number[] = [];
  let ownCompletions = 0;
  boss.fetch = (async (name: string, options: PgBoss.FetchOptions) => {
    const jobs = await fetch(name, options as PgBoss.FetchOptions & { includeMetadata: true });
    if (name === queue && jobs.length > 0) fetched.push(jobs.length);
    return jobs;
  }) as typeof boss.fetch;
  boss.complete = ((name: string, id: string, data?: object, options?: PgBoss.ConnectionOptions) => {
    if (name === queue && !options?.db) ownCompletions += 1;
    return complete(name, id, data as object, options);
  }) as typeof boss.complete;
  return { fetched: () => fetched, ownCompletions: () => ownCompletions, restore: () => Object.assign(boss, { fetch, complete }) };
}

test('a burst of jobs runs with at most `concurrency` at once, each fetch taking as many jobs as there are free slots', async () => {
  const queue = await newQueue();
  await boss.insert(Array.from({ length: 12 }, (_, i) => ({ name: queue, data: { i } })));
  const watch = spy(queue);
  try {
    let running = 0;
    let most = 0;
    startPool<{ i: number }>(queue, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
    });
    await waitFor(async () => (await states(queue)).every((s) => s === 'completed'), 10_000, 'every job to complete');
    assert.equal(most, 3);
    assert.equal(watch.fetched()[0], 3, 'the first fetch filled every slot');
    assert.equal(watch.fetched().reduce((a, b) => a + b, 0), 12, 'each job fetched once');
  } finally {
    watch.restore();
  }
});

test('a job completed in the handler\'s transaction completes with its commit, and costs no completion of its own', async () => {
  const queue = await newQueue();
  await db.exec(`CREATE TABLE IF NOT EXISTS pool_effects (job_id text PRIMARY KEY)`);
  const watch = spy(queue);
  try {
    startPool(queue, async (job, completion) => {
      await db.transaction(async (tx) => {
        await completion.inCommit(tx);
        await tx.query(`INSERT INTO pool_effects (job_id) VALUES ($1)`, [job.id]);
        const [row] = await tx.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE id = $1`, [job.id]);
        assert.equal(row?.state, 'active', 'not complete before the commit');
      });
    });
    const id = (await boss.send(queue, {})) as string;
    await waitFor(async () => (await states(queue))[0] === 'completed', 10_000, 'the job to complete');
    assert.deepEqual(await db.query(`SELECT job_id FROM pool_effects WHERE job_id = $1`, [id]), [{ job_id: id }]);
    assert.equal(watch.ownCompletions(), 0);
  } finally {
    watch.restore();
  }
});

test('a handler that throws fails its job, which pg-boss keeps for a retry', async () => {
  const queue = await newQueue();
  startPool(queue, async () => {
    throw new Error('the system of record refused');
  });
  await boss.send(queue, {});
  await waitFor(async () => (await states(queue))[0] === 'retry', 10_000, 'the job to be failed for a retry');
  const [row] = await db.query<{ output: { message?: string } }>(`SELECT output FROM pgboss.job WHERE name = $1`, [queue]);
  assert.match(String(row?.output.message), /refused/);
});

test('a wake-up makes an idle pool fetch at once instead of at its next poll', async () => {
  const queue = await newQueue();
  let ran = 0;
  const pool = startPool(queue, async () => {
    ran += 1;
  }, 2, 600);
  await new Promise((resolve) => setImmediate(resolve));
  await boss.send(queue, {});
  pool.wake();
  await waitFor(async () => ran === 1, 5_000, 'the job to run well before the ten-minute poll');
});

test('a handler past its job\'s expiry is left behind: the job fails and its slot goes to the next job', async () => {
  const queue = await newQueue();
  let later = 0;
  startPool<{ hang: boolean }>(queue, async (job) => {
    if (job.data.hang) await new Promise(() => undefined);
    later += 1;
  }, 1);
  await boss.send(queue, { hang: true }, { expireInSeconds: 1 });
  await boss.send(queue, { hang: false });
  await waitFor(async () => later === 1, 10_000, 'the next job to get the slot');
  assert.equal((await states(queue))[0], 'retry');
});

test('a handler left behind at its expiry cannot complete the redelivered job another attempt is running', async () => {
  const queue = await newQueue(0);
  const firstGo = deferred();
  const secondGo = deferred();
  let firstDone = false;
  let secondStarted = false;
  startPool(queue, async (job, completion) => {
    if (job.retryCount === 0) {
      await firstGo.promise;
      await db.transaction((tx) => completion.inCommit(tx));
      firstDone = true;
      return;
    }
    secondStarted = true;
    await secondGo.promise;
  }, 2);
  await boss.send(queue, {}, { expireInSeconds: 1 });
  await waitFor(async () => secondStarted, 10_000, 'the redelivery to start');
  firstGo.resolve();
  await waitFor(async () => firstDone, 10_000, 'the late attempt to commit');
  assert.equal((await states(queue))[0], 'active', 'the redelivery is still under way');
  secondGo.resolve();
  await waitFor(async () => (await states(queue))[0] === 'completed', 10_000, 'the redelivery to complete the job');
});

test('stop waits for the jobs under way and takes no more', async () => {
  const queue = await newQueue();
  let finished = 0;
  let started = 0;
  const pool = startPool(queue, async () => {
    started += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
    finished += 1;
  }, 1);
  await boss.send(queue, {});
  await waitFor(async () => started === 1, 10_000, 'the job to start');
  await boss.send(queue, {});
  await pool.stop();
  assert.equal(finished, 1, 'the job under way finished before stop returned');
  assert.equal(started, 1, 'no job started after stop');
});
