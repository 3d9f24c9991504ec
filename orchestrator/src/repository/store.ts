import type { Queryable } from '../../../platform/db/database.js';
import type { ExceptionRecord, RunLink, RunRecord, StepRecord } from '../domain/types.js';
import { exceptions, links, runs, steps } from './tables.js';

/**
 * Persistence of runs, steps, exceptions and links. Every change is a guarded UPDATE so that a duplicate job, a
 * redelivered event or a zombie worker cannot move a run backwards.
 */
export const runStore = {
  /** Creates a run and its steps unless a run with the same natural key exists; true when created. */
  async create(db: Queryable, run: RunRecord, stepNames: readonly string[]): Promise<boolean> {
    const names = runs.columnNames();
    const rows = await db.query(
      `INSERT INTO saga_runs (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) ON CONFLICT (natural_key) DO NOTHING RETURNING id`,
      runs.toValues(run),
    );
    if (rows.length === 0) return false;
    await steps.insertMany(db, stepNames.map((name, seq) => ({
      runId: run.id, name, seq, status: 'PENDING', attempts: 0, leaseToken: null, lastError: null, result: null, startedAt: null, finishedAt: null, compensatedAt: null,
    })));
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

  /** Takes a step for an attempt (fresh lease token); null when the step is not runnable (done, or another generation). */
  async claimStep(db: Queryable, runId: string, name: string, token: string, now: string): Promise<StepRecord | null> {
    const rows = await db.query(
      `UPDATE saga_steps SET status = 'RUNNING', attempts = attempts + 1, lease_token = $3, started_at = $4
       WHERE run_id = $1 AND name = $2 AND status IN ('PENDING', 'RUNNING') RETURNING ${steps.selectList}`,
      [runId, name, token, now],
    );
    return rows[0] ? steps.fromRow(rows[0]) : null;
  },

  /** Completes an attempt; false when the attempt no longer holds the step (it was taken over: a zombie's late write). */
  async completeStep(db: Queryable, runId: string, name: string, token: string, status: 'SUCCEEDED' | 'SKIPPED', result: Record<string, unknown>, now: string): Promise<boolean> {
    const rows = await db.query(
      `UPDATE saga_steps SET status = $4, result = $5, finished_at = $6, last_error = NULL WHERE run_id = $1 AND name = $2 AND lease_token = $3 AND status = 'RUNNING' RETURNING name`,
      [runId, name, token, status, JSON.stringify(result), now],
    );
    return rows.length === 1;
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

  async link(db: Queryable, rows: readonly RunLink[]): Promise<void> {
    for (const r of rows) {
      await db.query(`INSERT INTO run_links (run_id, entity_type, entity_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [r.runId, r.entityType, r.entityId]);
    }
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
