import type { Invocation } from '../../../../platform/domain/invocation.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import type { ItemGroup } from '../domain/invoice.js';
import type { LagBucket } from '../domain/invoice-lag.js';
import type { DocumentType } from '../domain/numbering.js';
import type { ExposureMinor } from '../domain/recording.js';
import type {
  BillableItem, BillableItemBatch, BillableItemStatus, BillableSource, BillingRun, BillingSchedule, BillingScheduleStatus, CreditMemo, Invoice,
  InvoiceLine, InvoiceStatus, RateCard, RateCardScope, ScheduleAmendment, TaxCode,
} from '../domain/types.js';
import type { TakenNumber } from './number-series.js';

/** Row restriction of a read: the legal entities the caller may see (null = all, empty = none). */
export interface RowScope {
  legalEntityIds: readonly string[] | null;
}

/** A page of records in id order. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}

/** An inclusive date range; either end optional. */
export interface DateRangeQuery { from?: string | null; to?: string | null }

/** Filters of the list queries (all optional, combined with AND). */
export interface RateCardQuery { scope?: RateCardScope | null; accountId?: string | null; contractId?: string | null; effectiveOn?: string | null }
export interface BillingScheduleQuery { projectId?: string | null; accountId?: string | null; statuses?: BillingScheduleStatus[] | null; legalEntityId?: string | null }
export interface BillableItemQuery {
  projectId?: string | null; accountId?: string | null; statuses?: BillableItemStatus[] | null; sourceType?: BillableSource | null;
  serviceDate?: DateRangeQuery | null; legalEntityId?: string | null;
}
/** Restrictions of the invoice lag KPI (invoices of a legal entity, issued in a range). */
export interface InvoiceLagQuery { legalEntityId?: string | null; issueDate?: DateRangeQuery | null }
export interface InvoiceQuery {
  accountId?: string | null; projectId?: string | null; statuses?: InvoiceStatus[] | null; legalEntityId?: string | null; issueDate?: DateRangeQuery | null;
}

/** What billing needs to know of an item it placed on an invoice. */
export type PlacedItem = Pick<BillableItem, 'id' | 'version' | 'sourceType' | 'sourceId'>;

/** Amounts per currency (minor units) of one key; a project normally bills in one currency. */
export type AmountsByCurrency = Map<string, bigint>;

/** An item change written in bulk by invoicing: status and invoice links, checked against the item as read. */
export interface ItemChange {
  item: BillableItem;
  /** The item as read (locked) before the change: its version guards the write, and it is the audit's "before". */
  before: BillableItem;
}

/**
 * The billing system-of-record port. Batch reads take many keys and answer in one round trip, so DataLoaders can
 * coalesce a whole query level; aggregates are computed by the store, one statement per batch. Batch reads by key
 * return every row (the loaders apply the row policy); aggregates and pages take the caller's `RowScope`, because
 * they cannot be filtered after the fact.
 */
export interface BillingRepository {
  rateCardsByIds(ids: readonly string[]): Promise<RateCard[]>;
  schedulesByIds(ids: readonly string[]): Promise<BillingSchedule[]>;
  itemsByIds(ids: readonly string[]): Promise<BillableItem[]>;
  invoicesByIds(ids: readonly string[]): Promise<Invoice[]>;
  creditMemosByIds(ids: readonly string[]): Promise<CreditMemo[]>;

  /** Lines of invoices and credit memos, in document then line-number order. */
  linesByDocumentIds(documentIds: readonly string[]): Promise<InvoiceLine[]>;
  creditMemosByInvoiceIds(invoiceIds: readonly string[]): Promise<CreditMemo[]>;
  schedulesByProjectIds(projectIds: readonly string[]): Promise<BillingSchedule[]>;
  /** Contract amendments applied to the schedules, oldest first (reached only through a visible schedule). */
  amendmentsByScheduleIds(scheduleIds: readonly string[]): Promise<ScheduleAmendment[]>;
  /** Items of the projects (only `statuses` when given), oldest service date first. */
  itemsByProjectIds(projectIds: readonly string[], statuses: readonly BillableItemStatus[] | null): Promise<BillableItem[]>;
  /** Invoices with a line for any of the projects, newest first. */
  invoicesByProjectIds(projectIds: readonly string[]): Promise<Invoice[]>;
  /** Invoices of the accounts (only `statuses` when given), newest first. */
  invoicesByAccountIds(accountIds: readonly string[], statuses: readonly InvoiceStatus[] | null): Promise<Invoice[]>;
  /**
   * Net billed per project and currency: ISSUED/POSTED invoice lines minus ISSUED/POSTED/APPLIED credit memo lines,
   * of documents within `scope` only.
   */
  billedToDateByProjectIds(projectIds: readonly string[], scope: RowScope): Promise<Map<string, AmountsByCurrency>>;
  /** Σ amounts of PENDING, READY and ON_HOLD items per project and currency, of items within `scope` only. */
  unbilledWipByProjectIds(projectIds: readonly string[], scope: RowScope): Promise<Map<string, AmountsByCurrency>>;

