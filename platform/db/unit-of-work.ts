import { EventEmitter } from 'node:events';
import { newId } from '../domain/ids.js';
import type { Invocation } from '../domain/invocation.js';
import type { EventDraft } from '../events/event.js';
import { bulkInsertStatements } from './bulk.js';
import { runStatements, type Database, type Queryable, type Statement, type Transaction } from './database.js';

/** One audited change. */
export interface AuditRecord {
  entityType: string;
  entityId: string;
  /** CREATE, UPDATE, DELETE, or TRANSITION (when the status changed). */
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'TRANSITION';
  fromVersion: number | null;
  toVersion: number | null;
  fromStatus: string | null;
  toStatus: string | null;
}

/** A transaction that knows who is acting, and collects the audit records and events of what it writes. */
export interface UnitOfWork extends Transaction {
  readonly invocation: Invocation;
  /** Queues audit records; they are written in one statement just before the transaction commits. */
  audit(...records: AuditRecord[]): void;
  /** Queues domain events; they are written to the outbox just before the transaction commits. */
  emit(...events: EventDraft[]): void;
}

/** True when a queryable is a unit of work (writes through it are audited). */
export function isUnitOfWork(db: Queryable): db is UnitOfWork {
  return typeof (db as Partial<UnitOfWork>).audit === 'function';
}

/**
 * Signals that a database has new outbox rows, so an in-process relay can publish at once instead of at its next poll.
 * The payload is the database's name.
 */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(100);

const AUDIT_COLUMNS = [
  { name: 'id', type: 'text' }, { name: 'at', type: 'timestamptz' }, { name: 'actor', type: 'text' }, { name: 'roles', type: 'jsonb' },
  { name: 'correlation_id', type: 'text' }, { name: 'operation', type: 'text' }, { name: 'entity_type', type: 'text' },
  { name: 'entity_id', type: 'text' }, { name: 'action', type: 'text' }, { name: 'from_version', type: 'int' },
  { name: 'to_version', type: 'int' }, { name: 'from_status', type: 'text' }, { name: 'to_status', type: 'text' },
] as const;

const OUTBOX_COLUMNS = [
  { name: 'event_id', type: 'text' }, { name: 'type', type: 'text' }, { name: 'entity_type', type: 'text' }, { name: 'entity_id', type: 'text' },
  { name: 'entity_version', type: 'int' }, { name: 'occurred_at', type: 'timestamptz' }, { name: 'correlation_id', type: 'text' },
  { name: 'causation_id', type: 'text' }, { name: 'actor', type: 'text' }, { name: 'payload', type: 'jsonb' },
] as const;

/**
 * SQLSTATEs after which PostgreSQL has rolled the whole transaction back and running it again may well succeed: a
 * deadlock (one of the transactions in the cycle is chosen to fail) and a serialization failure.
 */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);

/** Attempts a unit of work gets when a deadlock or serialization failure aborts it. */
export const WRITE_TRANSACTION_ATTEMPTS = 3;

/** True when `error` is a failure after which the transaction was rolled back and may simply run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/**
 * Runs `work` in one transaction bound to the invocation. Everything written through the unit of work is audited
 * (who, when, what, before/after version and status, correlation id), the events it emits land in the outbox, and the
 * caller's idempotency key is completed, all in the same transaction as the business rows: they commit together or
 * not at all.
 *
 * A transaction aborted by a deadlock or a serialization failure runs again from the start (up to
 * {@link WRITE_TRANSACTION_ATTEMPTS} attempts, after a short random pause): PostgreSQL rolled all of it back, and
 * `work` keeps its state inside the transaction, so the caller sees only the attempt that committed.
 */
