import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../platform/domain/index.js';
import { InvalidDecimalError, money, type Money } from '../../platform/money/index.js';
import { ACCOUNTS, accountName, CHART_OF_ACCOUNTS, requireAccountCode } from '../../subgraphs/finance/src/domain/chart.js';
import { listCurrencies } from '../../subgraphs/finance/src/domain/currencies.js';
import { createCustomerFinancial, CUSTOMER_TRANSITIONS, customerNumber, transitionCustomerFinancial, updateCustomerFinancial } from '../../subgraphs/finance/src/domain/customer.js';
import { digestOf } from '../../subgraphs/finance/src/domain/digest.js';
import { conversionRate, createExchangeRate, latestRate } from '../../subgraphs/finance/src/domain/fx.js';
import type { PostingEnv } from '../../subgraphs/finance/src/domain/ids.js';
import {
  buildJournalEntry, credit, debit, journalNumber, manualJournalSpec, requireDirectlyReversible, reverseJournal, signedLine, UnbalancedJournalError,
  type PostedJournal,
} from '../../subgraphs/finance/src/domain/journal.js';
import { actualCostOf, projectMargin, recognizedRevenueIn } from '../../subgraphs/finance/src/domain/margin.js';
import { paymentStatus, recordPayment, reversePayment, validatePayment } from '../../subgraphs/finance/src/domain/payment.js';
import {
  creditMemoDigest, invoiceDigest, postCreditMemo, postInvoice, validateCreditMemoPosting, validateInvoicePosting, voidReceivable,
  type InvoicePostingInput,
} from '../../subgraphs/finance/src/domain/posting.js';
import { carryingAmount, invoicePaymentStatus, isOverdue, receivableStatus, restoreReceivable, settleReceivable } from '../../subgraphs/finance/src/domain/receivable.js';
import {
  applyAsInvoiced, createRevenueSchedule, governingSchedule, lastDayOfPeriod, periodsBetween, recognizeRevenue, revenueAccountFor, transitionRevenueSchedule,
} from '../../subgraphs/finance/src/domain/revenue.js';
import type { CustomerFinancial, ExchangeRate, LegalEntity, Receivable, RevenueSchedule } from '../../subgraphs/finance/src/domain/types.js';

const NOW = '2026-03-10T09:00:00.000Z';
let seq = 0;
const ids = (prefix: string) => `${prefix}_${String(++seq).padStart(26, '0')}`;
const env = (n = 1): PostingEnv => ({ ids, now: NOW, journalNumber: journalNumber(n) });
const usd = (v: bigint | number) => money(BigInt(v), 'USD');
const cad = (v: bigint | number) => money(BigInt(v), 'CAD');
const PRJ = 'prj_01J0000000000000000000000A';
const PRJ2 = 'prj_01J0000000000000000000000B';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    if (error instanceof UnbalancedJournalError) return 'UNBALANCED';
    // The GraphQL layer reports malformed decimals as BAD_USER_INPUT.
    if (error instanceof InvalidDecimalError) return 'BAD_USER_INPUT';
    throw error;
  }
  return undefined;
};

const LE_US: LegalEntity = { id: 'le_us', name: 'US', country: 'US', functionalCurrency: 'USD', taxId: null, fiscalYearStartMonth: 1, invoiceNumberPrefix: 'US-' };

function customer(overrides: Partial<CustomerFinancial> = {}): CustomerFinancial {
  return { ...createCustomerFinancial('cf_01J00000000000000000000001', { crmAccountId: 'acc_01J00000000000000000000001', legalEntityId: 'le_us', currency: 'CAD' }, customerNumber(1), NOW), ...overrides };
}

function invoice(lines: Array<[string, bigint, bigint]>, currency = 'CAD'): InvoicePostingInput {
  return validateInvoicePosting({
    invoiceId: 'inv_01J00000000000000000000001', invoiceNumber: 'US-0001', legalEntityId: 'le_us', crmAccountId: 'acc_01J00000000000000000000001',
    currency, documentDate: '2026-03-10', dueDate: '2026-04-09',
    lines: lines.map(([projectId, net, tax]) => ({ projectId, netAmount: money(net, currency), taxAmount: money(tax, currency) })),
  });
}

function sides(j: PostedJournal): Array<[string, string, string]> {
  return j.lines.map((l) => [l.accountCode, l.debit.amountMinor.toString(), l.credit.amountMinor.toString()]);
}

function assertBalanced(j: PostedJournal): void {
  const d = j.lines.reduce((s, l) => s + l.debit.amountMinor, 0n);
  const c = j.lines.reduce((s, l) => s + l.credit.amountMinor, 0n);
  assert.equal(d, c);
  assert.equal(j.entry.totalDebit.amountMinor, d);
  for (const l of j.lines) assert.ok((l.debit.amountMinor > 0n) !== (l.credit.amountMinor > 0n));
}

function schedule(method: RevenueSchedule['method'], status: RevenueSchedule['status'] = 'ACTIVE', createdAt = NOW): RevenueSchedule {
  return {
    id: ids('rs'), version: 1, contractId: null, projectId: PRJ, legalEntityId: 'le_us', performanceObligation: 'Services', method,
    allocatedAmount: cad(100000), status, createdAt, updatedAt: createdAt,
  };
}

