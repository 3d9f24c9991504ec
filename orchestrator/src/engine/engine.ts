import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { Database, Queryable, Transaction } from '../../../platform/db/database.js';
import { atCommit, outboxSignal, outboxStatements } from '../../../platform/db/unit-of-work.js';
import { DomainError, ErrorCode } from '../../../platform/domain/errors.js';
import { newId } from '../../../platform/domain/ids.js';
import type { DomainEvent } from '../../../platform/events/event.js';
import type { Logger } from '../../../platform/server/logger.js';
import type { SubgraphClient } from '../clients/subgraph-client.js';
import { DEFAULT_MAX_ATTEMPTS, StepFailure } from '../domain/failure.js';
import type { SagaDefinition, StepContext, StepDefinition } from '../domain/saga.js';
import type { ExceptionRecord, RunRecord, RunStatus } from '../domain/types.js';
import { runStore } from '../repository/store.js';
import { JobPool, type JobCompletion } from './job-pool.js';
import { QUEUES, jobsAtCommit } from './jobs.js';

/** A job of the step queue: run (or undo) one step of one generation of a run. */
interface StepJob {
  runId: string;
  step: string;
  generation: number;
  mode: 'forward' | 'compensate';
}

/** A run to start, with its business identity (see {@link SagaEngine.startRun}). */
export interface RunSpec {
  sagaType: string;
  /** At most one run per natural key. */
  naturalKey: string;
  subject: { typename: string; id: string };
  context: Record<string, unknown>;
  /** When the business event behind the run happened (default now). */
  triggeredAt?: string;
}

/**
 * Values a step may return besides its context values: the records it created (for `run_links`), and runs to start
 * in the same transaction that records the step (a fan-out, for example one billing run per schedule of a cycle).
 */
export interface StepLinks {
  links?: Array<{ entityType: string; entityId: string }>;
  spawn?: RunSpec[];
}

/**
 * What happens to an event type besides starting sagas (for example a margin check); resolves true when it queued work
 * for a worker to wake for.
 */
export type Reaction = (tx: Transaction, event: DomainEvent, boss: PgBoss) => Promise<boolean | void>;

/**
 * Saga steps a process runs at once unless configured. Steps spend most of their time waiting on a system of record,
 * so more than the cores: on 2 cores, 8 finished the benchmark's billing cycle faster than 4 in every paired run.
 */
export const DEFAULT_STEP_CONCURRENCY = 8;

/** Options of the engine. */
export interface EngineOptions {
  /** Concurrent step workers in this process (default {@link DEFAULT_STEP_CONCURRENCY}). */
  concurrency?: number;
  pollingIntervalSeconds?: number;
}

const ACTOR = 'system:orchestrator';

function toFailure(error: unknown): StepFailure {
  if (error instanceof StepFailure) return error;
  if (error instanceof DomainError) return new StepFailure(error.message, error.code, false, { ...error.details });
  return new StepFailure((error as Error)?.message ?? String(error), 'INTERNAL_SERVER_ERROR', true);
}

/**
 * The saga engine: starts runs from events (once per natural key, whatever the redeliveries), executes their steps as
 * durable pg-boss jobs with retries (exponential backoff with jitter), records every outcome in the same transaction
 * that enqueues what follows, turns a step that fails for good into an exception and compensates the steps before it,
 * and replays or cancels on an operator's request. A worker that wakes after its lease (a zombie) cannot record a late
 * result: completions require the attempt's lease token.
 */
export class SagaEngine {
  private readonly byType = new Map<string, SagaDefinition>();
  private readonly reactions = new Map<string, Array<{ reaction: Reaction; afterCommit?: () => void }>>();
  private pool: JobPool<StepJob> | undefined;

  constructor(
    private readonly db: Database,
    private readonly boss: PgBoss,
    sagas: readonly SagaDefinition[],
    private readonly client: SubgraphClient,
    private readonly logger: Logger,
    private readonly options: EngineOptions = {},
  ) {
    for (const s of sagas) this.byType.set(s.type, s);
  }

