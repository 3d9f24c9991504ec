import { DomainError, ErrorCode, invalidInput, optionalText, requireId, requireLocalDate, requireText } from '../../../../platform/domain/index.js';
import { allocate, multiply, parseDecimal, subtract, sum, toDecimalString, type Money } from '../../../../platform/money/index.js';
import { ACCOUNTS } from './chart.js';
import { ID_PREFIX, type PostingEnv } from './ids.js';
import { buildJournalEntry, credit, debit, reverseJournal, signedLine, type PostedJournal, type PostingLine } from './journal.js';
import { carryingAmount, restoreReceivable, settleReceivable, SETTLEABLE } from './receivable.js';
import type { CustomerFinancial, JournalEntry, JournalLine, LegalEntity, Payment, PaymentMethod, PaymentStatus, Receivable, ReceivableApplication } from './types.js';

const METHODS: readonly PaymentMethod[] = ['BANK_TRANSFER', 'CARD', 'CHECK', 'DIRECT_DEBIT', 'OTHER'];
const MAX_APPLICATIONS = 1000;

/** One application of a payment as entered. */
export interface PaymentApplicationInput {
  receivableId: string;
  amount: Money;
}

/** A payment as entered. */
export interface PaymentInput {
  customerFinancialId: string;
  receivedDate: string;
  amount: Money;
  method: PaymentMethod;
  bankReference?: string | null;
  applications?: readonly PaymentApplicationInput[] | null;
}

/**
 * Validates a payment on its own: positive amount, applications positive, in the payment currency, each
 * receivable at most once, and together no more than the amount (the rest stays unapplied).
 */
export function validatePayment(input: PaymentInput): PaymentInput & { bankReference: string | null; applications: PaymentApplicationInput[] } {
  const amount = input.amount;
  if (amount.amountMinor <= 0n) throw invalidInput('amount', 'must be greater than zero');
  if (!METHODS.includes(input.method)) throw invalidInput('method', `must be one of ${METHODS.join(', ')}`);
  const applications = input.applications ?? [];
  if (applications.length > MAX_APPLICATIONS) throw invalidInput('applications', `must have at most ${MAX_APPLICATIONS} entries`);
  const seen = new Set<string>();
  const apps = applications.map((a, i) => {
    const receivableId = requireId(`applications[${i}].receivableId`, a.receivableId, 'ar');
    if (seen.has(receivableId)) throw invalidInput(`applications[${i}].receivableId`, `receivable ${receivableId} is applied more than once`);
    seen.add(receivableId);
    if (a.amount.currency !== amount.currency) throw invalidInput(`applications[${i}].amount`, `must be in the payment currency ${amount.currency}, not ${a.amount.currency}`);
    if (a.amount.amountMinor <= 0n) throw invalidInput(`applications[${i}].amount`, 'must be greater than zero');
    return { receivableId, amount: a.amount };
  });
  const applied = sum(apps.map((a) => a.amount), amount.currency);
  if (applied.amountMinor > amount.amountMinor) {
    throw invalidInput('applications', `apply ${toDecimalString(applied)} ${amount.currency} in total, more than the ${toDecimalString(amount)} ${amount.currency} received`);
  }
  return {
    customerFinancialId: requireId('customerFinancialId', input.customerFinancialId, 'cf'),
    receivedDate: requireLocalDate('receivedDate', input.receivedDate),
    amount,
    method: input.method,
    bankReference: optionalText('bankReference', input.bankReference, 100),
    applications: apps,
  };
}

/** Allocation state of a payment from what is left unapplied. */
export function paymentStatus(amount: Money, unapplied: Money): PaymentStatus {
  if (unapplied.amountMinor === 0n) return 'APPLIED';
  return unapplied.amountMinor === amount.amountMinor ? 'RECEIVED' : 'PARTIALLY_APPLIED';
}

/** What recording a payment reads. */
export interface PaymentContext {
  customer: CustomerFinancial;
  legalEntity: LegalEntity;
  /** Payment currency → functional currency on the received date. */
  fxRate: string;
  /** The receivables named by the applications, by id (missing ones are an input error). */
  receivables: ReadonlyMap<string, Receivable>;
}

/** Everything recording a payment writes. */
export interface PaymentRecording {
  payment: Payment;
  applications: ReceivableApplication[];
  receivables: Receivable[];
  journal: PostedJournal;
}

/**
 * Records a payment and applies it. The functional amount (at the received-date rate) is split by largest
 * remainder over the applications and the unapplied rest; each application removes its carrying amount from the
 * receivable (at the invoice rate, or everything left when it closes it), and the difference between what the
 * payment brought in functional currency and what it removed is the realised FX gain (positive) or loss.
 * Journal: Dr cash; Cr receivables per application; Cr/Dr FX gain/loss; Cr unapplied cash.
 */
