import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nonNullProtectedFields } from '../../platform/graphql/authz.js';
import { createCrmSubgraph, crmMigrations } from '../../subgraphs/crm/src/index.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

let h: SubgraphHarness<ReturnType<ReturnType<typeof createCrmSubgraph>['createContext']>>;
const usSales = principal(['sales'], ['le_us'], null, 'usr_us_sales');
const caSales = principal(['sales'], ['le_ca'], null, 'usr_ca_sales');
const consultant = principal(['consultant'], '*', 'res_consultant1', 'usr_consultant');
const admin = principal(['integration_admin'], '*', null, 'usr_integration');
const fixture = { account: '', usOpp: '', caOpp: '', usContract: '' };

before(async () => {
  const db = await openTestDatabase('crm', crmMigrations());
  h = await SubgraphHarness.start(createCrmSubgraph(db), db);
  const acc = await h.as(usSales).ok<any>(`mutation { createAccount(input: { name: "Shared Client", ownerUserId: "usr_us_sales" }) { id } }`);
  fixture.account = acc.createAccount.id;
  const opp = (p: typeof usSales, le: string) =>
    h.as(p).ok<any>(`mutation($a: ID!, $le: ID!) { createOpportunity(input: { accountId: $a, name: "Deal ${le}", amount: { amountMinor: "100000", currency: "USD" }, expectedCloseDate: "2026-12-01", pricingModel: FIXED_FEE, legalEntityId: $le, ownerUserId: "u" }) { id } }`, { a: fixture.account, le });
  fixture.usOpp = (await opp(usSales, 'le_us')).createOpportunity.id;
  fixture.caOpp = (await opp(caSales, 'le_ca')).createOpportunity.id;
  const ctr = await h.as(usSales).ok<any>(`mutation($a: ID!) { createContract(input: { accountId: $a, kind: SOW, legalEntityId: "le_us", startDate: "2026-12-01", billingModel: FIXED_FEE, originalValue: { amountMinor: "100000", currency: "USD" } }) { id } }`, { a: fixture.account });
  fixture.usContract = ctr.createContract.id;
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

describe('crm access', () => {
  test('legal-entity scoping: another entity\'s rows are invisible everywhere, without an error', async () => {
    const byId = await h.as(caSales).run<any>(`query($us: ID!, $ca: ID!) { us: opportunity(id: $us) { id } ca: opportunity(id: $ca) { id } }`, { us: fixture.usOpp, ca: fixture.caOpp });
    assert.equal(byId.errors, undefined);
    assert.deepEqual(byId.data, { us: null, ca: { id: fixture.caOpp } });
    const list = await h.as(caSales).ok<any>(`{ opportunities(first: 100) { edges { node { id legalEntityId } } } contracts(first: 100) { edges { node { id } } } }`);
    assert.deepEqual(list.opportunities.edges.map((e: any) => e.node.legalEntityId), ['le_ca']);
    assert.deepEqual(list.contracts.edges, []);
    const nested = await h.as(caSales).ok<any>(`query($a: ID!) { account(id: $a) { name opportunities { id } contracts { id } } }`, { a: fixture.account });
    assert.equal(nested.account.name, 'Shared Client', 'accounts are shared master data');
    assert.deepEqual(nested.account.opportunities.map((o: any) => o.id), [fixture.caOpp]);
    assert.deepEqual(nested.account.contracts, []);
    const entities = await h.as(caSales).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id name } ... on Contract { id } } }`, {
      r: [{ __typename: 'Opportunity', id: fixture.usOpp }, { __typename: 'Contract', id: fixture.usContract }, { __typename: 'Opportunity', id: fixture.caOpp }],
    });
    assert.equal(entities.errors, undefined);
    assert.deepEqual(entities.data._entities, [null, null, { id: fixture.caOpp, name: 'Deal le_ca' }]);
  });

  test('role scoping: a consultant gets FORBIDDEN for commercial data, the rest of the answer intact', async () => {
    const list = await h.as(consultant).run<any>(`{ opportunities(first: 5) { edges { node { id } } } accounts(first: 5) { edges { node { name } } } }`);
    assert.equal(list.data.opportunities, null);
    assert.ok(list.data.accounts.edges.length > 0);
    assert.equal(list.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const r = await h.as(consultant).run<any>(`query($a: ID!, $o: ID!) { account(id: $a) { name opportunities { id } } opportunity(id: $o) { id amount { amount } } }`, { a: fixture.account, o: fixture.usOpp });
    assert.equal(r.data.account.name, 'Shared Client');
    assert.equal(r.data.account.opportunities, null);
    assert.equal(r.data.opportunity, null);
    assert.ok(r.errors!.length >= 2 && r.errors!.every((e) => e.extensions?.code === 'FORBIDDEN'));
    const entity = await h.as(consultant).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { id } } }`, { r: [{ __typename: 'Opportunity', id: fixture.usOpp }] });
    assert.equal(entity.data._entities[0], null);
    assert.equal(entity.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('mutations: a role not allowed is FORBIDDEN, a foreign legal entity is FORBIDDEN or NOT_FOUND; nothing is written', async () => {
    const pm = principal(['project_manager'], '*', null, 'usr_pm');
    const denied = await h.as(pm).run<any>(`mutation($id: ID!) { updateOpportunity(input: { id: $id, name: "PM rename" }) { id } }`, { id: fixture.usOpp });
    assert.equal(denied.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const foreignCreate = await h.as(caSales).run<any>(`mutation($a: ID!) { createOpportunity(input: { accountId: $a, name: "x", amount: { amountMinor: "1", currency: "USD" }, expectedCloseDate: "2026-12-01", pricingModel: FIXED_FEE, legalEntityId: "le_us", ownerUserId: "u" }) { id } }`, { a: fixture.account });
    assert.equal(foreignCreate.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const foreignChange = await h.as(caSales).run<any>(`mutation($id: ID!) { updateOpportunity(input: { id: $id, name: "CA rename" }) { id } }`, { id: fixture.usOpp });
    assert.equal(foreignChange.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const now = await h.as(usSales).ok<any>(`query($id: ID!) { opportunity(id: $id) { name version } }`, { id: fixture.usOpp });
    assert.deepEqual(now.opportunity, { name: 'Deal le_us', version: 1 });
  });

  test('every change is audited with actor, operation, correlation id, versions and statuses', async () => {
    await h.as(usSales).ok(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "PROPOSAL" }) { id } }`, { id: fixture.usOpp });
    const r = await h.as(admin).ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { crm { actor roles operation correlationId action fromVersion toVersion fromStatus toStatus subgraph } } } }`, {
      r: [{ __typename: 'EntityHistory', entityType: 'Opportunity', entityId: fixture.usOpp }],
    });
    const history = r._entities[0].crm;
    await h.as(usSales).ok(`mutation($id: ID!) { updateOpportunity(input: { id: $id, name: "Deal le_us v2" }) { id } }`, { id: fixture.usOpp });
    const r2 = await h.as(admin).ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { crm { actor roles operation correlationId action fromVersion toVersion fromStatus toStatus subgraph } } } }`, {
      r: [{ __typename: 'EntityHistory', entityType: 'Opportunity', entityId: fixture.usOpp }],
    });
    assert.equal(history.length, 2);
    const all = r2._entities[0].crm;
    assert.deepEqual(all.map((e: any) => [e.action, e.fromVersion, e.toVersion, e.fromStatus, e.toStatus]), [
      ['CREATE', null, 1, null, 'PROSPECTING'],
      ['TRANSITION', 1, 2, 'PROSPECTING', 'PROPOSAL'],
      ['UPDATE', 2, 3, 'PROPOSAL', 'PROPOSAL'],
    ]);
    assert.deepEqual(all.map((e: any) => e.operation), ['createOpportunity', 'changeOpportunityStage', 'updateOpportunity']);
    assert.ok(all.every((e: any) => e.actor === 'usr_us_sales' && e.correlationId === 'test' && e.subgraph === 'crm' && e.roles.includes('sales')));
    const denied = await h.as(usSales).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { crm { id } } } }`, { r: [{ __typename: 'EntityHistory', entityType: 'Opportunity', entityId: fixture.usOpp }] });
    assert.equal(denied.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const trail = await h.as(admin).ok<any>(`{ auditTrail(correlationId: "test") { correlationId crm { entityType } } }`);
    assert.ok(trail.auditTrail.crm.length >= 5);
  });

  test('every field a caller may be refused is nullable, so refusal never nulls its parent', () => {
    assert.deepEqual(nonNullProtectedFields(h.subgraph.schema), []);
  });
});
