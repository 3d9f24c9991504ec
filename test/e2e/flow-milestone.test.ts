import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eventOf } from '../../platform/events/relay.js';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// Flow 3 (domain model §2 F3): a milestone accepted by the client → its billable item, its invoice posted to the ERP,
// and its revenue recognized with a journal, all through the gateway.

let graph: Graph;
let firm: Awaited<ReturnType<typeof setUpFirm>>;

before(async () => {
  graph = await startGraph();
  firm = await setUpFirm(graph);
});
after(async () => graph?.stop());

const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) { correlationId status sagaType steps { name status attempts lastError } runs { sagaType status links { typename id } } } }`;

/** Posts through the gateway with a correlation id of our choosing; fails on errors. */
async function postAs(correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const r = await graph.post(query, variables, { 'x-correlation-id': correlationId });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  assert.equal(r.headers.get('x-correlation-id'), correlationId, 'the gateway keeps the caller\'s correlation id');
  return r.body.data;
}

/** Waits until a flow has finished (COMPLETED, or a failure status, which fails the test with the flow's details). */
async function settled(correlationId: string, until: (flow: any) => boolean = () => true): Promise<any> {
  const flow = await waitFor(async () => {
    const f = (await graph.data(FLOW, { c: correlationId })).orchestrationRun;
    if (['FAILED', 'COMPENSATED', 'CANCELLED'].includes(f.status)) return f;
    return f.status === 'COMPLETED' && until(f) ? f : null;
  }, 30_000, `flow ${correlationId}`);
  assert.equal(flow.status, 'COMPLETED', JSON.stringify(flow, null, 2));
  return flow;
}

/** Wins a MILESTONE engagement and waits for its set-up flow: the ACTIVE project. */
async function milestoneEngagement(): Promise<{ projectId: string; contractId: string }> {
  const { opportunityId, contractId } = await readyToWin(graph, firm, 'MILESTONE', '9000000');
  const won = await graph.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { id run { correlationId } } }`, { i: { opportunityId, idempotencyKey: `win-${opportunityId}` } });
  await settled(won.winOpportunity.run.correlationId);
  const opp = await graph.data(`query($id: ID!) { opportunity(id: $id) { project { id status billingModel } } }`, { id: opportunityId });
  assert.equal(opp.opportunity.project.status, 'ACTIVE');
  assert.equal(opp.opportunity.project.billingModel, 'MILESTONE');
  return { projectId: opp.opportunity.project.id, contractId };
}

const CREATE_MILESTONE = `mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id version status } }`;
const TRANSITION_MILESTONE = `mutation($i: TransitionMilestoneInput!) { transitionMilestone(input: $i) { id version status acceptedAt } }`;

/** Creates a milestone and takes it to COMPLETED (delivered, not yet accepted). */
async function deliveredMilestone(projectId: string, name: string, billingAmount: { amountMinor: string; currency: string } | null): Promise<string> {
  const created = await graph.data(CREATE_MILESTONE, { i: { projectId, name, dueDate: '2026-08-31', billingAmount } });
  const id = created.createMilestone.id as string;
  for (const action of ['START', 'COMPLETE']) await graph.data(TRANSITION_MILESTONE, { i: { id, action } });
  return id;
}

const MILESTONE_ITEMS = `query($p: ID!) { billableItems(first: 50, filter: { projectId: $p, sourceType: MILESTONE }) { edges { node {
  id sourceId sourceVersion status amount { amountMinor currency } invoice { id } } } } }`;

const PROJECT_BILLING = `query($p: ID!) { project(id: $p) {
  billingSchedules { id type status lines { id milestoneId status amount { amountMinor currency } billableItemId } }
  invoices { id number status subtotal { amountMinor currency } total { amountMinor currency }
    lines { billableItemIds netAmount { amountMinor } }
    receivable { id status invoiceId originalAmount { amountMinor currency } openAmount { amountMinor }
      journalEntry { id sourceType status totalDebit { amountMinor currency } totalCredit { amountMinor currency } lines { accountCode debit { amountMinor } credit { amountMinor } } } } }
  revenueSchedules { id method status recognizedToDate { amountMinor }
    lines { period status milestoneId plannedAmount { amountMinor } recognizedAmount { amountMinor currency } journalEntryId } }
  recognizedRevenue { amountMinor currency }
} }`;

