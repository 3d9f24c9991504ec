import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Money as MoneyModel } from '../../../../platform/money/money.js';
import type { EntityRef as EntityRefModel, ProjectRef as ProjectRefModel, Margin as MarginModel, LegalEntity as LegalEntityModel, CurrencyInfo as CurrencyInfoModel, ExchangeRate as ExchangeRateModel, CustomerFinancial as CustomerFinancialModel, Receivable as ReceivableModel, ReceivableApplication as ReceivableApplicationModel, Payment as PaymentModel, JournalEntry as JournalEntryModel, JournalLine as JournalLineModel, RevenueSchedule as RevenueScheduleModel, RevenueScheduleLine as RevenueScheduleLineModel } from '../domain/types.js';
import type { FinanceContext } from '../graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A whole number of arbitrary size, serialized as a decimal string (for example "123456789012"), so that
   * amounts beyond 2^53 survive JSON without loss.
   */
  BigInt: { input: string; output: string | bigint; }
  /** A three-letter ISO 4217 currency code the product supports (for example `USD`, `CAD`, `JPY`). */
  CurrencyCode: { input: string; output: string; }
  /** An instant in UTC, ISO-8601 with milliseconds (`2026-03-01T09:30:00.000Z`), for audit timestamps. */
  DateTime: { input: string; output: string; }
  /**
   * An exact decimal number serialized as a string in plain notation (for example "142.5000"), used for rates,
   * quantities and percentages. Never a binary floating-point number.
   */
  Decimal: { input: string; output: string; }
  /** A calendar date without time zone, `YYYY-MM-DD` (business dates: work date, invoice date, due date). */
  LocalDate: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A client or prospect organisation. */
export type Account = {
  __typename?: 'Account';
  /** The account's customer records in the ERP, one per legal entity (finance, executive and sales only). */
  customerFinancials?: Maybe<Array<CustomerFinancial>>;
  /** Stable identifier (`acc_…`). */
  id: Scalars['ID']['output'];
  /** Receivables of the account not yet fully settled, oldest due first (finance and executive only). */
  openReceivables?: Maybe<Array<Receivable>>;
};

/** Input to apply a contract modification to a project's live revenue schedule, prospectively from its effective date. */
export type AdjustRevenueScheduleInput = {
  /**
   * Contract amendment (`amd_…`) behind the change: the natural key of the modification, so the same amendment applied
   * again returns the schedule unchanged (and with another delta or date is a CONFLICT).
   */
  amendmentId?: InputMaybe<Scalars['ID']['input']>;
  /** Change of the transaction price, in the schedule currency (negative to reduce; zero changes nothing). */
  delta: MoneyInput;
  /** Date the modification takes effect: STRAIGHT_LINE and COST_TO_COST schedules re-spread from its period on. */
  effectiveDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Project whose live (DRAFT or ACTIVE) schedule is adjusted. */
  projectId: Scalars['ID']['input'];
};

/** How a receivable was settled in part. */
export type ApplicationKind =
  /** A credit memo. */
  | 'CREDIT_MEMO'
  /** A payment. */
  | 'PAYMENT';

/** The kind of change an audit entry records. */
export type AuditAction =
  /** The entity was created. */
  | 'CREATE'
  /** The entity was deleted (only drafts are ever deleted). */
  | 'DELETE'
  /** The status changed (a state-machine transition). */
  | 'TRANSITION'
  /** Fields changed; the status did not. */
  | 'UPDATE';

/** One change made by a mutation in a system of record: who, when, what, and under which correlation id. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** Kind of change. */
  action: AuditAction;
  /** Subject of the caller (a user, or `system:<component>`). */
  actor: Scalars['String']['output'];
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** Correlation id of the request or flow. */
  correlationId: Scalars['String']['output'];
  /** Identifier of the entity changed. */
  entityId: Scalars['ID']['output'];
  /** Type of the entity changed. */
  entityType: Scalars['String']['output'];
  /** Status before the change. */
  fromStatus?: Maybe<Scalars['String']['output']>;
  /** Version before the change (null for a creation). */
  fromVersion?: Maybe<Scalars['Int']['output']>;
  /** Identifier of the entry. */
  id: Scalars['ID']['output'];
  /** The mutation that made the change. */
  operation?: Maybe<Scalars['String']['output']>;
  /** Roles the caller held. */
  roles: Array<Scalars['String']['output']>;
  /** The system of record that recorded it. */
  subgraph: Scalars['String']['output'];
  /** Status after the change. */
  toStatus?: Maybe<Scalars['String']['output']>;
  /** Version after the change. */
  toVersion?: Maybe<Scalars['Int']['output']>;
};

/** Everything the systems of record recorded under one correlation id. */
export type AuditTrail = {
  __typename?: 'AuditTrail';
  /** Correlation id of the request or flow. */
  correlationId: Scalars['ID']['output'];
  /** Changes recorded by finance, oldest first. */
  finance?: Maybe<Array<AuditEntry>>;
};

/** How an engagement is sold and billed. */
export type BillingModel =
  /** A fixed price billed in instalments over time. */
  | 'FIXED_FEE'
  /** A fixed price billed when the client accepts milestones. */
  | 'MILESTONE'
  /** Internal or investment work that is not billed. */
  | 'NON_BILLABLE'
  /** A recurring fee for reserved capacity. */
  | 'RETAINER'
  /** Time and materials: approved hours at agreed rates, plus billable expenses. */
  | 'TIME_AND_MATERIALS';

/** Input to record an exchange rate. */
export type CreateExchangeRateInput = {
  /** Source currency. */
  from: Scalars['CurrencyCode']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Rate (greater than zero, at most 10 decimals). */
  rate: Scalars['Decimal']['input'];
  /** Date it applies from. */
  rateDate: Scalars['LocalDate']['input'];
  /** Kind of rate. */
  rateType: RateType;
  /** Where it came from. */
  source: Scalars['String']['input'];
  /** Target currency. */
  to: Scalars['CurrencyCode']['input'];
};

/** Input to create a revenue schedule in DRAFT. */
export type CreateRevenueScheduleInput = {
  /** Transaction price allocated (greater than zero). */
  allocatedAmount: MoneyInput;
  /** Contract. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Planned periods; for STRAIGHT_LINE, `periods` may be given instead. */
  lines?: InputMaybe<Array<RevenueLineInput>>;
  /** Recognition method. */
  method: RevRecMethod;
  /** Performance obligation. */
  performanceObligation: Scalars['String']['input'];
  /** First and last period for an even STRAIGHT_LINE split (largest remainder). */
  periods?: InputMaybe<PeriodRangeInput>;
  /** Project (one live schedule per project). */
  projectId: Scalars['ID']['input'];
};

/** A currency and its minor unit. */
export type Currency = {
  __typename?: 'Currency';
  /** ISO 4217 code. */
  code: Scalars['CurrencyCode']['output'];
  /** Number of decimals of the minor unit (2 for USD, 0 for JPY). */
  minorUnit: Scalars['Int']['output'];
  /** Name. */
  name: Scalars['String']['output'];
};

