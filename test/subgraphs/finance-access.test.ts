import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nonNullProtectedFields } from '../../platform/graphql/authz.js';
import { newId, systemInvocation } from '../../platform/domain/index.js';
import { money } from '../../platform/money/index.js';
import { createFinanceSubgraph, financeMigrations } from '../../subgraphs/finance/src/index.js';
import { legalEntities } from '../../subgraphs/finance/src/repository/tables.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness, type TestResult } from '../support/subgraph-harness.js';

type Finance = ReturnType<typeof createFinanceSubgraph>;
let h: SubgraphHarness<ReturnType<Finance['createContext']>>;
let finance: Finance;

const US = 'le_us';
const CA = 'le_ca';
const usFinance = principal(['finance'], [US], null, 'usr_us_finance');
const caFinance = principal(['finance'], [CA], null, 'usr_ca_finance');
const allFinance = principal(['finance'], '*', null, 'usr_group_finance');
const usExecutive = principal(['executive'], [US], null, 'usr_us_exec');
const usSales = principal(['sales'], [US], null, 'usr_us_sales');
const pm = principal(['project_manager'], '*', null, 'usr_pm');
const consultant = principal(['consultant'], '*', 'res_consultant1', 'usr_consultant');
const admin = principal(['integration_admin'], '*', null, 'usr_integration');

const m = (amountMinor: string | number, currency = 'USD') => ({ amountMinor: String(amountMinor), currency });

/** Rows of both legal entities, created by each legal entity's own finance user. */
const fx = {
  account: newId('acc'),
  sharedProject: newId('prj'),
  usProject: newId('prj'),
  caProject: newId('prj'),
  usInvoice: newId('inv'),
  caInvoice: newId('inv'),
  cfUs: '', cfCa: '', arUs: '', arCa: '', payUs: '', payCa: '', jeUs: '', jeCa: '', rsUs: '', rsCa: '',
};

