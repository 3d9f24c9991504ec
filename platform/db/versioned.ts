import { DomainError, ErrorCode } from '../domain/errors.js';
import type { Queryable } from './database.js';
import type { Table } from './table.js';
import { auditChange, isUnitOfWork, type AuditableRecord } from './unit-of-work.js';

/**
 * Writes `next` over the stored row if the row is still at the previous version; otherwise another writer got there
 * between our read and our write, and the caller gets VERSION_CONFLICT instead of a lost update. `previous` is the
 * record as read (or just its version); inside a unit of work the change is audited.
 */
export async function saveVersioned<T extends { id: string; version: number }>(
  db: Queryable,
  table: Table<T>,
  entity: string,
  next: T,
  previous: T | number,
): Promise<T> {
  const previousVersion = typeof previous === 'number' ? previous : previous.version;
  const ok = await table.updateIfVersion(db, next, previousVersion);
  if (!ok) {
    throw new DomainError(ErrorCode.VERSION_CONFLICT, `${entity} ${next.id} was changed by someone else; reload and retry`, {
      entity, id: next.id, expectedVersion: previousVersion,
    });
  }
  if (isUnitOfWork(db)) {
    const before = typeof previous === 'number' ? { id: next.id, version: previous } : (previous as T & { status?: string });
    db.audit(auditChange(entity, before, next as T & { status?: string }));
  }
  return next;
}

/** Inserts a new record; inside a unit of work the creation is audited. */
export async function insertAudited<T extends { id: string }>(db: Queryable, table: Table<T>, entity: string, record: T): Promise<T> {
  await table.insert(db, record);
  if (isUnitOfWork(db)) db.audit(auditChange(entity, null, record as T & { version?: number; status?: string }));
  return record;
}

/**
 * Writes many changed records in one statement (see `Table.updateManyIfVersion`), each only if its stored version is
 * still the one it was read at, so batch approvals of thousands of entries cost one round trip instead of thousands.
 * If any row was changed by someone else in between, the whole batch fails with VERSION_CONFLICT (the caller's
 * transaction rolls back, so nothing of the batch is written). `before` holds each record as it was read, in the
 * order of `records`; inside a unit of work every row's change is audited.
 */
export async function saveManyVersioned<T extends AuditableRecord & { version: number }>(
  db: Queryable,
  table: Table<T>,
  entity: string,
  records: readonly T[],
  before: readonly T[],
): Promise<void> {
  if (records.length === 0) return;
  const written = await table.updateManyIfVersion(db, records, before);
  if (written !== records.length) {
    throw new DomainError(ErrorCode.VERSION_CONFLICT, `${records.length - written} of ${records.length} ${entity} records were changed by someone else; reload and retry`, {
      entity, expected: records.length, written,
    });
  }
  if (isUnitOfWork(db)) db.audit(...records.map((next, i) => auditChange(entity, before[i]!, next)));
}

/** Inserts many new records with one statement per chunk; inside a unit of work each row is audited as a creation. */
export async function insertManyAudited<T extends AuditableRecord>(db: Queryable, table: Table<T>, entity: string, records: readonly T[]): Promise<void> {
  if (records.length === 0) return;
  await table.insertMany(db, records);
  if (isUnitOfWork(db)) db.audit(...records.map((r) => auditChange(entity, null, r)));
}
