import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eventOf } from '../../platform/events/relay.js';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 5 (domain model §2 F4): a contract amendment EXECUTED in crm → new terms from its effective date: the contract
// rate card revised, approved unbilled time from the date re-rated (billing supersedes its open items), BILLED time and
// INVOICED items untouched, the budget moved by the value change, the revenue schedule and (fixed fee) the billing
// schedule's future instalments re-planned. All through the gateway.

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;

before(async () => {
  graph = await startGraph();
  firm = await setUpFirm(graph);
});
after(async () => graph?.stop());

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) { correlationId status sagaType steps { name status attempts lastError } runs { sagaType status steps { name status lastError } } } }`;

/** Posts through the gateway under a correlation id of our choosing; fails on errors. */
async function postAs(correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const r = await graph.post(query, variables, { 'x-correlation-id': correlationId });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data;
}

/** Waits until a flow has finished and every run named in `sagas` has joined it; fails on a failed flow. */
async function settled(correlationId: string, sagas: readonly string[] = []): Promise<any> {
  const flow = await waitFor(async () => {
    const f = (await graph.data(FLOW, { c: correlationId })).orchestrationRun;
    if (['FAILED', 'COMPENSATED', 'CANCELLED'].includes(f.status)) return f;
    return f.status === 'COMPLETED' && sagas.every((s) => f.runs.some((r: any) => r.sagaType === s)) ? f : null;
  }, 30_000, `flow ${correlationId}`);
  assert.equal(flow.status, 'COMPLETED', JSON.stringify(flow, null, 2));
  return flow;
}

const cid = (what: string) => `${what}-${randomUUID()}`;

/** A won engagement (ACTIVE project, ACTIVE schedule); T&M ones get a consultant assigned at 150/h. */
async function engagement(model: 'TIME_AND_MATERIALS' | 'FIXED_FEE'): Promise<{ projectId: string; contractId: string; scheduleId: string; assignmentId: string | null }> {
  const { opportunityId, contractId } = await readyToWin(graph, firm, model);
  const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId } });
  await settled(won.winOpportunity.run.correlationId);
  const { opportunity } = await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id status billingSchedules { id status } } } }`, { id: opportunityId });
  assert.equal(opportunity.project.status, 'ACTIVE');
  const projectId = opportunity.project.id;
  const scheduleId = opportunity.project.billingSchedules.find((s: any) => s.status === 'ACTIVE').id;
  if (model !== 'TIME_AND_MATERIALS') return { projectId, contractId, scheduleId, assignmentId: null };
  const resource = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `C-${randomUUID().slice(0, 8)}`, displayName: 'Casey Consultant', roleCode: 'CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: firm.currency }] },
  });
  const assignment = await graph.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
    i: { projectId, resourceId: resource.createResource.id, roleCode: 'CONSULTANT', startDate: '2026-07-06', endDate: '2026-12-31', scheduledMinutes: 60_000, billRate: '150', costRate: '80' },
  });
  return { projectId, contractId, scheduleId, assignmentId: assignment.createAssignment.id };
}

/** Books, submits and approves 8 h per date; waits for their billable items. Returns the entry ids, in date order. */
async function approvedTime(assignmentId: string, dates: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const workDate of dates) ids.push((await graph.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId, workDate, minutes: 480 } })).createTimeEntry.id);
  const entries = ids.map((id) => ({ id }));
  await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries } });
  const c = cid('approve');
  await postAs(c, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id status } }`, { i: { entries } });
  await settled(c, ['BILL_TIME']);
  return ids;
}

/** Runs a billing cycle for one schedule and waits until its invoice is posted. */
async function bill(scheduleId: string, throughDate: string): Promise<void> {
  const c = cid('cycle');
  await postAs(c, `mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, { i: { throughDate, billingScheduleIds: [scheduleId] } });
  await settled(c, ['BILLING_CYCLE', 'BILL_SCHEDULE', 'POST_INVOICE']);
}

const AMEND = `mutation($i: CreateContractAmendmentInput!) { createContractAmendment(input: $i) { id status } }`;
const TRANSITION_AMENDMENT = `mutation($i: TransitionContractAmendmentInput!) { transitionContractAmendment(input: $i) { id status executedAt contract { totalContractValue { amountMinor currency } } } }`;

/** Creates an amendment and executes it under a correlation id; returns the amendment id and that correlation id. */
async function executeAmendment(input: Record<string, unknown>): Promise<{ amendmentId: string; correlationId: string; executed: any }> {
  const amendmentId = (await graph.data(AMEND, { i: input })).createContractAmendment.id as string;
  await graph.data(TRANSITION_AMENDMENT, { i: { id: amendmentId, action: 'SUBMIT' } });
  const correlationId = cid('amend');
  const executed = (await postAs(correlationId, TRANSITION_AMENDMENT, { i: { id: amendmentId, action: 'EXECUTE' } })).transitionContractAmendment;
  assert.equal(executed.status, 'EXECUTED');
  return { amendmentId, correlationId, executed };
}

