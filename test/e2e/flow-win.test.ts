import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eventOf } from '../../platform/events/relay.js';
import { principal } from '../support/auth.js';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { TERMINAL } from '../support/flows.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 1 — opportunity won → engagement set up, end to end through the gateway: every mutation and every assertion
// goes over HTTP; the databases are read only for what the graph does not expose (outbox, inbox, versions seen).

const WIN = `mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { id version isWon closedWonAt run { correlationId status } } }`;

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) {
  correlationId status sagaType
  steps { name status attempts lastError }
  runs { id sagaType status generation subject { typename id } links { typename id } }
  exceptions { id status step code attempts }
} }`;

const ENGAGEMENT = `query($opp: ID!, $acc: ID!) {
  opportunity(id: $opp) {
    id isWon
    run { correlationId status }
    delivery { projectId customerFinancialId billingScheduleId linkedAt }
    project {
      id status billingModel currency activatedAt
      budgetRevenue { amountMinor currency }
      tasks { wbsCode name isBillable parentTask { wbsCode } }
      resourceRequests { roleCode level minutes status }
      setupRun { correlationId status }
      billingSchedules { id status type frequency inArrears currency taxCode
        rateCard { id scope contractId legalEntityId currency lines { roleCode billRate } }
        lines { plannedDate status amount { amountMinor currency } } }
      revenueSchedules { id status method allocatedAmount { amountMinor currency } lines { period plannedAmount { amountMinor } } }
    }
  }
  projects(filter: { accountId: $acc }) { edges { node { id status resourceRequests { status } } } }
  billingSchedules(filter: { accountId: $acc }) { edges { node { id status project { id } } } }
  customerFinancials(filter: { crmAccountId: $acc }) { edges { node { id legalEntityId currency status } } }
}`;

const AUDIT = `query($c: ID!) { auditTrail(correlationId: $c) {
  crm { correlationId entityType entityId action toStatus subgraph }
  projects { correlationId entityType entityId action toStatus subgraph }
  billing { correlationId entityType entityId action toStatus subgraph }
  finance { correlationId entityType entityId action toStatus subgraph }
} }`;

const RUNNING = new Set(['PENDING', 'RUNNING', 'COMPENSATING']);

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;
const today = new Date().toISOString().slice(0, 10);

before(async () => {
  graph = await startGraph();
  firm = await setUpFirm(graph);
});
after(async () => graph?.stop());

/** Waits for a flow to reach a terminal status (never a sleep: polls `orchestrationRun`). */
async function settled(correlationId: string, want?: string): Promise<any> {
  const flow = await waitFor(async () => {
    const f = (await graph.data(FLOW, { c: correlationId })).orchestrationRun;
    return TERMINAL.has(f.status) ? f : null;
  }, 30_000, `flow ${correlationId} to settle`);
  if (want) assert.equal(flow.status, want, JSON.stringify(flow, null, 1));
  return flow;
}

async function win(opportunityId: string, idempotencyKey = `win-${opportunityId}`): Promise<{ correlationId: string; opportunity: any }> {
  const data = await graph.data(WIN, { i: { opportunityId, idempotencyKey } });
  const o = data.winOpportunity;
  assert.equal(o.isWon, true);
  assert.ok(o.run?.correlationId, 'the win returns its flow');
  return { correlationId: o.run.correlationId, opportunity: o };
}

const engagement = async (opportunityId: string, accountId: string) => graph.data(ENGAGEMENT, { opp: opportunityId, acc: accountId });
const nodes = <T = any>(conn: { edges: Array<{ node: T }> }): T[] => conn.edges.map((e) => e.node);
const cycleCount = async (): Promise<number> => (await graph.data(`query($r: DateRange) { setupCycleTime(closedWon: $r) { count medianDays } }`, { r: { from: today, to: today } })).setupCycleTime.count;

/** A won-ready opportunity in another currency than the firm's card (billing cannot find a rate card to copy). */
async function readyToWinIn(currency: string, valueMinor = '5000000'): Promise<{ accountId: string; opportunityId: string; contractId: string }> {
  return readyToWin(graph, { legalEntityId: firm.legalEntityId, currency }, 'TIME_AND_MATERIALS', valueMinor);
}

/** Asserts exactly one of each record for a completed set-up, and returns the engagement. */
async function assertOneOfEach(w: { opportunityId: string; accountId: string }, billable: boolean): Promise<any> {
  const e = await engagement(w.opportunityId, w.accountId);
  assert.equal(nodes(e.projects).length, 1, 'exactly one project');
  assert.equal(nodes(e.customerFinancials).length, 1, 'exactly one customer financial for the account and legal entity');
  assert.equal(nodes(e.customerFinancials)[0].legalEntityId, firm.legalEntityId);
  assert.equal(nodes(e.billingSchedules).length, billable ? 1 : 0, 'one billing schedule when billable, none otherwise');
  assert.equal(e.opportunity.project.revenueSchedules.length, billable ? 1 : 0, 'one revenue schedule when billable, none otherwise');
  return e;
}

describe('flow 1: opportunity won → engagement set up', () => {
  test('time and materials: customer, project with WBS and requests, schedule with the contract card, revenue, links, ACTIVE', async () => {
    const before = await cycleCount();
    const w = await readyToWin(graph, firm, 'TIME_AND_MATERIALS', '12000000');
    const { correlationId, opportunity } = await win(w.opportunityId);
    assert.ok(RUNNING.has(opportunity.run.status) || opportunity.run.status === 'COMPLETED');
    const flow = await settled(correlationId, 'COMPLETED');
    assert.equal(flow.sagaType, 'WIN_OPPORTUNITY');
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [
      ['customer', 'SUCCEEDED'], ['project', 'SUCCEEDED'], ['billing', 'SUCCEEDED'], ['revenue', 'SUCCEEDED'], ['link', 'SUCCEEDED'], ['activate', 'SUCCEEDED'],
    ]);
    assert.ok(flow.steps.every((s: any) => s.attempts === 1), 'no step needed a retry');
    assert.equal(flow.runs.length, 1);
    assert.deepEqual(flow.runs[0].subject, { typename: 'Opportunity', id: w.opportunityId });
    assert.deepEqual(flow.exceptions, []);

    const e = await assertOneOfEach(w, true);
    const o = e.opportunity;
    const p = o.project;
    assert.equal(o.run.correlationId, correlationId);
    assert.equal(o.run.status, 'COMPLETED');
    assert.equal(p.status, 'ACTIVE');
    assert.ok(p.activatedAt);
    assert.equal(p.billingModel, 'TIME_AND_MATERIALS');
    assert.deepEqual(p.budgetRevenue, { amountMinor: '12000000', currency: 'USD' });
    assert.deepEqual(p.setupRun, { correlationId, status: 'COMPLETED' });
    // WBS from the time-and-materials template, and one open request per role of its staffing mix
    assert.deepEqual(p.tasks.map((t: any) => t.name).sort(), ['Build', 'Delivery', 'Design', 'Discovery', 'Hypercare', 'Test']);
    assert.deepEqual(p.tasks.filter((t: any) => t.parentTask).map((t: any) => t.name).sort(), ['Build', 'Design', 'Test']);
    assert.ok(p.tasks.every((t: any) => t.isBillable));
    assert.deepEqual(p.resourceRequests.map((r: any) => r.roleCode).sort(), ['ARCHITECT', 'CONSULTANT', 'PROJECT_MANAGER', 'SENIOR_CONSULTANT']);
    assert.ok(p.resourceRequests.every((r: any) => r.minutes > 0 && r.status !== 'CANCELLED'));

    // crm links back to every record the flow created
    assert.equal(o.delivery.projectId, p.id);
    assert.equal(o.delivery.customerFinancialId, nodes(e.customerFinancials)[0].id);
    const schedule = p.billingSchedules[0];
    assert.equal(o.delivery.billingScheduleId, schedule.id);
    assert.equal(schedule.status, 'ACTIVE');
    assert.equal(schedule.type, 'TIME_AND_MATERIALS');
    assert.equal(schedule.currency, 'USD');
    assert.deepEqual(schedule.lines, [], 'time and materials bills actuals, not instalments');
    // the client CONTRACT card is a copy of the legal entity's card
    assert.equal(schedule.rateCard.scope, 'CONTRACT');
    assert.equal(schedule.rateCard.contractId, w.contractId);
    assert.equal(schedule.rateCard.legalEntityId, firm.legalEntityId);
    assert.deepEqual(schedule.rateCard.lines.map((l: any) => [l.roleCode, l.billRate]).sort(), [['CONSULTANT', '150.0000'], ['PROJECT_MANAGER', '210.0000'], ['SENIOR_CONSULTANT', '190.0000']]);
    const revenue = p.revenueSchedules[0];
    assert.equal(revenue.status, 'ACTIVE');
    assert.equal(revenue.method, 'AS_INVOICED');
    assert.deepEqual(revenue.allocatedAmount, { amountMinor: '12000000', currency: 'USD' });

    // the run's links name the records it created
    const links = flow.runs[0].links.map((l: any) => `${l.typename}:${l.id}`).sort();
    assert.deepEqual(links, [
      `BillingSchedule:${schedule.id}`, `CustomerFinancial:${o.delivery.customerFinancialId}`, `Opportunity:${w.opportunityId}`, `Project:${p.id}`, `RevenueSchedule:${revenue.id}`,
    ].sort());

    // the audit trail of the correlation id shows the change in every system
    const trail = (await graph.data(AUDIT, { c: correlationId })).auditTrail;
    for (const system of ['crm', 'projects', 'billing', 'finance']) {
      assert.ok(trail[system].length > 0, `${system} recorded changes of the flow`);
      assert.ok(trail[system].every((a: any) => a.correlationId === correlationId && a.subgraph === system));
    }
    const has = (system: string, type: string, id: string) => trail[system].some((a: any) => a.entityType === type && a.entityId === id);
    assert.ok(has('crm', 'Opportunity', w.opportunityId));
    assert.ok(has('projects', 'Project', p.id));
    assert.ok(trail.projects.some((a: any) => a.entityType === 'Project' && a.entityId === p.id && a.toStatus === 'ACTIVE'), 'activation is audited');
    assert.ok(has('billing', 'BillingSchedule', schedule.id));
    assert.ok(has('billing', 'RateCard', schedule.rateCard.id));
    assert.ok(has('finance', 'CustomerFinancial', o.delivery.customerFinancialId));
    assert.ok(has('finance', 'RevenueSchedule', revenue.id));

    // the KPI counts this set-up
    const stats = (await graph.data(`query($r: DateRange) { setupCycleTime(closedWon: $r) { count medianDays p90Days meanDays } }`, { r: { from: today, to: today } })).setupCycleTime;
    assert.equal(stats.count, before + 1);
    assert.ok(stats.medianDays !== null && Number(stats.medianDays) >= 0);
  });

  test('fixed fee: the monthly instalments sum exactly to the contract value; revenue straight line', async () => {
    // 100 000.01 over July–December does not divide evenly: the largest remainder keeps the total exact.
    const w = await readyToWin(graph, firm, 'FIXED_FEE', '10000001');
    const { correlationId } = await win(w.opportunityId);
    await settled(correlationId, 'COMPLETED');
    const e = await assertOneOfEach(w, true);
    const p = e.opportunity.project;
    assert.equal(p.status, 'ACTIVE');
    assert.deepEqual(p.tasks.map((t: any) => t.name).sort(), ['Build', 'Deploy', 'Design', 'Discovery', 'Hypercare', 'Test']);
    assert.equal(p.resourceRequests.length, 5);
    const schedule = p.billingSchedules[0];
    assert.equal(schedule.type, 'FIXED_FEE_INTERVAL');
    assert.equal(schedule.status, 'ACTIVE');
    assert.equal(schedule.lines.length, 6);
    assert.deepEqual(schedule.lines.map((l: any) => l.plannedDate), ['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
    assert.ok(schedule.lines.every((l: any) => l.status === 'PLANNED' && l.amount.currency === 'USD'));
    assert.equal(schedule.lines.reduce((s: bigint, l: any) => s + BigInt(l.amount.amountMinor), 0n), 10000001n, 'instalments sum to the value to the minor unit');
    const amounts = schedule.lines.map((l: any) => BigInt(l.amount.amountMinor));
    assert.ok(amounts.every((a: bigint) => a === 1666666n || a === 1666667n), 'equal shares by largest remainder');
    const revenue = p.revenueSchedules[0];
    assert.equal(revenue.method, 'STRAIGHT_LINE');
    assert.deepEqual(revenue.allocatedAmount, { amountMinor: '10000001', currency: 'USD' });
    assert.equal(revenue.lines.reduce((s: bigint, l: any) => s + BigInt(l.plannedAmount.amountMinor), 0n), 10000001n);
  });

  test('milestone: an on-event schedule without lines, revenue by milestone', async () => {
    const w = await readyToWin(graph, firm, 'MILESTONE', '7500000');
    const { correlationId } = await win(w.opportunityId);
    await settled(correlationId, 'COMPLETED');
    const e = await assertOneOfEach(w, true);
    const p = e.opportunity.project;
    assert.equal(p.status, 'ACTIVE');
    const schedule = p.billingSchedules[0];
    assert.equal(schedule.type, 'MILESTONE');
    assert.equal(schedule.frequency, 'ON_EVENT');
    assert.deepEqual(schedule.lines, []);
    assert.equal(p.revenueSchedules[0].method, 'MILESTONE');
    assert.deepEqual(p.revenueSchedules[0].allocatedAmount, { amountMinor: '7500000', currency: 'USD' });
  });

  test('non-billable: billing and revenue steps are SKIPPED; the project is ACTIVE and linked without a schedule', async () => {
    const w = await readyToWin(graph, firm, 'NON_BILLABLE', '100');
    const { correlationId } = await win(w.opportunityId);
    const flow = await settled(correlationId, 'COMPLETED');
    assert.deepEqual(Object.fromEntries(flow.steps.map((s: any) => [s.name, s.status])), {
      customer: 'SUCCEEDED', project: 'SUCCEEDED', billing: 'SKIPPED', revenue: 'SKIPPED', link: 'SUCCEEDED', activate: 'SUCCEEDED',
    });
    const e = await assertOneOfEach(w, false);
    const p = e.opportunity.project;
    assert.equal(p.status, 'ACTIVE');
    assert.equal(p.billingModel, 'NON_BILLABLE');
    assert.deepEqual(p.tasks.map((t: any) => t.name).sort(), ['Closure', 'Execution', 'Planning']);
    assert.ok(p.tasks.every((t: any) => !t.isBillable));
    assert.equal(e.opportunity.delivery.projectId, p.id);
    assert.equal(e.opportunity.delivery.billingScheduleId, null);
    assert.deepEqual(p.setupRun, { correlationId, status: 'COMPLETED' });
  });
});

describe('flow 1: nothing is done twice', () => {
  test('the same idempotency key sent 20 times at once wins once and sets up once', async () => {
    const w = await readyToWin(graph, firm);
    const answers = await Promise.all(Array.from({ length: 20 }, () => graph.post(WIN, { i: { opportunityId: w.opportunityId, idempotencyKey: `win-20-${w.opportunityId}` } })));
    const won = answers.filter((a) => a.status === 200 && !a.body.errors).map((a) => a.body.data.winOpportunity);
    const inFlight = answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'IDEMPOTENCY_KEY_IN_FLIGHT');
    assert.equal(won.length + inFlight.length, 20, JSON.stringify(answers.find((a) => a.body.errors && a.body.errors[0].extensions?.code !== 'IDEMPOTENCY_KEY_IN_FLIGHT')?.body));
    assert.ok(won.length >= 1);
    // a replay re-reads the stored opportunity (the flow may have moved its version on since): one win, one closing time
    assert.equal(new Set(won.map((o) => `${o.id}:${o.closedWonAt}`)).size, 1, 'every answer is the stored result of one win');
    const correlationIds = new Set(won.map((o) => o.run.correlationId));
    assert.equal(correlationIds.size, 1, 'one flow');
    const [correlationId] = [...correlationIds] as [string];
    const flow = await settled(correlationId, 'COMPLETED');
    assert.equal(flow.runs.length, 1, 'one run');
    await assertOneOfEach(w, true);
    const won1 = (await graph.data(`query($id: ID!) { opportunity(id: $id) { stageCode isWon stageHistory { toStageCode } } }`, { id: w.opportunityId })).opportunity;
    assert.equal(won1.isWon, true);
    assert.equal(won1.stageHistory.filter((h: any) => h.toStageCode === won1.stageCode).length, 1, 'one stage change to won');
    const events = await graph.dbs.crm.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM outbox WHERE type = 'OpportunityClosedWon' AND entity_id = $1`, [w.opportunityId]);
    assert.equal(events[0]!.n, 1n, 'one OpportunityClosedWon event');
    // a later repeat replays the stored answer
    const again = await graph.data(WIN, { i: { opportunityId: w.opportunityId, idempotencyKey: `win-20-${w.opportunityId}` } });
    assert.equal(again.winOpportunity.run.correlationId, correlationId);
  });

  test('winning a won opportunity again with another key is refused and starts nothing', async () => {
    const w = await readyToWin(graph, firm);
    const { correlationId } = await win(w.opportunityId, `first-${w.opportunityId}`);
    await settled(correlationId, 'COMPLETED');
    const again = await graph.post(WIN, { i: { opportunityId: w.opportunityId, idempotencyKey: `second-${w.opportunityId}` } });
    assert.equal(again.status, 200);
    assert.equal(again.body.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION', JSON.stringify(again.body));
    const o = (await graph.data(`query($id: ID!) { opportunity(id: $id) { isWon run { correlationId status } } }`, { id: w.opportunityId })).opportunity;
    assert.deepEqual(o.run, { correlationId, status: 'COMPLETED' }, 'the opportunity still shows the first flow');
    const events = await graph.dbs.crm.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM outbox WHERE type = 'OpportunityClosedWon' AND entity_id = $1`, [w.opportunityId]);
    assert.equal(events[0]!.n, 1n);
    await assertOneOfEach(w, true);
  });

  test('a duplicate OpportunityClosedWon starts no second run; an older version after a newer one is dropped', async () => {
    const w = await readyToWin(graph, firm);
    const { correlationId } = await win(w.opportunityId);
    await settled(correlationId, 'COMPLETED');
    const rows = await graph.dbs.crm.query<any>(
      `SELECT seq, event_id, type, entity_type, entity_id, entity_version, occurred_at, correlation_id, causation_id, actor, payload, published_at
         FROM outbox WHERE type = 'OpportunityClosedWon' AND entity_id = $1`, [w.opportunityId],
    );
    assert.equal(rows.length, 1);
    assert.ok(rows[0].published_at, 'the relay published the event');
    const original = eventOf(rows[0], 'crm');
    assert.equal(original.correlationId, correlationId);

    // at-least-once delivery: the same event again (the in-process bus resolves once the consumer has handled it)
    await graph.bus.publish([original, original]);
    const runs = await graph.orchestrationDb.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM saga_runs WHERE subject_id = $1`, [w.opportunityId]);
    assert.equal(runs[0]!.n, 1n, 'no second run');

    // out of order: a stale version of the opportunity's event (its own id and flow) arrives after the newer one
    const stale = { ...original, eventId: randomUUID(), correlationId: `stale-${randomUUID()}`, entityVersion: (original.entityVersion as number) - 1 };
    await graph.bus.publish([stale]);
    const inbox = await graph.orchestrationDb.query<{ event_id: string }>(`SELECT event_id FROM inbox WHERE event_id = ANY($1::text[])`, [[original.eventId, stale.eventId]]);
    assert.equal(inbox.length, 2, 'both events were received (once each)');
    const seen = await graph.orchestrationDb.query<{ version: number }>(`SELECT version FROM entity_versions WHERE entity_type = 'Opportunity' AND entity_id = $1`, [w.opportunityId]);
    assert.equal(Number(seen[0]!.version), original.entityVersion, 'the newer version stands');
    const staleFlow = (await graph.data(FLOW, { c: stale.correlationId })).orchestrationRun;
    assert.equal(staleFlow.status, 'PENDING', 'the stale event started nothing');
    assert.deepEqual(staleFlow.runs, []);

    const flow = await settled(correlationId, 'COMPLETED');
    assert.equal(flow.runs.length, 1);
    await assertOneOfEach(w, true);
  });
});

