import DataLoader from 'dataloader';
import type { Principal } from '../../../../platform/auth/principal.js';
import { rowFilter } from '../../../../platform/auth/row-policy.js';
import { byIdLoader, groupLoader, scopedByIdLoader, scopedGroupLoader, valueLoader, visibleRows } from '../../../../platform/graphql/loaders.js';
import { batchVisible, billingRule, rateCardVisible } from '../auth/row-policy.js';
import type { LagBucket } from '../domain/invoice-lag.js';
import type {
  BillableItem, BillableItemBatch, BillableItemStatus, BillingRun, BillingSchedule, CreditMemo, Invoice, InvoiceLine, InvoiceStatus, RateCard,
  ScheduleAmendment,
} from '../domain/types.js';
import type { AmountsByCurrency, BillingRepository } from '../repository/port.js';

/** A child-list loader whose lists are filtered by a set of statuses given at load time. */
export interface FilteredGroupLoader<T, S extends string> {
  load(key: string, statuses: readonly S[] | null | undefined): Promise<T[]>;
}

/**
 * Batches `load(key, statuses)` calls: keys sharing the same status filter are fetched with one statement, so a
 * query level that asks every project for its READY items costs one round trip whatever the number of projects.
 */
function filteredGroupLoader<T, S extends string>(
  fetch: (keys: readonly string[], statuses: readonly S[] | null) => Promise<T[]>,
  keyOf: (row: T) => string | readonly string[],
): FilteredGroupLoader<T, S> {
  const loaders = new Map<string, DataLoader<string, T[]>>();
  return {
    load(key, statuses) {
      const filter = statuses && statuses.length > 0 ? [...new Set(statuses)].sort() : null;
      const id = filter ? filter.join(',') : '*';
      let loader = loaders.get(id);
      if (!loader) {
        loader = groupLoader((keys) => fetch(keys, filter), keyOf);
        loaders.set(id, loader);
      }
      return loader.load(key);
    },
  };
}

/** The per-request DataLoaders of billing: every entity, list and aggregate lookup goes through one of these. */
export interface BillingLoaders {
  rateCard: DataLoader<string, RateCard | null>;
  schedule: DataLoader<string, BillingSchedule | null>;
  item: DataLoader<string, BillableItem | null>;
  invoice: DataLoader<string, Invoice | null>;
  creditMemo: DataLoader<string, CreditMemo | null>;
  linesByDocument: DataLoader<string, InvoiceLine[]>;
  creditMemosByInvoice: DataLoader<string, CreditMemo[]>;
  schedulesByProject: DataLoader<string, BillingSchedule[]>;
  amendmentsBySchedule: DataLoader<string, ScheduleAmendment[]>;
  invoicesByProject: DataLoader<string, Invoice[]>;
  itemsByProject: FilteredGroupLoader<BillableItem, BillableItemStatus>;
  invoicesByAccount: FilteredGroupLoader<Invoice, InvoiceStatus>;
  billedToDate: DataLoader<string, AmountsByCurrency | null>;
  unbilledWip: DataLoader<string, AmountsByCurrency | null>;
  /** Invoice lag observations per project (items of visible legal entities only). */
  invoiceLag: DataLoader<string, LagBucket[] | null>;
  batch: DataLoader<string, BillableItemBatch | null>;
  run: DataLoader<string, BillingRun | null>;
}

/**
 * Builds a fresh loader set for one caller; never share one between requests (it caches what that caller may see).
 * A row the caller may not see loads as null (by id) or is left out (lists), and aggregates count only visible rows,
 * so neither data nor existence leaks through root fields, nested references, extension fields or `_entities`.
 * Invoice and credit memo lines, and schedule amendments, are not scoped themselves: they are only reached through a
 * visible document or schedule.
 */
export function createBillingLoaders(repo: BillingRepository, principal: Principal): BillingLoaders {
  const schedules = billingRule('BillingSchedule');
  const items = billingRule('BillableItem');
  const invoices = billingRule('Invoice');
  const memos = billingRule('CreditMemo');
  // Billed to date counts invoices and credit memos, WIP counts items: all three share the legal-entity rule.
  const documentScope = rowFilter(invoices, principal);
  const itemScope = rowFilter(items, principal);
  return {
    rateCard: byIdLoader(async (ids) => (await repo.rateCardsByIds(ids)).filter((c) => rateCardVisible(principal, c))),
    schedule: scopedByIdLoader((ids) => repo.schedulesByIds(ids), schedules, principal),
    item: scopedByIdLoader((ids) => repo.itemsByIds(ids), items, principal),
    invoice: scopedByIdLoader((ids) => repo.invoicesByIds(ids), invoices, principal),
    creditMemo: scopedByIdLoader((ids) => repo.creditMemosByIds(ids), memos, principal),
    linesByDocument: groupLoader((ids) => repo.linesByDocumentIds(ids), (l) => l.documentId),
    creditMemosByInvoice: scopedGroupLoader((ids) => repo.creditMemosByInvoiceIds(ids), (m) => m.invoiceId, memos, principal),
    schedulesByProject: scopedGroupLoader((ids) => repo.schedulesByProjectIds(ids), (s) => s.projectId, schedules, principal),
    amendmentsBySchedule: groupLoader((ids) => repo.amendmentsByScheduleIds(ids), (a) => a.billingScheduleId),
    invoicesByProject: scopedGroupLoader((ids) => repo.invoicesByProjectIds(ids), (i) => i.projectIds, invoices, principal),
    itemsByProject: filteredGroupLoader(async (ids, statuses) => visibleRows(await repo.itemsByProjectIds(ids, statuses), items, principal), (i) => i.projectId),
    invoicesByAccount: filteredGroupLoader(async (ids, statuses) => visibleRows(await repo.invoicesByAccountIds(ids, statuses), invoices, principal), (i) => i.accountId),
    billedToDate: valueLoader((ids) => repo.billedToDateByProjectIds(ids, documentScope)),
    unbilledWip: valueLoader((ids) => repo.unbilledWipByProjectIds(ids, itemScope)),
    invoiceLag: valueLoader((ids) => repo.invoiceLagByProjectIds(ids, itemScope)),
    batch: byIdLoader(async (ids) => (await repo.batchesByIds(ids)).filter((b) => batchVisible(principal, b))),
    run: scopedByIdLoader((ids) => repo.runsByIds(ids), billingRule('BillingRunResult'), principal),
  };
}
