import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 6 (domain model §2, §4.11–4.14): a void or a credit → a reversal in the ERP, the receivable closed or reduced,
// billable items and their time released when the document says so; never a delete. All through the gateway.

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

/** A won T&M engagement (ACTIVE project, ACTIVE schedule) with a consultant assigned at 150/h. */
async function engagement(): Promise<{ projectId: string; scheduleId: string; assignmentId: string }> {
  const { opportunityId } = await readyToWin(graph, firm, 'TIME_AND_MATERIALS');
  const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId } });
  await settled(won.winOpportunity.run.correlationId);
  const { opportunity } = await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id status billingSchedules { id status } } } }`, { id: opportunityId });
  assert.equal(opportunity.project.status, 'ACTIVE');
  const resource = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `C-${randomUUID().slice(0, 8)}`, displayName: 'Casey Consultant', roleCode: 'CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: firm.currency }] },
  });
  const assignment = await graph.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
    i: { projectId: opportunity.project.id, resourceId: resource.createResource.id, roleCode: 'CONSULTANT', startDate: '2026-07-06', endDate: '2026-12-31', scheduledMinutes: 60_000, billRate: '150', costRate: '80' },
  });
  return { projectId: opportunity.project.id, scheduleId: opportunity.project.billingSchedules.find((s: any) => s.status === 'ACTIVE').id, assignmentId: assignment.createAssignment.id };
}

/** Books, submits and approves a day of time per date; waits for their billable items. Returns the entry ids. */
async function approvedTime(assignmentId: string, dates: readonly string[], minutes = 480): Promise<string[]> {
  const ids: string[] = [];
  for (const workDate of dates) ids.push((await graph.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId, workDate, minutes } })).createTimeEntry.id);
  const entries = ids.map((id) => ({ id }));
  await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries } });
  const c = cid('approve');
  await postAs(c, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id status } }`, { i: { entries } });
  const flow = await settled(c, ['BILL_TIME']);
  assert.ok(flow.runs.some((r: any) => r.sagaType === 'BILL_TIME' && r.steps[0].status === 'SUCCEEDED'), JSON.stringify(flow));
  return ids;
}

