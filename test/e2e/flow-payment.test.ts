import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { inFlow as postInFlow, settled as settledFlow } from '../support/flows.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 4 — payment → receivable, through the gateway, on an invoice that a flow issued and posted: partial payment,
// the rest at another rate (realised FX gain), reversal re-opening the receivable, and finance's events in its outbox.

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) { status runs { sagaType status subject { id } links { typename id } } } }`;

const STATE = `query($id: ID!) { invoice(id: $id) {
  id status paymentStatus total { amountMinor currency }
  amountPaid { amountMinor currency } amountDue { amountMinor currency }
  receivable { id status fxRate openAmount { amountMinor currency } originalAmount { amountMinor } functionalOriginal { amountMinor currency }
    applications { kind sourceId appliedAmount { amountMinor currency } fxGainLoss { amountMinor currency } } customerFinancial { id openBalance { amountMinor currency } } }
} }`;

const PAYMENT = `id status receivedDate fxRate amount { amountMinor currency } functionalAmount { amountMinor currency } unappliedAmount { amountMinor }
  applications { appliedAmount { amountMinor } fxGainLoss { amountMinor currency } }
  journalEntry { id sourceType status totalDebit { amountMinor currency } totalCredit { amountMinor currency }
    lines { accountCode debit { amountMinor currency } credit { amountMinor currency } } }`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
const later = day(1);

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;
let invoiceId: string;

const minor = (m: { amountMinor: string }): bigint => BigInt(m.amountMinor);
const sumMinor = <T>(xs: readonly T[], f: (x: T) => bigint): bigint => xs.reduce((s, x) => s + f(x), 0n);
const roundHalfUp = (num: bigint, den: bigint): bigint => (2n * num + den) / (2n * den);
const state = async () => (await graph.data(STATE, { id: invoiceId })).invoice;

const settled = (correlationId: string, until?: (flow: any) => boolean): Promise<any> => settledFlow(graph, FLOW, correlationId, until);
const inFlow = (correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> => postInFlow(graph, correlationId, query, variables);

function assertBalanced(je: any): void {
  assert.deepEqual(je.totalDebit, je.totalCredit, 'the journal balances');
  assert.equal(sumMinor(je.lines, (l: any) => minor(l.debit)), sumMinor(je.lines, (l: any) => minor(l.credit)), 'Σ debit = Σ credit to the cent');
  assert.ok(je.lines.every((l: any) => l.debit.currency === 'CAD' && l.credit.currency === 'CAD'), 'in functional currency');
}

const account = (je: any, code: string, side: 'debit' | 'credit') => sumMinor(je.lines.filter((l: any) => l.accountCode === code), (l: any) => minor(l[side]));

before(async () => {
  graph = await startGraph();
  // A Canadian entity (books in CAD) billing a client in USD; the rate moves between invoicing and payment.
  firm = await setUpFirm(graph, 'CA');
  await graph.data(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: { name: 'CA in USD', scope: 'LEGAL_ENTITY', legalEntityId: firm.legalEntityId, currency: 'USD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '175' }] },
  });
  for (const [rateDate, rate] of [[today, '1.3725'], [later, '1.4000']]) {
    await graph.data(`mutation($i: CreateExchangeRateInput!) { createExchangeRate(input: $i) { id } }`, { i: { from: 'USD', to: 'CAD', rateDate, rateType: 'SPOT', rate, source: 'test' } });
  }

  // win → staff → time → approve → billing cycle → posted invoice, every step through the gateway
  const w = await readyToWin(graph, { legalEntityId: firm.legalEntityId, currency: 'USD' }, 'TIME_AND_MATERIALS', '9000000');
  const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId: w.opportunityId } });
  await settled(won.winOpportunity.run.correlationId);
  const projectId = (await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id } } }`, { id: w.opportunityId })).opportunity.project.id;
  const r = await graph.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `C-${randomUUID().slice(0, 8)}`, displayName: 'Casey', roleCode: 'CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: 'CAD' }] },
  });
  const a = await graph.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
    i: { projectId, resourceId: r.createResource.id, roleCode: 'CONSULTANT', startDate: '2026-07-06', endDate: '2026-12-31', scheduledMinutes: 9600, billRate: '175', costRate: '60' },
  });
  const entries = [];
  for (const [workDate, minutes] of [['2026-07-06', 480], ['2026-07-07', 390]] as const) {
    entries.push((await graph.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId: a.createAssignment.id, workDate, minutes, billableMinutes: minutes } })).createTimeEntry);
  }
  const refs = entries.map((e) => ({ id: e.id }));
  await graph.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: refs } });
  const approval = `approve-${randomUUID()}`;
  await inFlow(approval, `mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id } }`, { i: { entries: refs } });
  await settled(approval);
  const cycle = await graph.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, { i: { throughDate: '2026-07-31', issueDate: today, legalEntityId: firm.legalEntityId } });
  const flow = await settled(cycle.runBillingCycle.correlationId, (f) => f.runs.some((x: any) => x.sagaType === 'POST_INVOICE'));
  invoiceId = flow.runs.find((x: any) => x.sagaType === 'POST_INVOICE').subject.id;
  const invoice = await state();
  assert.equal(invoice.status, 'POSTED');
  assert.equal(invoice.paymentStatus, 'NOT_DUE_UNPAID');
});
after(async () => graph?.stop());