  /**
   * Registers a reaction to an event type: it runs in the intake transaction (usually enqueuing a job), and when it
   * reports queued work, `afterCommit` runs once that transaction has committed (usually waking the job's worker).
   */
  react(eventType: string, reaction: Reaction, afterCommit?: () => void): void {
    this.reactions.set(eventType, [...(this.reactions.get(eventType) ?? []), { reaction, afterCommit }]);
  }

  /** The saga definitions (for the API). */
  definition(type: string): SagaDefinition | undefined {
    return this.byType.get(type);
  }

  async start(): Promise<void> {
    if (this.pool) return;
    this.pool = new JobPool<StepJob>(this.boss, QUEUES.step, {
      concurrency: this.options.concurrency ?? DEFAULT_STEP_CONCURRENCY,
      pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 0.5,
      onError: (error, job) => this.logger.warn({ err: error, jobId: job.id }, 'step job state not recorded; its lease will expire and it is redelivered'),
    }, (job, completion) => this.onJob(job.data, job.retryCount, completion));
    this.pool.start();
  }

  /** Stops taking steps and waits for those under way. */
  async stop(): Promise<void> {
    await this.pool?.stop();
    this.pool = undefined;
  }

  /** Wakes idle workers after jobs were enqueued (skips the poll interval). */
  wake(): void {
    this.pool?.wake();
  }

  // ——— intake ———

  /**
   * Consumes one event, exactly once in effect: the inbox drops redeliveries, a version older than one already seen
   * for the same entity is dropped as stale, and a saga's natural key allows one run however often it is triggered.
   */
  async handleEvent(event: DomainEvent): Promise<void> {
    // Most events on the bus start nothing here (run status changes, postings…): they are not taken in at all, so
    // they cost no transaction and their versions do not make a later trigger about the same entity look stale.
    if (!this.consumes(event.type)) return;
    let started = false;
    const reacted: Array<() => void> = [];
    await this.db.transaction(async (tx) => {
      const fresh = await tx.query(
        `INSERT INTO inbox (event_id, type, source, correlation_id, received_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING RETURNING event_id`,
        [event.eventId, event.type, event.source, event.correlationId],
      );
      if (fresh.length === 0) return;
      if (event.entityVersion !== null && event.entityVersion !== undefined) {
        const current = await tx.query<{ version: number }>(
          `INSERT INTO entity_versions (entity_type, entity_id, version) VALUES ($1, $2, $3)
           ON CONFLICT (entity_type, entity_id) DO UPDATE SET version = EXCLUDED.version WHERE entity_versions.version < EXCLUDED.version
           RETURNING version`,
          [event.entity.typename, event.entity.id, event.entityVersion],
        );
        if (current.length === 0) {
          this.logger.info({ eventId: event.eventId, type: event.type, version: event.entityVersion }, 'stale event dropped');
          return;
        }
      }
      // The runs it starts and the reactions it sets off are independent: their statements are sent together and run
      // in this order, one round trip's wait for all of them.
      const starts: Array<Promise<unknown>> = [];
      for (const saga of this.byType.values()) {
        const trigger = saga.trigger;
        if (!trigger || trigger.eventType !== event.type || (trigger.accepts && !trigger.accepts(event))) continue;
        starts.push(this.startFromEvent(tx, saga, trigger, event).then((created) => void (started ||= created)));
      }
      for (const { reaction, afterCommit } of this.reactions.get(event.type) ?? []) {
        starts.push(reaction(tx, event, this.boss).then((asked) => void (asked && afterCommit && reacted.push(afterCommit))));
      }
      await Promise.all(starts);
    });
    if (started) this.afterCommit();
    for (const afterCommit of reacted) afterCommit();
  }

