import type { Queryable, Transaction } from '../../../platform/db/database.js';
import { atCommit } from '../../../platform/db/unit-of-work.js';
import type { ExceptionRecord, RunLink, RunRecord, RunStatus, StepRecord } from '../domain/types.js';
import { exceptions, links, runs, steps } from './tables.js';

/**
 * Persistence of runs, steps, exceptions and links. Every change is a guarded UPDATE so that a duplicate job, a
 * redelivered event or a zombie worker cannot move a run backwards.
 */
export const runStore = {
  /**
   * Creates a run unless a run with the same natural key exists; true when created. Its steps (which nothing reads in
   * the creating transaction) are written with the commit.
   */
  async create(tx: Transaction, run: RunRecord, stepNames: readonly string[]): Promise<boolean> {
    const names = runs.columnNames();
    const rows = await tx.query(
      `INSERT INTO saga_runs (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (natural_key) DO NOTHING RETURNING id`,
      runs.toValues(run),
    );
    if (rows.length === 0) return false;
    atCommit(tx, steps.insertManyStatements(stepNames.map((name, seq) => ({
      runId: run.id, name, seq, status: 'PENDING', attempts: 0, leaseToken: null, lastError: null, result: null, startedAt: null, finishedAt: null, compensatedAt: null,
    }))));
    return true;
  },

  async run(db: Queryable, id: string, lock = false): Promise<RunRecord | null> {
    const rows = await db.query(`SELECT ${runs.selectList} FROM saga_runs WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? runs.fromRow(rows[0]) : null;
  },

  async runsByIds(db: Queryable, ids: readonly string[]): Promise<RunRecord[]> {
    return runs.findByIds(db, ids);
  },

  /** The runs of flows, oldest first (the first is the flow's root run). */
  async runsByCorrelation(db: Queryable, correlationIds: readonly string[]): Promise<RunRecord[]> {
    return runs.findWhere(db, 'correlation_id = ANY($1::text[])', [correlationIds], 'started_at, id');
  },

  async steps(db: Queryable, runIds: readonly string[]): Promise<StepRecord[]> {
    return steps.findWhere(db, 'run_id = ANY($1::text[])', [runIds], 'run_id, seq');
  },

  /** Saves a run's new state if it is still at the version read. */
  async saveRun(db: Queryable, next: RunRecord, previousVersion: number): Promise<boolean> {
    const names = runs.columnNames();
    const values = runs.toValues(next);
    const rows = await db.query(
      `UPDATE saga_runs SET ${names.map((n, i) => `${n} = $${i + 1}`).join(', ')} WHERE id = $${names.length + 1} AND version = $${names.length + 2} RETURNING id`,
      [...values, next.id, previousVersion],
    );
    return rows.length === 1;
  },

  /**
   * Takes a step for an attempt (fresh lease token) if its run is still RUNNING in `generation`, and returns the run
   * with the attempt's number, in one statement; null when the step is not runnable (done, or another generation).
   */
  async claimStep(db: Queryable, runId: string, name: string, generation: number, token: string, now: string): Promise<{ run: RunRecord; attempts: number } | null> {
    const rows = await db.query<Record<string, unknown> & { attempts: number }>(
      `WITH claimed AS (
         UPDATE saga_steps s SET status = 'RUNNING', attempts = s.attempts + 1, lease_token = $3, started_at = $4
           FROM saga_runs r
          WHERE s.run_id = $1 AND s.name = $2 AND s.status IN ('PENDING', 'RUNNING') AND r.id = s.run_id AND r.generation = $5 AND r.status = 'RUNNING'
         RETURNING s.attempts)
       SELECT ${runs.selectList}, claimed.attempts FROM saga_runs, claimed WHERE saga_runs.id = $1`,
      [runId, name, token, now, generation],
    );
    const row = rows[0];
    return row ? { run: runs.fromRow(row), attempts: Number(row.attempts) } : null;
  },

  /**
   * Completes an attempt and moves its run on in one statement: the step's values are spread over the run's context,
   * the run takes `next` status and a new version. Null when the attempt no longer holds the step (it was taken over:
   * a zombie's late write).
   */
  async completeStep(
    db: Queryable,
    runId: string,
    name: string,
    token: string,
    status: 'SUCCEEDED' | 'SKIPPED',
    values: Record<string, unknown>,
    next: { status: RunStatus; completedAt: string | null },
    now: string,
  ): Promise<RunRecord | null> {
    const rows = await db.query(
      `WITH done AS (
         UPDATE saga_steps SET status = $4, result = $5, finished_at = $6, last_error = NULL
          WHERE run_id = $1 AND name = $2 AND lease_token = $3 AND status = 'RUNNING' RETURNING run_id)
       UPDATE saga_runs SET context = (context - $9::text[]) || $5::jsonb, status = $7, completed_at = $8, updated_at = $6, version = version + 1
         FROM done WHERE saga_runs.id = done.run_id
       RETURNING ${runs.selectList}`,
      // A value set to undefined removes its key, as a spread of the values over the context would.
      [runId, name, token, status, JSON.stringify(values), now, next.status, next.completedAt, Object.keys(values).filter((k) => values[k] === undefined)],
    );
    return rows[0] ? runs.fromRow(rows[0]) : null;
  },

  async recordError(db: Queryable, runId: string, name: string, token: string, message: string): Promise<void> {
    await db.query(`UPDATE saga_steps SET last_error = $4 WHERE run_id = $1 AND name = $2 AND lease_token = $3`, [runId, name, token, message.slice(0, 2000)]);
  },

  /** Marks a step failed for good; false when the attempt no longer holds it. */
  async failStep(db: Queryable, runId: string, name: string, token: string, message: string, now: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE saga_steps SET status = 'FAILED', last_error = $4, finished_at = $5 WHERE run_id = $1 AND name = $2 AND lease_token = $3 AND status = 'RUNNING' RETURNING name`,
      [runId, name, token, message.slice(0, 2000), now],
    );
    return rows.length === 1;
  },

  async markCompensated(db: Queryable, runId: string, name: string, now: string): Promise<boolean> {
    const rows = await db.query(`UPDATE saga_steps SET status = 'COMPENSATED', compensated_at = $3 WHERE run_id = $1 AND name = $2 AND status = 'SUCCEEDED' RETURNING name`, [runId, name, now]);
    return rows.length === 1;
  },

  /** Resets steps for a replay (from the first given step on). */
  async resetSteps(db: Queryable, runId: string, names: readonly string[]): Promise<void> {
    await db.query(
      `UPDATE saga_steps SET status = 'PENDING', attempts = 0, lease_token = NULL, last_error = NULL, result = NULL, started_at = NULL, finished_at = NULL, compensated_at = NULL
       WHERE run_id = $1 AND name = ANY($2::text[])`,
      [runId, names],
    );
  },

  async insertException(db: Queryable, e: ExceptionRecord): Promise<void> {
    await exceptions.insert(db, e);
  },

  async exception(db: Queryable, id: string, lock = false): Promise<ExceptionRecord | null> {
    const rows = await db.query(`SELECT ${exceptions.selectList} FROM saga_exceptions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ? exceptions.fromRow(rows[0]) : null;
  },

  async exceptionsOf(db: Queryable, runIds: readonly string[]): Promise<ExceptionRecord[]> {
    return exceptions.findWhere(db, 'run_id = ANY($1::text[])', [runIds], 'created_at');
  },

  async saveException(db: Queryable, e: ExceptionRecord): Promise<void> {
    const names = exceptions.columnNames();
    await db.query(`UPDATE saga_exceptions SET ${names.map((n, i) => `${n} = $${i + 1}`).join(', ')} WHERE id = $${names.length + 1}`, [...exceptions.toValues(e), e.id]);
  },

  /** Links runs to the records they touched, with the commit of `tx` (nothing reads links in the same transaction). */
  link(tx: Transaction, rows: readonly RunLink[]): void {
    if (rows.length === 0) return;
    tx.atCommit(
      `INSERT INTO run_links (run_id, entity_type, entity_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.runId), rows.map((r) => r.entityType), rows.map((r) => r.entityId)],
    );
  },

  async runsLinkedTo(db: Queryable, entityType: string, entityIds: readonly string[]): Promise<Array<RunLink & { sagaType: string }>> {
    const rows = await db.query<{ run_id: string; entity_type: string; entity_id: string; saga_type: string }>(
      `SELECT l.run_id, l.entity_type, l.entity_id, r.saga_type FROM run_links l JOIN saga_runs r ON r.id = l.run_id WHERE l.entity_type = $1 AND l.entity_id = ANY($2::text[])`,
      [entityType, entityIds],
    );
    return rows.map((r) => ({ runId: r.run_id, entityType: r.entity_type, entityId: r.entity_id, sagaType: r.saga_type }));
  },
};

export { links };
