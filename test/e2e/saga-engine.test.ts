/**
 * The saga engine on its real job queue (pg-boss over the orchestration database: PGlite by default, PostgreSQL with
 * TEST_DB_ENGINE=postgres), driven by small test sagas instead of the product's: `SagaEngine` takes its definitions
 * in its constructor, so the test builds it the way `createOrchestrator` does with its own list. The steps call an
 * in-memory "system of record" that honours idempotency keys the way the real ones do (a key it has seen returns the
 * first call's record), so "the effect happened once" can be checked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type PgBoss from 'pg-boss';
import pino from 'pino';
import type { Database } from '../../platform/db/database.js';
import { outboxSignal } from '../../platform/db/unit-of-work.js';
import { DomainError, ErrorCode } from '../../platform/domain/errors.js';
import type { DomainEvent } from '../../platform/events/event.js';
import type { SubgraphClient } from '../../orchestrator/src/clients/subgraph-client.js';
import { StepFailure } from '../../orchestrator/src/domain/failure.js';
import type { SagaDefinition, StepContext } from '../../orchestrator/src/domain/saga.js';
import type { ExceptionRecord, RunRecord, StepRecord } from '../../orchestrator/src/domain/types.js';
import { SagaEngine } from '../../orchestrator/src/engine/engine.js';
import { startJobQueue } from '../../orchestrator/src/engine/jobs.js';
import { orchestrationMigrations } from '../../orchestrator/src/index.js';
import { runStore } from '../../orchestrator/src/repository/store.js';
import { runs } from '../../orchestrator/src/repository/tables.js';
import { dropTestDatabases, openTestDatabase, TEST_DB_ENGINE } from '../support/db.js';
import { TERMINAL } from '../support/flows.js';
import { gate, openAllGates, waitFor } from '../support/wait.js';

/** Seconds a step attempt may run before pg-boss gives up on it and redelivers the job (STEP_LEASE_SECONDS). */
const LEASE_SECONDS = 2;

// ——— the test's system of record ———

interface Call {
  naturalKey: string;
  step: string;
  key: string;
  generation: number;
  at: number;
}

/** Every time a step handler was entered. */
const calls: Call[] = [];
/** Effects in the system of record, by idempotency key: a repeated key returns the first record. */
const records = new Map<string, { id: string; by: string }>();
/** Compensations performed, in order. */
const undone: Array<{ naturalKey: string; step: string; key: string }> = [];

/** Records a call and returns its 1-based number for this run and step. */
function enter(ctx: StepContext, step: string): number {
  calls.push({ naturalKey: ctx.run.naturalKey, step, key: ctx.key(), generation: ctx.run.generation, at: Date.now() });
  return callsOf(ctx.run.naturalKey, step).length;
}

/** The effect of a step: created once per idempotency key, whoever calls. */
function effect(ctx: StepContext, by: string): { id: string; by: string } {
  const key = ctx.key();
  let record = records.get(key);
  if (!record) {
    record = { id: `rec_${records.size + 1}`, by };
    records.set(key, record);
  }
  return record;
}

const callsOf = (naturalKey: string, step?: string): Call[] => calls.filter((c) => c.naturalKey === naturalKey && (step === undefined || c.step === step));
const recordsOf = (naturalKey: string): string[] => [...records.keys()].filter((k) => k.startsWith(`${naturalKey}:`)).sort();

/** What a test wants of a run, by natural key. */
interface Knobs {
  /** Retryable failures before the step succeeds. */
  failures?: number;
  /** The cause of a refusal has been fixed (the step succeeds from now on). */
  fixed?: boolean;
  /** Holds the first attempt of the zombie step (a paused worker). */
  hold?: Promise<void>;
  /** What the zombie attempt does once it wakes. */
  late?: 'success' | 'refusal';
  /** Set when the zombie attempt has returned. */
  zombieDone?: boolean;
  /** Holds the compensation of `project`. */
  holdCompensation?: Promise<void>;
  compensating?: () => void;
}
const knobs = new Map<string, Knobs>();
const knob = (ctx: StepContext): Knobs => knobs.get(ctx.run.naturalKey) ?? {};

