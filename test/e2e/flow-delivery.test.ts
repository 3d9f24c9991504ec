import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SUBGRAPH_NAMES } from '../../platform/topology.js';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { inFlow as postInFlow, settled as settledFlow, TERMINAL } from '../support/flows.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// The flows together: one engagement from the win to the cash, through the gateway, with the portal's engagement view
// checked at every stage, and at the end nothing left behind: every outbox published, every run terminal.

const ENGAGEMENT = `query($id: ID!) { project(id: $id) {
  id status currency
  deliveredValue { amountMinor currency }
  actualCost { amountMinor currency }
  billedToDate { amountMinor currency }
  unbilledWip { amountMinor currency }
  recognizedRevenue { amountMinor currency }
  invoices { id number status paymentStatus subtotal { amountMinor } total { amountMinor currency } }
  receivables { id status openAmount { amountMinor } }
  margin { revenue { amountMinor currency } cost { amountMinor currency } amount { amountMinor currency } percent }
  setupRun { correlationId status }
} }`;

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) { status runs { sagaType status subject { id } } } }`;
const today = new Date().toISOString().slice(0, 10);

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;

before(async () => {
  graph = await startGraph();
  firm = await setUpFirm(graph, 'US');
});
after(async () => graph?.stop());

const usd = (amountMinor: bigint | string) => ({ amountMinor: amountMinor.toString(), currency: 'USD' });

const settled = (correlationId: string, until?: (flow: any) => boolean): Promise<any> => settledFlow(graph, FLOW, correlationId, until);
const inFlow = (correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> => postInFlow(graph, correlationId, query, variables);

describe('the flows together', () => {
  test('win → time → approval → billing cycle → posting → payment, with the engagement view at each stage', async () => {
    const flows: string[] = [];
    const view = async () => (await graph.data(ENGAGEMENT, { id: projectId })).project;

    // 1. won: the engagement exists, nothing delivered or billed yet
    const w = await readyToWin(graph, firm, 'TIME_AND_MATERIALS', '15000000');
    const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId: w.opportunityId, idempotencyKey: `win-${w.opportunityId}` } });
    const setup = won.winOpportunity.run.correlationId;
    flows.push(setup);
    await settled(setup);
    const projectId: string = (await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id } } }`, { id: w.opportunityId })).opportunity.project.id;
    let e = await view();
    assert.equal(e.status, 'ACTIVE');
    assert.deepEqual(e.setupRun, { correlationId: setup, status: 'COMPLETED' });
    assert.deepEqual([e.deliveredValue, e.actualCost, e.billedToDate, e.unbilledWip, e.recognizedRevenue], [usd(0n), usd(0n), usd(0n), usd(0n), usd(0n)]);
    assert.deepEqual(e.invoices, []);
    assert.deepEqual(e.margin, { revenue: usd(0n), cost: usd(0n), amount: usd(0n), percent: null });

    // 2. delivered and approved: 3 days of 8 h at 200.00 billed, 90.00 cost; WIP, no revenue yet (as invoiced)
    const resource = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
      i: { employeeNumber: `S-${randomUUID().slice(0, 8)}`, displayName: 'Sam Senior', roleCode: 'SENIOR_CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '90', currency: 'USD' }] },
    });
    const assignment = await graph.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
      i: { projectId, resourceId: resource.createResource.id, roleCode: 'SENIOR_CONSULTANT', startDate: '2026-07-06', endDate: '2026-12-31', scheduledMinutes: 24_000, billRate: '200', costRate: '90' },
    });
    const entries = [];
    for (const workDate of ['2026-07-06', '2026-07-07', '2026-07-08']) {
      entries.push((await graph.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId: assignment.createAssignment.id, workDate, minutes: 480, billableMinutes: 480 } })).createTimeEntry);
    }
    const refs = entries.map((x) => ({ id: x.id }));
    await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: refs } });
    const approval = `approve-${randomUUID()}`;
    flows.push(approval);
    await inFlow(approval, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id status } }`, { i: { entries: refs } });
    await settled(approval);
    e = await waitFor(async () => {
      const v = await view();
      return v.unbilledWip.amountMinor !== '0' ? v : null;
    }, 10_000, 'work in progress');
    assert.deepEqual(e.deliveredValue, usd(480000n));
    assert.deepEqual(e.actualCost, usd(216000n));
    assert.deepEqual(e.unbilledWip, usd(480000n), 'every approved billable hour is WIP');
    assert.deepEqual(e.billedToDate, usd(0n));
    assert.deepEqual(e.recognizedRevenue, usd(0n));
    assert.deepEqual(e.margin.amount, usd(-216000n), 'costs come before revenue');
    assert.deepEqual(e.invoices, []);

    // 3. billed and posted: the WIP became an invoice, the ERP recognized its revenue (as invoiced)
    const cycle = await graph.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, { i: { throughDate: '2026-07-31', issueDate: today, legalEntityId: firm.legalEntityId } });
    const billing = cycle.runBillingCycle.correlationId;
    flows.push(billing);
    await settled(billing, (f) => f.runs.some((r: any) => r.sagaType === 'POST_INVOICE'));
    e = await view();
    assert.equal(e.invoices.length, 1);
    const invoice = e.invoices[0];
    assert.equal(invoice.status, 'POSTED');
    assert.equal(invoice.paymentStatus, 'NOT_DUE_UNPAID');
    assert.equal(invoice.subtotal.amountMinor, '480000');
    assert.deepEqual(invoice.total, usd(480000n), 'no sales tax in the US entity');
    assert.deepEqual(e.billedToDate, usd(480000n));
    assert.deepEqual(e.unbilledWip, usd(0n));
    assert.deepEqual(e.recognizedRevenue, usd(480000n));
    assert.deepEqual(e.margin.amount, usd(480000n - 216000n));
    assert.equal(e.margin.percent, '55.00', '(4 800 − 2 160) / 4 800');
    assert.deepEqual(e.receivables.map((r: any) => [r.status, r.openAmount.amountMinor]), [['OPEN', '480000']]);
    const times = nodes((await graph.data(`query($p: ID!) { timeEntries(filter: { projectId: $p }) { edges { node { status } } } }`, { p: projectId })).timeEntries);
    assert.deepEqual(times.map((t: any) => t.status), ['BILLED', 'BILLED', 'BILLED']);

    // 4. paid: the receivable closes and the invoice shows PAID
    const customer = (await graph.data(`query($id: ID!) { invoice(id: $id) { receivable { id customerFinancial { id } } } }`, { id: invoice.id })).invoice.receivable;
    const payment = `pay-${randomUUID()}`;
    flows.push(payment);
    await inFlow(payment, `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id status } }`, {
      i: { customerFinancialId: customer.customerFinancial.id, receivedDate: today, amount: usd(480000n), method: 'BANK_TRANSFER', applications: [{ receivableId: customer.id, amount: usd(480000n) }] },
    });
    e = await view();
    assert.equal(e.invoices[0].paymentStatus, 'PAID');
    assert.deepEqual(e.receivables.map((r: any) => [r.status, r.openAmount.amountMinor]), [['PAID', '0']]);
    assert.deepEqual(e.billedToDate, usd(480000n), 'paying changes nothing billed');
    assert.deepEqual(e.margin.amount, usd(264000n));

    // 5. nothing left behind: every outbox fully published, every run terminal, every journal balanced
    await waitFor(async () => {
      for (const name of SUBGRAPH_NAMES) {
        const rows = await graph.dbs[name].query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM outbox WHERE published_at IS NULL`);
        if (rows[0]!.n !== 0n) return false;
      }
      const own = await graph.orchestrationDb.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM outbox WHERE published_at IS NULL`);
      return own[0]!.n === 0n;
    }, 20_000, 'every outbox published');
    for (const name of SUBGRAPH_NAMES) {
      const rows = await graph.dbs[name].query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM outbox`);
      assert.ok(rows[0]!.n > 0n, `${name} took part in the flows`);
    }
    const open = await graph.orchestrationDb.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM saga_runs WHERE status <> ALL($1::text[])`, [[...TERMINAL]]);
    assert.equal(open[0]!.n, 0n, 'no run left non-terminal');
    for (const c of flows.slice(0, 3)) {
      const f = (await graph.data(FLOW, { c })).orchestrationRun;
      assert.equal(f.status, 'COMPLETED', `flow ${c}`);
      assert.ok(f.runs.every((r: any) => r.status === 'COMPLETED'));
    }
    const exceptions = (await graph.data(`{ orchestrationExceptions(filter: { statuses: [OPEN] }) { edges { node { id } } } }`)).orchestrationExceptions.edges;
    assert.deepEqual(exceptions, [], 'no exception waits for an operator');
    const journals = nodes((await graph.data(`query($le: ID!) { journalEntries(first: 100, filter: { legalEntityId: $le }) { edges { node { sourceType totalDebit { amountMinor } totalCredit { amountMinor } } } } }`, { le: firm.legalEntityId })).journalEntries);
    assert.deepEqual(journals.map((j: any) => j.sourceType).sort(), ['INVOICE', 'PAYMENT']);
    for (const j of journals) assert.equal(j.totalDebit.amountMinor, j.totalCredit.amountMinor);
  });
});

const nodes = <T = any>(conn: { edges: Array<{ node: T }> }): T[] => conn.edges.map((x) => x.node);