const INVOICE = `mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { id journalEntry { id } } }`;
const PAYMENT = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`;
const SCHEDULE = `mutation($i: CreateRevenueScheduleInput!) { createRevenueSchedule(input: $i) { id } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Receivable { id } ... on Payment { id } ... on JournalEntry { id } ... on RevenueSchedule { id } ... on CustomerFinancial { id }
  ... on LegalEntity { id name } ... on ExchangeRate { id } ... on Currency { code } } }`;

function invoice(id: string, legalEntityId: string, projectId: string, net: number) {
  return {
    invoiceId: id, invoiceNumber: `${legalEntityId.toUpperCase()}-${net}`, legalEntityId, crmAccountId: fx.account, currency: 'USD',
    documentDate: '2026-03-10', dueDate: '2099-04-09', lines: [{ projectId, netAmount: m(net), taxAmount: m(0) }],
  };
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['customer_financials', 'receivables', 'receivable_applications', 'payments', 'journal_entries', 'revenue_schedules', 'exchange_rates', 'audit_log']) {
    const rows = await h.db.query<{ n: unknown }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = Number(rows[0]?.n);
  }
  return out;
}

const codes = (r: TestResult) => (r.errors ?? []).map((e) => e.extensions?.code);

before(async () => {
  const db = await openTestDatabase('finance', financeMigrations());
  finance = createFinanceSubgraph(db);
  h = await SubgraphHarness.start(finance, db);
  await legalEntities.insertMany(h.db, [
    { id: US, name: 'Northwind Consulting Inc.', country: 'US', functionalCurrency: 'USD', taxId: null, fiscalYearStartMonth: 1, invoiceNumberPrefix: 'US-' },
    { id: CA, name: 'Northwind Consulting Canada Ltd.', country: 'CA', functionalCurrency: 'CAD', taxId: null, fiscalYearStartMonth: 4, invoiceNumberPrefix: 'CA-' },
  ]);
  await h.as(allFinance).ok(`mutation { createExchangeRate(input: { from: "USD", to: "CAD", rateDate: "2026-01-01", rateType: SPOT, rate: "1.35", source: "test" }) { id } }`);
  const upsert = `mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id } }`;
  fx.cfUs = (await h.as(usFinance).ok<any>(upsert, { i: { crmAccountId: fx.account, legalEntityId: US, currency: 'USD' } })).upsertCustomerFinancial.id;
  fx.cfCa = (await h.as(caFinance).ok<any>(upsert, { i: { crmAccountId: fx.account, legalEntityId: CA, currency: 'USD' } })).upsertCustomerFinancial.id;
  // One project billed by both legal entities (revenue in USD in both books), and one project per legal entity.
  fx.arUs = (await h.as(usFinance).ok<any>(INVOICE, { i: invoice(fx.usInvoice, US, fx.sharedProject, 100000) })).postInvoiceToLedger.id;
  fx.arCa = (await h.as(caFinance).ok<any>(INVOICE, { i: invoice(fx.caInvoice, CA, fx.sharedProject, 50000) })).postInvoiceToLedger.id;
  const pay = (arId: string, cf: string, ref: string) => ({ customerFinancialId: cf, receivedDate: '2026-03-20', amount: m(20000), method: 'BANK_TRANSFER', bankReference: ref, applications: [{ receivableId: arId, amount: m(20000) }] });
  fx.payUs = (await h.as(usFinance).ok<any>(PAYMENT, { i: pay(fx.arUs, fx.cfUs, 'US-1') })).recordPayment.id;
  fx.payCa = (await h.as(caFinance).ok<any>(PAYMENT, { i: pay(fx.arCa, fx.cfCa, 'CA-1') })).recordPayment.id;
  const journal = (le: string) => ({ legalEntityId: le, postingDate: '2026-03-31', description: 'Accrual', lines: [{ accountCode: '1150', debitMinor: '5000' }, { accountCode: '2100', creditMinor: '5000' }] });
  const je = `mutation($i: PostManualJournalInput!) { postManualJournal(input: $i) { id } }`;
  fx.jeUs = (await h.as(usFinance).ok<any>(je, { i: journal(US) })).postManualJournal.id;
  fx.jeCa = (await h.as(caFinance).ok<any>(je, { i: journal(CA) })).postManualJournal.id;
  const schedule = (projectId: string, le: string, currency: string) => ({ projectId, legalEntityId: le, performanceObligation: 'Implementation', method: 'STRAIGHT_LINE', allocatedAmount: m(30000, currency), periods: { from: '2026-03', to: '2026-05' } });
  fx.rsUs = (await h.as(usFinance).ok<any>(SCHEDULE, { i: schedule(fx.usProject, US, 'USD') })).createRevenueSchedule.id;
  fx.rsCa = (await h.as(caFinance).ok<any>(SCHEDULE, { i: schedule(fx.caProject, CA, 'CAD') })).createRevenueSchedule.id;
  const activate = `mutation($i: TransitionRevenueScheduleInput!) { transitionRevenueSchedule(input: $i) { id } }`;
  await h.as(usFinance).ok(activate, { i: { id: fx.rsUs, action: 'ACTIVATE' } });
  await h.as(caFinance).ok(activate, { i: { id: fx.rsCa, action: 'ACTIVATE' } });
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

describe('finance access: legal-entity scoping', () => {
  test('root fields and connections show only the caller\'s legal entities, without an error', async () => {
    const q = `query($arCa: ID!, $arUs: ID!, $pay: ID!, $je: ID!, $rs: ID!, $cf: ID!) {
      legalEntities { id } ca: legalEntity(id: "le_ca") { id } us: legalEntity(id: "le_us") { id }
      foreign: receivable(id: $arCa) { id } own: receivable(id: $arUs) { id }
      payment(id: $pay) { id } journalEntry(id: $je) { id } revenueSchedule(id: $rs) { id } customerFinancial(id: $cf) { id }
      receivables(first: 50) { edges { node { id legalEntityId } } }
      payments(first: 50) { edges { node { legalEntityId } } }
      journalEntries(first: 50) { edges { node { legalEntityId } } }
      customerFinancials(first: 50) { edges { node { id legalEntityId } } }
      exchangeRates(first: 50) { edges { node { from to } } }
      currencies { code } }`;
    const r = await h.as(usFinance).run<any>(q, { arCa: fx.arCa, arUs: fx.arUs, pay: fx.payCa, je: fx.jeCa, rs: fx.rsCa, cf: fx.cfCa });
    assert.equal(r.errors, undefined);
    const d = r.data;
    assert.deepEqual(d.legalEntities, [{ id: US }]);
    assert.deepEqual([d.ca, d.us], [null, { id: US }]);
    assert.deepEqual([d.foreign, d.own], [null, { id: fx.arUs }]);
    assert.deepEqual([d.payment, d.journalEntry, d.revenueSchedule, d.customerFinancial], [null, null, null, null]);
    assert.deepEqual(d.receivables.edges.map((e: any) => e.node.id), [fx.arUs]);
    for (const list of [d.payments, d.journalEntries, d.customerFinancials]) {
      assert.ok(list.edges.length > 0);
      assert.ok(list.edges.every((e: any) => e.node.legalEntityId === US));
    }
    assert.deepEqual(d.exchangeRates.edges.map((e: any) => e.node), [{ from: 'USD', to: 'CAD' }], 'exchange rates are shared');
    assert.ok(d.currencies.length > 0);
    // A legal-entity filter naming a foreign legal entity finds nothing rather than widening the scope.
    const filtered = await h.as(usFinance).ok<any>(`{ receivables(filter: { legalEntityId: "le_ca" }) { edges { node { id } } } }`);
    assert.deepEqual(filtered.receivables.edges, []);
    const group = await h.as(allFinance).ok<any>(`{ legalEntities { id } receivables { edges { node { id } } } }`);
    assert.deepEqual(group.legalEntities.map((l: any) => l.id), [CA, US]);
    assert.deepEqual(new Set(group.receivables.edges.map((e: any) => e.node.id)), new Set([fx.arUs, fx.arCa]));
  });

  test('_entities of another legal entity load as null, by every key, without an error', async () => {
    const r = await h.as(usFinance).run<any>(ENTITIES, {
      r: [
        { __typename: 'Receivable', id: fx.arCa }, { __typename: 'Receivable', invoiceId: fx.caInvoice }, { __typename: 'Payment', id: fx.payCa },
        { __typename: 'JournalEntry', id: fx.jeCa }, { __typename: 'RevenueSchedule', id: fx.rsCa }, { __typename: 'CustomerFinancial', id: fx.cfCa },
        { __typename: 'CustomerFinancial', crmAccountId: fx.account, legalEntityId: CA }, { __typename: 'LegalEntity', id: CA },
        { __typename: 'Receivable', invoiceId: fx.usInvoice }, { __typename: 'CustomerFinancial', crmAccountId: fx.account, legalEntityId: US },
        { __typename: 'LegalEntity', id: US }, { __typename: 'Currency', code: 'CAD' },
      ],
    });
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data._entities, [
      null, null, null, null, null, null, null, null,
      { id: fx.arUs }, { id: fx.cfUs }, { id: US, name: 'Northwind Consulting Inc.' }, { code: 'CAD' },
    ]);
  });

  test('extension fields and nested lists count and list only visible rows', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { receivables { id } recognizedRevenue { amountMinor } revenueSchedules { id } margin { revenue { amountMinor } amount { amountMinor } } }
      ... on Account { customerFinancials { id openBalance { amountMinor } } openReceivables { id } }
      ... on Invoice { receivable { id } paymentStatus amountPaid { amountMinor } amountDue { amountMinor } } } }`;
    const reps = [
      { __typename: 'Project', id: fx.sharedProject, currency: 'USD', actualCost: m(40000), marginThresholdPct: '20' },
      { __typename: 'Project', id: fx.usProject, currency: 'USD', actualCost: m(0), marginThresholdPct: null },
      { __typename: 'Account', id: fx.account },
      { __typename: 'Invoice', id: fx.usInvoice },
      { __typename: 'Invoice', id: fx.caInvoice },
    ];
    const us = await h.as(usFinance).run<any>(q, { r: reps });
    assert.equal(us.errors, undefined);
    const [shared, usProject, account, usInv, caInv] = us.data._entities;
    assert.deepEqual(shared.receivables, [{ id: fx.arUs }]);
    assert.deepEqual(shared.recognizedRevenue, { amountMinor: '100000' }, 'only revenue journalled in the caller\'s books');
    assert.deepEqual(shared.margin, { revenue: { amountMinor: '100000' }, amount: { amountMinor: '60000' } });
    assert.deepEqual(usProject.revenueSchedules, [{ id: fx.rsUs }]);
    assert.deepEqual(account.customerFinancials, [{ id: fx.cfUs, openBalance: { amountMinor: '80000' } }]);
    assert.deepEqual(account.openReceivables, [{ id: fx.arUs }]);
    assert.deepEqual(usInv, { receivable: { id: fx.arUs }, paymentStatus: 'PARTIALLY_PAID', amountPaid: { amountMinor: '20000' }, amountDue: { amountMinor: '80000' } });
    assert.deepEqual(caInv, { receivable: null, paymentStatus: null, amountPaid: null, amountDue: null });

    const ca = (await h.as(caFinance).ok<any>(q, { r: reps }))._entities;
    assert.deepEqual(ca[0].receivables, [{ id: fx.arCa }]);
    assert.deepEqual(ca[0].recognizedRevenue, { amountMinor: '50000' });
    assert.deepEqual(ca[1].revenueSchedules, []);
    assert.deepEqual(ca[2].customerFinancials.map((c: any) => c.id), [fx.cfCa]);
    const all = (await h.as(allFinance).ok<any>(q, { r: reps }))._entities;
    assert.deepEqual(all[0].recognizedRevenue, { amountMinor: '150000' });
    assert.deepEqual(new Set(all[0].receivables.map((x: any) => x.id)), new Set([fx.arUs, fx.arCa]));
  });
});