  /** True when some saga starts from, or some reaction listens to, events of this type. */
  private consumes(eventType: string): boolean {
    if (this.reactions.has(eventType)) return true;
    for (const saga of this.byType.values()) if (saga.trigger?.eventType === eventType) return true;
    return false;
  }

  private async startFromEvent(tx: Transaction, saga: SagaDefinition, trigger: NonNullable<SagaDefinition['trigger']>, event: DomainEvent): Promise<boolean> {
    return this.createRun(tx, saga, {
      sagaType: saga.type,
      naturalKey: trigger.naturalKey(event),
      subject: trigger.subject(event),
      context: trigger.initialContext(event),
      triggeredAt: trigger.triggeredAt(event),
    }, event.correlationId, event.eventId);
  }

  /**
   * Starts a run on request (not from an event), in the caller's flow. Returns false when a run with the natural key
   * exists already (the request was made before).
   */
  async startRun(spec: RunSpec, correlationId: string, causationId: string | null = null): Promise<boolean> {
    const saga = this.byType.get(spec.sagaType);
    if (!saga) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Unknown saga ${spec.sagaType}`, { field: 'sagaType' });
    const created = await this.db.transaction((tx) => this.createRun(tx, saga, spec, correlationId, causationId));
    if (created) this.afterCommit();
    return created;
  }

  /** Creates a run with its steps and enqueues its first step, unless its natural key has a run already. */
  private async createRun(tx: Transaction, saga: SagaDefinition, spec: RunSpec, correlationId: string, causationId: string | null): Promise<boolean> {
    const now = new Date().toISOString();
    // The run joins the flow of what started it: its correlation id is the event's (or the request's).
    const run: RunRecord = {
      id: newId('run'),
      correlationId,
      sagaType: saga.type,
      naturalKey: spec.naturalKey,
      status: 'RUNNING',
      generation: 1,
      context: spec.context,
      subjectType: spec.subject.typename,
      subjectId: spec.subject.id,
      triggerEventId: causationId,
      triggeredAt: spec.triggeredAt ?? now,
      startedAt: now,
      updatedAt: now,
      completedAt: null,
      version: 1,
    };
    if (!(await runStore.create(tx, run, saga.steps.map((s) => s.name)))) return false;
    runStore.link(tx, [{ runId: run.id, entityType: spec.subject.typename, entityId: spec.subject.id }]);
    await this.enqueue(tx, saga, { runId: run.id, step: (saga.steps[0] as StepDefinition).name, generation: 1, mode: 'forward' });
    this.statusEvent(tx, run, null);
    return true;
  }

  // ——— execution ———

  /** Runs one step job; the job completes with the transaction that records the step's outcome, if one does. */
  private async onJob(job: StepJob, deliveries: number, completion: JobCompletion): Promise<void> {
    if (job.mode === 'compensate') return this.compensate(job, deliveries);
    const token = randomUUID();
    // A job of another generation, of a run no longer RUNNING, or of a step already done claims nothing.
    const claimed = await runStore.claimStep(this.db, job.runId, job.step, job.generation, token, new Date().toISOString());
    if (!claimed) return;
    const run = claimed.run;
    const saga = this.byType.get(run.sagaType);
    const step = saga?.steps.find((s) => s.name === job.step);
    // A step this process does not define (a newer version started the run, mid-deployment): the job goes back to the
    // queue, with backoff, for a process that does.
    if (!saga || !step) throw new Error(`saga ${run.sagaType} has no step ${job.step} in this process`);
    const ctx = this.context(run, step.name);
    if (step.applies && !step.applies(ctx.values)) {
      await this.advance(run, saga, step, token, 'SKIPPED', {}, completion);
      return;
    }
    let result: Record<string, unknown> & StepLinks;
    try {
      result = await step.run(ctx);
    } catch (error) {
      const failure = toFailure(error);
      const max = step.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      this.logger.warn({ correlationId: run.correlationId, step: step.name, attempt: claimed.attempts, code: failure.code, err: failure.message }, 'saga step failed');
      if (failure.retryable && claimed.attempts < max) {
        await runStore.recordError(this.db, run.id, step.name, token, `${failure.code}: ${failure.message}`);
        throw failure; // pg-boss redelivers with exponential backoff and jitter
      }
      await this.failForGood(run, saga, step, token, failure, claimed.attempts, completion);
      return;
    }
    await this.advance(run, saga, step, token, 'SUCCEEDED', result, completion);
  }

  /** Records a step's success and enqueues the next one (or completes the run), in one transaction. */
  private async advance(
    run: RunRecord, saga: SagaDefinition, step: StepDefinition, token: string, status: 'SUCCEEDED' | 'SKIPPED', result: Record<string, unknown> & StepLinks, completion: JobCompletion,
  ): Promise<void> {
    const { links, spawn, ...values } = result;
    const next = saga.steps[saga.steps.findIndex((s) => s.name === step.name) + 1];
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      const updated = await runStore.completeStep(tx, run.id, step.name, token, status, values, { status: next ? 'RUNNING' : 'COMPLETED', completedAt: next ? null : now }, now);
      if (!updated) {
        this.logger.warn({ runId: run.id, correlationId: run.correlationId, step: step.name }, 'late completion of a step taken over by another attempt: rejected');
        return;
      }
      // Only the attempt holding the step's lease completes the job: a late one must not complete its redelivery.
      await completion.inCommit(tx);
      if (links?.length) runStore.link(tx, links.map((l) => ({ runId: run.id, ...l })));
      for (const child of spawn ?? []) {
        const childSaga = this.byType.get(child.sagaType);
        if (!childSaga) throw new Error(`step ${step.name} of ${saga.type} spawned an unknown saga ${child.sagaType}`);
        await this.createRun(tx, childSaga, child, run.correlationId, run.triggerEventId);
      }
      if (next) await this.enqueue(tx, saga, { runId: run.id, step: next.name, generation: run.generation, mode: 'forward' });
      else this.statusEvent(tx, updated, step.name);
    });
    this.afterCommit();
  }

  /** A step that failed for good: an exception for a person, and compensation of the steps that succeeded before it. */
  private async failForGood(run: RunRecord, saga: SagaDefinition, step: StepDefinition, token: string, failure: StepFailure, attempts: number, completion: JobCompletion): Promise<void> {
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      if (!(await runStore.failStep(tx, run.id, step.name, token, `${failure.code}: ${failure.message}`, now))) return;
      await completion.inCommit(tx);
      const current = (await runStore.run(tx, run.id, true)) as RunRecord;
      const exception: ExceptionRecord = {
        id: newId('exc'), runId: run.id, correlationId: run.correlationId, sagaType: run.sagaType, step: step.name, code: failure.code, cause: failure.message,
        payload: { context: current.context, details: failure.details }, attempts, status: 'OPEN', createdAt: now, resolvedAt: null, resolvedBy: null, resolution: null,
      };
      await runStore.insertException(tx, exception);
      const undo = await this.lastCompensable(tx, saga, current.id, saga.steps.findIndex((s) => s.name === step.name));
      const updated: RunRecord = { ...current, status: undo ? 'COMPENSATING' : 'FAILED', updatedAt: now, version: current.version + 1 };
      await runStore.saveRun(tx, updated, current.version);
      if (undo) await this.enqueue(tx, saga, { runId: run.id, step: undo.name, generation: run.generation, mode: 'compensate' });
      this.statusEvent(tx, updated, step.name);
    });
    this.afterCommit();
  }

  /** The last succeeded step before `before` that has a compensation. */
  private async lastCompensable(db: Queryable, saga: SagaDefinition, runId: string, before: number): Promise<StepDefinition | undefined> {
    const states = new Map((await runStore.steps(db, [runId])).map((s) => [s.name, s.status]));
    return saga.steps.slice(0, Math.max(0, before)).reverse().find((s) => s.compensate && states.get(s.name) === 'SUCCEEDED');
  }

  private async compensate(job: StepJob, deliveries: number): Promise<void> {
    const run = await runStore.run(this.db, job.runId);
    if (!run || run.generation !== job.generation || run.status !== 'COMPENSATING') return;
    const saga = this.byType.get(run.sagaType);
    const step = saga?.steps.find((s) => s.name === job.step);
    if (!saga || !step?.compensate) return;
    try {
      await step.compensate(this.context(run, step.name, 'undo'));
    } catch (error) {
      const failure = toFailure(error);
      if (failure.retryable && deliveries < DEFAULT_MAX_ATTEMPTS) throw failure;
      await this.db.transaction(async (tx) => {
        const current = (await runStore.run(tx, run.id, true)) as RunRecord;
        if (current.status !== 'COMPENSATING') return;
        const now = new Date().toISOString();
        await runStore.insertException(tx, {
          id: newId('exc'), runId: run.id, correlationId: run.correlationId, sagaType: run.sagaType, step: `${step.name} (compensation)`, code: failure.code, cause: failure.message,
          payload: { context: current.context }, attempts: deliveries + 1, status: 'OPEN', createdAt: now, resolvedAt: null, resolvedBy: null, resolution: null,
        });
        const updated: RunRecord = { ...current, status: 'FAILED', updatedAt: now, version: current.version + 1 };
        await runStore.saveRun(tx, updated, current.version);
        this.statusEvent(tx, updated, step.name);
      });
      return;
    }
    await this.db.transaction(async (tx) => {
      const now = new Date().toISOString();
      if (!(await runStore.markCompensated(tx, run.id, step.name, now))) return;
      const current = (await runStore.run(tx, run.id, true)) as RunRecord;
      const previous = await this.lastCompensable(tx, saga, run.id, saga.steps.findIndex((s) => s.name === step.name));
      if (previous) {
        await this.enqueue(tx, saga, { runId: run.id, step: previous.name, generation: run.generation, mode: 'compensate' });
        return;
      }
      const updated: RunRecord = { ...current, status: 'COMPENSATED', updatedAt: now, version: current.version + 1 };
      await runStore.saveRun(tx, updated, current.version);
      this.statusEvent(tx, updated, step.name);
    });
    this.afterCommit();
  }

  // ——— operators ———

  /**
   * Replays the run of an open exception once its cause is fixed: a new generation (fresh idempotency keys, since
   * compensated records stay as they are) runs again from the first step that is not done.
   */
  async replay(exceptionId: string, actor: string): Promise<ExceptionRecord> {
    const result = await this.db.transaction(async (tx) => {
      const exception = await runStore.exception(tx, exceptionId, true);
      if (!exception) throw new DomainError(ErrorCode.NOT_FOUND, `Exception ${exceptionId} not found`, { id: exceptionId });
      if (exception.status !== 'OPEN') throw new DomainError(ErrorCode.INVALID_TRANSITION, `Exception ${exceptionId} is ${exception.status}; only OPEN exceptions can be replayed`, { from: exception.status });
      const run = (await runStore.run(tx, exception.runId, true)) as RunRecord;
      if (run.status !== 'FAILED' && run.status !== 'COMPENSATED') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Run ${run.correlationId} is ${run.status}; wait for its compensation to finish`, { from: run.status });
      }
      const saga = this.byType.get(run.sagaType) as SagaDefinition;
      const now = new Date().toISOString();
      const resolved: ExceptionRecord = { ...exception, status: 'REPLAYED', resolvedAt: now, resolvedBy: actor, resolution: 'replayed' };
      await runStore.saveException(tx, resolved);
      // Steps whose effect stands are not redone: the run resumes at the first step that is not done (the failed one
      // when nothing was undone; the first when everything was compensated).
      const states = new Map((await runStore.steps(tx, [run.id])).map((s) => [s.name, s.status]));
      const resumeAt = Math.max(0, saga.steps.findIndex((s) => states.get(s.name) !== 'SUCCEEDED' && states.get(s.name) !== 'SKIPPED'));
      const redo = saga.steps.slice(resumeAt);
      await runStore.resetSteps(tx, run.id, redo.map((s) => s.name));
      const restarted: RunRecord = { ...run, status: 'RUNNING', generation: run.generation + 1, completedAt: null, updatedAt: now, version: run.version + 1 };
      await runStore.saveRun(tx, restarted, run.version);
      await this.enqueue(tx, saga, { runId: run.id, step: (redo[0] as StepDefinition).name, generation: restarted.generation, mode: 'forward' });
      this.statusEvent(tx, restarted, null);
      return resolved;
    });
    this.afterCommit();
    return result;
  }

  /** Cancels an open exception: the run stays compensated (or failed) for good. */
  async cancel(exceptionId: string, actor: string, reason: string): Promise<ExceptionRecord> {
    return this.db.transaction(async (tx) => {
      const exception = await runStore.exception(tx, exceptionId, true);
      if (!exception) throw new DomainError(ErrorCode.NOT_FOUND, `Exception ${exceptionId} not found`, { id: exceptionId });
      if (exception.status !== 'OPEN') throw new DomainError(ErrorCode.INVALID_TRANSITION, `Exception ${exceptionId} is ${exception.status}; only OPEN exceptions can be cancelled`, { from: exception.status });
      const run = (await runStore.run(tx, exception.runId, true)) as RunRecord;
      // Like a replay, a cancel waits for the compensation: cancelling mid-way would leave the run COMPENSATED with
      // nothing left to act on.
      if (run.status !== 'FAILED' && run.status !== 'COMPENSATED') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Run ${run.correlationId} is ${run.status}; wait for its compensation to finish`, { from: run.status });
      }
      const now = new Date().toISOString();
      const resolved: ExceptionRecord = { ...exception, status: 'CANCELLED', resolvedAt: now, resolvedBy: actor, resolution: reason };
      await runStore.saveException(tx, resolved);
      const cancelled: RunRecord = { ...run, status: 'CANCELLED', updatedAt: now, version: run.version + 1 };
      await runStore.saveRun(tx, cancelled, run.version);
      this.statusEvent(tx, cancelled, null);
      return resolved;
    });
  }

  // ——— helpers ———

  private context(run: RunRecord, step: string, suffix?: string): StepContext {
    return {
      run,
      values: { ...run.context },
      key: (extra) => [run.naturalKey, step, `g${run.generation}`, suffix, extra].filter(Boolean).join(':'),
      client: this.client,
    };
  }

  /** Queues a step job with its commit; a saga's priority puts its steps ahead of lower-priority flows' queued steps. */
  private async enqueue(tx: Transaction, saga: SagaDefinition, job: StepJob): Promise<void> {
    await this.boss.send(QUEUES.step, job, { db: jobsAtCommit(tx), priority: saga.priority ?? 0 } as PgBoss.SendOptions);
  }

  /** `OrchestrationRunUpdated` in the process layer's own outbox (subscribers watch flows live), written with the commit. */
  private statusEvent(tx: Transaction, run: RunRecord, step: string | null): void {
    atCommit(tx, outboxStatements([{
      type: 'OrchestrationRunUpdated', entityType: 'OrchestrationRun', entityId: run.id, entityVersion: run.version,
      payload: { runId: run.id, correlationId: run.correlationId, sagaType: run.sagaType, status: run.status as RunStatus, step, generation: run.generation, subject: { typename: run.subjectType, id: run.subjectId } },
    }], { at: new Date().toISOString(), correlationId: run.correlationId, causationId: run.triggerEventId, actor: ACTOR }));
  }

  private afterCommit(): void {
    this.wake();
    if (this.db.name) outboxSignal.emit('written', this.db.name);
  }
}
