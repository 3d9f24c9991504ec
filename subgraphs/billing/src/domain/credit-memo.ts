import { DomainError, ErrorCode, invalidInput, nextState, requireCurrency, requirePositive, type TransitionTable } from '../../../../platform/domain/index.js';
import { Decimal, formatDecimal, money, subtract, sum, toDecimalString, type Money } from '../../../../platform/money/index.js';
import { RATE_SCALE } from './inputs.js';
import { documentTotals, taxOf } from './invoice.js';
import type { BillableItem, CreditMemo, CreditMemoStatus, CreditReason, Invoice, InvoiceLine } from './types.js';

/** Credit memo lifecycle (domain model §4.13). */
export const CREDIT_MEMO_TRANSITIONS: TransitionTable<CreditMemoStatus, 'ISSUE' | 'POST' | 'APPLY' | 'VOID'> = {
  ISSUE: { from: ['DRAFT'], to: 'ISSUED' },
  POST: { from: ['ISSUED'], to: 'POSTED' },
  APPLY: { from: ['POSTED'], to: 'APPLIED' },
  VOID: { from: ['DRAFT', 'ISSUED'], to: 'VOID' },
};
export type CreditMemoAction = keyof typeof CREDIT_MEMO_TRANSITIONS;

/** Credit memo statuses whose lines reduce billed-to-date. */
export const EFFECTIVE_CREDIT_STATUSES: readonly CreditMemoStatus[] = ['ISSUED', 'POSTED', 'APPLIED'];

const REASONS: readonly CreditReason[] = ['BILLING_ERROR', 'DISCOUNT', 'DISPUTE', 'WRITE_OFF', 'VOID_REPLACEMENT'];

/** One line to credit; without an amount, whatever remains of the line. */
export interface CreditLineRequest {
  invoiceLineId: string;
  netAmount?: Money | null;
}

/** Fields of a new credit memo. */
export interface NewCreditMemo {
  reason: CreditReason;
  lines?: CreditLineRequest[] | null;
  releasesBillableItems?: boolean | null;
}

/** What has been credited so far on each invoice line (by credit memos that are not VOID). */
export interface CreditedSoFar {
  net: Money;
  tax: Money;
}

/** Sums earlier credit memo lines per credited invoice line. */
export function creditedByLine(priorCreditLines: readonly InvoiceLine[]): Map<string, CreditedSoFar> {
  const out = new Map<string, CreditedSoFar>();
  for (const l of priorCreditLines) {
    if (!l.creditsLineId) continue;
    const seen = out.get(l.creditsLineId);
    out.set(l.creditsLineId, seen ? { net: sum([seen.net, l.netAmount], l.netAmount.currency), tax: sum([seen.tax, l.taxAmount], l.taxAmount.currency) } : { net: l.netAmount, tax: l.taxAmount });
  }
  return out;
}

/**
 * Drafts a credit memo against an ISSUED or POSTED invoice. Each credited net must be > 0 and at most what remains
 * of the line (its net minus what non-VOID memos already credited). A line credited for all that remains takes
 * exactly the line's remaining tax, so a fully credited invoice nets to zero to the minor unit; a partial credit
 * takes round(net × rate) like any line. Only fully credited lines carry their billable items, and only a memo
 * whose every line is fully credited may release them.
 *
 * `priorCreditLines` are the lines of the invoice's credit memos that are not VOID.
 */
