import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGraph, type Graph } from '../support/graph.js';

let graph: Graph;
before(async () => {
  graph = await startGraph();
});
after(async () => graph?.stop());

const CREATE = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id name version } }`;

test('the same key sent 20 times at once has one effect; repeats return the stored result', async () => {
  const input = { name: 'Idempotent Industries', ownerUserId: 'usr_1', idempotencyKey: 'create-idem-1' };
  const answers = await Promise.all(Array.from({ length: 20 }, () => graph.post(CREATE, { i: input })));
  const created = answers.filter((a) => !a.body.errors).map((a) => a.body.data.createAccount.id);
  const inFlight = answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT');
  assert.equal(created.length + inFlight.length, 20, JSON.stringify(answers.find((a) => a.body.errors && a.body.errors[0].extensions.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT')?.body));
  assert.ok(created.length >= 1);
  assert.equal(new Set(created).size, 1, 'every successful answer is the same account');
  const rows = await graph.dbs.crm.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM accounts WHERE name = 'Idempotent Industries'`);
  assert.equal(rows[0]!.n, 1n, 'one effect');
  const audits = await graph.dbs.crm.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM audit_log WHERE entity_id = $1`, [created[0]]);
  assert.equal(audits[0]!.n, 1n);

  const again = await graph.post(CREATE, { i: input });
  assert.equal(again.body.data.createAccount.id, created[0], 'a later repeat replays the stored result');
  const reordered = await graph.post(CREATE, { i: { ownerUserId: 'usr_1', idempotencyKey: 'create-idem-1', name: 'Idempotent Industries' } });
  assert.equal(reordered.body.data.createAccount.id, created[0], 'field order does not matter');
});

test('the same key with another input is IDEMPOTENCY_KEY_REUSED; failures are not stored', async () => {
  await graph.data(CREATE, { i: { name: 'Reuse Co', ownerUserId: 'usr_1', idempotencyKey: 'create-idem-2' } });
  const reused = await graph.post(CREATE, { i: { name: 'Reuse Co (changed)', ownerUserId: 'usr_1', idempotencyKey: 'create-idem-2' } });
  assert.equal(reused.body.errors[0].extensions.code, 'IDEMPOTENCY_KEY_REUSED');
  const invalid = await graph.post(CREATE, { i: { name: '   ', ownerUserId: 'usr_1', idempotencyKey: 'create-idem-3' } });
  assert.equal(invalid.body.errors[0].extensions.code, 'BAD_USER_INPUT');
  const fixed = await graph.post(CREATE, { i: { name: 'Fixed Co', ownerUserId: 'usr_1', idempotencyKey: 'create-idem-3' } });
  assert.equal(fixed.body.errors, undefined, 'a failed request released its key');
  const bad = await graph.post(CREATE, { i: { name: 'x', ownerUserId: 'usr_1', idempotencyKey: 'bad key with spaces ✓' } });
  assert.equal(bad.body.errors[0].extensions.code, 'BAD_USER_INPUT');
});

test('keys are scoped to the caller', async () => {
  const other = graph.tokenFor({ subject: 'usr_other_sales', roles: ['sales'], legalEntities: '*', resourceId: null });
  const mine = await graph.data(CREATE, { i: { name: 'Scoped Co', ownerUserId: 'usr_1', idempotencyKey: 'shared-key' } });
  const theirs = await graph.post(CREATE, { i: { name: 'Scoped Co', ownerUserId: 'usr_1', idempotencyKey: 'shared-key' } }, { authorization: `Bearer ${other}` });
  assert.notEqual(theirs.body.data.createAccount.id, mine.createAccount.id);
});
