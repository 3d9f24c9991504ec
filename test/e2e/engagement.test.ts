import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDatabases } from '../../seed/index.js';
import { startGraph, type Graph } from '../support/graph.js';
import { allProjectIds, ENGAGEMENT_QUERY } from '../support/queries.js';

const DETAIL = `query Detail($id: ID!) {
  project(id: $id) {
    billingModel currency
    recognizedRevenue { amountMinor currency }
    margin { revenue { amountMinor } cost { amountMinor } amount { amountMinor } percent belowThreshold }
    billableItems { status amount { amountMinor currency } }
    invoices {
      id status subtotal { amountMinor } total { amountMinor currency } amountDue { amountMinor }
      receivable { id originalAmount { amountMinor currency } openAmount { amountMinor } }
      creditMemos { status releasesBillableItems subtotal { amountMinor } }
      lines { project { id } }
    }
    receivables { id invoice { id } originalAmount { amountMinor } }
  }
}`;

const minor = (m: { amountMinor: string }): bigint => BigInt(m.amountMinor);
const sumOf = <T>(xs: readonly T[], f: (x: T) => bigint): bigint => xs.reduce((s, x) => s + f(x), 0n);
const LIVE_INVOICE = new Set(['ISSUED', 'POSTED']);
const LIVE_CREDIT = new Set(['ISSUED', 'POSTED', 'APPLIED']);
const OPEN_ITEM = new Set(['PENDING', 'READY', 'ON_HOLD']);

let graph: Graph;
let projectIds: string[];

before(async () => {
  graph = await startGraph({ prepare: async (dbs) => void (await seedDatabases(dbs, 'demo')) });
  projectIds = await allProjectIds((q, v) => graph.data(q, v));
});
after(async () => graph?.stop());

