import { Table } from '../../../../platform/db/index.js';
import { money } from '../../../../platform/money/money.js';
import type { NumberSeries } from '../domain/numbering.js';
import type {
  BillableItem, BillableItemBatch, BillingRun, BillingSchedule, BillingScheduleLine, CreditMemo, Invoice, InvoiceLine, RateCard, ScheduleAmendment, TaxCode,
} from '../domain/types.js';

export const taxCodes = new Table<TaxCode>({
  table: 'tax_codes',
  fields: { code: 'text', ratePct: 'numeric', description: 'text' },
});

/** Gapless number series; `setNumberSeriesPrefix` (number-series.ts) configures a legal entity's prefix. */
export const numberSeries = new Table<NumberSeries>({
  table: 'number_series',
  fields: { legalEntityId: 'text', documentType: 'text', prefix: 'text', nextValue: 'bigint' },
});

export const rateCards = new Table<RateCard>({
  table: 'rate_cards',
  fields: {
    id: 'text', version: 'int', name: 'text', scope: 'text', accountId: 'text?', contractId: 'text?', legalEntityId: 'text?',
    currency: 'text', unit: 'text', effectiveFrom: 'date', effectiveTo: 'date?', supersedesId: 'text?', lines: 'jsonb', updatedAt: 'timestamptz',
  },
});

/** A schedule line as stored in jsonb: JSON has no bigint, so the amount travels as minor-unit text. */
interface StoredScheduleLine extends Omit<BillingScheduleLine, 'amount'> {
  amount: { amountMinor: string; currency: string };
}

/**
 * Billing schedules keep their planned lines in a jsonb column; this table encodes and decodes the lines' Money
 * so that callers (service and seed loader) handle plain `BillingSchedule` records.
 */
class BillingScheduleTable extends Table<BillingSchedule> {
  override toValues(record: BillingSchedule): unknown[] {
    const lines: StoredScheduleLine[] = record.lines.map((l) => ({ ...l, amount: { amountMinor: l.amount.amountMinor.toString(), currency: l.amount.currency } }));
    return super.toValues({ ...record, lines: lines as unknown as BillingScheduleLine[] });
  }

  override fromRow(row: Record<string, unknown>): BillingSchedule {
    const schedule = super.fromRow(row);
    const stored = (schedule.lines ?? []) as unknown as StoredScheduleLine[];
    return { ...schedule, lines: stored.map((l) => ({ ...l, amount: money(BigInt(l.amount.amountMinor), l.amount.currency) })) };
  }
}

export const billingSchedules = new BillingScheduleTable({
  table: 'billing_schedules',
  fields: {
    id: 'text', version: 'int', projectId: 'text', accountId: 'text', contractId: 'text?', legalEntityId: 'text', type: 'text',
    frequency: 'text', inArrears: 'boolean', currency: 'text', notToExceed: 'money?', billForActuals: 'boolean', taxCode: 'text',
    paymentTermsDays: 'int', status: 'text', rateCardId: 'text?', lines: 'jsonb', updatedAt: 'timestamptz',
  },
});

export const billableItems = new Table<BillableItem>({
  table: 'billable_items',
  fields: {
    id: 'text', version: 'int', sourceType: 'text', sourceId: 'text', sourceVersion: 'int', idempotencyKey: 'text', projectId: 'text',
    accountId: 'text', legalEntityId: 'text', billingScheduleId: 'text', serviceDate: 'date', description: 'text', quantity: 'numeric',
    unitPrice: 'numeric', amount: 'money', standardAmount: 'money?', status: 'text', holdReason: 'text?', writeOffReason: 'text?',
    invoiceId: 'text?', invoiceLineId: 'text?', readyAt: 'timestamptz?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const invoices = new Table<Invoice>({
  table: 'invoices',
  fields: {
    id: 'text', version: 'int', number: 'text?', accountId: 'text', billToContactId: 'text?', legalEntityId: 'text', billingScheduleId: 'text?',
    projectIds: 'jsonb', currency: 'text', issueDate: 'date?', dueDate: 'date?', paymentTermsDays: 'int', status: 'text', roundingMode: 'text',
    subtotal: 'money', taxTotal: 'money', total: 'money', issuedAt: 'timestamptz?', postedAt: 'timestamptz?', voidedAt: 'timestamptz?',
    voidReason: 'text?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

/** Lines of invoices and credit memos (`documentId` is either). */
export const invoiceLines = new Table<InvoiceLine>({
  table: 'invoice_lines',
  fields: {
    id: 'text', documentId: 'text', lineNo: 'int', description: 'text', projectId: 'text', billableItemIds: 'jsonb', quantity: 'numeric',
    unitPrice: 'numeric', netAmount: 'money', taxCode: 'text', taxRatePct: 'numeric', taxAmount: 'money', creditsLineId: 'text?',
  },
});

export const creditMemos = new Table<CreditMemo>({
  table: 'credit_memos',
  fields: {
    id: 'text', version: 'int', number: 'text?', invoiceId: 'text', legalEntityId: 'text', reason: 'text', subtotal: 'money',
    taxTotal: 'money', total: 'money', status: 'text', releasesBillableItems: 'boolean', issuedAt: 'timestamptz?',
    createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

/** Kept outcomes of `recordBillableItems` (answers of retries with the same idempotency key). */
export const billableItemBatches = new Table<BillableItemBatch>({
  table: 'billable_item_batches',
  fields: {
    id: 'text', legalEntityIds: 'jsonb', recorded: 'int', replayed: 'int', superseded: 'int', onHold: 'int', itemIds: 'jsonb', recordedAt: 'timestamptz',
  },
});

/** Kept outcomes of billing runs. */
export const billingRuns = new Table<BillingRun>({
  table: 'billing_runs',
  fields: {
    id: 'text', billingScheduleId: 'text', projectId: 'text', legalEntityId: 'text', throughDate: 'date', autoIssue: 'boolean', invoiceIds: 'jsonb',
    itemsInvoiced: 'int', itemsHeld: 'int', linesReleased: 'int', ranAt: 'timestamptz',
  },
});

/** Contract amendments applied to schedules (one per schedule and amendment: the natural key). */
export const scheduleAmendments = new Table<ScheduleAmendment>({
  table: 'schedule_amendments',
  fields: {
    id: 'text', billingScheduleId: 'text', amendmentId: 'text', effectiveDate: 'date', contractValueDelta: 'money', notToExceed: 'money?', endDate: 'date?',
    scheduleVersion: 'int', linesCancelled: 'int', linesCreated: 'int', appliedAt: 'timestamptz',
  },
});