const simple = (name: string) => ({
  name,
  run: async (ctx: StepContext) => {
    enter(ctx, name);
    return { [`${name}Id`]: effect(ctx, name).id };
  },
});

const compensable = (name: string) => ({
  ...simple(name),
  compensate: async (ctx: StepContext) => {
    if (name === 'project' && knob(ctx).holdCompensation) {
      knob(ctx).compensating?.();
      await knob(ctx).holdCompensation;
    }
    undone.push({ naturalKey: ctx.run.naturalKey, step: name, key: ctx.key() });
  },
});

const SAGAS: SagaDefinition[] = [
  {
    type: 'TEST_RETRY',
    steps: [
      {
        name: 'reserve',
        run: async (ctx) => {
          const n = enter(ctx, 'reserve');
          if (n <= (knob(ctx).failures ?? 0)) throw new StepFailure('billing is unavailable', 'SUBGRAPH_UNAVAILABLE', true, { subgraph: 'billing' });
          return { reservationId: effect(ctx, 'reserve').id };
        },
      },
      simple('confirm'),
    ],
  },
  {
    type: 'TEST_EXHAUST',
    steps: [
      {
        name: 'charge',
        maxAttempts: 2,
        run: async (ctx) => {
          enter(ctx, 'charge');
          if (!knob(ctx).fixed) throw new StepFailure('finance timed out', 'SUBGRAPH_TIMEOUT', true, { subgraph: 'finance' });
          return { chargeId: effect(ctx, 'charge').id };
        },
      },
      simple('receipt'),
    ],
  },
  {
    // Shaped like WIN_OPPORTUNITY: a first step with no compensation, compensable steps, a step that does not apply,
    // a step a system of record refuses, and a last step.
    type: 'TEST_REFUSAL',
    steps: [
      simple('customer'),
      compensable('project'),
      compensable('billing'),
      {
        name: 'optional',
        applies: () => false,
        run: async (ctx) => {
          enter(ctx, 'optional');
          return {};
        },
      },
      {
        name: 'revenue',
        run: async (ctx) => {
          enter(ctx, 'revenue');
          if (!knob(ctx).fixed) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'No EUR rate card to copy', { field: 'currency' });
          return { revenueId: effect(ctx, 'revenue').id };
        },
      },
      simple('activate'),
    ],
  },
  {
    type: 'TEST_ZOMBIE',
    steps: [
      {
        name: 'provision',
        run: async (ctx) => {
          const k = knob(ctx);
          const n = enter(ctx, 'provision');
          if (n === 1) {
            // A worker paused past its lease (GC pause, frozen VM, slow network): pg-boss gives the job to another
            // attempt; this one wakes up later and finishes as if nothing happened.
            await k.hold;
            try {
              if (k.late === 'refusal') throw new DomainError(ErrorCode.INVALID_TRANSITION, 'late refusal of a zombie attempt');
              return { provisionedId: effect(ctx, 'zombie').id, by: 'zombie' };
            } finally {
              k.zombieDone = true;
            }
          }
          return { provisionedId: effect(ctx, `attempt ${n}`).id, by: 'winner' };
        },
      },
      simple('notify'),
    ],
  },
  {
    // Keeps a worker busy until the test lets it go.
    type: 'TEST_BUSY',
    steps: [
      {
        name: 'busy',
        run: async (ctx) => {
          enter(ctx, 'busy');
          await knob(ctx).hold;
          return {};
        },
      },
    ],
  },
  { type: 'TEST_ROUTINE', steps: [simple('routine')] },
  { type: 'TEST_URGENT', priority: 1, steps: [simple('urgent')] },
  {
    type: 'TEST_TRIGGERED',
    trigger: {
      eventType: 'WidgetApproved',
      naturalKey: (e) => `widget:${e.entity.id}`,
      subject: (e) => ({ typename: 'Widget', id: e.entity.id }),
      initialContext: (e) => ({ ...e.payload, approvedVersion: e.entityVersion }),
      triggeredAt: (e) => e.occurredAt,
    },
    steps: [simple('book')],
  },
];

// ——— the engine ———

