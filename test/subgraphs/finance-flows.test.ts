import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemPrincipal, type Principal } from '../../platform/auth/principal.js';
import { newId } from '../../platform/domain/index.js';
import { money } from '../../platform/money/index.js';
import { createLogger } from '../../platform/server/logger.js';
import { adjustRevenueSchedule } from '../../subgraphs/finance/src/domain/revenue.js';
import type { RevenueSchedule, RevenueScheduleLine } from '../../subgraphs/finance/src/domain/types.js';
import { createFinanceSubgraph, financeMigrations } from '../../subgraphs/finance/src/index.js';
import { legalEntities } from '../../subgraphs/finance/src/repository/tables.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness, type TestResult } from '../support/subgraph-harness.js';

/**
 * Finance's side of the cross-system flows: the domain events its mutations put in the outbox (in the same
 * transaction, never after a failure), the process layer's revenue-schedule mutations (natural-key creation for the
 * setup saga, contract modifications) and the statement budget of posting an invoice.
 */
type Finance = ReturnType<typeof createFinanceSubgraph>;
let h: SubgraphHarness<ReturnType<Finance['createContext']>>;
let finance: Finance;

const US = 'le_us';
const CA = 'le_ca';
/** The process layer, exactly as the orchestrator's principal is built. */
const ORCH = systemPrincipal('orchestrator');
const integrationOnly = principal(['integration_admin'], '*', null, 'usr_integration');
/** An integration administrator who may also read revenue schedules (the result), but is not in finance. */
const integrationReader = principal(['integration_admin', 'executive'], '*', null, 'usr_integration_reader');
const financeIntegration = principal(['finance', 'integration_admin'], '*', null, 'usr_finance_integration');
const financeUser = principal(['finance'], '*', null, 'usr_finance');
const caFinance = principal(['finance'], [CA], null, 'usr_ca_finance');
const executive = principal(['executive'], '*', null, 'usr_exec');
const sales = principal(['sales'], '*', null, 'usr_sales');
const pm = principal(['project_manager'], '*', null, 'usr_pm');