export function draftCreditMemo(
  id: string,
  invoice: Invoice,
  invoiceLines: readonly InvoiceLine[],
  priorCreditLines: readonly InvoiceLine[],
  input: NewCreditMemo,
  now: string,
  lineId: () => string,
): { memo: CreditMemo; lines: InvoiceLine[] } {
  if (invoice.status !== 'ISSUED' && invoice.status !== 'POSTED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Invoice ${invoice.id} is ${invoice.status}; only ISSUED or POSTED invoices can be credited`, {
      entity: 'Invoice', id: invoice.id, from: invoice.status,
    });
  }
  if (!REASONS.includes(input.reason)) throw invalidInput('reason', `unknown credit reason ${String(input.reason)}`);
  const byId = new Map(invoiceLines.map((l) => [l.id, l]));
  const credited = creditedByLine(priorCreditLines);
  const remainingNet = (line: InvoiceLine): Money => subtract(line.netAmount, credited.get(line.id)?.net ?? money(0n, line.netAmount.currency));
  const remainingTax = (line: InvoiceLine): Money => subtract(line.taxAmount, credited.get(line.id)?.tax ?? money(0n, line.taxAmount.currency));

  let requests: Array<{ line: InvoiceLine; net: Money; field: string }>;
  if (input.lines && input.lines.length > 0) {
    const seen = new Set<string>();
    requests = input.lines.map((r, i) => {
      const field = `lines[${i}]`;
      const line = byId.get(r.invoiceLineId);
      if (!line) throw invalidInput(`${field}.invoiceLineId`, `${r.invoiceLineId} is not a line of invoice ${invoice.id}`);
      if (seen.has(line.id)) throw invalidInput(`${field}.invoiceLineId`, `line ${line.id} is listed twice`);
      seen.add(line.id);
      const net = r.netAmount ? requireCurrency(`${field}.netAmount`, requirePositive(`${field}.netAmount`, r.netAmount), invoice.currency) : remainingNet(line);
      return { line, net, field };
    });
  } else {
    requests = [...invoiceLines].sort((a, b) => a.lineNo - b.lineNo).map((line, i) => ({ line, net: remainingNet(line), field: `lines[${i}]` }))
      .filter((r) => r.net.amountMinor > 0n);
    if (requests.length === 0) throw invalidInput('lines', `nothing left to credit on invoice ${invoice.id}`);
  }

  const partlyCredited: string[] = [];
  const lines = requests.map(({ line, net, field }, index): InvoiceLine => {
    const remaining = remainingNet(line);
    if (net.amountMinor <= 0n) throw invalidInput(`${field}.netAmount`, `line ${line.id} has nothing left to credit`);
    if (net.amountMinor > remaining.amountMinor) {
      throw invalidInput(`${field}.netAmount`, `exceeds what remains to credit on line ${line.id} (${toDecimalString(remaining)} ${remaining.currency})`, { remainingMinor: remaining.amountMinor.toString() });
    }
    const full = net.amountMinor === remaining.amountMinor;
    if (!full) partlyCredited.push(line.id);
    const untouched = full && !credited.has(line.id);
    return {
      id: lineId(),
      documentId: id,
      lineNo: index + 1,
      description: line.description,
      projectId: line.projectId,
      billableItemIds: full ? [...line.billableItemIds] : [],
      // A whole untouched line is credited as printed; anything else is credited as one unit of the amount.
      quantity: untouched ? line.quantity : formatDecimal(new Decimal(1), RATE_SCALE),
      unitPrice: untouched ? line.unitPrice : formatDecimal(new Decimal(toDecimalString(net)), RATE_SCALE),
      netAmount: net,
      taxCode: line.taxCode,
      taxRatePct: line.taxRatePct,
      taxAmount: full ? remainingTax(line) : taxOf(net, line.taxRatePct),
      creditsLineId: line.id,
    };
  });

  const releases = input.releasesBillableItems ?? false;
  if (releases && partlyCredited.length > 0) {
    throw invalidInput('releasesBillableItems', `line ${partlyCredited.join(', ')} is not credited in full; only a memo crediting every line in full can release items`);
  }

  const memo: CreditMemo = {
    id,
    version: 1,
    number: null,
    invoiceId: invoice.id,
    legalEntityId: invoice.legalEntityId,
    reason: input.reason,
    ...documentTotals(lines, invoice.currency),
    status: 'DRAFT',
    releasesBillableItems: releases,
    issuedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  return { memo, lines };
}

/** Applies a lifecycle action; ISSUE needs the number taken from the legal entity's credit memo series. */
export function transitionCreditMemo(current: CreditMemo, action: CreditMemoAction, number: string | null, now: string): CreditMemo {
  const status = nextState('CreditMemo', CREDIT_MEMO_TRANSITIONS, current.status, action);
  if (action === 'ISSUE') {
    if (!number) throw new RangeError('issuing a credit memo needs a number');
    return { ...current, version: current.version + 1, status, number, issuedAt: now, updatedAt: now };
  }
  return { ...current, version: current.version + 1, status, updatedAt: now };
}

/** The items a memo carries (those of its fully credited lines), with the invoice line each was billed on. */
export function releasedItemLinks(lines: readonly InvoiceLine[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) for (const itemId of l.billableItemIds) out.set(itemId, l.creditsLineId as string);
  return out;
}

/**
 * Issuing a releasing memo makes its items billable again: each must still be INVOICED on the credited invoice;
 * it becomes READY with no invoice.
 */
export function releaseCreditedItems(memo: CreditMemo, items: readonly BillableItem[], now: string): BillableItem[] {
  return items.map((i) => {
    if (i.status !== 'INVOICED' || i.invoiceId !== memo.invoiceId) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `BillableItem ${i.id} is ${i.status} on ${i.invoiceId ?? 'no invoice'}; credit memo ${memo.id} cannot release it`, {
        entity: 'BillableItem', id: i.id, from: i.status,
      });
    }
    return { ...i, version: i.version + 1, status: 'READY', invoiceId: null, invoiceLineId: null, updatedAt: now };
  });
}

/**
 * Voiding an ISSUED memo that released items puts them back on the original invoice, which is allowed only while
 * none of them has moved on (each still READY and on no invoice).
 */
export function restoreReleasedItems(memo: CreditMemo, links: ReadonlyMap<string, string>, items: readonly BillableItem[], now: string): BillableItem[] {
  return items.map((i) => {
    if (i.status !== 'READY' || i.invoiceId !== null) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `CreditMemo ${memo.id} cannot be voided: its released item ${i.id} is ${i.status}${i.invoiceId ? ` on invoice ${i.invoiceId}` : ''}`,
        { entity: 'CreditMemo', id: memo.id, itemId: i.id, itemStatus: i.status },
      );
    }
    return { ...i, version: i.version + 1, status: 'INVOICED', invoiceId: memo.invoiceId, invoiceLineId: links.get(i.id) ?? null, updatedAt: now };
  });
}