const ENTRY = `query($id: ID!) { timeEntry(id: $id) { id version status workDate billRateSnapshot billAmount { amountMinor } } }`;
const entries = async (ids: readonly string[]) => Promise.all(ids.map(async (id) => (await graph.data(ENTRY, { id })).timeEntry));

const ITEMS = `query($p: ID!) { project(id: $p) { billableItems { id sourceType sourceId sourceVersion status unitPrice amount { amountMinor } invoice { id } } } }`;
const items = async (projectId: string) => (await graph.data(ITEMS, { p: projectId })).project.billableItems as any[];

const CONTRACT_CARDS = `query($c: ID!) { rateCards(first: 10, filter: { scope: CONTRACT, contractId: $c }) { edges { node { id version effectiveFrom effectiveTo supersedes { id } lines { roleCode billRate } } } } }`;

const PROJECT = `query($p: ID!) { project(id: $p) {
  budgetRevenue { amountMinor currency } assignments { id roleCode billRate }
  revenueSchedules { id method status allocatedAmount { amountMinor } lines { period status plannedAmount { amountMinor } } }
  invoices { id status subtotal { amountMinor } total { amountMinor } }
  billingSchedules { id status amendments { amendmentId effectiveDate contractValueDelta { amountMinor } linesCancelled linesCreated }
    lines { id plannedDate status amount { amountMinor currency } } }
} }`;

const minor = (m: { amountMinor: string }): bigint => BigInt(m.amountMinor);
const sum = (xs: ReadonlyArray<{ amountMinor: string }>): bigint => xs.reduce((s, x) => s + minor(x), 0n);

