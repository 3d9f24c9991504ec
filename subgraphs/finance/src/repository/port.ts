import type { Invocation } from '../../../../platform/domain/invocation.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import type { Money } from '../../../../platform/money/index.js';
import type { PostedJournal } from '../domain/journal.js';
import type {
  ApplicationKind, CustomerFinancial, CustomerFinancialStatus, ExchangeRate, JournalEntry, JournalLine, JournalSource, LegalEntity, Payment,
  RateType, Receivable, ReceivableApplication, ReceivableStatus, RevenueSchedule, RevenueScheduleLine, RevenueScheduleModification,
} from '../domain/types.js';

/** Row restriction of a read: the legal entities the caller may see (null = all, empty = none). */
export interface RowScope {
  legalEntityIds: readonly string[] | null;
}

/** A page of records in id order. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}

type DateRange = { from?: string | null; to?: string | null } | null;

/** Filters of the list queries (all optional, combined with AND). */
export interface ExchangeRateQuery { from?: string | null; to?: string | null; rateType?: RateType | null; rateDate?: DateRange }
export interface CustomerFinancialQuery { legalEntityId?: string | null; crmAccountId?: string | null; statuses?: CustomerFinancialStatus[] | null }
export interface ReceivableQuery {
  statuses?: ReceivableStatus[] | null; legalEntityId?: string | null; customerFinancialId?: string | null; dueDate?: DateRange;
  /** Overdue as of `today`: due before it with an amount open. */
  overdue?: boolean | null;
  today: string;
}
export interface PaymentQuery { customerFinancialId?: string | null; legalEntityId?: string | null; receivedDate?: DateRange }
export interface JournalEntryQuery { legalEntityId?: string | null; period?: string | null; sourceType?: JournalSource | null; sourceId?: string | null }

/** The natural key of a customer financial. */
export interface CustomerKey {
  crmAccountId: string;
  legalEntityId: string;
}

/** Sequences kept per legal entity. */
export type SequenceKind = 'JOURNAL' | 'CUSTOMER';

/**
 * The finance system-of-record port. The built-in implementation is SQL on PGlite or PostgreSQL; an adapter to an
 * external ERP (NetSuite, ERPNext) can stand behind the same interface.
 *
 * Batch reads take many keys and answer in one round trip, so DataLoaders can coalesce a whole query level.
 */
export interface FinanceRepository {
  legalEntitiesByIds(ids: readonly string[]): Promise<LegalEntity[]>;
  /** The legal entities within the scope (a legal entity's own id is its legal entity), by id. */
  allLegalEntities(scope: RowScope): Promise<LegalEntity[]>;
  exchangeRatesByIds(ids: readonly string[]): Promise<ExchangeRate[]>;
  /** The latest rate of the type from → to dated on or before `on`. */
  effectiveRate(from: string, to: string, on: string, rateType: RateType): Promise<ExchangeRate | null>;
  customerFinancialsByIds(ids: readonly string[]): Promise<CustomerFinancial[]>;
  customerFinancialsByKeys(keys: readonly CustomerKey[]): Promise<CustomerFinancial[]>;
  customerFinancialsByAccountIds(crmAccountIds: readonly string[]): Promise<CustomerFinancial[]>;
  /** Σ open amounts per customer of its receivables in the customer's currency. */
  openBalances(customerIds: readonly string[]): Promise<Map<string, Money>>;
  receivablesByIds(ids: readonly string[]): Promise<Receivable[]>;
  receivablesByInvoiceIds(invoiceIds: readonly string[]): Promise<Receivable[]>;
  /** Receivables with a line for any of the projects, oldest first. */
  receivablesByProjectIds(projectIds: readonly string[]): Promise<Receivable[]>;
  /** OPEN / PARTIALLY_PAID receivables of the customers of the CRM accounts, oldest due first. */
  openReceivablesByAccountIds(crmAccountIds: readonly string[]): Promise<Array<{ crmAccountId: string; receivable: Receivable }>>;
  /** Applications to the receivables that are not reversed. */
  liveApplicationsByReceivableIds(receivableIds: readonly string[]): Promise<ReceivableApplication[]>;
  /** Every application made by the payments (reversed ones included). */
  applicationsByPaymentIds(paymentIds: readonly string[]): Promise<ReceivableApplication[]>;
  paymentsByIds(ids: readonly string[]): Promise<Payment[]>;
  journalEntriesByIds(ids: readonly string[]): Promise<JournalEntry[]>;
  journalLinesByEntryIds(entryIds: readonly string[]): Promise<JournalLine[]>;
  revenueSchedulesByIds(ids: readonly string[]): Promise<RevenueSchedule[]>;
  revenueSchedulesByProjectIds(projectIds: readonly string[]): Promise<RevenueSchedule[]>;
  revenueLinesByScheduleIds(scheduleIds: readonly string[]): Promise<RevenueScheduleLine[]>;
  /**
   * Signed Σ of revenue-line transaction amounts per project and transaction currency (credits +, debits −), counting
   * only journal entries of the legal entities in scope.
   */
  revenueTotalsByProjectIds(projectIds: readonly string[], scope: RowScope): Promise<Map<string, Map<string, bigint>>>;