const JOURNAL = `query($id: ID!) { journalEntry(id: $id) { id sourceType status period totalDebit { amountMinor currency } totalCredit { amountMinor currency }
  lines { accountCode debit { amountMinor } credit { amountMinor } projectId } } }`;

const minor = (m: { amountMinor: string }): bigint => BigInt(m.amountMinor);
const sum = (xs: ReadonlyArray<{ amountMinor: string }>): bigint => xs.reduce((s, x) => s + minor(x), 0n);

/** Asserts a journal is balanced to the minor unit, line by line and in its totals. */
function assertBalanced(journal: any): void {
  assert.deepEqual(journal.totalDebit, journal.totalCredit, `journal ${journal.id} balances`);
  assert.equal(sum(journal.lines.map((l: any) => l.debit)), sum(journal.lines.map((l: any) => l.credit)), `lines of ${journal.id} balance`);
  assert.equal(sum(journal.lines.map((l: any) => l.debit)), minor(journal.totalDebit));
}

/** Counts rows of a table of a subgraph's database matching a condition (for "exactly one"). */
async function count(db: keyof Graph['dbs'], sql: string, params: unknown[]): Promise<number> {
  const rows = await graph.dbs[db].query<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${sql}`, params);
  return Number(rows[0]!.n);
}

describe('flow 3: milestone accepted → invoice and revenue', () => {
  let projectId: string;
  let milestoneId: string;
  let correlationId: string;
  const amount = { amountMinor: '3000000', currency: 'USD' };

  before(async () => {
    ({ projectId } = await milestoneEngagement());
    milestoneId = await deliveredMilestone(projectId, 'Design signed off', amount);
  });

  test('acceptance runs the flow: item, schedule line BILLED, invoice POSTED with its receivable, revenue RECOGNIZED', async () => {
    correlationId = `ms-accept-${randomUUID()}`;
    const accepted = await postAs(correlationId, TRANSITION_MILESTONE, { i: { id: milestoneId, action: 'ACCEPT' } });
    assert.equal(accepted.transitionMilestone.status, 'ACCEPTED');
    assert.ok(accepted.transitionMilestone.acceptedAt);

    // The milestone saga issues the invoice; the posting to the ERP is a run of the same flow that joins it when the
    // InvoiceIssued event arrives. Wait for both.
    const flow = await settled(correlationId, (f) => f.runs.some((r: any) => r.sagaType === 'POST_INVOICE'));
    assert.equal(flow.sagaType, 'MILESTONE_ACCEPTED');
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status]), [['billable', 'SUCCEEDED'], ['invoice', 'SUCCEEDED'], ['revenue', 'SUCCEEDED']]);
    assert.deepEqual(flow.runs.map((r: any) => r.sagaType).sort(), ['MILESTONE_ACCEPTED', 'POST_INVOICE']);
    assert.ok(flow.runs.every((r: any) => r.status === 'COMPLETED'));

    // billing: one MILESTONE item for the milestone, INVOICED
    const items = (await graph.data(MILESTONE_ITEMS, { p: projectId })).billableItems.edges.map((e: any) => e.node);
    assert.equal(items.length, 1, 'one milestone billable item');
    const item = items[0];
    assert.equal(item.sourceId, milestoneId);
    assert.equal(item.status, 'INVOICED');
    assert.deepEqual(item.amount, amount);

    const p = (await graph.data(PROJECT_BILLING, { p: projectId })).project;
    // the schedule line of the milestone is BILLED with the item
    const schedule = p.billingSchedules.find((s: any) => s.status === 'ACTIVE');
    assert.equal(schedule.type, 'MILESTONE');
    const lines = schedule.lines.filter((l: any) => l.milestoneId === milestoneId);
    assert.equal(lines.length, 1, JSON.stringify(schedule.lines));
    assert.equal(lines[0].status, 'BILLED');
    assert.equal(lines[0].billableItemId, item.id);
    assert.deepEqual(lines[0].amount, amount);

    // the invoice: issued (numbered) and POSTED, for exactly the milestone
    assert.equal(p.invoices.length, 1);
    const invoice = p.invoices[0];
    assert.equal(invoice.id, item.invoice.id);
    assert.equal(invoice.status, 'POSTED');
    assert.match(invoice.number, /^INV-\d{4}-\d{6}$/, 'issued: numbered from the legal entity\'s series');
    assert.deepEqual(invoice.subtotal, amount);
    assert.deepEqual(invoice.lines.flatMap((l: any) => l.billableItemIds), [item.id]);
    assert.ok(flow.runs.find((r: any) => r.sagaType === 'MILESTONE_ACCEPTED').links.some((l: any) => l.typename === 'Invoice' && l.id === invoice.id));

    // finance: the receivable for the invoice total with a balanced journal
    const receivable = invoice.receivable;
    assert.ok(receivable, 'the posted invoice has its receivable');
    assert.equal(receivable.invoiceId, invoice.id);
    assert.equal(receivable.status, 'OPEN');
    assert.deepEqual(receivable.originalAmount, invoice.total);
    assert.equal(receivable.openAmount.amountMinor, invoice.total.amountMinor);
    assert.equal(receivable.journalEntry.sourceType, 'INVOICE');
    assertBalanced(receivable.journalEntry);
    const ar = receivable.journalEntry.lines.filter((l: any) => l.accountCode === '1100');
    assert.equal(sum(ar.map((l: any) => l.debit)), minor(invoice.total), 'AR is debited with the invoice total');
    // a MILESTONE schedule recognizes revenue on acceptance, so the invoice's net goes against the contract asset
    assert.equal(sum(receivable.journalEntry.lines.filter((l: any) => l.accountCode === '1150').map((l: any) => l.credit)), minor(amount));

    // finance: the revenue schedule line of the milestone RECOGNIZED, with its journal Dr contract asset / Cr revenue
    const revenue = p.revenueSchedules.filter((s: any) => s.status === 'ACTIVE');
    assert.equal(revenue.length, 1);
    assert.equal(revenue[0].method, 'MILESTONE');
    const recognized = revenue[0].lines.filter((l: any) => l.milestoneId === milestoneId);
    assert.equal(recognized.length, 1, JSON.stringify(revenue[0].lines));
    assert.equal(recognized[0].status, 'RECOGNIZED');
    assert.deepEqual(recognized[0].recognizedAmount, amount);
    assert.equal(recognized[0].period, accepted.transitionMilestone.acceptedAt.slice(0, 7));
    assert.equal(revenue[0].recognizedToDate.amountMinor, amount.amountMinor);
    assert.deepEqual(p.recognizedRevenue, amount);
    const journal = (await graph.data(JOURNAL, { id: recognized[0].journalEntryId })).journalEntry;
    assert.equal(journal.sourceType, 'REVENUE_RECOGNITION');
    assert.equal(journal.status, 'POSTED');
    assertBalanced(journal);
    assert.deepEqual(journal.lines.map((l: any) => [l.accountCode, l.debit.amountMinor, l.credit.amountMinor]).sort(), [['1150', amount.amountMinor, '0'], ['4000', '0', amount.amountMinor]]);
    assert.ok(journal.lines.every((l: any) => l.projectId === projectId));

    // the milestone itself counts as delivered value
    const delivered = (await graph.data(`query($p: ID!) { project(id: $p) { deliveredValue { amountMinor } milestones { id status } } }`, { p: projectId })).project;
    assert.equal(delivered.deliveredValue.amountMinor, amount.amountMinor);
    assert.equal(delivered.milestones.find((m: any) => m.id === milestoneId).status, 'ACCEPTED');
  });

  test('a duplicate acceptance event changes nothing (redelivered, or re-emitted under another event id)', async () => {
    const rows = await graph.dbs.projects.query<any>(`SELECT * FROM outbox WHERE type = 'MilestoneAccepted' AND entity_id = $1`, [milestoneId]);
    assert.equal(rows.length, 1, 'one acceptance event');
    assert.equal(rows[0].correlation_id, correlationId, 'the event carries the accept request\'s correlation id');
    const before = await snapshot();
    const event = eventOf(rows[0], 'projects');
    await graph.bus.publish([event]);
    await graph.bus.publish([{ ...event, eventId: `${event.eventId}-again` }]);
    // The process layer has taken both deliveries in (the in-process bus hands them over before it resolves): the
    // inbox recorded the second one and no new run started.
    const inbox = await graph.orchestrationDb.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM inbox WHERE event_id IN ($1, $2)`, [event.eventId, `${event.eventId}-again`]);
    assert.equal(Number(inbox[0]!.n), 2, 'both deliveries reached the process layer');
    const flow = await settled(correlationId);
    assert.equal(flow.runs.length, 2, 'no new run');
    assert.deepEqual(await snapshot(), before, 'nothing changed in billing or finance');
  });

  /** What the flow produced, in counts and statuses, to compare before and after a duplicate. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const p = (await graph.data(PROJECT_BILLING, { p: projectId })).project;
    return {
      items: await count('billing', `billable_items WHERE source_id = $1`, [milestoneId]),
      invoices: p.invoices.map((i: any) => [i.id, i.status, i.total.amountMinor]),
      receivables: await count('finance', `receivables WHERE invoice_id = ANY($1)`, [p.invoices.map((i: any) => i.id)]),
      journals: await count('finance', `journal_entries WHERE legal_entity_id = $1`, [firm.legalEntityId]),
      revenue: p.revenueSchedules.map((s: any) => [s.id, s.recognizedToDate.amountMinor, s.lines.map((l: any) => [l.milestoneId, l.status, l.recognizedAmount.amountMinor])]),
      runs: Number((await graph.orchestrationDb.query<{ n: bigint | number }>(`SELECT count(*) AS n FROM saga_runs WHERE saga_type = 'MILESTONE_ACCEPTED' AND subject_id = $1`, [milestoneId]))[0]!.n),
    };
  }

  test('a milestone without a billing amount starts a run whose steps are SKIPPED', async () => {
    const unbilled = await deliveredMilestone(projectId, 'Kick-off workshop', null);
    const c = `ms-accept-nobill-${randomUUID()}`;
    await postAs(c, TRANSITION_MILESTONE, { i: { id: unbilled, action: 'ACCEPT' } });
    const flow = await settled(c);
    assert.equal(flow.sagaType, 'MILESTONE_ACCEPTED');
    assert.deepEqual(flow.steps.map((s: any) => [s.name, s.status, s.lastError]), [['billable', 'SKIPPED', null], ['invoice', 'SKIPPED', null], ['revenue', 'SKIPPED', null]]);
    assert.deepEqual(flow.runs.map((r: any) => r.sagaType), ['MILESTONE_ACCEPTED'], 'nothing was invoiced, so nothing is posted');
    assert.equal(await count('billing', `billable_items WHERE source_id = $1`, [unbilled]), 0);
    const p = (await graph.data(PROJECT_BILLING, { p: projectId })).project;
    assert.equal(p.invoices.length, 1, 'no new invoice');
    assert.ok(p.revenueSchedules.every((s: any) => s.lines.every((l: any) => l.milestoneId !== unbilled || l.status !== 'RECOGNIZED')));
  });
});
