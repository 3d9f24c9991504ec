import {
  DomainError, ErrorCode, invalidInput, optionalText, periodOf, requireId, requireLocalDate, requireText,
} from '../../../../platform/domain/index.js';
import { money, toDecimalString, zero, type Money } from '../../../../platform/money/index.js';
import { ACCOUNTS, requireAccountCode, type AccountCode } from './chart.js';
import { ID_PREFIX, type PostingEnv } from './ids.js';
import type { JournalEntry, JournalLine, JournalSource } from './types.js';

/** Side of a journal line. */
export type Side = 'DEBIT' | 'CREDIT';

/** One line to post, before numbering: a functional amount on one side of one account. */
export interface PostingLine {
  accountCode: AccountCode;
  side: Side;
  /** Functional-currency amount, not negative; lines of zero are left out of the entry. */
  amount: Money;
  /** The same amount in the transaction currency, on the same side (mandatory on revenue lines). */
  transactionAmount?: Money | null;
  projectId?: string | null;
  customerFinancialId?: string | null;
  memo?: string | null;
}

/** What a journal entry records, before it gets its id, number and line ids. */
export interface JournalSpec {
  legalEntityId: string;
  /** The legal entity's functional currency: every line amount is in it. */
  functionalCurrency: string;
  postingDate: string;
  sourceType: JournalSource;
  /** Source document; null for a manual entry, which is its own source. */
  sourceId: string | null;
  description: string;
  reversalOfId?: string | null;
  sourceDigest?: string | null;
  lines: readonly PostingLine[];
}

/** A journal entry with its lines, as written together. */
export interface PostedJournal {
  entry: JournalEntry;
  lines: JournalLine[];
}

/**
 * Raised when code tries to post an entry that does not balance or mixes currencies. It is never a user error:
 * every entry the ledger builds balances by construction, so this is a bug and must stop the transaction.
 */
export class UnbalancedJournalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnbalancedJournalError';
  }
}

/** A debit line. */
export function debit(accountCode: AccountCode, amount: Money, extra: Omit<PostingLine, 'accountCode' | 'side' | 'amount'> = {}): PostingLine {
  return { accountCode, side: 'DEBIT', amount, ...extra };
}

/** A credit line. */
export function credit(accountCode: AccountCode, amount: Money, extra: Omit<PostingLine, 'accountCode' | 'side' | 'amount'> = {}): PostingLine {
  return { accountCode, side: 'CREDIT', amount, ...extra };
}

/** A line for a signed amount: positive goes on `positiveSide`, negative on the other side as its absolute value. */
export function signedLine(accountCode: AccountCode, amount: Money, positiveSide: Side, extra: Omit<PostingLine, 'accountCode' | 'side' | 'amount'> = {}): PostingLine {
  const negative = amount.amountMinor < 0n;
  const side: Side = negative ? (positiveSide === 'DEBIT' ? 'CREDIT' : 'DEBIT') : positiveSide;
  return { accountCode, side, amount: negative ? money(-amount.amountMinor, amount.currency) : amount, ...extra };
}

/** Journal number from the legal entity's sequence: `JE-00000042`. */
export function journalNumber(sequence: bigint | number): string {
  return `JE-${sequence.toString().padStart(8, '0')}`;
}

/**
 * Builds a POSTED journal entry from its lines. Zero lines are dropped; every remaining line must be in the
 * functional currency with a non-negative amount, revenue lines must carry their transaction amount, and
 * Σ debits must equal Σ credits to the minor unit — otherwise `UnbalancedJournalError` (a programming error).
 */
