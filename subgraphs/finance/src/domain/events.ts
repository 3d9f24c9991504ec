import type { EventDraft } from '../../../../platform/events/event.js';
import type { Money } from '../../../../platform/money/index.js';
import { amountDue, invoicePaymentStatus } from './receivable.js';
import type { InvoicePaymentStatus, Payment, Receivable, ReceivableApplication, RevenueSchedule } from './types.js';

/**
 * The domain events finance emits. They name the entity by type and key, carry its version after the change and a
 * payload with what the process layer needs (never the whole entity). Money travels as `{ amountMinor, currency }`
 * with the amount as a decimal string, exactly as in the graph (a JSON number cannot carry every bigint exactly).
 */
export const FINANCE_EVENTS = {
  RECEIVABLE_CREATED: 'ReceivableCreated',
  PAYMENT_RECORDED: 'PaymentRecorded',
  INVOICE_PAYMENT_STATUS_CHANGED: 'InvoicePaymentStatusChanged',
  REVENUE_RECOGNIZED: 'RevenueRecognized',
  INVOICE_VOIDED_IN_LEDGER: 'InvoiceVoidedInLedger',
} as const;

// Payloads are type aliases, not interfaces, so that they fit the outbox's `Record<string, unknown>` payload type.

/** Money as events carry it. */
export type MoneyPayload = {
  amountMinor: string;
  currency: string;
};

export type ReceivableCreatedPayload = {
  receivableId: string;
  invoiceId: string;
  legalEntityId: string;
  projectIds: string[];
  originalAmount: MoneyPayload;
};

export type PaymentRecordedPayload = {
  paymentId: string;
  customerFinancialId: string;
  legalEntityId: string;
  amount: MoneyPayload;
  applications: Array<{ receivableId: string; invoiceId: string; appliedAmount: MoneyPayload }>;
};

export type InvoicePaymentStatusChangedPayload = {
  invoiceId: string;
  paymentStatus: InvoicePaymentStatus;
  amountDue: MoneyPayload;
};

export type RevenueRecognizedPayload = {
  revenueScheduleId: string;
  projectId: string;
  period: string;
  /** Revenue recognized in the period by this change; negative when a credit memo or void gave AS_INVOICED revenue back. */
  amount: MoneyPayload;
};

export type InvoiceVoidedInLedgerPayload = {
  receivableId: string;
  invoiceId: string;
};

/** Money in its event form. */
export function moneyPayload(m: Money): MoneyPayload {
  return { amountMinor: m.amountMinor.toString(), currency: m.currency };
}

/** A receivable was created by posting an invoice. */
export function receivableCreated(r: Receivable): EventDraft<ReceivableCreatedPayload> {
  return {
    type: FINANCE_EVENTS.RECEIVABLE_CREATED,
    entityType: 'Receivable',
    entityId: r.id,
    entityVersion: r.version,
    payload: { receivableId: r.id, invoiceId: r.invoiceId, legalEntityId: r.legalEntityId, projectIds: [...r.projectIds], originalAmount: moneyPayload(r.originalAmount) },
  };
}

/** A payment was recorded, with the invoices each of its applications settled. */
export function paymentRecorded(p: Payment, applications: readonly ReceivableApplication[], receivables: readonly Receivable[]): EventDraft<PaymentRecordedPayload> {
  const invoiceOf = new Map(receivables.map((r) => [r.id, r.invoiceId]));
  return {
    type: FINANCE_EVENTS.PAYMENT_RECORDED,
    entityType: 'Payment',
    entityId: p.id,
    entityVersion: p.version,
    payload: {
      paymentId: p.id,
      customerFinancialId: p.customerFinancialId,
      legalEntityId: p.legalEntityId,
      amount: moneyPayload(p.amount),
      applications: applications.map((a) => {
        const invoiceId = invoiceOf.get(a.receivableId);
        if (!invoiceId) throw new Error(`Application ${a.id} names receivable ${a.receivableId}, which the payment did not settle`);
        return { receivableId: a.receivableId, invoiceId, appliedAmount: moneyPayload(a.appliedAmount) };
      }),
    },
  };
}

/**
 * The payment status billing shows for the invoice behind a receivable, after a payment, credit, reversal or void
 * changed the receivable; null when nothing a reader of the status sees changed (neither the amount due nor the
 * receivable's status). The event is about the Invoice (billing's entity, keyed by id); its version is the
 * receivable's, which orders the successive statuses of the same invoice.
 */
export function invoicePaymentStatusChanged(
  before: Receivable,
  after: Receivable,
  livePayment: boolean,
  today: string,
): EventDraft<InvoicePaymentStatusChangedPayload> | null {
  if (before.status === after.status && before.openAmount.amountMinor === after.openAmount.amountMinor) return null;
  return {
    type: FINANCE_EVENTS.INVOICE_PAYMENT_STATUS_CHANGED,
    entityType: 'Invoice',
    entityId: after.invoiceId,
    entityVersion: after.version,
    payload: { invoiceId: after.invoiceId, paymentStatus: invoicePaymentStatus(after, livePayment, today), amountDue: moneyPayload(amountDue(after)) },
  };
}

/** Revenue of a period was recognized (or, negative, given back) on a schedule now at `schedule.version`. */
export function revenueRecognized(schedule: RevenueSchedule, period: string, amount: Money): EventDraft<RevenueRecognizedPayload> {
  return {
    type: FINANCE_EVENTS.REVENUE_RECOGNIZED,
    entityType: 'RevenueSchedule',
    entityId: schedule.id,
    entityVersion: schedule.version,
    payload: { revenueScheduleId: schedule.id, projectId: schedule.projectId, period, amount: moneyPayload(amount) },
  };
}

/** A posted invoice's receivable and journal were reversed (the receivable is VOID). */
export function invoiceVoidedInLedger(r: Receivable): EventDraft<InvoiceVoidedInLedgerPayload> {
  return {
    type: FINANCE_EVENTS.INVOICE_VOIDED_IN_LEDGER,
    entityType: 'Receivable',
    entityId: r.id,
    entityVersion: r.version,
    payload: { receivableId: r.id, invoiceId: r.invoiceId },
  };
}
