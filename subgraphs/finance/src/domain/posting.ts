import { DomainError, ErrorCode, invalidInput, requireId, requireLocalDate, requireText } from '../../../../platform/domain/index.js';
import { allocate, money, multiply, parseDecimal, sum, toDecimalString, zero, type Money } from '../../../../platform/money/index.js';
import { ACCOUNTS } from './chart.js';
import { digestOf } from './digest.js';
import { requireCurrencyCode } from './fx.js';
import { ID_PREFIX, type PostingEnv } from './ids.js';
import { buildJournalEntry, credit, debit, reverseJournal, type PostedJournal, type PostingLine } from './journal.js';
import { carryingAmount, settleReceivable } from './receivable.js';
import { revenueAccountFor } from './revenue.js';
import type { CustomerFinancial, JournalEntry, JournalLine, LegalEntity, Receivable, ReceivableApplication, RevenueSchedule } from './types.js';

/** One invoice or credit memo line as the ledger needs it: the project and its net and tax amounts. */
export interface LedgerLine {
  projectId: string;
  netAmount: Money;
  taxAmount: Money;
}

/** An issued invoice to post. */
export interface InvoicePostingInput {
  invoiceId: string;
  invoiceNumber: string;
  legalEntityId: string;
  crmAccountId: string;
  currency: string;
  documentDate: string;
  dueDate: string;
  lines: readonly LedgerLine[];
}

/** An issued credit memo to post against its invoice's receivable. */
export interface CreditMemoPostingInput {
  creditMemoId: string;
  creditMemoNumber: string;
  invoiceId: string;
  documentDate: string;
  lines: readonly LedgerLine[];
}

/** Net amounts a posting recognized (positive) or gave back (negative) through AS_INVOICED schedules. */
export interface AsInvoicedRevenue {
  schedule: RevenueSchedule;
  /** Accounting period of the line the amount belongs to. */
  period: string;
  amount: Money;
}

const MAX_LINES = 5000;

function validateLines(lines: readonly LedgerLine[], currency: string | null): LedgerLine[] {
  if (!Array.isArray(lines) || lines.length === 0) throw invalidInput('lines', 'must have at least one line');
  if (lines.length > MAX_LINES) throw invalidInput('lines', `must have at most ${MAX_LINES} lines`);
  return lines.map((l, i) => {
    const f = `lines[${i}]`;
    const projectId = requireId(`${f}.projectId`, l.projectId, 'prj');
    for (const [name, m] of [['netAmount', l.netAmount], ['taxAmount', l.taxAmount]] as const) {
      if (currency !== null && m.currency !== currency) throw invalidInput(`${f}.${name}`, `must be in the document currency ${currency}, not ${m.currency}`);
      if (m.amountMinor < 0n) throw invalidInput(`${f}.${name}`, 'must not be negative');
    }
    return { projectId, netAmount: l.netAmount, taxAmount: l.taxAmount };
  });
}

/** Σ (net + tax) of document lines. */
export function documentTotal(lines: readonly LedgerLine[], currency: string): Money {
  return sum(lines.flatMap((l) => [l.netAmount, l.taxAmount]), currency);
}

/** Validates an invoice posting: ids, dates, one currency, non-negative amounts and a positive total. */
export function validateInvoicePosting(input: InvoicePostingInput): InvoicePostingInput {
  const currency = requireCurrencyCode('currency', input.currency);
  const documentDate = requireLocalDate('documentDate', input.documentDate);
  const dueDate = requireLocalDate('dueDate', input.dueDate);
  if (dueDate < documentDate) throw invalidInput('dueDate', `must not be before the document date ${documentDate}`);
  const lines = validateLines(input.lines, currency);
  if (documentTotal(lines, currency).amountMinor <= 0n) throw invalidInput('lines', 'the invoice total must be greater than zero');
  return {
    invoiceId: requireId('invoiceId', input.invoiceId, 'inv'),
    invoiceNumber: requireText('invoiceNumber', input.invoiceNumber, 50),
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    crmAccountId: requireId('crmAccountId', input.crmAccountId, 'acc'),
    currency,
    documentDate,
    dueDate,
    lines,
  };
}

/** Validates a credit memo posting (currency is checked against the receivable when posting). */
export function validateCreditMemoPosting(input: CreditMemoPostingInput): CreditMemoPostingInput {
  const lines = validateLines(input.lines, input.lines[0]?.netAmount.currency ?? null);
  return {
    creditMemoId: requireId('creditMemoId', input.creditMemoId, 'cm'),
    creditMemoNumber: requireText('creditMemoNumber', input.creditMemoNumber, 50),
    invoiceId: requireId('invoiceId', input.invoiceId, 'inv'),
    documentDate: requireLocalDate('documentDate', input.documentDate),
    lines,
  };
}

