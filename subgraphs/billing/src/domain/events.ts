import type { EventDraft } from '../../../../platform/events/event.js';
import { sum, toDecimalString, type Money } from '../../../../platform/money/money.js';
import type { BillableItem, BillingSchedule, CreditMemo, Invoice, InvoiceLine, ScheduleAmendment } from './types.js';

/**
 * The domain events billing emits (outbox, same transaction as the change). Each names its entity by type and key,
 * carries the entity's version after the change, and a payload with what the process layer needs to take the next
 * step without reading billing again; never the whole entity. Money travels as `{ amountMinor, currency, amount }`
 * with `amountMinor` as a decimal string, like the graph's `Money`.
 */

/** Money as it travels in event payloads. */
export interface MoneyPayload {
  amountMinor: string;
  currency: string;
  amount: string;
}

export const moneyPayload = (m: Money): MoneyPayload => ({ amountMinor: m.amountMinor.toString(), currency: m.currency, amount: toDecimalString(m) });

/** Net and tax of a document per project, in the order projects first appear on it. */
function perProject(lines: readonly InvoiceLine[], currency: string): Array<{ projectId: string; netAmount: MoneyPayload; taxAmount: MoneyPayload }> {
  const groups = new Map<string, InvoiceLine[]>();
  for (const l of lines) {
    const list = groups.get(l.projectId);
    if (list) list.push(l);
    else groups.set(l.projectId, [l]);
  }
  return [...groups].map(([projectId, ls]) => ({
    projectId,
    netAmount: moneyPayload(sum(ls.map((l) => l.netAmount), currency)),
    taxAmount: moneyPayload(sum(ls.map((l) => l.taxAmount), currency)),
  }));
}

/** Time entry and expense entry ids behind billable items (distinct, sorted), for the PSA to mark or release. */
export function sourcesOf(items: ReadonlyArray<Pick<BillableItem, 'sourceType' | 'sourceId'>>): { timeEntryIds: string[]; expenseEntryIds: string[] } {
  const of = (type: string) => [...new Set(items.filter((i) => i.sourceType === type).map((i) => i.sourceId))].sort();
  return { timeEntryIds: of('TIME'), expenseEntryIds: of('EXPENSE') };
}

/** `InvoiceIssued`: the numbered invoice, what it bills per project, and the time and expenses it bills. */
export function invoiceIssued(invoice: Invoice, lines: readonly InvoiceLine[], items: ReadonlyArray<Pick<BillableItem, 'sourceType' | 'sourceId'>>): EventDraft {
  return {
    type: 'InvoiceIssued',
    entityType: 'Invoice',
    entityId: invoice.id,
    entityVersion: invoice.version,
    payload: {
      invoiceId: invoice.id, number: invoice.number, legalEntityId: invoice.legalEntityId, accountId: invoice.accountId, currency: invoice.currency,
      issueDate: invoice.issueDate, dueDate: invoice.dueDate, lines: perProject(lines, invoice.currency),
      subtotal: moneyPayload(invoice.subtotal), taxTotal: moneyPayload(invoice.taxTotal), total: moneyPayload(invoice.total),
      ...sourcesOf(items),
    },
  };
}

/** `InvoicePosted`: the ledger has the invoice. */
export function invoicePosted(invoice: Invoice): EventDraft {
  return { type: 'InvoicePosted', entityType: 'Invoice', entityId: invoice.id, entityVersion: invoice.version, payload: { invoiceId: invoice.id, projectIds: [...invoice.projectIds] } };
}

/** `InvoiceVoided`: the invoice is void and its items billable again; the time and expenses they bill are released. */
export function invoiceVoided(invoice: Invoice, wasPosted: boolean, released: readonly BillableItem[]): EventDraft {
  return {
    type: 'InvoiceVoided',
    entityType: 'Invoice',
    entityId: invoice.id,
    entityVersion: invoice.version,
    payload: { invoiceId: invoice.id, wasPosted, projectIds: [...invoice.projectIds], ...sourcesOf(released) },
  };
}

/** `CreditMemoIssued`: the numbered memo, what it credits per project, and the sources it releases (none unless releasing). */
export function creditMemoIssued(memo: CreditMemo, documentDate: string, currency: string, lines: readonly InvoiceLine[], released: readonly BillableItem[]): EventDraft {
  return {
    type: 'CreditMemoIssued',
    entityType: 'CreditMemo',
    entityId: memo.id,
    entityVersion: memo.version,
    payload: {
      creditMemoId: memo.id, number: memo.number, invoiceId: memo.invoiceId, legalEntityId: memo.legalEntityId, documentDate,
      lines: perProject(lines, currency), releasesBillableItems: memo.releasesBillableItems, ...sourcesOf(released),
    },
  };
}

/** `BillableItemsRecorded`, one per project: the billable (READY or ON_HOLD) items a recording created, and their total. */
export function billableItemsRecorded(items: readonly BillableItem[]): EventDraft[] {
  const byProject = new Map<string, BillableItem[]>();
  for (const item of items) {
    if (item.status === 'CANCELLED') continue;
    const list = byProject.get(item.projectId);
    if (list) list.push(item);
    else byProject.set(item.projectId, [item]);
  }
  return [...byProject].map(([projectId, list]) => ({
    type: 'BillableItemsRecorded',
    entityType: 'Project',
    entityId: projectId,
    entityVersion: null,
    payload: { projectId, itemIds: list.map((i) => i.id), total: moneyPayload(sum(list.map((i) => i.amount), (list[0] as BillableItem).amount.currency)) },
  }));
}

/**
 * `BillingScheduleAmended`: a contract amendment was applied to the schedule from its effective date (the schedule's
 * version after it); how many PLANNED lines it cancelled and created.
 */
export function billingScheduleAmended(schedule: BillingSchedule, amendment: ScheduleAmendment): EventDraft {
  return {
    type: 'BillingScheduleAmended',
    entityType: 'BillingSchedule',
    entityId: schedule.id,
    entityVersion: schedule.version,
    payload: {
      billingScheduleId: schedule.id, projectId: schedule.projectId, amendmentId: amendment.amendmentId, effectiveDate: amendment.effectiveDate,
      contractValueDelta: moneyPayload(amendment.contractValueDelta), linesCancelled: amendment.linesCancelled, linesCreated: amendment.linesCreated,
    },
  };
}
