import {
  addDays, DomainError, ErrorCode, invalidInput, nextState, requireLocalDate, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import { add, Decimal, formatDecimal, multiply, sum, type Money } from '../../../../platform/money/index.js';
import { requireActiveSchedule } from './billing-schedule.js';
import { RATE_SCALE } from './inputs.js';
import type { BillableItem, BillingSchedule, Invoice, InvoiceLine, InvoiceStatus, TaxCode } from './types.js';

/** Invoice lifecycle (domain model §4.12). Discarding a draft deletes it and is not a transition. */
export const INVOICE_TRANSITIONS: TransitionTable<InvoiceStatus, 'ISSUE' | 'POST' | 'VOID'> = {
  ISSUE: { from: ['DRAFT'], to: 'ISSUED' },
  POST: { from: ['ISSUED'], to: 'POSTED' },
  VOID: { from: ['ISSUED', 'POSTED'], to: 'VOID' },
};
export type InvoiceAction = keyof typeof INVOICE_TRANSITIONS;

/** Invoice statuses whose lines count as billed. */
export const BILLED_INVOICE_STATUSES: readonly InvoiceStatus[] = ['ISSUED', 'POSTED'];

/** Tax of a net amount at a percentage rate: round(net × rate / 100), half-even, once per line. */
export function taxOf(net: Money, ratePct: string): Money {
  return multiply(net, new Decimal(ratePct).dividedBy(100), net.currency, 'HALF_EVEN');
}

/** Document totals from its lines: subtotal = Σ net, taxTotal = Σ tax, total = subtotal + taxTotal. */
export function documentTotals(lines: readonly Pick<InvoiceLine, 'netAmount' | 'taxAmount'>[], currency: string): { subtotal: Money; taxTotal: Money; total: Money } {
  const subtotal = sum(lines.map((l) => l.netAmount), currency);
  const taxTotal = sum(lines.map((l) => l.taxAmount), currency);
  return { subtotal, taxTotal, total: add(subtotal, taxTotal) };
}

/**
 * Checks an item can go on a new draft of `schedule`: READY, of the schedule's project and currency, and on no
 * other invoice. `field` names the input the item came from.
 */
export function checkBillable(item: BillableItem, schedule: BillingSchedule, field: string): void {
  if (item.projectId !== schedule.projectId) throw invalidInput(field, `item ${item.id} belongs to project ${item.projectId}, not ${schedule.projectId}`);
  if (item.amount.currency !== schedule.currency) throw invalidInput(field, `item ${item.id} is in ${item.amount.currency}, the schedule bills in ${schedule.currency}`);
  if (item.status !== 'READY') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `BillableItem ${item.id} is ${item.status}; only READY items can be invoiced`, { entity: 'BillableItem', id: item.id, from: item.status });
  }
  if (item.invoiceId !== null) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `BillableItem ${item.id} is already on invoice ${item.invoiceId}`, { entity: 'BillableItem', id: item.id, invoiceId: item.invoiceId });
  }
}

/** Orders line groups by description, then numerically by unit price (code-point order keeps it locale-independent). */
function compareGroups(a: { description: string; unitPrice: string }, b: { description: string; unitPrice: string }): number {
  if (a.description !== b.description) return a.description < b.description ? -1 : 1;
  return new Decimal(a.unitPrice).comparedTo(b.unitPrice);
}

