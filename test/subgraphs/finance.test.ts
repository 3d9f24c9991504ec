import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newId, type Invocation } from '../../platform/domain/index.js';
import { createFinanceSubgraph, financeMigrations } from '../../subgraphs/finance/src/index.js';
import { legalEntities } from '../../subgraphs/finance/src/repository/tables.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

type Finance = ReturnType<typeof createFinanceSubgraph>;
let h: SubgraphHarness<ReturnType<Finance['createContext']>>;
let finance: Finance;

const US = 'le_us';
const CA = 'le_ca';

before(async () => {
  const db = await openTestDatabase('finance', financeMigrations());
  finance = createFinanceSubgraph(db);
  h = await SubgraphHarness.start(finance, db);
  // Reference data has no mutation: the seed loader (and these tests) insert legal entities through the Table.
  await legalEntities.insertMany(h.db, [
    { id: US, name: 'Northwind Consulting Inc.', country: 'US', functionalCurrency: 'USD', taxId: 'US-98-7654321', fiscalYearStartMonth: 1, invoiceNumberPrefix: 'US-' },
    { id: CA, name: 'Northwind Consulting Canada Ltd.', country: 'CA', functionalCurrency: 'CAD', taxId: null, fiscalYearStartMonth: 4, invoiceNumberPrefix: 'CA-' },
  ]);
  for (const [from, to, rateDate, rate] of [
    ['CAD', 'USD', '2026-03-01', '0.7300'], ['CAD', 'USD', '2026-04-01', '0.7400'], ['CAD', 'USD', '2026-05-01', '0.7250'],
    ['USD', 'EUR', '2026-01-01', '0.9000'],
  ] as const) {
    await h.ok(`mutation($i: CreateExchangeRateInput!) { createExchangeRate(input: $i) { id } }`, { i: { from, to, rateDate, rateType: 'SPOT', rate, source: 'test' } });
  }
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const m = (amountMinor: string | number | bigint, currency = 'USD') => ({ amountMinor: String(amountMinor), currency });
const clock = (iso: string): { invocation: Invocation } => ({ invocation: { actor: 'test', correlationId: 'test', now: () => iso } });

/** Every journal entry balances: Σ debit = Σ credit, totals match the lines, one side per line, functional currency. */
async function assertLedgerBalances(): Promise<void> {
  let after: string | null = null;
  let entries = 0;
  for (;;) {
    const d: any = await h.ok(
      `query($after: String) { journalEntries(first: 200, after: $after) { edges { node { id number legalEntityId
        totalDebit { amountMinor currency } totalCredit { amountMinor currency }
        lines { accountCode debit { amountMinor currency } credit { amountMinor currency } } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of d.journalEntries.edges) {
      entries += 1;
      const functional = node.legalEntityId === US ? 'USD' : 'CAD';
      let debit = 0n;
      let credit = 0n;
      assert.ok(node.lines.length >= 2, `${node.number} has at least two lines`);
      for (const l of node.lines) {
        assert.equal(l.debit.currency, functional);
        assert.equal(l.credit.currency, functional);
        const dr = BigInt(l.debit.amountMinor);
        const cr = BigInt(l.credit.amountMinor);
        assert.ok((dr > 0n) !== (cr > 0n), `${node.number} line on ${l.accountCode} has exactly one side`);
        debit += dr;
        credit += cr;
      }
      assert.equal(debit, credit, `${node.number} balances`);
      assert.equal(node.totalDebit.amountMinor, debit.toString());
      assert.equal(node.totalCredit.amountMinor, credit.toString());
    }
    if (!d.journalEntries.pageInfo.hasNextPage) break;
    after = d.journalEntries.pageInfo.endCursor;
  }
  assert.ok(entries > 0);
}

async function customer(legalEntityId = US, currency = 'USD', extra: Record<string, unknown> = {}): Promise<{ id: string; crmAccountId: string; version: number }> {
  const crmAccountId = newId('acc');
  const d = await h.ok<{ upsertCustomerFinancial: { id: string; version: number } }>(
    `mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id version } }`,
    { i: { crmAccountId, legalEntityId, currency, ...extra } },
  );
  return { ...d.upsertCustomerFinancial, crmAccountId };
}

const RECEIVABLE = `id version invoiceId invoiceNumber status currency isOverdue closedAt fxRate documentDate dueDate legalEntityId
  originalAmount { amountMinor currency } openAmount { amountMinor currency } functionalOriginal { amountMinor currency }
  projects { id } customerFinancial { id openBalance { amountMinor currency } }
  applications { kind sourceId appliedAmount { amountMinor currency } fxGainLoss { amountMinor currency } }
  journalEntry { id number sourceType sourceId status period
    lines { accountCode accountName debit { amountMinor } credit { amountMinor } transactionAmount { amountMinor currency } projectId } }`;

interface InvoiceArgs {
  crmAccountId: string;
  legalEntityId?: string;
  currency?: string;
  documentDate?: string;
  dueDate?: string;
  lines: Array<{ projectId: string; net: string; tax: string }>;
  invoiceId?: string;
}

function invoiceInput(a: InvoiceArgs) {
  const currency = a.currency ?? 'USD';
  return {
    invoiceId: a.invoiceId ?? newId('inv'),
    invoiceNumber: `INV-${Math.floor(Math.random() * 1e6)}`,
    legalEntityId: a.legalEntityId ?? US,
    crmAccountId: a.crmAccountId,
    currency,
    documentDate: a.documentDate ?? '2026-03-10',
    dueDate: a.dueDate ?? '2026-04-09',
    lines: a.lines.map((l) => ({ projectId: l.projectId, netAmount: m(l.net, currency), taxAmount: m(l.tax, currency) })),
  };
}

async function postInvoice(input: ReturnType<typeof invoiceInput>): Promise<any> {
  const d = await h.ok<{ postInvoiceToLedger: any }>(`mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { ${RECEIVABLE} } }`, { i: input });
  return d.postInvoiceToLedger;
}

async function pay(customerFinancialId: string, amount: ReturnType<typeof m>, receivedDate: string, applications: Array<{ receivableId: string; amount: ReturnType<typeof m> }>, bankReference?: string): Promise<any> {
  const d = await h.ok<{ recordPayment: any }>(
    `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id version status fxRate amount { amountMinor currency } functionalAmount { amountMinor currency }
      unappliedAmount { amountMinor } bankReference applications { kind sourceId appliedAmount { amountMinor } fxGainLoss { amountMinor currency } }
      journalEntry { id sourceType lines { accountCode debit { amountMinor } credit { amountMinor } transactionAmount { amountMinor currency } } } } }`,
    { i: { customerFinancialId, receivedDate, amount, method: 'BANK_TRANSFER', bankReference, applications } },
  );
  return d.recordPayment;
}

async function receivable(id: string, patch?: { invocation: Invocation }): Promise<any> {
  const d = await h.ok<{ receivable: any }>(`query($id: ID!) { receivable(id: $id) { ${RECEIVABLE} } }`, { id }, patch);
  return d.receivable;
}

async function invoiceStatus(invoiceId: string, patch?: { invocation: Invocation }): Promise<any> {
  const d = await h.ok<{ _entities: any[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id paymentStatus amountPaid { amountMinor } amountDue { amountMinor } receivable { id status } } } }`,
    { r: [{ __typename: 'Invoice', id: invoiceId }] },
    patch,
  );
  return d._entities[0];
}

