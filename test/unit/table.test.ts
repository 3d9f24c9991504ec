import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../platform/db/database.js';
import { openPglite } from '../../platform/db/pglite.js';
import { Table, type TableDef } from '../../platform/db/table.js';
import { saveManyVersioned } from '../../platform/db/versioned.js';
import { DomainError, ErrorCode } from '../../platform/domain/errors.js';
import { money, type Money } from '../../platform/money/money.js';

interface Entry {
  id: string;
  version: number;
  status: string;
  note: string | null;
  amount: Money | null;
  tags: string[];
  approvedAt: string | null;
}

const entryDef: TableDef<Entry> = {
  table: 'entries',
  fields: { id: 'text', version: 'int', status: 'text', note: 'text?', amount: 'money?', tags: 'jsonb', approvedAt: 'timestamptz?' },
};
const entries = new Table<Entry>(entryDef);

let db: Database;
before(async () => {
  db = await openPglite(undefined, { thread: false, autovacuumSeconds: 0 });
  await db.exec(`CREATE TABLE entries (
    id text PRIMARY KEY, version int NOT NULL, status text NOT NULL, note text, amount_minor bigint, amount_currency text,
    tags jsonb NOT NULL, approved_at timestamptz)`);
});
after(() => db.close());

async function stored(...ids: string[]): Promise<Entry[]> {
  return (await entries.findByIds(db, ids)).sort((a, b) => a.id.localeCompare(b.id));
}

async function seed(...ids: string[]): Promise<Entry[]> {
  await entries.insertMany(db, ids.map((id) => ({ id, version: 1, status: 'SUBMITTED', note: `note ${id}`, amount: null, tags: ['a'], approvedAt: null })));
  return stored(...ids);
}

test('a bulk versioned update writes every changed column, money, jsonb and timestamps included', async () => {
  const read = await seed('e1', 'e2');
  const next = read.map((e, i) => ({
    ...e, version: e.version + 1, status: 'APPROVED', amount: money(BigInt(1000 + i), 'EUR'), tags: ['a', 'b'], approvedAt: '2026-11-01T09:00:00.000Z',
  }));
  assert.equal(await entries.updateManyIfVersion(db, next, read), 2);
  assert.deepEqual(await stored('e1', 'e2'), next);
});

test('a bulk versioned update leaves columns nobody changed alone', async () => {
  const read = await seed('u1', 'u2');
  // A column the batch did not change, rewritten behind the version's back: the batch must not write it back.
  await db.query(`UPDATE entries SET note = 'set elsewhere' WHERE id = 'u1'`);
  const next = read.map((e) => ({ ...e, version: e.version + 1, status: 'APPROVED' }));
  assert.equal(await entries.updateManyIfVersion(db, next, read), 2);
  const [u1, u2] = await stored('u1', 'u2');
  assert.equal(u1!.note, 'set elsewhere');
  assert.equal(u1!.status, 'APPROVED');
  assert.equal(u2!.note, 'note u2');
});

test('a column changed in one record only is written for that record and kept for the others', async () => {
  const read = await seed('m1', 'm2');
  const next = read.map((e) => ({ ...e, version: e.version + 1, note: e.id === 'm1' ? null : e.note }));
  assert.equal(await entries.updateManyIfVersion(db, next, read), 2);
  assert.deepEqual((await stored('m1', 'm2')).map((e) => e.note), [null, 'note m2']);
});

test('a batch that changes nothing is still a version-checked write', async () => {
  const read = await seed('n1', 'n2');
  assert.equal(await entries.updateManyIfVersion(db, read, read), 2);
  assert.deepEqual(await stored('n1', 'n2'), read);
});

test('rows whose version moved on are not written, and the count says so', async () => {
  const read = await seed('v1', 'v2');
  await db.query(`UPDATE entries SET version = version + 1 WHERE id = 'v2'`);
  const next = read.map((e) => ({ ...e, version: e.version + 1, status: 'APPROVED' }));
  assert.equal(await entries.updateManyIfVersion(db, next, read), 1);
  assert.deepEqual((await stored('v1', 'v2')).map((e) => e.status), ['APPROVED', 'SUBMITTED']);
});

test('saveManyVersioned turns a lost race into VERSION_CONFLICT', async () => {
  const read = await seed('c1', 'c2');
  await db.query(`UPDATE entries SET version = version + 1 WHERE id = 'c1'`);
  const next = read.map((e) => ({ ...e, version: e.version + 1, status: 'APPROVED' }));
  await assert.rejects(saveManyVersioned(db, entries, 'Entry', next, read), (e: unknown) => {
    assert.ok(e instanceof DomainError);
    assert.equal(e.code, ErrorCode.VERSION_CONFLICT);
    return true;
  });
});

test('a bulk versioned update refuses records that do not line up with what was read', async () => {
  const read = await seed('x1', 'x2');
  await assert.rejects(entries.updateManyIfVersion(db, [...read].reverse(), read), /record 0 is x2 but was read as x1/);
  await assert.rejects(entries.updateManyIfVersion(db, read.slice(1), read), /one record as read per changed record/);
});
