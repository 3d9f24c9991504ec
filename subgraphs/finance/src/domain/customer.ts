import { invalidInput, nextState, optionalText, requireId, requireInt, requireText, type TransitionTable } from '../../../../platform/domain/index.js';
import { equals, type Money } from '../../../../platform/money/index.js';
import { requireCurrencyCode } from './fx.js';
import type { CustomerFinancial, CustomerFinancialStatus } from './types.js';

/** Credit actions on a customer. */
export const CUSTOMER_TRANSITIONS: TransitionTable<CustomerFinancialStatus, 'HOLD' | 'RELEASE' | 'BLOCK' | 'UNBLOCK' | 'DEACTIVATE'> = {
  HOLD: { from: ['ACTIVE'], to: 'CREDIT_HOLD' },
  RELEASE: { from: ['CREDIT_HOLD'], to: 'ACTIVE' },
  BLOCK: { from: ['ACTIVE', 'CREDIT_HOLD'], to: 'BLOCKED' },
  UNBLOCK: { from: ['BLOCKED'], to: 'ACTIVE' },
  DEACTIVATE: { from: ['ACTIVE'], to: 'INACTIVE' },
};
export type CustomerFinancialAction = keyof typeof CUSTOMER_TRANSITIONS;

/** The upsert input: the natural key (CRM account, legal entity) and the fields to set. */
export interface CustomerFinancialInput {
  crmAccountId: string;
  legalEntityId: string;
  currency: string;
  /** Default 30 on create; absent or null keeps the current value on update. */
  paymentTermsDays?: number | null;
  /** Absent keeps, null clears. */
  creditLimit?: Money | null;
  /** Absent keeps, null clears. */
  taxId?: string | null;
}

/** Customer number from the legal entity's sequence: `C000042`. */
export function customerNumber(sequence: bigint | number): string {
  return `C${sequence.toString().padStart(6, '0')}`;
}

function validCreditLimit(limit: Money | null | undefined, currency: string): Money | null {
  if (!limit) return null;
  if (limit.currency !== currency) throw invalidInput('creditLimit', `must be in the customer currency ${currency}, not ${limit.currency}`);
  if (limit.amountMinor < 0n) throw invalidInput('creditLimit', 'must not be negative');
  return limit;
}

/** Builds a new ACTIVE customer financial for a CRM account in a legal entity. */
export function createCustomerFinancial(id: string, input: CustomerFinancialInput, number: string, now: string): CustomerFinancial {
  const currency = requireCurrencyCode('currency', input.currency);
  return {
    id,
    version: 1,
    crmAccountId: requireId('crmAccountId', input.crmAccountId, 'acc'),
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    customerNumber: number,
    currency,
    paymentTermsDays: requireInt('paymentTermsDays', input.paymentTermsDays ?? 30, 0, 365),
    creditLimit: validCreditLimit(input.creditLimit, currency),
    taxId: optionalText('taxId', input.taxId, 50),
    status: 'ACTIVE',
    updatedAt: now,
  };
}

/**
 * Applies the given fields to an existing customer. Returns the current record unchanged (same version) when
 * nothing differs, so replaying an upsert — as an at-least-once integration does — is a no-op.
 */
export function updateCustomerFinancial(current: CustomerFinancial, input: CustomerFinancialInput, now: string): CustomerFinancial {
  const currency = requireCurrencyCode('currency', input.currency);
  const paymentTermsDays = input.paymentTermsDays === undefined || input.paymentTermsDays === null
    ? current.paymentTermsDays
    : requireInt('paymentTermsDays', input.paymentTermsDays, 0, 365);
  const creditLimit = input.creditLimit === undefined
    ? validCreditLimit(current.creditLimit, currency)
    : validCreditLimit(input.creditLimit, currency);
  const taxId = input.taxId === undefined ? current.taxId : optionalText('taxId', input.taxId, 50);
  const unchanged = currency === current.currency && paymentTermsDays === current.paymentTermsDays && taxId === current.taxId
    && (creditLimit === null ? current.creditLimit === null : current.creditLimit !== null && equals(creditLimit, current.creditLimit));
  if (unchanged) return current;
  return { ...current, version: current.version + 1, currency, paymentTermsDays, creditLimit, taxId, updatedAt: now };
}

/** Applies a credit action (INVALID_TRANSITION when the status does not allow it). */
export function transitionCustomerFinancial(current: CustomerFinancial, action: CustomerFinancialAction, now: string): CustomerFinancial {
  const status = nextState('CustomerFinancial', CUSTOMER_TRANSITIONS, current.status, action);
  return { ...current, version: current.version + 1, status, updatedAt: now };
}