/** Counts rows of a table of a database (for "exactly one" and "nothing new"). */
async function countRows(db: Graph['dbs'][keyof Graph['dbs']], sql: string, params: unknown[] = []): Promise<number> {
  const rows = await db.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${sql}`, params);
  return Number(rows[0]!.n);
}

describe('flow 5: contract amendment executed → new terms', () => {
  test('T&M: rate card revised from the date, unbilled time from the date re-rated and its items superseded; billed work untouched; budget and revenue moved', async () => {
    const { projectId, contractId, scheduleId: schedule, assignmentId } = await engagement('TIME_AND_MATERIALS');

    // A, B before the effective date and C after it get billed; D, E after it stay approved and unbilled.
    const [a, b, c, d, e] = await approvedTime(assignmentId as string, ['2026-07-07', '2026-07-08', '2026-08-03', '2026-08-04', '2026-08-05']);
    await bill(schedule, '2026-08-03');
    // F, before the effective date, is approved after the cycle: unbilled, but earlier than the new terms.
    const [f] = await approvedTime(assignmentId as string, ['2026-07-20']);
    const billed = [a, b, c] as string[];
    const later = [d, e] as string[];
    const early = [f] as string[];
    const entriesBefore = await entries([...billed, ...later, ...early]);
    assert.deepEqual(entriesBefore.map((x: any) => x.status), ['BILLED', 'BILLED', 'BILLED', 'APPROVED', 'APPROVED', 'APPROVED']);
    const itemsBefore = await items(projectId);
    const projectBefore = (await graph.data(PROJECT, { p: projectId })).project;
    assert.equal(projectBefore.invoices.length, 1);
    assert.equal(projectBefore.invoices[0].subtotal.amountMinor, '360000', 'A, B and C: 3 × 8 h × 150');

    const { amendmentId, correlationId, executed } = await executeAmendment({
      contractId, effectiveDate: '2026-08-01', valueDelta: { amountMinor: '2000000', currency: firm.currency },
      rateChanges: [{ roleCode: 'CONSULTANT', billRate: '175' }], description: 'Rate increase from August, extended scope',
    });
    assert.equal(executed.contract.totalContractValue.amountMinor, '14000000', 'crm: the contract value moves by the delta');
    // The re-rating in projects emits a new approval of the re-rated entries in the same flow; billing records it.
    const flow = await settled(correlationId, ['APPLY_AMENDMENT', 'BILL_TIME']);
    assert.equal(flow.sagaType, 'APPLY_AMENDMENT');
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['targets', 'SUCCEEDED'], ['rateCard', 'SUCCEEDED'], ['schedule', 'SUCCEEDED'], ['budget', 'SUCCEEDED'], ['revenue', 'SUCCEEDED']]);

    // billing: the contract's card is revised from the effective date (the old one ends the day before)
    const cards = (await graph.data(CONTRACT_CARDS, { c: contractId })).rateCards.edges.map((x: any) => x.node);
    assert.equal(cards.length, 2, JSON.stringify(cards));
    const old = cards.find((x: any) => x.effectiveTo !== null);
    const revised = cards.find((x: any) => x.effectiveTo === null);
    assert.equal(old.effectiveTo, '2026-07-31');
    assert.equal(revised.effectiveFrom, '2026-08-01');
    assert.equal(revised.supersedes.id, old.id);
    const rate = (card: any, role: string) => Number(card.lines.find((l: any) => l.roleCode === role).billRate);
    assert.equal(rate(old, 'CONSULTANT'), 150);
    assert.equal(rate(revised, 'CONSULTANT'), 175);
    assert.equal(rate(revised, 'SENIOR_CONSULTANT'), rate(old, 'SENIOR_CONSULTANT'), 'roles the amendment does not name keep their rates');

    // projects: D and E (approved, unbilled, from the date) are new versions at 175; A, B, C (billed) and F (before the
    // date) are exactly as they were
    const entriesAfter = await entries([...billed, ...later, ...early]);
    for (const [i, x] of entriesAfter.entries()) {
      const was = entriesBefore[i];
      if (later.includes(x.id)) {
        assert.equal(x.status, 'APPROVED');
        assert.equal(x.version, was.version + 1, `${x.workDate} is a new version`);
        assert.equal(Number(x.billRateSnapshot), 175);
        assert.equal(x.billAmount.amountMinor, '140000', '8 h × 175');
      } else {
        assert.deepEqual(x, was, `${x.workDate} (${x.status}) is untouched`);
      }
    }
    const project = (await graph.data(PROJECT, { p: projectId })).project;
    assert.ok(project.assignments.filter((x: any) => x.roleCode === 'CONSULTANT').every((x: any) => Number(x.billRate) === 175), 'the assignment takes the new rate');

    // billing: the open items of D and E are CANCELLED and superseded by items of the new versions at 175; the
    // INVOICED items and F's READY item are untouched
    const itemsAfter = await items(projectId);
    for (const id of later) {
      const version = entriesAfter.find((x: any) => x.id === id).version;
      const mine = itemsAfter.filter((x) => x.sourceId === id);
      assert.deepEqual(mine.map((x) => [x.sourceVersion, x.status]).sort(), [[version - 1, 'CANCELLED'], [version, 'READY']], JSON.stringify(mine));
      const live = mine.find((x) => x.status === 'READY');
      assert.equal(Number(live.unitPrice), 175);
      assert.equal(live.amount.amountMinor, '140000');
    }
    for (const id of [...billed, ...early]) {
      assert.deepEqual(itemsAfter.filter((x) => x.sourceId === id), itemsBefore.filter((x) => x.sourceId === id), `items of ${id} untouched`);
    }
    assert.ok(itemsAfter.filter((x) => billed.includes(x.sourceId)).every((x) => x.status === 'INVOICED'));
    assert.deepEqual(project.invoices, projectBefore.invoices, 'the invoice is untouched');

    // projects: the budget moves by the delta; finance: the revenue schedule's allocation too
    assert.equal(minor(project.budgetRevenue), minor(projectBefore.budgetRevenue) + 2000000n);
    const liveRevenue = (p: any) => p.revenueSchedules.find((s: any) => s.status === 'ACTIVE');
    assert.equal(minor(liveRevenue(project).allocatedAmount), minor(liveRevenue(projectBefore).allocatedAmount) + 2000000n);
    // billing: the schedule records the amendment (a T&M schedule has no instalments to re-plan)
    const amended = project.billingSchedules.find((s: any) => s.id === schedule);
    assert.deepEqual(amended.amendments.map((x: any) => [x.amendmentId, x.effectiveDate, x.contractValueDelta.amountMinor, x.linesCancelled, x.linesCreated]), [[amendmentId, '2026-08-01', '2000000', 0, 0]]);

    // A new billing cycle bills D and E at the new rate and F at the old one.
    await bill(schedule, '2026-08-31');
    const after = (await graph.data(PROJECT, { p: projectId })).project;
    const second = after.invoices.find((i: any) => !projectBefore.invoices.some((x: any) => x.id === i.id));
    assert.equal(second.subtotal.amountMinor, String(2n * 140000n + 120000n), 'D, E at 175 and F at 150');

    // The same amendment event delivered twice changes nothing.
    const rows = await graph.dbs.crm.query<any>(`SELECT * FROM outbox WHERE type = 'ContractAmendmentExecuted' AND entity_id = $1`, [amendmentId]);
    assert.equal(rows.length, 1);
    const event = eventOf(rows[0], 'crm');
    const before = await snapshot(projectId, contractId, [...billed, ...later, ...early]);
    await graph.bus.publish([event]);
    await graph.bus.publish([{ ...event, eventId: randomUUID() }]);
    assert.equal(await countRows(graph.orchestrationDb, `inbox WHERE event_id = $1`, [event.eventId]), 1);
    assert.equal(await countRows(graph.orchestrationDb, `saga_runs WHERE saga_type = 'APPLY_AMENDMENT' AND subject_id = $1`, [amendmentId]), 1, 'one run per amendment');
    await settled(correlationId);
    assert.deepEqual(await snapshot(projectId, contractId, [...billed, ...later, ...early]), before);
  });

  test('fixed fee: the future PLANNED instalments are re-planned for the new value; billed ones are history', async () => {
    const { projectId, contractId, scheduleId } = await engagement('FIXED_FEE');
    const before = (await graph.data(PROJECT, { p: projectId })).project;
    const lines0 = before.billingSchedules.find((s: any) => s.id === scheduleId).lines;
    assert.equal(lines0.length, 6, 'July to December, monthly in arrears');
    assert.equal(sum(lines0.map((l: any) => l.amount)), 12000000n);
    // July and August are billed.
    await bill(scheduleId, '2026-08-31');
    const billedLines = (await graph.data(PROJECT, { p: projectId })).project.billingSchedules.find((s: any) => s.id === scheduleId).lines.filter((l: any) => l.status === 'BILLED');
    assert.equal(billedLines.length, 2);

    // A value-only amendment (no rate change) from October: +30 000.00.
    const { amendmentId, correlationId } = await executeAmendment({
      contractId, effectiveDate: '2026-10-01', valueDelta: { amountMinor: '3000000', currency: firm.currency }, description: 'Additional workstream from October',
    });
    const flow = await settled(correlationId, ['APPLY_AMENDMENT']);
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['targets', 'SUCCEEDED'], ['rateCard', 'SKIPPED'], ['schedule', 'SUCCEEDED'], ['budget', 'SUCCEEDED'], ['revenue', 'SUCCEEDED']]);

    const after = (await graph.data(PROJECT, { p: projectId })).project;
    const schedule = after.billingSchedules.find((s: any) => s.id === scheduleId);
    const lines = schedule.lines.filter((l: any) => l.status !== 'CANCELLED');
    // billed instalments and the September one (before the date) are as they were
    for (const l of lines0.filter((x: any) => x.plannedDate < '2026-10-01')) {
      const now = schedule.lines.find((x: any) => x.id === l.id);
      assert.equal(now.amount.amountMinor, l.amount.amountMinor, `${l.plannedDate} unchanged`);
    }
    assert.deepEqual(schedule.lines.filter((l: any) => l.status === 'BILLED'), billedLines, 'billed lines are history');
    // October to December now carry their 60 000.00 plus the 30 000.00, exactly
    const future = lines.filter((l: any) => l.plannedDate >= '2026-10-01');
    assert.ok(future.every((l: any) => l.status === 'PLANNED'));
    assert.equal(sum(future.map((l: any) => l.amount)), 9000000n);
    assert.equal(sum(lines.map((l: any) => l.amount)), 15000000n, 'the schedule now bills the amended contract value');
    assert.deepEqual(schedule.amendments.map((x: any) => [x.amendmentId, x.effectiveDate, x.contractValueDelta.amountMinor]), [[amendmentId, '2026-10-01', '3000000']]);

    // projects: the budget moves; finance: the straight-line revenue schedule spreads the change from October
    assert.equal(minor(after.budgetRevenue), minor(before.budgetRevenue) + 3000000n);
    const revenue = after.revenueSchedules.find((s: any) => s.status === 'ACTIVE');
    const revenue0 = before.revenueSchedules.find((s: any) => s.status === 'ACTIVE');
    assert.equal(revenue.method, 'STRAIGHT_LINE');
    assert.equal(minor(revenue.allocatedAmount), 15000000n);
    const planned = (s: any, from: string) => sum(s.lines.filter((l: any) => l.period >= from).map((l: any) => l.plannedAmount));
    assert.equal(planned(revenue, '2026-10'), planned(revenue0, '2026-10') + 3000000n);
    assert.equal(planned(revenue, '2026-07') - planned(revenue, '2026-10'), planned(revenue0, '2026-07') - planned(revenue0, '2026-10'), 'periods before the date keep their plan');
  });

  /** Everything an amendment changes, to compare before and after a duplicate. */
  async function snapshot(projectId: string, contractId: string, entryIds: readonly string[]): Promise<unknown> {
    return {
      cards: (await graph.data(CONTRACT_CARDS, { c: contractId })).rateCards,
      entries: await entries(entryIds),
      items: await items(projectId),
      project: (await graph.data(PROJECT, { p: projectId })).project,
      timeEvents: await countRows(graph.dbs.projects, `outbox WHERE type = 'TimeEntriesApproved'`),
    };
  }
});
