import type DataLoader from 'dataloader';
import type { Principal } from '../../../../platform/auth/principal.js';
import { rowFilter, rowVisible } from '../../../../platform/auth/row-policy.js';
import { byIdLoader, groupLoader, scopedByIdLoader, scopedGroupLoader, valueLoader, visibleRows } from '../../../../platform/graphql/loaders.js';
import type { Money } from '../../../../platform/money/index.js';
import type {
  CustomerFinancial, ExchangeRate, JournalEntry, JournalLine, LegalEntity, Payment, Receivable, ReceivableApplication, RevenueSchedule,
  RevenueScheduleLine,
} from '../domain/types.js';
import { FINANCE_ROW_POLICY as P, legalEntityVisible } from '../auth/row-policy.js';
import type { CustomerKey, FinanceRepository } from '../repository/port.js';

/**
 * The per-request DataLoaders of finance: every entity, list and aggregate lookup goes through one of these. Entity
 * loaders answer only rows the caller may see (others load as null or are left out of lists, exactly like missing
 * ones); child rows (applications, journal lines, revenue lines) and per-customer balances are reached only through
 * a parent that was itself loaded under the row rules.
 */
export interface FinanceLoaders {
  legalEntity: DataLoader<string, LegalEntity | null>;
  exchangeRate: DataLoader<string, ExchangeRate | null>;
  customerFinancial: DataLoader<string, CustomerFinancial | null>;
  /** By natural key, see `customerKey`. */
  customerFinancialByKey: DataLoader<string, CustomerFinancial | null>;
  customerFinancialsByAccount: DataLoader<string, CustomerFinancial[]>;
  /** Σ open amounts in the customer's currency. */
  openBalance: DataLoader<string, Money | null>;
  receivable: DataLoader<string, Receivable | null>;
  receivableByInvoice: DataLoader<string, Receivable | null>;
  receivablesByProject: DataLoader<string, Receivable[]>;
  openReceivablesByAccount: DataLoader<string, Receivable[] | null>;
  liveApplicationsByReceivable: DataLoader<string, ReceivableApplication[]>;
  applicationsByPayment: DataLoader<string, ReceivableApplication[]>;
  payment: DataLoader<string, Payment | null>;
  journalEntry: DataLoader<string, JournalEntry | null>;
  journalLinesByEntry: DataLoader<string, JournalLine[]>;
  revenueSchedule: DataLoader<string, RevenueSchedule | null>;
  revenueSchedulesByProject: DataLoader<string, RevenueSchedule[]>;
  revenueLinesBySchedule: DataLoader<string, RevenueScheduleLine[]>;
  /** Signed revenue per transaction currency of a project, from journal entries of the caller's legal entities. */
  revenueTotalsByProject: DataLoader<string, Map<string, bigint> | null>;
}

/** Loader key of a customer financial's natural key. */
export function customerKey(key: CustomerKey): string {
  return JSON.stringify([key.crmAccountId, key.legalEntityId]);
}

function parseCustomerKey(key: string): CustomerKey {
  const [crmAccountId, legalEntityId] = JSON.parse(key) as [string, string];
  return { crmAccountId, legalEntityId };
}

/** Builds a fresh loader set for one caller; never share one between requests (it caches what that caller may see). */
export function createFinanceLoaders(repo: FinanceRepository, principal: Principal): FinanceLoaders {
  return {
    legalEntity: byIdLoader(async (ids) => (await repo.legalEntitiesByIds(ids)).filter((le) => legalEntityVisible(principal, le))),
    exchangeRate: byIdLoader((ids) => repo.exchangeRatesByIds(ids)),
    customerFinancial: scopedByIdLoader((ids) => repo.customerFinancialsByIds(ids), P.CustomerFinancial!, principal),
    customerFinancialByKey: valueLoader(async (keys) => {
      const rows = visibleRows(await repo.customerFinancialsByKeys(keys.map(parseCustomerKey)), P.CustomerFinancial!, principal);
      return new Map(rows.map((c) => [customerKey(c), c]));
    }),
    customerFinancialsByAccount: scopedGroupLoader((ids) => repo.customerFinancialsByAccountIds(ids), (c) => c.crmAccountId, P.CustomerFinancial!, principal),
    openBalance: valueLoader((ids) => repo.openBalances(ids)),
    receivable: scopedByIdLoader((ids) => repo.receivablesByIds(ids), P.Receivable!, principal),
    receivableByInvoice: valueLoader(async (ids) => new Map(visibleRows(await repo.receivablesByInvoiceIds(ids), P.Receivable!, principal).map((r) => [r.invoiceId, r]))),
    receivablesByProject: scopedGroupLoader((ids) => repo.receivablesByProjectIds(ids), (r) => r.projectIds, P.Receivable!, principal),
    openReceivablesByAccount: valueLoader(async (ids) => {
      const out = new Map<string, Receivable[]>();
      for (const { crmAccountId, receivable } of await repo.openReceivablesByAccountIds(ids)) {
        if (!rowVisible(P.Receivable!, principal, receivable)) continue;
        const list = out.get(crmAccountId);
        if (list) list.push(receivable);
        else out.set(crmAccountId, [receivable]);
      }
      return out;
    }),
    liveApplicationsByReceivable: groupLoader((ids) => repo.liveApplicationsByReceivableIds(ids), (a) => a.receivableId),
    applicationsByPayment: groupLoader((ids) => repo.applicationsByPaymentIds(ids), (a) => a.sourceId),
    payment: scopedByIdLoader((ids) => repo.paymentsByIds(ids), P.Payment!, principal),
    journalEntry: scopedByIdLoader((ids) => repo.journalEntriesByIds(ids), P.JournalEntry!, principal),
    journalLinesByEntry: groupLoader((ids) => repo.journalLinesByEntryIds(ids), (l) => l.journalEntryId),
    revenueSchedule: scopedByIdLoader((ids) => repo.revenueSchedulesByIds(ids), P.RevenueSchedule!, principal),
    revenueSchedulesByProject: scopedGroupLoader((ids) => repo.revenueSchedulesByProjectIds(ids), (s) => s.projectId, P.RevenueSchedule!, principal),
    revenueLinesBySchedule: groupLoader((ids) => repo.revenueLinesByScheduleIds(ids), (l) => l.revenueScheduleId),
    revenueTotalsByProject: valueLoader((ids) => repo.revenueTotalsByProjectIds(ids, rowFilter(P.JournalEntry!, principal))),
  };
}
