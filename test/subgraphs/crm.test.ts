import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createCrmSubgraph, crmMigrations } from '../../subgraphs/crm/src/index.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

let h: SubgraphHarness<ReturnType<ReturnType<typeof createCrmSubgraph>['createContext']>>;

before(async () => {
  const db = await openTestDatabase('crm', crmMigrations());
  h = await SubgraphHarness.start(createCrmSubgraph(db), db);
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const usd = (minor: string) => ({ amountMinor: minor, currency: 'USD' });

async function account(name = 'Acme Corp'): Promise<string> {
  const d = await h.ok<{ createAccount: { id: string } }>(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { name, ownerUserId: 'usr_sales1', type: 'CUSTOMER' } });
  return d.createAccount.id;
}

async function opportunity(accountId: string): Promise<{ id: string; version: number }> {
  const d = await h.ok<{ createOpportunity: { id: string; version: number } }>(
    `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id version } }`,
    { i: { accountId, name: 'ERP rollout', amount: usd('25000000'), expectedCloseDate: '2026-12-15', pricingModel: 'TIME_AND_MATERIALS', legalEntityId: 'le_us', ownerUserId: 'usr_sales1' } },
  );
  return d.createOpportunity;
}

async function activatedContract(accountId: string, opportunityId: string): Promise<string> {
  const d = await h.ok<{ createContract: { id: string } }>(
    `mutation($i: CreateContractInput!) { createContract(input: $i) { id } }`,
    { i: { accountId, opportunityId, kind: 'SOW', legalEntityId: 'le_us', startDate: '2027-01-04', billingModel: 'TIME_AND_MATERIALS', originalValue: usd('25000000') } },
  );
  const id = d.createContract.id;
  await h.ok(`mutation($id: ID!) { transitionContract(input: { id: $id, action: SUBMIT }) { status } }`, { id });
  await h.ok(`mutation($id: ID!) { transitionContract(input: { id: $id, action: ACTIVATE }) { status } }`, { id });
  return id;
}

describe('crm opportunities', () => {
  test('win requires an activated contract, then records closedWonAt and stage history', async () => {
    const acc = await account();
    const opp = await opportunity(acc);
    const refused = await h.run(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_WON" }) { id } }`, { id: opp.id });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal(refused.data, null);

    await activatedContract(acc, opp.id);
    // Delivery is set up from the expected start date, so winning without one is refused and writes nothing.
    const undated = await h.run(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_WON" }) { id } }`, { id: opp.id });
    assert.equal(undated.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(undated.errors?.[0]?.extensions?.field, 'expectedStartDate');
    await h.ok(`mutation($id: ID!) { updateOpportunity(input: { id: $id, expectedStartDate: "2027-01-04" }) { id } }`, { id: opp.id });
    const won = await h.ok<{ changeOpportunityStage: any }>(
      `mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_WON" }) {
        stageCode isWon isClosed probability forecastCategory closedWonAt contract { status } stageHistory { fromStageCode toStageCode } } }`,
      { id: opp.id },
    );
    const o = won.changeOpportunityStage;
    assert.equal(o.isWon, true);
    assert.equal(o.probability, 100);
    assert.equal(o.forecastCategory, 'CLOSED');
    assert.match(o.closedWonAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(o.contract.status, 'ACTIVATED');
    assert.deepEqual(o.stageHistory.map((s: any) => s.toStageCode), ['PROSPECTING', 'CLOSED_WON']);
  });

  test('losing requires a reason; won to lost directly is refused; reopen works', async () => {
    const acc = await account();
    const opp = await opportunity(acc);
    assert.equal(await h.errorCode(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_LOST" }) { id } }`, { id: opp.id }), 'BAD_USER_INPUT');
    await h.ok(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_LOST", lossReason: "Price" }) { id } }`, { id: opp.id });
    assert.equal(await h.errorCode(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_WON" }) { id } }`, { id: opp.id }), 'INVALID_TRANSITION');
    const reopened = await h.ok<{ changeOpportunityStage: any }>(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "NEGOTIATION" }) { isClosed lossReason closedAt } }`, { id: opp.id });
    assert.deepEqual(reopened.changeOpportunityStage, { isClosed: false, lossReason: null, closedAt: null });
  });

  test('a stale expectedVersion is a VERSION_CONFLICT and writes nothing', async () => {
    const acc = await account();
    const opp = await opportunity(acc);
    await h.ok(`mutation($id: ID!) { updateOpportunity(input: { id: $id, name: "Renamed" }) { version } }`, { id: opp.id });
    const r = await h.run(`mutation($id: ID!) { updateOpportunity(input: { id: $id, expectedVersion: 1, name: "Lost update" }) { version } }`, { id: opp.id });
    assert.equal(r.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.equal(r.errors?.[0]?.extensions?.currentVersion, 2);
    const now = await h.ok<{ opportunity: { name: string; version: number } }>(`query($id: ID!) { opportunity(id: $id) { name version } }`, { id: opp.id });
    assert.deepEqual(now.opportunity, { name: 'Renamed', version: 2 });
  });

  test('invalid input is rejected with BAD_USER_INPUT and nothing is written', async () => {
    const acc = await account('Validation Co');
    const before = await h.ok<{ account: { opportunities: unknown[] } }>(`query($id: ID!) { account(id: $id) { opportunities { id } } }`, { id: acc });
    for (const amount of [usd('0'), usd('-5'), { amountMinor: '100', currency: 'XXX' }, { amountMinor: '1.5', currency: 'USD' }]) {
      const r = await h.run(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
        i: { accountId: acc, name: 'x', amount, expectedCloseDate: '2026-12-15', pricingModel: 'FIXED_FEE', legalEntityId: 'le_us', ownerUserId: 'u' },
      });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(amount));
    }
    const r = await h.run(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
      i: { accountId: acc, name: '   ', amount: usd('100'), expectedCloseDate: '2026-02-30', pricingModel: 'FIXED_FEE', legalEntityId: 'le_us', ownerUserId: 'u' },
    });
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const after = await h.ok<{ account: { opportunities: unknown[] } }>(`query($id: ID!) { account(id: $id) { opportunities { id } } }`, { id: acc });
    assert.equal(after.account.opportunities.length, before.account.opportunities.length);
  });
});

describe('crm contracts', () => {
  test('executed amendments change the total contract value; others do not', async () => {
    const acc = await account();
    const opp = await opportunity(acc);
    const ctr = await activatedContract(acc, opp.id);
    const mk = async (delta: string) =>
      (await h.ok<{ createContractAmendment: { id: string; sequence: number } }>(
        `mutation($i: CreateContractAmendmentInput!) { createContractAmendment(input: $i) { id sequence } }`,
        { i: { contractId: ctr, effectiveDate: '2027-03-01', valueDelta: usd(delta), description: 'Scope change', rateChanges: [{ roleCode: 'ARCHITECT', billRate: '210.5' }] } },
      )).createContractAmendment;
    const a1 = await mk('5000000');
    const a2 = await mk('-1000000');
    assert.deepEqual([a1.sequence, a2.sequence], [1, 2]);
    await h.ok(`mutation($id: ID!) { transitionContractAmendment(input: { id: $id, action: SUBMIT }) { status } }`, { id: a1.id });
    await h.ok(`mutation($id: ID!) { transitionContractAmendment(input: { id: $id, action: EXECUTE }) { status } }`, { id: a1.id });
    await h.ok(`mutation($id: ID!) { transitionContractAmendment(input: { id: $id, action: WITHDRAW }) { status } }`, { id: a2.id });
    const c = await h.ok<{ contract: any }>(`query($id: ID!) { contract(id: $id) { totalContractValue { amountMinor amount } originalValue { amountMinor } amendments { status rateChanges { billRate } } } }`, { id: ctr });
    assert.equal(c.contract.totalContractValue.amountMinor, '30000000');
    assert.equal(c.contract.totalContractValue.amount, '300000.00');
    assert.equal(c.contract.originalValue.amountMinor, '25000000');
    assert.deepEqual(c.contract.amendments.map((a: any) => a.status), ['EXECUTED', 'WITHDRAWN']);
    assert.equal(c.contract.amendments[0].rateChanges[0].billRate, '210.5000');
  });

  test('signed contracts cannot be edited, only amended', async () => {
    const acc = await account();
    const opp = await opportunity(acc);
    const ctr = await activatedContract(acc, opp.id);
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateContract(input: { id: $id, paymentTermsDays: 45 }) { id } }`, { id: ctr }), 'INVALID_TRANSITION');
    assert.equal(await h.errorCode(`mutation($id: ID!) { transitionContract(input: { id: $id, action: SUBMIT }) { id } }`, { id: ctr }), 'INVALID_TRANSITION');
  });
});

describe('crm federation', () => {
  test('_entities resolves every owned entity by key, null for unknown ids, in one batch per type', async () => {
    const acc = await account('Entities Inc');
    const opp = await opportunity(acc);
    const ctr = await activatedContract(acc, opp.id);
    h.db.stats.take();
    const d = await h.ok<{ _entities: any[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Account { id name } ... on Opportunity { id name account { id } } ... on Contract { id status } } }`,
      { r: [{ __typename: 'Account', id: acc }, { __typename: 'Opportunity', id: opp.id }, { __typename: 'Contract', id: ctr }, { __typename: 'Account', id: 'acc_missing0000' }] },
    );
    assert.equal(d._entities[0].name, 'Entities Inc');
    assert.equal(d._entities[1].account.id, acc);
    assert.equal(d._entities[2].status, 'ACTIVATED');
    assert.equal(d._entities[3], null);
    // accounts (1, the nested account is served from the same loader), opportunities (1), contracts (1)
    assert.ok(h.db.stats.take() <= 3);
  });

  test('lists are cursor connections with filters', async () => {
    const ids = [await account('Page A'), await account('Page B'), await account('Page C')];
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: any = await h.ok(`query($after: String) { accounts(first: 2, after: $after, filter: { nameContains: "Page " }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      seen.push(...d.accounts.edges.map((e: any) => e.node.id));
      if (!d.accounts.pageInfo.hasNextPage) break;
      after = d.accounts.pageInfo.endCursor;
    }
    assert.deepEqual(seen, [...ids].sort());
    assert.equal(await h.errorCode(`{ accounts(first: 100000) { edges { node { id } } } }`), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`{ accounts(after: "garbage") { edges { node { id } } } }`), 'BAD_USER_INPUT');
  });
});
