import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { EXECUTIVE, principal } from '../support/auth.js';
import { startGraph, type Graph } from '../support/graph.js';

let graph: Graph;
const seen: Array<{ subgraph: string; correlationId: string }> = [];

before(async () => {
  graph = await startGraph({ gatewayEnv: { SUBGRAPH_TIMEOUT_MS: '800' }, onSubgraphRequest: (subgraph, correlationId) => seen.push({ subgraph, correlationId }) });
});
after(async () => graph?.stop());

const base = () => graph.gateway.url.replace(/\/graphql$/, '');
const CROSS = `query($id: ID!) { project(id: $id) { id name account { name } billedToDate { amount } margin { percent } } }`;

let engagements = 0;

async function setUpEngagement(): Promise<{ accountId: string; projectId: string }> {
  engagements += 1;
  const acc = await graph.data(`mutation { createAccount(input: { name: "Gateway Test Co", ownerUserId: "usr_1" }) { id } }`);
  const res = await graph.data(`mutation { createResource(input: { employeeNumber: "GW-${engagements}", displayName: "Pat Manager", roleCode: "PROJECT_MANAGER", legalEntityId: "le_gw", employmentType: EMPLOYEE, costRates: [{ effectiveFrom: "2026-01-01", rate: "90", currency: "USD" }] }) { id } }`);
  const prj = await graph.data(
    `mutation($a: ID!, $pm: ID!) { createProject(input: { name: "Gateway rollout", accountId: $a, legalEntityId: "le_gw", billingModel: TIME_AND_MATERIALS, currency: USD, startDate: "2026-01-05", projectManagerId: $pm, marginThresholdPct: "25" }) { id } }`,
    { a: acc.createAccount.id, pm: res.createResource.id },
  );
  return { accountId: acc.createAccount.id, projectId: prj.createProject.id };
}