export function buildJournalEntry(spec: JournalSpec, env: PostingEnv): PostedJournal {
  const currency = spec.functionalCurrency;
  const id = env.ids(ID_PREFIX.journalEntry);
  let totalDebit = 0n;
  let totalCredit = 0n;
  const lines: JournalLine[] = [];
  for (const line of spec.lines) {
    if (line.amount.currency !== currency) {
      throw new UnbalancedJournalError(`Journal line on ${line.accountCode} is in ${line.amount.currency}, not the functional currency ${currency}`);
    }
    if (line.amount.amountMinor < 0n) throw new UnbalancedJournalError(`Journal line on ${line.accountCode} has a negative amount`);
    if (line.amount.amountMinor === 0n) continue;
    if (line.accountCode === ACCOUNTS.REVENUE && !line.transactionAmount) {
      throw new UnbalancedJournalError('Revenue lines must carry their transaction amount');
    }
    if (line.transactionAmount && line.transactionAmount.amountMinor < 0n) {
      throw new UnbalancedJournalError(`Journal line on ${line.accountCode} has a negative transaction amount`);
    }
    if (line.side === 'DEBIT') totalDebit += line.amount.amountMinor;
    else totalCredit += line.amount.amountMinor;
    lines.push({
      id: env.ids(ID_PREFIX.journalLine),
      journalEntryId: id,
      lineNo: lines.length + 1,
      accountCode: line.accountCode,
      debit: line.side === 'DEBIT' ? line.amount : zero(currency),
      credit: line.side === 'CREDIT' ? line.amount : zero(currency),
      transactionAmount: line.transactionAmount ?? null,
      projectId: line.projectId ?? null,
      customerFinancialId: line.customerFinancialId ?? null,
      memo: line.memo ?? null,
    });
  }
  if (totalDebit !== totalCredit) {
    throw new UnbalancedJournalError(
      `Journal for ${spec.sourceType} ${spec.sourceId ?? id} does not balance: debits ${toDecimalString(money(totalDebit, currency))}, credits ${toDecimalString(money(totalCredit, currency))} ${currency}`,
    );
  }
  if (totalDebit === 0n) throw new UnbalancedJournalError(`Journal for ${spec.sourceType} ${spec.sourceId ?? id} has no amounts`);
  const entry: JournalEntry = {
    id,
    legalEntityId: spec.legalEntityId,
    number: env.journalNumber,
    postingDate: spec.postingDate,
    period: periodOf(spec.postingDate),
    sourceType: spec.sourceType,
    sourceId: spec.sourceId ?? id,
    status: 'POSTED',
    reversalOfId: spec.reversalOfId ?? null,
    description: spec.description,
    currency,
    sourceDigest: spec.sourceDigest ?? null,
    totalDebit: money(totalDebit, currency),
    totalCredit: money(totalCredit, currency),
    createdAt: env.now,
  };
  return { entry, lines };
}

/**
 * Reverses a POSTED entry: a new POSTED entry (source REVERSAL, same source document, `reversalOfId` = original)
 * with every line on the other side, and the original marked REVERSED. Posted entries are never edited otherwise.
 */
export function reverseJournal(
  original: JournalEntry,
  originalLines: readonly JournalLine[],
  postingDate: string,
  description: string,
  env: PostingEnv,
): { reversal: PostedJournal; original: JournalEntry } {
  if (original.status !== 'POSTED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Journal entry ${original.number} is ${original.status} and cannot be reversed again`, {
      entity: 'JournalEntry', id: original.id, from: original.status,
    });
  }
  requireLocalDate('postingDate', postingDate);
  if (postingDate < original.postingDate) throw invalidInput('postingDate', `must not be before the original posting date ${original.postingDate}`);
  const lines = [...originalLines]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map((l): PostingLine => ({
      accountCode: l.accountCode as AccountCode,
      side: l.debit.amountMinor > 0n ? 'CREDIT' : 'DEBIT',
      amount: l.debit.amountMinor > 0n ? l.debit : l.credit,
      transactionAmount: l.transactionAmount,
      projectId: l.projectId,
      customerFinancialId: l.customerFinancialId,
      memo: l.memo,
    }));
  const reversal = buildJournalEntry(
    {
      legalEntityId: original.legalEntityId,
      functionalCurrency: original.currency,
      postingDate,
      sourceType: 'REVERSAL',
      sourceId: original.sourceId,
      description,
      reversalOfId: original.id,
      lines,
    },
    env,
  );
  return { reversal, original: { ...original, status: 'REVERSED' } };
}