describe('flow 1: a step that fails for good', () => {
  const EXCEPTIONS = `query($s: [ExceptionStatus!]) { orchestrationExceptions(first: 200, filter: { statuses: $s }) { edges { node { id correlationId sagaType step code cause payload attempts status resolvedBy resolution run { status } } } } }`;
  const openExceptionOf = async (correlationId: string) =>
    nodes((await graph.data(EXCEPTIONS, { s: ['OPEN'] })).orchestrationExceptions).find((x: any) => x.correlationId === correlationId);

  test('is compensated, shows as an exception, and completes on replay once the cause is fixed', async () => {
    // The firm's only card is in USD: billing has no EUR card to copy for the contract.
    const w = await readyToWinIn('EUR');
    const { correlationId } = await win(w.opportunityId);
    const flow = await settled(correlationId, 'COMPENSATED');
    assert.deepEqual(Object.fromEntries(flow.steps.map((s: any) => [s.name, s.status])), {
      customer: 'SUCCEEDED', project: 'COMPENSATED', billing: 'FAILED', revenue: 'PENDING', link: 'PENDING', activate: 'PENDING',
    });
    const failed = flow.steps.find((s: any) => s.name === 'billing');
    assert.equal(failed.attempts, 1, 'a refusal is not retried');
    assert.match(failed.lastError, /BAD_USER_INPUT/);

    // compensation cancels, never deletes
    let e = await engagement(w.opportunityId, w.accountId);
    const cancelled = nodes(e.projects);
    assert.equal(cancelled.length, 1);
    assert.equal(cancelled[0].status, 'CANCELLED');
    assert.ok(cancelled[0].resourceRequests.length > 0 && cancelled[0].resourceRequests.every((r: any) => r.status === 'CANCELLED'), 'its resource requests are cancelled');
    assert.equal(nodes(e.billingSchedules).length, 0);
    assert.equal(e.opportunity.delivery, null, 'nothing was linked');

    const exception = await openExceptionOf(correlationId);
    assert.ok(exception, 'an OPEN exception for the flow');
    assert.equal(exception.sagaType, 'WIN_OPPORTUNITY');
    assert.equal(exception.step, 'billing');
    assert.equal(exception.code, 'BAD_USER_INPUT');
    assert.match(exception.cause, /rate card/);
    assert.equal(exception.attempts, 1);
    const payload = JSON.parse(exception.payload);
    assert.equal(payload.context.opportunityId, w.opportunityId);
    assert.equal(payload.context.projectId, cancelled[0].id);
    assert.equal(exception.run.status, 'COMPENSATED');

    // only an integration admin may replay
    for (const roles of [['executive'], ['finance', 'sales']] as const) {
      const token = graph.tokenFor(principal([...roles]));
      const refused = await graph.post(`mutation($i: ReplayExceptionInput!) { replayException(input: $i) { id status } }`, { i: { id: exception.id } }, { authorization: `Bearer ${token}` });
      assert.ok(['FORBIDDEN', 'UNAUTHORIZED'].includes(refused.body.errors?.[0]?.extensions?.code), JSON.stringify(refused.body));
    }
    assert.equal((await openExceptionOf(correlationId))?.id, exception.id, 'the refused replays changed nothing');

    // fix the cause: the legal entity gets a EUR card; then replay
    await graph.data(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
      i: { name: 'EUR card', scope: 'LEGAL_ENTITY', legalEntityId: firm.legalEntityId, currency: 'EUR', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '140' }] },
    });
    const replayed = await graph.data(`mutation($i: ReplayExceptionInput!) { replayException(input: $i) { id status resolvedBy resolution } }`, { i: { id: exception.id, idempotencyKey: `replay-${exception.id}` } });
    assert.equal(replayed.replayException.status, 'REPLAYED');
    assert.equal(replayed.replayException.resolvedBy, 'usr_test_admin');
    const done = await settled(correlationId, 'COMPLETED');
    assert.equal(done.runs.length, 1);
    assert.equal(done.runs[0].generation, 2);
    assert.ok(done.steps.every((s: any) => s.status === 'SUCCEEDED'));

    e = await engagement(w.opportunityId, w.accountId);
    const projects = nodes(e.projects);
    assert.equal(projects.length, 2, 'the cancelled project stays; one new project');
    assert.equal(projects.filter((p: any) => p.status === 'CANCELLED').length, 1);
    const live = projects.filter((p: any) => p.status !== 'CANCELLED');
    assert.equal(live.length, 1, 'exactly one live project');
    assert.equal(live[0].status, 'ACTIVE');
    assert.equal(e.opportunity.project.id, live[0].id);
    assert.equal(e.opportunity.delivery.projectId, live[0].id);
    assert.equal(nodes(e.billingSchedules).length, 1);
    assert.equal(nodes(e.billingSchedules)[0].project.id, live[0].id);
    assert.equal(nodes(e.customerFinancials).length, 1, 'the customer was not created twice');
    assert.equal(e.opportunity.project.billingSchedules[0].rateCard.currency, 'EUR');
    assert.deepEqual(e.opportunity.project.setupRun, { correlationId, status: 'COMPLETED' });
    assert.equal(await openExceptionOf(correlationId), undefined, 'the exception is no longer open');

    // replaying it again is refused
    const twice = await graph.post(`mutation($i: ReplayExceptionInput!) { replayException(input: $i) { id } }`, { i: { id: exception.id } });
    assert.equal(twice.body.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
  });

  test('cancelling the exception of a failed set-up leaves it compensated for good', async () => {
    const w = await readyToWinIn('GBP');
    const { correlationId } = await win(w.opportunityId);
    await settled(correlationId, 'COMPENSATED');
    const exception = await openExceptionOf(correlationId);
    assert.ok(exception);
    const token = graph.tokenFor(principal(['executive']));
    const refused = await graph.post(`mutation($i: CancelExceptionInput!) { cancelException(input: $i) { id } }`, { i: { id: exception.id, reason: 'no' } }, { authorization: `Bearer ${token}` });
    assert.ok(['FORBIDDEN', 'UNAUTHORIZED'].includes(refused.body.errors?.[0]?.extensions?.code), JSON.stringify(refused.body));
    const cancelled = await graph.data(`mutation($i: CancelExceptionInput!) { cancelException(input: $i) { id status resolution resolvedBy } }`, { i: { id: exception.id, reason: 'client withdrew' } });
    assert.deepEqual(cancelled.cancelException, { id: exception.id, status: 'CANCELLED', resolution: 'client withdrew', resolvedBy: 'usr_test_admin' });
    const flow = await settled(correlationId, 'CANCELLED');
    assert.equal(flow.runs[0].status, 'CANCELLED');
    const e = await engagement(w.opportunityId, w.accountId);
    assert.deepEqual(nodes(e.projects).map((p: any) => p.status), ['CANCELLED']);
    assert.equal(nodes(e.billingSchedules).length, 0);
    const replay = await graph.post(`mutation($i: ReplayExceptionInput!) { replayException(input: $i) { id } }`, { i: { id: exception.id } });
    assert.equal(replay.body.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION', 'a cancelled exception cannot be replayed');
  });
});