describe('chart of accounts and currencies', () => {
  test('every account has a name; unknown codes are refused', () => {
    assert.equal(CHART_OF_ACCOUNTS.length, 8);
    assert.equal(accountName(ACCOUNTS.CONTRACT_ASSET), 'Contract asset / deferred revenue (net)');
    assert.equal(accountName(ACCOUNTS.FX_GAIN_LOSS), 'Realised FX gain/loss');
    assert.equal(requireAccountCode('a', '2300'), '2300');
    assert.equal(codeOf(() => requireAccountCode('a', '1200')), 'BAD_USER_INPUT');
  });

  test('currencies come from platform/money with names', () => {
    const list = listCurrencies();
    assert.deepEqual(list.find((c) => c.code === 'KWD'), { code: 'KWD', minorUnit: 3, name: 'Kuwaiti Dinar' });
    assert.ok(list.every((c) => c.name !== c.code));
  });
});

describe('exchange rates', () => {
  test('a rate is stored at scale 10, positive, at most 10 decimals, between two currencies', () => {
    const r = createExchangeRate('fx_1', { from: 'CAD', to: 'USD', rateDate: '2026-03-01', rateType: 'SPOT', rate: '0.73', source: 'ecb' });
    assert.equal(r.rate, '0.7300000000');
    for (const bad of [{ to: 'CAD' }, { rate: '0' }, { rate: '-1' }, { rate: '0.12345678901' }, { rate: '1e3' }, { rateDate: '2026-02-30' }, { from: 'XXX' }, { source: ' ' }]) {
      assert.equal(codeOf(() => createExchangeRate('fx_1', { from: 'CAD', to: 'USD', rateDate: '2026-03-01', rateType: 'SPOT', rate: '0.73', source: 'ecb', ...bad })), 'BAD_USER_INPUT', JSON.stringify(bad));
    }
  });

  test('conversion: same currency 1; latest direct SPOT on or before the date; else the inverse; else BAD_USER_INPUT', () => {
    const rate = (from: string, to: string, rateDate: string, value: string, rateType: ExchangeRate['rateType'] = 'SPOT'): ExchangeRate =>
      createExchangeRate(ids('fx'), { from, to, rateDate, rateType, rate: value, source: 't' });
    const rates = [rate('CAD', 'USD', '2026-03-01', '0.73'), rate('CAD', 'USD', '2026-04-01', '0.74'), rate('CAD', 'USD', '2026-03-15', '0.50', 'MONTH_END'), rate('USD', 'EUR', '2026-01-01', '0.9')];
    assert.equal(conversionRate('USD', 'USD', '2026-01-01', []), '1.0000000000');
    assert.equal(conversionRate('CAD', 'USD', '2026-03-31', rates), '0.7300000000');
    assert.equal(conversionRate('CAD', 'USD', '2026-04-01', rates), '0.7400000000');
    assert.equal(conversionRate('USD', 'CAD', '2026-03-31', rates), '1.3698630137');
    assert.equal(conversionRate('EUR', 'USD', '2026-06-01', rates), '1.1111111111');
    const err = (() => { try { conversionRate('CAD', 'USD', '2026-02-01', rates); } catch (e) { return e as DomainError; } return null; })();
    assert.equal(err?.code, 'BAD_USER_INPUT');
    assert.match(err?.message ?? '', /CAD→USD.*2026-02-01/);
    assert.equal(latestRate(rates, 'CAD', 'USD', '2026-03-20', 'MONTH_END')?.rate, '0.5000000000');
  });
});

