import { rowVisible, type RowPolicy } from '../../../../platform/auth/row-policy.js';
import type { Principal } from '../../../../platform/auth/principal.js';
import type { LegalEntity } from '../domain/types.js';

/**
 * Row rules of finance. Currencies and exchange rates are reference data every caller shares; a legal entity is
 * visible only to callers of that legal entity (its own id is its legal entity); customers, receivables, payments,
 * journal entries and revenue schedules belong to the legal entity whose books hold them. Child rows (journal lines,
 * receivable applications, revenue schedule lines) are reached only through their parent and share its visibility.
 */
export const FINANCE_ROW_POLICY: RowPolicy = {
  LegalEntity: { kind: 'legalEntity', note: 'the row\'s own id is its legal entity' },
  Currency: { kind: 'shared', note: 'ISO 4217 reference data' },
  ExchangeRate: { kind: 'shared', note: 'market reference data used by every legal entity' },
  CustomerFinancial: { kind: 'legalEntity' },
  Receivable: { kind: 'legalEntity' },
  Payment: { kind: 'legalEntity' },
  JournalEntry: { kind: 'legalEntity' },
  RevenueSchedule: { kind: 'legalEntity' },
};

/** True when the caller may see a legal entity: the `LegalEntity` rule applied with the row's id as its legal entity. */
export function legalEntityVisible(principal: Principal, legalEntity: LegalEntity): boolean {
  return rowVisible(FINANCE_ROW_POLICY.LegalEntity!, principal, { legalEntityId: legalEntity.id });
}