async function countRows(table: string): Promise<number> {
  const rows = await h.db.query<{ n: unknown }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

const lineOf = (r: any, account: string) => r.journalEntry.lines.filter((l: any) => l.accountCode === account);

describe('finance reference data', () => {
  test('legal entities, currencies with names, exchange rates with conflict and validation', async () => {
    const d = await h.ok<any>(`{ legalEntities { id functionalCurrency fiscalYearStartMonth } legalEntity(id: "le_ca") { name taxId } currencies { code minorUnit name } }`);
    assert.deepEqual(d.legalEntities.map((l: any) => l.id), [CA, US]);
    assert.equal(d.legalEntity.taxId, null);
    const jpy = d.currencies.find((c: any) => c.code === 'JPY');
    assert.deepEqual(jpy, { code: 'JPY', minorUnit: 0, name: 'Japanese Yen' });
    assert.equal(d.currencies.find((c: any) => c.code === 'BHD').minorUnit, 3);

    const dup = await h.run(`mutation { createExchangeRate(input: { from: "CAD", to: "USD", rateDate: "2026-03-01", rateType: SPOT, rate: "0.7311", source: "x" }) { id } }`);
    assert.equal(dup.errors?.[0]?.extensions?.code, 'CONFLICT');
    const before = await countRows('exchange_rates');
    for (const bad of [
      { from: 'USD', to: 'USD', rate: '1' },
      { from: 'USD', to: 'GBP', rate: '0' },
      { from: 'USD', to: 'GBP', rate: '-0.5' },
      { from: 'USD', to: 'GBP', rate: '0.12345678901' },
    ]) {
      const r = await h.run(`mutation($i: CreateExchangeRateInput!) { createExchangeRate(input: $i) { id } }`, { i: { ...bad, rateDate: '2026-01-01', rateType: 'SPOT', source: 'x' } });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(bad));
    }
    assert.equal(await countRows('exchange_rates'), before);

    const created = await h.ok<any>(`mutation { createExchangeRate(input: { from: "USD", to: "GBP", rateDate: "2026-02-01", rateType: MONTH_AVERAGE, rate: "0.7912345678", source: "ecb" }) { rate rateType } }`);
    assert.equal(created.createExchangeRate.rate, '0.7912345678');
    const eff = await h.ok<any>(`{
      a: effectiveExchangeRate(from: "CAD", to: "USD", on: "2026-04-15") { rate rateDate }
      b: effectiveExchangeRate(from: "CAD", to: "USD", on: "2026-02-28") { rate }
      c: effectiveExchangeRate(from: "USD", to: "GBP", on: "2026-03-01", rateType: MONTH_AVERAGE) { rate }
      d: effectiveExchangeRate(from: "USD", to: "GBP", on: "2026-03-01") { rate } }`);
    assert.deepEqual(eff.a, { rate: '0.7400000000', rateDate: '2026-04-01' });
    assert.equal(eff.b, null);
    assert.equal(eff.c.rate, '0.7912345678');
    assert.equal(eff.d, null);

    const page = await h.ok<any>(`{ exchangeRates(first: 2, filter: { from: "CAD", to: "USD", rateDate: { from: "2026-03-15" } }) { edges { node { rateDate } } pageInfo { hasNextPage endCursor } } }`);
    assert.equal(page.exchangeRates.edges.length, 2);
    assert.equal(page.exchangeRates.pageInfo.hasNextPage, false);
    const again = await h.ok<any>(`query($a: String) { exchangeRates(first: 1, after: $a, filter: { from: "CAD" }) { edges { node { rateDate } } } }`, { a: page.exchangeRates.pageInfo.endCursor });
    assert.ok(again.exchangeRates.edges.length <= 1);
  });
});

describe('finance customer financials', () => {
  test('upsert creates with a per-entity number, updates given fields, replays as a no-op', async () => {
    const crmAccountId = newId('acc');
    const q = `mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id version customerNumber status currency paymentTermsDays creditLimit { amountMinor currency } taxId legalEntity { id } account { id } } }`;
    const created = (await h.ok<any>(q, { i: { crmAccountId, legalEntityId: CA, currency: 'CAD', creditLimit: m('5000000', 'CAD') } })).upsertCustomerFinancial;
    assert.match(created.customerNumber, /^C\d{6}$/);
    assert.equal(created.version, 1);
    assert.equal(created.status, 'ACTIVE');
    assert.equal(created.paymentTermsDays, 30);
    assert.deepEqual(created.account, { id: crmAccountId });
    const other = await customer(CA, 'CAD');
    const otherNumber = (await h.ok<any>(`query($id: ID!) { customerFinancial(id: $id) { customerNumber } }`, { id: other.id })).customerFinancial.customerNumber;
    assert.equal(Number(otherNumber.slice(1)), Number(created.customerNumber.slice(1)) + 1);

    const updated = (await h.ok<any>(q, { i: { crmAccountId, legalEntityId: CA, currency: 'CAD', paymentTermsDays: 45, taxId: 'CA-1' } })).upsertCustomerFinancial;
    assert.equal(updated.id, created.id);
    assert.equal(updated.version, 2);
    assert.equal(updated.paymentTermsDays, 45);
    assert.deepEqual(updated.creditLimit, m('5000000', 'CAD'));
    const replay = (await h.ok<any>(q, { i: { crmAccountId, legalEntityId: CA, currency: 'CAD', paymentTermsDays: 45, taxId: 'CA-1' } })).upsertCustomerFinancial;
    assert.equal(replay.version, 2);
    const cleared = (await h.ok<any>(q, { i: { crmAccountId, legalEntityId: CA, currency: 'CAD', creditLimit: null } })).upsertCustomerFinancial;
    assert.equal(cleared.creditLimit, null);
    assert.equal(cleared.version, 3);
  });

  test('upsert validation writes nothing', async () => {
    const before = await countRows('customer_financials');
    for (const i of [
      { crmAccountId: newId('acc'), legalEntityId: 'le_nowhere', currency: 'USD' },
      { crmAccountId: 'not-an-id', legalEntityId: US, currency: 'USD' },
      { crmAccountId: newId('acc'), legalEntityId: US, currency: 'USD', paymentTermsDays: 400 },
      { crmAccountId: newId('acc'), legalEntityId: US, currency: 'USD', creditLimit: m('100', 'EUR') },
      { crmAccountId: newId('acc'), legalEntityId: US, currency: 'USD', creditLimit: m('-1') },
    ]) {
      const r = await h.run(`mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id } }`, { i });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(i));
    }
    assert.equal(await countRows('customer_financials'), before);
  });

  test('credit actions follow the state machine and honour expectedVersion', async () => {
    const c = await customer();
    const act = (action: string, expectedVersion?: number) =>
      h.run<any>(`mutation($i: TransitionCustomerFinancialInput!) { transitionCustomerFinancial(input: $i) { status version } }`, { i: { id: c.id, action, expectedVersion } });
    assert.equal((await act('RELEASE')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.deepEqual((await act('HOLD')).data?.transitionCustomerFinancial, { status: 'CREDIT_HOLD', version: 2 });
    const stale = await act('RELEASE', 1);
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.equal(stale.errors?.[0]?.extensions?.currentVersion, 2);
    assert.equal((await act('BLOCK', 2)).data?.transitionCustomerFinancial.status, 'BLOCKED');
    assert.equal((await act('DEACTIVATE')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    // A blocked customer takes no invoices.
    const r = await h.run(`mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { id } }`, {
      i: invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '1000', tax: '0' }] }),
    });
    assert.equal(r.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await act('UNBLOCK')).data?.transitionCustomerFinancial.status, 'ACTIVE');
    assert.equal((await act('DEACTIVATE')).data?.transitionCustomerFinancial.status, 'INACTIVE');
    assert.equal((await act('HOLD')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
  });
});