describe('journal entries', () => {
  test('a balanced entry is numbered, drops zero lines and keeps one side per line', () => {
    const j = buildJournalEntry({
      legalEntityId: 'le_us', functionalCurrency: 'USD', postingDate: '2026-03-31', sourceType: 'MANUAL', sourceId: null, description: 'x',
      lines: [debit(ACCOUNTS.CASH, usd(100)), credit(ACCOUNTS.SALES_TAX, usd(0)), credit(ACCOUNTS.UNAPPLIED_CASH, usd(100))],
    }, env(42));
    assert.equal(j.entry.number, 'JE-00000042');
    assert.equal(j.entry.period, '2026-03');
    assert.equal(j.entry.sourceId, j.entry.id);
    assert.deepEqual(sides(j), [['1000', '100', '0'], ['2300', '0', '100']]);
    assert.deepEqual(j.lines.map((l) => l.lineNo), [1, 2]);
  });

  test('unbalanced, mixed-currency, negative or untagged revenue lines are programming errors', () => {
    const spec = (lines: Parameters<typeof buildJournalEntry>[0]['lines']) => () =>
      buildJournalEntry({ legalEntityId: 'le_us', functionalCurrency: 'USD', postingDate: '2026-03-31', sourceType: 'MANUAL', sourceId: null, description: 'x', lines }, env());
    assert.equal(codeOf(spec([debit(ACCOUNTS.CASH, usd(100)), credit(ACCOUNTS.UNAPPLIED_CASH, usd(99))])), 'UNBALANCED');
    assert.equal(codeOf(spec([debit(ACCOUNTS.CASH, cad(100)), credit(ACCOUNTS.UNAPPLIED_CASH, cad(100))])), 'UNBALANCED');
    assert.equal(codeOf(spec([debit(ACCOUNTS.CASH, usd(-1)), credit(ACCOUNTS.UNAPPLIED_CASH, usd(-1))])), 'UNBALANCED');
    assert.equal(codeOf(spec([debit(ACCOUNTS.CASH, usd(5)), credit(ACCOUNTS.REVENUE, usd(5))])), 'UNBALANCED');
    assert.equal(codeOf(spec([debit(ACCOUNTS.CASH, usd(0)), credit(ACCOUNTS.UNAPPLIED_CASH, usd(0))])), 'UNBALANCED');
  });

  test('signed lines put losses on the other side', () => {
    assert.deepEqual(signedLine(ACCOUNTS.FX_GAIN_LOSS, usd(-25), 'CREDIT'), { accountCode: '7900', side: 'DEBIT', amount: usd(25) });
    assert.deepEqual(signedLine(ACCOUNTS.FX_GAIN_LOSS, usd(25), 'CREDIT'), { accountCode: '7900', side: 'CREDIT', amount: usd(25) });
  });

  test('a reversal swaps every line, keeps the source document and marks the original REVERSED once', () => {
    const j = buildJournalEntry(manualJournalSpec({ legalEntityId: 'le_us', postingDate: '2026-03-31', description: 'Accrual', lines: [
      { accountCode: '1150', debitMinor: '500' }, { accountCode: '4000', creditMinor: '500', projectId: PRJ },
    ] }, 'USD'), env());
    assert.deepEqual(j.lines[1]?.transactionAmount, usd(500));
    const { reversal, original } = reverseJournal(j.entry, j.lines, '2026-04-01', 'Reversal', env(2));
    assert.equal(original.status, 'REVERSED');
    assert.equal(reversal.entry.reversalOfId, j.entry.id);
    assert.equal(reversal.entry.sourceType, 'REVERSAL');
    assert.equal(reversal.entry.sourceId, j.entry.sourceId);
    assert.deepEqual(sides(reversal), [['1150', '0', '500'], ['4000', '500', '0']]);
    assert.deepEqual(reversal.lines[1]?.transactionAmount, usd(500));
    assert.equal(codeOf(() => reverseJournal(original, j.lines, '2026-04-01', 'again', env())), 'INVALID_TRANSITION');
    assert.equal(codeOf(() => reverseJournal(j.entry, j.lines, '2026-03-01', 'early', env())), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => requireDirectlyReversible(j.entry)), undefined);
    assert.equal(codeOf(() => requireDirectlyReversible(reversal.entry)), 'INVALID_TRANSITION');
  });

  test('manual journals: two lines at least, known accounts, one side per line, balanced (totals in the error)', () => {
    const base = { legalEntityId: 'le_us', postingDate: '2026-03-31', description: 'x' };
    const check = (lines: Array<Record<string, string>>) => codeOf(() => manualJournalSpec({ ...base, lines: lines as never }, 'USD'));
    assert.equal(check([{ accountCode: '1000', debitMinor: '1' }]), 'BAD_USER_INPUT');
    assert.equal(check([{ accountCode: '1000', debitMinor: '1' }, { accountCode: '1234', creditMinor: '1' }]), 'BAD_USER_INPUT');
    assert.equal(check([{ accountCode: '1000', debitMinor: '1', creditMinor: '1' }, { accountCode: '2300', creditMinor: '1' }]), 'BAD_USER_INPUT');
    assert.equal(check([{ accountCode: '1000', debitMinor: '1.5' }, { accountCode: '2300', creditMinor: '1.5' }]), 'BAD_USER_INPUT');
    try {
      manualJournalSpec({ ...base, lines: [{ accountCode: '1000', debitMinor: '1000' }, { accountCode: '2300', creditMinor: '999' }] }, 'USD');
      assert.fail('expected an error');
    } catch (e) {
      assert.match((e as Error).message, /10\.00 USD.*9\.99 USD/);
    }
  });
});

describe('customer financials', () => {
  test('transitions: allowed and refused', () => {
    const statuses = ['ACTIVE', 'CREDIT_HOLD', 'BLOCKED', 'INACTIVE'] as const;
    const allowed: Record<string, string[]> = { ACTIVE: ['HOLD', 'BLOCK', 'DEACTIVATE'], CREDIT_HOLD: ['RELEASE', 'BLOCK'], BLOCKED: ['UNBLOCK'], INACTIVE: [] };
    for (const status of statuses) {
      for (const action of Object.keys(CUSTOMER_TRANSITIONS) as Array<keyof typeof CUSTOMER_TRANSITIONS>) {
        const result = codeOf(() => transitionCustomerFinancial(customer({ status }), action, NOW));
        assert.equal(result, allowed[status]?.includes(action) ? undefined : 'INVALID_TRANSITION', `${status} ${action}`);
      }
    }
    const held = transitionCustomerFinancial(customer(), 'HOLD', NOW);
    assert.deepEqual([held.status, held.version], ['CREDIT_HOLD', 2]);
  });

  test('create defaults, update only what is given, identical upsert is a no-op', () => {
    const c = customer();
    assert.deepEqual([c.customerNumber, c.paymentTermsDays, c.status, c.version], ['C000001', 30, 'ACTIVE', 1]);
    assert.equal(customerNumber(1234567), 'C1234567');
    const same = updateCustomerFinancial(c, { crmAccountId: c.crmAccountId, legalEntityId: c.legalEntityId, currency: 'CAD' }, NOW);
    assert.equal(same, c);
    const changed = updateCustomerFinancial(c, { crmAccountId: c.crmAccountId, legalEntityId: c.legalEntityId, currency: 'CAD', creditLimit: cad(100) }, NOW);
    assert.deepEqual([changed.version, changed.creditLimit, changed.paymentTermsDays], [2, cad(100), 30]);
    assert.equal(codeOf(() => updateCustomerFinancial(changed, { crmAccountId: c.crmAccountId, legalEntityId: c.legalEntityId, currency: 'USD' }, NOW)), 'BAD_USER_INPUT');
  });
});

