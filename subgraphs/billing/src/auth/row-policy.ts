import type { Principal } from '../../../../platform/auth/principal.js';
import { rowFilter, rowVisible, type RowPolicy, type RowRule } from '../../../../platform/auth/row-policy.js';
import { visibleTo, type Invocation } from '../../../../platform/domain/index.js';

/**
 * Row rules of billing. Schedules, billable items, invoices and credit memos belong to the legal entity that bills
 * (every one of those rows carries `legalEntityId`). Rate cards are scoped only when they name a legal entity:
 * standard, account and contract cards without one are the firm's shared price lists. Accounts, projects, contacts
 * and legal entities are other subgraphs' entities and are not scoped here; the fields billing adds to projects and
 * accounts list and count only the billing rows the caller may see.
 */
export const BILLING_ROW_POLICY: RowPolicy = {
  RateCard: { kind: 'legalEntity', note: 'cards of a legal entity are scoped to it; cards without one (STANDARD, ACCOUNT, CONTRACT) are shared' },
  BillingSchedule: { kind: 'legalEntity' },
  BillableItem: { kind: 'legalEntity', note: 'the legal entity of its billing schedule' },
  Invoice: { kind: 'legalEntity' },
  CreditMemo: { kind: 'legalEntity', note: 'the legal entity of its invoice' },
  BillingRunResult: { kind: 'legalEntity', note: 'the legal entity of the schedule billed' },
  BillableItemBatch: { kind: 'legalEntity', note: 'a recording may span legal entities: visible only to callers who may see every one of them' },
};

/** The rule of an entity type of billing (every type the policy names has one). */
export function billingRule(entity: 'RateCard' | 'BillingSchedule' | 'BillableItem' | 'Invoice' | 'CreditMemo' | 'BillingRunResult' | 'BillableItemBatch'): RowRule {
  return BILLING_ROW_POLICY[entity] as RowRule;
}

/** A rate card as the row rule sees it. */
interface ScopedRateCard {
  legalEntityId: string | null;
}

/**
 * True when the caller may see the rate card: shared cards (no legal entity) always, others under the legal-entity
 * rule. `rowVisible` alone would hide shared cards from callers restricted to some legal entities.
 */
export function rateCardVisible(principal: Principal, card: ScopedRateCard): boolean {
  return card.legalEntityId === null || rowVisible(billingRule('RateCard'), principal, card);
}

/** The same rule for a use case: the invocation may use or change the card. */
export function rateCardVisibleTo(inv: Invocation, card: ScopedRateCard): boolean {
  return card.legalEntityId === null || visibleTo(inv, card);
}

/** The legal entities whose cards (besides the shared ones) the caller may list; null when unrestricted. */
export function rateCardFilter(principal: Principal): { legalEntityIds: string[] | null } {
  return { legalEntityIds: rowFilter(billingRule('RateCard'), principal).legalEntityIds };
}

/** True when the caller may see a recording: it may see every legal entity the recording wrote or answered in. */
export function batchVisible(principal: Principal, batch: { legalEntityIds: readonly string[] }): boolean {
  return batch.legalEntityIds.every((legalEntityId) => rowVisible(billingRule('BillableItemBatch'), principal, { legalEntityId }));
}