/** The ERP's customer record for one CRM account in one legal entity. */
export type CustomerFinancial = {
  __typename?: 'CustomerFinancial';
  /** The CRM account. */
  account?: Maybe<Account>;
  /** Credit limit. */
  creditLimit?: Maybe<Money>;
  /** CRM account identifier. */
  crmAccountId: Scalars['ID']['output'];
  /** Currency the customer is invoiced in. */
  currency: Scalars['CurrencyCode']['output'];
  /** Customer number in the ERP. */
  customerNumber: Scalars['String']['output'];
  /** Stable identifier (`cf_…`). */
  id: Scalars['ID']['output'];
  /** The legal entity. */
  legalEntity: LegalEntity;
  /** Legal entity identifier. */
  legalEntityId: Scalars['ID']['output'];
  /** Σ open amounts of the customer's receivables. */
  openBalance: Money;
  /** Days from invoice to due date. */
  paymentTermsDays: Scalars['Int']['output'];
  /** Credit status. */
  status: CustomerFinancialStatus;
  /** Tax registration. */
  taxId?: Maybe<Scalars['String']['output']>;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Credit actions on a customer. */
export type CustomerFinancialAction =
  /** ACTIVE or CREDIT_HOLD → BLOCKED. */
  | 'BLOCK'
  /** ACTIVE → INACTIVE. */
  | 'DEACTIVATE'
  /** ACTIVE → CREDIT_HOLD. */
  | 'HOLD'
  /** CREDIT_HOLD → ACTIVE. */
  | 'RELEASE'
  /** BLOCKED → ACTIVE. */
  | 'UNBLOCK';

/** A page of customer financials. */
export type CustomerFinancialConnection = {
  __typename?: 'CustomerFinancialConnection';
  /** The customer financials on this page. */
  edges: Array<CustomerFinancialEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A customer financial in a connection. */
export type CustomerFinancialEdge = {
  __typename?: 'CustomerFinancialEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The customer financial. */
  node: CustomerFinancial;
};

/** Filter for customer financials. */
export type CustomerFinancialFilter = {
  /** Only customers for this CRM account. */
  crmAccountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only customers of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only customers in these statuses. */
  statuses?: InputMaybe<Array<CustomerFinancialStatus>>;
};

/** Credit status of a customer in the ERP. */
export type CustomerFinancialStatus =
  /** Trading normally. */
  | 'ACTIVE'
  /** No trading. */
  | 'BLOCKED'
  /** New invoices held until credit is reviewed. */
  | 'CREDIT_HOLD'
  /** No longer a customer. */
  | 'INACTIVE';

/** An inclusive range of calendar dates; either end may be omitted. */
export type DateRange = {
  /** First date included. */
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Last date included. */
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** The recorded history of one entity. */
export type EntityHistory = {
  __typename?: 'EntityHistory';
  /** Identifier of the entity. */
  entityId: Scalars['ID']['output'];
  /** Type of the entity, for example `Invoice`. */
  entityType: Scalars['String']['output'];
  /** Changes recorded by finance, oldest first. */
  finance?: Maybe<Array<AuditEntry>>;
};

/** A dated exchange rate: 1 unit of `from` = `rate` units of `to`. */
export type ExchangeRate = {
  __typename?: 'ExchangeRate';
  /** Source currency. */
  from: Scalars['CurrencyCode']['output'];
  /** Stable identifier (`fx_…`). */
  id: Scalars['ID']['output'];
  /** Rate, scale 10. */
  rate: Scalars['Decimal']['output'];
  /** Date the rate applies from. */
  rateDate: Scalars['LocalDate']['output'];
  /** Kind of rate. */
  rateType: RateType;
  /** Where the rate came from. */
  source: Scalars['String']['output'];
  /** Target currency. */
  to: Scalars['CurrencyCode']['output'];
};

/** A page of exchange rates. */
export type ExchangeRateConnection = {
  __typename?: 'ExchangeRateConnection';
  /** The exchange rates on this page. */
  edges: Array<ExchangeRateEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** An exchange rate in a connection. */
export type ExchangeRateEdge = {
  __typename?: 'ExchangeRateEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The exchange rate. */
  node: ExchangeRate;
};

/** Filter for exchange rates. */
export type ExchangeRateFilter = {
  /** Source currency. */
  from?: InputMaybe<Scalars['CurrencyCode']['input']>;
  /** Rates dated in this range. */
  rateDate?: InputMaybe<DateRange>;
  /** Kind of rate. */
  rateType?: InputMaybe<RateType>;
  /** Target currency. */
  to?: InputMaybe<Scalars['CurrencyCode']['input']>;
};

/** A link from an entity to the same record in an external system (Salesforce, NetSuite, Kantata, …). */
export type ExternalRef = {
  __typename?: 'ExternalRef';
  /** Identifier of the record in that system. */
  externalId: Scalars['String']['output'];
  /** Name of the external system, for example `salesforce`. */
  system: Scalars['String']['output'];
};

/** A link to an external system's record, given as input. */
export type ExternalRefInput = {
  /** Identifier of the record in that system. */
  externalId: Scalars['String']['input'];
  /** Name of the external system. */
  system: Scalars['String']['input'];
};

/** A consistency check within one service. */
export type IntegrityCheck = {
  __typename?: 'IntegrityCheck';
  /** What it verifies. */
  description: Scalars['String']['output'];
  /** Name of the check. */
  name: Scalars['String']['output'];
  /** Up to 20 of them, as keys. */
  samples: Array<Scalars['String']['output']>;
  /** Records that violate it. */
  violations: Scalars['Int']['output'];
};

/**
 * The integration health of one service, for reconciliation and the invariant check (integration admins): its outbox
 * backlog, its own consistency checks, and sets of keys to compare with other services.
 */
export type IntegrityReport = {
  __typename?: 'IntegrityReport';
  /** Consistency checks within the service, each with its violations (zero when sound). */
  checks: Array<IntegrityCheck>;
  /** Events written but not yet published. */
  outbox: OutboxBacklog;
  /** The service reporting. */
  service: Scalars['String']['output'];
  /** A reconciliation set by name (null when the service has no such set); see `sets` for the names. */
  set?: Maybe<KeySet>;
  /** Names of the reconciliation sets the service offers. */
  sets: Array<Scalars['String']['output']>;
};


/**
 * The integration health of one service, for reconciliation and the invariant check (integration admins): its outbox
 * backlog, its own consistency checks, and sets of keys to compare with other services.
 */
export type IntegrityReportSetArgs = {
  name: Scalars['String']['input'];
};

/** A bill sent to a client. */
export type Invoice = {
  __typename?: 'Invoice';
  /** Amount still owed; null until posted (finance and executive only). */
  amountDue?: Maybe<Money>;
  /** Amount paid so far (payments and credits applied); null until posted (finance and executive only). */
  amountPaid?: Maybe<Money>;
  /** Stable identifier (`inv_…`). */
  id: Scalars['ID']['output'];
  /** Payment status derived from the receivable; null until the invoice is posted (commercial roles only). */
  paymentStatus?: Maybe<InvoicePaymentStatus>;
  /** The receivable created when the invoice was posted (finance and executive only). */
  receivable?: Maybe<Receivable>;
};

/** Payment status of a posted invoice, derived from its receivable. */
export type InvoicePaymentStatus =
  /** Fully settled by credit memos. */
  | 'CREDITED'
  /** Nothing paid and not yet due. */
  | 'NOT_DUE_UNPAID'
  /** Past its due date with an amount open. */
  | 'OVERDUE'
  /** Fully paid. */
  | 'PAID'
  /** Partly settled by credit memos, the rest still open. */
  | 'PARTIALLY_CREDITED'
  /** Partly paid. */
  | 'PARTIALLY_PAID'
  /** The invoice was voided and its receivable reversed. */
  | 'VOID'
  /** Written off as bad debt. */
  | 'WRITTEN_OFF';

/** A balanced double-entry posting: Σ debits = Σ credits exactly, in functional currency. */
export type JournalEntry = {
  __typename?: 'JournalEntry';
  /** Description. */
  description: Scalars['String']['output'];
  /** Stable identifier (`je_…`). */
  id: Scalars['ID']['output'];
  /** Legal entity identifier. */
  legalEntityId: Scalars['ID']['output'];
  /** Lines. */
  lines: Array<JournalLine>;
  /** Number, sequential per legal entity. */
  number: Scalars['String']['output'];
  /** Accounting period, `YYYY-MM`. */
  period: Scalars['String']['output'];
  /** Posting date. */
  postingDate: Scalars['LocalDate']['output'];
  /** The entry this one reverses. */
  reversalOf?: Maybe<JournalEntry>;
  /** Identifier of the source document. */
  sourceId: Scalars['ID']['output'];
  /** What produced it. */
  sourceType: JournalSource;
  /** Lifecycle status. */
  status: JournalStatus;
  /** Σ credits. */
  totalCredit: Money;
  /** Σ debits. */
  totalDebit: Money;
};

/** A page of journal entries. */
export type JournalEntryConnection = {
  __typename?: 'JournalEntryConnection';
  /** The journal entries on this page. */
  edges: Array<JournalEntryEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A journal entry in a connection. */
export type JournalEntryEdge = {
  __typename?: 'JournalEntryEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The journal entry. */
  node: JournalEntry;
};

/** Filter for journal entries. */
export type JournalEntryFilter = {
  /** Only entries of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries of this period (`YYYY-MM`). */
  period?: InputMaybe<Scalars['String']['input']>;
  /** Only entries of this source document. */
  sourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries of this source type. */
  sourceType?: InputMaybe<JournalSource>;
};

/** One line of a journal entry, in functional currency. */
export type JournalLine = {
  __typename?: 'JournalLine';
  /** Account code of the chart of accounts, for example `1100` (receivables). */
  accountCode: Scalars['String']['output'];
  /** Account name. */
  accountName: Scalars['String']['output'];
  /** Credit amount (zero when a debit). */
  credit: Money;
  /** Debit amount (zero when a credit). */
  debit: Money;
  /** Description. */
  memo?: Maybe<Scalars['String']['output']>;
  /** Project the line relates to. */
  projectId?: Maybe<Scalars['ID']['output']>;
  /** Amount in the transaction currency, when different from functional. */
  transactionAmount?: Maybe<Money>;
};

/** One line of a manual journal entry, in functional currency. */
export type JournalLineInput = {
  /** Account code. */
  accountCode: Scalars['String']['input'];
  /** Credit, in minor units (zero or omitted when a debit). */
  creditMinor?: InputMaybe<Scalars['BigInt']['input']>;
  /** Debit, in minor units (zero or omitted when a credit). */
  debitMinor?: InputMaybe<Scalars['BigInt']['input']>;
  /** Description. */
  memo?: InputMaybe<Scalars['String']['input']>;
  /** Project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

/** What produced a journal entry. */
export type JournalSource =
  /** Credit memo posting. */
  | 'CREDIT_MEMO'
  /** Invoice posting. */
  | 'INVOICE'
  /** Manual entry. */
  | 'MANUAL'
  /** Payment receipt. */
  | 'PAYMENT'
  /** Revenue recognition. */
  | 'REVENUE_RECOGNITION'
  /** Reversal of another entry. */
  | 'REVERSAL';

/** Lifecycle of a journal entry. */
export type JournalStatus =
  /** Posted; immutable. */
  | 'POSTED'
  /** Reversed by a later entry. */
  | 'REVERSED';

/** One bucket of a key set. */
export type KeyBucket = {
  __typename?: 'KeyBucket';
  /** Bucket number, 0–63. */
  bucket: Scalars['Int']['output'];
  /** Sum of the keys' 60-bit hashes, as a decimal string. */
  checksum: Scalars['String']['output'];
  /** Keys in it. */
  count: Scalars['Int']['output'];
};

/**
 * A set of keys summarised for reconciliation between services without moving the keys: per bucket (a hash of the key
 * modulo 64) a count and a checksum; where two services' buckets differ, their keys are compared.
 */
export type KeySet = {
  __typename?: 'KeySet';
  /** Non-empty buckets. */
  buckets: Array<KeyBucket>;
  /** Keys in the set (a key held twice counts twice). */
  count: Scalars['Int']['output'];
  /** The keys of one bucket, in order (a drill-down after a mismatch). */
  keys: Array<Scalars['String']['output']>;
  /** Name of the set. */
  name: Scalars['String']['output'];
};


/**
 * A set of keys summarised for reconciliation between services without moving the keys: per bucket (a hash of the key
 * modulo 64) a count and a checksum; where two services' buckets differ, their keys are compared.
 */
export type KeySetKeysArgs = {
  bucket: Scalars['Int']['input'];
};

/** One invoice line as the ledger needs it. */
export type LedgerLineInput = {
  /** Net amount. */
  netAmount: MoneyInput;
  /** Project billed. */
  projectId: Scalars['ID']['input'];
  /** Tax amount. */
  taxAmount: MoneyInput;
};

/** A legal entity of the firm: contracts, invoices and books are per legal entity. */
export type LegalEntity = {
  __typename?: 'LegalEntity';
  /** ISO 3166-1 alpha-2 country. */
  country: Scalars['String']['output'];
  /** First month (1–12) of the fiscal year. */
  fiscalYearStartMonth: Scalars['Int']['output'];
  /** Currency the books are kept in. */
  functionalCurrency: Scalars['CurrencyCode']['output'];
  /** Stable identifier (`le_…`). */
  id: Scalars['ID']['output'];
  /** Prefix of invoice numbers. */
  invoiceNumberPrefix: Scalars['String']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** Tax registration. */
  taxId?: Maybe<Scalars['String']['output']>;
};

/** Margin to date of a project. */
export type Margin = {
  __typename?: 'Margin';
  /** revenue − cost. */
  amount: Money;
  /** True when percent is below the project's margin threshold (null when either is unknown). */
  belowThreshold?: Maybe<Scalars['Boolean']['output']>;
  /** Actual cost. */
  cost: Money;
  /** amount / revenue × 100 with two decimals; null while there is no revenue. */
  percent?: Maybe<Scalars['Decimal']['output']>;
  /** Recognized revenue. */
  revenue: Money;
};

/**
 * An exact amount of money. `amountMinor` is canonical: an integer count of the currency's minor units
 * (cents for USD, yen for JPY, fils for BHD). `amount` is the same value as a decimal string for display.
 */
export type Money = {
  __typename?: 'Money';
  /** The amount in major units as a decimal string with the currency's number of decimals (for example "1250.50"). */
  amount: Scalars['Decimal']['output'];
  /** Integer amount in the currency's minor units, as a string (for example "125050" for USD 1,250.50). */
  amountMinor: Scalars['BigInt']['output'];
  /** ISO 4217 currency of the amount. */
  currency: Scalars['CurrencyCode']['output'];
};

/** An amount of money given as input: integer minor units and a currency. */
export type MoneyInput = {
  /** Integer amount in the currency's minor units, as a string. */
  amountMinor: Scalars['BigInt']['input'];
  /** ISO 4217 currency of the amount. */
  currency: Scalars['CurrencyCode']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Applies a contract modification to the project's live revenue schedule, prospectively: the allocated amount moves
   * by the delta; STRAIGHT_LINE re-spreads what is not yet recognized evenly over the planned periods from the effective
   * date (COST_TO_COST in proportion to their plan), largest remainder; MILESTONE adds the delta to the last planned
   * milestone line; AS_INVOICED changes only the allocated amount (finance and the process layer).
   */
  adjustRevenueSchedule: RevenueSchedule;
  /** Records an exchange rate. */
  createExchangeRate: ExchangeRate;
  /**
   * Creates a revenue schedule in DRAFT. A project has one live schedule: an integration administrator (the setup saga)
   * asking again for the same project and terms gets the live schedule back unchanged; other terms are a CONFLICT.
   */
  createRevenueSchedule: RevenueSchedule;
  /** Posts a credit memo: reduces the invoice's receivable and journals the reversal of revenue and tax. */
  postCreditMemoToLedger: Receivable;
  /**
   * Posts an issued invoice: a receivable and a balanced journal (Dr receivables; Cr revenue or contract asset,
   * Cr tax) in functional currency at the invoice-date rate. Posting the same invoice again returns the same receivable.
   */
  postInvoiceToLedger: Receivable;
  /** Posts a balanced manual journal entry. */
  postManualJournal: JournalEntry;
  /** Recognizes revenue for a period and journals it. */
  recognizeRevenue: RevenueSchedule;
  /** Records a payment, applies it and journals cash, receivables and realised FX gain or loss. */
  recordPayment: Payment;
  /** Reverses a posted journal entry with a new entry. */
  reverseJournalEntry: JournalEntry;
  /** Reverses a payment and re-opens what it settled. */
  reversePayment: Payment;
  /** Applies a credit action to a customer. */
  transitionCustomerFinancial: CustomerFinancial;
  /** Applies a lifecycle action to a revenue schedule. */
  transitionRevenueSchedule: RevenueSchedule;
  /** Creates or updates the ERP customer for a CRM account in a legal entity. */
  upsertCustomerFinancial: CustomerFinancial;
  /** Reverses a voided invoice's receivable and journal. */
  voidInvoiceInLedger: Receivable;
};


export type MutationAdjustRevenueScheduleArgs = {
  input: AdjustRevenueScheduleInput;
};


export type MutationCreateExchangeRateArgs = {
  input: CreateExchangeRateInput;
};


export type MutationCreateRevenueScheduleArgs = {
  input: CreateRevenueScheduleInput;
};


export type MutationPostCreditMemoToLedgerArgs = {
  input: PostCreditMemoToLedgerInput;
};


export type MutationPostInvoiceToLedgerArgs = {
  input: PostInvoiceToLedgerInput;
};


export type MutationPostManualJournalArgs = {
  input: PostManualJournalInput;
};


export type MutationRecognizeRevenueArgs = {
  input: RecognizeRevenueInput;
};


export type MutationRecordPaymentArgs = {
  input: RecordPaymentInput;
};


export type MutationReverseJournalEntryArgs = {
  input: ReverseJournalEntryInput;
};


export type MutationReversePaymentArgs = {
  input: ReversePaymentInput;
};


export type MutationTransitionCustomerFinancialArgs = {
  input: TransitionCustomerFinancialInput;
};


export type MutationTransitionRevenueScheduleArgs = {
  input: TransitionRevenueScheduleInput;
};


export type MutationUpsertCustomerFinancialArgs = {
  input: UpsertCustomerFinancialInput;
};


export type MutationVoidInvoiceInLedgerArgs = {
  input: VoidInvoiceInLedgerInput;
};

/** The outbox of a service. */
export type OutboxBacklog = {
  __typename?: 'OutboxBacklog';
  /** Unpublished events whose publication failed at least once. */
  failing: Scalars['Int']['output'];
  /** When the oldest unpublished event was written. */
  oldestUnpublishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Events not yet published. */
  unpublished: Scalars['Int']['output'];
};

/** Paging state of a cursor connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Opaque cursor of the last edge returned; pass it as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last edge returned. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Money received from a customer. */
export type Payment = {
  __typename?: 'Payment';
  /** Amount received. */
  amount: Money;
  /** Applications to receivables. */
  applications: Array<ReceivableApplication>;
  /** Bank reference, unique per legal entity. */
  bankReference?: Maybe<Scalars['String']['output']>;
  /** The paying customer. */
  customerFinancial?: Maybe<CustomerFinancial>;
  /** Amount in functional currency at the received-date rate. */
  functionalAmount: Money;
  /** Rate used. */
  fxRate: Scalars['Decimal']['output'];
  /** Stable identifier (`pay_…`). */
  id: Scalars['ID']['output'];
  /** Journal entry recording it. */
  journalEntry?: Maybe<JournalEntry>;
  /** Legal entity identifier. */
  legalEntityId: Scalars['ID']['output'];
  /** How it was received. */
  method: PaymentMethod;
  /** Date received. */
  receivedDate: Scalars['LocalDate']['output'];
  /** Lifecycle status. */
  status: PaymentStatus;
  /** Amount not applied to any receivable. */
  unappliedAmount: Money;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** One application of a payment to a receivable. */
export type PaymentApplicationInput = {
  /** Amount applied (greater than zero, at most the open amount). */
  amount: MoneyInput;
  /** Receivable settled (same customer and currency). */
  receivableId: Scalars['ID']['input'];
};

/** A page of payments. */
export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  /** The payments on this page. */
  edges: Array<PaymentEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A payment in a connection. */
export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The payment. */
  node: Payment;
};

/** Filter for payments. */
export type PaymentFilter = {
  /** Only payments of this customer. */
  customerFinancialId?: InputMaybe<Scalars['ID']['input']>;
  /** Only payments of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only payments received in this range. */
  receivedDate?: InputMaybe<DateRange>;
};

/** How a payment was received. */
export type PaymentMethod =
  /** Bank transfer. */
  | 'BANK_TRANSFER'
  /** Card. */
  | 'CARD'
  /** Cheque. */
  | 'CHECK'
  /** Direct debit. */
  | 'DIRECT_DEBIT'
  /** Other. */
  | 'OTHER';

/** Lifecycle of a payment. */
export type PaymentStatus =
  /** Fully applied. */
  | 'APPLIED'
  /** Partly applied. */
  | 'PARTIALLY_APPLIED'
  /** Received, nothing applied. */
  | 'RECEIVED'
  /** Bounced or reversed; its applications are undone. */
  | 'REVERSED';

/** An inclusive range of periods. */
export type PeriodRangeInput = {
  /** First period, `YYYY-MM`. */
  from: Scalars['String']['input'];
  /** Last period, `YYYY-MM`. */
  to: Scalars['String']['input'];
};

/** Input to post an issued credit memo against its invoice's receivable. */
export type PostCreditMemoToLedgerInput = {
  /** Credit memo identifier (posted once). */
  creditMemoId: Scalars['ID']['input'];
  /** Credit memo number. */
  creditMemoNumber: Scalars['String']['input'];
  /** Credit date. */
  documentDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Invoice credited. */
  invoiceId: Scalars['ID']['input'];
  /** Lines credited. */
  lines: Array<LedgerLineInput>;
};

/** Input to post an issued invoice to the ledger: a receivable and a balanced journal entry (idempotent per invoice). */
export type PostInvoiceToLedgerInput = {
  /** CRM account billed (its customer financial in the legal entity must exist). */
  crmAccountId: Scalars['ID']['input'];
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** Invoice date (the FX rate date). */
  documentDate: Scalars['LocalDate']['input'];
  /** Due date. */
  dueDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Invoice identifier (one receivable per invoice). */
  invoiceId: Scalars['ID']['input'];
  /** Invoice number. */
  invoiceNumber: Scalars['String']['input'];
  /** Issuing legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Lines (at least one). */
  lines: Array<LedgerLineInput>;
};

/** Input to post a manual journal entry; it must balance to the minor unit. */
export type PostManualJournalInput = {
  /** Description. */
  description: Scalars['String']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Legal entity (amounts are in its functional currency). */
  legalEntityId: Scalars['ID']['input'];
  /** Lines (at least two). */
  lines: Array<JournalLineInput>;
  /** Posting date. */
  postingDate: Scalars['LocalDate']['input'];
};

/** An engagement being delivered for a client. */
export type Project = {
  __typename?: 'Project';
  /** Cost incurred (from projects; finance and executive only, so absent for other callers). */
  actualCost?: Maybe<Money>;
  /** Project currency (from projects). */
  currency: Scalars['CurrencyCode']['output'];
  /** Stable identifier (`prj_…`). */
  id: Scalars['ID']['output'];
  /** Margin to date: recognized revenue minus actual cost; null while the actual cost is unknown (finance and executive only). */
  margin?: Maybe<Margin>;
  /** Margin alert threshold in percent (from projects). */
  marginThresholdPct?: Maybe<Scalars['Decimal']['output']>;
  /** Receivables for invoices with a line for this project, oldest first (finance and executive only). */
  receivables?: Maybe<Array<Receivable>>;
  /** Σ recognized amounts of the project's revenue schedule lines, in the project currency (finance and executive only). */
  recognizedRevenue?: Maybe<Money>;
  /** Revenue schedules of the project (finance and executive only). */
  revenueSchedules?: Maybe<Array<RevenueSchedule>>;
};

export type Query = {
  __typename?: 'Query';
  /** Supported currencies. */
  currencies: Array<Currency>;
  /** One currency by ISO code. */
  currency?: Maybe<Currency>;
  /** One customer financial by id. */
  customerFinancial?: Maybe<CustomerFinancial>;
  /** Customer financials, ordered by id. */
  customerFinancials?: Maybe<CustomerFinancialConnection>;
  /** The rate in effect on a date: the latest of the type dated on or before it. */
  effectiveExchangeRate?: Maybe<ExchangeRate>;
  /** One exchange rate by id. */
  exchangeRate?: Maybe<ExchangeRate>;
  /** Exchange rates, ordered by id. */
  exchangeRates: ExchangeRateConnection;
  /** Integration health of finance: outbox backlog, consistency checks and reconciliation sets (integration admins). */
  financeIntegrity?: Maybe<IntegrityReport>;
  /** Journal entries, ordered by id. */
  journalEntries?: Maybe<JournalEntryConnection>;
  /** One journal entry by id. */
  journalEntry?: Maybe<JournalEntry>;
  /** Every legal entity of the firm. */
  legalEntities: Array<LegalEntity>;
  /** One legal entity by id. */
  legalEntity?: Maybe<LegalEntity>;
  /** One payment by id. */
  payment?: Maybe<Payment>;
  /** Payments, ordered by id. */
  payments?: Maybe<PaymentConnection>;
  /** One receivable by id. */
  receivable?: Maybe<Receivable>;
  /** Receivables, ordered by id. */
  receivables?: Maybe<ReceivableConnection>;
  /** One revenue schedule by id. */
  revenueSchedule?: Maybe<RevenueSchedule>;
};


export type QueryCurrencyArgs = {
  code: Scalars['CurrencyCode']['input'];
};


export type QueryCustomerFinancialArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerFinancialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFinancialFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEffectiveExchangeRateArgs = {
  from: Scalars['CurrencyCode']['input'];
  on: Scalars['LocalDate']['input'];
  rateType?: InputMaybe<RateType>;
  to: Scalars['CurrencyCode']['input'];
};


export type QueryExchangeRateArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExchangeRatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExchangeRateFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryJournalEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<JournalEntryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryJournalEntryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryLegalEntityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PaymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReceivableArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReceivablesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReceivableFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRevenueScheduleArgs = {
  id: Scalars['ID']['input'];
};

/** Kind of exchange rate. */
export type RateType =
  /** Rate at which a balance was first recorded. */
  | 'HISTORICAL'
  /** Average over a month (P&L reporting). */
  | 'MONTH_AVERAGE'
  /** Rate at month end (revaluation). */
  | 'MONTH_END'
  /** Daily spot rate (documents). */
  | 'SPOT';

/** An amount a customer owes on a posted invoice. */
export type Receivable = {
  __typename?: 'Receivable';
  /** Payments and credits applied. */
  applications: Array<ReceivableApplication>;
  /** When it was fully settled or reversed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['output'];
  /** The customer. */
  customerFinancial?: Maybe<CustomerFinancial>;
  /** Invoice date. */
  documentDate: Scalars['LocalDate']['output'];
  /** Kind of document. */
  documentType: ReceivableDocType;
  /** Due date. */
  dueDate: Scalars['LocalDate']['output'];
  /** Invoice total in functional currency at the invoice-date rate. */
  functionalOriginal: Money;
  /** Rate used for the functional amount. */
  fxRate: Scalars['Decimal']['output'];
  /** Stable identifier (`ar_…`). */
  id: Scalars['ID']['output'];
  /** The invoice. */
  invoice?: Maybe<Invoice>;
  /** Invoice identifier (one receivable per invoice). */
  invoiceId: Scalars['ID']['output'];
  /** Invoice number. */
  invoiceNumber: Scalars['String']['output'];
  /** True when past due with an amount open. */
  isOverdue: Scalars['Boolean']['output'];
  /** The journal entry that recorded it. */
  journalEntry: JournalEntry;
  /** Legal entity identifier. */
  legalEntityId: Scalars['ID']['output'];
  /** Amount still owed. */
  openAmount: Money;
  /** Invoice total. */
  originalAmount: Money;
  /** Projects billed on the invoice. */
  projects?: Maybe<Array<Project>>;
  /** Lifecycle status. */
  status: ReceivableStatus;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** An amount applied to a receivable. */
export type ReceivableApplication = {
  __typename?: 'ReceivableApplication';
  /** Amount applied, in the receivable currency. */
  appliedAmount: Money;
  /** Date applied. */
  appliedOn: Scalars['LocalDate']['output'];
  /** Realised exchange gain (positive) or loss (negative), in functional currency. */
  fxGainLoss?: Maybe<Money>;
  /** Application identifier. */
  id: Scalars['ID']['output'];
  /** Payment or credit memo. */
  kind: ApplicationKind;
  /** Payment identifier or credit memo identifier. */
  sourceId: Scalars['ID']['output'];
};

/** A page of receivables. */
export type ReceivableConnection = {
  __typename?: 'ReceivableConnection';
  /** The receivables on this page. */
  edges: Array<ReceivableEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** What a receivable is for. */
export type ReceivableDocType =
  /** An invoice. */
  | 'INVOICE';

/** A receivable in a connection. */
export type ReceivableEdge = {
  __typename?: 'ReceivableEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The receivable. */
  node: Receivable;
};

/** Filter for receivables. */
export type ReceivableFilter = {
  /** Only receivables of this customer. */
  customerFinancialId?: InputMaybe<Scalars['ID']['input']>;
  /** Only receivables due in this range. */
  dueDate?: InputMaybe<DateRange>;
  /** Only receivables of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only overdue receivables. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only receivables in these statuses. */
  statuses?: InputMaybe<Array<ReceivableStatus>>;
};

/** Lifecycle of a receivable. */
export type ReceivableStatus =
  /** Settled (fully or partly) by credit memos, nothing open. */
  | 'CREDITED'
  /** Nothing settled. */
  | 'OPEN'
  /** Fully paid. */
  | 'PAID'
  /** Partly settled. */
  | 'PARTIALLY_PAID'
  /** Reversed with its invoice. */
  | 'VOID'
  /** Written off. */
  | 'WRITTEN_OFF';

/** Input to recognize revenue for a period of an ACTIVE schedule (not AS_INVOICED, which recognizes on posting). */
export type RecognizeRevenueInput = {
  /** Amount (default the period's planned amount). */
  amount?: InputMaybe<MoneyInput>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Milestone accepted, for the MILESTONE method. */
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  /** Period, `YYYY-MM`. */
  period: Scalars['String']['input'];
  /** Posting date (default the last day of the period). */
  postingDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Schedule. */
  revenueScheduleId: Scalars['ID']['input'];
};

/** Input to record a customer payment and apply it. */
export type RecordPaymentInput = {
  /** Amount received (greater than zero). */
  amount: MoneyInput;
  /** Applications (Σ at most the amount; the rest stays unapplied). */
  applications?: InputMaybe<Array<PaymentApplicationInput>>;
  /** Bank reference, unique per legal entity. */
  bankReference?: InputMaybe<Scalars['String']['input']>;
  /** Paying customer. */
  customerFinancialId: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** How it was received. */
  method: PaymentMethod;
  /** Date received. */
  receivedDate: Scalars['LocalDate']['input'];
};

/** How revenue of a performance obligation is recognized. */
export type RevRecMethod =
  /** As invoiced (right to invoice): time and materials. */
  | 'AS_INVOICED'
  /** By cost incurred over total expected cost (input method). */
  | 'COST_TO_COST'
  /** On milestone acceptance (output method). */
  | 'MILESTONE'
  /** Evenly over the periods. */
  | 'STRAIGHT_LINE';

/** A planned period of a revenue schedule given as input. */
export type RevenueLineInput = {
  /** Milestone recognized in the period. */
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  /** Period, `YYYY-MM`. */
  period: Scalars['String']['input'];
  /** Amount planned. */
  plannedAmount: MoneyInput;
};

/** Status of one period of a revenue schedule. */
export type RevenueLineStatus =
  /** Not yet recognized. */
  | 'PLANNED'
  /** Recognized and journalled. */
  | 'RECOGNIZED';

/** How the revenue of one performance obligation of a contract is recognized over time. */
export type RevenueSchedule = {
  __typename?: 'RevenueSchedule';
  /** Transaction price allocated to the obligation. */
  allocatedAmount: Money;
  /** Contract identifier. */
  contractId?: Maybe<Scalars['ID']['output']>;
  /** Stable identifier (`rs_…`). */
  id: Scalars['ID']['output'];
  /** Legal entity identifier. */
  legalEntityId: Scalars['ID']['output'];
  /** Periods. */
  lines: Array<RevenueScheduleLine>;
  /** Recognition method. */
  method: RevRecMethod;
  /** Performance obligation, for example `Implementation services`. */
  performanceObligation: Scalars['String']['output'];
  /** The project. */
  project?: Maybe<Project>;
  /** Σ recognized amounts. */
  recognizedToDate: Money;
  /** Lifecycle status. */
  status: RevenueScheduleStatus;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a revenue schedule. */
export type RevenueScheduleAction =
  /** DRAFT → ACTIVE. */
  | 'ACTIVATE'
  /** ACTIVE or DRAFT → CANCELLED. */
  | 'CANCEL'
  /** ACTIVE → COMPLETED. */
  | 'COMPLETE';

/** One period's revenue. */
export type RevenueScheduleLine = {
  __typename?: 'RevenueScheduleLine';
  /** Line identifier. */
  id: Scalars['ID']['output'];
  /** Journal entry of the recognition. */
  journalEntryId?: Maybe<Scalars['ID']['output']>;
  /** Milestone recognized, for the MILESTONE method. */
  milestoneId?: Maybe<Scalars['ID']['output']>;
  /** Period, `YYYY-MM`. */
  period: Scalars['String']['output'];
  /** Amount planned. */
  plannedAmount: Money;
  /** Amount recognized. */
  recognizedAmount: Money;
  /** Status. */
  status: RevenueLineStatus;
};

/** Lifecycle of a revenue schedule. */
export type RevenueScheduleStatus =
  /** Recognizing. */
  | 'ACTIVE'
  /** Abandoned. */
  | 'CANCELLED'
  /** Fully recognized. */
  | 'COMPLETED'
  /** Being set up. */
  | 'DRAFT';

/** Input to reverse a posted journal entry. */
export type ReverseJournalEntryInput = {
  /** Entry to reverse. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Reversal date (default the original posting date). */
  postingDate?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Input to reverse a payment (bounced, recalled). */
export type ReversePaymentInput = {
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Payment to reverse. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why. */
  reason: Scalars['String']['input'];
};

/** Input to apply a credit action to a customer. */
export type TransitionCustomerFinancialInput = {
  /** Action to apply. */
  action: CustomerFinancialAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Customer to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a revenue schedule. */
export type TransitionRevenueScheduleInput = {
  /** Action to apply. */
  action: RevenueScheduleAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Schedule to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to create or update the ERP customer for a CRM account in a legal entity (upsert on that pair). */
export type UpsertCustomerFinancialInput = {
  /** Credit limit. */
  creditLimit?: InputMaybe<MoneyInput>;
  /** CRM account. */
  crmAccountId: Scalars['ID']['input'];
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Payment terms in days (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Tax registration. */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** Input to reverse a voided invoice's receivable and journal (only while nothing is applied). */
export type VoidInvoiceInLedgerInput = {
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Invoice voided. */
  invoiceId: Scalars['ID']['input'];
  /** Reversal date (default today). */
  postingDate?: InputMaybe<Scalars['LocalDate']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Account: Account;
  AuditTrail: AuditTrail;
  Currency: Currency;
  CustomerFinancial: CustomerFinancial;
  EntityHistory: EntityHistory;
  ExchangeRate: ExchangeRate;
  Invoice: Invoice;
  JournalEntry: JournalEntry;
  LegalEntity: LegalEntity;
  Payment: Payment;
  Project: Project;
  Receivable: Receivable;
  RevenueSchedule: RevenueSchedule;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  AuditTrail:
    ( { __typename: 'AuditTrail' }
    & GraphQLRecursivePick<FederationTypes['AuditTrail'], {"correlationId":true}> );
  Currency:
    ( { __typename: 'Currency' }
    & GraphQLRecursivePick<FederationTypes['Currency'], {"code":true}> );
  CustomerFinancial:
    ( { __typename: 'CustomerFinancial' }
    & ( GraphQLRecursivePick<FederationTypes['CustomerFinancial'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['CustomerFinancial'], {"crmAccountId":true,"legalEntityId":true}> ) );
  EntityHistory:
    ( { __typename: 'EntityHistory' }
    & GraphQLRecursivePick<FederationTypes['EntityHistory'], {"entityType":true,"entityId":true}> );
  ExchangeRate:
    ( { __typename: 'ExchangeRate' }
    & GraphQLRecursivePick<FederationTypes['ExchangeRate'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  JournalEntry:
    ( { __typename: 'JournalEntry' }
    & GraphQLRecursivePick<FederationTypes['JournalEntry'], {"id":true}> );
  LegalEntity:
    ( { __typename: 'LegalEntity' }
    & GraphQLRecursivePick<FederationTypes['LegalEntity'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Project'], {"currency":true,"actualCost":{"amountMinor":true,"currency":true},"marginThresholdPct":true}>
        | GraphQLRecursivePick<FederationTypes['Project'], {"currency":true,"actualCost":{"amountMinor":true,"currency":true},"marginThresholdPct":true}>
        | GraphQLRecursivePick<FederationTypes['Project'], {"currency":true}> ) );
  Receivable:
    ( { __typename: 'Receivable' }
    & ( GraphQLRecursivePick<FederationTypes['Receivable'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Receivable'], {"invoiceId":true}> ) );
  RevenueSchedule:
    ( { __typename: 'RevenueSchedule' }
    & GraphQLRecursivePick<FederationTypes['RevenueSchedule'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<EntityRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AdjustRevenueScheduleInput: AdjustRevenueScheduleInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApplicationKind: ApplicationKind;
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditTrail: ResolverTypeWrapper<AuditTrail>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BillingModel: BillingModel;
  CreateExchangeRateInput: CreateExchangeRateInput;
  CreateRevenueScheduleInput: CreateRevenueScheduleInput;
  Currency: ResolverTypeWrapper<CurrencyInfoModel>;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  CustomerFinancial: ResolverTypeWrapper<CustomerFinancialModel>;
  CustomerFinancialAction: CustomerFinancialAction;
  CustomerFinancialConnection: ResolverTypeWrapper<Omit<CustomerFinancialConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerFinancialEdge']> }>;
  CustomerFinancialEdge: ResolverTypeWrapper<Omit<CustomerFinancialEdge, 'node'> & { node: ResolversTypes['CustomerFinancial'] }>;
  CustomerFinancialFilter: CustomerFinancialFilter;
  CustomerFinancialStatus: CustomerFinancialStatus;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EntityHistory: ResolverTypeWrapper<EntityHistory>;
  ExchangeRate: ResolverTypeWrapper<ExchangeRateModel>;
  ExchangeRateConnection: ResolverTypeWrapper<Omit<ExchangeRateConnection, 'edges'> & { edges: Array<ResolversTypes['ExchangeRateEdge']> }>;
  ExchangeRateEdge: ResolverTypeWrapper<Omit<ExchangeRateEdge, 'node'> & { node: ResolversTypes['ExchangeRate'] }>;
  ExchangeRateFilter: ExchangeRateFilter;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: ResolverTypeWrapper<IntegrityCheck>;
  IntegrityReport: ResolverTypeWrapper<IntegrityReport>;
  Invoice: ResolverTypeWrapper<EntityRefModel>;
  InvoicePaymentStatus: InvoicePaymentStatus;
  JournalEntry: ResolverTypeWrapper<JournalEntryModel>;
  JournalEntryConnection: ResolverTypeWrapper<Omit<JournalEntryConnection, 'edges'> & { edges: Array<ResolversTypes['JournalEntryEdge']> }>;
  JournalEntryEdge: ResolverTypeWrapper<Omit<JournalEntryEdge, 'node'> & { node: ResolversTypes['JournalEntry'] }>;
  JournalEntryFilter: JournalEntryFilter;
  JournalLine: ResolverTypeWrapper<JournalLineModel>;
  JournalLineInput: JournalLineInput;
  JournalSource: JournalSource;
  JournalStatus: JournalStatus;
  KeyBucket: ResolverTypeWrapper<KeyBucket>;
  KeySet: ResolverTypeWrapper<KeySet>;
  LedgerLineInput: LedgerLineInput;
  LegalEntity: ResolverTypeWrapper<LegalEntityModel>;
  LocalDate: ResolverTypeWrapper<Scalars['LocalDate']['output']>;
  Margin: ResolverTypeWrapper<MarginModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Money: ResolverTypeWrapper<MoneyModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OutboxBacklog: ResolverTypeWrapper<OutboxBacklog>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentModel>;
  PaymentApplicationInput: PaymentApplicationInput;
  PaymentConnection: ResolverTypeWrapper<Omit<PaymentConnection, 'edges'> & { edges: Array<ResolversTypes['PaymentEdge']> }>;
  PaymentEdge: ResolverTypeWrapper<Omit<PaymentEdge, 'node'> & { node: ResolversTypes['Payment'] }>;
  PaymentFilter: PaymentFilter;
  PaymentMethod: PaymentMethod;
  PaymentStatus: PaymentStatus;
  PeriodRangeInput: PeriodRangeInput;
  PostCreditMemoToLedgerInput: PostCreditMemoToLedgerInput;
  PostInvoiceToLedgerInput: PostInvoiceToLedgerInput;
  PostManualJournalInput: PostManualJournalInput;
  Project: ResolverTypeWrapper<ProjectRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateType: RateType;
  Receivable: ResolverTypeWrapper<ReceivableModel>;
  ReceivableApplication: ResolverTypeWrapper<ReceivableApplicationModel>;
  ReceivableConnection: ResolverTypeWrapper<Omit<ReceivableConnection, 'edges'> & { edges: Array<ResolversTypes['ReceivableEdge']> }>;
  ReceivableDocType: ReceivableDocType;
  ReceivableEdge: ResolverTypeWrapper<Omit<ReceivableEdge, 'node'> & { node: ResolversTypes['Receivable'] }>;
  ReceivableFilter: ReceivableFilter;
  ReceivableStatus: ReceivableStatus;
  RecognizeRevenueInput: RecognizeRevenueInput;
  RecordPaymentInput: RecordPaymentInput;
  RevRecMethod: RevRecMethod;
  RevenueLineInput: RevenueLineInput;
  RevenueLineStatus: RevenueLineStatus;
  RevenueSchedule: ResolverTypeWrapper<RevenueScheduleModel>;
  RevenueScheduleAction: RevenueScheduleAction;
  RevenueScheduleLine: ResolverTypeWrapper<RevenueScheduleLineModel>;
  RevenueScheduleStatus: RevenueScheduleStatus;
  ReverseJournalEntryInput: ReverseJournalEntryInput;
  ReversePaymentInput: ReversePaymentInput;
  TransitionCustomerFinancialInput: TransitionCustomerFinancialInput;
  TransitionRevenueScheduleInput: TransitionRevenueScheduleInput;
  UpsertCustomerFinancialInput: UpsertCustomerFinancialInput;
  VoidInvoiceInLedgerInput: VoidInvoiceInLedgerInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: EntityRefModel;
  ID: Scalars['ID']['output'];
  AdjustRevenueScheduleInput: AdjustRevenueScheduleInput;
  String: Scalars['String']['output'];
  AuditEntry: AuditEntry;
  Int: Scalars['Int']['output'];
  AuditTrail: AuditTrail | FederationReferenceTypes['AuditTrail'];
  BigInt: Scalars['BigInt']['output'];
  CreateExchangeRateInput: CreateExchangeRateInput;
  CreateRevenueScheduleInput: CreateRevenueScheduleInput;
  Currency: CurrencyInfoModel;
  CurrencyCode: Scalars['CurrencyCode']['output'];
  CustomerFinancial: CustomerFinancialModel;
  CustomerFinancialConnection: Omit<CustomerFinancialConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerFinancialEdge']> };
  CustomerFinancialEdge: Omit<CustomerFinancialEdge, 'node'> & { node: ResolversParentTypes['CustomerFinancial'] };
  CustomerFinancialFilter: CustomerFinancialFilter;
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  EntityHistory: EntityHistory | FederationReferenceTypes['EntityHistory'];
  ExchangeRate: ExchangeRateModel;
  ExchangeRateConnection: Omit<ExchangeRateConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExchangeRateEdge']> };
  ExchangeRateEdge: Omit<ExchangeRateEdge, 'node'> & { node: ResolversParentTypes['ExchangeRate'] };
  ExchangeRateFilter: ExchangeRateFilter;
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: IntegrityCheck;
  IntegrityReport: IntegrityReport;
  Invoice: EntityRefModel;
  JournalEntry: JournalEntryModel;
  JournalEntryConnection: Omit<JournalEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['JournalEntryEdge']> };
  JournalEntryEdge: Omit<JournalEntryEdge, 'node'> & { node: ResolversParentTypes['JournalEntry'] };
  JournalEntryFilter: JournalEntryFilter;
  JournalLine: JournalLineModel;
  JournalLineInput: JournalLineInput;
  KeyBucket: KeyBucket;
  KeySet: KeySet;
  LedgerLineInput: LedgerLineInput;
  LegalEntity: LegalEntityModel;
  LocalDate: Scalars['LocalDate']['output'];
  Margin: MarginModel;
  Boolean: Scalars['Boolean']['output'];
  Money: MoneyModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OutboxBacklog: OutboxBacklog;
  PageInfo: PageInfo;
  Payment: PaymentModel;
  PaymentApplicationInput: PaymentApplicationInput;
  PaymentConnection: Omit<PaymentConnection, 'edges'> & { edges: Array<ResolversParentTypes['PaymentEdge']> };
  PaymentEdge: Omit<PaymentEdge, 'node'> & { node: ResolversParentTypes['Payment'] };
  PaymentFilter: PaymentFilter;
  PeriodRangeInput: PeriodRangeInput;
  PostCreditMemoToLedgerInput: PostCreditMemoToLedgerInput;
  PostInvoiceToLedgerInput: PostInvoiceToLedgerInput;
  PostManualJournalInput: PostManualJournalInput;
  Project: ProjectRefModel;
  Query: Record<PropertyKey, never>;
  Receivable: ReceivableModel;
  ReceivableApplication: ReceivableApplicationModel;
  ReceivableConnection: Omit<ReceivableConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReceivableEdge']> };
  ReceivableEdge: Omit<ReceivableEdge, 'node'> & { node: ResolversParentTypes['Receivable'] };
  ReceivableFilter: ReceivableFilter;
  RecognizeRevenueInput: RecognizeRevenueInput;
  RecordPaymentInput: RecordPaymentInput;
  RevenueLineInput: RevenueLineInput;
  RevenueSchedule: RevenueScheduleModel;
  RevenueScheduleLine: RevenueScheduleLineModel;
  ReverseJournalEntryInput: ReverseJournalEntryInput;
  ReversePaymentInput: ReversePaymentInput;
  TransitionCustomerFinancialInput: TransitionCustomerFinancialInput;
  TransitionRevenueScheduleInput: TransitionRevenueScheduleInput;
  UpsertCustomerFinancialInput: UpsertCustomerFinancialInput;
  VoidInvoiceInLedgerInput: VoidInvoiceInLedgerInput;
};

export type AccountResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customerFinancials?: Resolver<Maybe<Array<ResolversTypes['CustomerFinancial']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openReceivables?: Resolver<Maybe<Array<ResolversTypes['Receivable']>>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  correlationId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fromVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type AuditTrailResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['AuditTrail'] = ResolversParentTypes['AuditTrail'], FederationReferenceType extends FederationReferenceTypes['AuditTrail'] = FederationReferenceTypes['AuditTrail']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuditTrail']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  finance?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type CurrencyResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Currency'] = ResolversParentTypes['Currency'], FederationReferenceType extends FederationReferenceTypes['Currency'] = FederationReferenceTypes['Currency']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Currency']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  minorUnit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface CurrencyCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CurrencyCode'], any> {
  name: 'CurrencyCode';
}

export type CustomerFinancialResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['CustomerFinancial'] = ResolversParentTypes['CustomerFinancial'], FederationReferenceType extends FederationReferenceTypes['CustomerFinancial'] = FederationReferenceTypes['CustomerFinancial']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CustomerFinancial']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  creditLimit?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  crmAccountId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  customerNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntity?: Resolver<ResolversTypes['LegalEntity'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openBalance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  paymentTermsDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CustomerFinancialStatus'], ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CustomerFinancialConnectionResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['CustomerFinancialConnection'] = ResolversParentTypes['CustomerFinancialConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CustomerFinancialEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CustomerFinancialEdgeResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['CustomerFinancialEdge'] = ResolversParentTypes['CustomerFinancialEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CustomerFinancial'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EntityHistoryResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['EntityHistory'] = ResolversParentTypes['EntityHistory'], FederationReferenceType extends FederationReferenceTypes['EntityHistory'] = FederationReferenceTypes['EntityHistory']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EntityHistory']> | FederationReferenceType, FederationReferenceType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  finance?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
};

export type ExchangeRateResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ExchangeRate'] = ResolversParentTypes['ExchangeRate'], FederationReferenceType extends FederationReferenceTypes['ExchangeRate'] = FederationReferenceTypes['ExchangeRate']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ExchangeRate']> | FederationReferenceType, FederationReferenceType, ContextType>;
  from?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  rateDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  rateType?: Resolver<ResolversTypes['RateType'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type ExchangeRateConnectionResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ExchangeRateConnection'] = ResolversParentTypes['ExchangeRateConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExchangeRateEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ExchangeRateEdgeResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ExchangeRateEdge'] = ResolversParentTypes['ExchangeRateEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExchangeRate'], ParentType, ContextType>;
};

export type ExternalRefResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ExternalRef'] = ResolversParentTypes['ExternalRef']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IntegrityCheckResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['IntegrityCheck'] = ResolversParentTypes['IntegrityCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrityReportResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = {
  checks?: Resolver<Array<ResolversTypes['IntegrityCheck']>, ParentType, ContextType>;
  outbox?: Resolver<ResolversTypes['OutboxBacklog'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  set?: Resolver<Maybe<ResolversTypes['KeySet']>, ParentType, ContextType, RequireFields<IntegrityReportSetArgs, 'name'>>;
  sets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountDue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  amountPaid?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentStatus?: Resolver<Maybe<ResolversTypes['InvoicePaymentStatus']>, ParentType, ContextType>;
  receivable?: Resolver<Maybe<ResolversTypes['Receivable']>, ParentType, ContextType>;
};

export type JournalEntryResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['JournalEntry'] = ResolversParentTypes['JournalEntry'], FederationReferenceType extends FederationReferenceTypes['JournalEntry'] = FederationReferenceTypes['JournalEntry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['JournalEntry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['JournalLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postingDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  reversalOf?: Resolver<Maybe<ResolversTypes['JournalEntry']>, ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceType?: Resolver<ResolversTypes['JournalSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JournalStatus'], ParentType, ContextType>;
  totalCredit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalDebit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type JournalEntryConnectionResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['JournalEntryConnection'] = ResolversParentTypes['JournalEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JournalEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type JournalEntryEdgeResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['JournalEntryEdge'] = ResolversParentTypes['JournalEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JournalEntry'], ParentType, ContextType>;
};

export type JournalLineResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['JournalLine'] = ResolversParentTypes['JournalLine']> = {
  accountCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accountName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  debit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  memo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  projectId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  transactionAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type KeyBucketResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['KeyBucket'] = ResolversParentTypes['KeyBucket']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeySetResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['KeySet'] = ResolversParentTypes['KeySet']> = {
  buckets?: Resolver<Array<ResolversTypes['KeyBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<KeySetKeysArgs, 'bucket'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LegalEntityResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity'], FederationReferenceType extends FederationReferenceTypes['LegalEntity'] = FederationReferenceTypes['LegalEntity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['LegalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fiscalYearStartMonth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  functionalCurrency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceNumberPrefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface LocalDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LocalDate'], any> {
  name: 'LocalDate';
}

export type MarginResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Margin'] = ResolversParentTypes['Margin']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  belowThreshold?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  percent?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  amountMinor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adjustRevenueSchedule?: Resolver<ResolversTypes['RevenueSchedule'], ParentType, ContextType, RequireFields<MutationAdjustRevenueScheduleArgs, 'input'>>;
  createExchangeRate?: Resolver<ResolversTypes['ExchangeRate'], ParentType, ContextType, RequireFields<MutationCreateExchangeRateArgs, 'input'>>;
  createRevenueSchedule?: Resolver<ResolversTypes['RevenueSchedule'], ParentType, ContextType, RequireFields<MutationCreateRevenueScheduleArgs, 'input'>>;
  postCreditMemoToLedger?: Resolver<ResolversTypes['Receivable'], ParentType, ContextType, RequireFields<MutationPostCreditMemoToLedgerArgs, 'input'>>;
  postInvoiceToLedger?: Resolver<ResolversTypes['Receivable'], ParentType, ContextType, RequireFields<MutationPostInvoiceToLedgerArgs, 'input'>>;
  postManualJournal?: Resolver<ResolversTypes['JournalEntry'], ParentType, ContextType, RequireFields<MutationPostManualJournalArgs, 'input'>>;
  recognizeRevenue?: Resolver<ResolversTypes['RevenueSchedule'], ParentType, ContextType, RequireFields<MutationRecognizeRevenueArgs, 'input'>>;
  recordPayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationRecordPaymentArgs, 'input'>>;
  reverseJournalEntry?: Resolver<ResolversTypes['JournalEntry'], ParentType, ContextType, RequireFields<MutationReverseJournalEntryArgs, 'input'>>;
  reversePayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationReversePaymentArgs, 'input'>>;
  transitionCustomerFinancial?: Resolver<ResolversTypes['CustomerFinancial'], ParentType, ContextType, RequireFields<MutationTransitionCustomerFinancialArgs, 'input'>>;
  transitionRevenueSchedule?: Resolver<ResolversTypes['RevenueSchedule'], ParentType, ContextType, RequireFields<MutationTransitionRevenueScheduleArgs, 'input'>>;
  upsertCustomerFinancial?: Resolver<ResolversTypes['CustomerFinancial'], ParentType, ContextType, RequireFields<MutationUpsertCustomerFinancialArgs, 'input'>>;
  voidInvoiceInLedger?: Resolver<ResolversTypes['Receivable'], ParentType, ContextType, RequireFields<MutationVoidInvoiceInLedgerArgs, 'input'>>;
};

export type OutboxBacklogResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['OutboxBacklog'] = ResolversParentTypes['OutboxBacklog']> = {
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestUnpublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpublished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  applications?: Resolver<Array<ResolversTypes['ReceivableApplication']>, ParentType, ContextType>;
  bankReference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customerFinancial?: Resolver<Maybe<ResolversTypes['CustomerFinancial']>, ParentType, ContextType>;
  functionalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fxRate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  journalEntry?: Resolver<Maybe<ResolversTypes['JournalEntry']>, ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethod'], ParentType, ContextType>;
  receivedDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  unappliedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PaymentConnectionResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PaymentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PaymentEdgeResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['PaymentEdge'] = ResolversParentTypes['PaymentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  margin?: Resolver<Maybe<ResolversTypes['Margin']>, ParentType, ContextType>;
  receivables?: Resolver<Maybe<Array<ResolversTypes['Receivable']>>, ParentType, ContextType>;
  recognizedRevenue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  revenueSchedules?: Resolver<Maybe<Array<ResolversTypes['RevenueSchedule']>>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  currencies?: Resolver<Array<ResolversTypes['Currency']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['Currency']>, ParentType, ContextType, RequireFields<QueryCurrencyArgs, 'code'>>;
  customerFinancial?: Resolver<Maybe<ResolversTypes['CustomerFinancial']>, ParentType, ContextType, RequireFields<QueryCustomerFinancialArgs, 'id'>>;
  customerFinancials?: Resolver<Maybe<ResolversTypes['CustomerFinancialConnection']>, ParentType, ContextType, RequireFields<QueryCustomerFinancialsArgs, 'first'>>;
  effectiveExchangeRate?: Resolver<Maybe<ResolversTypes['ExchangeRate']>, ParentType, ContextType, RequireFields<QueryEffectiveExchangeRateArgs, 'from' | 'on' | 'rateType' | 'to'>>;
  exchangeRate?: Resolver<Maybe<ResolversTypes['ExchangeRate']>, ParentType, ContextType, RequireFields<QueryExchangeRateArgs, 'id'>>;
  exchangeRates?: Resolver<ResolversTypes['ExchangeRateConnection'], ParentType, ContextType, RequireFields<QueryExchangeRatesArgs, 'first'>>;
  financeIntegrity?: Resolver<Maybe<ResolversTypes['IntegrityReport']>, ParentType, ContextType>;
  journalEntries?: Resolver<Maybe<ResolversTypes['JournalEntryConnection']>, ParentType, ContextType, RequireFields<QueryJournalEntriesArgs, 'first'>>;
  journalEntry?: Resolver<Maybe<ResolversTypes['JournalEntry']>, ParentType, ContextType, RequireFields<QueryJournalEntryArgs, 'id'>>;
  legalEntities?: Resolver<Array<ResolversTypes['LegalEntity']>, ParentType, ContextType>;
  legalEntity?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType, RequireFields<QueryLegalEntityArgs, 'id'>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  payments?: Resolver<Maybe<ResolversTypes['PaymentConnection']>, ParentType, ContextType, RequireFields<QueryPaymentsArgs, 'first'>>;
  receivable?: Resolver<Maybe<ResolversTypes['Receivable']>, ParentType, ContextType, RequireFields<QueryReceivableArgs, 'id'>>;
  receivables?: Resolver<Maybe<ResolversTypes['ReceivableConnection']>, ParentType, ContextType, RequireFields<QueryReceivablesArgs, 'first'>>;
  revenueSchedule?: Resolver<Maybe<ResolversTypes['RevenueSchedule']>, ParentType, ContextType, RequireFields<QueryRevenueScheduleArgs, 'id'>>;
};

export type ReceivableResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['Receivable'] = ResolversParentTypes['Receivable'], FederationReferenceType extends FederationReferenceTypes['Receivable'] = FederationReferenceTypes['Receivable']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Receivable']> | FederationReferenceType, FederationReferenceType, ContextType>;
  applications?: Resolver<Array<ResolversTypes['ReceivableApplication']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  customerFinancial?: Resolver<Maybe<ResolversTypes['CustomerFinancial']>, ParentType, ContextType>;
  documentDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  documentType?: Resolver<ResolversTypes['ReceivableDocType'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  functionalOriginal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  fxRate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  invoiceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  isOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  journalEntry?: Resolver<ResolversTypes['JournalEntry'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  originalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  projects?: Resolver<Maybe<Array<ResolversTypes['Project']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReceivableStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReceivableApplicationResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ReceivableApplication'] = ResolversParentTypes['ReceivableApplication']> = {
  appliedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  appliedOn?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  fxGainLoss?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ApplicationKind'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ReceivableConnectionResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ReceivableConnection'] = ResolversParentTypes['ReceivableConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ReceivableEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReceivableEdgeResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['ReceivableEdge'] = ResolversParentTypes['ReceivableEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Receivable'], ParentType, ContextType>;
};

export type RevenueScheduleResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['RevenueSchedule'] = ResolversParentTypes['RevenueSchedule'], FederationReferenceType extends FederationReferenceTypes['RevenueSchedule'] = FederationReferenceTypes['RevenueSchedule']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RevenueSchedule']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allocatedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  contractId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['RevenueScheduleLine']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['RevRecMethod'], ParentType, ContextType>;
  performanceObligation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  recognizedToDate?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RevenueScheduleStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RevenueScheduleLineResolvers<ContextType = FinanceContext, ParentType extends ResolversParentTypes['RevenueScheduleLine'] = ResolversParentTypes['RevenueScheduleLine']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  journalEntryId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  milestoneId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plannedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  recognizedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RevenueLineStatus'], ParentType, ContextType>;
};

export type Resolvers<ContextType = FinanceContext> = {
  Account?: AccountResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  Currency?: CurrencyResolvers<ContextType>;
  CurrencyCode?: GraphQLScalarType;
  CustomerFinancial?: CustomerFinancialResolvers<ContextType>;
  CustomerFinancialConnection?: CustomerFinancialConnectionResolvers<ContextType>;
  CustomerFinancialEdge?: CustomerFinancialEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EntityHistory?: EntityHistoryResolvers<ContextType>;
  ExchangeRate?: ExchangeRateResolvers<ContextType>;
  ExchangeRateConnection?: ExchangeRateConnectionResolvers<ContextType>;
  ExchangeRateEdge?: ExchangeRateEdgeResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  IntegrityCheck?: IntegrityCheckResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  JournalEntry?: JournalEntryResolvers<ContextType>;
  JournalEntryConnection?: JournalEntryConnectionResolvers<ContextType>;
  JournalEntryEdge?: JournalEntryEdgeResolvers<ContextType>;
  JournalLine?: JournalLineResolvers<ContextType>;
  KeyBucket?: KeyBucketResolvers<ContextType>;
  KeySet?: KeySetResolvers<ContextType>;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  LocalDate?: GraphQLScalarType;
  Margin?: MarginResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OutboxBacklog?: OutboxBacklogResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentEdge?: PaymentEdgeResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receivable?: ReceivableResolvers<ContextType>;
  ReceivableApplication?: ReceivableApplicationResolvers<ContextType>;
  ReceivableConnection?: ReceivableConnectionResolvers<ContextType>;
  ReceivableEdge?: ReceivableEdgeResolvers<ContextType>;
  RevenueSchedule?: RevenueScheduleResolvers<ContextType>;
  RevenueScheduleLine?: RevenueScheduleLineResolvers<ContextType>;
};