describe('receivable status', () => {
  const r = (open: bigint | number, status: Receivable['status'] = 'OPEN', dueDate = '2026-04-09') =>
    ({ status, openAmount: cad(open), originalAmount: cad(1000), dueDate, currency: 'CAD' }) as Receivable;

  test('status from amounts; VOID and WRITTEN_OFF are sticky', () => {
    assert.equal(receivableStatus(r(1000), false), 'OPEN');
    assert.equal(receivableStatus(r(400), false), 'PARTIALLY_PAID');
    assert.equal(receivableStatus(r(0), true), 'PAID');
    assert.equal(receivableStatus(r(0), false), 'CREDITED');
    assert.equal(receivableStatus(r(0, 'VOID'), true), 'VOID');
    assert.equal(receivableStatus(r(100, 'WRITTEN_OFF'), false), 'WRITTEN_OFF');
  });

  test('invoice payment status covers every case', () => {
    const today = '2026-04-10';
    assert.equal(invoicePaymentStatus(r(0, 'VOID'), false, today), 'VOID');
    assert.equal(invoicePaymentStatus(r(0, 'WRITTEN_OFF'), false, today), 'WRITTEN_OFF');
    assert.equal(invoicePaymentStatus(r(0, 'PAID'), true, today), 'PAID');
    assert.equal(invoicePaymentStatus(r(0, 'CREDITED'), false, today), 'CREDITED');
    assert.equal(invoicePaymentStatus(r(500, 'PARTIALLY_PAID'), true, today), 'OVERDUE');
    assert.equal(invoicePaymentStatus(r(500, 'PARTIALLY_PAID', '2026-04-10'), true, today), 'PARTIALLY_PAID');
    assert.equal(invoicePaymentStatus(r(500, 'PARTIALLY_PAID', '2026-04-10'), false, today), 'PARTIALLY_CREDITED');
    assert.equal(invoicePaymentStatus(r(1000, 'OPEN', '2026-04-10'), false, today), 'NOT_DUE_UNPAID');
    assert.equal(isOverdue(r(0, 'PAID', '2026-01-01'), today), false);
  });

  test('carrying amount: invoice rate for part, everything left when closing, never more than is carried', () => {
    const rec = { ...r(1000), fxRate: '0.7300000000', functionalOpen: usd(730) } as Receivable;
    assert.deepEqual(carryingAmount(rec, cad(333)), usd(243));
    assert.deepEqual(carryingAmount(rec, cad(1000)), usd(730));
    const thin = { ...rec, functionalOpen: usd(2) } as Receivable;
    assert.deepEqual(carryingAmount(thin, cad(500)), usd(2));
    const settled = settleReceivable({ ...rec, id: 'ar_1', version: 3, closedAt: null } as Receivable, cad(1000), usd(730), true, NOW);
    assert.deepEqual([settled.status, settled.openAmount, settled.functionalOpen, settled.closedAt, settled.version], ['PAID', cad(0), usd(0), NOW, 4]);
    const restored = restoreReceivable(settled, cad(400), usd(292), false, NOW);
    assert.deepEqual([restored.status, restored.openAmount, restored.closedAt], ['PARTIALLY_PAID', cad(400), null]);
    assert.throws(() => settleReceivable(settled, cad(1), usd(0), true, NOW), RangeError);
  });
});

