import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../../../platform/db/database.js';

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

/** Options of the durable job queue. */
export interface JobQueueOptions {
  /** Seconds between polls of an idle worker (default 0.5; pg-boss's minimum). */
  pollingIntervalSeconds?: number;
  /** Seconds a step attempt may run before it is considered lost and redelivered (a killed or paused worker); default 120. */
  expireInSeconds?: number;
  /** Seconds between pg-boss maintenance passes, which also expire lost attempts; default 30. */
  maintenanceIntervalSeconds?: number;
}

/** The queue names of the process layer. */
export const QUEUES = { step: 'saga-step', margin: 'margin-check' } as const;

/** Starts pg-boss in the `pgboss` schema of the orchestrator's database and creates the queues. */
export async function startJobQueue(db: Database, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: bossDb(db),
    schema: 'pgboss',
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
