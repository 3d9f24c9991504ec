import { money, multiply, parseDecimal, subtract, zero, type Money } from '../../../../platform/money/index.js';
import type { InvoicePaymentStatus, Receivable, ReceivableApplication, ReceivableStatus } from './types.js';

/** Statuses a receivable never leaves through settlement. */
const STICKY: readonly ReceivableStatus[] = ['VOID', 'WRITTEN_OFF'];

/** Statuses in which a receivable can take payments and credits. */
export const SETTLEABLE: readonly ReceivableStatus[] = ['OPEN', 'PARTIALLY_PAID'];

/** True when any of the applications is a payment that has not been reversed. */
export function hasLivePayment(applications: readonly ReceivableApplication[]): boolean {
  return applications.some((a) => a.kind === 'PAYMENT' && a.reversedAt === null);
}

/**
 * Status of a receivable from its amounts: nothing open → PAID when a live payment contributed, else CREDITED;
 * part open → PARTIALLY_PAID; all open → OPEN. VOID and WRITTEN_OFF are final.
 */
export function receivableStatus(r: Pick<Receivable, 'status' | 'openAmount' | 'originalAmount'>, livePayment: boolean): ReceivableStatus {
  if (STICKY.includes(r.status)) return r.status;
  const open = r.openAmount.amountMinor;
  if (open === 0n) return livePayment ? 'PAID' : 'CREDITED';
  if (open < r.originalAmount.amountMinor) return 'PARTIALLY_PAID';
  return 'OPEN';
}

/** Past due with an amount open, as of `today` (`YYYY-MM-DD`). */
export function isOverdue(r: Pick<Receivable, 'dueDate' | 'openAmount'>, today: string): boolean {
  return r.dueDate < today && r.openAmount.amountMinor > 0n;
}

/**
 * Payment status of the invoice behind a receivable (what billing shows): VOID and WRITTEN_OFF as such; nothing
 * open → PAID or CREDITED; open and past due → OVERDUE; partly open → PARTIALLY_PAID when a live payment
 * contributed, else PARTIALLY_CREDITED; otherwise NOT_DUE_UNPAID.
 */
export function invoicePaymentStatus(r: Receivable, livePayment: boolean, today: string): InvoicePaymentStatus {
  if (r.status === 'VOID') return 'VOID';
  if (r.status === 'WRITTEN_OFF') return 'WRITTEN_OFF';
  const open = r.openAmount.amountMinor;
  if (open === 0n) return livePayment ? 'PAID' : 'CREDITED';
  if (isOverdue(r, today)) return 'OVERDUE';
  if (open < r.originalAmount.amountMinor) return livePayment ? 'PARTIALLY_PAID' : 'PARTIALLY_CREDITED';
  return 'NOT_DUE_UNPAID';
}

/** Amount settled so far (payments and credits); zero for a voided invoice, which was never owed. */
export function amountPaid(r: Receivable): Money {
  if (r.status === 'VOID') return zero(r.currency);
  return subtract(r.originalAmount, r.openAmount);
}

/** Amount still owed. */
export function amountDue(r: Receivable): Money {
  return r.openAmount;
}

/**
 * Functional carrying amount an application of `applied` removes from the receivable: everything still carried
 * when it closes the receivable (so functionalOpen lands on exactly zero), else `applied` at the invoice rate,
 * bounded by what is still carried (per-application rounding can never overdraw the carrying amount).
 */
export function carryingAmount(r: Receivable, applied: Money): Money {
  if (applied.amountMinor === r.openAmount.amountMinor) return r.functionalOpen;
  const atInvoiceRate = multiply(applied, parseDecimal(r.fxRate), r.functionalOpen.currency);
  if (atInvoiceRate.amountMinor > r.functionalOpen.amountMinor) return r.functionalOpen;
  if (atInvoiceRate.amountMinor < 0n) return zero(r.functionalOpen.currency);
  return atInvoiceRate;
}

/** The receivable after an application removed `applied` (and `functional` carrying amount). */
export function settleReceivable(r: Receivable, applied: Money, functional: Money, livePayment: boolean, now: string): Receivable {
  const openAmount = subtract(r.openAmount, applied);
  const functionalOpen = subtract(r.functionalOpen, functional);
  if (openAmount.amountMinor < 0n || functionalOpen.amountMinor < 0n) {
    throw new RangeError(`Settlement would take receivable ${r.id} below zero`);
  }
  const next = { ...r, version: r.version + 1, openAmount, functionalOpen, updatedAt: now };
  const status = receivableStatus(next, livePayment);
  return { ...next, status, closedAt: openAmount.amountMinor === 0n ? (r.closedAt ?? now) : null };
}

/** The receivable after an application was undone (payment reversed): the amounts come back, status recomputed. */
export function restoreReceivable(r: Receivable, applied: Money, functional: Money, livePayment: boolean, now: string): Receivable {
  const openAmount = money(r.openAmount.amountMinor + applied.amountMinor, r.currency);
  const functionalOpen = money(r.functionalOpen.amountMinor + functional.amountMinor, r.functionalOpen.currency);
  if (openAmount.amountMinor > r.originalAmount.amountMinor) throw new RangeError(`Restoring would take receivable ${r.id} above its original amount`);
  const next = { ...r, version: r.version + 1, openAmount, functionalOpen, updatedAt: now };
  const status = receivableStatus(next, livePayment);
  return { ...next, status, closedAt: openAmount.amountMinor === 0n ? r.closedAt : null };
}