describe('posting invoices, credit memos and voids', () => {
  const ctx = (schedules = new Map<string, RevenueSchedule>(), cust = customer()) => ({ customer: cust, legalEntity: LE_US, fxRate: '0.7300000000', schedules });

  test('invoice journal: Dr receivables; Cr revenue or contract asset per line net; Cr tax; allocated exactly', () => {
    const straight = { ...schedule('STRAIGHT_LINE'), projectId: PRJ2 };
    const posting = postInvoice(invoice([[PRJ, 1000000n, 130000n], [PRJ2, 234567n, 30494n]]), ctx(new Map([[PRJ2, straight]])), env());
    assertBalanced(posting.journal);
    assert.deepEqual(posting.receivable.functionalOriginal, usd(1018395));
    assert.deepEqual(sides(posting.journal), [['1100', '1018395', '0'], ['4000', '0', '730000'], ['2100', '0', '94900'], ['1150', '0', '171234'], ['2100', '0', '22261']]);
    assert.deepEqual(posting.journal.lines[1]?.transactionAmount, cad(1000000));
    assert.equal(posting.journal.lines[0]?.customerFinancialId, posting.receivable.customerFinancialId);
    assert.deepEqual(posting.receivable.projectIds, [PRJ, PRJ2]);
    assert.equal(posting.asInvoiced.length, 0);
    assert.equal(posting.journal.entry.sourceDigest, invoiceDigest(invoice([[PRJ, 1000000n, 130000n], [PRJ2, 234567n, 30494n]])));
  });

  test('AS_INVOICED schedules collect the net per project; blocked customers and tiny totals are refused', () => {
    const asInvoiced = schedule('AS_INVOICED');
    const posting = postInvoice(invoice([[PRJ, 500n, 0n], [PRJ, 250n, 10n]]), ctx(new Map([[PRJ, asInvoiced]])), env());
    assert.deepEqual(posting.asInvoiced.map((a) => [a.schedule.id, a.period, a.amount]), [[asInvoiced.id, '2026-03', cad(750)]]);
    const line = applyAsInvoiced(asInvoiced, null, '2026-03', cad(750), posting.journal.entry.id, ids);
    assert.deepEqual([line.plannedAmount, line.recognizedAmount, line.status], [cad(0), cad(750), 'RECOGNIZED']);
    assert.equal(applyAsInvoiced(asInvoiced, line, '2026-03', cad(-750), 'je_x', ids).status, 'PLANNED');
    assert.equal(codeOf(() => postInvoice(invoice([[PRJ, 100n, 0n]]), ctx(new Map(), customer({ status: 'BLOCKED' })), env())), 'INVALID_TRANSITION');
    assert.equal(codeOf(() => postInvoice(invoice([[PRJ, 100n, 0n]], 'CAD'), { ...ctx(), fxRate: '0.0010000000' }, env())), 'BAD_USER_INPUT');
  });

  test('invoice validation names the field', () => {
    const ok = { invoiceId: 'inv_01J00000000000000000000001', invoiceNumber: 'I-1', legalEntityId: 'le_us', crmAccountId: 'acc_01J00000000000000000000001', currency: 'USD', documentDate: '2026-03-10', dueDate: '2026-04-09', lines: [{ projectId: PRJ, netAmount: usd(1), taxAmount: usd(0) }] };
    const fieldOf = (patch: object) => { try { validateInvoicePosting({ ...ok, ...patch }); } catch (e) { return (e as DomainError).details.field; } return null; };
    assert.equal(fieldOf({}), null);
    assert.equal(fieldOf({ lines: [] }), 'lines');
    assert.equal(fieldOf({ lines: [{ projectId: 'x', netAmount: usd(1), taxAmount: usd(0) }] }), 'lines[0].projectId');
    assert.equal(fieldOf({ lines: [{ projectId: PRJ, netAmount: usd(1), taxAmount: cad(0) }] }), 'lines[0].taxAmount');
    assert.equal(fieldOf({ lines: [{ projectId: PRJ, netAmount: usd(0), taxAmount: usd(0) }] }), 'lines');
    assert.equal(fieldOf({ dueDate: '2026-03-09' }), 'dueDate');
    assert.equal(fieldOf({ invoiceNumber: '' }), 'invoiceNumber');
  });

  test('digests ignore key order and change with content', () => {
    assert.equal(digestOf({ a: 1n, b: [1, { c: 'x', d: null }] }), digestOf({ b: [1, { d: null, c: 'x' }], a: 1n }));
    const a = invoice([[PRJ, 100n, 0n]]);
    assert.notEqual(invoiceDigest(a), invoiceDigest({ ...a, dueDate: '2026-04-10' }));
    const cm = validateCreditMemoPosting({ creditMemoId: 'cm_01J00000000000000000000001', creditMemoNumber: 'CM-1', invoiceId: a.invoiceId, documentDate: '2026-03-20', lines: a.lines });
    assert.notEqual(creditMemoDigest(cm), creditMemoDigest({ ...cm, creditMemoNumber: 'CM-2' }));
  });

  test('credit memo: Cr receivables at the invoice rate, debits mirror the lines; more than open is refused', () => {
    const posted = postInvoice(invoice([[PRJ, 100000n, 13000n]]), ctx(), env());
    const cm = validateCreditMemoPosting({ creditMemoId: 'cm_01J00000000000000000000001', creditMemoNumber: 'CM-1', invoiceId: posted.receivable.invoiceId, documentDate: '2026-03-20', lines: [{ projectId: PRJ, netAmount: cad(10000), taxAmount: cad(1300) }] });
    const c = postCreditMemo(cm, { receivable: posted.receivable, customer: customer(), schedules: new Map(), livePayment: false }, env(2));
    assertBalanced(c.journal);
    assert.deepEqual(sides(c.journal), [['1100', '0', '8249'], ['4000', '7300', '0'], ['2100', '949', '0']]);
    assert.deepEqual([c.receivable.status, c.receivable.openAmount, c.receivable.functionalOpen], ['PARTIALLY_PAID', cad(101700), usd(82490 - 8249)]);
    assert.deepEqual([c.application.kind, c.application.appliedAmount, c.application.functionalApplied], ['CREDIT_MEMO', cad(11300), usd(8249)]);
    const tooMuch = { ...cm, lines: [{ projectId: PRJ, netAmount: cad(101701), taxAmount: cad(0) }] };
    assert.equal(codeOf(() => postCreditMemo(tooMuch, { receivable: c.receivable, customer: customer(), schedules: new Map(), livePayment: false }, env())), 'BAD_USER_INPUT');
    const usdLines = { ...cm, lines: [{ projectId: PRJ, netAmount: usd(1), taxAmount: usd(0) }] };
    assert.equal(codeOf(() => postCreditMemo(usdLines, { receivable: c.receivable, customer: customer(), schedules: new Map(), livePayment: false }, env())), 'BAD_USER_INPUT');
    const rest = { ...cm, lines: [{ projectId: PRJ, netAmount: cad(101700), taxAmount: cad(0) }] };
    const closed = postCreditMemo(rest, { receivable: c.receivable, customer: customer(), schedules: new Map(), livePayment: false }, env());
    assert.deepEqual([closed.receivable.status, closed.receivable.functionalOpen], ['CREDITED', usd(0)]);
    assert.equal(codeOf(() => postCreditMemo(cm, { receivable: { ...closed.receivable, status: 'VOID' }, customer: customer(), schedules: new Map(), livePayment: false }, env())), 'INVALID_TRANSITION');
  });

  test('void reverses the invoice journal only while nothing is applied', () => {
    const asInv = schedule('AS_INVOICED');
    const posted = postInvoice(invoice([[PRJ, 1000n, 100n]]), ctx(new Map([[PRJ, asInv]])), env());
    const v = voidReceivable(posted.receivable, posted.journal.entry, posted.journal.lines, '2026-03-12', env(2));
    assertBalanced(v.reversal);
    assert.deepEqual([v.receivable.status, v.receivable.openAmount, v.receivable.closedAt, v.original.status], ['VOID', cad(0), NOW, 'REVERSED']);
    assert.deepEqual([...v.revenueByProject], [[PRJ, cad(1000)]]);
    const partly = { ...posted.receivable, status: 'PARTIALLY_PAID' as const, openAmount: cad(100) };
    assert.equal(codeOf(() => voidReceivable(partly, posted.journal.entry, posted.journal.lines, '2026-03-12', env())), 'INVALID_TRANSITION');
  });
});