describe('flow 4: payment → receivable', () => {
  let partialId: string;
  let restId: string;
  let total: bigint;

  test('a partial payment leaves the receivable PARTIALLY_PAID and the invoice shows it', async () => {
    const invoice = await state();
    total = minor(invoice.total);
    // 8 h + 6.5 h at 175.00 = 2 537.50 USD, plus Ontario HST
    assert.equal(total, roundHalfUp(253750n * 113n, 100n));
    const partial = 100000n; // 1 000.00 USD
    const payFlow = `pay-${randomUUID()}`;
    const input = {
      customerFinancialId: invoice.receivable.customerFinancial.id, receivedDate: today, amount: { amountMinor: partial.toString(), currency: 'USD' }, method: 'BANK_TRANSFER',
      bankReference: `BR-${randomUUID().slice(0, 8)}`, applications: [{ receivableId: invoice.receivable.id, amount: { amountMinor: partial.toString(), currency: 'USD' } }], idempotencyKey: `pay-partial-${invoiceId}`,
    };
    const paid = (await inFlow(payFlow, `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { ${PAYMENT} } }`, { i: input })).recordPayment;
    partialId = paid.id;
    assert.equal(paid.status, 'APPLIED');
    assert.equal(paid.unappliedAmount.amountMinor, '0');
    assert.deepEqual(paid.functionalAmount, { amountMinor: roundHalfUp(partial * 13725n, 10_000n).toString(), currency: 'CAD' }, 'at the received date rate');
    assert.equal(paid.applications[0].fxGainLoss.amountMinor, '0', 'same rate as the invoice: no FX difference');
    assertBalanced(paid.journalEntry);
    assert.equal(paid.journalEntry.sourceType, 'PAYMENT');
    assert.equal(account(paid.journalEntry, '1000', 'debit'), minor(paid.functionalAmount), 'Dr cash');
    assert.equal(account(paid.journalEntry, '1100', 'credit'), minor(paid.functionalAmount), 'Cr receivables');

    const after = await state();
    assert.equal(after.receivable.status, 'PARTIALLY_PAID');
    assert.equal(after.paymentStatus, 'PARTIALLY_PAID');
    assert.deepEqual(after.amountPaid, { amountMinor: partial.toString(), currency: 'USD' });
    assert.deepEqual(after.amountDue, { amountMinor: (total - partial).toString(), currency: 'USD' });
    assert.deepEqual(after.receivable.openAmount, after.amountDue);
    assert.equal(after.status, 'POSTED', 'the lifecycle status stays; payment status is derived');

    // finance's events of the payment are in its outbox, in the payment's flow
    const events = await graph.dbs.finance.query<{ type: string; correlation_id: string; payload: any; entity_id: string }>(
      `SELECT type, correlation_id, payload, entity_id FROM outbox WHERE correlation_id = $1 ORDER BY seq`, [payFlow],
    );
    const recorded = events.filter((e) => e.type === 'PaymentRecorded');
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0]!.payload.paymentId, paid.id);
    assert.deepEqual(recorded[0]!.payload.applications.map((x: any) => x.invoiceId), [invoiceId]);
    const changed = events.filter((e) => e.type === 'InvoicePaymentStatusChanged');
    assert.equal(changed.length, 1);
    assert.deepEqual([changed[0]!.payload.invoiceId, changed[0]!.payload.paymentStatus, changed[0]!.payload.amountDue.amountMinor], [invoiceId, 'PARTIALLY_PAID', (total - partial).toString()]);
    await waitFor(async () => {
      const rows = await graph.dbs.finance.query<{ n: bigint }>(`SELECT count(*)::bigint AS n FROM outbox WHERE correlation_id = $1 AND published_at IS NULL`, [payFlow]);
      return rows[0]!.n === 0n;
    }, 10_000, 'the relay publishes the payment events');

    // a client retry with the same key and input gets the stored payment; nothing is recorded twice
    const again = await graph.data(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, { i: input });
    assert.equal(again.recordPayment.id, paid.id);
    assert.equal((await state()).receivable.applications.length, 1, 'one application');
  });

  test('the rest at a later, higher rate pays it in full and books the realised FX gain in a balanced journal', async () => {
    const before = await state();
    const rest = minor(before.amountDue);
    const payFlow = `pay-rest-${randomUUID()}`;
    const paid = (await inFlow(payFlow, `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { ${PAYMENT} } }`, {
      i: {
        customerFinancialId: before.receivable.customerFinancial.id, receivedDate: later, amount: { amountMinor: rest.toString(), currency: 'USD' }, method: 'BANK_TRANSFER',
        applications: [{ receivableId: before.receivable.id, amount: { amountMinor: rest.toString(), currency: 'USD' } }],
      },
    })).recordPayment;
    restId = paid.id;
    assert.equal(Number(paid.fxRate), 1.4);
    const cash = roundHalfUp(rest * 14000n, 10_000n);
    assert.deepEqual(paid.functionalAmount, { amountMinor: cash.toString(), currency: 'CAD' });
    // the receivable is carried at the invoice rate: what is left of it in CAD is removed; the difference is the gain
    const carried = minor(before.receivable.functionalOriginal) - roundHalfUp(100000n * 13725n, 10_000n);
    const gain = cash - carried;
    assert.ok(gain > 0n, 'the dollar rose: a gain');
    assert.deepEqual(paid.applications[0].fxGainLoss, { amountMinor: gain.toString(), currency: 'CAD' });
    assertBalanced(paid.journalEntry);
    assert.equal(account(paid.journalEntry, '1000', 'debit'), cash, 'Dr cash at the payment rate');
    assert.equal(account(paid.journalEntry, '1100', 'credit'), carried, 'Cr receivables at their carrying amount');
    assert.equal(account(paid.journalEntry, '7900', 'credit') - account(paid.journalEntry, '7900', 'debit'), gain, 'Cr FX gain');

    const after = await state();
    assert.equal(after.receivable.status, 'PAID');
    assert.equal(after.paymentStatus, 'PAID');
    assert.equal(after.amountDue.amountMinor, '0');
    assert.deepEqual(after.amountPaid, after.total);
    assert.equal(after.receivable.customerFinancial.openBalance.amountMinor, '0');
    const changed = await graph.dbs.finance.query<{ payload: any }>(`SELECT payload FROM outbox WHERE correlation_id = $1 AND type = 'InvoicePaymentStatusChanged'`, [payFlow]);
    assert.deepEqual(changed.map((c) => c.payload.paymentStatus), ['PAID']);
    assert.ok((await graph.dbs.finance.query(`SELECT 1 FROM outbox WHERE correlation_id = $1 AND type = 'PaymentRecorded'`, [payFlow])).length === 1);

    // the ledger stays balanced as a whole
    const journals = (await graph.data(`query($le: ID!) { journalEntries(first: 200, filter: { legalEntityId: $le }) { edges { node { totalDebit { amountMinor } totalCredit { amountMinor } } } } }`, { le: firm.legalEntityId })).journalEntries.edges;
    assert.ok(journals.length >= 3);
    for (const { node } of journals) assert.equal(node.totalDebit.amountMinor, node.totalCredit.amountMinor);
  });

  test('reversing a payment re-opens the receivable; reversing both leaves it unpaid', async () => {
    const reverseFlow = `reverse-${randomUUID()}`;
    const reversed = (await inFlow(reverseFlow, `mutation($i: ReversePaymentInput!) { reversePayment(input: $i) { id status journalEntry { id status } } }`, { i: { id: restId, reason: 'returned by the bank' } })).reversePayment;
    assert.equal(reversed.status, 'REVERSED');
    assert.equal(reversed.journalEntry.status, 'REVERSED', 'the original journal is marked reversed, never deleted');
    const reversal = nodes((await graph.data(`query($le: ID!) { journalEntries(first: 200, filter: { legalEntityId: $le, sourceType: REVERSAL }) { edges { node {
      reversalOf { id } totalDebit { amountMinor currency } totalCredit { amountMinor currency } lines { accountCode debit { amountMinor currency } credit { amountMinor currency } } } } } }`, { le: firm.legalEntityId })).journalEntries)
      .filter((j: any) => j.reversalOf?.id === reversed.journalEntry.id);
    assert.equal(reversal.length, 1, 'one reversing journal');
    assertBalanced(reversal[0]);

    let now = await state();
    assert.equal(now.receivable.status, 'PARTIALLY_PAID');
    assert.equal(now.paymentStatus, 'PARTIALLY_PAID');
    assert.equal(now.amountPaid.amountMinor, '100000');
    const changed = await graph.dbs.finance.query<{ payload: any }>(`SELECT payload FROM outbox WHERE correlation_id = $1 AND type = 'InvoicePaymentStatusChanged'`, [reverseFlow]);
    assert.deepEqual(changed.map((c) => c.payload.paymentStatus), ['PARTIALLY_PAID']);

    await graph.data(`mutation($i: ReversePaymentInput!) { reversePayment(input: $i) { id status } }`, { i: { id: partialId, reason: 'recalled' } });
    now = await state();
    assert.equal(now.receivable.status, 'OPEN');
    assert.equal(now.paymentStatus, 'NOT_DUE_UNPAID');
    assert.deepEqual(now.amountDue, now.total);
    assert.deepEqual(now.receivable.openAmount, now.total);
    const again = await graph.post(`mutation($i: ReversePaymentInput!) { reversePayment(input: $i) { id } }`, { i: { id: partialId, reason: 'again' } });
    assert.equal(again.body.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION', 'a payment is reversed once');
  });
});

const nodes = <T = any>(conn: { edges: Array<{ node: T }> }): T[] => conn.edges.map((e) => e.node);
