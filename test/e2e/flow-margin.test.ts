import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { DomainEvent } from '../../platform/events/event.js';
import type { Subscription } from '../../platform/events/bus.js';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { inFlow as postInFlow, settled as settledFlow } from '../support/flows.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 7: a project's margin falls below its threshold → an alert is recorded and raised as an event, once per
// episode, and cleared when the margin recovers. Cost moves with approved time, revenue with posted invoices (T&M
// revenue is recognised as invoiced).

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) { status runs { sagaType status } } }`;
const ALERTS = `query($p: ID!) { marginAlerts(first: 10, filter: { projectId: $p }) { edges { node {
  id status percent thresholdPct revenue { amountMinor currency } cost { amountMinor currency } raisedAt clearedAt correlationId project { id }
} } } }`;
const today = new Date().toISOString().slice(0, 10);
const usd = (amountMinor: bigint) => ({ amountMinor: amountMinor.toString(), currency: 'USD' });

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;
let subscription: Subscription;
const raised: DomainEvent[] = [];

before(async () => {
  graph = await startGraph();
  firm = await setUpFirm(graph, 'US');
  // A downstream consumer of the process layer's events (a notifier, a portal feed) in its own consumer group.
  subscription = await graph.bus.subscribe('test-margin-listener', async (event) => {
    if (event.type === 'MarginThresholdBreached' || event.type === 'MarginAlertCleared') raised.push(event);
  });
});
after(async () => {
  await subscription?.close();
  await graph?.stop();
});

const settled = (correlationId: string, until?: (flow: any) => boolean): Promise<any> => settledFlow(graph, FLOW, correlationId, until);
const inFlow = (correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> => postInFlow(graph, correlationId, query, variables);

/** Approved time of one consultant on the project: 8 billable hours on each date at `billRate`, costing `costRate`. */
async function approvedTime(projectId: string, costRate: string, billRate: string, dates: readonly string[]): Promise<string> {
  const resource = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `M-${randomUUID().slice(0, 8)}`, displayName: 'Morgan Consultant', roleCode: 'SENIOR_CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: costRate, currency: 'USD' }] },
  });
  const assignment = await graph.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
    i: { projectId, resourceId: resource.createResource.id, roleCode: 'SENIOR_CONSULTANT', startDate: '2026-07-01', endDate: '2026-12-31', scheduledMinutes: 24_000, billRate, costRate },
  });
  const refs = [];
  for (const workDate of dates) {
    const e = await graph.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId: assignment.createAssignment.id, workDate, minutes: 480, billableMinutes: 480 } });
    refs.push({ id: e.createTimeEntry.id });
  }
  await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: refs } });
  const approval = `margin-approve-${randomUUID()}`;
  await inFlow(approval, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id } }`, { i: { entries: refs } });
  await settled(approval, (f) => f.runs.some((r: any) => r.sagaType === 'BILL_TIME'));
  return approval;
}

/** Bills and posts everything approved up to `throughDate`; returns the cycle's correlation id. */
async function billThrough(throughDate: string): Promise<string> {
  const cycle = await graph.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, { i: { throughDate, issueDate: today, legalEntityId: firm.legalEntityId } });
  const correlationId: string = cycle.runBillingCycle.correlationId;
  await settled(correlationId, (f) => f.runs.some((r: any) => r.sagaType === 'POST_INVOICE'));
  return correlationId;
}

async function alertsOf(projectId: string): Promise<any[]> {
  return (await graph.data(ALERTS, { p: projectId })).marginAlerts.edges.map((e: any) => e.node);
}