describe('finance access: batching under row rules', () => {
  test('scoped extension fields cost the same statements for 10 and 200 entities', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { recognizedRevenue { amountMinor } receivables { id } revenueSchedules { id } }
      ... on Invoice { paymentStatus receivable { id customerFinancial { id } } }
      ... on Account { customerFinancials { id openBalance { amountMinor } } openReceivables { id } } } }`;
    const reps = (n: number) => Array.from({ length: n }, (_, i) => [
      { __typename: 'Project', id: i === 0 ? fx.sharedProject : newId('prj'), currency: 'USD' },
      { __typename: 'Invoice', id: i === 0 ? fx.usInvoice : i === 1 ? fx.caInvoice : newId('inv') },
      { __typename: 'Account', id: i === 0 ? fx.account : newId('acc') },
    ]).flat();
    h.db.stats.take();
    const small = await h.as(usFinance).ok<any>(q, { r: reps(10) });
    const smallCount = h.db.stats.take();
    const big = await h.as(usFinance).ok<any>(q, { r: reps(200) });
    const bigCount = h.db.stats.take();
    assert.equal(bigCount, smallCount);
    assert.equal(big._entities[0].recognizedRevenue.amountMinor, small._entities[0].recognizedRevenue.amountMinor);
    assert.equal(big._entities[4].receivable, null, 'the other legal entity\'s invoice stays invisible at any batch size');
  });
});

describe('finance access: role scoping', () => {
  test('sales sees customer financials and payment status; receivables and amounts are FORBIDDEN, the rest intact', async () => {
    const r = await h.as(usSales).run<any>(`query($cf: ID!) {
      customerFinancials(first: 10) { edges { node { id openBalance { amountMinor } } } }
      customerFinancial(id: $cf) { id customerNumber legalEntity { id } }
      receivables(first: 10) { edges { node { id } } }
      legalEntities { id } }`, { cf: fx.cfUs });
    assert.deepEqual(r.data!.customerFinancials.edges.map((e: any) => e.node.id), [fx.cfUs]);
    assert.equal(r.data!.customerFinancial.legalEntity.id, US);
    assert.equal(r.data!.receivables, null);
    assert.deepEqual(r.data!.legalEntities, [{ id: US }]);
    assert.deepEqual(codes(r), ['FORBIDDEN']);
    assert.deepEqual(r.errors![0]!.path, ['receivables']);

    const e = await h.as(usSales).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Account { id customerFinancials { id } openReceivables { id } }
      ... on Invoice { id paymentStatus amountDue { amountMinor } receivable { id } }
      ... on Project { id recognizedRevenue { amountMinor } margin { percent } }
      ... on Receivable { id } } }`, {
      r: [{ __typename: 'Account', id: fx.account }, { __typename: 'Invoice', id: fx.usInvoice },
        { __typename: 'Project', id: fx.sharedProject, currency: 'USD', actualCost: null, marginThresholdPct: null }, { __typename: 'Receivable', id: fx.arUs }],
    });
    const [account, inv, project, receivable] = e.data!._entities;
    assert.deepEqual(account, { id: fx.account, customerFinancials: [{ id: fx.cfUs }], openReceivables: null });
    assert.deepEqual(inv, { id: fx.usInvoice, paymentStatus: 'PARTIALLY_PAID', amountDue: null, receivable: null });
    assert.deepEqual(project, { id: fx.sharedProject, recognizedRevenue: null, margin: null });
    assert.equal(receivable, null);
    assert.equal(e.errors!.length, 6);
    assert.ok(codes(e).every((c) => c === 'FORBIDDEN'));
  });

  test('project managers see payment status only; consultants see reference data only', async () => {
    const inv = await h.as(pm).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { paymentStatus amountPaid { amountMinor } } } }`, { r: [{ __typename: 'Invoice', id: fx.caInvoice }] });
    assert.deepEqual(inv.data!._entities, [{ paymentStatus: 'PARTIALLY_PAID', amountPaid: null }]);
    assert.deepEqual(codes(inv), ['FORBIDDEN']);
    const c = await h.as(consultant).run<any>(`{ currencies { code } exchangeRates { edges { node { id } } } legalEntities { id } customerFinancials { edges { node { id } } } payments { edges { node { id } } } }`);
    assert.ok(c.data!.currencies.length > 0);
    assert.equal(c.data!.exchangeRates.edges.length, 1);
    assert.equal(c.data!.legalEntities.length, 2);
    assert.equal(c.data!.customerFinancials, null);
    assert.equal(c.data!.payments, null);
    assert.deepEqual(codes(c), ['FORBIDDEN', 'FORBIDDEN']);
    const status = await h.as(consultant).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id paymentStatus } } }`, { r: [{ __typename: 'Invoice', id: fx.usInvoice }] });
    assert.deepEqual(status.data!._entities, [{ id: fx.usInvoice, paymentStatus: null }]);
    assert.deepEqual(codes(status), ['FORBIDDEN']);
  });

  test('an executive reads the books of their legal entity', async () => {
    const d = await h.as(usExecutive).ok<any>(`query($id: ID!) { receivable(id: $id) { id customerFinancial { id } journalEntry { lines { accountCode } } applications { kind } } }`, { id: fx.arUs });
    assert.equal(d.receivable.customerFinancial.id, fx.cfUs);
    assert.ok(d.receivable.journalEntry.lines.length >= 2);
    assert.deepEqual(d.receivable.applications, [{ kind: 'PAYMENT' }]);
  });

  test('margin is null, without an error, when projects withholds the actual cost', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { recognizedRevenue { amountMinor } margin { percent } } } }`;
    const r = await h.as(usFinance).run<any>(q, {
      r: [
        { __typename: 'Project', id: fx.sharedProject, currency: 'USD', actualCost: null, marginThresholdPct: '20' },
        { __typename: 'Project', id: fx.sharedProject, currency: 'USD' },
        { __typename: 'Project', id: fx.sharedProject, currency: 'USD', actualCost: m(50000), marginThresholdPct: '20' },
      ],
    });
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data!._entities, [
      { recognizedRevenue: { amountMinor: '100000' }, margin: null },
      { recognizedRevenue: { amountMinor: '100000' }, margin: null },
      { recognizedRevenue: { amountMinor: '100000' }, margin: { percent: '50.00' } },
    ]);
  });
});

describe('finance access: mutations', () => {
  test('a role other than finance is FORBIDDEN and writes nothing', async () => {
    const before = await counts();
    for (const who of [usExecutive, usSales, pm, consultant, admin]) {
      const r = await h.as(who).run(`mutation($i: PostManualJournalInput!) { postManualJournal(input: $i) { id } }`, {
        i: { legalEntityId: US, postingDate: '2026-03-31', description: 'x', lines: [{ accountCode: '1150', debitMinor: '1' }, { accountCode: '2100', creditMinor: '1' }] },
      });
      assert.deepEqual(codes(r), ['FORBIDDEN'], who.subject);
      assert.equal(r.data?.postManualJournal ?? null, null);
    }
    const sales = await h.as(usSales).run(`mutation { upsertCustomerFinancial(input: { crmAccountId: "acc_x", legalEntityId: "le_us", currency: "USD" }) { id } }`);
    assert.deepEqual(codes(sales), ['FORBIDDEN']);
    const exec = await h.as(usExecutive).run(`mutation($id: ID!) { transitionCustomerFinancial(input: { id: $id, action: HOLD }) { id } }`, { id: fx.cfUs });
    assert.deepEqual(codes(exec), ['FORBIDDEN']);
    assert.deepEqual(await counts(), before);
  });

  test('creating in a foreign legal entity is FORBIDDEN and writes nothing', async () => {
    const before = await counts();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [`mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id } }`, { i: { crmAccountId: fx.account, legalEntityId: CA, currency: 'CAD' } }],
      [INVOICE, { i: invoice(newId('inv'), CA, fx.sharedProject, 100) }],
      [`mutation($i: PostManualJournalInput!) { postManualJournal(input: $i) { id } }`, {
        i: { legalEntityId: CA, postingDate: '2026-03-31', description: 'x', lines: [{ accountCode: '1150', debitMinor: '1' }, { accountCode: '2100', creditMinor: '1' }] },
      }],
      [SCHEDULE, { i: { projectId: newId('prj'), legalEntityId: CA, performanceObligation: 'x', method: 'STRAIGHT_LINE', allocatedAmount: m(100, 'CAD'), periods: { from: '2026-03', to: '2026-03' } } }],
      // A legal entity that does not exist is refused the same way: nothing about it is revealed.
      [SCHEDULE, { i: { projectId: newId('prj'), legalEntityId: 'le_nowhere', performanceObligation: 'x', method: 'STRAIGHT_LINE', allocatedAmount: m(100), periods: { from: '2026-03', to: '2026-03' } } }],
    ];
    for (const [query, variables] of attempts) {
      assert.deepEqual(codes(await h.as(usFinance).run(query, variables)), ['FORBIDDEN'], query);
    }
    assert.deepEqual(await counts(), before);
  });

  test('changing a foreign row is NOT_FOUND; referencing one is BAD_USER_INPUT; nothing is written', async () => {
    const before = await counts();
    const notFound: Array<[string, Record<string, unknown>]> = [
      [`mutation($id: ID!) { transitionCustomerFinancial(input: { id: $id, action: HOLD }) { id } }`, { id: fx.cfCa }],
      [`mutation($id: ID!) { reversePayment(input: { id: $id, reason: "NSF" }) { id } }`, { id: fx.payCa }],
      [`mutation($id: ID!) { voidInvoiceInLedger(input: { invoiceId: $id }) { id } }`, { id: fx.caInvoice }],
      [`mutation($id: ID!) { reverseJournalEntry(input: { id: $id }) { id } }`, { id: fx.jeCa }],
      [`mutation($id: ID!) { transitionRevenueSchedule(input: { id: $id, action: CANCEL }) { id } }`, { id: fx.rsCa }],
      [`mutation($id: ID!) { recognizeRevenue(input: { revenueScheduleId: $id, period: "2026-03" }) { id } }`, { id: fx.rsCa }],
    ];
    for (const [query, variables] of notFound) {
      assert.deepEqual(codes(await h.as(usFinance).run(query, variables)), ['NOT_FOUND'], query);
    }
    const badInput: Array<[string, Record<string, unknown>]> = [
      [PAYMENT, { i: { customerFinancialId: fx.cfCa, receivedDate: '2026-03-21', amount: m(100), method: 'CARD' } }],
      [PAYMENT, { i: { customerFinancialId: fx.cfUs, receivedDate: '2026-03-21', amount: m(100), method: 'CARD', applications: [{ receivableId: fx.arCa, amount: m(100) }] } }],
      [`mutation($i: PostCreditMemoToLedgerInput!) { postCreditMemoToLedger(input: $i) { id } }`, {
        i: { creditMemoId: newId('cm'), creditMemoNumber: 'CM-X', invoiceId: fx.caInvoice, documentDate: '2026-03-15', lines: [{ projectId: fx.sharedProject, netAmount: m(100), taxAmount: m(0) }] },
      }],
    ];
    for (const [query, variables] of badInput) {
      const r = await h.as(usFinance).run(query, variables);
      assert.deepEqual(codes(r), ['BAD_USER_INPUT'], query);
      assert.doesNotMatch(r.errors![0]!.message, new RegExp(CA), 'the message names nothing of the foreign row');
    }
    // The foreign invoice id is taken: a CONFLICT that reveals nothing of the receivable holding it.
    const replay = await h.as(usFinance).run(INVOICE, { i: { ...invoice(fx.caInvoice, US, fx.sharedProject, 50000) } });
    assert.deepEqual(codes(replay), ['CONFLICT']);
    assert.equal(replay.data, null);
    assert.deepEqual(await counts(), before);
    const still = await h.as(caFinance).ok<any>(`query($id: ID!) { receivable(id: $id) { version status } }`, { id: fx.arCa });
    assert.deepEqual(still.receivable, { version: 2, status: 'PARTIALLY_PAID' });
  });

  test('system work without legal entities (the seed) may act in every legal entity and read every row', async () => {
    const inv = systemInvocation('seed-test');
    const je = await finance.service.postManualJournal({
      legalEntityId: CA, postingDate: '2026-03-31', description: 'Seed accrual', lines: [{ accountCode: '1150', debitMinor: '7' }, { accountCode: '2100', creditMinor: '7' }],
    }, inv);
    assert.equal(je.legalEntityId, CA);
    const payment = await finance.service.recordPayment({
      customerFinancialId: fx.cfCa, receivedDate: '2026-03-25', amount: money(1000n, 'USD'), method: 'CHECK', applications: [{ receivableId: fx.arCa, amount: money(1000n, 'USD') }],
    }, inv);
    assert.equal(payment.legalEntityId, CA);
    assert.deepEqual((await finance.repo.receivablesByIds([fx.arUs, fx.arCa])).map((r) => r.id).sort(), [fx.arUs, fx.arCa].sort());
    assert.equal((await finance.repo.receivablesByInvoiceIds([fx.caInvoice]))[0]?.openAmount.amountMinor, 50000n - 20000n - 1000n);
  });
});

describe('finance access: audit', () => {
  const HISTORY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { entityType entityId
    finance { actor roles operation correlationId action fromVersion toVersion fromStatus toStatus subgraph } } } }`;
  const history = async (entityType: string, entityId: string): Promise<any[]> =>
    (await h.as(admin).ok<any>(HISTORY, { r: [{ __typename: 'EntityHistory', entityType, entityId }] }))._entities[0].finance;
  const trail = (rows: any[]) => rows.map((e) => [e.operation, e.action, e.fromVersion, e.toVersion, e.fromStatus, e.toStatus]);

  test('creations, updates and transitions are recorded with actor, roles, operation, correlation id, versions and statuses', async () => {
    await h.as(usFinance).ok(`mutation { upsertCustomerFinancial(input: { crmAccountId: "${fx.account}", legalEntityId: "le_us", currency: "USD", paymentTermsDays: 45 }) { id } }`);
    await h.as(usFinance).ok(`mutation($id: ID!) { transitionCustomerFinancial(input: { id: $id, action: HOLD, expectedVersion: 2 }) { id } }`, { id: fx.cfUs });
    const customer = await history('CustomerFinancial', fx.cfUs);
    assert.deepEqual(trail(customer), [
      ['upsertCustomerFinancial', 'CREATE', null, 1, null, 'ACTIVE'],
      ['upsertCustomerFinancial', 'UPDATE', 1, 2, 'ACTIVE', 'ACTIVE'],
      ['transitionCustomerFinancial', 'TRANSITION', 2, 3, 'ACTIVE', 'CREDIT_HOLD'],
    ]);
    assert.ok(customer.every((e) => e.actor === 'usr_us_finance' && e.correlationId === 'test' && e.subgraph === 'finance' && e.roles.includes('finance')));

    assert.deepEqual(trail(await history('Receivable', fx.arUs)), [
      ['postInvoiceToLedger', 'CREATE', null, 1, null, 'OPEN'],
      ['recordPayment', 'TRANSITION', 1, 2, 'OPEN', 'PARTIALLY_PAID'],
    ]);
    assert.deepEqual(trail(await history('Payment', fx.payUs)), [['recordPayment', 'CREATE', null, 1, null, 'APPLIED']]);
    assert.deepEqual(trail(await history('RevenueSchedule', fx.rsCa)), [
      ['createRevenueSchedule', 'CREATE', null, 1, null, 'DRAFT'],
      ['transitionRevenueSchedule', 'TRANSITION', 1, 2, 'DRAFT', 'ACTIVE'],
    ]);
    assert.ok((await history('RevenueSchedule', fx.rsCa)).every((e) => e.actor === 'usr_ca_finance'));

    const reversal = await h.as(usFinance).ok<any>(`mutation($id: ID!) { reverseJournalEntry(input: { id: $id }) { id } }`, { id: fx.jeUs });
    assert.deepEqual(trail(await history('JournalEntry', fx.jeUs)), [
      ['postManualJournal', 'CREATE', null, null, null, 'POSTED'],
      ['reverseJournalEntry', 'TRANSITION', null, null, 'POSTED', 'REVERSED'],
    ]);
    assert.deepEqual(trail(await history('JournalEntry', reversal.reverseJournalEntry.id)), [['reverseJournalEntry', 'CREATE', null, null, null, 'POSTED']]);

    await h.as(usFinance).ok(`mutation($id: ID!) { recognizeRevenue(input: { revenueScheduleId: $id, period: "2026-03" }) { id } }`, { id: fx.rsUs });
    assert.deepEqual(trail(await history('RevenueSchedule', fx.rsUs)).slice(2), [['recognizeRevenue', 'UPDATE', 2, 3, 'ACTIVE', 'ACTIVE']]);

    // The whole flow under its correlation id, and only for integration admins.
    const all = await h.as(admin).ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AuditTrail { finance { entityType action } } } }`, { r: [{ __typename: 'AuditTrail', correlationId: 'test' }] });
    const types = new Set(all._entities[0].finance.map((e: any) => e.entityType));
    assert.deepEqual([...types].sort(), ['CustomerFinancial', 'ExchangeRate', 'JournalEntry', 'Payment', 'Receivable', 'RevenueSchedule']);
    const denied = await h.as(usFinance).run<any>(HISTORY, { r: [{ __typename: 'EntityHistory', entityType: 'Receivable', entityId: fx.arUs }] });
    assert.deepEqual(codes(denied), ['FORBIDDEN']);
  });

  test('a refused change leaves no audit record', async () => {
    const before = await counts();
    await h.as(usFinance).run(`mutation($id: ID!) { transitionCustomerFinancial(input: { id: $id, action: HOLD }) { id } }`, { id: fx.cfUs });
    await h.as(usFinance).run(`mutation($id: ID!) { reversePayment(input: { id: $id, reason: "x", expectedVersion: 9 }) { id } }`, { id: fx.payUs });
    assert.deepEqual(await counts(), before);
  });
});

describe('finance access: schema', () => {
  test('every field a caller may be refused is nullable, so refusal never nulls its parent', () => {
    assert.deepEqual(nonNullProtectedFields(h.subgraph.schema), []);
  });
});