const lineFacts = (lines: readonly LedgerLine[]) => lines.map((l) => [l.projectId, l.netAmount.amountMinor, l.taxAmount.amountMinor, l.netAmount.currency]);

/** Digest of an invoice posting's content, to tell a replay from a different invoice reusing the id. */
export function invoiceDigest(input: InvoicePostingInput): string {
  const { lines, ...header } = input;
  return digestOf({ kind: 'INVOICE', ...header, lines: lineFacts(lines) });
}

/** Digest of a credit memo posting's content. */
export function creditMemoDigest(input: CreditMemoPostingInput): string {
  const { lines, ...header } = input;
  return digestOf({ kind: 'CREDIT_MEMO', ...header, lines: lineFacts(lines) });
}

/**
 * Decides what a repeated posting of the same document means: the same content returns what was posted;
 * different content under the same id is a CONFLICT (the id is the idempotency key).
 */
export function requireSamePosting(kind: 'Invoice' | 'Credit memo', id: string, postedDigest: string | null, digest: string): void {
  if (postedDigest !== digest) {
    throw new DomainError(ErrorCode.CONFLICT, `${kind} ${id} was already posted with different content; post a credit memo or a new document instead`, {
      entity: kind === 'Invoice' ? 'Invoice' : 'CreditMemo', id,
    });
  }
}

/** Functional amounts of each line's net and tax, allocated so they add up exactly to `total`. */
function splitByLines(total: Money, lines: readonly LedgerLine[]): Array<{ net: Money; tax: Money }> {
  const parts = allocate(total, lines.flatMap((l) => [l.netAmount.amountMinor, l.taxAmount.amountMinor]));
  return lines.map((_, i) => ({ net: parts[2 * i] as Money, tax: parts[2 * i + 1] as Money }));
}

function asInvoicedByProject(
  lines: readonly LedgerLine[],
  schedules: ReadonlyMap<string, RevenueSchedule>,
  period: string,
  sign: 1n | -1n,
): AsInvoicedRevenue[] {
  const byProject = new Map<string, AsInvoicedRevenue>();
  for (const l of lines) {
    const schedule = schedules.get(l.projectId);
    if (!schedule || schedule.method !== 'AS_INVOICED') continue;
    if (schedule.allocatedAmount.currency !== l.netAmount.currency) {
      throw invalidInput('currency', `project ${l.projectId} recognizes revenue in ${schedule.allocatedAmount.currency}; the document is in ${l.netAmount.currency}`);
    }
    const prev = byProject.get(l.projectId);
    const amount = money((prev?.amount.amountMinor ?? 0n) + sign * l.netAmount.amountMinor, l.netAmount.currency);
    byProject.set(l.projectId, { schedule, period, amount });
  }
  return [...byProject.values()].filter((a) => a.amount.amountMinor !== 0n);
}

/** Everything posting an invoice writes. */
export interface InvoicePosting {
  receivable: Receivable;
  journal: PostedJournal;
  asInvoiced: AsInvoicedRevenue[];
}

/** What posting an invoice reads. */
export interface InvoicePostingContext {
  customer: CustomerFinancial;
  legalEntity: LegalEntity;
  /** Invoice currency → functional currency on the document date. */
  fxRate: string;
  /** Governing revenue schedule per project (projects without one are absent). */
  schedules: ReadonlyMap<string, RevenueSchedule>;
}

/**
 * Posts an invoice: a receivable for its total, and a journal in functional currency at the document-date rate —
 * Dr receivables; Cr revenue (or contract asset when a schedule recognizes the project's revenue) per line net,
 * Cr sales tax per line tax, the credits allocated by largest remainder so they sum exactly to the debit.
 */