describe('finance invoice posting', () => {
  test('posts a receivable and a balanced journal; re-posting is idempotent; different content conflicts', async () => {
    const c = await customer();
    const p1 = newId('prj');
    const p2 = newId('prj');
    const input = invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: p1, net: '100000', tax: '8250' }, { projectId: p2, net: '50001', tax: '0' }, { projectId: p1, net: '333', tax: '27' }] });
    const r = await postInvoice(input);
    assert.equal(r.status, 'OPEN');
    assert.deepEqual(r.originalAmount, m('158611'));
    assert.deepEqual(r.openAmount, m('158611'));
    assert.deepEqual(r.functionalOriginal, m('158611'));
    assert.equal(r.fxRate, '1.0000000000');
    assert.deepEqual(r.projects.map((p: any) => p.id), [p1, p2]);
    assert.deepEqual(r.customerFinancial.openBalance, m('158611'));
    assert.equal(r.journalEntry.sourceType, 'INVOICE');
    assert.equal(r.journalEntry.sourceId, input.invoiceId);
    assert.equal(r.journalEntry.period, '2026-03');
    assert.match(r.journalEntry.number, /^JE-\d{8}$/);
    assert.deepEqual(lineOf(r, '1100').map((l: any) => l.debit.amountMinor), ['158611']);
    const revenue = lineOf(r, '4000');
    assert.deepEqual(revenue.map((l: any) => [l.projectId, l.credit.amountMinor, l.transactionAmount.amountMinor]), [[p1, '100000', '100000'], [p2, '50001', '50001'], [p1, '333', '333']]);
    assert.equal(revenue[0].accountName, 'Services revenue');
    // Zero tax lines are left out of the entry.
    assert.deepEqual(lineOf(r, '2100').map((l: any) => l.credit.amountMinor), ['8250', '27']);

    const journals = await countRows('journal_entries');
    const again = await postInvoice(input);
    assert.equal(again.id, r.id);
    assert.equal(again.journalEntry.id, r.journalEntry.id);
    assert.equal(await countRows('journal_entries'), journals);
    const changed = await h.run(`mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { id } }`, {
      i: { ...input, lines: [{ projectId: p1, netAmount: m('100001'), taxAmount: m('8250') }] },
    });
    assert.equal(changed.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal(await countRows('journal_entries'), journals);

    const byInvoice = await h.ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Receivable { id invoice { id } journalEntry { id } } } }`, {
      r: [{ __typename: 'Receivable', invoiceId: input.invoiceId }, { __typename: 'Receivable', id: r.id }, { __typename: 'Receivable', invoiceId: newId('inv') }],
    });
    assert.equal(byInvoice._entities[0].id, r.id);
    assert.deepEqual(byInvoice._entities[0].invoice, { id: input.invoiceId });
    assert.equal(byInvoice._entities[1].id, r.id);
    assert.equal(byInvoice._entities[2], null);
    await assertLedgerBalances();
  });

  test('invalid postings are refused and write nothing', async () => {
    const c = await customer();
    const prj = newId('prj');
    const ok = invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: prj, net: '1000', tax: '0' }] });
    const counts = async () => [await countRows('receivables'), await countRows('journal_entries'), await countRows('journal_lines')];
    const before = await counts();
    const cases: Array<[string, unknown]> = [
      ['no lines', { ...ok, lines: [] }],
      ['zero total', { ...ok, lines: [{ projectId: prj, netAmount: m('0'), taxAmount: m('0') }] }],
      ['negative net', { ...ok, lines: [{ projectId: prj, netAmount: m('-5'), taxAmount: m('10') }] }],
      ['mixed currency', { ...ok, lines: [{ projectId: prj, netAmount: m('100', 'CAD'), taxAmount: m('0') }] }],
      ['due before document', { ...ok, dueDate: '2026-03-01' }],
      ['bad invoice id', { ...ok, invoiceId: 'INV-1' }],
      ['unknown legal entity', { ...ok, legalEntityId: 'le_zz' }],
      ['no customer in entity', { ...ok, legalEntityId: CA, currency: 'CAD', lines: [{ projectId: prj, netAmount: m('100', 'CAD'), taxAmount: m('0', 'CAD') }] }],
      ['unknown customer', { ...ok, crmAccountId: newId('acc') }],
      ['no rate for the pair', { ...ok, currency: 'GBP', lines: [{ projectId: prj, netAmount: m('100', 'GBP'), taxAmount: m('0', 'GBP') }] }],
      ['no rate that early', { ...ok, currency: 'CAD', documentDate: '2026-01-15', lines: [{ projectId: prj, netAmount: m('100', 'CAD'), taxAmount: m('0', 'CAD') }] }],
    ];
    for (const [name, i] of cases) {
      const r = await h.run(`mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { id } }`, { i });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', name);
    }
    assert.deepEqual(await counts(), before);
  });

  test('an invoice in a foreign currency with only the reverse rate converts at its inverse', async () => {
    const c = await customer(US, 'EUR');
    const r = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, currency: 'EUR', documentDate: '2026-02-02', dueDate: '2026-03-02', lines: [{ projectId: newId('prj'), net: '90000', tax: '0' }] }));
    // USD→EUR 0.9 recorded; EUR→USD = 1 / 0.9 = 1.1111111111 (10 places).
    assert.equal(r.fxRate, '1.1111111111');
    assert.deepEqual(r.functionalOriginal, m('100000'));
    assert.deepEqual(lineOf(r, '4000')[0].transactionAmount, m('90000', 'EUR'));
    assert.deepEqual(lineOf(r, '1100')[0].transactionAmount, m('90000', 'EUR'));
    await assertLedgerBalances();
  });
});

describe('finance FX, payments and credits', () => {
  test('a CAD invoice in a USD entity at 0.7300 paid in full at 0.7400 realises an exact FX gain', async () => {
    const c = await customer(US, 'CAD');
    const p1 = newId('prj');
    const p2 = newId('prj');
    const inv = await postInvoice(invoiceInput({
      crmAccountId: c.crmAccountId, currency: 'CAD', documentDate: '2026-03-10', dueDate: '2026-04-09',
      lines: [{ projectId: p1, net: '1000000', tax: '130000' }, { projectId: p2, net: '234567', tax: '30494' }],
    }));
    assert.equal(inv.fxRate, '0.7300000000');
    assert.deepEqual(inv.originalAmount, m('1395061', 'CAD'));
    // 13,950.61 CAD × 0.73 = 10,183.9453 → 10,183.95 USD
    assert.deepEqual(inv.functionalOriginal, m('1018395'));
    // Credits allocated by largest remainder over each line's net and tax: they sum exactly to the debit.
    assert.deepEqual(lineOf(inv, '4000').map((l: any) => [l.credit.amountMinor, l.transactionAmount.amountMinor, l.transactionAmount.currency]), [['730000', '1000000', 'CAD'], ['171234', '234567', 'CAD']]);
    assert.deepEqual(lineOf(inv, '2100').map((l: any) => l.credit.amountMinor), ['94900', '22261']);

    const payment = await pay(c.id, m('1395061', 'CAD'), '2026-04-20', [{ receivableId: inv.id, amount: m('1395061', 'CAD') }], `BANK-${newId('x')}`);
    assert.equal(payment.status, 'APPLIED');
    assert.equal(payment.fxRate, '0.7400000000');
    // 13,950.61 × 0.74 = 10,323.4514 → 10,323.45; gain = 10,323.45 − 10,183.95 = 139.50
    assert.deepEqual(payment.functionalAmount, m('1032345'));
    assert.deepEqual(payment.applications[0].fxGainLoss, m('13950'));
    const lines = payment.journalEntry.lines;
    assert.deepEqual(lines.filter((l: any) => l.accountCode === '1000').map((l: any) => l.debit.amountMinor), ['1032345']);
    assert.deepEqual(lines.filter((l: any) => l.accountCode === '1100').map((l: any) => l.credit.amountMinor), ['1018395']);
    assert.deepEqual(lines.filter((l: any) => l.accountCode === '7900').map((l: any) => l.credit.amountMinor), ['13950']);
    assert.equal(lines.some((l: any) => l.accountCode === '2300'), false);

    const after = await receivable(inv.id);
    assert.equal(after.status, 'PAID');
    assert.deepEqual(after.openAmount, m('0', 'CAD'));
    assert.match(after.closedAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.equal((await finance.repo.receivablesByIds([inv.id]))[0]?.functionalOpen.amountMinor, 0n);
    const status = await invoiceStatus(inv.invoiceId);
    assert.equal(status.paymentStatus, 'PAID');
    assert.equal(status.amountPaid.amountMinor, '1395061');
    assert.equal(status.amountDue.amountMinor, '0');
    await assertLedgerBalances();
  });

  test('a partial payment then the final payment (at a loss, half-even rounding) close functionalOpen to exactly zero', async () => {
    const c = await customer(US, 'CAD');
    const inv = await postInvoice(invoiceInput({
      crmAccountId: c.crmAccountId, currency: 'CAD', documentDate: '2026-03-10', dueDate: '2026-04-09',
      lines: [{ projectId: newId('prj'), net: '1000000', tax: '130000' }, { projectId: newId('prj'), net: '234567', tax: '30494' }],
    }));
    const first = await pay(c.id, m('500001', 'CAD'), '2026-04-02', [{ receivableId: inv.id, amount: m('500001', 'CAD') }]);
    // 5,000.01 × 0.74 = 3,700.0074 → 3,700.01; carrying at 0.73 = 3,650.0073 → 3,650.01; gain 50.00
    assert.deepEqual(first.functionalAmount, m('370001'));
    assert.deepEqual(first.applications[0].fxGainLoss, m('5000'));
    let r = await receivable(inv.id);
    assert.equal(r.status, 'PARTIALLY_PAID');
    assert.deepEqual(r.openAmount, m('895060', 'CAD'));
    assert.equal((await finance.repo.receivablesByIds([inv.id]))[0]?.functionalOpen.amountMinor, 1018395n - 365001n);
    assert.equal((await invoiceStatus(inv.invoiceId, clock('2026-04-05T12:00:00.000Z'))).paymentStatus, 'PARTIALLY_PAID');
    assert.equal((await invoiceStatus(inv.invoiceId, clock('2026-04-10T12:00:00.000Z'))).paymentStatus, 'OVERDUE');

    const last = await pay(c.id, m('895060', 'CAD'), '2026-05-03', [{ receivableId: inv.id, amount: m('895060', 'CAD') }]);
    assert.equal(last.fxRate, '0.7250000000');
    // 8,950.60 × 0.725 = 6,489.185 → 6,489.18 (half-even); carrying = what is left: 10,183.95 − 3,650.01 = 6,533.94
    assert.deepEqual(last.functionalAmount, m('648918'));
    assert.deepEqual(last.applications[0].fxGainLoss, m('-4476'));
    assert.deepEqual(last.journalEntry.lines.filter((l: any) => l.accountCode === '7900').map((l: any) => l.debit.amountMinor), ['4476']);
    r = await receivable(inv.id);
    assert.equal(r.status, 'PAID');
    assert.equal((await finance.repo.receivablesByIds([inv.id]))[0]?.functionalOpen.amountMinor, 0n);
    // The receivable account of this customer nets to zero in the ledger.
    const ar = await h.db.query<{ net: unknown }>(`SELECT COALESCE(SUM(debit_minor - credit_minor), 0) AS net FROM journal_lines WHERE account_code = '1100' AND customer_financial_id = $1`, [c.id]);
    assert.equal(BigInt(String(ar[0]?.net)), 0n);
    assert.deepEqual(r.applications.map((a: any) => a.kind), ['PAYMENT', 'PAYMENT']);
    await assertLedgerBalances();
  });

  test('payments: unapplied remainder, several receivables, bank reference conflict, validation', async () => {
    const c = await customer();
    const a = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '10000', tax: '0' }] }));
    const b = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '20000', tax: '1000' }] }));
    const ref = `WIRE-${newId('x')}`;
    const p = await pay(c.id, m('40000'), '2026-03-20', [{ receivableId: a.id, amount: m('10000') }, { receivableId: b.id, amount: m('5000') }], ref);
    assert.equal(p.status, 'PARTIALLY_APPLIED');
    assert.deepEqual(p.unappliedAmount, { amountMinor: '25000' });
    assert.equal(p.applications[0].fxGainLoss, null);
    const lines = p.journalEntry.lines;
    assert.deepEqual(lines.filter((l: any) => l.accountCode === '2300').map((l: any) => l.credit.amountMinor), ['25000']);
    assert.deepEqual((await receivable(a.id)).status, 'PAID');
    assert.deepEqual((await receivable(b.id)).openAmount, m('16000'));
    const onAccount = await pay(c.id, m('700'), '2026-03-21', []);
    assert.equal(onAccount.status, 'RECEIVED');

    const other = await customer();
    const otherInv = await postInvoice(invoiceInput({ crmAccountId: other.crmAccountId, lines: [{ projectId: newId('prj'), net: '500', tax: '0' }] }));
    const counts = async () => [await countRows('payments'), await countRows('journal_entries'), await countRows('receivable_applications')];
    const before = await counts();
    const dup = await h.run(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, { i: { customerFinancialId: c.id, receivedDate: '2026-03-22', amount: m('1'), method: 'CARD', bankReference: ref } });
    assert.equal(dup.errors?.[0]?.extensions?.code, 'CONFLICT');
    const cases: Array<[string, unknown]> = [
      ['zero amount', { amount: m('0'), applications: [] }],
      ['over-applied', { amount: m('100'), applications: [{ receivableId: b.id, amount: m('101') }] }],
      ['more than open', { amount: m('20000'), applications: [{ receivableId: b.id, amount: m('16001') }] }],
      ['twice the same receivable', { amount: m('200'), applications: [{ receivableId: b.id, amount: m('100') }, { receivableId: b.id, amount: m('100') }] }],
      ['paid receivable', { amount: m('100'), applications: [{ receivableId: a.id, amount: m('100') }] }],
      ['another customer', { amount: m('100'), applications: [{ receivableId: otherInv.id, amount: m('100') }] }],
      ['currency', { amount: m('100', 'CAD'), applications: [{ receivableId: b.id, amount: m('100', 'CAD') }] }],
      ['unknown receivable', { amount: m('100'), applications: [{ receivableId: newId('ar'), amount: m('100') }] }],
    ];
    for (const [name, extra] of cases) {
      const r = await h.run(`mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }`, { i: { customerFinancialId: c.id, receivedDate: '2026-03-22', method: 'CARD', ...(extra as object) } });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', name);
    }
    assert.deepEqual(await counts(), before);
    assert.deepEqual((await receivable(b.id)).openAmount, m('16000'));

    const list = await h.ok<any>(`query($c: ID!) { payments(filter: { customerFinancialId: $c, receivedDate: { from: "2026-03-20", to: "2026-03-20" } }) { edges { node { id bankReference customerFinancial { id } } } } }`, { c: c.id });
    assert.deepEqual(list.payments.edges.map((e: any) => e.node.id), [p.id]);
    assert.equal(list.payments.edges[0].node.bankReference, ref);
    await assertLedgerBalances();
  });

  test('a credit memo then a payment: PARTIALLY_CREDITED, then PAID; credits above the open amount are refused', async () => {
    const c = await customer();
    const prj = newId('prj');
    const inv = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: prj, net: '100000', tax: '10000' }] }));
    const creditMemoId = newId('cm');
    const cm = { creditMemoId, creditMemoNumber: 'CM-001', invoiceId: inv.invoiceId, documentDate: '2026-03-15', lines: [{ projectId: prj, netAmount: m('20000'), taxAmount: m('2000') }] };
    const q = `mutation($i: PostCreditMemoToLedgerInput!) { postCreditMemoToLedger(input: $i) { id status openAmount { amountMinor } applications { kind sourceId appliedAmount { amountMinor } } } }`;
    const credited = (await h.ok<any>(q, { i: cm })).postCreditMemoToLedger;
    assert.equal(credited.status, 'PARTIALLY_PAID');
    assert.equal(credited.openAmount.amountMinor, '88000');
    assert.deepEqual(credited.applications, [{ kind: 'CREDIT_MEMO', sourceId: creditMemoId, appliedAmount: { amountMinor: '22000' } }]);
    assert.equal((await invoiceStatus(inv.invoiceId, clock('2026-03-20T00:00:00.000Z'))).paymentStatus, 'PARTIALLY_CREDITED');
    const journal = await h.ok<any>(`query($s: ID!) { journalEntries(filter: { sourceType: CREDIT_MEMO, sourceId: $s }) { edges { node { lines { accountCode debit { amountMinor } credit { amountMinor } transactionAmount { amountMinor } projectId } } } } }`, { s: creditMemoId });
    const jl = journal.journalEntries.edges[0].node.lines;
    assert.deepEqual(jl.map((l: any) => [l.accountCode, l.debit.amountMinor, l.credit.amountMinor]), [['1100', '0', '22000'], ['4000', '20000', '0'], ['2100', '2000', '0']]);
    assert.equal(jl[1].transactionAmount.amountMinor, '20000');
    assert.equal(jl[1].projectId, prj);

    // Replaying the credit memo returns the receivable; changed content conflicts.
    const entries = await countRows('journal_entries');
    assert.equal((await h.ok<any>(q, { i: cm })).postCreditMemoToLedger.openAmount.amountMinor, '88000');
    assert.equal((await h.run(q, { i: { ...cm, lines: [{ projectId: prj, netAmount: m('1'), taxAmount: m('0') }] } })).errors?.[0]?.extensions?.code, 'CONFLICT');
    const tooMuch = await h.run(q, { i: { ...cm, creditMemoId: newId('cm'), lines: [{ projectId: prj, netAmount: m('88001'), taxAmount: m('0') }] } });
    assert.equal(tooMuch.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(tooMuch.errors?.[0]?.message ?? '', /refund/);
    assert.equal((await h.run(q, { i: { ...cm, creditMemoId: newId('cm'), invoiceId: newId('inv') } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(await countRows('journal_entries'), entries);

    await pay(c.id, m('88000'), '2026-03-25', [{ receivableId: inv.id, amount: m('88000') }]);
    const r = await receivable(inv.id);
    assert.equal(r.status, 'PAID');
    const st = await invoiceStatus(inv.invoiceId);
    assert.deepEqual([st.paymentStatus, st.amountPaid.amountMinor, st.amountDue.amountMinor], ['PAID', '110000', '0']);

    // Fully crediting an invoice leaves it CREDITED.
    const inv2 = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: prj, net: '5000', tax: '0' }] }));
    const full = (await h.ok<any>(q, { i: { ...cm, creditMemoId: newId('cm'), invoiceId: inv2.invoiceId, lines: [{ projectId: prj, netAmount: m('5000'), taxAmount: m('0') }] } })).postCreditMemoToLedger;
    assert.equal(full.status, 'CREDITED');
    assert.equal((await invoiceStatus(inv2.invoiceId)).paymentStatus, 'CREDITED');
    await assertLedgerBalances();
  });

  test('reversing a payment re-opens the receivable; a second reversal is refused', async () => {
    const c = await customer();
    const inv = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '30000', tax: '0' }] }));
    const p = await pay(c.id, m('30000'), '2026-03-12', [{ receivableId: inv.id, amount: m('30000') }]);
    assert.equal((await receivable(inv.id)).status, 'PAID');
    const q = `mutation($i: ReversePaymentInput!) { reversePayment(input: $i) { id status version unappliedAmount { amountMinor } applications { sourceId }
      journalEntry { status } } }`;
    assert.equal((await h.run(q, { i: { id: p.id, reason: '   ' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await h.run(q, { i: { id: p.id, reason: 'NSF', expectedVersion: 7 } })).errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    const reversed = (await h.ok<any>(q, { i: { id: p.id, reason: 'Returned unpaid (NSF)', expectedVersion: 1 } }, clock('2026-03-14T10:00:00.000Z'))).reversePayment;
    assert.equal(reversed.status, 'REVERSED');
    assert.equal(reversed.version, 2);
    assert.equal(reversed.journalEntry.status, 'REVERSED');
    const r = await receivable(inv.id);
    assert.equal(r.status, 'OPEN');
    assert.equal(r.openAmount.amountMinor, '30000');
    assert.equal(r.closedAt, null);
    assert.deepEqual(r.applications, []);
    assert.equal((await finance.repo.receivablesByIds([inv.id]))[0]?.functionalOpen.amountMinor, 30000n);
    const rev = await h.ok<any>(`query($s: ID!) { journalEntries(filter: { sourceType: REVERSAL, sourceId: $s }) { edges { node { postingDate reversalOf { id } lines { accountCode debit { amountMinor } credit { amountMinor } } } } } }`, { s: p.id });
    const node = rev.journalEntries.edges[0].node;
    assert.equal(node.postingDate, '2026-03-14');
    assert.deepEqual(node.lines.map((l: any) => [l.accountCode, l.debit.amountMinor, l.credit.amountMinor]), [['1000', '0', '30000'], ['1100', '30000', '0']]);
    assert.equal((await h.run(q, { i: { id: p.id, reason: 'again' } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    // Paid again by two payments: reversing one leaves the other applied.
    const p2 = await pay(c.id, m('10000'), '2026-03-15', [{ receivableId: inv.id, amount: m('10000') }]);
    const p3 = await pay(c.id, m('20000'), '2026-03-16', [{ receivableId: inv.id, amount: m('20000') }]);
    assert.equal((await receivable(inv.id)).status, 'PAID');
    await h.ok(q, { i: { id: p3.id, reason: 'recalled' } });
    const partly = await receivable(inv.id);
    assert.equal(partly.status, 'PARTIALLY_PAID');
    assert.equal(partly.openAmount.amountMinor, '20000');
    assert.deepEqual(partly.applications.map((a: any) => a.sourceId), [p2.id]);
    await assertLedgerBalances();
  });

  test('voiding: reversal without applications, refused with applications, idempotent when already void', async () => {
    const c = await customer();
    const input = invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '42000', tax: '4200' }] });
    const inv = await postInvoice(input);
    const q = `mutation($i: VoidInvoiceInLedgerInput!) { voidInvoiceInLedger(input: $i) { id status version closedAt openAmount { amountMinor } journalEntry { status } } }`;
    const voided = (await h.ok<any>(q, { i: { invoiceId: input.invoiceId } }, clock('2026-03-11T08:00:00.000Z'))).voidInvoiceInLedger;
    assert.deepEqual([voided.status, voided.openAmount.amountMinor, voided.journalEntry.status, voided.version], ['VOID', '0', 'REVERSED', 2]);
    assert.match(voided.closedAt, /^2026-03-11T/);
    const rev = await h.ok<any>(`query($s: ID!) { journalEntries(filter: { sourceType: REVERSAL, sourceId: $s }) { edges { node { postingDate reversalOf { id } lines { accountCode debit { amountMinor } credit { amountMinor } } } } } }`, { s: input.invoiceId });
    const node = rev.journalEntries.edges[0].node;
    assert.equal(node.postingDate, '2026-03-11');
    assert.equal(node.reversalOf.id, inv.journalEntry.id);
    assert.deepEqual(node.lines.map((l: any) => [l.accountCode, l.debit.amountMinor, l.credit.amountMinor]), [['1100', '0', '46200'], ['4000', '42000', '0'], ['2100', '4200', '0']]);
    const entries = await countRows('journal_entries');
    const again = (await h.ok<any>(q, { i: { invoiceId: input.invoiceId } })).voidInvoiceInLedger;
    assert.equal(again.version, 2);
    assert.equal(await countRows('journal_entries'), entries);
    const st = await invoiceStatus(input.invoiceId);
    assert.deepEqual([st.paymentStatus, st.amountPaid.amountMinor, st.amountDue.amountMinor], ['VOID', '0', '0']);
    // The same invoice posted again is still the (void) receivable.
    assert.equal((await postInvoice(input)).status, 'VOID');
    assert.equal((await h.run(`mutation($i: PostCreditMemoToLedgerInput!) { postCreditMemoToLedger(input: $i) { id } }`, {
      i: { creditMemoId: newId('cm'), creditMemoNumber: 'CM-9', invoiceId: input.invoiceId, documentDate: '2026-03-20', lines: [{ projectId: newId('prj'), netAmount: m('1'), taxAmount: m('0') }] },
    })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');

    const paid = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '1000', tax: '0' }] }));
    await pay(c.id, m('1'), '2026-03-12', [{ receivableId: paid.id, amount: m('1') }]);
    const refused = await h.run(q, { i: { invoiceId: paid.invoiceId } });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.match(refused.errors?.[0]?.message ?? '', /credit memo/);
    assert.equal((await receivable(paid.id)).status, 'PARTIALLY_PAID');
    assert.equal((await h.run(q, { i: { invoiceId: newId('inv') } })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    await assertLedgerBalances();
  });
});

describe('finance manual journals', () => {
  test('balanced entries post; unbalanced and malformed are refused with both totals; reversal once', async () => {
    const q = `mutation($i: PostManualJournalInput!) { postManualJournal(input: $i) { id number status sourceType sourceId period totalDebit { amountMinor currency } lines { accountCode accountName debit { amountMinor } credit { amountMinor } memo } } }`;
    const ok = { legalEntityId: CA, postingDate: '2026-06-30', description: 'Bad debt provision', lines: [{ accountCode: '6900', debitMinor: '12345', memo: 'Q2' }, { accountCode: '1100', creditMinor: '12345' }] };
    const je = (await h.ok<any>(q, { i: ok })).postManualJournal;
    assert.equal(je.sourceType, 'MANUAL');
    assert.equal(je.sourceId, je.id);
    assert.equal(je.period, '2026-06');
    assert.deepEqual(je.totalDebit, m('12345', 'CAD'));
    assert.equal(je.lines[0].accountName, 'Bad debt expense');
    const next = (await h.ok<any>(q, { i: ok })).postManualJournal;
    assert.equal(Number(next.number.slice(3)), Number(je.number.slice(3)) + 1);

    const entries = await countRows('journal_entries');
    const unbalanced = await h.run(q, { i: { ...ok, lines: [{ accountCode: '6900', debitMinor: '100' }, { accountCode: '1100', creditMinor: '99' }] } });
    assert.equal(unbalanced.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(unbalanced.errors?.[0]?.extensions?.totalDebitMinor, '100');
    assert.equal(unbalanced.errors?.[0]?.extensions?.totalCreditMinor, '99');
    for (const lines of [
      [{ accountCode: '6900', debitMinor: '100' }],
      [{ accountCode: '9999', debitMinor: '100' }, { accountCode: '1100', creditMinor: '100' }],
      [{ accountCode: '6900', debitMinor: '100', creditMinor: '100' }, { accountCode: '1100', creditMinor: '0' }],
      [{ accountCode: '6900', debitMinor: '-100' }, { accountCode: '1100', creditMinor: '-100' }],
    ]) {
      assert.equal((await h.run(q, { i: { ...ok, lines } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(lines));
    }
    assert.equal((await h.run(q, { i: { ...ok, legalEntityId: 'le_nope' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(await countRows('journal_entries'), entries);

    const rq = `mutation($i: ReverseJournalEntryInput!) { reverseJournalEntry(input: $i) { id sourceType postingDate reversalOf { id status } lines { accountCode debit { amountMinor } credit { amountMinor } } } }`;
    assert.equal((await h.run(rq, { i: { id: je.id, postingDate: '2026-06-01' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const reversal = (await h.ok<any>(rq, { i: { id: je.id } })).reverseJournalEntry;
    assert.equal(reversal.sourceType, 'REVERSAL');
    assert.equal(reversal.postingDate, '2026-06-30');
    assert.deepEqual(reversal.reversalOf, { id: je.id, status: 'REVERSED' });
    assert.deepEqual(reversal.lines.map((l: any) => [l.accountCode, l.debit.amountMinor, l.credit.amountMinor]), [['6900', '0', '12345'], ['1100', '12345', '0']]);
    assert.equal((await h.run(rq, { i: { id: je.id } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await h.run(rq, { i: { id: reversal.id } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await h.run(rq, { i: { id: newId('je') } })).errors?.[0]?.extensions?.code, 'NOT_FOUND');

    // Sub-ledger entries are reversed through their documents, never directly.
    const c = await customer();
    const inv = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId: newId('prj'), net: '100', tax: '0' }] }));
    assert.equal((await h.run(rq, { i: { id: inv.journalEntry.id } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    await assertLedgerBalances();
  });
});

describe('finance revenue schedules', () => {
  const create = `mutation($i: CreateRevenueScheduleInput!) { createRevenueSchedule(input: $i) { id version status method
    allocatedAmount { amountMinor currency } recognizedToDate { amountMinor } project { id }
    lines { period plannedAmount { amountMinor } recognizedAmount { amountMinor } status milestoneId journalEntryId } } }`;
  const transition = `mutation($i: TransitionRevenueScheduleInput!) { transitionRevenueSchedule(input: $i) { status version } }`;
  const recognize = `mutation($i: RecognizeRevenueInput!) { recognizeRevenue(input: $i) { version recognizedToDate { amountMinor }
    lines { period recognizedAmount { amountMinor } status journalEntryId milestoneId } } }`;

  test('straight line over periods, one live schedule per project, recognition journals Dr 1150 / Cr 4000', async () => {
    const projectId = newId('prj');
    const s = (await h.ok<any>(create, { i: { projectId, legalEntityId: US, performanceObligation: 'Implementation', method: 'STRAIGHT_LINE', allocatedAmount: m('100000'), periods: { from: '2026-11', to: '2027-01' } } })).createRevenueSchedule;
    assert.equal(s.status, 'DRAFT');
    assert.deepEqual(s.lines.map((l: any) => [l.period, l.plannedAmount.amountMinor, l.status]), [['2026-11', '33334', 'PLANNED'], ['2026-12', '33333', 'PLANNED'], ['2027-01', '33333', 'PLANNED']]);
    assert.deepEqual(s.project, { id: projectId });

    const dup = await h.run(create, { i: { projectId, legalEntityId: US, performanceObligation: 'Other', method: 'AS_INVOICED', allocatedAmount: m('1') } });
    assert.equal(dup.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal((await h.run(recognize, { i: { revenueScheduleId: s.id, period: '2026-11' } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await h.run(transition, { i: { id: s.id, action: 'COMPLETE' } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.deepEqual((await h.ok<any>(transition, { i: { id: s.id, action: 'ACTIVATE', expectedVersion: 1 } })).transitionRevenueSchedule, { status: 'ACTIVE', version: 2 });

    const r1 = (await h.ok<any>(recognize, { i: { revenueScheduleId: s.id, period: '2026-11' } })).recognizeRevenue;
    assert.equal(r1.recognizedToDate.amountMinor, '33334');
    const line = r1.lines.find((l: any) => l.period === '2026-11');
    assert.equal(line.status, 'RECOGNIZED');
    const je = await h.ok<any>(`query($id: ID!) { journalEntry(id: $id) { sourceType postingDate sourceId lines { accountCode debit { amountMinor } credit { amountMinor } transactionAmount { amountMinor } projectId } } }`, { id: line.journalEntryId });
    assert.equal(je.journalEntry.sourceType, 'REVENUE_RECOGNITION');
    assert.equal(je.journalEntry.postingDate, '2026-11-30');
    assert.deepEqual(je.journalEntry.lines.map((l: any) => [l.accountCode, l.debit.amountMinor, l.credit.amountMinor, l.projectId]), [['1150', '33334', '0', projectId], ['4000', '0', '33334', projectId]]);

    assert.equal((await h.run(recognize, { i: { revenueScheduleId: s.id, period: '2026-11' } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await h.run(recognize, { i: { revenueScheduleId: s.id, period: '2027-02' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const over = await h.run(recognize, { i: { revenueScheduleId: s.id, period: '2026-12', amount: m('66667') } });
    assert.equal(over.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const r2 = (await h.ok<any>(recognize, { i: { revenueScheduleId: s.id, period: '2026-12', amount: m('40000'), postingDate: '2026-12-15' } })).recognizeRevenue;
    assert.equal(r2.recognizedToDate.amountMinor, '73334');

    // Invoicing a project whose revenue the schedule recognizes clears the contract asset instead of booking revenue.
    const c = await customer();
    const inv = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, documentDate: '2026-12-31', dueDate: '2027-01-30', lines: [{ projectId, net: '50000', tax: '5000' }] }));
    assert.deepEqual(lineOf(inv, '1150').map((l: any) => l.credit.amountMinor), ['50000']);
    assert.equal(lineOf(inv, '4000').length, 0);
    const rev = await h.ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { recognizedRevenue { amountMinor currency } revenueSchedules { id } receivables { id } } } }`, {
      r: [{ __typename: 'Project', id: projectId, currency: 'USD' }],
    });
    assert.deepEqual(rev._entities[0].recognizedRevenue, m('73334'));
    assert.deepEqual(rev._entities[0].revenueSchedules.map((x: any) => x.id), [s.id]);
    assert.deepEqual(rev._entities[0].receivables.map((x: any) => x.id), [inv.id]);

    assert.deepEqual((await h.ok<any>(transition, { i: { id: s.id, action: 'COMPLETE' } })).transitionRevenueSchedule.status, 'COMPLETED');
    assert.equal((await h.run(transition, { i: { id: s.id, action: 'CANCEL' } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    await assertLedgerBalances();
  });

  test('schedule validation: planned lines must sum exactly to the allocation, periods unique and well formed', async () => {
    const before = [await countRows('revenue_schedules'), await countRows('revenue_schedule_lines')];
    const base = { projectId: newId('prj'), legalEntityId: US, performanceObligation: 'Build', allocatedAmount: m('1000') };
    const cases: Array<[string, unknown]> = [
      ['sum short', { ...base, method: 'COST_TO_COST', lines: [{ period: '2026-01', plannedAmount: m('600') }, { period: '2026-02', plannedAmount: m('399') }] }],
      ['duplicate period', { ...base, method: 'COST_TO_COST', lines: [{ period: '2026-01', plannedAmount: m('500') }, { period: '2026-01', plannedAmount: m('500') }] }],
      ['bad period', { ...base, method: 'COST_TO_COST', lines: [{ period: '2026-13', plannedAmount: m('1000') }] }],
      ['currency', { ...base, method: 'COST_TO_COST', lines: [{ period: '2026-01', plannedAmount: m('1000', 'CAD') }] }],
      ['no lines', { ...base, method: 'STRAIGHT_LINE' }],
      ['periods for another method', { ...base, method: 'MILESTONE', periods: { from: '2026-01', to: '2026-02' } }],
      ['range backwards', { ...base, method: 'STRAIGHT_LINE', periods: { from: '2026-05', to: '2026-02' } }],
      ['zero allocation', { ...base, method: 'AS_INVOICED', allocatedAmount: m('0') }],
      ['unknown legal entity', { ...base, method: 'AS_INVOICED', legalEntityId: 'le_none' }],
    ];
    for (const [name, i] of cases) {
      const r = await h.run(create, { i });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', name);
    }
    const short = await h.run(create, { i: cases[0]?.[1] });
    assert.equal(short.errors?.[0]?.extensions?.plannedTotalMinor, '999');
    assert.equal(short.errors?.[0]?.extensions?.allocatedMinor, '1000');
    assert.deepEqual([await countRows('revenue_schedules'), await countRows('revenue_schedule_lines')], before);
  });

  test('AS_INVOICED schedules recognize on posting and give back on void; MILESTONE adds the milestone line', async () => {
    const projectId = newId('prj');
    const s = (await h.ok<any>(create, { i: { projectId, legalEntityId: US, performanceObligation: 'T&M services', method: 'AS_INVOICED', allocatedAmount: m('1000000') } })).createRevenueSchedule;
    await h.ok(transition, { i: { id: s.id, action: 'ACTIVATE' } });
    assert.equal((await h.run(recognize, { i: { revenueScheduleId: s.id, period: '2026-03' } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    const c = await customer();
    const a = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, documentDate: '2026-03-31', dueDate: '2026-04-30', lines: [{ projectId, net: '70000', tax: '0' }] }));
    const b = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, documentDate: '2026-03-31', dueDate: '2026-04-30', lines: [{ projectId, net: '5000', tax: '500' }] }));
    assert.equal(lineOf(a, '4000')[0].credit.amountMinor, '70000');
    const sched = async () => (await h.ok<any>(`query($id: ID!) { revenueSchedule(id: $id) { version recognizedToDate { amountMinor } lines { period plannedAmount { amountMinor } recognizedAmount { amountMinor } status journalEntryId } } }`, { id: s.id })).revenueSchedule;
    let now = await sched();
    assert.deepEqual(now.lines.map((l: any) => [l.period, l.plannedAmount.amountMinor, l.recognizedAmount.amountMinor, l.status]), [['2026-03', '0', '75000', 'RECOGNIZED']]);
    assert.equal(now.lines[0].journalEntryId, b.journalEntry.id);
    await h.ok(`mutation($i: VoidInvoiceInLedgerInput!) { voidInvoiceInLedger(input: $i) { status } }`, { i: { invoiceId: b.invoiceId, postingDate: '2026-04-02' } });
    now = await sched();
    assert.equal(now.recognizedToDate.amountMinor, '70000');
    const cm = { creditMemoId: newId('cm'), creditMemoNumber: 'CM-77', invoiceId: a.invoiceId, documentDate: '2026-04-10', lines: [{ projectId, netAmount: m('10000'), taxAmount: m('0') }] };
    await h.ok(`mutation($i: PostCreditMemoToLedgerInput!) { postCreditMemoToLedger(input: $i) { id } }`, { i: cm });
    now = await sched();
    assert.deepEqual(now.lines.map((l: any) => [l.period, l.recognizedAmount.amountMinor]), [['2026-03', '70000'], ['2026-04', '-10000']]);
    assert.equal(now.recognizedToDate.amountMinor, '60000');
    const project = await h.ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { recognizedRevenue { amountMinor } } } }`, { r: [{ __typename: 'Project', id: projectId, currency: 'USD' }] });
    assert.equal(project._entities[0].recognizedRevenue.amountMinor, '60000');

    const msProject = newId('prj');
    const ms1 = newId('ms');
    const ms2 = newId('ms');
    const ms = (await h.ok<any>(create, { i: { projectId: msProject, legalEntityId: CA, performanceObligation: 'Phases', method: 'MILESTONE', allocatedAmount: m('90000', 'CAD'), lines: [{ period: '2026-05', plannedAmount: m('30000', 'CAD'), milestoneId: ms1 }, { period: '2026-07', plannedAmount: m('60000', 'CAD'), milestoneId: newId('ms') }] } })).createRevenueSchedule;
    await h.ok(transition, { i: { id: ms.id, action: 'ACTIVATE' } });
    assert.equal((await h.run(recognize, { i: { revenueScheduleId: ms.id, period: '2026-06', amount: m('20000', 'CAD') } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const done = (await h.ok<any>(recognize, { i: { revenueScheduleId: ms.id, period: '2026-06', amount: m('20000', 'CAD'), milestoneId: ms2 } })).recognizeRevenue;
    assert.deepEqual(done.lines.map((l: any) => [l.period, l.milestoneId, l.status]), [['2026-05', ms1, 'PLANNED'], ['2026-06', ms2, 'RECOGNIZED'], ['2026-07', done.lines[2].milestoneId, 'PLANNED']]);
    const first = (await h.ok<any>(recognize, { i: { revenueScheduleId: ms.id, period: '2026-05', milestoneId: ms1 } })).recognizeRevenue;
    assert.equal(first.recognizedToDate.amountMinor, '50000');
    await assertLedgerBalances();
  });
});

describe('finance federation', () => {
  test('_entities resolves owned entities by every key, and null for unknown ids', async () => {
    const c = await customer(CA, 'CAD');
    const inv = await postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, legalEntityId: CA, currency: 'CAD', lines: [{ projectId: newId('prj'), net: '1000', tax: '130' }] }));
    const p = await pay(c.id, m('1130', 'CAD'), '2026-03-11', [{ receivableId: inv.id, amount: m('1130', 'CAD') }]);
    const rate = (await h.ok<any>(`{ exchangeRates(first: 1) { edges { node { id } } } }`)).exchangeRates.edges[0].node.id;
    const rs = (await h.ok<any>(`mutation($p: ID!) { createRevenueSchedule(input: { projectId: $p, legalEntityId: "le_ca", performanceObligation: "Support", method: AS_INVOICED, allocatedAmount: { amountMinor: "1000", currency: "CAD" } }) { id } }`, { p: newId('prj') })).createRevenueSchedule.id;
    const byId = await h.ok<any>(`query($id: ID!) { payment(id: $id) { id receivedDate method amount { amount } customerFinancial { id } journalEntry { sourceType } } }`, { id: p.id });
    assert.deepEqual(byId.payment, { id: p.id, receivedDate: '2026-03-11', method: 'BANK_TRANSFER', amount: { amount: '11.30' }, customerFinancial: { id: c.id }, journalEntry: { sourceType: 'PAYMENT' } });
    const d = await h.ok<any>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on CustomerFinancial { id customerNumber legalEntity { id } openBalance { amountMinor currency } }
        ... on LegalEntity { id functionalCurrency }
        ... on Currency { code name }
        ... on ExchangeRate { id rate }
        ... on Payment { id paymentStatus: status legalEntityId }
        ... on JournalEntry { id sourceType }
        ... on Receivable { id status }
        ... on RevenueSchedule { id method scheduleStatus: status recognizedToDate { amountMinor currency } } } }`,
      { r: [
        { __typename: 'CustomerFinancial', id: c.id },
        { __typename: 'CustomerFinancial', crmAccountId: c.crmAccountId, legalEntityId: CA },
        { __typename: 'CustomerFinancial', crmAccountId: c.crmAccountId, legalEntityId: US },
        { __typename: 'LegalEntity', id: CA },
        { __typename: 'Currency', code: 'CAD' },
        { __typename: 'ExchangeRate', id: rate },
        { __typename: 'Payment', id: p.id },
        { __typename: 'JournalEntry', id: inv.journalEntry.id },
        { __typename: 'Receivable', invoiceId: inv.invoiceId },
        { __typename: 'Payment', id: newId('pay') },
        { __typename: 'RevenueSchedule', id: rs },
      ] },
    );
    const e = d._entities;
    assert.equal(e[0].id, c.id);
    assert.equal(e[1].id, c.id);
    assert.deepEqual(e[1].openBalance, m('0', 'CAD'));
    assert.equal(e[2], null);
    assert.equal(e[3].functionalCurrency, 'CAD');
    assert.equal(e[4].name, 'Canadian Dollar');
    assert.equal(e[5].id, rate);
    assert.deepEqual([e[6].paymentStatus, e[6].legalEntityId], ['APPLIED', CA]);
    assert.equal(e[7].sourceType, 'INVOICE');
    assert.equal(e[8].status, 'PAID');
    assert.equal(e[9], null);
    assert.deepEqual(e[10], { id: rs, method: 'AS_INVOICED', scheduleStatus: 'DRAFT', recognizedToDate: m('0', 'CAD') });
  });

  test('Account contributes customer financials and open receivables, oldest due first', async () => {
    const crmAccountId = newId('acc');
    const up = `mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id } }`;
    const us = (await h.ok<any>(up, { i: { crmAccountId, legalEntityId: US, currency: 'USD' } })).upsertCustomerFinancial.id;
    const ca = (await h.ok<any>(up, { i: { crmAccountId, legalEntityId: CA, currency: 'CAD' } })).upsertCustomerFinancial.id;
    const late = await postInvoice(invoiceInput({ crmAccountId, dueDate: '2026-06-30', lines: [{ projectId: newId('prj'), net: '100', tax: '0' }] }));
    const early = await postInvoice(invoiceInput({ crmAccountId, legalEntityId: CA, currency: 'CAD', dueDate: '2026-04-01', lines: [{ projectId: newId('prj'), net: '200', tax: '0' }] }));
    const paid = await postInvoice(invoiceInput({ crmAccountId, dueDate: '2026-03-31', lines: [{ projectId: newId('prj'), net: '300', tax: '0' }] }));
    await pay(us, m('300'), '2026-03-20', [{ receivableId: paid.id, amount: m('300') }]);
    const d = await h.ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { id customerFinancials { id } openReceivables { id } } } }`, {
      r: [{ __typename: 'Account', id: crmAccountId }, { __typename: 'Account', id: newId('acc') }],
    });
    assert.deepEqual(new Set(d._entities[0].customerFinancials.map((c: any) => c.id)), new Set([us, ca]));
    assert.deepEqual(d._entities[0].openReceivables.map((r: any) => r.id), [early.id, late.id]);
    assert.deepEqual(d._entities[1], { id: d._entities[1].id, customerFinancials: [], openReceivables: [] });
  });

  test('Project margin uses the @requires fields; percent and threshold are null without revenue', async () => {
    const projectId = newId('prj');
    await h.ok(`mutation($i: PostManualJournalInput!) { postManualJournal(input: $i) { id } }`, {
      i: { legalEntityId: US, postingDate: '2026-03-31', description: 'Revenue accrual', lines: [{ accountCode: '1150', debitMinor: '200000' }, { accountCode: '4000', creditMinor: '200000', projectId }] },
    });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id recognizedRevenue { amountMinor currency }
      margin { revenue { amountMinor } cost { amountMinor currency } amount { amountMinor } percent belowThreshold } } } }`;
    const rep = (id: string, cost: string, threshold: string | null, currency = 'USD') => ({ __typename: 'Project', id, currency, actualCost: { amountMinor: cost, currency }, marginThresholdPct: threshold });
    const d = await h.ok<any>(q, { r: [rep(projectId, '150000', '30.00'), rep(projectId, '120000', '30'), rep(newId('prj'), '5000', '25', 'CAD'), rep(projectId, '150000', null)] });
    const [low, fine, none, unknown] = d._entities;
    assert.deepEqual(low.margin, { revenue: { amountMinor: '200000' }, cost: { amountMinor: '150000', currency: 'USD' }, amount: { amountMinor: '50000' }, percent: '25.00', belowThreshold: true });
    assert.deepEqual([fine.margin.percent, fine.margin.belowThreshold], ['40.00', false]);
    assert.deepEqual(none.recognizedRevenue, m('0', 'CAD'));
    assert.deepEqual([none.margin.amount.amountMinor, none.margin.percent, none.margin.belowThreshold], ['-5000', null, null]);
    assert.equal(unknown.margin.belowThreshold, null);
    const bad = await h.run(q, { r: [{ __typename: 'Project', id: projectId, currency: 'USD', actualCost: { amountMinor: '1', currency: 'CAD' }, marginThresholdPct: null }] });
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('extension fields are batched: 10 and 200 entities cost the same number of statements', async () => {
    const c = await customer();
    const projects: string[] = [];
    const invoices: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const projectId = newId('prj');
      projects.push(projectId);
      const inv = invoiceInput({ crmAccountId: c.crmAccountId, lines: [{ projectId, net: String(1000 + i), tax: '0' }] });
      invoices.push(inv.invoiceId);
      await postInvoice(inv);
    }
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { recognizedRevenue { amountMinor } margin { percent } receivables { id status } revenueSchedules { id } }
      ... on Invoice { paymentStatus amountDue { amountMinor } receivable { id customerFinancial { id } journalEntry { number lines { accountName } } } }
      ... on Account { customerFinancials { id openBalance { amountMinor } } openReceivables { id } } } }`;
    const reps = (n: number) => Array.from({ length: n }, (_, i) => [
      { __typename: 'Project', id: projects[i] ?? newId('prj'), currency: 'USD', actualCost: { amountMinor: '500', currency: 'USD' }, marginThresholdPct: '20' },
      { __typename: 'Invoice', id: invoices[i] ?? newId('inv') },
      { __typename: 'Account', id: i === 0 ? c.crmAccountId : newId('acc') },
    ]).flat();
    h.db.stats.take();
    const small = await h.ok<any>(q, { r: reps(10) });
    const smallCount = h.db.stats.take();
    const big = await h.ok<any>(q, { r: reps(200) });
    const bigCount = h.db.stats.take();
    assert.equal(small._entities.length, 30);
    assert.equal(big._entities.length, 600);
    assert.equal(big._entities[2].customerFinancials[0].openBalance.amountMinor, String(12 * 1000 + 66));
    assert.equal(big._entities[2].openReceivables.length, 12);
    assert.equal(big._entities[0].recognizedRevenue.amountMinor, '1000');
    assert.equal(big._entities[1].paymentStatus !== null, true);
    assert.equal(bigCount, smallCount);
    // revenue totals, receivables by project, schedules by project, receivables by invoice, live applications,
    // customer financials, journal entries, journal lines, customers by account, open balances, open receivables by
    // account: one statement each, whatever the number of entities.
    assert.equal(smallCount, 11);
  });

  test('receivables connection filters by status, customer, due date and overdue on the invocation clock', async () => {
    const c = await customer();
    const due = (d: string) => postInvoice(invoiceInput({ crmAccountId: c.crmAccountId, documentDate: '2026-01-01', dueDate: d, lines: [{ projectId: newId('prj'), net: '100', tax: '0' }] }));
    const a = await due('2026-02-01');
    const b = await due('2026-03-01');
    const cc = await due('2026-04-01');
    await pay(c.id, m('100'), '2026-02-15', [{ receivableId: b.id, amount: m('100') }]);
    const q = `query($f: ReceivableFilter, $first: Int, $after: String) { receivables(first: $first, after: $after, filter: $f) { edges { node { id isOverdue } } pageInfo { hasNextPage endCursor } } }`;
    const ids = async (f: unknown, at = '2026-03-15T00:00:00.000Z') => (await h.ok<any>(q, { f, first: 50 }, clock(at))).receivables.edges.map((e: any) => e.node.id);
    assert.deepEqual(await ids({ customerFinancialId: c.id, overdue: true }), [a.id]);
    assert.deepEqual(await ids({ customerFinancialId: c.id, overdue: false }), [b.id, cc.id]);
    assert.deepEqual(await ids({ customerFinancialId: c.id, overdue: true }, '2026-05-01T00:00:00.000Z'), [a.id, cc.id]);
    assert.deepEqual(await ids({ customerFinancialId: c.id, statuses: ['PAID'] }), [b.id]);
    assert.deepEqual(await ids({ customerFinancialId: c.id, dueDate: { from: '2026-02-15', to: '2026-03-31' } }), [b.id]);
    assert.deepEqual(await ids({ customerFinancialId: c.id, legalEntityId: CA }), []);
    const page1 = (await h.ok<any>(q, { f: { customerFinancialId: c.id }, first: 2 })).receivables;
    assert.equal(page1.pageInfo.hasNextPage, true);
    const page2 = (await h.ok<any>(q, { f: { customerFinancialId: c.id }, first: 2, after: page1.pageInfo.endCursor })).receivables;
    assert.deepEqual([...page1.edges, ...page2.edges].map((e: any) => e.node.id), [a.id, b.id, cc.id]);
    const cfs = await h.ok<any>(`query($a: ID!) { customerFinancials(filter: { crmAccountId: $a, statuses: [ACTIVE] }) { edges { node { id openBalance { amountMinor } } } } }`, { a: c.crmAccountId });
    assert.deepEqual(cfs.customerFinancials.edges.map((e: any) => [e.node.id, e.node.openBalance.amountMinor]), [[c.id, '200']]);
    assert.equal(await h.errorCode(`{ receivables(first: 100000) { edges { node { id } } } }`), 'BAD_USER_INPUT');
    await assertLedgerBalances();
  });
});

describe('finance reference lookups', () => {
  test('a currency by code and an exchange rate by id', async () => {
    const c = await h.ok<{ currency: any; nope: any }>(`{ currency(code: "JPY") { code minorUnit name } nope: currency(code: "CHF") { code } }`);
    assert.equal(c.currency.minorUnit, 0);
    assert.equal(c.nope.code, 'CHF');
    const created = await h.ok<{ createExchangeRate: { id: string } }>(`mutation { createExchangeRate(input: { from: JPY, to: USD, rateDate: "2026-03-02", rateType: SPOT, rate: "0.0067", source: "test" }) { id } }`.replace(/JPY|USD/g, (m) => `"${m}"`));
    const r = await h.ok<{ exchangeRate: any }>(`query($id: ID!) { exchangeRate(id: $id) { from to rate } }`, { id: created.createExchangeRate.id });
    assert.deepEqual(r.exchangeRate, { from: 'JPY', to: 'USD', rate: '0.0067000000' });
  });
});
