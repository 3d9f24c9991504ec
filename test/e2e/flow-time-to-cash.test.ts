import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { TERMINAL } from '../support/flows.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 2 — time and expenses → billable items → billing cycle → invoice → ERP, end to end through the gateway. The
// billing legal entity keeps its books in CAD and bills this client in USD, so posting converts at the dated rate.

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) {
  status sagaType
  steps { name status attempts lastError }
  runs { id sagaType status subject { typename id } steps { name status } links { typename id } }
} }`;

const ITEMS = `query($p: ID!) { billableItems(first: 200, filter: { projectId: $p }) { edges { node {
  id sourceType sourceId sourceVersion idempotencyKey status holdReason serviceDate quantity unitPrice amount { amountMinor currency } invoice { id }
} } } }`;

const INVOICE = `query($id: ID!) { invoice(id: $id) {
  id number status currency issueDate legalEntityId postedAt paymentStatus
  subtotal { amountMinor currency } taxTotal { amountMinor currency } total { amountMinor currency }
  lines { netAmount { amountMinor } taxAmount { amountMinor } billableItemIds project { id } }
  receivable {
    id status currency fxRate invoiceNumber legalEntityId
    originalAmount { amountMinor currency } openAmount { amountMinor currency } functionalOriginal { amountMinor currency }
    journalEntry { id sourceType sourceId status legalEntityId totalDebit { amountMinor currency } totalCredit { amountMinor currency }
      lines { accountCode debit { amountMinor currency } credit { amountMinor currency } transactionAmount { amountMinor currency } } }
  }
} }`;

const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
/** USD → CAD on the issue date (the posting must use it, not the day before's). */
const RATE = '1.3725';

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;

const nodes = <T = any>(conn: { edges: Array<{ node: T }> }): T[] => conn.edges.map((e) => e.node);
const minor = (m: { amountMinor: string }): bigint => BigInt(m.amountMinor);
const sumMinor = <T>(xs: readonly T[], f: (x: T) => bigint): bigint => xs.reduce((s, x) => s + f(x), 0n);
/** Half-up rounding of a non-negative rational to an integer (money to the minor unit). */
const roundHalfUp = (num: bigint, den: bigint): bigint => (2n * num + den) / (2n * den);

/** Posts through the gateway in a flow of the test's choosing (the correlation id every record of it will carry). */
async function inFlow(correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const r = await graph.post(query, variables, { 'x-correlation-id': correlationId });
  assert.equal(r.status, 200);
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  assert.equal(r.headers.get('x-correlation-id'), correlationId);
  return r.body.data;
}

/** Waits until a flow settles and returns it (polls `orchestrationRun`, never sleeps). */
async function settled(correlationId: string, want = 'COMPLETED', until: (flow: any) => boolean = () => true): Promise<any> {
  const flow = await waitFor(async () => {
    const f = (await graph.data(FLOW, { c: correlationId })).orchestrationRun;
    return TERMINAL.has(f.status) && until(f) ? f : null;
  }, 30_000, `flow ${correlationId}`);
  assert.equal(flow.status, want, JSON.stringify(flow, null, 1));
  return flow;
}

/** Wins an opportunity and waits for its engagement to be set up; returns the ACTIVE project. */
async function engagement(model: string, valueMinor: string, notToExceedMinor?: string): Promise<{ projectId: string; scheduleId: string }> {
  let opportunityId: string;
  if (notToExceedMinor) {
    const acc = await graph.data(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { name: `Capped ${randomUUID().slice(0, 6)}`, ownerUserId: 'usr_sales' } });
    const opp = await graph.data(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
      i: { accountId: acc.createAccount.id, name: 'Capped work', amount: { amountMinor: valueMinor, currency: 'USD' }, expectedCloseDate: '2026-06-30', pricingModel: model, legalEntityId: firm.legalEntityId, expectedStartDate: '2026-07-06', ownerUserId: 'usr_sales' },
    });
    opportunityId = opp.createOpportunity.id;
    const ctr = await graph.data(`mutation($i: CreateContractInput!) { createContract(input: $i) { id } }`, {
      i: {
        accountId: acc.createAccount.id, opportunityId, kind: 'SOW', legalEntityId: firm.legalEntityId, startDate: '2026-07-06', endDate: '2026-12-31', billingModel: model,
        originalValue: { amountMinor: valueMinor, currency: 'USD' }, notToExceed: { amountMinor: notToExceedMinor, currency: 'USD' }, paymentTermsDays: 30,
      },
    });
    for (const action of ['SUBMIT', 'ACTIVATE']) await graph.data(`mutation($i: TransitionContractInput!) { transitionContract(input: $i) { id } }`, { i: { id: ctr.createContract.id, action } });
  } else {
    opportunityId = (await readyToWin(graph, { legalEntityId: firm.legalEntityId, currency: 'USD' }, model, valueMinor)).opportunityId;
  }
  const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId } });
  await settled(won.winOpportunity.run.correlationId);
  const o = (await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id status currency billingSchedules { id status } } } }`, { id: opportunityId })).opportunity;
  assert.equal(o.project.status, 'ACTIVE');
  assert.equal(o.project.currency, 'USD');
  return { projectId: o.project.id, scheduleId: o.project.billingSchedules[0].id };
}