/** Orders the items of a line by service date, then id (code-point order). */
function compareMembers(a: Pick<BillableItem, 'serviceDate' | 'id'>, b: Pick<BillableItem, 'serviceDate' | 'id'>): number {
  if (a.serviceDate !== b.serviceDate) return a.serviceDate < b.serviceDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Items that print as one invoice line: the same description and unit price. `itemIds` are in service date, then id
 * order; `quantity` and `net` are the sums of the items' quantities and (already rounded) amounts. A store may
 * compute groups itself (set-based billing runs) as long as it follows these rules.
 */
export interface ItemGroup {
  description: string;
  /** Scale-4 text, as stored: equal prices have equal text. */
  unitPrice: string;
  quantity: Decimal;
  net: Money;
  itemIds: string[];
}

/** Groups items into invoice lines (see `ItemGroup`). */
export function groupItems(items: readonly BillableItem[], currency: string): ItemGroup[] {
  const groups = new Map<string, BillableItem[]>();
  for (const item of items) {
    const key = JSON.stringify([item.description, item.unitPrice]);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()].map((members) => {
    const sorted = [...members].sort(compareMembers);
    const first = sorted[0] as BillableItem;
    return {
      description: first.description,
      unitPrice: first.unitPrice,
      quantity: sorted.reduce((q, m) => q.plus(m.quantity), new Decimal(0)),
      net: sum(sorted.map((m) => m.amount), currency),
      itemIds: sorted.map((m) => m.id),
    };
  });
}

/** A drafted invoice with its lines and the items now attached to it. */
export interface DraftedInvoice {
  invoice: Invoice;
  lines: InvoiceLine[];
  items: BillableItem[];
}

/** What a draft is made from. */
export interface DraftInvoiceInput {
  schedule: BillingSchedule;
  items: readonly BillableItem[];
  taxCode: TaxCode;
  billToContactId?: string | null;
}

/** What a draft is made from when the items are already grouped into lines. */
export interface DraftFromGroupsInput {
  schedule: BillingSchedule;
  groups: readonly ItemGroup[];
  taxCode: TaxCode;
  billToContactId?: string | null;
}

/**
 * Drafts an invoice of an ACTIVE schedule from its line groups: one line per group, ordered by description then unit
 * price. A line's net amount is the sum of its items' amounts (each already rounded) and its tax is rounded once per
 * line, so the invoice totals are exactly the sums of the printed lines.
 */
export function draftFromGroups(id: string, input: DraftFromGroupsInput, now: string, lineId: () => string): { invoice: Invoice; lines: InvoiceLine[] } {
  const { schedule, taxCode } = input;
  requireActiveSchedule(schedule, 'invoicing');
  if (input.groups.length === 0) throw invalidInput('billableItemIds', 'nothing to bill: no READY items match');
  if (taxCode.code !== schedule.taxCode) throw new RangeError(`tax code ${taxCode.code} is not the schedule's ${schedule.taxCode}`);
  const currency = schedule.currency;
  const lines = [...input.groups].sort(compareGroups).map((group, index): InvoiceLine => ({
    id: lineId(),
    documentId: id,
    lineNo: index + 1,
    description: group.description,
    projectId: schedule.projectId,
    billableItemIds: [...group.itemIds],
    quantity: formatDecimal(group.quantity, RATE_SCALE),
    unitPrice: group.unitPrice,
    netAmount: group.net,
    taxCode: taxCode.code,
    taxRatePct: taxCode.ratePct,
    taxAmount: taxOf(group.net, taxCode.ratePct),
    creditsLineId: null,
  }));
  const invoice: Invoice = {
    id,
    version: 1,
    number: null,
    accountId: schedule.accountId,
    billToContactId: input.billToContactId ?? null,
    legalEntityId: schedule.legalEntityId,
    billingScheduleId: schedule.id,
    projectIds: [schedule.projectId],
    currency,
    issueDate: null,
    dueDate: null,
    paymentTermsDays: schedule.paymentTermsDays,
    status: 'DRAFT',
    roundingMode: 'HALF_EVEN',
    ...documentTotals(lines, currency),
    issuedAt: null,
    postedAt: null,
    voidedAt: null,
    voidReason: null,
    createdAt: now,
    updatedAt: now,
  };
  return { invoice, lines };
}

/**
 * Drafts an invoice from READY items of an ACTIVE schedule. Items are grouped into one line per
 * (description, unit price), ordered by description then unit price. A line's net amount is the sum of its
 * items' amounts (each already rounded) and its tax is rounded once per line, so the invoice totals are
 * exactly the sums of the printed lines. The items get the invoice and line ids and stay READY until issue.
 */
export function draftInvoice(id: string, input: DraftInvoiceInput, now: string, lineId: () => string): DraftedInvoice {
  const { schedule, taxCode } = input;
  requireActiveSchedule(schedule, 'invoicing');
  if (input.items.length === 0) throw invalidInput('billableItemIds', 'nothing to bill: no READY items match');
  if (taxCode.code !== schedule.taxCode) throw new RangeError(`tax code ${taxCode.code} is not the schedule's ${schedule.taxCode}`);
  input.items.forEach((item) => checkBillable(item, schedule, 'billableItemIds'));
  const { invoice, lines } = draftFromGroups(id, { ...input, groups: groupItems(input.items, schedule.currency) }, now, lineId);
  const byId = new Map(input.items.map((i) => [i.id, i]));
  const attached = lines.flatMap((line) =>
    line.billableItemIds.map((itemId): BillableItem => {
      const m = byId.get(itemId) as BillableItem;
      return { ...m, version: m.version + 1, invoiceId: id, invoiceLineId: line.id, updatedAt: now };
    }),
  );
  return { invoice, lines, items: attached };
}

/** Refuses to discard anything but a draft: issued documents are never deleted, only voided or credited. */
export function assertDiscardable(invoice: Invoice): void {
  if (invoice.status !== 'DRAFT') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Invoice ${invoice.id} is ${invoice.status}; only DRAFT invoices can be discarded (void or credit it instead)`, {
      entity: 'Invoice', id: invoice.id, from: invoice.status,
    });
  }
}

/** Frees the items of a discarded draft: no invoice, still READY. */
export function detachItems(items: readonly BillableItem[], now: string): BillableItem[] {
  return items.map((i) => ({ ...i, version: i.version + 1, invoiceId: null, invoiceLineId: null, updatedAt: now }));
}

/**
 * Checks a draft can be issued on `issueDate` and returns the validated date; the service calls it before it
 * locks the number series, so a refused issue never waits on the series.
 */
export function checkIssuable(current: Invoice, issueDate: string): string {
  nextState('Invoice', INVOICE_TRANSITIONS, current.status, 'ISSUE');
  return requireLocalDate('issueDate', issueDate);
}

/**
 * Issues a draft: the number comes from the legal entity's series (taken in the same transaction), the due date
 * is the issue date plus the payment terms.
 */
export function issueInvoice(current: Invoice, number: string, issueDate: string, now: string): Invoice {
  const date = checkIssuable(current, issueDate);
  return {
    ...current,
    version: current.version + 1,
    status: 'ISSUED',
    number,
    issueDate: date,
    dueDate: addDays(date, current.paymentTermsDays),
    issuedAt: now,
    updatedAt: now,
  };
}

/** Marks the items of an issued invoice INVOICED; each must still be READY on this invoice. */
export function invoiceItems(invoice: Invoice, items: readonly BillableItem[], now: string): BillableItem[] {
  return items.map((i) => {
    if (i.invoiceId !== invoice.id || i.status !== 'READY') {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `BillableItem ${i.id} is ${i.status} on ${i.invoiceId ?? 'no invoice'}; it cannot be invoiced by ${invoice.id}`, {
        entity: 'BillableItem', id: i.id, from: i.status,
      });
    }
    return { ...i, version: i.version + 1, status: 'INVOICED', updatedAt: now };
  });
}

/** Marks an issued invoice POSTED once finance has the receivable and journal. */
export function postInvoice(current: Invoice, now: string): Invoice {
  const status = nextState('Invoice', INVOICE_TRANSITIONS, current.status, 'POST');
  return { ...current, version: current.version + 1, status, postedAt: now, updatedAt: now };
}

/**
 * Voids an ISSUED or POSTED invoice with a reason. Refused while a credit memo that is not VOID exists against
 * it: the two corrections would overlap.
 */
export function voidInvoice(current: Invoice, reason: string, liveCreditMemoIds: readonly string[], now: string): Invoice {
  const status = nextState('Invoice', INVOICE_TRANSITIONS, current.status, 'VOID');
  const voidReason = requireText('reason', reason, 500);
  if (liveCreditMemoIds.length > 0) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `Invoice ${current.id} has credit memo ${liveCreditMemoIds.join(', ')}; void the credit memo first or keep correcting with credit memos`,
      { entity: 'Invoice', id: current.id, creditMemoIds: [...liveCreditMemoIds] },
    );
  }
  return { ...current, version: current.version + 1, status, voidedAt: now, voidReason, updatedAt: now };
}

/** Items of a voided invoice become READY again, free to bill. */
export function releaseVoidedItems(items: readonly BillableItem[], now: string): BillableItem[] {
  return items.map((i) => ({ ...i, version: i.version + 1, status: 'READY', invoiceId: null, invoiceLineId: null, updatedAt: now }));
}