describe('flow 7: margin threshold breached → alert', () => {
  test('below the threshold: one alert per episode, recorded and raised; cleared when the margin recovers', async () => {
    const w = await readyToWin(graph, firm, 'TIME_AND_MATERIALS', '15000000');
    const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId: w.opportunityId, idempotencyKey: `win-${w.opportunityId}` } });
    await settled(won.winOpportunity.run.correlationId);
    const project = (await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id version } } }`, { id: w.opportunityId })).opportunity.project;
    await graph.data(`mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id marginThresholdPct } }`, { i: { id: project.id, expectedVersion: project.version, marginThresholdPct: '30' } });

    // Expensive delivery: 24 h at 200.00 billed, 180.00 cost. Before any revenue the margin is unknown: no alert.
    await approvedTime(project.id, '180', '200', ['2026-07-06', '2026-07-07', '2026-07-08']);
    assert.deepEqual(await alertsOf(project.id), []);

    // Billed and posted: revenue 4 800.00 against cost 4 320.00 is a 10 % margin, below 30 %.
    const firstCycle = await billThrough('2026-07-31');
    const [alert] = await waitFor(async () => {
      const list = await alertsOf(project.id);
      return list.length > 0 ? list : null;
    }, 15_000, 'the margin alert');
    assert.equal(alert.status, 'OPEN');
    assert.equal(alert.project.id, project.id);
    assert.equal(Number(alert.percent), 10);
    assert.equal(Number(alert.thresholdPct), 30);
    assert.deepEqual(alert.revenue, usd(480000n));
    assert.deepEqual(alert.cost, usd(432000n));
    assert.equal(alert.correlationId, firstCycle, 'the alert carries the flow whose change crossed the threshold');
    assert.equal(alert.clearedAt, null);
    const onProject = (await graph.data(`query($id: ID!) { project(id: $id) { marginAlerts { id status } margin { percent belowThreshold } } }`, { id: project.id })).project;
    assert.deepEqual(onProject.marginAlerts, [{ id: alert.id, status: 'OPEN' }]);
    assert.equal(onProject.margin.belowThreshold, true);
    const breached = await waitFor(async () => (raised.some((e) => e.type === 'MarginThresholdBreached') ? raised.filter((e) => e.type === 'MarginThresholdBreached') : null), 15_000, 'MarginThresholdBreached on the bus');
    assert.equal(breached.length, 1);
    assert.equal(breached[0]!.entity.id, alert.id);
    assert.equal(breached[0]!.correlationId, firstCycle);
    assert.equal((breached[0]!.payload as { projectId: string }).projectId, project.id);

    // Cheap delivery approved: cost rises first (margin worse), still the same episode — no second alert.
    const workDays = ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07', '2026-08-10', '2026-08-11', '2026-08-12', '2026-08-13', '2026-08-14'];
    await approvedTime(project.id, '20', '200', workDays);
    // Billed: revenue 20 800.00 against cost 5 920.00 is about 71.5 %: the episode clears.
    const secondCycle = await billThrough('2026-08-31');
    const cleared = await waitFor(async () => {
      const [a] = await alertsOf(project.id);
      return a?.status === 'CLEARED' ? a : null;
    }, 15_000, 'the alert to clear');
    assert.equal(cleared.id, alert.id, 'the same episode clears');
    assert.ok(cleared.clearedAt >= cleared.raisedAt);
    assert.equal((await alertsOf(project.id)).length, 1, 'one alert for the whole episode, however many checks ran');
    const clearedEvents = await waitFor(async () => (raised.some((e) => e.type === 'MarginAlertCleared') ? raised.filter((e) => e.type === 'MarginAlertCleared') : null), 15_000, 'MarginAlertCleared on the bus');
    assert.equal(clearedEvents.length, 1);
    assert.equal(clearedEvents[0]!.entity.id, alert.id);
    assert.equal(clearedEvents[0]!.correlationId, secondCycle);
    assert.equal(raised.filter((e) => e.type === 'MarginThresholdBreached').length, 1, 'raised once per episode');
    const margin = (await graph.data(`query($id: ID!) { project(id: $id) { margin { belowThreshold } } }`, { id: project.id })).project.margin;
    assert.equal(margin.belowThreshold, false);
  });
});