/** A consultant of the legal entity staffed on the project at a negotiated bill rate. */
async function staff(projectId: string, billRate: string, isBillable = true): Promise<{ resourceId: string; assignmentId: string }> {
  const r = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `C-${randomUUID().slice(0, 8)}`, displayName: 'Casey Consultant', roleCode: 'CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: 'CAD' }] },
  });
  const a = await graph.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id billRate } }`, {
    i: { projectId, resourceId: r.createResource.id, roleCode: 'CONSULTANT', startDate: '2026-07-06', endDate: '2026-12-31', scheduledMinutes: 48_000, billRate, costRate: '60', isBillable },
  });
  return { resourceId: r.createResource.id, assignmentId: a.createAssignment.id };
}

async function bookTime(assignmentId: string, entries: Array<{ workDate: string; minutes: number; billableClass?: string }>): Promise<any[]> {
  const out = [];
  for (const e of entries) {
    const billable = (e.billableClass ?? 'BILLABLE') === 'BILLABLE';
    const d = await graph.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id version status } }`, {
      i: { assignmentId, workDate: e.workDate, minutes: e.minutes, billableMinutes: billable ? e.minutes : 0, billableClass: e.billableClass ?? 'BILLABLE' },
    });
    out.push(d.createTimeEntry);
  }
  return out;
}

const refs = (entries: Array<{ id: string }>) => entries.map((e) => ({ id: e.id }));
const itemsOf = async (projectId: string): Promise<any[]> => nodes((await graph.data(ITEMS, { p: projectId })).billableItems);
const invoicesOf = async (projectId: string): Promise<any[]> =>
  nodes((await graph.data(`query($p: ID!) { invoices(first: 100, filter: { projectId: $p }) { edges { node { id number status } } } }`, { p: projectId })).invoices);
const entriesOf = async (projectId: string): Promise<any[]> =>
  nodes((await graph.data(`query($p: ID!) { timeEntries(first: 200, filter: { projectId: $p }) { edges { node { id version status billableClass billRateSnapshot billAmount { amountMinor currency } } } } }`, { p: projectId })).timeEntries);

