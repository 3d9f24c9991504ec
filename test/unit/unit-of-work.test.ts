import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../platform/db/database.js';
import { loadMigrations, PLATFORM_MIGRATIONS_DIR } from '../../platform/db/migrate.js';
import { isRetryableTransactionError, WRITE_TRANSACTION_ATTEMPTS, writeTransaction, type UnitOfWork } from '../../platform/db/unit-of-work.js';
import type { Invocation } from '../../platform/domain/invocation.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';

let db: Database;

before(async () => {
  db = await openTestDatabase('uow', loadMigrations(PLATFORM_MIGRATIONS_DIR));
});
after(async () => {
  await db.close();
  await dropTestDatabases();
});

let seq = 0;
const invocation = (): Invocation => ({ actor: 'user:uow', correlationId: `uow-${process.pid}-${(seq += 1)}`, now: () => new Date().toISOString() });

/** An error as the PostgreSQL driver reports it, with its SQLSTATE. */
const sqlError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** What one attempt writes: an audited change and an event, both tagged with the attempt. */
function write(uow: UnitOfWork, attempt: number): void {
  uow.audit({ entityType: 'Thing', entityId: `thing-${attempt}`, action: 'CREATE', fromVersion: null, toVersion: 1, fromStatus: null, toStatus: 'NEW' });
  uow.emit({ type: 'ThingCreated', entityType: 'Thing', entityId: `thing-${attempt}`, entityVersion: 1, payload: { attempt } });
}

async function written(correlationId: string): Promise<{ audited: string[]; events: string[] }> {
  const audited = await db.query<{ entity_id: string }>(`SELECT entity_id FROM audit_log WHERE correlation_id = $1 ORDER BY entity_id`, [correlationId]);
  const events = await db.query<{ entity_id: string }>(`SELECT entity_id FROM outbox WHERE correlation_id = $1 ORDER BY entity_id`, [correlationId]);
  return { audited: audited.map((r) => r.entity_id), events: events.map((r) => r.entity_id) };
}

describe('writeTransaction: deadlocks and serialization failures', () => {
  test('a unit of work aborted by a deadlock runs again; only the attempt that committed is written', async () => {
    const inv = invocation();
    let attempts = 0;
    const value = await writeTransaction(db, inv, async (uow) => {
      attempts += 1;
      await uow.query('SELECT 1');
      write(uow, attempts);
      // The engine reports the deadlock from a statement; the audit and outbox rows queued for the commit go with it.
      if (attempts === 1) throw sqlError('40P01', 'deadlock detected');
      return `done after ${attempts}`;
    });
    assert.equal(value, 'done after 2');
    assert.deepEqual(await written(inv.correlationId), { audited: ['thing-2'], events: ['thing-2'] });
  });

  test('a serialization failure is retried too, and gives up after the last attempt with the engine\'s error', async () => {
    const inv = invocation();
    let attempts = 0;
    await assert.rejects(
      writeTransaction(db, inv, async (uow) => {
        attempts += 1;
        write(uow, attempts);
        throw sqlError('40001', 'could not serialize access due to concurrent update');
      }),
      (error: Error & { code?: string }) => error.code === '40001',
    );
    assert.equal(attempts, WRITE_TRANSACTION_ATTEMPTS);
    assert.deepEqual(await written(inv.correlationId), { audited: [], events: [] });
  });

  test('any other failure (a constraint, a domain rule) is not retried', async () => {
    for (const error of [sqlError('23505', 'duplicate key value violates unique constraint'), Object.assign(new Error('refused'), { code: 'BAD_USER_INPUT' }), new Error('plain')]) {
      const inv = invocation();
      let attempts = 0;
      await assert.rejects(writeTransaction(db, inv, async (uow) => {
        attempts += 1;
        write(uow, attempts);
        throw error;
      }), (e) => e === error);
      assert.equal(attempts, 1, error.message);
      assert.deepEqual(await written(inv.correlationId), { audited: [], events: [] });
    }
  });

  test('only the deadlock and serialization SQLSTATEs count as retryable', () => {
    assert.equal(isRetryableTransactionError(sqlError('40P01', 'x')), true);
    assert.equal(isRetryableTransactionError(sqlError('40001', 'x')), true);
    for (const other of [sqlError('25P02', 'x'), sqlError('57014', 'x'), new Error('x'), null, undefined, 'text']) {
      assert.equal(isRetryableTransactionError(other), false, String(other));
    }
  });
});