describe('payments', () => {
  const ctxFor = (receivables: Receivable[], fxRate: string) => ({ customer: customer(), legalEntity: LE_US, fxRate, receivables: new Map(receivables.map((r) => [r.id, r])) });

  test('validation: positive, same currency, each receivable once, no more than received', () => {
    const base = { customerFinancialId: 'cf_01J00000000000000000000001', receivedDate: '2026-04-01', amount: cad(100), method: 'BANK_TRANSFER' as const };
    const ar = 'ar_01J00000000000000000000001';
    assert.equal(codeOf(() => validatePayment({ ...base, amount: cad(0) })), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => validatePayment({ ...base, applications: [{ receivableId: ar, amount: cad(101) }] })), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => validatePayment({ ...base, applications: [{ receivableId: ar, amount: cad(50) }, { receivableId: ar, amount: cad(50) }] })), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => validatePayment({ ...base, applications: [{ receivableId: ar, amount: usd(50) }] })), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => validatePayment({ ...base, applications: [{ receivableId: ar, amount: cad(0) }] })), 'BAD_USER_INPUT');
    assert.equal(validatePayment({ ...base, bankReference: '  ' }).bankReference, null);
    assert.deepEqual([paymentStatus(cad(10), cad(10)), paymentStatus(cad(10), cad(3)), paymentStatus(cad(10), cad(0))], ['RECEIVED', 'PARTIALLY_APPLIED', 'APPLIED']);
  });

  test('FX gain on full payment; unapplied remainder goes to 2300; reversal restores everything', () => {
    const posted = postInvoice(invoice([[PRJ, 1000000n, 130000n], [PRJ2, 234567n, 30494n]]), { customer: customer(), legalEntity: LE_US, fxRate: '0.7300000000', schedules: new Map() }, env());
    const input = validatePayment({ customerFinancialId: posted.receivable.customerFinancialId, receivedDate: '2026-04-20', amount: cad(1500000), method: 'BANK_TRANSFER', applications: [{ receivableId: posted.receivable.id, amount: cad(1395061) }] });
    const p = recordPayment(input, ctxFor([posted.receivable], '0.7400000000'), env(2));
    assertBalanced(p.journal);
    // 15,000.00 × 0.74 = 11,100.00 split 13,950.61 : 1,049.39 → 10,323.45 : 776.55
    assert.deepEqual(sides(p.journal), [['1000', '1110000', '0'], ['1100', '0', '1018395'], ['7900', '0', '13950'], ['2300', '0', '77655']]);
    assert.deepEqual([p.payment.status, p.payment.unappliedAmount, p.applications[0]?.fxGainLoss], ['PARTIALLY_APPLIED', cad(104939), usd(13950)]);
    assert.deepEqual([p.receivables[0]?.status, p.receivables[0]?.functionalOpen], ['PAID', usd(0)]);

    const rev = reversePayment(p.payment, 'NSF', '2026-04-25', {
      journal: p.journal.entry, journalLines: p.journal.lines, applications: p.applications, receivables: new Map(p.receivables.map((r) => [r.id, r])), otherLivePayment: new Set(),
    }, env(3));
    assertBalanced(rev.reversal);
    assert.deepEqual([rev.payment.status, rev.payment.reversalReason, rev.payment.version], ['REVERSED', 'NSF', 2]);
    assert.deepEqual([rev.receivables[0]?.status, rev.receivables[0]?.openAmount, rev.receivables[0]?.functionalOpen], ['OPEN', cad(1395061), usd(1018395)]);
    assert.ok(rev.applications.every((a) => a.reversedAt === NOW));
    assert.equal(codeOf(() => reversePayment(rev.payment, 'again', '2026-04-25', { journal: p.journal.entry, journalLines: p.journal.lines, applications: [], receivables: new Map(), otherLivePayment: new Set() }, env())), 'INVALID_TRANSITION');
    assert.equal(codeOf(() => reversePayment(p.payment, ' ', '2026-04-25', { journal: p.journal.entry, journalLines: p.journal.lines, applications: [], receivables: new Map(), otherLivePayment: new Set() }, env())), 'BAD_USER_INPUT');
  });

  test('applications are checked against their receivables', () => {
    const posted = postInvoice(invoice([[PRJ, 1000n, 0n]]), { customer: customer(), legalEntity: LE_US, fxRate: '0.7300000000', schedules: new Map() }, env());
    const pay = (amount: Money, r: Receivable) => () => recordPayment(
      validatePayment({ customerFinancialId: 'cf_01J00000000000000000000001', receivedDate: '2026-04-01', amount, method: 'CARD', applications: [{ receivableId: r.id, amount }] }),
      ctxFor([r], '0.74'), env(),
    );
    assert.equal(codeOf(pay(cad(1001), posted.receivable)), 'BAD_USER_INPUT');
    assert.equal(codeOf(pay(cad(10), { ...posted.receivable, status: 'VOID' })), 'BAD_USER_INPUT');
    assert.equal(codeOf(pay(cad(10), { ...posted.receivable, customerFinancialId: 'cf_other' })), 'BAD_USER_INPUT');
    assert.equal(codeOf(pay(cad(10), posted.receivable)), undefined);
  });

  test('property: any split of payments at any rates closes functionalOpen to exactly zero and every journal balances', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10_000_000n }), fc.bigInt({ min: 0n, max: 2_000_000n })), { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 5000, max: 15000 }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 5000, max: 15000 })), { minLength: 1, maxLength: 5 }),
      (lines, invoiceRate, instalments) => {
        const total = lines.reduce((s, [n, t]) => s + n + t, 0n);
        fc.pre(total > 100n);
        const rate = (n: number) => (n / 10000).toFixed(4);
        const posted = postInvoice(invoice(lines.map(([n, t], i) => [i % 2 ? PRJ : PRJ2, n, t])), { customer: customer(), legalEntity: LE_US, fxRate: rate(invoiceRate), schedules: new Map() }, env());
        assertBalanced(posted.journal);
        let r = posted.receivable;
        const weights = instalments.map(([w]) => BigInt(w));
        const weightSum = weights.reduce((a, b) => a + b, 0n);
        let remaining = total;
        instalments.forEach(([, payRate], i) => {
          const last = i === instalments.length - 1;
          const part = last ? remaining : (total * (weights[i] as bigint)) / weightSum;
          if (part <= 0n) return;
          remaining -= part;
          const p = recordPayment(
            validatePayment({ customerFinancialId: r.customerFinancialId, receivedDate: '2026-04-01', amount: cad(part), method: 'CARD', applications: [{ receivableId: r.id, amount: cad(part) }] }),
            ctxFor([r], rate(payRate)), env(),
          );
          assertBalanced(p.journal);
          r = p.receivables[0] as Receivable;
          assert.ok(r.functionalOpen.amountMinor >= 0n);
        });
        assert.equal(r.openAmount.amountMinor, 0n);
        assert.equal(r.functionalOpen.amountMinor, 0n);
        assert.equal(r.status, 'PAID');
      },
    ), { numRuns: 200 });
  });
});