/** Starts a billing cycle for the legal entity and waits until every invoice it issued is posted by its flow. */
async function cycle(throughDate: string): Promise<{ correlationId: string; flow: any }> {
  const started = await graph.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId status } }`, {
    i: { throughDate, issueDate: today, legalEntityId: firm.legalEntityId, idempotencyKey: `cycle-${randomUUID()}` },
  });
  const correlationId = started.runBillingCycle.correlationId;
  // Posting runs join the flow when their InvoiceIssued event arrives: wait until every issued invoice has its run.
  const flow = await settled(correlationId, 'COMPLETED', (f) => {
    const issued = f.runs.filter((r: any) => r.sagaType === 'BILL_SCHEDULE').flatMap((r: any) => r.links.filter((l: any) => l.typename === 'Invoice').map((l: any) => l.id));
    const posting = new Set(f.runs.filter((r: any) => r.sagaType === 'POST_INVOICE').map((r: any) => r.subject.id));
    return f.runs.some((r: any) => r.sagaType === 'BILLING_CYCLE') && issued.every((id: string) => posting.has(id));
  });
  return { correlationId, flow };
}

before(async () => {
  graph = await startGraph();
  firm = await setUpFirm(graph, 'CA');
  // The Canadian entity bills this client in US dollars: its own USD card, and the day's and the day before's rates.
  await graph.data(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: { name: 'CA in USD', scope: 'LEGAL_ENTITY', legalEntityId: firm.legalEntityId, currency: 'USD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '160' }, { roleCode: 'PROJECT_MANAGER', billRate: '220' }] },
  });
  for (const [rateDate, rate] of [[yesterday, '1.3500'], [today, RATE]]) {
    await graph.data(`mutation($i: CreateExchangeRateInput!) { createExchangeRate(input: $i) { id } }`, { i: { from: 'USD', to: 'CAD', rateDate, rateType: 'SPOT', rate, source: 'test' } });
  }
});
after(async () => graph?.stop());

describe('flow 2: time and expenses → invoice → ERP', () => {
  let tm: { projectId: string; scheduleId: string };
  let billableEntries: any[];
  let nonBillable: any;
  let expense: any;
  let approvalFlow: string;

  test('approved time and expenses become billable items: one per entry version, at the assignment rate, amounts exact', async () => {
    assert.equal(firm.currency, 'CAD');
    tm = await engagement('TIME_AND_MATERIALS', '20000000');
    // The negotiated assignment rate (185.50) differs from the card (160): the item must carry the assignment's.
    const { resourceId, assignmentId } = await staff(tm.projectId, '185.50');
    billableEntries = await bookTime(assignmentId, [{ workDate: '2026-07-06', minutes: 450 }, { workDate: '2026-07-07', minutes: 435 }, { workDate: '2026-07-08', minutes: 100 }]);
    [nonBillable] = await bookTime(assignmentId, [{ workDate: '2026-07-09', minutes: 120, billableClass: 'NON_BILLABLE' }]);
    const e = await graph.data(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id version billAmount { amountMinor currency } } }`, {
      i: { resourceId, projectId: tm.projectId, incurredOn: '2026-07-08', category: 'TRAVEL', amount: { amountMinor: '25000', currency: 'USD' }, billable: true, markupPct: '10' },
    });
    expense = e.createExpenseEntry;
    assert.deepEqual(expense.billAmount, { amountMinor: '27500', currency: 'USD' });

    const all = [...billableEntries, nonBillable];
    await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id status } }`, { i: { entries: refs(all) } });
    await graph.data(`mutation($i: EntryBatchInput!) { submitExpenseEntries(input: $i) { id status } }`, { i: { entries: refs([expense]) } });
    // Approval is one batch: one request, one flow.
    approvalFlow = `approve-${randomUUID()}`;
    const approved = (await inFlow(approvalFlow, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id version status billRateSnapshot } }`, { i: { entries: refs(all) } })).approveTimeEntries;
    assert.deepEqual(approved.map((a: any) => a.status), ['APPROVED', 'APPROVED', 'APPROVED', 'APPROVED']);
    await inFlow(approvalFlow, `mutation($i: EntryBatchInput!) { approveExpenseEntries(input: $i) { id status } }`, { i: { entries: refs([expense]) } });

    const flow = await settled(approvalFlow, 'COMPLETED', (f) => f.runs.length === 2);
    assert.deepEqual(flow.runs.map((r: any) => r.sagaType).sort(), ['BILL_EXPENSES', 'BILL_TIME']);

    const items = await waitFor(async () => {
      const list = await itemsOf(tm.projectId);
      return list.length >= 4 ? list : null;
    }, 20_000, 'billable items');
    assert.equal(items.length, 4, 'three billable time entries and one expense; non-billable time makes no item');
    assert.ok(!items.some((i) => i.sourceId === nonBillable.id), 'no item for non-billable time');
    const entries = new Map((await entriesOf(tm.projectId)).map((x) => [x.id, x]));
    // hours × 185.50, rounded once per line to the cent
    const expected: Record<string, [string, bigint]> = {
      [billableEntries[0].id]: ['7.5000', 139125n],
      [billableEntries[1].id]: ['7.2500', roundHalfUp(72500n * 18550n, 10_000n)],
      [billableEntries[2].id]: ['1.6667', roundHalfUp(16667n * 18550n, 10_000n)],
    };
    assert.equal(expected[billableEntries[1].id]![1], 134488n);
    assert.equal(expected[billableEntries[2].id]![1], 30917n);
    for (const [id, [quantity, amount]] of Object.entries(expected)) {
      const item = items.filter((i) => i.sourceId === id);
      assert.equal(item.length, 1, `one item for entry ${id}`);
      const entry = entries.get(id);
      assert.equal(item[0].sourceType, 'TIME');
      assert.equal(item[0].sourceVersion, entry.version, 'the item is of the approved version');
      assert.equal(item[0].idempotencyKey, `TIME:${id}:${entry.version}`);
      assert.equal(item[0].status, 'READY');
      assert.equal(Number(item[0].unitPrice), 185.5, 'rate snapshot = the assignment bill rate');
      assert.equal(Number(entry.billRateSnapshot), 185.5);
      assert.equal(item[0].quantity, quantity);
      assert.deepEqual(item[0].amount, { amountMinor: amount.toString(), currency: 'USD' });
      assert.equal(entry.billAmount.amountMinor, amount.toString(), 'PSA and billing agree on the value');
    }
    const exp = items.find((i) => i.sourceType === 'EXPENSE');
    assert.equal(exp.sourceId, expense.id);
    assert.deepEqual(exp.amount, { amountMinor: '27500', currency: 'USD' });

    // WIP before billing: every open item
    const p = (await graph.data(`query($id: ID!) { project(id: $id) { unbilledWip { amountMinor currency } billedToDate { amountMinor } } }`, { id: tm.projectId })).project;
    assert.deepEqual(p.unbilledWip, { amountMinor: (139125n + 134488n + 30917n + 27500n).toString(), currency: 'USD' });
    assert.equal(p.billedToDate.amountMinor, '0');
  });

  test('a billing cycle issues a gapless-numbered invoice, posts a balanced receivable in CAD at the dated rate, and bills the entries', async () => {
    const { correlationId, flow } = await cycle('2026-07-31');
    assert.equal(flow.sagaType, 'BILLING_CYCLE');
    const mine = flow.runs.find((r: any) => r.sagaType === 'BILL_SCHEDULE' && r.subject.id === tm.scheduleId);
    assert.ok(mine, 'the schedule was billed in the cycle');
    const invoiceIds = mine.links.filter((l: any) => l.typename === 'Invoice').map((l: any) => l.id);
    assert.equal(invoiceIds.length, 1);
    const posting = flow.runs.find((r: any) => r.sagaType === 'POST_INVOICE' && r.subject.id === invoiceIds[0]);
    assert.deepEqual(posting.steps.map((s: any) => [s.name, s.status]), [['ledger', 'SUCCEEDED'], ['posted', 'SUCCEEDED'], ['billed', 'SUCCEEDED']]);

    const invoice = (await graph.data(INVOICE, { id: invoiceIds[0] })).invoice;
    assert.equal(invoice.status, 'POSTED');
    assert.ok(invoice.postedAt);
    assert.equal(invoice.issueDate, today);
    assert.equal(invoice.currency, 'USD');
    // billing's series of the legal entity: prefix, year of issue, sequence (the first of the series)
    assert.match(invoice.number, new RegExp(`^[A-Z]+(-[A-Z]+)*-${today.slice(0, 4)}-0*1$`), invoice.number);
    assert.equal(invoice.paymentStatus, 'NOT_DUE_UNPAID');
    const subtotal = 139125n + 134488n + 30917n + 27500n;
    assert.deepEqual(invoice.subtotal, { amountMinor: subtotal.toString(), currency: 'USD' });
    assert.equal(sumMinor(invoice.lines, (l: any) => minor(l.netAmount)), subtotal);
    assert.equal(sumMinor(invoice.lines, (l: any) => minor(l.taxAmount)), minor(invoice.taxTotal));
    assert.ok(minor(invoice.taxTotal) > 0n, 'Ontario HST applies');
    assert.equal(minor(invoice.total), subtotal + minor(invoice.taxTotal));
    assert.equal(invoice.lines.flatMap((l: any) => l.billableItemIds).length, 4);

    // ERP: one receivable for the total, in the invoice currency, carried in CAD at the issue date's rate
    const r = invoice.receivable;
    assert.ok(r);
    assert.equal(r.status, 'OPEN');
    assert.equal(r.invoiceNumber, invoice.number);
    assert.deepEqual(r.originalAmount, invoice.total);
    assert.deepEqual(r.openAmount, invoice.total);
    assert.equal(Number(r.fxRate), Number(RATE), 'the rate of the invoice date, not the day before');
    const functional = roundHalfUp(minor(invoice.total) * 13725n, 10_000n);
    assert.deepEqual(r.functionalOriginal, { amountMinor: functional.toString(), currency: 'CAD' });
    const je = r.journalEntry;
    assert.equal(je.sourceType, 'INVOICE');
    assert.equal(je.sourceId, invoice.id);
    assert.equal(je.status, 'POSTED');
    assert.equal(je.legalEntityId, firm.legalEntityId);
    assert.deepEqual(je.totalDebit, je.totalCredit, 'balanced');
    assert.deepEqual(je.totalDebit, { amountMinor: functional.toString(), currency: 'CAD' });
    assert.ok(je.lines.every((l: any) => l.debit.currency === 'CAD' && l.credit.currency === 'CAD'), 'journal lines in functional currency');
    assert.equal(sumMinor(je.lines, (l: any) => minor(l.debit)), sumMinor(je.lines, (l: any) => minor(l.credit)), 'Σ debit = Σ credit to the cent');
    const byAccount = (code: string, side: 'debit' | 'credit') => sumMinor(je.lines.filter((l: any) => l.accountCode === code), (l: any) => minor(l[side]));
    assert.equal(byAccount('1100', 'debit'), functional, 'Dr receivables');
    assert.ok(byAccount('4000', 'credit') > 0n, 'Cr revenue');
    assert.ok(byAccount('2100', 'credit') > 0n, 'Cr sales tax');
    assert.equal(byAccount('4000', 'credit') + byAccount('2100', 'credit'), functional);
    const receivables = (await graph.data(`query($id: ID!) { project(id: $id) { receivables { id invoice { id } } } }`, { id: tm.projectId })).project.receivables;
    assert.deepEqual(receivables.map((x: any) => x.invoice.id), [invoice.id], 'exactly one receivable per invoice');
    const rows = await graph.dbs.finance.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM receivables WHERE invoice_id = $1`, [invoice.id]);
    assert.equal(rows[0]!.n, 1n);

    // billing: items INVOICED; projects: billable entries BILLED, non-billable time stays APPROVED
    const items = await itemsOf(tm.projectId);
    assert.ok(items.every((i) => i.status === 'INVOICED' && i.invoice.id === invoice.id));
    const entries = await entriesOf(tm.projectId);
    for (const e of entries) assert.equal(e.status, e.id === nonBillable.id ? 'APPROVED' : 'BILLED', `time entry ${e.id}`);
    const expenses = nodes((await graph.data(`query($p: ID!) { expenseEntries(filter: { projectId: $p }) { edges { node { id status } } } }`, { p: tm.projectId })).expenseEntries);
    assert.deepEqual(expenses.map((x: any) => x.status), ['BILLED']);

    // figures and KPIs
    const p = (await graph.data(`query($id: ID!) { project(id: $id) { billedToDate { amountMinor currency } unbilledWip { amountMinor } invoiceLag { count medianDays p90Days meanDays } } }`, { id: tm.projectId })).project;
    assert.deepEqual(p.billedToDate, { amountMinor: subtotal.toString(), currency: 'USD' });
    assert.equal(p.unbilledWip.amountMinor, '0');
    assert.equal(p.invoiceLag.count, 4, 'one measurement per invoiced item');
    assert.ok(p.invoiceLag.medianDays !== null && Number(p.invoiceLag.medianDays) >= 0);
    const lag = (await graph.data(`query($f: InvoiceLagFilter) { invoiceLag(filter: $f) { count medianDays } }`, { f: { legalEntityId: firm.legalEntityId } })).invoiceLag;
    assert.equal(lag.count, 4);

    // every record of the cycle carries its correlation id
    const trail = (await graph.data(`query($c: ID!) { auditTrail(correlationId: $c) { billing { entityType entityId } finance { entityType entityId } projects { entityType entityId } } }`, { c: correlationId })).auditTrail;
    assert.ok(trail.billing.some((a: any) => a.entityType === 'Invoice' && a.entityId === invoice.id));
    assert.ok(trail.finance.some((a: any) => a.entityType === 'Receivable' && a.entityId === r.id));
    assert.ok(trail.projects.some((a: any) => a.entityType === 'TimeEntry'));
  });

  test('fixed fee: time makes no item (the fee covers it); the cycle bills the due instalment; numbers stay gapless', async () => {
    const ff = await engagement('FIXED_FEE', '6000000');
    const { assignmentId } = await staff(ff.projectId, '200');
    const entries = await bookTime(assignmentId, [{ workDate: '2026-07-06', minutes: 480 }, { workDate: '2026-07-07', minutes: 480 }]);
    await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: refs(entries) } });
    const approval = `approve-ff-${randomUUID()}`;
    await inFlow(approval, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id status } }`, { i: { entries: refs(entries) } });
    const flow = await settled(approval);
    assert.equal(flow.sagaType, 'BILL_TIME');
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['record', 'SKIPPED']], 'nothing to record');
    assert.deepEqual(await itemsOf(ff.projectId), [], 'no item for fixed-fee time');

    const before = await invoicesOf(tm.projectId);
    const { flow: billed } = await cycle('2026-07-31');
    const run = billed.runs.find((r: any) => r.sagaType === 'BILL_SCHEDULE' && r.subject.id === ff.scheduleId);
    assert.ok(run);
    const invoices = await invoicesOf(ff.projectId);
    assert.equal(invoices.length, 1);
    const invoice = (await graph.data(INVOICE, { id: invoices[0].id })).invoice;
    assert.equal(invoice.status, 'POSTED');
    assert.deepEqual(invoice.subtotal, { amountMinor: '1000000', currency: 'USD' }, 'the July instalment: one sixth of 60 000.00');
    const items = await itemsOf(ff.projectId);
    assert.deepEqual(items.map((i) => [i.sourceType, i.status, i.amount.amountMinor]), [['FIXED_FEE', 'INVOICED', '1000000']]);
    const schedule = (await graph.data(`query($id: ID!) { billingSchedule(id: $id) { lines { plannedDate status } } }`, { id: ff.scheduleId })).billingSchedule;
    assert.deepEqual(schedule.lines.map((l: any) => l.status), ['BILLED', 'PLANNED', 'PLANNED', 'PLANNED', 'PLANNED', 'PLANNED']);
    // the time stays APPROVED, never BILLED by the hour
    assert.ok((await entriesOf(ff.projectId)).every((e) => e.status === 'APPROVED'));
    // the T&M project had nothing new: its invoice is not billed twice
    assert.deepEqual(await invoicesOf(tm.projectId), before);
    // gapless: the series of the legal entity is 1..n with no hole
    const all = nodes((await graph.data(`query($le: ID!) { invoices(first: 100, filter: { legalEntityId: $le }) { edges { node { number status } } } }`, { le: firm.legalEntityId })).invoices);
    const sequences = all.filter((i: any) => i.number).map((i: any) => Number(i.number.split('-').at(-1))).sort((a: number, b: number) => a - b);
    assert.deepEqual(sequences, sequences.map((_: number, i: number) => i + 1));
    assert.equal(sequences.length, 2);
  });

  test('a not-to-exceed cap holds the items past it ON_HOLD; the cycle bills only what fits', async () => {
    // Cap 1 000.00: the first 4 hours at 185.50 (742.00) fit, the next 4 hours would pass it.
    const capped = await engagement('TIME_AND_MATERIALS', '5000000', '100000');
    const { assignmentId } = await staff(capped.projectId, '185.50');
    const entries = await bookTime(assignmentId, [{ workDate: '2026-07-06', minutes: 240 }, { workDate: '2026-07-07', minutes: 240 }]);
    await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: refs(entries) } });
    const approval = `approve-cap-${randomUUID()}`;
    await inFlow(approval, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id } }`, { i: { entries: refs(entries) } });
    await settled(approval);
    const items = await itemsOf(capped.projectId);
    assert.equal(items.length, 2);
    const byEntry = new Map(items.map((i) => [i.sourceId, i]));
    assert.equal(byEntry.get(entries[0].id).status, 'READY');
    assert.equal(byEntry.get(entries[1].id).status, 'ON_HOLD');
    assert.ok(byEntry.get(entries[1].id).holdReason, 'the hold says why');

    await cycle('2026-07-31');
    const invoices = await invoicesOf(capped.projectId);
    assert.equal(invoices.length, 1);
    const invoice = (await graph.data(INVOICE, { id: invoices[0].id })).invoice;
    assert.deepEqual(invoice.subtotal, { amountMinor: '74200', currency: 'USD' }, 'only the item within the cap');
    const after = new Map((await itemsOf(capped.projectId)).map((i) => [i.sourceId, i]));
    assert.equal(after.get(entries[0].id).status, 'INVOICED');
    assert.equal(after.get(entries[1].id).status, 'ON_HOLD', 'the held item stays out of the invoice');
    const statuses = new Map((await entriesOf(capped.projectId)).map((e) => [e.id, e.status]));
    assert.equal(statuses.get(entries[0].id), 'BILLED');
    assert.equal(statuses.get(entries[1].id), 'APPROVED');
    const p = (await graph.data(`query($id: ID!) { project(id: $id) { billedToDate { amountMinor } unbilledWip { amountMinor } } }`, { id: capped.projectId })).project;
    assert.equal(p.billedToDate.amountMinor, '74200');
    assert.equal(p.unbilledWip.amountMinor, '74200', 'the held item is still work in progress');
  });

  test('re-running the cycle bills nothing twice', async () => {
    const invoicesBefore = nodes((await graph.data(`query($le: ID!) { invoices(first: 100, filter: { legalEntityId: $le }) { edges { node { id number status total { amountMinor } } } } }`, { le: firm.legalEntityId })).invoices);
    const receivablesBefore = await graph.dbs.finance.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM receivables WHERE legal_entity_id = $1`, [firm.legalEntityId]);
    const { flow } = await cycle('2026-07-31');
    const scheduleRuns = flow.runs.filter((r: any) => r.sagaType === 'BILL_SCHEDULE');
    assert.ok(scheduleRuns.length >= 3, 'every ACTIVE schedule of the legal entity was visited');
    assert.ok(scheduleRuns.every((r: any) => r.status === 'COMPLETED' && r.links.every((l: any) => l.typename !== 'Invoice')), 'no run issued an invoice');
    assert.equal(flow.runs.filter((r: any) => r.sagaType === 'POST_INVOICE').length, 0);
    const invoicesAfter = nodes((await graph.data(`query($le: ID!) { invoices(first: 100, filter: { legalEntityId: $le }) { edges { node { id number status total { amountMinor } } } } }`, { le: firm.legalEntityId })).invoices);
    assert.deepEqual(invoicesAfter, invoicesBefore);
    const receivablesAfter = await graph.dbs.finance.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM receivables WHERE legal_entity_id = $1`, [firm.legalEntityId]);
    assert.equal(receivablesAfter[0]!.n, receivablesBefore[0]!.n);
    const items = await itemsOf(tm.projectId);
    assert.equal(items.length, 4);
    assert.ok(items.every((i) => i.status === 'INVOICED'));
    // and the approval flow's events were consumed once: one run per approval event
    const runs = (await graph.data(FLOW, { c: approvalFlow })).orchestrationRun.runs;
    assert.deepEqual(runs.map((r: any) => r.sagaType).sort(), ['BILL_EXPENSES', 'BILL_TIME']);
  });
});
