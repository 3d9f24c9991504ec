import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildSchema, graphql, type GraphQLFieldResolver } from 'graphql';
import type { Database } from '../../platform/db/database.js';
import { loadMigrations, PLATFORM_MIGRATIONS_DIR } from '../../platform/db/migrate.js';
import { writeTransaction } from '../../platform/db/unit-of-work.js';
import type { Invocation } from '../../platform/domain/invocation.js';
import { enforceIdempotency } from '../../platform/graphql/idempotency.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';

/**
 * The key of an idempotent mutation completes in the commit of the mutation's unit of work, with the answer the
 * request gives: no statement of its own after the commit, unless the resolver answers something else than what the
 * transaction returned.
 */
const SDL = `
  type Batch { id: ID! }
  input In { n: Int!, idempotencyKey: String }
  type Query { ok: Boolean }
  type Mutation {
    record(input: In!): Batch!
    flag(input: In!): Boolean!
    answerOther(input: In!): Batch!
  }
`;

interface Ctx {
  invocation: Invocation;
}

let db: Database;
/** Statements that completed a key outside a transaction (the refinement after the commit). */
let refinements = 0;
/** Units of work the mutations ran. */
let units = 0;

before(async () => {
  db = await openTestDatabase('idem', loadMigrations(PLATFORM_MIGRATIONS_DIR));
});
after(async () => {
  await db.close();
  await dropTestDatabases();
});

/** The database as the schema sees it, counting the key completions issued outside a transaction. */
function counting(target: Database): Database {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (prop === 'query') {
        return (sql: string, params?: unknown[]) => {
          if (/^\s*UPDATE idempotency_keys/.test(sql)) refinements++;
          return t.query(sql, params);
        };
      }
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
    },
  });
}

function schemaOver(database: Database) {
  const schema = buildSchema(SDL);
  const fields = schema.getMutationType()!.getFields();
  const unit = <T>(ctx: Ctx, value: T) => {
    units++;
    return writeTransaction(database, ctx.invocation, async () => value);
  };
  const record: GraphQLFieldResolver<unknown, Ctx, { input: { n: number } }> = (_s, { input }, ctx) => unit(ctx, { id: `batch_${input.n}` });
  const flag: GraphQLFieldResolver<unknown, Ctx, { input: { n: number } }> = (_s, _a, ctx) => unit(ctx, true);
  // The transaction returns one record and the resolver answers another: the stored result must follow the answer.
  const answerOther: GraphQLFieldResolver<unknown, Ctx, { input: { n: number } }> = async (_s, { input }, ctx) => {
    await unit(ctx, { id: `written_${input.n}` });
    return { id: `answered_${input.n}` };
  };
  fields.record!.resolve = record;
  fields.flag!.resolve = flag;
  fields.answerOther!.resolve = answerOther;
  enforceIdempotency(schema, database);
  return schema;
}

async function run(field: string, n: number, key: string, selection = '') {
  const schema = schemaOver(counting(db));
  const contextValue: Ctx = { invocation: { actor: 'user:idem', correlationId: `c-${key}`, now: () => new Date().toISOString() } };
  const result = await graphql({ schema, source: `mutation($i: In!) { ${field}(input: $i) ${selection} }`, variableValues: { i: { n, idempotencyKey: key } }, contextValue });
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  // A JSON round trip gives plain objects, as a client sees them.
  return (JSON.parse(JSON.stringify(result.data)) as Record<string, unknown>)[field];
}

async function storedResult(key: string): Promise<unknown> {
  const rows = await db.query<{ status: string; result: unknown }>(`SELECT status, result FROM idempotency_keys WHERE scope = 'user:idem' AND key = $1`, [key]);
  assert.equal(rows[0]?.status, 'COMPLETED');
  return typeof rows[0]?.result === 'string' ? JSON.parse(rows[0].result) : rows[0]?.result;
}

describe('an idempotency key completes with the answer in the commit', () => {
  test('an entity answer that no audit record names (a batch, a run) is stored with the commit, and replays', async () => {
    refinements = 0;
    units = 0;
    assert.deepEqual(await run('record', 1, 'k-record', '{ id }'), { id: 'batch_1' });
    assert.equal(refinements, 0, 'no statement after the commit');
    assert.deepEqual(await storedResult('k-record'), { refs: [{ typename: 'Batch', id: 'batch_1' }] });
    assert.deepEqual(await run('record', 1, 'k-record', '{ id }'), { id: 'batch_1' }, 'the same key and input replay the answer');
    assert.equal(units, 1, 'the replay did no work');
  });

  test('a plain answer (a Boolean) is stored with the commit, and replays', async () => {
    refinements = 0;
    units = 0;
    assert.equal(await run('flag', 2, 'k-flag'), true);
    assert.equal(refinements, 0, 'no statement after the commit');
    assert.deepEqual(await storedResult('k-flag'), { refs: [], value: true });
    assert.equal(await run('flag', 2, 'k-flag'), true);
    assert.equal(units, 1, 'the replay did no work');
  });

  test('a resolver that answers something else than its transaction returned refines the stored result after the commit', async () => {
    refinements = 0;
    units = 0;
    assert.deepEqual(await run('answerOther', 3, 'k-other', '{ id }'), { id: 'answered_3' });
    assert.equal(refinements, 1, 'one refinement');
    assert.deepEqual(await storedResult('k-other'), { refs: [{ typename: 'Batch', id: 'answered_3' }] });
    assert.deepEqual(await run('answerOther', 3, 'k-other', '{ id }'), { id: 'answered_3' }, 'the replay answers what the request answered');
    assert.equal(units, 1, 'the replay did no work');
  });
});
