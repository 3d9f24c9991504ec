import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Money as MoneyModel } from '../../../../platform/money/money.js';
import type { EntityRef as EntityRefModel, ProjectRef as ProjectRefModel, RateCard as RateCardModel, RateCardLine as RateCardLineModel, BillingSchedule as BillingScheduleModel, BillingScheduleLine as BillingScheduleLineModel, BillableItem as BillableItemModel, Invoice as InvoiceModel, InvoiceLine as InvoiceLineModel, CreditMemo as CreditMemoModel } from '../domain/types.js';
import type { BillingContext } from '../graphql/context.js';
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
  /** Stable identifier (`acc_…`). */
  id: Scalars['ID']['output'];
  /** Invoices to this account that the caller may see, newest first (commercial roles only). */
  invoices?: Maybe<Array<Invoice>>;
};


/** A client or prospect organisation. */
export type AccountInvoicesArgs = {
  statuses?: InputMaybe<Array<InvoiceStatus>>;
};

/**
 * Input to apply the new terms of an EXECUTED contract amendment to a billing schedule (system mutation of the amendment
 * flow). Lines that are READY, BILLED or CANCELLED never change.
 */
export type AmendBillingScheduleInput = {
  /**
   * The executed crm contract amendment (`amd_…`), the natural key: applied again with the same terms the schedule is
   * returned unchanged; with other terms it is a CONFLICT.
   */
  amendmentId: Scalars['ID']['input'];
  /** The schedule to amend (ACTIVE or SUSPENDED; it keeps its status). */
  billingScheduleId: Scalars['ID']['input'];
  /** Change of the contract value, in the schedule currency; may be negative or zero. */
  contractValueDelta: MoneyInput;
  /** Date from which the new terms apply: only PLANNED lines due on or after it change. */
  effectiveDate: Scalars['LocalDate']['input'];
  /**
   * New last day of delivery (not before `effectiveDate`); absent leaves it unchanged. Fixed-fee and retainer schedules
   * regenerate their future instalments monthly up to it.
   */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New cap on billings, in the schedule currency, not below what the schedule has INVOICED or READY; absent leaves it unchanged. */
  notToExceed?: InputMaybe<MoneyInput>;
};

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
  /** Changes recorded by billing, oldest first. */
  billing?: Maybe<Array<AuditEntry>>;
  /** Correlation id of the request or flow. */
  correlationId: Scalars['ID']['output'];
};

/** One billable amount that a client must pay, created from one approved source record version. */
export type BillableItem = {
  __typename?: 'BillableItem';
  /** The client. */
  account?: Maybe<Account>;
  /** round(quantity × unitPrice) in the currency. */
  amount: Money;
  /** Text on the invoice line. */
  description: Scalars['String']['output'];
  /** Why it is on hold. */
  holdReason?: Maybe<Scalars['String']['output']>;
  /** Stable identifier (`bi_…`). */
  id: Scalars['ID']['output'];
  /** Natural key `{sourceType}:{sourceId}:{sourceVersion}`; one item per key. */
  idempotencyKey: Scalars['String']['output'];
  /** The invoice it is on (draft or issued). */
  invoice?: Maybe<Invoice>;
  /** Identifier of the billing legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** The project. */
  project?: Maybe<Project>;
  /** Quantity (hours, units), scale 4. */
  quantity: Scalars['Decimal']['output'];
  /** When it became ready. */
  readyAt?: Maybe<Scalars['DateTime']['output']>;
  /** Date the service was delivered. */
  serviceDate: Scalars['LocalDate']['output'];
  /** Identifier of the source record (time entry, expense, milestone, …). */
  sourceId: Scalars['ID']['output'];
  /** What it bills. */
  sourceType: BillableSource;
  /** Version of the source record billed. */
  sourceVersion: Scalars['Int']['output'];
  /** Value at the standard rate card, for realization. */
  standardAmount?: Maybe<Money>;
  /** Lifecycle status. */
  status: BillableItemStatus;
  /** Price per unit, scale 4. */
  unitPrice: Scalars['Decimal']['output'];
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
  /** Why it was written off. */
  writeOffReason?: Maybe<Scalars['String']['output']>;
};

/** Lifecycle actions on a billable item. */
export type BillableItemAction =
  /** PENDING, READY or ON_HOLD → CANCELLED. */
  | 'CANCEL'
  /** PENDING or READY → ON_HOLD (reason required). */
  | 'HOLD'
  /** ON_HOLD or PENDING → READY. */
  | 'RELEASE'
  /** READY or ON_HOLD → WRITTEN_OFF (reason required). */
  | 'WRITE_OFF';

/**
 * The outcome of one recording of billable items (`recordBillableItems`), kept so that a retry with the same idempotency
 * key answers with it. Visible only to callers who may see every legal entity it recorded in.
 */
export type BillableItemBatch = {
  __typename?: 'BillableItemBatch';
  /** Stable identifier (`bib_…`). */
  id: Scalars['ID']['output'];
  /** The item of each input, in input order. */
  itemIds: Array<Scalars['ID']['output']>;
  /** Items created ON_HOLD (not-to-exceed cap, or an older version of the source is already on an invoice). */
  onHold: Scalars['Int']['output'];
  /** Items created by this recording (including stale versions recorded as CANCELLED). */
  recorded: Scalars['Int']['output'];
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** Inputs answered by an existing item of their natural key (recorded before, or earlier in the same request). */
  replayed: Scalars['Int']['output'];
  /** Items CANCELLED because a newer version of their source exists (older open items, and stale arrivals). */
  superseded: Scalars['Int']['output'];
};