export function postInvoice(input: InvoicePostingInput, ctx: InvoicePostingContext, env: PostingEnv): InvoicePosting {
  const { customer, legalEntity } = ctx;
  if (customer.status === 'BLOCKED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Customer ${customer.customerNumber} is BLOCKED; no invoice can be posted to it`, {
      entity: 'CustomerFinancial', id: customer.id, from: customer.status,
    });
  }
  const functional = legalEntity.functionalCurrency;
  const original = documentTotal(input.lines, input.currency);
  const functionalOriginal = multiply(original, parseDecimal(ctx.fxRate), functional);
  if (functionalOriginal.amountMinor <= 0n) throw invalidInput('lines', `the invoice total is less than one minor unit of ${functional}`);
  const txn = (m: Money): Money | null => (m.currency === functional ? null : m);
  const shares = splitByLines(functionalOriginal, input.lines);
  const postingLines: PostingLine[] = [
    debit(ACCOUNTS.RECEIVABLES, functionalOriginal, { transactionAmount: txn(original), customerFinancialId: customer.id, memo: `Invoice ${input.invoiceNumber}` }),
  ];
  input.lines.forEach((l, i) => {
    const share = shares[i] as { net: Money; tax: Money };
    const account = revenueAccountFor(ctx.schedules.get(l.projectId) ?? null);
    postingLines.push(credit(account, share.net, {
      transactionAmount: account === ACCOUNTS.REVENUE ? l.netAmount : txn(l.netAmount),
      projectId: l.projectId,
    }));
    postingLines.push(credit(ACCOUNTS.SALES_TAX, share.tax, { transactionAmount: txn(l.taxAmount) }));
  });
  const journal = buildJournalEntry(
    {
      legalEntityId: legalEntity.id,
      functionalCurrency: functional,
      postingDate: input.documentDate,
      sourceType: 'INVOICE',
      sourceId: input.invoiceId,
      description: `Invoice ${input.invoiceNumber} to customer ${customer.customerNumber}`,
      sourceDigest: invoiceDigest(input),
      lines: postingLines,
    },
    env,
  );
  const receivable: Receivable = {
    id: env.ids(ID_PREFIX.receivable),
    version: 1,
    documentType: 'INVOICE',
    invoiceId: input.invoiceId,
    invoiceNumber: input.invoiceNumber,
    customerFinancialId: customer.id,
    legalEntityId: legalEntity.id,
    projectIds: [...new Set(input.lines.map((l) => l.projectId))],
    currency: input.currency,
    originalAmount: original,
    openAmount: original,
    functionalOriginal,
    functionalOpen: functionalOriginal,
    fxRate: ctx.fxRate,
    documentDate: input.documentDate,
    dueDate: input.dueDate,
    status: 'OPEN',
    closedAt: null,
    journalEntryId: journal.entry.id,
    createdAt: env.now,
    updatedAt: env.now,
  };
  return { receivable, journal, asInvoiced: asInvoicedByProject(input.lines, ctx.schedules, input.documentDate.slice(0, 7), 1n) };
}

/** Everything posting a credit memo writes. */
export interface CreditMemoPosting {
  receivable: Receivable;
  application: ReceivableApplication;
  journal: PostedJournal;
  asInvoiced: AsInvoicedRevenue[];
}

/** What posting a credit memo reads. */
export interface CreditMemoPostingContext {
  receivable: Receivable;
  customer: CustomerFinancial;
  /** Governing revenue schedule per project. */
  schedules: ReadonlyMap<string, RevenueSchedule>;
  /** True when a live payment is applied to the receivable (decides PAID vs CREDITED when it closes). */
  livePayment: boolean;
}

/**
 * Posts a credit memo against its invoice's receivable: the open amount goes down by the credit (never below
 * zero: crediting more than is open would need a refund), and a journal reverses revenue (or contract asset) and
 * tax at the invoice rate — Cr receivables by the carrying amount removed, the debits allocated to match exactly.
 */