export function recordPayment(input: ReturnType<typeof validatePayment>, ctx: PaymentContext, env: PostingEnv): PaymentRecording {
  const { customer, legalEntity } = ctx;
  const functional = legalEntity.functionalCurrency;
  const amount = input.amount;
  const functionalAmount = multiply(amount, parseDecimal(ctx.fxRate), functional);
  if (functionalAmount.amountMinor <= 0n) throw invalidInput('amount', `is less than one minor unit of ${functional}`);
  const targets = input.applications.map((a, i) => {
    const f = `applications[${i}]`;
    const r = ctx.receivables.get(a.receivableId);
    if (!r) throw invalidInput(`${f}.receivableId`, `receivable ${a.receivableId} does not exist`);
    if (r.customerFinancialId !== customer.id) throw invalidInput(`${f}.receivableId`, `receivable ${r.id} belongs to another customer`);
    if (r.currency !== amount.currency) throw invalidInput(`${f}.amount`, `receivable ${r.id} is in ${r.currency}, the payment in ${amount.currency}`);
    if (!SETTLEABLE.includes(r.status)) throw invalidInput(`${f}.receivableId`, `receivable of invoice ${r.invoiceNumber} is ${r.status}; only OPEN or PARTIALLY_PAID receivables take payments`);
    if (a.amount.amountMinor > r.openAmount.amountMinor) {
      throw invalidInput(`${f}.amount`, `${toDecimalString(a.amount)} ${r.currency} is more than the ${toDecimalString(r.openAmount)} ${r.currency} open on invoice ${r.invoiceNumber}`);
    }
    return { r, applied: a.amount };
  });
  const unapplied = subtract(amount, sum(targets.map((t) => t.applied), amount.currency));
  const shares = allocate(functionalAmount, [...targets.map((t) => t.applied.amountMinor), unapplied.amountMinor]);
  const paymentId = env.ids(ID_PREFIX.payment);
  const txn = (m: Money): Money | null => (m.currency === functional ? null : m);
  const lines: PostingLine[] = [debit(ACCOUNTS.CASH, functionalAmount, { transactionAmount: txn(amount), customerFinancialId: customer.id })];
  const applications: ReceivableApplication[] = [];
  const receivables: Receivable[] = [];
  targets.forEach(({ r, applied }, i) => {
    const carrying = carryingAmount(r, applied);
    const gain = subtract(shares[i] as Money, carrying);
    lines.push(credit(ACCOUNTS.RECEIVABLES, carrying, { transactionAmount: txn(applied), customerFinancialId: customer.id, memo: `Invoice ${r.invoiceNumber}` }));
    lines.push(signedLine(ACCOUNTS.FX_GAIN_LOSS, gain, 'CREDIT', { memo: `Invoice ${r.invoiceNumber}` }));
    applications.push({
      id: env.ids(ID_PREFIX.application),
      receivableId: r.id,
      kind: 'PAYMENT',
      sourceId: paymentId,
      appliedAmount: applied,
      functionalApplied: carrying,
      appliedOn: input.receivedDate,
      fxGainLoss: amount.currency === functional ? null : gain,
      reversedAt: null,
      createdAt: env.now,
    });
    receivables.push(settleReceivable(r, applied, carrying, true, env.now));
  });
  lines.push(credit(ACCOUNTS.UNAPPLIED_CASH, shares[shares.length - 1] as Money, { transactionAmount: txn(unapplied), customerFinancialId: customer.id }));
  const journal = buildJournalEntry(
    {
      legalEntityId: legalEntity.id,
      functionalCurrency: functional,
      postingDate: input.receivedDate,
      sourceType: 'PAYMENT',
      sourceId: paymentId,
      description: `Payment from customer ${customer.customerNumber}${input.bankReference ? ` (${input.bankReference})` : ''}`,
      lines,
    },
    env,
  );
  const payment: Payment = {
    id: paymentId,
    version: 1,
    customerFinancialId: customer.id,
    legalEntityId: legalEntity.id,
    receivedDate: input.receivedDate,
    amount,
    functionalAmount,
    fxRate: ctx.fxRate,
    method: input.method,
    bankReference: input.bankReference,
    status: paymentStatus(amount, unapplied),
    unappliedAmount: unapplied,
    journalEntryId: journal.entry.id,
    reversedAt: null,
    reversalReason: null,
    createdAt: env.now,
    updatedAt: env.now,
  };
  return { payment, applications, receivables, journal };
}

/** What reversing a payment reads. */
export interface PaymentReversalContext {
  journal: JournalEntry;
  journalLines: readonly JournalLine[];
  /** The payment's applications that are still live. */
  applications: readonly ReceivableApplication[];
  /** Receivables of those applications, by id. */
  receivables: ReadonlyMap<string, Receivable>;
  /** Receivables that keep another live payment after this reversal (PAID vs CREDITED). */
  otherLivePayment: ReadonlySet<string>;
}

/** Everything reversing a payment writes. */
export interface PaymentReversal {
  payment: Payment;
  applications: ReceivableApplication[];
  receivables: Receivable[];
  reversal: PostedJournal;
  original: JournalEntry;
}

/**
 * Reverses a payment (bounced, recalled): a reversing journal, every live application undone with its receivable
 * re-opened by the applied and carrying amounts, and the payment REVERSED with its reason.
 */
export function reversePayment(payment: Payment, reason: string, postingDate: string, ctx: PaymentReversalContext, env: PostingEnv): PaymentReversal {
  if (payment.status === 'REVERSED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Payment ${payment.id} is already REVERSED`, { entity: 'Payment', id: payment.id, from: payment.status });
  }
  const why = requireText('reason', reason, 500);
  const { reversal, original } = reverseJournal(ctx.journal, ctx.journalLines, postingDate, `Reversal of payment ${payment.id}: ${why}`, env);
  const applications = ctx.applications.map((a) => ({ ...a, reversedAt: env.now }));
  const receivables = ctx.applications.map((a) => {
    const r = ctx.receivables.get(a.receivableId);
    if (!r) throw new Error(`Receivable ${a.receivableId} of payment ${payment.id} is missing`);
    return restoreReceivable(r, a.appliedAmount, a.functionalApplied, ctx.otherLivePayment.has(r.id), env.now);
  });
  return {
    payment: { ...payment, version: payment.version + 1, status: 'REVERSED', reversedAt: env.now, reversalReason: why, updatedAt: env.now },
    applications,
    receivables,
    reversal,
    original,
  };
}