/** A page of billable items. */
export type BillableItemConnection = {
  __typename?: 'BillableItemConnection';
  /** The billable items on this page. */
  edges: Array<BillableItemEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A billable item in a connection. */
export type BillableItemEdge = {
  __typename?: 'BillableItemEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The billable item. */
  node: BillableItem;
};

/** Filter for billable items. */
export type BillableItemFilter = {
  /** Only items of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only items of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only items of this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only items delivered in this range. */
  serviceDate?: InputMaybe<DateRange>;
  /** Only items of this source type. */
  sourceType?: InputMaybe<BillableSource>;
  /** Only items in these statuses. */
  statuses?: InputMaybe<Array<BillableItemStatus>>;
};

/** Lifecycle of a billable item (NetSuite charge stages; Certinia billing events). */
export type BillableItemStatus =
  /** Withdrawn (the source was un-approved or re-rated). */
  | 'CANCELLED'
  /** On an issued invoice. */
  | 'INVOICED'
  /** Held back with a reason. */
  | 'ON_HOLD'
  /** Recorded, not yet validated. */
  | 'PENDING'
  /** Ready to invoice. */
  | 'READY'
  /** Written off (a realization loss). */
  | 'WRITTEN_OFF';

/** What a billable item bills. */
export type BillableSource =
  /** Manual adjustment. */
  | 'ADJUSTMENT'
  /** Approved expense. */
  | 'EXPENSE'
  /** Fixed-fee instalment. */
  | 'FIXED_FEE'
  /** Accepted milestone. */
  | 'MILESTONE'
  /** Retainer fee. */
  | 'RETAINER'
  /** Approved time. */
  | 'TIME';

/** How often invoices are produced. */
export type BillingFrequency =
  /** Every month. */
  | 'MONTHLY'
  /** When an event (such as milestone acceptance) happens. */
  | 'ON_EVENT'
  /** Every quarter. */
  | 'QUARTERLY'
  /** Twice a month. */
  | 'SEMI_MONTHLY'
  /** Every week. */
  | 'WEEKLY';

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

/**
 * The outcome of one billing run of a schedule (`runBilling`): the instalments it released and the invoice it drafted or
 * issued, kept so that a retry with the same idempotency key answers with it.
 */
export type BillingRunResult = {
  __typename?: 'BillingRunResult';
  /** True when the invoices were issued by the run. */
  autoIssue: Scalars['Boolean']['output'];
  /** The schedule billed. */
  billingSchedule?: Maybe<BillingSchedule>;
  /** Stable identifier (`brun_…`). */
  id: Scalars['ID']['output'];
  /** Invoices the run created: none when nothing was READY, else one (DRAFT, or ISSUED with autoIssue); null for a caller without a commercial role. */
  invoices?: Maybe<Array<Invoice>>;
  /** Items of the project up to `throughDate` left ON_HOLD (not-to-exceed cap or manual hold). */
  itemsHeld: Scalars['Int']['output'];
  /** Billable items put on the invoices. */
  itemsInvoiced: Scalars['Int']['output'];
  /** Identifier of the billing legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** Planned fixed-fee or retainer lines that fell due and became billable items. */
  linesReleased: Scalars['Int']['output'];
  /** When the run happened. */
  ranAt: Scalars['DateTime']['output'];
  /** Items delivered up to this date were billed. */
  throughDate: Scalars['LocalDate']['output'];
};

/** How and when a project is billed. */
export type BillingSchedule = {
  __typename?: 'BillingSchedule';
  /** The client billed. */
  account?: Maybe<Account>;
  /** Contract amendments applied to the schedule, oldest first. */
  amendments: Array<BillingScheduleAmendment>;
  /** True when intervals bill actual time worked rather than fixed amounts. */
  billForActuals: Scalars['Boolean']['output'];
  /** Contract identifier. */
  contractId?: Maybe<Scalars['ID']['output']>;
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['output'];
  /** Invoice frequency. */
  frequency: BillingFrequency;
  /** Stable identifier (`bs_…`). */
  id: Scalars['ID']['output'];
  /** True when billed after the period (arrears), false when in advance. */
  inArrears: Scalars['Boolean']['output'];
  /** Identifier of the billing legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** Planned fixed-amount lines. */
  lines: Array<BillingScheduleLine>;
  /** Cap on billings. */
  notToExceed?: Maybe<Money>;
  /** Days from invoice date to due date. */
  paymentTermsDays: Scalars['Int']['output'];
  /** The project billed. */
  project?: Maybe<Project>;
  /** Rate card used to price time. */
  rateCard?: Maybe<RateCard>;
  /** Lifecycle status. */
  status: BillingScheduleStatus;
  /** Tax code applied to invoice lines. */
  taxCode: Scalars['String']['output'];
  /** Schedule type. */
  type: BillingScheduleType;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a billing schedule. */
export type BillingScheduleAction =
  /** DRAFT → ACTIVE. */
  | 'ACTIVATE'
  /** DRAFT, ACTIVE or SUSPENDED → CANCELLED. */
  | 'CANCEL'
  /** ACTIVE → COMPLETED. */
  | 'COMPLETE'
  /** SUSPENDED → ACTIVE. */
  | 'RESUME'
  /** ACTIVE → SUSPENDED. */
  | 'SUSPEND';

/** A contract amendment applied to a billing schedule: its new terms and what it changed on the schedule. */
export type BillingScheduleAmendment = {
  __typename?: 'BillingScheduleAmendment';
  /** The crm contract amendment (`amd_…`); a schedule applies an amendment once. */
  amendmentId: Scalars['ID']['output'];
  /** When it was applied. */
  appliedAt: Scalars['DateTime']['output'];
  /** Change of the contract value, in the schedule currency (may be negative or zero). */
  contractValueDelta: Money;
  /** Date from which the new terms apply. */
  effectiveDate: Scalars['LocalDate']['output'];
  /** The new last day of delivery; null when the amendment left it unchanged. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** PLANNED lines the amendment cancelled (replaced, or left with nothing to bill). */
  linesCancelled: Scalars['Int']['output'];
  /** PLANNED lines the amendment added. */
  linesCreated: Scalars['Int']['output'];
  /** The cap the amendment set; null when it left the cap unchanged. */
  notToExceed?: Maybe<Money>;
  /** Version of the schedule the amendment produced. */
  scheduleVersion: Scalars['Int']['output'];
};

/** A page of billing schedules. */
export type BillingScheduleConnection = {
  __typename?: 'BillingScheduleConnection';
  /** The billing schedules on this page. */
  edges: Array<BillingScheduleEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A billing schedule in a connection. */
export type BillingScheduleEdge = {
  __typename?: 'BillingScheduleEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The billing schedule. */
  node: BillingSchedule;
};

/** Filter for billing schedules. */
export type BillingScheduleFilter = {
  /** Only schedules of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only schedules of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only schedules of this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only schedules in these statuses. */
  statuses?: InputMaybe<Array<BillingScheduleStatus>>;
};

/** A planned billing of a fixed amount (fixed fee, milestone or retainer). */
export type BillingScheduleLine = {
  __typename?: 'BillingScheduleLine';
  /** Amount. */
  amount: Money;
  /** Billable item created for it. */
  billableItemId?: Maybe<Scalars['ID']['output']>;
  /** Line identifier. */
  id: Scalars['ID']['output'];
  /** Milestone whose acceptance makes it billable. */
  milestoneId?: Maybe<Scalars['ID']['output']>;
  /** Date the amount becomes billable. */
  plannedDate: Scalars['LocalDate']['output'];
  /** Lifecycle status. */
  status: ScheduleLineStatus;
};

/** A planned fixed-amount billing line given as input. */
export type BillingScheduleLineInput = {
  /** Amount, in the schedule currency. */
  amount: MoneyInput;
  /** Milestone that triggers it. */
  milestoneId?: InputMaybe<Scalars['ID']['input']>;
  /** Date it becomes billable. */
  plannedDate: Scalars['LocalDate']['input'];
};

/** Lifecycle of a billing schedule. */
export type BillingScheduleStatus =
  /** Billing. */
  | 'ACTIVE'
  /** Abandoned. */
  | 'CANCELLED'
  /** Finished. */
  | 'COMPLETED'
  /** Being set up. */
  | 'DRAFT'
  /** Paused. */
  | 'SUSPENDED';

/** How a billing schedule bills (NetSuite billing schedule types). */
export type BillingScheduleType =
  /** Fixed amounts at fixed intervals. */
  | 'FIXED_FEE_INTERVAL'
  /** Fixed amounts on milestone acceptance. */
  | 'MILESTONE'
  /** A recurring fee. */
  | 'RETAINER'
  /** Approved time and expenses as they arise. */
  | 'TIME_AND_MATERIALS';

/** A person at an account. */
export type Contact = {
  __typename?: 'Contact';
  /** Stable identifier (`con_…`). */
  id: Scalars['ID']['output'];
};

/** Input to create a billing schedule in DRAFT. */
export type CreateBillingScheduleInput = {
  /** Client billed. */
  accountId: Scalars['ID']['input'];
  /** Bill actual time in intervals (default true for TIME_AND_MATERIALS). */
  billForActuals?: InputMaybe<Scalars['Boolean']['input']>;
  /** Contract. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** Invoice frequency. */
  frequency: BillingFrequency;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Bill in arrears (default true). */
  inArrears?: InputMaybe<Scalars['Boolean']['input']>;
  /** Billing legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Planned fixed-amount lines. */
  lines?: InputMaybe<Array<BillingScheduleLineInput>>;
  /** Cap on billings. */
  notToExceed?: InputMaybe<MoneyInput>;
  /** Payment terms in days (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Project billed (one live schedule per project). */
  projectId: Scalars['ID']['input'];
  /** Rate card for pricing time. */
  rateCardId?: InputMaybe<Scalars['ID']['input']>;
  /** Tax code for invoice lines. */
  taxCode: Scalars['String']['input'];
  /** Schedule type. */
  type: BillingScheduleType;
};

/** Input to draft a credit memo against an ISSUED or POSTED invoice. */
export type CreateCreditMemoInput = {
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Invoice credited. */
  invoiceId: Scalars['ID']['input'];
  /** Lines to credit (default: every line in full). */
  lines?: InputMaybe<Array<CreditLineInput>>;
  /** Why. */
  reason: CreditReason;
  /** Make the credited items billable again (only when lines are credited in full). */
  releasesBillableItems?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Input to draft an invoice from a schedule's READY items. */
export type CreateDraftInvoiceInput = {
  /** Contact to address. */
  billToContactId?: InputMaybe<Scalars['ID']['input']>;
  /** Items to bill; default every READY item of the project up to `throughDate`. */
  billableItemIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Schedule to bill (must be ACTIVE). */
  billingScheduleId: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Last service date billed (default: all). */
  throughDate?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Input to create a rate card. */
export type CreateRateCardInput = {
  /** Account, required for ACCOUNT scope. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Contract, required for CONTRACT scope. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** First day in effect. */
  effectiveFrom: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Legal entity, required for LEGAL_ENTITY scope. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Rates (at least one; one per role, level and region). */
  lines: Array<RateCardLineInput>;
  /** Name. */
  name: Scalars['String']['input'];
  /** What it applies to. */
  scope: RateCardScope;
  /** Unit (default HOUR). */
  unit?: InputMaybe<RateUnit>;
};

/** A line to credit. */
export type CreditLineInput = {
  /** Invoice line credited. */
  invoiceLineId: Scalars['ID']['input'];
  /** Net amount credited (default the whole line). */
  netAmount?: InputMaybe<MoneyInput>;
};

/** A document reducing what a client owes on an invoice; corrections are never edits. */
export type CreditMemo = {
  __typename?: 'CreditMemo';
  /** Stable identifier (`cm_…`). */
  id: Scalars['ID']['output'];
  /** The invoice credited. */
  invoice: Invoice;
  /** When it was issued. */
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Lines credited (net amounts are positive values being credited). */
  lines: Array<InvoiceLine>;
  /** Number, assigned at issue from the legal entity's credit memo series. */
  number?: Maybe<Scalars['String']['output']>;
  /** Why. */
  reason: CreditReason;
  /** True when the credited items become billable again. */
  releasesBillableItems: Scalars['Boolean']['output'];
  /** Lifecycle status. */
  status: CreditMemoStatus;
  /** Σ line net amounts. */
  subtotal: Money;
  /** Σ line tax amounts. */
  taxTotal: Money;
  /** subtotal + taxTotal. */
  total: Money;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a credit memo. */
export type CreditMemoAction =
  /** POSTED → APPLIED. */
  | 'APPLY'
  /** DRAFT → ISSUED (numbered). */
  | 'ISSUE'
  /** ISSUED → POSTED. */
  | 'POST'
  /** DRAFT or ISSUED → VOID. */
  | 'VOID';

/** Lifecycle of a credit memo. */
export type CreditMemoStatus =
  /** Fully applied against the receivable. */
  | 'APPLIED'
  /** Being prepared. */
  | 'DRAFT'
  /** Numbered and sent. */
  | 'ISSUED'
  /** Posted to the ledger. */
  | 'POSTED'
  /** Cancelled before posting. */
  | 'VOID';

/** Why a credit memo was raised. */
export type CreditReason =
  /** The invoice was wrong. */
  | 'BILLING_ERROR'
  /** A commercial discount. */
  | 'DISCOUNT'
  /** The client disputed it. */
  | 'DISPUTE'
  /** The invoice is replaced by another. */
  | 'VOID_REPLACEMENT'
  /** The debt is written off. */
  | 'WRITE_OFF';

/** An inclusive range of calendar dates; either end may be omitted. */
export type DateRange = {
  /** First date included. */
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Last date included. */
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};

/**
 * Distribution of a duration in days over a set of observations. Every figure is a decimal with 2 places; they are null
 * when there is no observation.
 */
export type DurationStats = {
  __typename?: 'DurationStats';
  /** Number of observations. */
  count: Scalars['Int']['output'];
  /** Mean weighted by each observation's amount (absolute amount in major units of its own currency; no conversion). */
  meanDays?: Maybe<Scalars['Decimal']['output']>;
  /** Median (50th percentile, linear interpolation between the two middle observations). */
  medianDays?: Maybe<Scalars['Decimal']['output']>;
  /** 90th percentile (linear interpolation, as PostgreSQL `percentile_cont(0.9)`). */
  p90Days?: Maybe<Scalars['Decimal']['output']>;
};

/** The recorded history of one entity. */
export type EntityHistory = {
  __typename?: 'EntityHistory';
  /** Changes recorded by billing, oldest first. */
  billing?: Maybe<Array<AuditEntry>>;
  /** Identifier of the entity. */
  entityId: Scalars['ID']['output'];
  /** Type of the entity, for example `Invoice`. */
  entityType: Scalars['String']['output'];
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
  /** The client billed. */
  account?: Maybe<Account>;
  /** Contact the invoice is addressed to. */
  billToContact?: Maybe<Contact>;
  /** The schedule that produced it. */
  billingSchedule?: Maybe<BillingSchedule>;
  /** Credit memos against it. */
  creditMemos: Array<CreditMemo>;
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['output'];
  /** Due date (issue date + payment terms). */
  dueDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Stable identifier (`inv_…`). */
  id: Scalars['ID']['output'];
  /** Invoice date. */
  issueDate?: Maybe<Scalars['LocalDate']['output']>;
  /** When it was issued. */
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The issuing legal entity. */
  legalEntity?: Maybe<LegalEntity>;
  /** Identifier of the issuing legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** Lines. */
  lines: Array<InvoiceLine>;
  /** Invoice number, assigned at issue from a gapless series per legal entity. */
  number?: Maybe<Scalars['String']['output']>;
  /** Days from issue to due date. */
  paymentTermsDays: Scalars['Int']['output'];
  /** When it was posted. */
  postedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Projects billed on it. */
  projects?: Maybe<Array<Project>>;
  /** Rounding mode used for line amounts and tax. */
  roundingMode: Scalars['String']['output'];
  /** Lifecycle status. */
  status: InvoiceStatus;
  /** Σ line net amounts. */
  subtotal: Money;
  /** Σ line tax amounts. */
  taxTotal: Money;
  /** subtotal + taxTotal. */
  total: Money;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
  /** Why it was voided. */
  voidReason?: Maybe<Scalars['String']['output']>;
  /** When it was voided. */
  voidedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of invoices. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices on this page. */
  edges: Array<InvoiceEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** An invoice in a connection. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The invoice. */
  node: Invoice;
};

/** Filter for invoices. */
export type InvoiceFilter = {
  /** Only invoices of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only invoices dated in this range. */
  issueDate?: InputMaybe<DateRange>;
  /** Only invoices of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only invoices with a line for this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only invoices in these statuses. */
  statuses?: InputMaybe<Array<InvoiceStatus>>;
};

/** Filter for the invoice lag KPI. */
export type InvoiceLagFilter = {
  /** Only invoices issued in this range. */
  issueDate?: InputMaybe<DateRange>;
  /** Only invoices of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
};

/** One line of an invoice or credit memo. */
export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  /** Billable items summarised by the line. */
  billableItemIds: Array<Scalars['ID']['output']>;
  /** Text on the line. */
  description: Scalars['String']['output'];
  /** Line identifier. */
  id: Scalars['ID']['output'];
  /** Net amount: Σ of the items' amounts (each already rounded). */
  netAmount: Money;
  /** The project the line bills. */
  project?: Maybe<Project>;
  /** Quantity, scale 4. */
  quantity: Scalars['Decimal']['output'];
  /** round(netAmount × taxRate). */
  taxAmount: Money;
  /** Tax code. */
  taxCode: Scalars['String']['output'];
  /** Tax rate in percent. */
  taxRatePct: Scalars['Decimal']['output'];
  /** Price per unit, scale 4. */
  unitPrice: Scalars['Decimal']['output'];
};

/** Input to act on an invoice. */
export type InvoiceRefInput = {
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Invoice. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Lifecycle of an invoice document (payment status is derived separately by finance). */
export type InvoiceStatus =
  /** Being prepared; lines can change; no number yet. */
  | 'DRAFT'
  /** Numbered and sent; lines are locked. */
  | 'ISSUED'
  /** Posted to the ledger (receivable and journal exist). */
  | 'POSTED'
  /** Cancelled; its items are billable again. */
  | 'VOID';

/** Input to issue a DRAFT invoice. */
export type IssueInvoiceInput = {
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Invoice to issue. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Invoice date (default today). */
  issueDate?: InputMaybe<Scalars['LocalDate']['input']>;
};

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

/** A legal entity of the firm: contracts, invoices and books are per legal entity. */
export type LegalEntity = {
  __typename?: 'LegalEntity';
  /** Stable identifier (`le_…`). */
  id: Scalars['ID']['output'];
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
   * System (process layer): applies an executed contract amendment to a schedule from its effective date. Fixed fee and
   * retainer: the value still to bill (the PLANNED instalments due from then, plus the delta) is re-spread over those
   * instalments in proportion to their amounts, or, with a new end date, they are CANCELLED and regenerated monthly up to
   * it in equal shares (months an instalment that stays already bills are left out); with no such instalment a positive
   * delta is one new line on the effective date. Milestone: the delta goes to the last PLANNED line. Time and
   * materials: no lines. Amounts are exact to the minor unit; a line left at zero is CANCELLED. The cap is replaced when
   * given. Emits `BillingScheduleAmended`.
   */
  amendBillingSchedule: BillingSchedule;
  /** Creates a billing schedule in DRAFT. */
  createBillingSchedule: BillingSchedule;
  /** Drafts a credit memo. */
  createCreditMemo: CreditMemo;
  /** Drafts an invoice from READY items, one line per description and unit price, rounded per line. */
  createDraftInvoice: Invoice;
  /** Creates a rate card. */
  createRateCard: RateCard;
  /** Discards a DRAFT invoice; its items become free to bill again. */
  discardDraftInvoice: Scalars['Boolean']['output'];
  /** Issues a DRAFT invoice: assigns the next gapless number and invoices its items. */
  issueInvoice: Invoice;
  /** Marks an ISSUED invoice POSTED once the ledger has it. */
  postInvoice: Invoice;
  /** Records a billable item; the same source version always yields the same item. */
  recordBillableItem: BillableItem;
  /**
   * System (process layer): records up to 5 000 billable items in one transaction, with the rules of recordBillableItem
   * (natural-key replay, not-to-exceed hold). A new version of a source cancels the open items of its older versions
   * that are on no invoice.
   */
  recordBillableItems: BillableItemBatch;
  /**
   * System (process layer): records the MILESTONE item of an accepted milestone version (natural key) and makes the
   * schedule line of the milestone READY with it (adding the line when the schedule has none).
   */
  recordMilestoneBillable: BillableItem;
  /** Replaces a rate card's rates from a date with a new card that supersedes it. */
  reviseRateCard: RateCard;
  /**
   * System (process layer): the billing run of one ACTIVE schedule: planned fixed-fee and retainer lines due by
   * `throughDate` become items, then every READY item on no invoice delivered by `throughDate` goes on one invoice
   * (DRAFT, or ISSUED with `autoIssue`). Items past the not-to-exceed cap stay ON_HOLD.
   */
  runBilling: BillingRunResult;
  /**
   * System (process layer): sets up a won project's billing: the contract rate card (a copy of the legal entity's card
   * in the currency, else of the STANDARD card), the schedule for the billing model with its instalments, the tax code of
   * the country, and activates it. One live schedule per project: when one exists it is returned unchanged.
   */
  setupBillingForProject: BillingSchedule;
  /** Applies a lifecycle action to a billable item. */
  transitionBillableItem: BillableItem;
  /** Applies a lifecycle action to a billing schedule. */
  transitionBillingSchedule: BillingSchedule;
  /** Applies a lifecycle action to a credit memo. */
  transitionCreditMemo: CreditMemo;
  /** Voids an ISSUED or POSTED invoice; its items become READY again. */
  voidInvoice: Invoice;
};


export type MutationAmendBillingScheduleArgs = {
  input: AmendBillingScheduleInput;
};


export type MutationCreateBillingScheduleArgs = {
  input: CreateBillingScheduleInput;
};


export type MutationCreateCreditMemoArgs = {
  input: CreateCreditMemoInput;
};


export type MutationCreateDraftInvoiceArgs = {
  input: CreateDraftInvoiceInput;
};


export type MutationCreateRateCardArgs = {
  input: CreateRateCardInput;
};


export type MutationDiscardDraftInvoiceArgs = {
  input: InvoiceRefInput;
};


export type MutationIssueInvoiceArgs = {
  input: IssueInvoiceInput;
};


export type MutationPostInvoiceArgs = {
  input: InvoiceRefInput;
};


export type MutationRecordBillableItemArgs = {
  input: RecordBillableItemInput;
};


export type MutationRecordBillableItemsArgs = {
  input: RecordBillableItemsInput;
};


export type MutationRecordMilestoneBillableArgs = {
  input: RecordMilestoneBillableInput;
};


export type MutationReviseRateCardArgs = {
  input: ReviseRateCardInput;
};


export type MutationRunBillingArgs = {
  input: RunBillingInput;
};


export type MutationSetupBillingForProjectArgs = {
  input: SetupBillingForProjectInput;
};


export type MutationTransitionBillableItemArgs = {
  input: TransitionBillableItemInput;
};


export type MutationTransitionBillingScheduleArgs = {
  input: TransitionBillingScheduleInput;
};


export type MutationTransitionCreditMemoArgs = {
  input: TransitionCreditMemoInput;
};


export type MutationVoidInvoiceArgs = {
  input: VoidInvoiceInput;
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

/** An engagement being delivered for a client. */
export type Project = {
  __typename?: 'Project';
  /** Billable items of the project that the caller may see, oldest service date first (commercial roles only). */
  billableItems?: Maybe<Array<BillableItem>>;
  /**
   * The project's share of ISSUED and POSTED invoices (Σ of its invoice lines' net amounts, before tax) minus its
   * share of ISSUED, POSTED and APPLIED credit memos, counting only documents of legal entities the caller may see
   * (commercial roles only).
   */
  billedToDate?: Maybe<Money>;
  /** Billing schedules of the project that the caller may see (commercial roles only). */
  billingSchedules?: Maybe<Array<BillingSchedule>>;
  /** Project currency (from projects); billing figures are in it. */
  currency: Scalars['CurrencyCode']['output'];
  /** Stable identifier (`prj_…`). */
  id: Scalars['ID']['output'];
  /**
   * Invoice lag of the project: for its invoiced billable items, days from the item becoming READY (approval) to the
   * issue date of its invoice, counting only items of legal entities the caller may see (commercial roles only).
   */
  invoiceLag?: Maybe<DurationStats>;
  /** Invoices with a line for this project that the caller may see, newest first (commercial roles only). */
  invoices?: Maybe<Array<Invoice>>;
  /**
   * Unbilled approved work in progress: Σ amounts of the project's PENDING, READY and ON_HOLD billable items, counting
   * only items of legal entities the caller may see (commercial roles only).
   */
  unbilledWip?: Maybe<Money>;
};


/** An engagement being delivered for a client. */
export type ProjectBillableItemsArgs = {
  statuses?: InputMaybe<Array<BillableItemStatus>>;
};

export type Query = {
  __typename?: 'Query';
  /** One billable item by id. */
  billableItem?: Maybe<BillableItem>;
  /** Billable items, ordered by id. */
  billableItems?: Maybe<BillableItemConnection>;
  /** Integration health of billing: outbox backlog, consistency checks and reconciliation sets (integration admins). */
  billingIntegrity?: Maybe<IntegrityReport>;
  /** One billing schedule by id. */
  billingSchedule?: Maybe<BillingSchedule>;
  /** Billing schedules, ordered by id. */
  billingSchedules?: Maybe<BillingScheduleConnection>;
  /** One credit memo by id. */
  creditMemo?: Maybe<CreditMemo>;
  /** One invoice by id. */
  invoice?: Maybe<Invoice>;
  /**
   * Invoice lag: for billable items invoiced on ISSUED or POSTED invoices, days from the item becoming READY (approval)
   * to the invoice's issue date; only invoices of legal entities the caller may see (commercial roles only).
   */
  invoiceLag?: Maybe<DurationStats>;
  /** Invoices, ordered by id. */
  invoices?: Maybe<InvoiceConnection>;
  /** One rate card by id. */
  rateCard?: Maybe<RateCard>;
  /** Rate cards, ordered by id. */
  rateCards?: Maybe<RateCardConnection>;
};


export type QueryBillableItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBillableItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BillableItemFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBillingScheduleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBillingSchedulesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BillingScheduleFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCreditMemoArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoiceLagArgs = {
  filter?: InputMaybe<InvoiceLagFilter>;
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRateCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRateCardsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RateCardFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A set of bill rates by role, valid over a date range. A card of a legal entity is visible within that legal entity;
 * standard, account and contract cards without a legal entity are shared by all.
 */
export type RateCard = {
  __typename?: 'RateCard';
  /** The account, for ACCOUNT cards. */
  account?: Maybe<Account>;
  /** Contract identifier, for CONTRACT cards. */
  contractId?: Maybe<Scalars['ID']['output']>;
  /** Currency of the rates. */
  currency: Scalars['CurrencyCode']['output'];
  /** First day the card applies. */
  effectiveFrom: Scalars['LocalDate']['output'];
  /** Last day the card applies, once superseded. */
  effectiveTo?: Maybe<Scalars['LocalDate']['output']>;
  /** Stable identifier (`rc_…`). */
  id: Scalars['ID']['output'];
  /** Legal entity identifier, for LEGAL_ENTITY cards. */
  legalEntityId?: Maybe<Scalars['ID']['output']>;
  /** Rates. */
  lines: Array<RateCardLine>;
  /** Name. */
  name: Scalars['String']['output'];
  /** What the card applies to. */
  scope: RateCardScope;
  /** The card this one replaced. */
  supersedes?: Maybe<RateCard>;
  /** Unit of the rates. */
  unit: RateUnit;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** A page of rate cards. */
export type RateCardConnection = {
  __typename?: 'RateCardConnection';
  /** The rate cards on this page. */
  edges: Array<RateCardEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A rate card in a connection. */
export type RateCardEdge = {
  __typename?: 'RateCardEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The rate card. */
  node: RateCard;
};

/** Filter for rate cards. */
export type RateCardFilter = {
  /** Only cards of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only cards of this contract. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Only cards in effect on this date. */
  effectiveOn?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Only cards of this scope. */
  scope?: InputMaybe<RateCardScope>;
};

/** One rate on a rate card. */
export type RateCardLine = {
  __typename?: 'RateCardLine';
  /** Bill rate per unit, scale 4. */
  billRate: Scalars['Decimal']['output'];
  /** Indicative cost rate per unit. */
  costRateHint?: Maybe<Scalars['Decimal']['output']>;
  /** Line identifier. */
  id: Scalars['ID']['output'];
  /** Level within the role. */
  level?: Maybe<Scalars['String']['output']>;
  /** Region. */
  region?: Maybe<Scalars['String']['output']>;
  /** Role the rate applies to. */
  roleCode: Scalars['String']['output'];
};

/** A rate given as input. */
export type RateCardLineInput = {
  /** Bill rate per unit, at most 4 decimals. */
  billRate: Scalars['Decimal']['input'];
  /** Indicative cost rate. */
  costRateHint?: InputMaybe<Scalars['Decimal']['input']>;
  /** Level. */
  level?: InputMaybe<Scalars['String']['input']>;
  /** Region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Role. */
  roleCode: Scalars['String']['input'];
};

/** What a rate card applies to. */
export type RateCardScope =
  /** One client's negotiated card. */
  | 'ACCOUNT'
  /** One contract's card. */
  | 'CONTRACT'
  /** One legal entity's card. */
  | 'LEGAL_ENTITY'
  /** The firm-wide standard card, the reference for realization. */
  | 'STANDARD';

/** Unit rates are quoted in. */
export type RateUnit =
  /** Per day of 8 hours. */
  | 'DAY'
  /** Per hour. */
  | 'HOUR';

/** Input to record a billable item for a source record version (idempotent on the natural key). */
export type RecordBillableItemInput = {
  /** Text on the invoice line. */
  description: Scalars['String']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Project (must have an ACTIVE billing schedule). */
  projectId: Scalars['ID']['input'];
  /** Quantity, at most 4 decimals, greater than zero. */
  quantity: Scalars['Decimal']['input'];
  /** Date of service. */
  serviceDate: Scalars['LocalDate']['input'];
  /** Source record identifier. */
  sourceId: Scalars['ID']['input'];
  /** What it bills. */
  sourceType: BillableSource;
  /** Source record version. */
  sourceVersion: Scalars['Int']['input'];
  /** Price per unit at the standard rate card, for realization. */
  standardUnitPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Price per unit, at most 4 decimals, not negative (except ADJUSTMENT). */
  unitPrice: Scalars['Decimal']['input'];
};

/** Input to record many billable items in one transaction. */
export type RecordBillableItemsInput = {
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The items (1 to 5 000), each idempotent on its natural key; an item must not carry its own idempotencyKey. */
  items: Array<RecordBillableItemInput>;
};

/** Input to make an accepted milestone billable. */
export type RecordMilestoneBillableInput = {
  /** Date the client accepted it (the item's service date). */
  acceptedOn: Scalars['LocalDate']['input'];
  /** Amount to bill, in the schedule currency. */
  amount: MoneyInput;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The accepted milestone (`ms_…`). */
  milestoneId: Scalars['ID']['input'];
  /** Version of the milestone accepted (part of the item's natural key). */
  milestoneVersion: Scalars['Int']['input'];
  /** Milestone name, printed on the invoice line. */
  name: Scalars['String']['input'];
  /** The project. */
  projectId: Scalars['ID']['input'];
};

/** Input to replace a rate card from a date: a new card supersedes it and the old one ends the day before. */
export type ReviseRateCardInput = {
  /** First day of the new rates (after the old card's start). */
  effectiveFrom: Scalars['LocalDate']['input'];
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Card to revise. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The new rates. */
  lines: Array<RateCardLineInput>;
};

/** Input to run the billing of one schedule. */
export type RunBillingInput = {
  /** Issue the invoice in the same transaction (gapless number) instead of leaving a DRAFT. */
  autoIssue?: InputMaybe<Scalars['Boolean']['input']>;
  /** The ACTIVE schedule to bill. */
  billingScheduleId: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Invoice date when issuing (default today). */
  issueDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Bill what was delivered (and instalments planned) up to this date. */
  throughDate: Scalars['LocalDate']['input'];
};

/** Lifecycle of a planned billing line. */
export type ScheduleLineStatus =
  /** Billed. */
  | 'BILLED'
  /** No longer to be billed. */
  | 'CANCELLED'
  /** Planned for a future date or event. */
  | 'PLANNED'
  /** Due and billable. */
  | 'READY';

/** Input to set up the billing of a newly won project (system mutation of the set-up flow). */
export type SetupBillingForProjectInput = {
  /** The client billed (`acc_…`). */
  accountId: Scalars['ID']['input'];
  /** How the contract is billed; NON_BILLABLE projects have no billing. */
  billingModel: BillingModel;
  /** The contract the project delivers (`ctr_…`); its rate card is the contract's. */
  contractId: Scalars['ID']['input'];
  /** Total contract value; fixed-fee and retainer instalments allocate it exactly over the months. */
  contractValue: MoneyInput;
  /** ISO 3166-1 alpha-2 country of the legal entity; it chooses the tax code (US → NONE, CA → CA-HST-ON, GB → UK-VAT, DE → DE-VAT, else NONE). */
  country: Scalars['String']['input'];
  /** Invoice currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** Last day of delivery. */
  endDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The billing legal entity (`le_…`). */
  legalEntityId: Scalars['ID']['input'];
  /** Cap on billings, if the contract has one. */
  notToExceed?: InputMaybe<MoneyInput>;
  /** Days from invoice date to due date (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** The project to bill (`prj_…`). */
  projectId: Scalars['ID']['input'];
  /** First day of delivery. */
  startDate: Scalars['LocalDate']['input'];
};

/** Input to apply a lifecycle action to a billable item. */
export type TransitionBillableItemInput = {
  /** Action to apply. */
  action: BillableItemAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Item to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Reason (required for HOLD and WRITE_OFF). */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a billing schedule. */
export type TransitionBillingScheduleInput = {
  /** Action to apply. */
  action: BillingScheduleAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Schedule to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a credit memo. */
export type TransitionCreditMemoInput = {
  /** Action to apply. */
  action: CreditMemoAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Credit memo to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to void an ISSUED or POSTED invoice. */
export type VoidInvoiceInput = {
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Invoice to void. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why (required). */
  reason: Scalars['String']['input'];
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
  BillableItem: BillableItem;
  BillableItemBatch: BillableItemBatch;
  BillingRunResult: BillingRunResult;
  BillingSchedule: BillingSchedule;
  CreditMemo: CreditMemo;
  EntityHistory: EntityHistory;
  Invoice: Invoice;
  Project: Project;
  RateCard: RateCard;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  AuditTrail:
    ( { __typename: 'AuditTrail' }
    & GraphQLRecursivePick<FederationTypes['AuditTrail'], {"correlationId":true}> );
  BillableItem:
    ( { __typename: 'BillableItem' }
    & GraphQLRecursivePick<FederationTypes['BillableItem'], {"id":true}> );
  BillableItemBatch:
    ( { __typename: 'BillableItemBatch' }
    & GraphQLRecursivePick<FederationTypes['BillableItemBatch'], {"id":true}> );
  BillingRunResult:
    ( { __typename: 'BillingRunResult' }
    & GraphQLRecursivePick<FederationTypes['BillingRunResult'], {"id":true}> );
  BillingSchedule:
    ( { __typename: 'BillingSchedule' }
    & GraphQLRecursivePick<FederationTypes['BillingSchedule'], {"id":true}> );
  CreditMemo:
    ( { __typename: 'CreditMemo' }
    & GraphQLRecursivePick<FederationTypes['CreditMemo'], {"id":true}> );
  EntityHistory:
    ( { __typename: 'EntityHistory' }
    & GraphQLRecursivePick<FederationTypes['EntityHistory'], {"entityType":true,"entityId":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Project'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Project'], {"currency":true}>
        | GraphQLRecursivePick<FederationTypes['Project'], {"currency":true}> ) );
  RateCard:
    ( { __typename: 'RateCard' }
    & GraphQLRecursivePick<FederationTypes['RateCard'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<EntityRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AmendBillingScheduleInput: AmendBillingScheduleInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditTrail: ResolverTypeWrapper<AuditTrail>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BillableItem: ResolverTypeWrapper<BillableItemModel>;
  BillableItemAction: BillableItemAction;
  BillableItemBatch: ResolverTypeWrapper<BillableItemBatch>;
  BillableItemConnection: ResolverTypeWrapper<Omit<BillableItemConnection, 'edges'> & { edges: Array<ResolversTypes['BillableItemEdge']> }>;
  BillableItemEdge: ResolverTypeWrapper<Omit<BillableItemEdge, 'node'> & { node: ResolversTypes['BillableItem'] }>;
  BillableItemFilter: BillableItemFilter;
  BillableItemStatus: BillableItemStatus;
  BillableSource: BillableSource;
  BillingFrequency: BillingFrequency;
  BillingModel: BillingModel;
  BillingRunResult: ResolverTypeWrapper<Omit<BillingRunResult, 'billingSchedule' | 'invoices'> & { billingSchedule?: Maybe<ResolversTypes['BillingSchedule']>, invoices?: Maybe<Array<ResolversTypes['Invoice']>> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BillingSchedule: ResolverTypeWrapper<BillingScheduleModel>;
  BillingScheduleAction: BillingScheduleAction;
  BillingScheduleAmendment: ResolverTypeWrapper<Omit<BillingScheduleAmendment, 'contractValueDelta' | 'notToExceed'> & { contractValueDelta: ResolversTypes['Money'], notToExceed?: Maybe<ResolversTypes['Money']> }>;
  BillingScheduleConnection: ResolverTypeWrapper<Omit<BillingScheduleConnection, 'edges'> & { edges: Array<ResolversTypes['BillingScheduleEdge']> }>;
  BillingScheduleEdge: ResolverTypeWrapper<Omit<BillingScheduleEdge, 'node'> & { node: ResolversTypes['BillingSchedule'] }>;
  BillingScheduleFilter: BillingScheduleFilter;
  BillingScheduleLine: ResolverTypeWrapper<BillingScheduleLineModel>;
  BillingScheduleLineInput: BillingScheduleLineInput;
  BillingScheduleStatus: BillingScheduleStatus;
  BillingScheduleType: BillingScheduleType;
  Contact: ResolverTypeWrapper<EntityRefModel>;
  CreateBillingScheduleInput: CreateBillingScheduleInput;
  CreateCreditMemoInput: CreateCreditMemoInput;
  CreateDraftInvoiceInput: CreateDraftInvoiceInput;
  CreateRateCardInput: CreateRateCardInput;
  CreditLineInput: CreditLineInput;
  CreditMemo: ResolverTypeWrapper<CreditMemoModel>;
  CreditMemoAction: CreditMemoAction;
  CreditMemoStatus: CreditMemoStatus;
  CreditReason: CreditReason;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DurationStats: ResolverTypeWrapper<DurationStats>;
  EntityHistory: ResolverTypeWrapper<EntityHistory>;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: ResolverTypeWrapper<IntegrityCheck>;
  IntegrityReport: ResolverTypeWrapper<IntegrityReport>;
  Invoice: ResolverTypeWrapper<InvoiceModel>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceFilter: InvoiceFilter;
  InvoiceLagFilter: InvoiceLagFilter;
  InvoiceLine: ResolverTypeWrapper<InvoiceLineModel>;
  InvoiceRefInput: InvoiceRefInput;
  InvoiceStatus: InvoiceStatus;
  IssueInvoiceInput: IssueInvoiceInput;
  KeyBucket: ResolverTypeWrapper<KeyBucket>;
  KeySet: ResolverTypeWrapper<KeySet>;
  LegalEntity: ResolverTypeWrapper<EntityRefModel>;
  LocalDate: ResolverTypeWrapper<Scalars['LocalDate']['output']>;
  Money: ResolverTypeWrapper<MoneyModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OutboxBacklog: ResolverTypeWrapper<OutboxBacklog>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<ProjectRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateCard: ResolverTypeWrapper<RateCardModel>;
  RateCardConnection: ResolverTypeWrapper<Omit<RateCardConnection, 'edges'> & { edges: Array<ResolversTypes['RateCardEdge']> }>;
  RateCardEdge: ResolverTypeWrapper<Omit<RateCardEdge, 'node'> & { node: ResolversTypes['RateCard'] }>;
  RateCardFilter: RateCardFilter;
  RateCardLine: ResolverTypeWrapper<RateCardLineModel>;
  RateCardLineInput: RateCardLineInput;
  RateCardScope: RateCardScope;
  RateUnit: RateUnit;
  RecordBillableItemInput: RecordBillableItemInput;
  RecordBillableItemsInput: RecordBillableItemsInput;
  RecordMilestoneBillableInput: RecordMilestoneBillableInput;
  ReviseRateCardInput: ReviseRateCardInput;
  RunBillingInput: RunBillingInput;
  ScheduleLineStatus: ScheduleLineStatus;
  SetupBillingForProjectInput: SetupBillingForProjectInput;
  TransitionBillableItemInput: TransitionBillableItemInput;
  TransitionBillingScheduleInput: TransitionBillingScheduleInput;
  TransitionCreditMemoInput: TransitionCreditMemoInput;
  VoidInvoiceInput: VoidInvoiceInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: EntityRefModel;
  ID: Scalars['ID']['output'];
  AmendBillingScheduleInput: AmendBillingScheduleInput;
  String: Scalars['String']['output'];
  AuditEntry: AuditEntry;
  Int: Scalars['Int']['output'];
  AuditTrail: AuditTrail | FederationReferenceTypes['AuditTrail'];
  BigInt: Scalars['BigInt']['output'];
  BillableItem: BillableItemModel;
  BillableItemBatch: BillableItemBatch | FederationReferenceTypes['BillableItemBatch'];
  BillableItemConnection: Omit<BillableItemConnection, 'edges'> & { edges: Array<ResolversParentTypes['BillableItemEdge']> };
  BillableItemEdge: Omit<BillableItemEdge, 'node'> & { node: ResolversParentTypes['BillableItem'] };
  BillableItemFilter: BillableItemFilter;
  BillingRunResult: Omit<BillingRunResult, 'billingSchedule' | 'invoices'> & { billingSchedule?: Maybe<ResolversParentTypes['BillingSchedule']>, invoices?: Maybe<Array<ResolversParentTypes['Invoice']>> } | FederationReferenceTypes['BillingRunResult'];
  Boolean: Scalars['Boolean']['output'];
  BillingSchedule: BillingScheduleModel;
  BillingScheduleAmendment: Omit<BillingScheduleAmendment, 'contractValueDelta' | 'notToExceed'> & { contractValueDelta: ResolversParentTypes['Money'], notToExceed?: Maybe<ResolversParentTypes['Money']> };
  BillingScheduleConnection: Omit<BillingScheduleConnection, 'edges'> & { edges: Array<ResolversParentTypes['BillingScheduleEdge']> };
  BillingScheduleEdge: Omit<BillingScheduleEdge, 'node'> & { node: ResolversParentTypes['BillingSchedule'] };
  BillingScheduleFilter: BillingScheduleFilter;
  BillingScheduleLine: BillingScheduleLineModel;
  BillingScheduleLineInput: BillingScheduleLineInput;
  Contact: EntityRefModel;
  CreateBillingScheduleInput: CreateBillingScheduleInput;
  CreateCreditMemoInput: CreateCreditMemoInput;
  CreateDraftInvoiceInput: CreateDraftInvoiceInput;
  CreateRateCardInput: CreateRateCardInput;
  CreditLineInput: CreditLineInput;
  CreditMemo: CreditMemoModel;
  CurrencyCode: Scalars['CurrencyCode']['output'];
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DurationStats: DurationStats;
  EntityHistory: EntityHistory | FederationReferenceTypes['EntityHistory'];
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: IntegrityCheck;
  IntegrityReport: IntegrityReport;
  Invoice: InvoiceModel;
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceFilter: InvoiceFilter;
  InvoiceLagFilter: InvoiceLagFilter;
  InvoiceLine: InvoiceLineModel;
  InvoiceRefInput: InvoiceRefInput;
  IssueInvoiceInput: IssueInvoiceInput;
  KeyBucket: KeyBucket;
  KeySet: KeySet;
  LegalEntity: EntityRefModel;
  LocalDate: Scalars['LocalDate']['output'];
  Money: MoneyModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OutboxBacklog: OutboxBacklog;
  PageInfo: PageInfo;
  Project: ProjectRefModel;
  Query: Record<PropertyKey, never>;
  RateCard: RateCardModel;
  RateCardConnection: Omit<RateCardConnection, 'edges'> & { edges: Array<ResolversParentTypes['RateCardEdge']> };
  RateCardEdge: Omit<RateCardEdge, 'node'> & { node: ResolversParentTypes['RateCard'] };
  RateCardFilter: RateCardFilter;
  RateCardLine: RateCardLineModel;
  RateCardLineInput: RateCardLineInput;
  RecordBillableItemInput: RecordBillableItemInput;
  RecordBillableItemsInput: RecordBillableItemsInput;
  RecordMilestoneBillableInput: RecordMilestoneBillableInput;
  ReviseRateCardInput: ReviseRateCardInput;
  RunBillingInput: RunBillingInput;
  SetupBillingForProjectInput: SetupBillingForProjectInput;
  TransitionBillableItemInput: TransitionBillableItemInput;
  TransitionBillingScheduleInput: TransitionBillingScheduleInput;
  TransitionCreditMemoInput: TransitionCreditMemoInput;
  VoidInvoiceInput: VoidInvoiceInput;
};

export type AccountResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<Maybe<Array<ResolversTypes['Invoice']>>, ParentType, ContextType, Partial<AccountInvoicesArgs>>;
};

export type AuditEntryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
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

export type AuditTrailResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['AuditTrail'] = ResolversParentTypes['AuditTrail'], FederationReferenceType extends FederationReferenceTypes['AuditTrail'] = FederationReferenceTypes['AuditTrail']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuditTrail']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billing?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type BillableItemResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillableItem'] = ResolversParentTypes['BillableItem'], FederationReferenceType extends FederationReferenceTypes['BillableItem'] = FederationReferenceTypes['BillableItem']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BillableItem']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holdReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  idempotencyKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  readyAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  serviceDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sourceType?: Resolver<ResolversTypes['BillableSource'], ParentType, ContextType>;
  sourceVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  standardAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BillableItemStatus'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writeOffReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type BillableItemBatchResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillableItemBatch'] = ResolversParentTypes['BillableItemBatch'], FederationReferenceType extends FederationReferenceTypes['BillableItemBatch'] = FederationReferenceTypes['BillableItemBatch']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BillableItemBatch']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  onHold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recorded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  replayed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  superseded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillableItemConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillableItemConnection'] = ResolversParentTypes['BillableItemConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BillableItemEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BillableItemEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillableItemEdge'] = ResolversParentTypes['BillableItemEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BillableItem'], ParentType, ContextType>;
};

export type BillingRunResultResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingRunResult'] = ResolversParentTypes['BillingRunResult'], FederationReferenceType extends FederationReferenceTypes['BillingRunResult'] = FederationReferenceTypes['BillingRunResult']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BillingRunResult']> | FederationReferenceType, FederationReferenceType, ContextType>;
  autoIssue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  billingSchedule?: Resolver<Maybe<ResolversTypes['BillingSchedule']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<Maybe<Array<ResolversTypes['Invoice']>>, ParentType, ContextType>;
  itemsHeld?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  itemsInvoiced?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  linesReleased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ranAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  throughDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
};

export type BillingScheduleResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingSchedule'] = ResolversParentTypes['BillingSchedule'], FederationReferenceType extends FederationReferenceTypes['BillingSchedule'] = FederationReferenceTypes['BillingSchedule']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BillingSchedule']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  amendments?: Resolver<Array<ResolversTypes['BillingScheduleAmendment']>, ParentType, ContextType>;
  billForActuals?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  contractId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  frequency?: Resolver<ResolversTypes['BillingFrequency'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inArrears?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['BillingScheduleLine']>, ParentType, ContextType>;
  notToExceed?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  paymentTermsDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  rateCard?: Resolver<Maybe<ResolversTypes['RateCard']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BillingScheduleStatus'], ParentType, ContextType>;
  taxCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['BillingScheduleType'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillingScheduleAmendmentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingScheduleAmendment'] = ResolversParentTypes['BillingScheduleAmendment']> = {
  amendmentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  appliedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  contractValueDelta?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  effectiveDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  linesCancelled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  linesCreated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notToExceed?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  scheduleVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BillingScheduleConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingScheduleConnection'] = ResolversParentTypes['BillingScheduleConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BillingScheduleEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BillingScheduleEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingScheduleEdge'] = ResolversParentTypes['BillingScheduleEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BillingSchedule'], ParentType, ContextType>;
};

export type BillingScheduleLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingScheduleLine'] = ResolversParentTypes['BillingScheduleLine']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  billableItemId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  milestoneId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  plannedDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ScheduleLineStatus'], ParentType, ContextType>;
};

export type ContactResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CreditMemoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CreditMemo'] = ResolversParentTypes['CreditMemo'], FederationReferenceType extends FederationReferenceTypes['CreditMemo'] = FederationReferenceTypes['CreditMemo']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CreditMemo']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CreditReason'], ParentType, ContextType>;
  releasesBillableItems?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CreditMemoStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface CurrencyCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CurrencyCode'], any> {
  name: 'CurrencyCode';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DurationStatsResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['DurationStats'] = ResolversParentTypes['DurationStats']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanDays?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  medianDays?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  p90Days?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type EntityHistoryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['EntityHistory'] = ResolversParentTypes['EntityHistory'], FederationReferenceType extends FederationReferenceTypes['EntityHistory'] = FederationReferenceTypes['EntityHistory']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EntityHistory']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billing?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExternalRefResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['ExternalRef'] = ResolversParentTypes['ExternalRef']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IntegrityCheckResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['IntegrityCheck'] = ResolversParentTypes['IntegrityCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrityReportResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = {
  checks?: Resolver<Array<ResolversTypes['IntegrityCheck']>, ParentType, ContextType>;
  outbox?: Resolver<ResolversTypes['OutboxBacklog'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  set?: Resolver<Maybe<ResolversTypes['KeySet']>, ParentType, ContextType, RequireFields<IntegrityReportSetArgs, 'name'>>;
  sets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type InvoiceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  billToContact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  billingSchedule?: Resolver<Maybe<ResolversTypes['BillingSchedule']>, ParentType, ContextType>;
  creditMemos?: Resolver<Array<ResolversTypes['CreditMemo']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  legalEntity?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paymentTermsDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  postedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  projects?: Resolver<Maybe<Array<ResolversTypes['Project']>>, ParentType, ContextType>;
  roundingMode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voidReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InvoiceEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
};

export type InvoiceLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceLine'] = ResolversParentTypes['InvoiceLine']> = {
  billableItemIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  netAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  taxAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRatePct?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type KeyBucketResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['KeyBucket'] = ResolversParentTypes['KeyBucket']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeySetResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['KeySet'] = ResolversParentTypes['KeySet']> = {
  buckets?: Resolver<Array<ResolversTypes['KeyBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<KeySetKeysArgs, 'bucket'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LegalEntityResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface LocalDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LocalDate'], any> {
  name: 'LocalDate';
}

export type MoneyResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  amountMinor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  amendBillingSchedule?: Resolver<ResolversTypes['BillingSchedule'], ParentType, ContextType, RequireFields<MutationAmendBillingScheduleArgs, 'input'>>;
  createBillingSchedule?: Resolver<ResolversTypes['BillingSchedule'], ParentType, ContextType, RequireFields<MutationCreateBillingScheduleArgs, 'input'>>;
  createCreditMemo?: Resolver<ResolversTypes['CreditMemo'], ParentType, ContextType, RequireFields<MutationCreateCreditMemoArgs, 'input'>>;
  createDraftInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationCreateDraftInvoiceArgs, 'input'>>;
  createRateCard?: Resolver<ResolversTypes['RateCard'], ParentType, ContextType, RequireFields<MutationCreateRateCardArgs, 'input'>>;
  discardDraftInvoice?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDiscardDraftInvoiceArgs, 'input'>>;
  issueInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationIssueInvoiceArgs, 'input'>>;
  postInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationPostInvoiceArgs, 'input'>>;
  recordBillableItem?: Resolver<ResolversTypes['BillableItem'], ParentType, ContextType, RequireFields<MutationRecordBillableItemArgs, 'input'>>;
  recordBillableItems?: Resolver<ResolversTypes['BillableItemBatch'], ParentType, ContextType, RequireFields<MutationRecordBillableItemsArgs, 'input'>>;
  recordMilestoneBillable?: Resolver<ResolversTypes['BillableItem'], ParentType, ContextType, RequireFields<MutationRecordMilestoneBillableArgs, 'input'>>;
  reviseRateCard?: Resolver<ResolversTypes['RateCard'], ParentType, ContextType, RequireFields<MutationReviseRateCardArgs, 'input'>>;
  runBilling?: Resolver<ResolversTypes['BillingRunResult'], ParentType, ContextType, RequireFields<MutationRunBillingArgs, 'input'>>;
  setupBillingForProject?: Resolver<ResolversTypes['BillingSchedule'], ParentType, ContextType, RequireFields<MutationSetupBillingForProjectArgs, 'input'>>;
  transitionBillableItem?: Resolver<ResolversTypes['BillableItem'], ParentType, ContextType, RequireFields<MutationTransitionBillableItemArgs, 'input'>>;
  transitionBillingSchedule?: Resolver<ResolversTypes['BillingSchedule'], ParentType, ContextType, RequireFields<MutationTransitionBillingScheduleArgs, 'input'>>;
  transitionCreditMemo?: Resolver<ResolversTypes['CreditMemo'], ParentType, ContextType, RequireFields<MutationTransitionCreditMemoArgs, 'input'>>;
  voidInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationVoidInvoiceArgs, 'input'>>;
};

export type OutboxBacklogResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['OutboxBacklog'] = ResolversParentTypes['OutboxBacklog']> = {
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestUnpublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpublished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billableItems?: Resolver<Maybe<Array<ResolversTypes['BillableItem']>>, ParentType, ContextType, Partial<ProjectBillableItemsArgs>>;
  billedToDate?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  billingSchedules?: Resolver<Maybe<Array<ResolversTypes['BillingSchedule']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceLag?: Resolver<Maybe<ResolversTypes['DurationStats']>, ParentType, ContextType>;
  invoices?: Resolver<Maybe<Array<ResolversTypes['Invoice']>>, ParentType, ContextType>;
  unbilledWip?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  billableItem?: Resolver<Maybe<ResolversTypes['BillableItem']>, ParentType, ContextType, RequireFields<QueryBillableItemArgs, 'id'>>;
  billableItems?: Resolver<Maybe<ResolversTypes['BillableItemConnection']>, ParentType, ContextType, RequireFields<QueryBillableItemsArgs, 'first'>>;
  billingIntegrity?: Resolver<Maybe<ResolversTypes['IntegrityReport']>, ParentType, ContextType>;
  billingSchedule?: Resolver<Maybe<ResolversTypes['BillingSchedule']>, ParentType, ContextType, RequireFields<QueryBillingScheduleArgs, 'id'>>;
  billingSchedules?: Resolver<Maybe<ResolversTypes['BillingScheduleConnection']>, ParentType, ContextType, RequireFields<QueryBillingSchedulesArgs, 'first'>>;
  creditMemo?: Resolver<Maybe<ResolversTypes['CreditMemo']>, ParentType, ContextType, RequireFields<QueryCreditMemoArgs, 'id'>>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoiceLag?: Resolver<Maybe<ResolversTypes['DurationStats']>, ParentType, ContextType, Partial<QueryInvoiceLagArgs>>;
  invoices?: Resolver<Maybe<ResolversTypes['InvoiceConnection']>, ParentType, ContextType, RequireFields<QueryInvoicesArgs, 'first'>>;
  rateCard?: Resolver<Maybe<ResolversTypes['RateCard']>, ParentType, ContextType, RequireFields<QueryRateCardArgs, 'id'>>;
  rateCards?: Resolver<Maybe<ResolversTypes['RateCardConnection']>, ParentType, ContextType, RequireFields<QueryRateCardsArgs, 'first'>>;
};

export type RateCardResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RateCard'] = ResolversParentTypes['RateCard'], FederationReferenceType extends FederationReferenceTypes['RateCard'] = FederationReferenceTypes['RateCard']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RateCard']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  contractId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  effectiveTo?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntityId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['RateCardLine']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['RateCardScope'], ParentType, ContextType>;
  supersedes?: Resolver<Maybe<ResolversTypes['RateCard']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['RateUnit'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RateCardConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RateCardConnection'] = ResolversParentTypes['RateCardConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RateCardEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type RateCardEdgeResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RateCardEdge'] = ResolversParentTypes['RateCardEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RateCard'], ParentType, ContextType>;
};

export type RateCardLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['RateCardLine'] = ResolversParentTypes['RateCardLine']> = {
  billRate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  costRateHint?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = BillingContext> = {
  Account?: AccountResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  BillableItem?: BillableItemResolvers<ContextType>;
  BillableItemBatch?: BillableItemBatchResolvers<ContextType>;
  BillableItemConnection?: BillableItemConnectionResolvers<ContextType>;
  BillableItemEdge?: BillableItemEdgeResolvers<ContextType>;
  BillingRunResult?: BillingRunResultResolvers<ContextType>;
  BillingSchedule?: BillingScheduleResolvers<ContextType>;
  BillingScheduleAmendment?: BillingScheduleAmendmentResolvers<ContextType>;
  BillingScheduleConnection?: BillingScheduleConnectionResolvers<ContextType>;
  BillingScheduleEdge?: BillingScheduleEdgeResolvers<ContextType>;
  BillingScheduleLine?: BillingScheduleLineResolvers<ContextType>;
  Contact?: ContactResolvers<ContextType>;
  CreditMemo?: CreditMemoResolvers<ContextType>;
  CurrencyCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DurationStats?: DurationStatsResolvers<ContextType>;
  EntityHistory?: EntityHistoryResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  IntegrityCheck?: IntegrityCheckResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceLine?: InvoiceLineResolvers<ContextType>;
  KeyBucket?: KeyBucketResolvers<ContextType>;
  KeySet?: KeySetResolvers<ContextType>;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  LocalDate?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OutboxBacklog?: OutboxBacklogResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RateCard?: RateCardResolvers<ContextType>;
  RateCardConnection?: RateCardConnectionResolvers<ContextType>;
  RateCardEdge?: RateCardEdgeResolvers<ContextType>;
  RateCardLine?: RateCardLineResolvers<ContextType>;
};