describe('revenue schedules', () => {
  test('periods, month ends and straight-line allocation by largest remainder', () => {
    assert.deepEqual(periodsBetween('2026-11', '2027-02'), ['2026-11', '2026-12', '2027-01', '2027-02']);
    assert.equal(lastDayOfPeriod('2028-02'), '2028-02-29');
    assert.equal(lastDayOfPeriod('2026-12'), '2026-12-31');
    const { schedule: s, lines } = createRevenueSchedule({ projectId: PRJ, legalEntityId: 'le_us', performanceObligation: 'Run', method: 'STRAIGHT_LINE', allocatedAmount: cad(100), periods: { from: '2026-01', to: '2026-07' } }, ids, NOW);
    assert.equal(s.status, 'DRAFT');
    assert.deepEqual(lines.map((l) => Number(l.plannedAmount.amountMinor)), [15, 15, 14, 14, 14, 14, 14]);
  });

  test('lines must sum exactly; milestone lines are unique per period and milestone', () => {
    const base = { projectId: PRJ, legalEntityId: 'le_us', performanceObligation: 'Run', allocatedAmount: cad(100) };
    assert.equal(codeOf(() => createRevenueSchedule({ ...base, method: 'COST_TO_COST', lines: [{ period: '2026-01', plannedAmount: cad(99) }] }, ids, NOW)), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => createRevenueSchedule({ ...base, method: 'COST_TO_COST', lines: [{ period: '2026-01', plannedAmount: cad(50) }, { period: '2026-01', plannedAmount: cad(50) }] }, ids, NOW)), 'BAD_USER_INPUT');
    const two = createRevenueSchedule({ ...base, method: 'MILESTONE', lines: [{ period: '2026-01', plannedAmount: cad(50), milestoneId: 'ms_01J00000000000000000000001' }, { period: '2026-01', plannedAmount: cad(50), milestoneId: 'ms_01J00000000000000000000002' }] }, ids, NOW);
    assert.equal(two.lines.length, 2);
    assert.equal(createRevenueSchedule({ ...base, method: 'AS_INVOICED' }, ids, NOW).lines.length, 0);
    assert.equal(codeOf(() => createRevenueSchedule({ ...base, method: 'STRAIGHT_LINE', lines: [{ period: '2026-01', plannedAmount: cad(100) }], periods: { from: '2026-01', to: '2026-01' } }, ids, NOW)), 'BAD_USER_INPUT');
  });

  test('transitions, governing schedule and revenue account', () => {
    const s = schedule('MILESTONE', 'DRAFT');
    assert.equal(transitionRevenueSchedule(s, 'ACTIVATE', NOW).status, 'ACTIVE');
    assert.equal(codeOf(() => transitionRevenueSchedule(s, 'COMPLETE', NOW)), 'INVALID_TRANSITION');
    assert.equal(transitionRevenueSchedule(s, 'CANCEL', NOW).status, 'CANCELLED');
    const done = schedule('STRAIGHT_LINE', 'COMPLETED', '2026-01-01T00:00:00.000Z');
    const cancelled = schedule('AS_INVOICED', 'CANCELLED');
    const live = schedule('AS_INVOICED', 'ACTIVE');
    assert.equal(governingSchedule([done, cancelled]), done);
    assert.equal(governingSchedule([done, live]), live);
    assert.equal(governingSchedule([cancelled]), null);
    assert.equal(revenueAccountFor(null), '4000');
    assert.equal(revenueAccountFor(live), '4000');
    assert.equal(revenueAccountFor(done), '1150');
  });

  test('recognition: ACTIVE and not AS_INVOICED, once per line, within the allocation, at the posting-date rate', () => {
    const { schedule: draft, lines } = createRevenueSchedule({ projectId: PRJ, legalEntityId: 'le_us', performanceObligation: 'Run', method: 'STRAIGHT_LINE', allocatedAmount: cad(100000), periods: { from: '2026-01', to: '2026-02' } }, ids, NOW);
    assert.equal(codeOf(() => recognizeRevenue(draft, lines, { period: '2026-01' }, 'USD', '0.73', env())), 'INVALID_TRANSITION');
    const active = transitionRevenueSchedule(draft, 'ACTIVATE', NOW);
    assert.equal(codeOf(() => recognizeRevenue({ ...active, method: 'AS_INVOICED' }, lines, { period: '2026-01' }, 'USD', '0.73', env())), 'INVALID_TRANSITION');
    const r = recognizeRevenue(active, lines, { period: '2026-01' }, 'USD', '0.7300000000', env());
    assertBalanced(r.journal);
    assert.equal(r.journal.entry.postingDate, '2026-01-31');
    assert.deepEqual(sides(r.journal), [['1150', '36500', '0'], ['4000', '0', '36500']]);
    assert.deepEqual(r.journal.lines[1]?.transactionAmount, cad(50000));
    assert.deepEqual([r.line.status, r.line.recognizedAmount, r.schedule.version], ['RECOGNIZED', cad(50000), 3]);
    const after = lines.map((l) => (l.id === r.line.id ? r.line : l));
    assert.equal(codeOf(() => recognizeRevenue(r.schedule, after, { period: '2026-01' }, 'USD', '0.73', env())), 'INVALID_TRANSITION');
    assert.equal(codeOf(() => recognizeRevenue(r.schedule, after, { period: '2026-02', amount: cad(50001) }, 'USD', '0.73', env())), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => recognizeRevenue(r.schedule, after, { period: '2026-03' }, 'USD', '0.73', env())), 'BAD_USER_INPUT');
  });
});