  /** Kept outcomes of recordings and billing runs, by id (the loaders apply visibility). */
  batchesByIds(ids: readonly string[]): Promise<BillableItemBatch[]>;
  runsByIds(ids: readonly string[]): Promise<BillingRun[]>;
  /**
   * Invoice lag observations of the projects' items INVOICED on ISSUED/POSTED invoices (days from READY to the issue
   * date), bucketed per project, of items within `scope` only.
   */
  invoiceLagByProjectIds(projectIds: readonly string[], scope: RowScope): Promise<Map<string, LagBucket[]>>;
  /** The same observations over the invoices matching `query`, of invoices within `scope` only. */
  invoiceLag(query: InvoiceLagQuery, scope: RowScope): Promise<LagBucket[]>;

  /** Rate cards within `scope`; cards without a legal entity are shared and always included. */
  pageRateCards(query: RateCardQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<RateCard>>;
  pageSchedules(query: BillingScheduleQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<BillingSchedule>>;
  pageItems(query: BillableItemQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<BillableItem>>;
  pageInvoices(query: InvoiceQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Invoice>>;

  /**
   * Runs `work` atomically on behalf of `inv`: every write inside, and its audit record (who, when, what, under which
   * correlation id), commits together or not at all.
   */
  transaction<T>(inv: Invocation, work: (tx: BillingWriter) => Promise<T>): Promise<T>;
}

/**
 * Reads that lock, and writes, available inside a transaction. Every write of an entity (rate card, schedule, item,
 * invoice, credit memo) is audited; `save*` write only if the stored row is still at `before`'s version (else
 * VERSION_CONFLICT), `before` being the record as read, so the audit has the right versions and statuses.
 */
export interface BillingWriter {
  /** Queues domain events; they reach the outbox in this transaction. */
  emit(...events: EventDraft[]): void;
  taxCode(code: string): Promise<TaxCode | null>;
  /** Takes the next number of a legal entity's gapless series (the series row stays locked until commit). */
  takeNextNumber(legalEntityId: string, documentType: DocumentType): Promise<TakenNumber>;

  lockRateCard(id: string): Promise<RateCard | null>;
  insertRateCard(card: RateCard): Promise<void>;
  /** The card a contract card is copied from: the legal entity's card in the currency (the one in force on `onDate`, else the latest), else the STANDARD one. */
  rateCardTemplate(legalEntityId: string, currency: string, onDate: string): Promise<RateCard | null>;
  /** The contract's current (not superseded) card in the currency, if it has one. */
  currentContractRateCard(contractId: string, currency: string): Promise<RateCard | null>;
  saveRateCard(next: RateCard, before: RateCard): Promise<RateCard>;

  lockSchedule(id: string): Promise<BillingSchedule | null>;
  /** The project's schedule that is not COMPLETED or CANCELLED, locked; null when there is none. */
  lockLiveScheduleOfProject(projectId: string): Promise<BillingSchedule | null>;
  /** The live schedules of the projects, locked in id order. */
  lockLiveSchedulesOfProjects(projectIds: readonly string[]): Promise<BillingSchedule[]>;
  /** Serialises the set-up of one project's billing across concurrent transactions (held until commit). */
  lockProjectSetup(projectId: string): Promise<void>;
  insertSchedule(schedule: BillingSchedule): Promise<void>;
  saveSchedule(next: BillingSchedule, before: BillingSchedule): Promise<BillingSchedule>;
  /** The application of a contract amendment to a schedule, if it was applied (its natural key). */
  amendmentOfSchedule(scheduleId: string, amendmentId: string): Promise<ScheduleAmendment | null>;
  /** Records an applied amendment (a second application of the same amendment to the schedule is refused by the store). */
  insertAmendment(amendment: ScheduleAmendment): Promise<void>;
  /** Σ amounts, in minor units of its currency, of the schedule's billable items that are INVOICED or READY. */
  committedToBill(schedule: Pick<BillingSchedule, 'id' | 'projectId' | 'currency'>): Promise<bigint>;

  itemByIdempotencyKey(key: string): Promise<BillableItem | null>;
  /** Inserts (and audits) the item unless its idempotency key is taken; false when it was. */
  insertItemIfAbsent(item: BillableItem): Promise<boolean>;
  /** Billed to date and open WIP of a project in one currency (the base of the not-to-exceed check). */
  projectExposure(projectId: string, currency: string): Promise<{ billedMinor: bigint; openWipMinor: bigint }>;
  /** Billed to date and open WIP of the projects per currency, keyed by `exposureKey(project, currency)`; one statement. */
  projectExposures(projectIds: readonly string[]): Promise<Map<string, ExposureMinor>>;
  /** Every item of the given sources (any version, any status), locked in id order. */
  lockItemsOfSources(sources: ReadonlyArray<{ sourceType: BillableSource; sourceId: string }>): Promise<BillableItem[]>;
  /** Inserts (and audits) many new items in one statement per 5 000. */
  insertItems(items: readonly BillableItem[]): Promise<void>;
  /** Number of the project's ON_HOLD items in a currency delivered up to `throughDate`. */
  countHeldItems(projectId: string, currency: string, throughDate: string): Promise<number>;
  insertBatch(batch: BillableItemBatch): Promise<void>;
  insertRun(run: BillingRun): Promise<void>;
  lockItem(id: string): Promise<BillableItem | null>;
  /** Locks the given items (in id order, so concurrent lockers cannot deadlock). */
  lockItems(ids: readonly string[]): Promise<BillableItem[]>;
  /** Locks the READY items of a project in a currency that are on no invoice, up to `throughDate` when given. */
  lockUninvoicedReadyItems(projectId: string, currency: string, throughDate: string | null): Promise<BillableItem[]>;
  /**
   * The READY items of a project in a currency on no invoice, delivered by `throughDate`, grouped into invoice lines by
   * the store (the rules of `ItemGroup`): a few rows whatever the number of items. Not locked: the caller holds the
   * project's schedule lock (which every recording, draft and run takes) and `placeItemsOnInvoice` re-checks each item.
   */
  readyItemGroups(projectId: string, currency: string, throughDate: string): Promise<ItemGroup[]>;
  /**
   * Puts the items of each line on the invoice in one statement: READY (a draft) or INVOICED (issued), version + 1,
   * audited. VERSION_CONFLICT when any item is no longer READY on no invoice (it changed since it was grouped).
   */
  placeItemsOnInvoice(invoiceId: string, lines: readonly InvoiceLine[], status: 'READY' | 'INVOICED', now: string): Promise<PlacedItem[]>;
  lockItemsOfInvoice(invoiceId: string): Promise<BillableItem[]>;
  saveItem(next: BillableItem, before: BillableItem): Promise<BillableItem>;
  /** Writes status and invoice links of many items in one statement, auditing each; VERSION_CONFLICT when any moved on. */
  saveItemInvoicing(changes: readonly ItemChange[]): Promise<void>;

  lockInvoice(id: string): Promise<Invoice | null>;
  insertInvoice(invoice: Invoice): Promise<void>;
  saveInvoice(next: Invoice, before: Invoice): Promise<Invoice>;
  /** Deletes a draft invoice and its lines, auditing the deletion (VERSION_CONFLICT when it moved on). */
  deleteDraftInvoice(invoice: Invoice): Promise<void>;
  insertLines(lines: readonly InvoiceLine[]): Promise<void>;
  linesOfDocument(documentId: string): Promise<InvoiceLine[]>;

  lockCreditMemo(id: string): Promise<CreditMemo | null>;
  creditMemosOfInvoice(invoiceId: string): Promise<CreditMemo[]>;
  /** Lines of the invoice's credit memos that are not VOID. */
  liveCreditLinesOfInvoice(invoiceId: string): Promise<InvoiceLine[]>;
  insertCreditMemo(memo: CreditMemo): Promise<void>;
  saveCreditMemo(next: CreditMemo, before: CreditMemo): Promise<CreditMemo>;
}