/** Runs a billing cycle for one schedule; waits for its invoice to be posted. Returns the new invoice's id. */
async function bill(scheduleId: string, throughDate: string): Promise<string> {
  const c = cid('cycle');
  await postAs(c, `mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, { i: { throughDate, billingScheduleIds: [scheduleId] } });
  const flow = await settled(c, ['BILLING_CYCLE', 'BILL_SCHEDULE', 'POST_INVOICE']);
  assert.equal(flow.runs.filter((r: any) => r.sagaType === 'POST_INVOICE').length, 1, 'one invoice per cycle of one schedule');
  const invoices = (await graph.data(`query { invoices(first: 100, filter: { statuses: [POSTED] }) { edges { node { id billingSchedule { id } postedAt } } } }`))
    .invoices.edges.map((e: any) => e.node).filter((i: any) => i.billingSchedule?.id === scheduleId);
  invoices.sort((a: any, b: any) => String(a.postedAt).localeCompare(String(b.postedAt)));
  return invoices[invoices.length - 1].id;
}

const INVOICE = `query($id: ID!) { invoice(id: $id) {
  id number status voidedAt voidReason paymentStatus subtotal { amountMinor currency } taxTotal { amountMinor } total { amountMinor currency }
  lines { id billableItemIds netAmount { amountMinor currency } }
  creditMemos { id number status releasesBillableItems subtotal { amountMinor } total { amountMinor } }
  receivable { id status originalAmount { amountMinor currency } openAmount { amountMinor } closedAt
    applications { kind sourceId appliedAmount { amountMinor } }
    journalEntry { id status sourceType } }
} }`;

const JOURNALS_OF = `query($s: ID!) { journalEntries(first: 50, filter: { sourceId: $s }) { edges { node {
  id number status sourceType sourceId reversalOf { id } totalDebit { amountMinor currency } totalCredit { amountMinor currency }
  lines { accountCode debit { amountMinor } credit { amountMinor } projectId } } } } }`;

/** Statuses of time entries, by id. */
async function entryStatuses(ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) out.push((await graph.data(`query($id: ID!) { timeEntry(id: $id) { status } }`, { id })).timeEntry.status);
  return out;
}

/** The TIME billable items of entries: status and invoice. */
async function itemsOf(projectId: string, entryIds: readonly string[]): Promise<Array<{ id: string; sourceId: string; status: string; invoice: { id: string } | null; amount: { amountMinor: string } }>> {
  const { project } = await graph.data(`query($p: ID!) { project(id: $p) { billableItems { id sourceId sourceType status invoice { id } amount { amountMinor } } } }`, { p: projectId });
  return project.billableItems.filter((i: any) => i.sourceType === 'TIME' && entryIds.includes(i.sourceId) && i.status !== 'CANCELLED');
}

const minor = (m: { amountMinor: string }): bigint => BigInt(m.amountMinor);
const sum = (xs: ReadonlyArray<{ amountMinor: string }>): bigint => xs.reduce((s, x) => s + minor(x), 0n);

function assertBalanced(journal: any): void {
  assert.deepEqual(journal.totalDebit, journal.totalCredit, `journal ${journal.number} balances`);
  assert.equal(sum(journal.lines.map((l: any) => l.debit)), sum(journal.lines.map((l: any) => l.credit)), `lines of ${journal.number} balance`);
  assert.equal(sum(journal.lines.map((l: any) => l.debit)), minor(journal.totalDebit));
}

/** The sequence part of a document number (`INV-2026-000042` → 42). */
const sequenceOf = (n: string): number => Number(n.slice(n.lastIndexOf('-') + 1));

describe('flow 6: void or credit → reversal', () => {
  let projectId: string;
  let scheduleId: string;
  let assignmentId: string;

  before(async () => {
    ({ projectId, scheduleId, assignmentId } = await engagement());
  });

  test('voiding a POSTED invoice reverses it in the ledger, voids the receivable and releases its work; a new cycle bills it again', async () => {
    const entries = await approvedTime(assignmentId, ['2026-07-07', '2026-07-08', '2026-07-09']);
    const invoiceId = await bill(scheduleId, '2026-07-31');
    const posted = (await graph.data(INVOICE, { id: invoiceId })).invoice;
    assert.equal(posted.status, 'POSTED');
    assert.equal(posted.subtotal.amountMinor, '360000', '3 × 8 h × 150');
    assert.equal(posted.receivable.status, 'OPEN');
    assert.deepEqual(await entryStatuses(entries), ['BILLED', 'BILLED', 'BILLED']);
    const original = posted.receivable.journalEntry;

    const c = cid('void');
    const voided = await postAs(c, `mutation($i: VoidInvoiceInput!) { voidInvoice(input: $i) { id status number voidReason } }`, { i: { id: invoiceId, reason: 'Wrong purchase order' } });
    assert.equal(voided.voidInvoice.status, 'VOID');
    assert.equal(voided.voidInvoice.number, posted.number, 'a void keeps its number');
    const flow = await settled(c, ['VOID_INVOICE']);
    assert.equal(flow.sagaType, 'VOID_INVOICE');
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['ledger', 'SUCCEEDED'], ['release', 'SUCCEEDED']]);

    // finance: the receivable is VOID (nothing open), the invoice's journal REVERSED by a balanced mirror entry
    const after = (await graph.data(INVOICE, { id: invoiceId })).invoice;
    assert.equal(after.status, 'VOID');
    assert.equal(after.voidReason, 'Wrong purchase order');
    assert.equal(after.number, posted.number);
    assert.equal(after.receivable.id, posted.receivable.id, 'the same receivable, closed, not deleted');
    assert.equal(after.receivable.status, 'VOID');
    assert.equal(after.receivable.openAmount.amountMinor, '0');
    assert.deepEqual(after.receivable.originalAmount, posted.receivable.originalAmount);
    assert.ok(after.receivable.closedAt);
    assert.equal(after.paymentStatus, 'VOID');
    const journals = (await graph.data(JOURNALS_OF, { s: invoiceId })).journalEntries.edges.map((e: any) => e.node);
    assert.equal(journals.length, 2, 'the invoice journal and its reversal, both kept');
    const first = journals.find((j: any) => j.id === original.id);
    const reversal = journals.find((j: any) => j.id !== original.id);
    assert.equal(first.status, 'REVERSED');
    assert.equal(first.sourceType, 'INVOICE');
    assert.equal(reversal.sourceType, 'REVERSAL');
    assert.equal(reversal.status, 'POSTED');
    assert.equal(reversal.reversalOf.id, first.id);
    assertBalanced(first);
    assertBalanced(reversal);
    const mirror = (ls: any[], flip: boolean) => ls.map((l) => [l.accountCode, flip ? l.credit.amountMinor : l.debit.amountMinor, flip ? l.debit.amountMinor : l.credit.amountMinor]).sort();
    assert.deepEqual(mirror(reversal.lines, true), mirror(first.lines, false), 'the reversal mirrors every line');

    // projects and billing: the work is released (APPROVED, items READY on no invoice)
    assert.deepEqual(await entryStatuses(entries), ['APPROVED', 'APPROVED', 'APPROVED']);
    const released = await itemsOf(projectId, entries);
    assert.equal(released.length, 3);
    assert.ok(released.every((i) => i.status === 'READY' && i.invoice === null), JSON.stringify(released));

    // a new cycle bills the same items on a new invoice with the next number (the void keeps its own: no gap)
    const rebilledId = await bill(scheduleId, '2026-07-31');
    assert.notEqual(rebilledId, invoiceId);
    const rebilled = (await graph.data(INVOICE, { id: rebilledId })).invoice;
    assert.equal(rebilled.status, 'POSTED');
    assert.deepEqual(rebilled.subtotal, posted.subtotal);
    assert.deepEqual(rebilled.lines.flatMap((l: any) => l.billableItemIds).sort(), released.map((i) => i.id).sort(), 'the same items, billed again');
    assert.equal(sequenceOf(rebilled.number), sequenceOf(posted.number) + 1);
    assert.equal(rebilled.receivable.status, 'OPEN');
    assert.deepEqual(await entryStatuses(entries), ['BILLED', 'BILLED', 'BILLED']);
    assert.ok((await itemsOf(projectId, entries)).every((i) => i.status === 'INVOICED' && i.invoice?.id === rebilledId));

    // never a delete: the voided invoice is still there with its lines
    assert.equal(after.lines.length, posted.lines.length);
    assert.deepEqual(after.subtotal, posted.subtotal);
    assert.equal(await countRows('finance', `receivables WHERE invoice_id = $1`, [invoiceId]), 1);
    assert.equal(await countRows('finance', `receivables WHERE invoice_id = $1`, [rebilledId]), 1);
  });

  test('a credit memo releasing billable items credits the receivable in full, posts a balanced journal and releases the time', async () => {
    const entries = await approvedTime(assignmentId, ['2026-08-03', '2026-08-04']);
    const invoiceId = await bill(scheduleId, '2026-08-31');
    const posted = (await graph.data(INVOICE, { id: invoiceId })).invoice;
    assert.equal(posted.subtotal.amountMinor, '240000');

    const created = await graph.data(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id status number releasesBillableItems total { amountMinor } } }`, {
      i: { invoiceId, reason: 'BILLING_ERROR', releasesBillableItems: true },
    });
    const memo = created.createCreditMemo;
    assert.equal(memo.status, 'DRAFT');
    assert.equal(memo.number, null);
    assert.equal(memo.total.amountMinor, posted.total.amountMinor, 'a full credit');
    const c = cid('credit');
    const issued = await postAs(c, `mutation($i: TransitionCreditMemoInput!) { transitionCreditMemo(input: $i) { id status number } }`, { i: { id: memo.id, action: 'ISSUE' } });
    assert.equal(issued.transitionCreditMemo.status, 'ISSUED');
    assert.match(issued.transitionCreditMemo.number, /^CM-\d{4}-\d{6}$/);
    const flow = await settled(c, ['CREDIT_MEMO']);
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['ledger', 'SUCCEEDED'], ['posted', 'SUCCEEDED'], ['release', 'SUCCEEDED']]);

    const after = (await graph.data(INVOICE, { id: invoiceId })).invoice;
    assert.equal(after.status, 'POSTED', 'a credited invoice stays what it was; the credit is its own document');
    assert.deepEqual(after.creditMemos.map((m: any) => [m.id, m.status, m.releasesBillableItems]), [[memo.id, 'POSTED', true]]);
    assert.equal(after.receivable.status, 'CREDITED');
    assert.equal(after.receivable.openAmount.amountMinor, '0');
    assert.deepEqual(after.receivable.applications.map((a: any) => [a.kind, a.sourceId, a.appliedAmount.amountMinor]), [['CREDIT_MEMO', memo.id, posted.total.amountMinor]]);
    assert.equal(after.paymentStatus, 'CREDITED');
    const journals = (await graph.data(JOURNALS_OF, { s: memo.id })).journalEntries.edges.map((e: any) => e.node);
    assert.equal(journals.length, 1);
    assert.equal(journals[0].sourceType, 'CREDIT_MEMO');
    assertBalanced(journals[0]);
    assert.equal(sum(journals[0].lines.filter((l: any) => l.accountCode === '1100').map((l: any) => l.credit)), minor(posted.total), 'AR is credited with the memo total');
    // the invoice's own journal is untouched (a credit is a new document, not a reversal of the invoice entry)
    const invoiceJournals = (await graph.data(JOURNALS_OF, { s: invoiceId })).journalEntries.edges.map((e: any) => e.node);
    assert.deepEqual(invoiceJournals.map((j: any) => [j.sourceType, j.status]), [['INVOICE', 'POSTED']]);

    assert.deepEqual(await entryStatuses(entries), ['APPROVED', 'APPROVED']);
    assert.ok((await itemsOf(projectId, entries)).every((i) => i.status === 'READY' && i.invoice === null));
  });

  test('a credit memo that does not release items reduces the receivable and leaves the time BILLED', async () => {
    const entries = await approvedTime(assignmentId, ['2026-09-01', '2026-09-02']);
    const invoiceId = await bill(scheduleId, '2026-09-30');
    const posted = (await graph.data(INVOICE, { id: invoiceId })).invoice;
    const line = posted.lines[0];
    const created = await graph.data(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id total { amountMinor } } }`, {
      i: { invoiceId, reason: 'DISCOUNT', lines: [{ invoiceLineId: line.id, netAmount: { amountMinor: '50000', currency: firm.currency } }] },
    });
    const memo = created.createCreditMemo;
    const c = cid('discount');
    await postAs(c, `mutation($i: TransitionCreditMemoInput!) { transitionCreditMemo(input: $i) { id status } }`, { i: { id: memo.id, action: 'ISSUE' } });
    const flow = await settled(c, ['CREDIT_MEMO']);
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['ledger', 'SUCCEEDED'], ['posted', 'SUCCEEDED'], ['release', 'SKIPPED']]);

    const after = (await graph.data(INVOICE, { id: invoiceId })).invoice;
    assert.equal(after.receivable.status, 'PARTIALLY_PAID', 'reduced (partly settled), still open');
    assert.equal(minor(after.receivable.openAmount), minor(posted.total) - minor(memo.total));
    assert.equal(after.paymentStatus, 'PARTIALLY_CREDITED', 'settled in part by a credit, not by a payment');
    assert.deepEqual(after.receivable.applications.map((a: any) => [a.kind, a.sourceId, a.appliedAmount.amountMinor]), [['CREDIT_MEMO', memo.id, memo.total.amountMinor]]);
    assert.deepEqual(after.creditMemos.map((m: any) => [m.id, m.status, m.releasesBillableItems]), [[memo.id, 'POSTED', false]]);
    const journal = (await graph.data(JOURNALS_OF, { s: memo.id })).journalEntries.edges.map((e: any) => e.node);
    assert.equal(journal.length, 1);
    assertBalanced(journal[0]);
    assert.deepEqual(await entryStatuses(entries), ['BILLED', 'BILLED']);
    assert.ok((await itemsOf(projectId, entries)).every((i) => i.status === 'INVOICED' && i.invoice?.id === invoiceId));
  });

  test('invoice numbers stay gapless: every number of the series is used once, the voided one included', async () => {
    const { invoices } = await graph.data(`query($le: ID!) { invoices(first: 100, filter: { legalEntityId: $le }) { edges { node { number status } } } }`, { le: firm.legalEntityId });
    const numbers = invoices.edges.map((e: any) => e.node.number).filter(Boolean).map(sequenceOf).sort((a: number, b: number) => a - b);
    assert.deepEqual(numbers, numbers.map((_: number, i: number) => i + 1));
    assert.ok(invoices.edges.some((e: any) => e.node.status === 'VOID'));
  });
});

/** Counts rows of a table of a subgraph's database (for "exactly one"). */
async function countRows(db: keyof Graph['dbs'], sql: string, params: unknown[]): Promise<number> {
  const rows = await graph.dbs[db].query<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${sql}`, params);
  return Number(rows[0]!.n);
}
