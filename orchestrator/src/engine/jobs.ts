import PgBoss from 'pg-boss';
import type { Database, Queryable, Transaction } from '../../../platform/db/database.js';

/** pg-boss's connection contract: one statement with parameters, or several without. */
interface BossDb {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * pg-boss over the product's database port, so it runs unchanged on embedded PGlite and on PostgreSQL. Statements
 * without parameters may contain several commands (pg-boss's schema), which only the simple protocol accepts.
 */
export function bossDb(db: Database | Queryable & { exec?: (sql: string) => Promise<void> }): BossDb {
  return {
    executeSql: async (text, values) => {
      if ((!values || values.length === 0) && 'exec' in db && typeof db.exec === 'function' && text.includes(';')) {
        await db.exec(text);
        return { rows: [] };
      }
      return { rows: await db.query(text, values ?? []) };
    },
  };
}

/**
 * pg-boss over a transaction, for job writes nothing in the transaction reads back (`send`, `complete`): the statement
 * is queued for the transaction's commit, so it costs no round trip of its own and commits (or rolls back) with the
 * rest. pg-boss is told the statement took without a returned row's values, so this suits sends that need no job id
 * and no singleton slot.
 */
export function jobsAtCommit(tx: Transaction): BossDb {
  return {
    executeSql: async (text, values) => {
      tx.atCommit(text, values ?? []);
      return { rows: [{}] };
    },
  };
}

/** Options of the durable job queue. */
export interface JobQueueOptions {
  /** Seconds between polls of an idle worker (default 0.5; pg-boss's minimum). */
  pollingIntervalSeconds?: number;
  /** Seconds a step attempt may run before it is considered lost and redelivered (a killed or paused worker); default 120. */
  expireInSeconds?: number;
  /** Seconds between pg-boss maintenance passes, which also expire lost attempts; default 30. */
  maintenanceIntervalSeconds?: number;
}

/**
 * True for the one rejection pg-boss 10 leaves unhandled by design: after a handler returns or throws, its worker
 * marks the job completed or failed without awaiting the database call (timgit/pg-boss#577). When the database is
 * unreachable at that moment the update is simply lost: the attempt stays active, expires after its lease and is
 * redelivered, which the engine already handles (stale attempts are dropped, steps are idempotent). Anything else
 * unhandled is a real defect.
 */
export function isUnawaitedJobUpdateFailure(reason: unknown): boolean {
  const stack = reason instanceof Error ? reason.stack ?? '' : '';
  return /Manager\.(complete|fail) \(.*pg-boss[\\/]src[\\/]manager\.js/.test(stack);
}

/** The queue names of the process layer. */
export const QUEUES = { step: 'saga-step', margin: 'margin-check' } as const;

/** The schema of the orchestrator's database that pg-boss owns (it creates and migrates it on start). */
export const JOB_QUEUE_SCHEMA = 'pgboss';

/** Starts pg-boss in the {@link JOB_QUEUE_SCHEMA} schema of the orchestrator's database and creates the queues. */
export async function startJobQueue(db: Database, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDb(db),
    schema: JOB_QUEUE_SCHEMA,
    supervise: true,
    schedule: false,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  } as PgBoss.ConstructorOptions);
  boss.on('error', () => undefined);
  await boss.start();
  const expireInSeconds = options.expireInSeconds ?? 120;
  // Step attempts are counted by the engine (which turns the last failure into an exception); pg-boss only needs to
  // redeliver with backoff and jitter, so its own limit is generous.
  await boss.createQueue(QUEUES.step, { name: QUEUES.step, retryLimit: 50, retryDelay: 1, retryBackoff: true, expireInSeconds });
  // `stately`: per project at most one check queued and one running, so a burst of changes costs one or two checks.
  await boss.createQueue(QUEUES.margin, { name: QUEUES.margin, policy: 'stately', retryLimit: 8, retryDelay: 2, retryBackoff: true, expireInSeconds });
  return boss;
}