export async function writeTransaction<T>(db: Database, invocation: Invocation, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(db, invocation, work);
    } catch (error) {
      if (attempt >= WRITE_TRANSACTION_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      // The pause, random and growing, lets the transaction that won the conflict finish before this one runs again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

async function writeOnce<T>(db: Database, invocation: Invocation, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let emitted = 0;
  let completed: { refs: Array<{ typename: string; id: string }>; value?: unknown } | undefined;
  const result = await db.transaction(async (tx) => {
    const pending: AuditRecord[] = [];
    const events: EventDraft[] = [];
    const uow: UnitOfWork = {
      invocation,
      query: (sql, params) => tx.query(sql, params),
      exec: (sql) => tx.exec(sql),
      atCommit: (sql, params) => tx.atCommit(sql, params),
      audit: (...records) => {
        pending.push(...records);
      },
      emit: (...drafts) => {
        events.push(...drafts);
      },
    };
    const value = await work(uow);
    const at = invocation.now();
    // Nothing reads what follows: it goes with the commit.
    if (pending.length > 0) {
      const roles = JSON.stringify(invocation.roles ?? []);
      atCommit(tx, bulkInsertStatements('audit_log', AUDIT_COLUMNS, pending.map((r) => [
        newId('aud'), at, invocation.actor, roles, invocation.correlationId, invocation.operation ?? null, r.entityType, r.entityId, r.action,
        r.fromVersion, r.toVersion, r.fromStatus, r.toStatus,
      ])));
    }
    if (events.length > 0) {
      atCommit(tx, outboxStatements(events, { at, correlationId: invocation.correlationId, causationId: invocation.causationId ?? null, actor: invocation.actor }));
      emitted = events.length;
    }
    if (invocation.idempotency) {
      // The key completes with the answer the work returned, or else with the entities this transaction wrote; the
      // GraphQL layer refines the result afterwards only when the request answers something else.
      const { resultOf } = invocation.idempotency;
      completed = resultOf
        ? resultOf(value)
        : { refs: [...new Map(pending.map((r) => [`${r.entityType}:${r.entityId}`, { typename: r.entityType, id: r.entityId }])).values()] };
      tx.atCommit(
        `UPDATE idempotency_keys SET status = 'COMPLETED', result = $3 WHERE scope = $1 AND key = $2`,
        [invocation.idempotency.scope, invocation.idempotency.key, JSON.stringify(completed)],
      );
    }
    return value;
  });
  if (completed && invocation.idempotency) invocation.idempotency.completed = completed;
  if (emitted > 0 && db.name) outboxSignal.emit('written', db.name);
  return result;
}

/** Who and what an outbox event is stamped with. */
export interface OutboxMeta {
  at: string;
  correlationId: string;
  causationId: string | null;
  actor: string;
}

/**
 * Writes events to the outbox of the database behind `tx` (same transaction as the caller's other writes), for
 * components that do not go through `writeTransaction` (the process layer, which mostly queues
 * {@link outboxStatements} for its commit instead); call `outboxSignal.emit('written', name)` after commit to wake an
 * in-process relay.
 */
export async function insertOutboxEvents(tx: Queryable, events: readonly EventDraft[], meta: OutboxMeta): Promise<void> {
  await runStatements(tx, outboxStatements(events, meta));
}

/** The statements of {@link insertOutboxEvents}, for a caller that queues them for its commit. */
export function outboxStatements(events: readonly EventDraft[], meta: OutboxMeta): Statement[] {
  return bulkInsertStatements('outbox', OUTBOX_COLUMNS, events.map((e) => [
    newId('evt'), e.type, e.entityType, e.entityId, e.entityVersion ?? null, meta.at, meta.correlationId, meta.causationId, meta.actor, e.payload,
  ]));
}

/** Queues statements for the commit of `tx`, in order. */
export function atCommit(tx: Transaction, statements: readonly Statement[]): void {
  for (const s of statements) tx.atCommit(s.sql, s.params);
}

/** The audit record of a change from `before` to `after` (a creation when `before` is null). */
export function auditChange(entityType: string, before: AuditableRecord | null, after: AuditableRecord): AuditRecord {
  const fromStatus = before?.status ?? null;
  const toStatus = after.status ?? null;
  return {
    entityType,
    entityId: after.id,
    action: before === null ? 'CREATE' : fromStatus !== toStatus ? 'TRANSITION' : 'UPDATE',
    fromVersion: before?.version ?? null,
    toVersion: after.version ?? null,
    fromStatus,
    toStatus,
  };
}

/** What an audited record must have. */
export interface AuditableRecord {
  id: string;
  version?: number;
  status?: string;
}