describe('project margin', () => {
  test('margin, percent with two decimals, threshold comparison and representation checks', () => {
    assert.deepEqual(projectMargin(usd(200000), usd(150000), '30'), { revenue: usd(200000), cost: usd(150000), amount: usd(50000), percent: '25.00', belowThreshold: true });
    assert.equal(projectMargin(usd(300000), usd(200000), '33.33').belowThreshold, false);
    assert.deepEqual(projectMargin(usd(0), usd(100), '10'), { revenue: usd(0), cost: usd(100), amount: usd(-100), percent: null, belowThreshold: null });
    assert.equal(projectMargin(usd(100), usd(50), null).belowThreshold, null);
    assert.deepEqual(actualCostOf({ id: PRJ, currency: 'USD', actualCost: { amountMinor: '9007199254740993', currency: 'USD' } }), usd(9007199254740993n));
    assert.equal(codeOf(() => actualCostOf({ id: PRJ, currency: 'USD', actualCost: { amountMinor: '5', currency: 'CAD' } })), 'BAD_USER_INPUT');
    assert.equal(codeOf(() => actualCostOf({ id: PRJ })), 'BAD_USER_INPUT');
    // Projects withholds actual cost from callers who may not see costs: unknown, not an error.
    assert.equal(actualCostOf({ id: PRJ, currency: 'USD', actualCost: null }), null);
    assert.equal(actualCostOf({ id: PRJ, currency: 'USD' }), null);
    assert.equal(codeOf(() => actualCostOf({ id: PRJ, currency: 'USD', actualCost: { amountMinor: '1.5', currency: 'USD' } })), 'BAD_USER_INPUT');
    assert.deepEqual(recognizedRevenueIn(new Map([['USD', 5n], ['CAD', 9n]]), 'CAD'), cad(9));
    assert.deepEqual(recognizedRevenueIn(null, 'USD'), usd(0));
  });
});