let db: Database;
let boss: PgBoss;
let engine: SagaEngine;
const logs: Array<{ msg: string; [k: string]: unknown }> = [];

before(async () => {
  db = await openTestDatabase('orchestration', orchestrationMigrations());
  boss = await startJobQueue(db, { expireInSeconds: LEASE_SECONDS, maintenanceIntervalSeconds: 1 });
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  // The test sagas never call a subgraph.
  const noClient = {} as unknown as SubgraphClient;
  engine = new SagaEngine(db, boss, SAGAS, noClient, logger, { concurrency: 2, pollingIntervalSeconds: 0.5 });
  await engine.start();
});

after(async () => {
  openAllGates();
  await engine?.stop();
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  await db?.close();
  await dropTestDatabases();
});

// ——— reading the engine's state ———

async function runOf(naturalKey: string): Promise<RunRecord> {
  const found = await runs.findWhere(db, 'natural_key = $1', [naturalKey]);
  assert.equal(found.length, 1, `one run for ${naturalKey}`);
  return found[0] as RunRecord;
}

async function settled(naturalKey: string, want: string, timeoutMs = 30_000): Promise<RunRecord> {
  const run = await waitFor(async () => {
    const [r] = await runs.findWhere(db, 'natural_key = $1', [naturalKey]);
    return r && TERMINAL.has(r.status) ? r : null;
  }, timeoutMs, `run ${naturalKey} to settle`);
  assert.equal(run.status, want, `run ${naturalKey}: ${JSON.stringify({ run, steps: await runStore.steps(db, [run.id]) }, null, 1)}`);
  return run;
}

async function stepsOf(runId: string): Promise<Record<string, StepRecord>> {
  return Object.fromEntries((await runStore.steps(db, [runId])).map((s) => [s.name, s]));
}

const statuses = (steps: Record<string, StepRecord>) => Object.fromEntries(Object.entries(steps).map(([n, s]) => [n, s.status]));

/** The run's `OrchestrationRunUpdated` events in its outbox, in order. */
async function statusEvents(runId: string): Promise<string[]> {
  const rows = await db.query<{ payload: { status: string } }>(`SELECT payload FROM outbox WHERE type = 'OrchestrationRunUpdated' AND entity_id = $1 ORDER BY seq`, [runId]);
  return rows.map((r) => r.payload.status);
}

/** The step jobs ever enqueued for a run (live and archived). */
async function jobsOf(runId: string): Promise<string[]> {
  const rows = await db.query<{ step: string; mode: string }>(
    `SELECT data->>'step' AS step, data->>'mode' AS mode FROM pgboss.job WHERE data->>'runId' = $1
     UNION ALL SELECT data->>'step', data->>'mode' FROM pgboss.archive WHERE data->>'runId' = $1`,
    [runId],
  );
  return rows.map((r) => `${r.mode}:${r.step}`).sort();
}

const isCode = (code: string) => (error: unknown) => error instanceof DomainError && error.code === code;

async function start(sagaType: string, naturalKey: string, context: Record<string, unknown> = {}): Promise<void> {
  const created = await engine.startRun({ sagaType, naturalKey, subject: { typename: 'Widget', id: naturalKey }, context }, `cor_${naturalKey}`);
  assert.equal(created, true);
}

/**
 * Starts a TEST_REFUSAL run whose compensation is held, waits until it compensates and returns the run with its open
 * exception; `release` lets the compensation finish.
 */
async function startHeldInCompensation(naturalKey: string, currency: string): Promise<{ run: RunRecord; exception: ExceptionRecord; release: () => void }> {
  const compensation = gate();
  let compensating = false;
  knobs.set(naturalKey, { holdCompensation: compensation.wait, compensating: () => void (compensating = true) });
  await start('TEST_REFUSAL', naturalKey, { currency });
  await waitFor(async () => compensating, 20_000, 'the compensation to start');
  const run = await runOf(naturalKey);
  assert.equal(run.status, 'COMPENSATING');
  const [exception] = await runStore.exceptionsOf(db, [run.id]);
  assert.ok(exception);
  return { run, exception, release: compensation.open };
}