describe('the Engagement query over real HTTP', () => {
  test('answers as written for every seeded project, with data from all four systems', async () => {
    assert.ok(projectIds.length >= 5, `expected the demo profile's projects, got ${projectIds.length}`);
    for (const id of projectIds) {
      const r = await graph.post(ENGAGEMENT_QUERY, { id });
      assert.equal(r.status, 200);
      assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      const p = r.body.data.project;
      assert.equal(p.id, id);
      assert.ok(p.account.name, 'account name comes from crm');
      assert.ok(p.opportunity.closedWonAt, 'won opportunity comes from crm');
      assert.ok(p.contract.totalContractValue.amountMinor, 'contract value comes from crm');
      const currency = p.deliveredValue.currency;
      for (const m of [p.opportunity.amount, p.contract.totalContractValue, p.actualCost, p.billedToDate, p.unbilledWip, p.margin.amount]) {
        assert.equal(m.currency, currency, 'every figure of an engagement is in the project currency');
      }
      assert.equal(r.body.data.projects.edges.length, Math.min(50, projectIds.length));
    }
  });

  test('figures agree across systems (domain-model §5)', async () => {
    let paid = 0;
    let tm = 0;
    for (const id of projectIds) {
      const e = (await graph.data(ENGAGEMENT_QUERY, { id })).project;
      const d = (await graph.data(DETAIL, { id })).project;
      const live = d.invoices.filter((i: any) => LIVE_INVOICE.has(i.status));
      const credits = d.invoices.flatMap((i: any) => i.creditMemos).filter((c: any) => LIVE_CREDIT.has(c.status));
      for (const inv of d.invoices) assert.ok(inv.lines.every((l: any) => l.project.id === id), 'invoice lines belong to the project');

      // billing: billed to date = issued and posted invoices net of credits; WIP = open billable items
      const billed = sumOf(live, (i: any) => minor(i.subtotal)) - sumOf(credits, (c: any) => minor(c.subtotal));
      assert.equal(minor(e.billedToDate), billed, `billedToDate of ${id}`);
      assert.equal(minor(e.unbilledWip), sumOf(d.billableItems.filter((i: any) => OPEN_ITEM.has(i.status)), (i: any) => minor(i.amount)), `unbilledWip of ${id}`);

      // PSA ↔ billing: what was delivered is billed, open, or given away as a discount
      if (d.billingModel === 'TIME_AND_MATERIALS' || d.billingModel === 'MILESTONE') {
        const discounts = sumOf(credits.filter((c: any) => !c.releasesBillableItems), (c: any) => minor(c.subtotal));
        assert.equal(minor(e.deliveredValue), minor(e.billedToDate) + minor(e.unbilledWip) + discounts, `delivered = billed + WIP + discounts for ${id}`);
      }

      // billing ↔ ERP: exactly one receivable per posted invoice, for its total; none for the others
      const posted = d.invoices.filter((i: any) => i.status === 'POSTED');
      assert.deepEqual(d.receivables.map((r: any) => r.invoice.id).sort(), posted.map((i: any) => i.id).sort(), `receivables of ${id}`);
      assert.deepEqual(e.receivables.map((r: any) => r.id).sort(), d.receivables.map((r: any) => r.id).sort());
      for (const inv of d.invoices) {
        const summary = e.invoices.find((i: any) => i.id === inv.id);
        if (inv.status === 'POSTED') {
          assert.equal(inv.receivable.originalAmount.amountMinor, inv.total.amountMinor, `receivable of ${inv.id} is the invoice total`);
          assert.equal(inv.receivable.originalAmount.currency, inv.total.currency);
          assert.equal(inv.amountDue.amountMinor, inv.receivable.openAmount.amountMinor);
          assert.ok(summary.paymentStatus, `posted invoice ${inv.id} has a payment status`);
          if (summary.paymentStatus === 'PAID') {
            paid += 1;
            assert.equal(inv.receivable.openAmount.amountMinor, '0');
          }
        } else {
          assert.equal(inv.receivable, null);
          assert.equal(summary.paymentStatus, null, `unposted invoice ${inv.id} has no payment status`);
        }
      }

      // ERP: margin = recognized revenue − actual cost (from PSA)
      assert.equal(d.margin.revenue.amountMinor, d.recognizedRevenue.amountMinor);
      assert.equal(d.margin.cost.amountMinor, e.actualCost.amountMinor);
      assert.equal(minor(e.margin.amount), minor(d.recognizedRevenue) - minor(e.actualCost));
      assert.equal(e.margin.percent, d.margin.percent);
      if (d.billingModel === 'TIME_AND_MATERIALS') {
        tm += 1;
        // As-invoiced revenue: recognized when an invoice posts, reversed by credits.
        const postedNet = sumOf(posted, (i: any) => minor(i.subtotal)) - sumOf(posted.flatMap((i: any) => i.creditMemos).filter((c: any) => LIVE_CREDIT.has(c.status)), (c: any) => minor(c.subtotal));
        assert.equal(minor(d.recognizedRevenue), postedNet, `recognized revenue of T&M project ${id}`);
      }
    }
    assert.ok(paid > 0, 'some invoices are paid');
    assert.ok(tm > 0, 'the demo has time-and-materials engagements');
  });

  test('every journal balances to the minor unit, and every live invoice is the sum of its billable items', async () => {
    let after: string | null = null;
    let journals = 0;
    for (;;) {
      const page: any = await graph.data(`query($after: String) { journalEntries(first: 200, after: $after) { edges { node { number totalDebit { amountMinor currency } totalCredit { amountMinor currency } lines { debit { amountMinor } credit { amountMinor } } } } pageInfo { hasNextPage endCursor } } }`, { after });
      for (const { node } of page.journalEntries.edges) {
        journals += 1;
        assert.deepEqual(node.totalDebit, node.totalCredit, `journal ${node.number} balances`);
        assert.equal(sumOf(node.lines, (l: any) => minor(l.debit)), sumOf(node.lines, (l: any) => minor(l.credit)), `lines of ${node.number}`);
        assert.equal(sumOf(node.lines, (l: any) => minor(l.debit)), minor(node.totalDebit));
      }
      if (!page.journalEntries.pageInfo.hasNextPage) break;
      after = page.journalEntries.pageInfo.endCursor;
    }
    assert.ok(journals > 10, `journals found: ${journals}`);

    for (const id of projectIds) {
      const d = (await graph.data(`query($id: ID!) { project(id: $id) {
        billableItems(statuses: [INVOICED]) { amount { amountMinor } invoice { id } }
        invoices { id status subtotal { amountMinor } creditMemos { releasesBillableItems status } } } }`, { id })).project;
      for (const inv of d.invoices) {
        if (!LIVE_INVOICE.has(inv.status) || inv.creditMemos.some((c: any) => c.releasesBillableItems && LIVE_CREDIT.has(c.status))) continue;
        const items = d.billableItems.filter((i: any) => i.invoice?.id === inv.id);
        assert.ok(items.length > 0, `invoice ${inv.id} has items`);
        assert.equal(sumOf(items, (i: any) => minor(i.amount)), minor(inv.subtotal), `invoice ${inv.id} = Σ its items`);
      }
    }
  });

  test('the demo includes the realistic anomalies', async () => {
    const rows = await Promise.all(projectIds.map(async (id) => (await graph.data(`query($id: ID!) { project(id: $id) { margin { belowThreshold } } }`, { id })).project));
    assert.ok(rows.some((r) => r.margin.belowThreshold === true), 'a project runs under its margin threshold');
    const rejected = await graph.data(`{ timeEntries(first: 5, filter: { statuses: [REJECTED] }) { edges { node { id rejectedReason } } } }`);
    assert.ok(rejected.timeEntries.edges.length > 0, 'some time was rejected');
  });
});