/** One line of a manual journal as entered: amounts in minor units of the functional currency. */
export interface ManualJournalLineInput {
  accountCode: string;
  debitMinor?: string | null;
  creditMinor?: string | null;
  projectId?: string | null;
  memo?: string | null;
}

/** A manual journal as entered. */
export interface ManualJournalInput {
  legalEntityId: string;
  postingDate: string;
  description: string;
  lines: readonly ManualJournalLineInput[];
}

const MINOR = /^(?:0|[1-9]\d{0,17})$/;
const MAX_MANUAL_LINES = 500;

function minorAmount(field: string, value: string | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value !== 'string' || !MINOR.test(value)) throw invalidInput(field, 'must be a non-negative whole number of minor units (at most 18 digits)');
  return BigInt(value);
}

/**
 * Validates a manual journal and turns it into a spec: at least two lines, known accounts, exactly one of debit
 * and credit per line, and Σ debits = Σ credits (a client error here, reported with both totals).
 * Revenue lines carry their amount as transaction amount, so recognized revenue stays readable per project.
 */
export function manualJournalSpec(input: ManualJournalInput, functionalCurrency: string): JournalSpec {
  const postingDate = requireLocalDate('postingDate', input.postingDate);
  const description = requireText('description', input.description, 500);
  if (!Array.isArray(input.lines) || input.lines.length < 2) throw invalidInput('lines', 'must have at least two lines');
  if (input.lines.length > MAX_MANUAL_LINES) throw invalidInput('lines', `must have at most ${MAX_MANUAL_LINES} lines`);
  let totalDebit = 0n;
  let totalCredit = 0n;
  const lines = input.lines.map((l, i): PostingLine => {
    const f = `lines[${i}]`;
    const accountCode = requireAccountCode(`${f}.accountCode`, l.accountCode);
    const d = minorAmount(`${f}.debitMinor`, l.debitMinor);
    const c = minorAmount(`${f}.creditMinor`, l.creditMinor);
    if ((d > 0n) === (c > 0n)) throw invalidInput(f, 'must have exactly one of debitMinor and creditMinor greater than zero');
    totalDebit += d;
    totalCredit += c;
    const amount = money(d > 0n ? d : c, functionalCurrency);
    return {
      accountCode,
      side: d > 0n ? 'DEBIT' : 'CREDIT',
      amount,
      transactionAmount: accountCode === ACCOUNTS.REVENUE ? amount : null,
      projectId: l.projectId ? requireId(`${f}.projectId`, l.projectId, 'prj') : null,
      memo: optionalText(`${f}.memo`, l.memo, 500),
    };
  });
  if (totalDebit !== totalCredit) {
    const fmt = (v: bigint) => toDecimalString(money(v, functionalCurrency));
    throw invalidInput('lines', `debits (${fmt(totalDebit)} ${functionalCurrency}) must equal credits (${fmt(totalCredit)} ${functionalCurrency})`, {
      totalDebitMinor: totalDebit.toString(), totalCreditMinor: totalCredit.toString(),
    });
  }
  return { legalEntityId: input.legalEntityId, functionalCurrency, postingDate, sourceType: 'MANUAL', sourceId: null, description, lines };
}

/** Only manual entries are reversed directly; sub-ledger entries are reversed through their document. */
export function requireDirectlyReversible(entry: JournalEntry): void {
  if (entry.sourceType === 'MANUAL') return;
  const how: Record<string, string> = {
    INVOICE: 'void the invoice (voidInvoiceInLedger) or post a credit memo',
    CREDIT_MEMO: 'post a new invoice',
    PAYMENT: 'reverse the payment (reversePayment)',
    REVENUE_RECOGNITION: 'post a manual adjustment',
    REVERSAL: 'post the original entry again',
  };
  throw new DomainError(
    ErrorCode.INVALID_TRANSITION,
    `Journal entry ${entry.number} comes from ${entry.sourceType} ${entry.sourceId}; its sub-ledger would no longer agree with the ledger: ${how[entry.sourceType] ?? 'reverse its source document'}`,
    { entity: 'JournalEntry', id: entry.id, sourceType: entry.sourceType },
  );
}