/** Resolves on the next outbox signal of the engine's database that comes once `ready()` holds. */
function nextSignalAfter(ready: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const on = (name: string) => {
      if (name !== db.name || !ready()) return;
      outboxSignal.off('written', on);
      resolve();
    };
    outboxSignal.on('written', on);
  });
}

describe(`saga engine on pg-boss (${TEST_DB_ENGINE})`, () => {
  test('a step failing with a retryable error is retried with backoff and then succeeds; its attempts and last error are recorded', async () => {
    const key = 'retry:1';
    knobs.set(key, { failures: 2 });
    await start('TEST_RETRY', key, { widgetId: 'w1' });

    // Between the attempts the step shows the failure it is retrying.
    const retrying = await waitFor(async () => {
      const [r] = await runs.findWhere(db, 'natural_key = $1', [key]);
      const s = r ? (await stepsOf(r.id)).reserve : undefined;
      return s && s.attempts === 1 && s.lastError ? s : null;
    }, 20_000, 'the first failure to be recorded', 20);
    assert.equal(retrying.status, 'RUNNING');
    assert.equal(retrying.lastError, 'SUBGRAPH_UNAVAILABLE: billing is unavailable');

    const run = await settled(key, 'COMPLETED');
    const steps = await stepsOf(run.id);
    assert.deepEqual(statuses(steps), { reserve: 'SUCCEEDED', confirm: 'SUCCEEDED' });
    assert.equal(steps.reserve?.attempts, 3, 'two failures and the success');
    assert.equal(steps.reserve?.lastError, null, 'the success clears the error');
    assert.equal(steps.confirm?.attempts, 1);
    const reserveCalls = callsOf(key, 'reserve');
    assert.equal(reserveCalls.length, 3);
    assert.ok(reserveCalls.every((c) => c.key === `${key}:reserve:g1`), 'every attempt uses the same idempotency key');
    assert.deepEqual(recordsOf(key), [`${key}:confirm:g1`, `${key}:reserve:g1`], 'each effect once');
    // pg-boss's backoff (retryDelay 1 s, exponential, jittered in the upper half): 1–2 s, then 2–4 s.
    const [a, b, c] = reserveCalls.map((x) => x.at) as [number, number, number];
    assert.ok(b - a >= 950, `first retry after ${b - a} ms`);
    assert.ok(c - b >= 1_950, `second retry after ${c - b} ms`);
    assert.equal(run.context.reservationId, records.get(`${key}:reserve:g1`)?.id);
    assert.deepEqual(await runStore.exceptionsOf(db, [run.id]), [], 'a retried step raises no exception');
    assert.deepEqual(await statusEvents(run.id), ['RUNNING', 'COMPLETED']);
  });

  test('a retryable failure that outlasts maxAttempts fails the run (nothing to compensate) with an exception; replay completes it', async () => {
    const key = 'exhaust:1';
    knobs.set(key, {});
    await start('TEST_EXHAUST', key);
    const run = await settled(key, 'FAILED');
    const steps = await stepsOf(run.id);
    assert.deepEqual(statuses(steps), { charge: 'FAILED', receipt: 'PENDING' });
    assert.equal(steps.charge?.attempts, 2, 'maxAttempts of the step');
    assert.equal(callsOf(key, 'charge').length, 2);
    const [exception] = await runStore.exceptionsOf(db, [run.id]);
    assert.ok(exception);
    assert.deepEqual(
      { step: exception.step, code: exception.code, cause: exception.cause, attempts: exception.attempts, status: exception.status, details: exception.payload.details },
      { step: 'charge', code: 'SUBGRAPH_TIMEOUT', cause: 'finance timed out', attempts: 2, status: 'OPEN', details: { subgraph: 'finance' } },
    );

    knobs.set(key, { fixed: true });
    await engine.replay(exception.id, 'usr_ops');
    const done = await settled(key, 'COMPLETED');
    assert.equal(done.generation, 2);
    assert.deepEqual(statuses(await stepsOf(run.id)), { charge: 'SUCCEEDED', receipt: 'SUCCEEDED' });
    assert.deepEqual(callsOf(key, 'charge').map((c) => c.key), [`${key}:charge:g1`, `${key}:charge:g1`, `${key}:charge:g2`]);
    assert.deepEqual(await statusEvents(run.id), ['RUNNING', 'FAILED', 'RUNNING', 'COMPLETED']);
  });

  test('a business refusal fails the run at once, compensates the earlier steps in reverse order, records an exception; replay after the fix completes the run', async () => {
    const key = 'refusal:1';
    // While compensating, the exception exists but cannot be replayed yet.
    const { exception: open, release } = await startHeldInCompensation(key, 'EUR');
    await assert.rejects(engine.replay(open.id, 'usr_ops'), isCode('INVALID_TRANSITION'), 'no replay before the compensation finished');
    release();

    const run = await settled(key, 'COMPENSATED');
    const steps = await stepsOf(run.id);
    assert.deepEqual(statuses(steps), { customer: 'SUCCEEDED', project: 'COMPENSATED', billing: 'COMPENSATED', optional: 'SKIPPED', revenue: 'FAILED', activate: 'PENDING' });
    assert.equal(steps.revenue?.attempts, 1, 'a refusal is not retried');
    assert.equal(callsOf(key, 'revenue').length, 1);
    assert.equal(steps.revenue?.lastError, 'BAD_USER_INPUT: No EUR rate card to copy');
    assert.equal(callsOf(key, 'optional').length, 0, 'a step that does not apply is not called');
    assert.deepEqual(undone.filter((u) => u.naturalKey === key).map((u) => u.step), ['billing', 'project'], 'compensation in reverse order; the step without compensation stays');
    assert.ok((steps.billing?.compensatedAt as string) <= (steps.project?.compensatedAt as string));

    const exceptions = await runStore.exceptionsOf(db, [run.id]);
    assert.equal(exceptions.length, 1);
    const exception = exceptions[0] as ExceptionRecord;
    assert.equal(exception.id, open.id);
    assert.deepEqual(
      { sagaType: exception.sagaType, step: exception.step, code: exception.code, cause: exception.cause, attempts: exception.attempts, status: exception.status, correlationId: exception.correlationId },
      { sagaType: 'TEST_REFUSAL', step: 'revenue', code: 'BAD_USER_INPUT', cause: 'No EUR rate card to copy', attempts: 1, status: 'OPEN', correlationId: `cor_${key}` },
    );
    const context = (exception.payload as { context: Record<string, unknown> }).context;
    assert.equal(context.currency, 'EUR', 'the payload carries the run context');
    assert.equal(context.projectId, records.get(`${key}:project:g1`)?.id, 'including what the earlier steps produced');
    assert.equal(context.billingId, records.get(`${key}:billing:g1`)?.id);
    assert.deepEqual(await statusEvents(run.id), ['RUNNING', 'COMPENSATING', 'COMPENSATED']);

    // The cause is fixed; an operator replays.
    knobs.set(key, { fixed: true });
    const replayed = await engine.replay(exception.id, 'usr_ops');
    assert.deepEqual({ status: replayed.status, resolvedBy: replayed.resolvedBy, resolution: replayed.resolution }, { status: 'REPLAYED', resolvedBy: 'usr_ops', resolution: 'replayed' });
    const done = await settled(key, 'COMPLETED');
    assert.equal(done.generation, 2);
    assert.deepEqual(statuses(await stepsOf(run.id)), { customer: 'SUCCEEDED', project: 'SUCCEEDED', billing: 'SUCCEEDED', optional: 'SKIPPED', revenue: 'SUCCEEDED', activate: 'SUCCEEDED' });
    assert.equal(callsOf(key, 'customer').length, 1, 'a step whose effect stands is not redone');
    assert.deepEqual(callsOf(key, 'project').map((c) => c.key), [`${key}:project:g1`, `${key}:project:g2`], 'compensated steps run again with fresh keys');
    assert.deepEqual(recordsOf(key), [
      `${key}:activate:g2`, `${key}:billing:g1`, `${key}:billing:g2`, `${key}:customer:g1`, `${key}:project:g1`, `${key}:project:g2`, `${key}:revenue:g2`,
    ]);
    assert.equal(done.context.projectId, records.get(`${key}:project:g2`)?.id, 'the run now points at the new records');
    assert.deepEqual((await runStore.exceptionsOf(db, [run.id])).map((e) => e.status), ['REPLAYED']);
    assert.deepEqual(await statusEvents(run.id), ['RUNNING', 'COMPENSATING', 'COMPENSATED', 'RUNNING', 'COMPLETED']);

    // A resolved exception cannot be replayed or cancelled again; an unknown one is not found.
    await assert.rejects(engine.replay(exception.id, 'usr_ops'), isCode('INVALID_TRANSITION'));
    await assert.rejects(engine.cancel(exception.id, 'usr_ops', 'too late'), isCode('INVALID_TRANSITION'));
    await assert.rejects(engine.replay('exc_unknown', 'usr_ops'), isCode('NOT_FOUND'));
    assert.equal((await runOf(key)).status, 'COMPLETED');
  });

  test('cancelling the exception leaves the run cancelled for good', async () => {
    const key = 'refusal:2';
    knobs.set(key, {});
    await start('TEST_REFUSAL', key, { currency: 'GBP' });
    const run = await settled(key, 'COMPENSATED');
    const [exception] = await runStore.exceptionsOf(db, [run.id]);
    assert.ok(exception);
    const jobs = await jobsOf(run.id);
    const cancelled = await engine.cancel(exception.id, 'usr_ops', 'client withdrew');
    assert.deepEqual({ status: cancelled.status, resolvedBy: cancelled.resolvedBy, resolution: cancelled.resolution }, { status: 'CANCELLED', resolvedBy: 'usr_ops', resolution: 'client withdrew' });
    const cancelledRun = await runOf(key);
    assert.equal(cancelledRun.status, 'CANCELLED');
    assert.deepEqual(await statusEvents(run.id), ['RUNNING', 'COMPENSATING', 'COMPENSATED', 'CANCELLED']);
    await assert.rejects(engine.replay(exception.id, 'usr_ops'), isCode('INVALID_TRANSITION'), 'a cancelled exception cannot be replayed');
    await assert.rejects(engine.cancel(exception.id, 'usr_ops', 'again'), isCode('INVALID_TRANSITION'));
    const callsBefore = callsOf(key).length;
    knobs.set(key, { fixed: true });
    // Starting the flow again is a no-op: the natural key keeps its one (cancelled) run.
    assert.equal(await engine.startRun({ sagaType: 'TEST_REFUSAL', naturalKey: key, subject: { typename: 'Widget', id: key }, context: {} }, 'cor_again'), false);
    assert.equal(callsOf(key).length, callsBefore);
    assert.deepEqual(await jobsOf(run.id), jobs, 'cancelling enqueues nothing');
    assert.deepEqual(await runOf(key), cancelledRun, 'the run is unchanged');
    assert.deepEqual(statuses(await stepsOf(run.id)), { customer: 'SUCCEEDED', project: 'COMPENSATED', billing: 'COMPENSATED', optional: 'SKIPPED', revenue: 'FAILED', activate: 'PENDING' });
  });

  test('cancelling while the run still compensates is refused, like a replay; once compensated, the cancel takes', async () => {
    const key = 'refusal:3';
    const { run, exception, release } = await startHeldInCompensation(key, 'CHF');
    assert.equal(exception.status, 'OPEN', 'the exception is open while the run compensates');
    await assert.rejects(engine.cancel(exception.id, 'usr_ops', 'client withdrew'), isCode('INVALID_TRANSITION'));
    release();
    const final = await waitFor(async () => {
      const r = await runOf(key);
      return r.status !== 'COMPENSATING' ? r : null;
    }, 20_000, 'the compensation to finish');
    assert.equal(final.status, 'COMPENSATED');
    assert.deepEqual((await runStore.exceptionsOf(db, [run.id])).map((e) => e.status), ['OPEN'], 'the refused cancel changed nothing');
    const cancelled = await engine.cancel(exception.id, 'usr_ops', 'client withdrew');
    assert.equal(cancelled.status, 'CANCELLED');
    assert.equal((await runOf(key)).status, 'CANCELLED');
  });

  for (const late of ['success', 'refusal'] as const) {
    test(`a zombie attempt (hung past its lease) is superseded by a redelivered attempt; its late ${late} changes nothing`, async () => {
      const key = `zombie:${late}`;
      const hold = gate();
      const k: Knobs = { hold: hold.wait, late };
      knobs.set(key, k);
      await start('TEST_ZOMBIE', key);

      // pg-boss gives up on the hung attempt after the lease and redelivers the job; the second attempt takes the step
      // over and the run completes while the first is still hung.
      const run = await settled(key, 'COMPLETED', 40_000);
      assert.equal(k.zombieDone, undefined, 'the first attempt is still hung');
      const provisionCalls = callsOf(key, 'provision');
      assert.equal(provisionCalls.length, 2);
      assert.ok((provisionCalls[1] as Call).at - (provisionCalls[0] as Call).at >= LEASE_SECONDS * 1000 - 50, 'redelivered only after the lease');
      const steps = await stepsOf(run.id);
      assert.deepEqual(statuses(steps), { provision: 'SUCCEEDED', notify: 'SUCCEEDED' });
      assert.equal(steps.provision?.attempts, 2);
      assert.deepEqual(steps.provision?.result, { provisionedId: records.get(`${key}:provision:g1`)?.id, by: 'winner' }, 'the result of the winning attempt');
      assert.equal(run.context.by, 'winner');
      const jobs = await jobsOf(run.id);
      const runEvents = await statusEvents(run.id);

      // The zombie wakes up and finishes.
      const handled = nextSignalAfter(() => k.zombieDone === true);
      hold.open();
      await waitFor(async () => k.zombieDone === true, 10_000, 'the zombie attempt to return');
      await handled;
      if (late === 'success') {
        assert.ok(logs.some((l) => l.runId === run.id && /late completion of a step taken over by another attempt: rejected/.test(l.msg)), 'the late completion was rejected');
      } else {
        assert.ok(logs.some((l) => l.correlationId === run.correlationId && l.attempt === 1 && l.code === 'INVALID_TRANSITION'), 'the late refusal reached the engine');
      }

      // Nothing moved: the step keeps the winning attempt's result, the run its state, the effect happened once.
      assert.deepEqual(await stepsOf(run.id), steps);
      assert.deepEqual(await runOf(key), run);
      assert.deepEqual(await runStore.exceptionsOf(db, [run.id]), [], 'no exception from the zombie');
      assert.deepEqual(recordsOf(key), [`${key}:notify:g1`, `${key}:provision:g1`], 'one effect per step');
      assert.equal(records.get(`${key}:provision:g1`)?.by, 'attempt 2', 'the effect is the winning attempt\'s');
      assert.equal(callsOf(key, 'notify').length, 1, 'the next step ran once');
      assert.deepEqual(await jobsOf(run.id), jobs, 'no job enqueued by the zombie');
      assert.deepEqual(jobs, ['forward:notify', 'forward:provision']);
      assert.deepEqual(await statusEvents(run.id), runEvents);
      assert.deepEqual(runEvents, ['RUNNING', 'COMPLETED']);
    });
  }

  test('steps of a higher-priority saga waiting for a worker run before lower-priority steps queued earlier', async () => {
    const busy = gate();
    const holders = ['prio:busy1', 'prio:busy2'];
    for (const k of holders) {
      knobs.set(k, { hold: busy.wait });
      await start('TEST_BUSY', k);
    }
    await waitFor(async () => holders.every((k) => callsOf(k, 'busy').length === 1), 20_000, 'both workers to be busy');
    const routine = ['prio:routine1', 'prio:routine2', 'prio:routine3'];
    const urgent = ['prio:urgent1', 'prio:urgent2', 'prio:urgent3'];
    for (const k of routine) await start('TEST_ROUTINE', k);
    for (const k of urgent) await start('TEST_URGENT', k);
    busy.open();
    for (const k of [...routine, ...urgent]) await settled(k, 'COMPLETED');
    const order = calls.filter((c) => c.step === 'routine' || c.step === 'urgent').map((c) => c.step);
    assert.deepEqual(order, ['urgent', 'urgent', 'urgent', 'routine', 'routine', 'routine']);
  });

  test('duplicate and out-of-order trigger events start no second run and change nothing', async () => {
    let n = 0;
    const approved = (id: string, version: number, eventId = `evt_${id}_${(n += 1)}`): DomainEvent => ({
      eventId, type: 'WidgetApproved', source: 'crm', entity: { typename: 'Widget', id }, entityVersion: version, occurredAt: new Date().toISOString(),
      correlationId: `cor_${eventId}`, causationId: null, actor: 'usr_approver', payload: { widgetId: id, amount: version * 100 },
    });
    const inbox = async (eventIds: string[]) => (await db.query<{ event_id: string }>(`SELECT event_id FROM inbox WHERE event_id = ANY($1::text[]) ORDER BY event_id`, [eventIds])).map((r) => r.event_id);
    const versionOf = async (id: string) => (await db.query<{ version: number }>(`SELECT version FROM entity_versions WHERE entity_type = 'Widget' AND entity_id = $1`, [id]))[0]?.version;

    // The trigger, delivered twice at once.
    const v2 = approved('wa', 2);
    await Promise.all([engine.handleEvent(v2), engine.handleEvent(v2)]);
    const run = await settled('widget:wa', 'COMPLETED');
    assert.equal(run.triggerEventId, v2.eventId);
    assert.equal(run.correlationId, v2.correlationId);
    assert.deepEqual(run.context, { widgetId: 'wa', amount: 200, approvedVersion: 2, bookId: records.get('widget:wa:book:g1')?.id });
    const steps = await stepsOf(run.id);
    const jobs = await jobsOf(run.id);
    const events = await statusEvents(run.id);
    const outboxSize = (await db.query(`SELECT 1 FROM outbox`)).length;

    // Redelivered, an older version arriving late, a newer approval of the same widget, and an unrelated event type.
    const v1 = approved('wa', 1);
    const v3 = approved('wa', 3);
    await engine.handleEvent(v2);
    await Promise.all([engine.handleEvent(v1), engine.handleEvent(v3), engine.handleEvent(v3)]);
    const unrelated = { ...approved('wa', 4), type: 'WidgetRejected' };
    await engine.handleEvent(unrelated);
    await engine.handleEvent(v1);

    assert.deepEqual(await runOf('widget:wa'), run, 'the run is unchanged (one run per natural key, context of the first trigger)');
    assert.deepEqual(await stepsOf(run.id), steps);
    assert.deepEqual(await jobsOf(run.id), jobs, 'no step enqueued again');
    assert.deepEqual(await statusEvents(run.id), events);
    assert.equal((await db.query(`SELECT 1 FROM outbox`)).length, outboxSize, 'no event emitted');
    assert.equal(callsOf('widget:wa', 'book').length, 1, 'the step ran once');
    assert.deepEqual(await inbox([v1.eventId, v2.eventId, v3.eventId]), [v1.eventId, v2.eventId, v3.eventId].sort(), 'each event consumed once');
    assert.equal(await versionOf('wa'), 3, 'the newest version of a trigger seen');
    assert.deepEqual(await inbox([unrelated.eventId]), [], 'an event type nothing consumes is not taken in');
    assert.equal((await db.query(`SELECT 1 FROM saga_runs WHERE subject_id = 'wa'`)).length, 1);

    // Out of order from the start: the newer approval arrives first and starts the run; the older one changes nothing.
    const w5 = approved('wb', 5);
    const w4 = approved('wb', 4);
    await engine.handleEvent(w5);
    await engine.handleEvent(w4);
    const second = await settled('widget:wb', 'COMPLETED');
    assert.equal(second.triggerEventId, w5.eventId);
    assert.equal(second.context.approvedVersion, 5);
    assert.equal(callsOf('widget:wb', 'book').length, 1);
    assert.equal((await db.query(`SELECT 1 FROM saga_runs WHERE subject_id = 'wb'`)).length, 1);
    assert.ok(logs.some((l) => l.eventId === w4.eventId && l.msg === 'stale event dropped'));
  });
});