before(async () => {
  const db = await openTestDatabase('finance', financeMigrations());
  finance = createFinanceSubgraph(db);
  h = await SubgraphHarness.start(finance, db);
  await legalEntities.insertMany(h.db, [
    { id: US, name: 'Northwind Consulting Inc.', country: 'US', functionalCurrency: 'USD', taxId: null, fiscalYearStartMonth: 1, invoiceNumberPrefix: 'US-' },
    { id: CA, name: 'Northwind Consulting Canada Ltd.', country: 'CA', functionalCurrency: 'CAD', taxId: null, fiscalYearStartMonth: 4, invoiceNumberPrefix: 'CA-' },
  ]);
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const m = (amountMinor: string | number | bigint, currency = 'USD') => ({ amountMinor: String(amountMinor), currency });

/** Runs an operation as `p` under a chosen correlation and causation id (as the process layer calls subgraphs). */
async function runAs<D = any>(p: Principal, query: string, variables: Record<string, unknown>, ids: { correlationId?: string; causationId?: string } = {}): Promise<TestResult<D>> {
  const contextValue = finance.createContext({
    correlationId: ids.correlationId ?? 'test', causationId: ids.causationId ?? null, logger: createLogger('test', 'silent'), principal: p,
  });
  const response = await h.server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
  return JSON.parse(JSON.stringify(response.body.singleResult)) as TestResult<D>;
}

async function okAs<D = any>(p: Principal, query: string, variables: Record<string, unknown>, ids?: { correlationId?: string; causationId?: string }): Promise<D> {
  const r = await runAs<D>(p, query, variables, ids);
  if (r.errors?.length) throw new Error(`operation failed: ${JSON.stringify(r.errors, null, 2)}`);
  return r.data as D;
}

const codeOf = (r: TestResult) => r.errors?.[0]?.extensions?.code;

interface OutboxRow {
  type: string;
  entity_type: string;
  entity_id: string;
  entity_version: number | null;
  payload: any;
  correlation_id: string;
  causation_id: string | null;
  actor: string;
}

/** Outbox rows about an entity (optionally of one type), in the order they were written. */
async function events(entityId: string, type?: string): Promise<OutboxRow[]> {
  const rows = await h.db.query<OutboxRow>(
    `SELECT type, entity_type, entity_id, entity_version, payload, correlation_id, causation_id, actor FROM outbox
      WHERE entity_id = $1 ${type ? 'AND type = $2' : ''} ORDER BY seq`,
    type ? [entityId, type] : [entityId],
  );
  return rows.map((r) => ({ ...r, entity_version: r.entity_version === null ? null : Number(r.entity_version), payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}

async function countRows(table: string): Promise<number> {
  const rows = await h.db.query<{ n: unknown }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

/** Row counts of everything finance writes, with the outbox and the audit log: a failed mutation changes none. */
async function footprint(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['outbox', 'audit_log', 'receivables', 'receivable_applications', 'payments', 'journal_entries', 'revenue_schedules', 'revenue_schedule_lines', 'revenue_schedule_modifications']) {
    out[t] = await countRows(t);
  }
  return out;
}

async function customer(legalEntityId = US, currency = 'USD'): Promise<{ id: string; crmAccountId: string }> {
  const crmAccountId = newId('acc');
  const d = await okAs(ORCH, `mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id } }`, { i: { crmAccountId, legalEntityId, currency } });
  return { id: d.upsertCustomerFinancial.id, crmAccountId };
}

function invoiceInput(crmAccountId: string, lines: Array<{ projectId: string; net: number; tax: number }>, extra: Record<string, unknown> = {}) {
  return {
    invoiceId: newId('inv'), invoiceNumber: `US-${Math.floor(Math.random() * 1e6)}`, legalEntityId: US, crmAccountId, currency: 'USD',
    documentDate: '2026-03-10', dueDate: '2099-04-09',
    lines: lines.map((l) => ({ projectId: l.projectId, netAmount: m(l.net), taxAmount: m(l.tax) })), ...extra,
  };
}

const POST = `mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { id version invoiceId status } }`;
const CREDIT = `mutation($i: PostCreditMemoToLedgerInput!) { postCreditMemoToLedger(input: $i) { id version status } }`;
const VOID = `mutation($i: VoidInvoiceInLedgerInput!) { voidInvoiceInLedger(input: $i) { id version status } }`;
const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id version status } }`;
const REVERSE = `mutation($i: ReversePaymentInput!) { reversePayment(input: $i) { id version status } }`;
const CREATE = `mutation($i: CreateRevenueScheduleInput!) { createRevenueSchedule(input: $i) { id version status method allocatedAmount { amountMinor currency }
  lines { period plannedAmount { amountMinor } status } } }`;
const TRANSITION = `mutation($i: TransitionRevenueScheduleInput!) { transitionRevenueSchedule(input: $i) { id version status } }`;
const RECOGNIZE = `mutation($i: RecognizeRevenueInput!) { recognizeRevenue(input: $i) { id version } }`;
const ADJUST = `mutation($i: AdjustRevenueScheduleInput!) { adjustRevenueSchedule(input: $i) { id version status allocatedAmount { amountMinor currency }
  recognizedToDate { amountMinor } lines { period plannedAmount { amountMinor } recognizedAmount { amountMinor } status milestoneId } } }`;

async function schedule(p: Principal, input: Record<string, unknown>): Promise<any> {
  return (await okAs(p, CREATE, { i: input })).createRevenueSchedule;
}

async function activate(id: string): Promise<void> {
  await okAs(ORCH, TRANSITION, { i: { id, action: 'ACTIVATE' } });
}

async function post(input: ReturnType<typeof invoiceInput>, ids?: { correlationId?: string; causationId?: string }): Promise<any> {
  return (await okAs(ORCH, POST, { i: input }, ids)).postInvoiceToLedger;
}

describe('finance events in the outbox', () => {
  test('postInvoiceToLedger: ReceivableCreated, and RevenueRecognized per AS_INVOICED project, with the flow ids; nothing on replay or failure', async () => {
    const c = await customer();
    const tm = newId('prj');
    const other = newId('prj');
    const rs = await schedule(ORCH, { projectId: tm, legalEntityId: US, performanceObligation: 'T&M services', method: 'AS_INVOICED', allocatedAmount: m(5_000_000) });
    const input = invoiceInput(c.crmAccountId, [{ projectId: tm, net: 100_000, tax: 10_000 }, { projectId: other, net: 50_000, tax: 0 }, { projectId: tm, net: 2_500, tax: 0 }]);
    const ar = await post(input, { correlationId: 'corr-flow-1', causationId: 'evt_invoice_issued_1' });

    const created = await events(ar.id);
    assert.equal(created.length, 1);
    assert.deepEqual(created[0], {
      type: 'ReceivableCreated', entity_type: 'Receivable', entity_id: ar.id, entity_version: 1,
      payload: { receivableId: ar.id, invoiceId: input.invoiceId, legalEntityId: US, projectIds: [tm, other], originalAmount: m(162_500) },
      correlation_id: 'corr-flow-1', causation_id: 'evt_invoice_issued_1', actor: 'system:orchestrator',
    });
    const revenue = await events(rs.id, 'RevenueRecognized');
    assert.equal(revenue.length, 1);
    assert.equal(revenue[0]?.entity_type, 'RevenueSchedule');
    assert.equal(revenue[0]?.entity_version, 2);
    assert.deepEqual(revenue[0]?.payload, { revenueScheduleId: rs.id, projectId: tm, period: '2026-03', amount: m(102_500) });

    const before = await footprint();
    const replay = await post(input);
    assert.equal(replay.id, ar.id);
    const changed = await runAs(ORCH, POST, { i: { ...input, lines: [{ projectId: tm, netAmount: m(1), taxAmount: m(0) }] } });
    assert.equal(codeOf(changed), 'CONFLICT');
    const unknownCustomer = await runAs(ORCH, POST, { i: invoiceInput(newId('acc'), [{ projectId: tm, net: 100, tax: 0 }]) });
    assert.equal(codeOf(unknownCustomer), 'BAD_USER_INPUT');
    assert.deepEqual(await footprint(), before, 'a replay or a failed posting writes no event and nothing else');
  });

  test('postInvoiceToLedger stays a handful of statements per invoice, whatever its number of lines', async () => {
    const c = await customer();
    const tm = newId('prj');
    await schedule(ORCH, { projectId: tm, legalEntityId: US, performanceObligation: 'T&M services', method: 'AS_INVOICED', allocatedAmount: m(900_000_000) });
    await post(invoiceInput(c.crmAccountId, [{ projectId: tm, net: 10, tax: 0 }])); // warms the journal counter
    const measure = async (lines: number) => {
      const input = invoiceInput(c.crmAccountId, Array.from({ length: lines }, (_, i) => ({ projectId: i === 0 ? tm : newId('prj'), net: 1_000 + i, tax: 100 })));
      h.db.stats.take();
      const started = performance.now();
      await post(input);
      return { statements: h.db.stats.take(), ms: performance.now() - started };
    };
    const one = await measure(1);
    const many = await measure(400);
    console.log(`postInvoiceToLedger: ${one.statements} statements with 1 line (${one.ms.toFixed(1)} ms), ${many.statements} with 400 lines (${many.ms.toFixed(1)} ms)`);
    assert.equal(many.statements, one.statements, 'statements do not grow with the lines');
    assert.ok(one.statements <= 16, `${one.statements} statements for one invoice (receivable, journal, audit, outbox, revenue line and schedule)`);
  });

  test('postCreditMemoToLedger: InvoicePaymentStatusChanged (PARTIALLY_CREDITED, then CREDITED) and revenue given back; nothing on failure', async () => {
    const c = await customer();
    const tm = newId('prj');
    const rs = await schedule(ORCH, { projectId: tm, legalEntityId: US, performanceObligation: 'T&M services', method: 'AS_INVOICED', allocatedAmount: m(1_000_000) });
    const input = invoiceInput(c.crmAccountId, [{ projectId: tm, net: 100_000, tax: 10_000 }]);
    const ar = await post(input);
    const memo = (net: number, tax: number) => ({ creditMemoId: newId('cm'), creditMemoNumber: `CM-${net}`, invoiceId: input.invoiceId, documentDate: '2026-04-02', lines: [{ projectId: tm, netAmount: m(net), taxAmount: m(tax) }] });

    const before = await footprint();
    assert.equal(codeOf(await runAs(ORCH, CREDIT, { i: memo(200_000, 0) })), 'BAD_USER_INPUT');
    assert.equal(codeOf(await runAs(ORCH, CREDIT, { i: { ...memo(10, 0), invoiceId: newId('inv') } })), 'BAD_USER_INPUT');
    assert.deepEqual(await footprint(), before);

    await okAs(ORCH, CREDIT, { i: memo(10_000, 1_000) });
    await okAs(ORCH, CREDIT, { i: memo(90_000, 9_000) });
    const status = await events(input.invoiceId);
    assert.deepEqual(status.map((e) => [e.type, e.entity_type, e.entity_version, e.payload]), [
      ['InvoicePaymentStatusChanged', 'Invoice', 2, { invoiceId: input.invoiceId, paymentStatus: 'PARTIALLY_CREDITED', amountDue: m(99_000) }],
      ['InvoicePaymentStatusChanged', 'Invoice', 3, { invoiceId: input.invoiceId, paymentStatus: 'CREDITED', amountDue: m(0) }],
    ]);
    const revenue = await events(rs.id, 'RevenueRecognized');
    assert.deepEqual(revenue.map((e) => [e.entity_version, e.payload.period, e.payload.amount]), [[2, '2026-03', m(100_000)], [3, '2026-04', m(-10_000)], [4, '2026-04', m(-90_000)]]);
    assert.equal((await events(ar.id)).length, 1, 'only ReceivableCreated is about the receivable itself');
  });

  test('recordPayment: PaymentRecorded with the invoices it settled, and a status change per invoice; reversePayment re-opens them', async () => {
    const c = await customer();
    const a = invoiceInput(c.crmAccountId, [{ projectId: newId('prj'), net: 40_000, tax: 0 }]);
    const b = invoiceInput(c.crmAccountId, [{ projectId: newId('prj'), net: 60_000, tax: 0 }]);
    const arA = await post(a);
    const arB = await post(b);
    const payment = (applications: Array<[string, number]>, amount: number, bankReference: string) => ({
      customerFinancialId: c.id, receivedDate: '2026-04-01', amount: m(amount), method: 'BANK_TRANSFER', bankReference,
      applications: applications.map(([receivableId, n]) => ({ receivableId, amount: m(n) })),
    });

    const before = await footprint();
    assert.equal(codeOf(await runAs(ORCH, PAY, { i: payment([[arA.id, 50_000]], 50_000, 'BNK-X1') })), 'BAD_USER_INPUT', 'more than is open');
    assert.equal(codeOf(await runAs(ORCH, PAY, { i: payment([[arA.id, 40_000], [arB.id, 20_000]], 50_000, 'BNK-X2') })), 'BAD_USER_INPUT', 'more than received');
    assert.deepEqual(await footprint(), before);

    const paid = (await okAs(ORCH, PAY, { i: payment([[arA.id, 40_000], [arB.id, 25_000]], 70_000, 'BNK-0001') }, { correlationId: 'corr-cash-1' })).recordPayment;
    const recorded = await events(paid.id);
    assert.deepEqual(recorded.map((e) => [e.type, e.entity_type, e.entity_version, e.correlation_id]), [['PaymentRecorded', 'Payment', 1, 'corr-cash-1']]);
    assert.deepEqual(recorded[0]?.payload, {
      paymentId: paid.id, customerFinancialId: c.id, legalEntityId: US, amount: m(70_000),
      applications: [{ receivableId: arA.id, invoiceId: a.invoiceId, appliedAmount: m(40_000) }, { receivableId: arB.id, invoiceId: b.invoiceId, appliedAmount: m(25_000) }],
    });
    assert.deepEqual((await events(a.invoiceId)).map((e) => [e.entity_version, e.payload]), [[2, { invoiceId: a.invoiceId, paymentStatus: 'PAID', amountDue: m(0) }]]);
    assert.deepEqual((await events(b.invoiceId)).map((e) => [e.entity_version, e.payload]), [[2, { invoiceId: b.invoiceId, paymentStatus: 'PARTIALLY_PAID', amountDue: m(35_000) }]]);

    const reversed = (await okAs(ORCH, REVERSE, { i: { id: paid.id, reason: 'NSF' } })).reversePayment;
    assert.equal(reversed.status, 'REVERSED');
    assert.deepEqual((await events(a.invoiceId)).map((e) => [e.entity_version, e.payload.paymentStatus, e.payload.amountDue]), [[2, 'PAID', m(0)], [3, 'NOT_DUE_UNPAID', m(40_000)]]);
    assert.deepEqual((await events(b.invoiceId)).map((e) => [e.entity_version, e.payload.paymentStatus, e.payload.amountDue]), [[2, 'PARTIALLY_PAID', m(35_000)], [3, 'NOT_DUE_UNPAID', m(60_000)]]);
    const afterReversal = await footprint();
    assert.equal(codeOf(await runAs(ORCH, REVERSE, { i: { id: paid.id, reason: 'again' } })), 'INVALID_TRANSITION');
    assert.deepEqual(await footprint(), afterReversal, 'a refused reversal emits nothing');
  });

  test('voidInvoiceInLedger: InvoiceVoidedInLedger and VOID status, AS_INVOICED revenue given back; a repeat or a refused void emits nothing', async () => {
    const c = await customer();
    const tm = newId('prj');
    const rs = await schedule(ORCH, { projectId: tm, legalEntityId: US, performanceObligation: 'T&M services', method: 'AS_INVOICED', allocatedAmount: m(1_000_000) });
    const input = invoiceInput(c.crmAccountId, [{ projectId: tm, net: 30_000, tax: 3_000 }]);
    const ar = await post(input);
    const voided = (await okAs(ORCH, VOID, { i: { invoiceId: input.invoiceId, postingDate: '2026-03-12' } })).voidInvoiceInLedger;
    assert.deepEqual([voided.status, voided.version], ['VOID', 2]);
    assert.deepEqual((await events(ar.id)).map((e) => [e.type, e.entity_version, e.payload]), [
      ['ReceivableCreated', 1, { receivableId: ar.id, invoiceId: input.invoiceId, legalEntityId: US, projectIds: [tm], originalAmount: m(33_000) }],
      ['InvoiceVoidedInLedger', 2, { receivableId: ar.id, invoiceId: input.invoiceId }],
    ]);
    assert.deepEqual((await events(input.invoiceId)).map((e) => [e.type, e.entity_version, e.payload]), [
      ['InvoicePaymentStatusChanged', 2, { invoiceId: input.invoiceId, paymentStatus: 'VOID', amountDue: m(0, 'USD') }],
    ]);
    assert.deepEqual((await events(rs.id, 'RevenueRecognized')).map((e) => e.payload.amount), [m(30_000), m(-30_000)]);

    const paidInput = invoiceInput(c.crmAccountId, [{ projectId: newId('prj'), net: 1_000, tax: 0 }]);
    const paidAr = await post(paidInput);
    await okAs(ORCH, PAY, { i: { customerFinancialId: c.id, receivedDate: '2026-03-20', amount: m(1_000), method: 'CARD', applications: [{ receivableId: paidAr.id, amount: m(1_000) }] } });
    const before = await footprint();
    assert.equal((await okAs(ORCH, VOID, { i: { invoiceId: input.invoiceId } })).voidInvoiceInLedger.version, 2, 'already void: returned unchanged');
    assert.equal(codeOf(await runAs(ORCH, VOID, { i: { invoiceId: paidInput.invoiceId } })), 'INVALID_TRANSITION');
    assert.equal(codeOf(await runAs(ORCH, VOID, { i: { invoiceId: newId('inv') } })), 'NOT_FOUND');
    assert.deepEqual(await footprint(), before);
  });

  test('recognizeRevenue: RevenueRecognized with the schedule version; a refused recognition emits nothing', async () => {
    const projectId = newId('prj');
    const rs = await schedule(ORCH, { projectId, legalEntityId: CA, performanceObligation: 'Implementation', method: 'STRAIGHT_LINE', allocatedAmount: m(100_000, 'CAD'), periods: { from: '2026-11', to: '2027-01' } });
    await activate(rs.id);
    const done = (await okAs(ORCH, RECOGNIZE, { i: { revenueScheduleId: rs.id, period: '2026-11' } }, { causationId: 'evt_period_close_2026_11' })).recognizeRevenue;
    assert.equal(done.version, 3);
    const recognized = await events(rs.id);
    assert.deepEqual(recognized.map((e) => [e.type, e.entity_type, e.entity_version, e.causation_id, e.payload]), [
      ['RevenueRecognized', 'RevenueSchedule', 3, 'evt_period_close_2026_11', { revenueScheduleId: rs.id, projectId, period: '2026-11', amount: m(33_334, 'CAD') }],
    ]);
    const before = await footprint();
    assert.equal(codeOf(await runAs(ORCH, RECOGNIZE, { i: { revenueScheduleId: rs.id, period: '2026-11' } })), 'INVALID_TRANSITION');
    assert.equal(codeOf(await runAs(ORCH, RECOGNIZE, { i: { revenueScheduleId: rs.id, period: '2026-12', amount: m(90_000, 'CAD') } })), 'BAD_USER_INPUT');
    assert.deepEqual(await footprint(), before);
  });
});

describe('createRevenueSchedule for the setup saga', () => {
  const contract = newId('ctr');
  const setup = (projectId: string, extra: Record<string, unknown> = {}) => ({
    projectId, contractId: contract, legalEntityId: US, performanceObligation: 'Implementation services', method: 'STRAIGHT_LINE', allocatedAmount: m(120_000),
    periods: { from: '2026-01', to: '2026-06' }, ...extra,
  });

  test('an idempotency-key replay returns the same schedule; the same key with another input is refused', async () => {
    const projectId = newId('prj');
    const first = await schedule(ORCH, setup(projectId, { idempotencyKey: `rs:${projectId}` }));
    assert.deepEqual(first.lines.map((l: any) => l.plannedAmount.amountMinor), ['20000', '20000', '20000', '20000', '20000', '20000']);
    const before = await footprint();
    const again = await schedule(ORCH, setup(projectId, { idempotencyKey: `rs:${projectId}` }));
    assert.deepEqual(again, first);
    assert.equal(codeOf(await runAs(ORCH, CREATE, { i: setup(projectId, { idempotencyKey: `rs:${projectId}`, performanceObligation: 'Other' }) })), 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(await footprint(), before);
  });

  test('natural key: the integration administrator gets the live schedule of the project back, unchanged; other terms or callers get a CONFLICT', async () => {
    const projectId = newId('prj');
    const first = await schedule(ORCH, setup(projectId));
    await activate(first.id);
    const before = await footprint();
    // A redelivered event after the key expired, or a saga step retried without it: same project, same terms.
    const again = await schedule(ORCH, setup(projectId, { idempotencyKey: `rs-retry:${projectId}` }));
    assert.deepEqual([again.id, again.version, again.status], [first.id, 2, 'ACTIVE']);
    // The allocation may have moved since (contract modifications): still the same obligation.
    assert.equal((await schedule(financeIntegration, setup(projectId, { allocatedAmount: m(150_000) }))).id, first.id);
    assert.deepEqual(await footprint(), before, 'a natural-key replay writes nothing');

    assert.equal(codeOf(await runAs(ORCH, CREATE, { i: setup(projectId, { method: 'AS_INVOICED', periods: null }) })), 'CONFLICT', 'another method');
    assert.equal(codeOf(await runAs(ORCH, CREATE, { i: setup(projectId, { contractId: newId('ctr') }) })), 'CONFLICT', 'another contract');
    assert.equal(codeOf(await runAs(financeUser, CREATE, { i: setup(projectId) })), 'CONFLICT', 'people creating twice are told');
    assert.deepEqual(await footprint(), before);

    // Once cancelled, the project may get a new schedule.
    await okAs(ORCH, TRANSITION, { i: { id: first.id, action: 'CANCEL' } });
    const next = await schedule(ORCH, setup(projectId));
    assert.notEqual(next.id, first.id);
  });

  test('roles other than finance are refused, and a failed creation writes nothing and releases its key', async () => {
    const projectId = newId('prj');
    const before = await footprint();
    for (const p of [pm, sales, executive]) assert.equal(codeOf(await runAs(p, CREATE, { i: setup(projectId) })), 'FORBIDDEN', p.subject);
    assert.equal(codeOf(await runAs(ORCH, CREATE, { i: setup(projectId, { periods: { from: '2026-06', to: '2026-01' }, idempotencyKey: `rs-bad:${projectId}` }) })), 'BAD_USER_INPUT');
    assert.equal(codeOf(await runAs(ORCH, CREATE, { i: setup(projectId, { legalEntityId: 'le_none' }) })), 'BAD_USER_INPUT');
    assert.deepEqual(await footprint(), before);
    const fixed = await schedule(ORCH, setup(projectId, { idempotencyKey: `rs-bad:${projectId}` }));
    assert.equal(fixed.status, 'DRAFT', 'the key of a failed request can be used again');
  });
});

describe('adjustRevenueSchedule', () => {
  const amend = (projectId: string, delta: ReturnType<typeof m>, effectiveDate: string, extra: Record<string, unknown> = {}) => ({ projectId, delta, effectiveDate, ...extra });
  const plans = (s: any) => s.lines.map((l: any) => [l.period, l.plannedAmount.amountMinor, l.recognizedAmount.amountMinor, l.status]);

  async function straightLine(legalEntityId = US, currency = 'USD'): Promise<{ projectId: string; id: string }> {
    const projectId = newId('prj');
    const rs = await schedule(ORCH, { projectId, legalEntityId, performanceObligation: 'Managed service', method: 'STRAIGHT_LINE', allocatedAmount: m(120_000, currency), periods: { from: '2026-01', to: '2026-06' } });
    await activate(rs.id);
    for (const period of ['2026-01', '2026-02']) await okAs(ORCH, RECOGNIZE, { i: { revenueScheduleId: rs.id, period } });
    return { projectId, id: rs.id };
  }

  test('STRAIGHT_LINE: the unrecognized remainder is re-spread evenly from the effective period, largest remainder', async () => {
    const { projectId, id } = await straightLine();
    const amendment = newId('amd');
    const s = (await okAs(ORCH, ADJUST, { i: amend(projectId, m(10_001), '2026-04-15', { amendmentId: amendment, idempotencyKey: `amend:${amendment}:finance` }) })).adjustRevenueSchedule;
    assert.deepEqual([s.id, s.version, s.allocatedAmount, s.recognizedToDate.amountMinor], [id, 5, m(130_001), '40000']);
    assert.deepEqual(plans(s), [
      ['2026-01', '20000', '20000', 'RECOGNIZED'], ['2026-02', '20000', '20000', 'RECOGNIZED'], ['2026-03', '20000', '0', 'PLANNED'],
      ['2026-04', '23334', '0', 'PLANNED'], ['2026-05', '23334', '0', 'PLANNED'], ['2026-06', '23333', '0', 'PLANNED'],
    ]);
    // The plan still adds up exactly to the allocation.
    const planned = s.lines.reduce((a: bigint, l: any) => a + BigInt(l.status === 'PLANNED' ? l.plannedAmount.amountMinor : l.recognizedAmount.amountMinor), 0n);
    assert.equal(planned, 130_001n);

    // A reduction is re-spread the same way, down to what remains.
    const down = (await okAs(financeUser, ADJUST, { i: amend(projectId, m(-30_001), '2026-03-01') })).adjustRevenueSchedule;
    assert.deepEqual(plans(down).map((l: any) => l[1]), ['20000', '20000', '15000', '15000', '15000', '15000']);
    assert.equal(down.allocatedAmount.amountMinor, '100000');
    const rows = await h.db.query<{ amendment_id: string | null; delta_minor: unknown; schedule_version: number }>(
      `SELECT amendment_id, delta_minor, schedule_version FROM revenue_schedule_modifications WHERE revenue_schedule_id = $1 ORDER BY schedule_version`, [id],
    );
    assert.deepEqual(rows.map((r) => [r.amendment_id, String(r.delta_minor), Number(r.schedule_version)]), [[amendment, '10001', 5], [null, '-30001', 6]]);
  });

  test('replays: the same idempotency key, and the same amendment (natural key), change nothing; the amendment with another delta is a CONFLICT', async () => {
    const { projectId } = await straightLine();
    const amendment = newId('amd');
    const input = amend(projectId, m(6_000), '2026-03-01', { amendmentId: amendment, idempotencyKey: `amend:${amendment}:finance` });
    const first = (await okAs(ORCH, ADJUST, { i: input })).adjustRevenueSchedule;
    assert.equal(first.allocatedAmount.amountMinor, '126000');
    const before = await footprint();
    assert.deepEqual((await okAs(ORCH, ADJUST, { i: input })).adjustRevenueSchedule, first, 'idempotency-key replay');
    const natural = (await okAs(ORCH, ADJUST, { i: { ...input, idempotencyKey: `amend:${amendment}:finance:retry` } })).adjustRevenueSchedule;
    assert.deepEqual(natural, first, 'natural-key replay: the amendment is applied once');
    assert.deepEqual((await okAs(integrationReader, ADJUST, { i: { ...input, idempotencyKey: null } })).adjustRevenueSchedule.version, first.version);
    assert.equal(codeOf(await runAs(ORCH, ADJUST, { i: { ...input, idempotencyKey: null, delta: m(7_000) } })), 'CONFLICT');
    assert.equal(codeOf(await runAs(ORCH, ADJUST, { i: { ...input, idempotencyKey: null, effectiveDate: '2026-04-01' } })), 'CONFLICT');
    assert.equal(codeOf(await runAs(ORCH, ADJUST, { i: { ...input, delta: m(7_000) } })), 'IDEMPOTENCY_KEY_REUSED');
    assert.deepEqual(await footprint(), before);
    const zero = (await okAs(ORCH, ADJUST, { i: amend(projectId, m(0), '2026-05-01') })).adjustRevenueSchedule;
    assert.equal(zero.version, first.version, 'a zero delta changes nothing');
    assert.deepEqual(await footprint(), before);
  });

  test('only finance and the integration administrator may adjust; other roles and foreign legal entities are refused, writing nothing', async () => {
    const { projectId } = await straightLine(CA, 'CAD');
    const before = await footprint();
    // The result is a revenue schedule, which only finance and executives read: integration_admin alone is refused too.
    for (const p of [pm, sales, executive, integrationOnly]) assert.equal(codeOf(await runAs(p, ADJUST, { i: amend(projectId, m(100, 'CAD'), '2026-04-01') })), 'FORBIDDEN', p.subject);
    assert.equal(codeOf(await runAs(principal(['finance'], [US], null, 'usr_us_fin'), ADJUST, { i: amend(projectId, m(100, 'CAD'), '2026-04-01') })), 'NOT_FOUND', 'a foreign legal entity looks absent');
    assert.deepEqual(await footprint(), before);
    assert.equal((await okAs(caFinance, ADJUST, { i: amend(projectId, m(100, 'CAD'), '2026-04-01') })).adjustRevenueSchedule.allocatedAmount.amountMinor, '120100');
    assert.equal((await okAs(integrationReader, ADJUST, { i: amend(projectId, m(100, 'CAD'), '2026-04-01') })).adjustRevenueSchedule.allocatedAmount.amountMinor, '120200');
  });

  test('validation failures write nothing', async () => {
    const { projectId, id } = await straightLine();
    const before = await footprint();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['currency', amend(projectId, m(100, 'CAD'), '2026-04-01'), 'BAD_USER_INPUT'],
      ['below recognized', amend(projectId, m(-80_001), '2026-03-01'), 'BAD_USER_INPUT'],
      ['below what stays planned before the effective period', amend(projectId, m(-60_001), '2026-04-01'), 'BAD_USER_INPUT'],
      ['to zero', amend(projectId, m(-120_000), '2026-03-01'), 'BAD_USER_INPUT'],
      ['no planned period left', amend(projectId, m(100), '2026-07-01'), 'BAD_USER_INPUT'],
      ['bad date', amend(projectId, m(100), '2026-02-30'), 'BAD_USER_INPUT'],
      ['bad project id', amend('project-1', m(100), '2026-04-01'), 'BAD_USER_INPUT'],
      ['bad amendment id', amend(projectId, m(100), '2026-04-01', { amendmentId: 'x1' }), 'BAD_USER_INPUT'],
      ['bad amount', amend(projectId, { amountMinor: '1.5', currency: 'USD' }, '2026-04-01'), 'BAD_USER_INPUT'],
      ['no live schedule', amend(newId('prj'), m(100), '2026-04-01'), 'NOT_FOUND'],
    ];
    for (const [name, i, code] of cases) assert.equal(codeOf(await runAs(ORCH, ADJUST, { i: { ...i, idempotencyKey: `bad:${name.replace(/\s/g, '-')}` } })), code, name);
    assert.deepEqual(await footprint(), before);
    const s = (await okAs(ORCH, `query($id: ID!) { revenueSchedule(id: $id) { version allocatedAmount { amountMinor } } }`, { id })).revenueSchedule;
    assert.deepEqual(s, { version: 4, allocatedAmount: { amountMinor: '120000' } });
  });

  test('AS_INVOICED changes only the allocation; MILESTONE changes the last planned milestone line; COST_TO_COST re-spreads in proportion', async () => {
    const tm = newId('prj');
    const asInvoiced = await schedule(ORCH, { projectId: tm, legalEntityId: US, performanceObligation: 'T&M services', method: 'AS_INVOICED', allocatedAmount: m(500_000) });
    const t = (await okAs(ORCH, ADJUST, { i: amend(tm, m(-100_000), '2026-09-01') })).adjustRevenueSchedule;
    assert.deepEqual([t.id, t.version, t.allocatedAmount.amountMinor, t.lines], [asInvoiced.id, 2, '400000', []]);

    const msProject = newId('prj');
    const [ms1, ms2, ms3] = [newId('ms'), newId('ms'), newId('ms')];
    const ms = await schedule(ORCH, { projectId: msProject, legalEntityId: US, performanceObligation: 'Phases', method: 'MILESTONE', allocatedAmount: m(90_000), lines: [
      { period: '2026-05', plannedAmount: m(30_000), milestoneId: ms1 }, { period: '2026-07', plannedAmount: m(30_000), milestoneId: ms2 }, { period: '2026-09', plannedAmount: m(30_000), milestoneId: ms3 },
    ] });
    await activate(ms.id);
    await okAs(ORCH, RECOGNIZE, { i: { revenueScheduleId: ms.id, period: '2026-09', milestoneId: ms3 } });
    const up = (await okAs(ORCH, ADJUST, { i: amend(msProject, m(15_000), '2026-06-01') })).adjustRevenueSchedule;
    assert.deepEqual(up.lines.map((l: any) => [l.milestoneId, l.plannedAmount.amountMinor, l.status]), [[ms1, '30000', 'PLANNED'], [ms2, '45000', 'PLANNED'], [ms3, '30000', 'RECOGNIZED']]);
    assert.equal(up.allocatedAmount.amountMinor, '105000');
    const before = await footprint();
    assert.equal(codeOf(await runAs(ORCH, ADJUST, { i: amend(msProject, m(-45_001), '2026-06-01') })), 'BAD_USER_INPUT', 'the last milestone line cannot go below zero');
    assert.deepEqual(await footprint(), before);

    const ctc = newId('prj');
    await schedule(ORCH, { projectId: ctc, legalEntityId: US, performanceObligation: 'Build', method: 'COST_TO_COST', allocatedAmount: m(100_000), lines: [
      { period: '2026-01', plannedAmount: m(10_000) }, { period: '2026-02', plannedAmount: m(30_000) }, { period: '2026-03', plannedAmount: m(60_000) },
    ] });
    const c = (await okAs(ORCH, ADJUST, { i: amend(ctc, m(10_000), '2026-02-01') })).adjustRevenueSchedule;
    assert.deepEqual(c.lines.map((l: any) => l.plannedAmount.amountMinor), ['10000', '33333', '66667']);
  });
});

describe('revenue adjustment rule', () => {
  const base: RevenueSchedule = {
    id: 'rs_1', version: 3, contractId: null, projectId: 'prj_1', legalEntityId: US, performanceObligation: 'Service', method: 'STRAIGHT_LINE',
    allocatedAmount: money(100n, 'USD'), status: 'ACTIVE', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
  const line = (period: string, planned: bigint, recognized = 0n): RevenueScheduleLine => ({
    id: `rsl_${period}`, revenueScheduleId: 'rs_1', period, plannedAmount: money(planned, 'USD'), recognizedAmount: money(recognized, 'USD'),
    status: recognized === 0n ? 'PLANNED' : 'RECOGNIZED', milestoneId: null, journalEntryId: null,
  });

  test('a recognition that differed from plan is absorbed by the periods re-spread; only changed lines are returned', () => {
    // 2026-01 planned 34 but recognized 40: the remainder after the change is 100 + 2 − 40 = 62 over two periods.
    const lines = [line('2026-01', 34n, 40n), line('2026-02', 33n), line('2026-03', 33n)];
    const r = adjustRevenueSchedule(base, lines, { delta: money(2n, 'USD'), effectiveDate: '2026-02-01' }, '2026-02-01T00:00:00.000Z');
    assert.deepEqual(r.lines.map((l) => [l.period, l.plannedAmount.amountMinor]), [['2026-02', 31n], ['2026-03', 31n]]);
    assert.deepEqual([r.schedule.version, r.schedule.allocatedAmount.amountMinor, r.schedule.updatedAt], [4, 102n, '2026-02-01T00:00:00.000Z']);
    // 101 − 50 kept before February = 51 over two periods: 26 and 25, so March (already 25) is not rewritten.
    const partly = adjustRevenueSchedule(base, [line('2026-01', 50n), line('2026-02', 25n), line('2026-03', 25n)], { delta: money(1n, 'USD'), effectiveDate: '2026-02-28' }, 'now');
    assert.deepEqual(partly.lines.map((l) => [l.period, l.plannedAmount.amountMinor]), [['2026-02', 26n]]);
  });

  test('a schedule that is not live cannot be modified', () => {
    assert.throws(() => adjustRevenueSchedule({ ...base, status: 'COMPLETED' }, [], { delta: money(1n, 'USD'), effectiveDate: '2026-01-01' }, 'now'), { code: 'INVALID_TRANSITION' });
  });
});