  pageExchangeRates(query: ExchangeRateQuery, first: number, afterId: string | null): Promise<Page<ExchangeRate>>;
  pageCustomerFinancials(query: CustomerFinancialQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<CustomerFinancial>>;
  pageReceivables(query: ReceivableQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Receivable>>;
  pagePayments(query: PaymentQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Payment>>;
  pageJournalEntries(query: JournalEntryQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<JournalEntry>>;

  /** Runs `work` atomically on behalf of `inv`: every write inside, and its audit record, commits together or not at all. */
  transaction<T>(inv: Invocation, work: (tx: FinanceWriter) => Promise<T>): Promise<T>;
}

/**
 * Reads that lock and writes, available inside a transaction. Inserting an entity and saving it are audited (saves
 * write only if the stored row is still at `before`'s version, else VERSION_CONFLICT); child rows (journal lines,
 * applications, revenue lines) are not entities and are not audited on their own.
 */
export interface FinanceWriter {
  /** Queues domain events; they reach the outbox in the same transaction as the writes (nothing when it fails). */
  emit(...events: EventDraft[]): void;
  legalEntity(id: string): Promise<LegalEntity | null>;
  /** The latest SPOT rate dated on or before `on` in each direction of the pair (zero to two rows). */
  conversionCandidates(from: string, to: string, on: string): Promise<ExchangeRate[]>;
  exchangeRateByNaturalKey(from: string, to: string, rateDate: string, rateType: RateType): Promise<ExchangeRate | null>;
  insertExchangeRate(rate: ExchangeRate): Promise<void>;
  /** Next value of a legal entity's sequence, continuing from existing numbers on first use. */
  nextSequence(legalEntityId: string, kind: SequenceKind): Promise<bigint>;

  customerFinancial(id: string): Promise<CustomerFinancial | null>;
  customerFinancialByKey(key: CustomerKey): Promise<CustomerFinancial | null>;
  lockCustomerFinancial(id: string): Promise<CustomerFinancial | null>;
  lockCustomerFinancialByKey(key: CustomerKey): Promise<CustomerFinancial | null>;
  insertCustomerFinancial(c: CustomerFinancial): Promise<void>;
  saveCustomerFinancial(next: CustomerFinancial, before: CustomerFinancial): Promise<CustomerFinancial>;

  receivable(id: string): Promise<Receivable | null>;
  lockReceivableByInvoiceId(invoiceId: string): Promise<Receivable | null>;
  /** Locks the receivables in id order (a stable order keeps concurrent payments from deadlocking). */
  lockReceivables(ids: readonly string[]): Promise<Receivable[]>;
  insertReceivable(r: Receivable): Promise<void>;
  saveReceivable(next: Receivable, before: Receivable): Promise<Receivable>;

  liveApplications(receivableIds: readonly string[]): Promise<ReceivableApplication[]>;
  applicationsBySource(kind: ApplicationKind, sourceId: string): Promise<ReceivableApplication[]>;
  insertApplications(apps: readonly ReceivableApplication[]): Promise<void>;
  markApplicationsReversed(ids: readonly string[], reversedAt: string): Promise<void>;

  lockPayment(id: string): Promise<Payment | null>;
  paymentByBankReference(legalEntityId: string, bankReference: string): Promise<Payment | null>;
  insertPayment(p: Payment): Promise<void>;
  savePayment(next: Payment, before: Payment): Promise<Payment>;

  lockJournalEntry(id: string): Promise<JournalEntry | null>;
  journalBySource(sourceType: JournalSource, sourceId: string): Promise<JournalEntry | null>;
  journalLines(entryId: string): Promise<JournalLine[]>;
  insertJournal(journal: PostedJournal): Promise<void>;
  /** Marks a POSTED entry (`before`, as read) REVERSED (`next`); INVALID_TRANSITION when it no longer is POSTED. Audited. */
  markJournalReversed(next: JournalEntry, before: JournalEntry): Promise<void>;

  lockRevenueSchedule(id: string): Promise<RevenueSchedule | null>;
  /** Locks the projects' schedules that are not cancelled, in id order. */
  lockSchedulesOfProjects(projectIds: readonly string[]): Promise<RevenueSchedule[]>;
  liveScheduleOfProject(projectId: string): Promise<RevenueSchedule | null>;
  /** Locks the project's live (DRAFT or ACTIVE) schedule. */
  lockLiveScheduleOfProject(projectId: string): Promise<RevenueSchedule | null>;
  revenueLines(scheduleIds: readonly string[]): Promise<RevenueScheduleLine[]>;
  insertRevenueSchedule(s: RevenueSchedule): Promise<void>;
  saveRevenueSchedule(next: RevenueSchedule, before: RevenueSchedule): Promise<RevenueSchedule>;
  insertRevenueLines(lines: readonly RevenueScheduleLine[]): Promise<void>;
  /** Inserts or updates lines by id (lines carry no version; their schedule is locked around changes). */
  upsertRevenueLines(lines: readonly RevenueScheduleLine[]): Promise<void>;
  /** Sets the planned amounts of existing lines in one statement (their schedule is locked around changes). */
  saveRevenueLinePlans(lines: readonly RevenueScheduleLine[]): Promise<void>;
  /** The modification an amendment made to the project's revenue, if it was applied. */
  modificationByAmendment(projectId: string, amendmentId: string): Promise<RevenueScheduleModification | null>;
  insertModification(m: RevenueScheduleModification): Promise<void>;
}