describe('gateway edge', () => {
  test('health is open; readiness reflects every subgraph', async () => {
    const health = await fetch(`${base()}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', component: 'gateway' });
    const ready = await fetch(`${base()}/readyz`);
    assert.equal(ready.status, 200);
    const body = (await ready.json()) as any;
    assert.deepEqual(body.subgraphs, { crm: 'ready', projects: 'ready', billing: 'ready', finance: 'ready', orchestration: 'ready' });
  });

  test('the correlation id is taken from the client, forwarded to every subgraph and returned', async () => {
    const { projectId } = await setUpEngagement();
    seen.length = 0;
    const r = await graph.post(CROSS, { id: projectId }, { 'x-correlation-id': 'portal-req-42' });
    assert.equal(r.status, 200);
    assert.equal(r.body.errors, undefined);
    assert.equal(r.headers.get('x-correlation-id'), 'portal-req-42');
    assert.deepEqual([...new Set(seen.map((s) => s.subgraph))].sort(), ['billing', 'crm', 'finance', 'projects']);
    assert.ok(seen.every((s) => s.correlationId === 'portal-req-42'));
  });

  test('a missing or malformed correlation id is replaced by a generated one', async () => {
    for (const header of [undefined, 'bad id with spaces\r\nX-Injected: 1', 'x'.repeat(500)]) {
      seen.length = 0;
      const r = await graph.post(`{ accounts(first: 1) { edges { node { id } } } }`, undefined, header ? { 'x-correlation-id': header.replace(/[\r\n]/g, ' ') } : {});
      const id = r.headers.get('x-correlation-id') ?? '';
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.ok(seen.every((s) => s.correlationId === id));
    }
  });

  test('oversized bodies get 413 and malformed JSON 400, as GraphQL-shaped errors', async () => {
    const authorization = `Bearer ${graph.tokenFor(EXECUTIVE)}`;
    const big = await fetch(graph.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(300_000) } }) });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as any).errors[0].extensions.code, 'PAYLOAD_TOO_LARGE');
    const bad = await fetch(graph.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: '{"query": "{ __typename }",' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as any).errors[0].extensions.code, 'BAD_REQUEST');
  });

  test('domain errors keep their stable codes through the gateway; nothing is written', async () => {
    const { accountId } = await setUpEngagement();
    const opp = await graph.data(`mutation($a: ID!) { createOpportunity(input: { accountId: $a, name: "Deal", amount: { amountMinor: "5000000", currency: "USD" }, expectedCloseDate: "2026-12-01", pricingModel: TIME_AND_MATERIALS, legalEntityId: "le_gw", ownerUserId: "usr_1" }) { id version } }`, { a: accountId });
    const win = await graph.post(`mutation($id: ID!) { changeOpportunityStage(input: { id: $id, stageCode: "CLOSED_WON" }) { id } }`, { id: opp.createOpportunity.id });
    assert.equal(win.body.errors[0].extensions.code, 'INVALID_TRANSITION');
    await graph.data(`mutation($id: ID!) { updateOpportunity(input: { id: $id, name: "Deal v2" }) { version } }`, { id: opp.createOpportunity.id });
    const stale = await graph.post(`mutation($id: ID!) { updateOpportunity(input: { id: $id, expectedVersion: 1, name: "Lost update" }) { version } }`, { id: opp.createOpportunity.id });
    assert.equal(stale.body.errors[0].extensions.code, 'VERSION_CONFLICT');
    const bad = await graph.post(`mutation($a: ID!) { createOpportunity(input: { accountId: $a, name: "x", amount: { amountMinor: "-1", currency: "USD" }, expectedCloseDate: "2026-12-01", pricingModel: FIXED_FEE, legalEntityId: "le_gw", ownerUserId: "u" }) { id } }`, { a: accountId });
    assert.equal(bad.body.errors[0].extensions.code, 'BAD_USER_INPUT');
    const now = await graph.data(`query($id: ID!) { opportunity(id: $id) { name version } account(id: "${accountId}") { opportunities { id } } }`, { id: opp.createOpportunity.id });
    assert.deepEqual(now.opportunity, { name: 'Deal v2', version: 2 });
    assert.equal(now.account.opportunities.length, 1);
  });
});

describe('audit trail through the graph', () => {
  test('an integration admin reads every system\'s changes by correlation id; others are refused', async () => {
    const headers = { 'x-correlation-id': 'audit-e2e-1' };
    const acc = await graph.post(`mutation { createAccount(input: { name: "Audited Co", ownerUserId: "usr_1" }) { id } }`, undefined, headers);
    const res = await graph.post(`mutation { createResource(input: { employeeNumber: "AUD-1", displayName: "Audited Person", roleCode: "ANALYST", legalEntityId: "le_gw", employmentType: EMPLOYEE, costRates: [{ effectiveFrom: "2026-01-01", rate: "80", currency: "USD" }] }) { id } }`, undefined, headers);
    assert.equal(acc.body.errors, undefined);
    assert.equal(res.body.errors, undefined);
    const admin = graph.tokenFor(principal(['integration_admin'], '*', null, 'usr_integration'));
    const trail = await graph.post(`{ auditTrail(correlationId: "audit-e2e-1") { crm { entityType action actor operation } projects { entityType action operation } billing { id } finance { id } } }`, undefined, { authorization: `Bearer ${admin}` });
    assert.equal(trail.body.errors, undefined);
    assert.deepEqual(trail.body.data.auditTrail.crm, [{ entityType: 'Account', action: 'CREATE', actor: 'usr_test_admin', operation: 'createAccount' }]);
    assert.deepEqual(trail.body.data.auditTrail.projects, [{ entityType: 'Resource', action: 'CREATE', operation: 'createResource' }]);
    assert.deepEqual(trail.body.data.auditTrail.billing, []);
    const history = await graph.post(`query($id: ID!) { entityHistory(entityType: "Account", entityId: $id) { crm { action toVersion correlationId } } }`, { id: acc.body.data.createAccount.id }, { authorization: `Bearer ${admin}` });
    assert.deepEqual(history.body.data.entityHistory.crm, [{ action: 'CREATE', toVersion: 1, correlationId: 'audit-e2e-1' }]);
    const finance = graph.tokenFor(principal(['finance'], '*'));
    const refused = await graph.post(`{ auditTrail(correlationId: "audit-e2e-1") { crm { id } } }`, undefined, { authorization: `Bearer ${finance}` });
    assert.equal(refused.body.data.auditTrail, null);
    assert.equal(refused.body.errors[0].extensions.code, 'FORBIDDEN');
  });
});

describe('subgraph failures', () => {
  test('a subgraph that is down yields partial data and SUBGRAPH_UNAVAILABLE; readiness turns 503', async () => {
    const { projectId } = await setUpEngagement();
    const finance = graph.subgraphs.finance;
    const port = finance.port;
    await finance.close();
    try {
      const r = await graph.post(CROSS, { id: projectId });
      assert.equal(r.status, 200);
      assert.equal(r.body.data.project.name, 'Gateway rollout');
      assert.equal(r.body.data.project.billedToDate.amount, '0.00');
      assert.equal(r.body.data.project.margin, null);
      assert.equal(r.body.errors[0].extensions.code, 'SUBGRAPH_UNAVAILABLE');
      assert.equal(r.body.errors[0].extensions.serviceName, 'finance');
      const ready = await fetch(`${base()}/readyz`);
      assert.equal(ready.status, 503);
      assert.equal(((await ready.json()) as any).subgraphs.finance, 'unavailable');

      // A subgraph that accepts connections but never answers: the gateway gives up at its timeout.
      const sockets = new Set<Socket>();
      const blackHole: Server = createServer((s) => { sockets.add(s); s.on('error', () => undefined); });
      await new Promise<void>((resolve) => blackHole.listen(port, '127.0.0.1', resolve));
      try {
        const started = Date.now();
        const slow = await graph.post(CROSS, { id: projectId });
        const elapsed = Date.now() - started;
        assert.equal(slow.body.data.project.name, 'Gateway rollout');
        assert.equal(slow.body.errors[0].extensions.code, 'SUBGRAPH_TIMEOUT');
        assert.ok(elapsed >= 700 && elapsed < 5000, `answered after ${elapsed} ms with an 800 ms timeout`);
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => blackHole.close(() => resolve()));
      }
    } finally {
      // The finance subgraph stays down for the rest of this file; it is the last test.
    }
  });
});