export function postCreditMemo(input: CreditMemoPostingInput, ctx: CreditMemoPostingContext, env: PostingEnv): CreditMemoPosting {
  const { receivable, customer } = ctx;
  if (receivable.status === 'VOID' || receivable.status === 'WRITTEN_OFF') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Receivable of invoice ${receivable.invoiceNumber} is ${receivable.status}; it cannot be credited`, {
      entity: 'Receivable', id: receivable.id, from: receivable.status,
    });
  }
  const currency = receivable.currency;
  input.lines.forEach((l, i) => {
    if (l.netAmount.currency !== currency) throw invalidInput(`lines[${i}].netAmount`, `must be in the invoice currency ${currency}, not ${l.netAmount.currency}`);
    if (l.taxAmount.currency !== currency) throw invalidInput(`lines[${i}].taxAmount`, `must be in the invoice currency ${currency}, not ${l.taxAmount.currency}`);
  });
  const creditTotal = documentTotal(input.lines, currency);
  if (creditTotal.amountMinor <= 0n) throw invalidInput('lines', 'the credit total must be greater than zero');
  if (creditTotal.amountMinor > receivable.openAmount.amountMinor) {
    throw invalidInput('lines', `the credit of ${toDecimalString(creditTotal)} ${currency} exceeds the ${toDecimalString(receivable.openAmount)} ${currency} still open; crediting more than is open needs a refund, which is not supported`, {
      creditMinor: creditTotal.amountMinor.toString(), openMinor: receivable.openAmount.amountMinor.toString(),
    });
  }
  const carrying = carryingAmount(receivable, creditTotal);
  const functional = carrying.currency;
  if (carrying.amountMinor === 0n) throw invalidInput('lines', `the credit is less than one minor unit of ${functional}`);
  const txn = (m: Money): Money | null => (m.currency === functional ? null : m);
  const shares = splitByLines(carrying, input.lines);
  const postingLines: PostingLine[] = [
    credit(ACCOUNTS.RECEIVABLES, carrying, { transactionAmount: txn(creditTotal), customerFinancialId: customer.id, memo: `Credit memo ${input.creditMemoNumber}` }),
  ];
  input.lines.forEach((l, i) => {
    const share = shares[i] as { net: Money; tax: Money };
    const account = revenueAccountFor(ctx.schedules.get(l.projectId) ?? null);
    postingLines.push(debit(account, share.net, {
      transactionAmount: account === ACCOUNTS.REVENUE ? l.netAmount : txn(l.netAmount),
      projectId: l.projectId,
    }));
    postingLines.push(debit(ACCOUNTS.SALES_TAX, share.tax, { transactionAmount: txn(l.taxAmount) }));
  });
  const journal = buildJournalEntry(
    {
      legalEntityId: receivable.legalEntityId,
      functionalCurrency: functional,
      postingDate: input.documentDate,
      sourceType: 'CREDIT_MEMO',
      sourceId: input.creditMemoId,
      description: `Credit memo ${input.creditMemoNumber} on invoice ${receivable.invoiceNumber}`,
      sourceDigest: creditMemoDigest(input),
      lines: postingLines,
    },
    env,
  );
  const application: ReceivableApplication = {
    id: env.ids(ID_PREFIX.application),
    receivableId: receivable.id,
    kind: 'CREDIT_MEMO',
    sourceId: input.creditMemoId,
    appliedAmount: creditTotal,
    functionalApplied: carrying,
    appliedOn: input.documentDate,
    fxGainLoss: null,
    reversedAt: null,
    createdAt: env.now,
  };
  return {
    receivable: settleReceivable(receivable, creditTotal, carrying, ctx.livePayment, env.now),
    application,
    journal,
    asInvoiced: asInvoicedByProject(input.lines, ctx.schedules, input.documentDate.slice(0, 7), -1n),
  };
}

/** Everything voiding an invoice writes. */
export interface InvoiceVoid {
  receivable: Receivable;
  reversal: PostedJournal;
  /** The invoice journal, now REVERSED. */
  original: JournalEntry;
  /** Revenue the invoice booked per project (to give back on AS_INVOICED schedules), in the invoice currency. */
  revenueByProject: Map<string, Money>;
}

/**
 * Voids a posted invoice's receivable while nothing is applied to it: a reversing journal (every line swapped),
 * the invoice journal marked REVERSED, and the receivable VOID with nothing open. With any payment or credit
 * applied the invoice can only be credited (INVALID_TRANSITION).
 */
export function voidReceivable(
  receivable: Receivable,
  journal: JournalEntry,
  journalLines: readonly JournalLine[],
  postingDate: string,
  env: PostingEnv,
): InvoiceVoid {
  if (receivable.status !== 'OPEN' || receivable.openAmount.amountMinor !== receivable.originalAmount.amountMinor) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `Invoice ${receivable.invoiceNumber} has payments or credits applied (receivable ${receivable.status}); it cannot be voided, use a credit memo`,
      { entity: 'Receivable', id: receivable.id, from: receivable.status },
    );
  }
  const { reversal, original } = reverseJournal(journal, journalLines, postingDate, `Void of invoice ${receivable.invoiceNumber}`, env);
  const revenueByProject = new Map<string, Money>();
  for (const l of journalLines) {
    if (l.accountCode !== ACCOUNTS.REVENUE || !l.projectId || !l.transactionAmount) continue;
    const signed = l.credit.amountMinor > 0n ? l.transactionAmount.amountMinor : -l.transactionAmount.amountMinor;
    const prev = revenueByProject.get(l.projectId)?.amountMinor ?? 0n;
    revenueByProject.set(l.projectId, money(prev + signed, l.transactionAmount.currency));
  }
  const voided: Receivable = {
    ...receivable,
    version: receivable.version + 1,
    status: 'VOID',
    openAmount: zero(receivable.currency),
    functionalOpen: zero(receivable.functionalOpen.currency),
    closedAt: env.now,
    updatedAt: env.now,
  };
  return { receivable: voided, reversal, original, revenueByProject };
}
