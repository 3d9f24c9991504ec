import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Money as MoneyModel } from '../../../../platform/money/money.js';
import type { EntityRef as EntityRefModel, Project as ProjectModel, Task as TaskModel, Resource as ResourceModel, Assignment as AssignmentModel, TimeEntry as TimeEntryModel, ExpenseEntry as ExpenseEntryModel, Milestone as MilestoneModel, ResourceRequest as ResourceRequestModel, EffectiveRate as EffectiveRateModel } from '../domain/types.js';
import type { ProjectsContext } from '../graphql/context.js';
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
  /** Projects delivered for this account, newest first. */
  projects?: Maybe<Array<Project>>;
};


/** A client or prospect organisation. */
export type AccountProjectsArgs = {
  statuses?: InputMaybe<Array<ProjectStatus>>;
};

/** Input to apply a contract amendment's rate changes to a project. */
export type ApplyRateChangesInput = {
  /** Change of the revenue budget, in the project currency (may be negative; the budget must stay non-negative). */
  budgetRevenueDelta?: InputMaybe<MoneyInput>;
  /** The contract amendment the changes come from; when given, the amendment is applied to the project at most once. */
  contractAmendmentId?: InputMaybe<Scalars['ID']['input']>;
  /** First work date the new rates apply to. */
  effectiveDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The project. */
  projectId: Scalars['ID']['input'];
  /** New bill rates per role (up to 100 roles, each once); may be empty when only the budget changes. */
  rateChanges: Array<ProjectRateChangeInput>;
};

/** Approval lifecycle of time and expense entries. */
export type ApprovalStatus =
  /** Approved; rates are snapshotted and the entry is frozen. */
  | 'APPROVED'
  /** On an issued invoice. */
  | 'BILLED'
  /** Being edited by the resource. */
  | 'DRAFT'
  /** Sent back with a reason. */
  | 'REJECTED'
  /** Waiting for approval. */
  | 'SUBMITTED';

/** A resource staffed on a project for a period at agreed rates. */
export type Assignment = {
  __typename?: 'Assignment';
  /** Hourly bill rate, in the project currency. */
  billRate: Scalars['Decimal']['output'];
  /** Hourly cost rate, in the project currency (finance and executives only). */
  costRate?: Maybe<Scalars['Decimal']['output']>;
  /** Last day. */
  endDate: Scalars['LocalDate']['output'];
  /** Stable identifier (`asg_…`). */
  id: Scalars['ID']['output'];
  /** Whether time on this assignment is billable. */
  isBillable: Scalars['Boolean']['output'];
  /** The project. */
  project: Project;
  /** The resource (null when employed by a legal entity the caller does not see). */
  resource?: Maybe<Resource>;
  /** Role played on the project. */
  roleCode: Scalars['String']['output'];
  /** Minutes scheduled over the period. */
  scheduledMinutes: Scalars['Int']['output'];
  /** First day. */
  startDate: Scalars['LocalDate']['output'];
  /** Lifecycle status. */
  status: AssignmentStatus;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on an assignment. */
export type AssignmentAction =
  /** TENTATIVE or CONFIRMED → CANCELLED. */
  | 'CANCEL'
  /** CONFIRMED → COMPLETED. */
  | 'COMPLETE'
  /** TENTATIVE → CONFIRMED. */
  | 'CONFIRM';

/** A page of assignments. */
export type AssignmentConnection = {
  __typename?: 'AssignmentConnection';
  /** The assignments on this page. */
  edges: Array<AssignmentEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** An assignment in a connection. */
export type AssignmentEdge = {
  __typename?: 'AssignmentEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The assignment. */
  node: Assignment;
};

/** Filter for assignments. */
export type AssignmentFilter = {
  /** Only assignments on this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only assignments of this resource. */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Only assignments in these statuses. */
  statuses?: InputMaybe<Array<AssignmentStatus>>;
};

/** Lifecycle of an assignment. */
export type AssignmentStatus =
  /** Withdrawn. */
  | 'CANCELLED'
  /** Finished. */
  | 'COMPLETED'
  /** Confirmed. */
  | 'CONFIRMED'
  /** Pencilled in. */
  | 'TENTATIVE';

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
  /** Changes recorded by projects, oldest first. */
  projects?: Maybe<Array<AuditEntry>>;
};

/** Classification of time for billing and utilization. */
export type BillableClass =
  /** Billed to the client. */
  | 'BILLABLE'
  /** Not billed but credited towards utilization (training, pre-sales). */
  | 'CREDITED'
  /** Excluded from utilization. */
  | 'EXCLUDED'
  /** Not billed. */
  | 'NON_BILLABLE';

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

/** A person at an account. */
export type Contact = {
  __typename?: 'Contact';
  /** Stable identifier (`con_…`). */
  id: Scalars['ID']['output'];
};

/** A signed agreement with an account. */
export type Contract = {
  __typename?: 'Contract';
  /** Stable identifier (`ctr_…`). */
  id: Scalars['ID']['output'];
  /** Projects delivering this contract. */
  projects?: Maybe<Array<Project>>;
};

/** Input to staff a resource on a project. */
export type CreateAssignmentInput = {
  /** Hourly bill rate in the project currency. */
  billRate: Scalars['Decimal']['input'];
  /** Hourly cost rate in the project currency. */
  costRate: Scalars['Decimal']['input'];
  /** Last day. */
  endDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Whether time is billable (default true). */
  isBillable?: InputMaybe<Scalars['Boolean']['input']>;
  /** The project. */
  projectId: Scalars['ID']['input'];
  /** The resource. */
  resourceId: Scalars['ID']['input'];
  /** Role played. */
  roleCode: Scalars['String']['input'];
  /** Minutes scheduled over the period. */
  scheduledMinutes: Scalars['Int']['input'];
  /** First day. */
  startDate: Scalars['LocalDate']['input'];
};

/** Input to record an expense in DRAFT. */
export type CreateExpenseEntryInput = {
  /** Amount paid (greater than zero). */
  amount: MoneyInput;
  /** Whether the client is billed (default true). */
  billable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Category, for example `TRAVEL`. */
  category: Scalars['String']['input'];
  /** Rate from the paid currency to the project currency; required when they differ. */
  fxRateToProject?: InputMaybe<Scalars['Decimal']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Day incurred. */
  incurredOn: Scalars['LocalDate']['input'];
  /** Markup on billing in percent. */
  markupPct?: InputMaybe<Scalars['Decimal']['input']>;
  /** The project. */
  projectId: Scalars['ID']['input'];
  /** Receipt reference. */
  receiptRef?: InputMaybe<Scalars['String']['input']>;
  /** Whether the resource is reimbursed (default true). */
  reimbursable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Who incurred it. */
  resourceId: Scalars['ID']['input'];
};

/** Input to add a milestone to a project. */
export type CreateMilestoneInput = {
  /** Amount billed on acceptance, in the project currency. */
  billingAmount?: InputMaybe<MoneyInput>;
  /** Due date. */
  dueDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Name. */
  name: Scalars['String']['input'];
  /** The project. */
  projectId: Scalars['ID']['input'];
  /** Share of revenue in percent. */
  revenueWeightPct?: InputMaybe<Scalars['Decimal']['input']>;
};

/** Input to create a project in DRAFT. */
export type CreateProjectInput = {
  /** The client. */
  accountId: Scalars['ID']['input'];
  /** How the work is billed. */
  billingModel: BillingModel;
  /** Budgeted cost, in the project currency. */
  budgetCost?: InputMaybe<MoneyInput>;
  /** Budgeted effort in minutes. */
  budgetMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Budgeted revenue, in the project currency. */
  budgetRevenue?: InputMaybe<MoneyInput>;
  /** Unique code; generated when omitted. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The contract it delivers. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Project currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** Planned end (not before the start). */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The delivering legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Margin alert threshold in percent (0–100). */
  marginThresholdPct?: InputMaybe<Scalars['Decimal']['input']>;
  /** Name (1–200 characters). */
  name: Scalars['String']['input'];
  /** The won opportunity it delivers (at most one project per opportunity). */
  opportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** Project manager (a resource). */
  projectManagerId: Scalars['ID']['input'];
  /** Planned start. */
  startDate: Scalars['LocalDate']['input'];
};

/** Input to create a resource. */
export type CreateResourceInput = {
  /** Hourly cost rates, effective-dated. */
  costRates: Array<EffectiveRateInput>;
  /** Name shown to users. */
  displayName: Scalars['String']['input'];
  /** Employee or contractor number, unique. */
  employeeNumber: Scalars['String']['input'];
  /** Employee or contractor. */
  employmentType: EmploymentType;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Employing legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Level within the role. */
  level?: InputMaybe<Scalars['String']['input']>;
  /** Practice. */
  practice?: InputMaybe<Scalars['String']['input']>;
  /** Region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Role code. */
  roleCode: Scalars['String']['input'];
  /** Target billable utilization in percent. */
  utilizationTargetPct?: InputMaybe<Scalars['Decimal']['input']>;
  /** Contracted minutes per week (default 2400). */
  weeklyCapacityMinutes?: InputMaybe<Scalars['Int']['input']>;
};

/** Input to add a task to a project's WBS. */
export type CreateTaskInput = {
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Whether time on it is billable by default (default true). */
  isBillable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Task name. */
  name: Scalars['String']['input'];
  /** Parent task, for nesting. */
  parentTaskId?: InputMaybe<Scalars['ID']['input']>;
  /** Planned end. */
  plannedEnd?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Planned effort in minutes. */
  plannedMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Planned start. */
  plannedStart?: InputMaybe<Scalars['LocalDate']['input']>;
  /** The project. */
  projectId: Scalars['ID']['input'];
  /** WBS code, unique within the project. */
  wbsCode: Scalars['String']['input'];
};

/** Input to record time in DRAFT. */
export type CreateTimeEntryInput = {
  /** Assignment the time is booked under (gives project, resource and rates). */
  assignmentId: Scalars['ID']['input'];
  /** Billing class (default BILLABLE when the assignment is billable). */
  billableClass?: InputMaybe<BillableClass>;
  /** Minutes billable (default: all for billable work, none otherwise; at most `minutes`). */
  billableMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Minutes worked (1–1440). */
  minutes: Scalars['Int']['input'];
  /** Notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** Task, within the same project. */
  taskId?: InputMaybe<Scalars['ID']['input']>;
  /** Day worked. */
  workDate: Scalars['LocalDate']['input'];
};

/** An inclusive range of calendar dates; either end may be omitted. */
export type DateRange = {
  /** First date included. */
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Last date included. */
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A rate valid from a date until the next one. */
export type EffectiveRate = {
  __typename?: 'EffectiveRate';
  /** Currency of the rate. */
  currency: Scalars['CurrencyCode']['output'];
  /** First day the rate applies. */
  effectiveFrom: Scalars['LocalDate']['output'];
  /** Hourly rate. */
  rate: Scalars['Decimal']['output'];
};

/** An effective-dated rate given as input. */
export type EffectiveRateInput = {
  /** Currency of the rate. */
  currency: Scalars['CurrencyCode']['input'];
  /** First day the rate applies. */
  effectiveFrom: Scalars['LocalDate']['input'];
  /** Hourly rate, a decimal string with at most 4 decimals. */
  rate: Scalars['Decimal']['input'];
};

/** Employment relationship of a resource. */
export type EmploymentType =
  /** An external contractor. */
  | 'CONTRACTOR'
  /** An employee. */
  | 'EMPLOYEE';

/** The recorded history of one entity. */
export type EntityHistory = {
  __typename?: 'EntityHistory';
  /** Identifier of the entity. */
  entityId: Scalars['ID']['output'];
  /** Type of the entity, for example `Invoice`. */
  entityType: Scalars['String']['output'];
  /** Changes recorded by projects, oldest first. */
  projects?: Maybe<Array<AuditEntry>>;
};

/** Input to act on a batch of entries; all succeed or none do. */
export type EntryBatchInput = {
  /** Entries to act on (1–5000). */
  entries: Array<VersionedRef>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** An expense a resource incurred on a project. */
export type ExpenseEntry = {
  __typename?: 'ExpenseEntry';
  /** Amount in the currency paid. */
  amount: Money;
  /** When it was approved. */
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Value billable to the client: project amount plus markup, rounded to the currency. */
  billAmount?: Maybe<Money>;
  /** Whether the client is billed. */
  billable: Scalars['Boolean']['output'];
  /** Category, for example `TRAVEL`. */
  category: Scalars['String']['output'];
  /** Rate from the paid currency to the project currency (1 when they are the same). */
  fxRateToProject: Scalars['Decimal']['output'];
  /** Stable identifier (`exp_…`). */
  id: Scalars['ID']['output'];
  /** Day incurred. */
  incurredOn: Scalars['LocalDate']['output'];
  /** Markup on billing, in percent. */
  markupPct?: Maybe<Scalars['Decimal']['output']>;
  /** The project. */
  project: Project;
  /** Amount in the project currency. */
  projectAmount: Money;
  /** Receipt reference. */
  receiptRef?: Maybe<Scalars['String']['output']>;
  /** Whether the resource is reimbursed. */
  reimbursable: Scalars['Boolean']['output'];
  /** Why it was rejected. */
  rejectedReason?: Maybe<Scalars['String']['output']>;
  /** Who incurred it (null when employed by a legal entity the caller does not see). */
  resource?: Maybe<Resource>;
  /** Approval status. */
  status: ApprovalStatus;
  /** When it was submitted. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** A page of expense entries. */
export type ExpenseEntryConnection = {
  __typename?: 'ExpenseEntryConnection';
  /** The expense entries on this page. */
  edges: Array<ExpenseEntryEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** An expense entry in a connection. */
export type ExpenseEntryEdge = {
  __typename?: 'ExpenseEntryEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The expense entry. */
  node: ExpenseEntry;
};

/** Filter for expense entries. */
export type ExpenseEntryFilter = {
  /** Only entries incurred in this range. */
  incurredOn?: InputMaybe<DateRange>;
  /** Only entries on this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries of this resource. */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries in these statuses. */
  statuses?: InputMaybe<Array<ApprovalStatus>>;
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

/** Input to mark entries BILLED once billing has them on an issued invoice. */
export type MarkEntriesBilledInput = {
  /** Expense entries to mark (at most 5000), with the version billing invoiced. */
  expenseEntries?: InputMaybe<Array<VersionedRef>>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Time entries to mark (at most 5000), with the version billing invoiced. */
  timeEntries?: InputMaybe<Array<VersionedRef>>;
};

/** A deliverable the client accepts, often the trigger for billing. */
export type Milestone = {
  __typename?: 'Milestone';
  /** When the client accepted it. */
  acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The client contact who accepted it. */
  acceptedBy?: Maybe<Contact>;
  /** Amount billed on acceptance, in the project currency. */
  billingAmount?: Maybe<Money>;
  /** When it was completed. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Due date. */
  dueDate: Scalars['LocalDate']['output'];
  /** Stable identifier (`ms_…`). */
  id: Scalars['ID']['output'];
  /** Milestone name. */
  name: Scalars['String']['output'];
  /** The project. */
  project: Project;
  /** Share of the project's revenue this milestone represents, in percent. */
  revenueWeightPct?: Maybe<Scalars['Decimal']['output']>;
  /** Lifecycle status. */
  status: MilestoneStatus;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a milestone. */
export type MilestoneAction =
  /** COMPLETED → ACCEPTED (client acceptance). */
  | 'ACCEPT'
  /** PLANNED or IN_PROGRESS → CANCELLED. */
  | 'CANCEL'
  /** IN_PROGRESS → COMPLETED. */
  | 'COMPLETE'
  /** COMPLETED → IN_PROGRESS. */
  | 'REWORK'
  /** PLANNED → IN_PROGRESS. */
  | 'START';

/** A page of milestones. */
export type MilestoneConnection = {
  __typename?: 'MilestoneConnection';
  /** The milestones on this page. */
  edges: Array<MilestoneEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A milestone in a connection. */
export type MilestoneEdge = {
  __typename?: 'MilestoneEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The milestone. */
  node: Milestone;
};

/** Filter for milestones. */
export type MilestoneFilter = {
  /** Only milestones due in this range. */
  dueDate?: InputMaybe<DateRange>;
  /** Only milestones of this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only milestones in these statuses. */
  statuses?: InputMaybe<Array<MilestoneStatus>>;
};

/** Lifecycle of a milestone. */
export type MilestoneStatus =
  /** Accepted by the client; billable. */
  | 'ACCEPTED'
  /** Dropped. */
  | 'CANCELLED'
  /** Delivered, waiting for client acceptance. */
  | 'COMPLETED'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'PLANNED';

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
   * System: applies a contract amendment's bill-rate changes: the project's assignments in those roles take the new
   * rates, APPROVED (never BILLED) billable time worked on or after the effective date is re-rated, and the revenue
   * delta is added to the budget.
   */
  applyRateChanges: Project;
  /** Approves submitted expense entries. */
  approveExpenseEntries: Array<ExpenseEntry>;
  /** Approves submitted time entries, snapshotting bill and cost rates (SUBMITTED → APPROVED). */
  approveTimeEntries: Array<TimeEntry>;
  /** Staffs a resource on a project (TENTATIVE). */
  createAssignment: Assignment;
  /** Records an expense in DRAFT. */
  createExpenseEntry: ExpenseEntry;
  /** Adds a milestone to a project. */
  createMilestone: Milestone;
  /** Creates a project in DRAFT. */
  createProject: Project;
  /** Creates a resource. */
  createResource: Resource;
  /** Adds a task to a project's WBS. */
  createTask: Task;
  /** Records time in DRAFT. */
  createTimeEntry: TimeEntry;
  /**
   * System: marks entries BILLED (APPROVED → BILLED) once they are on an issued invoice; entries already BILLED are
   * skipped. Returns true when every listed entry is BILLED.
   */
  markEntriesBilled: Scalars['Boolean']['output'];
  /** Rejects submitted expense entries with a reason. */
  rejectExpenseEntries: Array<ExpenseEntry>;
  /** Rejects submitted time entries with a reason (SUBMITTED → REJECTED). */
  rejectTimeEntries: Array<TimeEntry>;
  /** Takes submitted time entries back to DRAFT. */
  retractTimeEntries: Array<TimeEntry>;
  /**
   * System: sets up the project of a won opportunity in DRAFT, with a WBS and resource requests from its billing model's
   * template. When a live project already delivers the opportunity it is returned unchanged.
   */
  setupProjectFromOpportunity: Project;
  /** Submits expense entries for approval. */
  submitExpenseEntries: Array<ExpenseEntry>;
  /** Submits time entries for approval (DRAFT or REJECTED → SUBMITTED). */
  submitTimeEntries: Array<TimeEntry>;
  /** Applies a lifecycle action to an assignment. */
  transitionAssignment: Assignment;
  /** Applies a lifecycle action to a milestone. */
  transitionMilestone: Milestone;
  /** Applies a lifecycle action to a project. */
  transitionProject: Project;
  /** Applies a lifecycle action to a task. */
  transitionTask: Task;
  /**
   * System: releases billed entries (BILLED → APPROVED) after their invoice was voided or a credit memo released them;
   * entries in other statuses are skipped. Returns true when none of the listed entries is BILLED any more.
   */
  unbillEntries: Scalars['Boolean']['output'];
  /** Changes a project's plan. */
  updateProject: Project;
  /** Changes a resource. */
  updateResource: Resource;
  /** Changes a DRAFT or REJECTED time entry. */
  updateTimeEntry: TimeEntry;
};


export type MutationApplyRateChangesArgs = {
  input: ApplyRateChangesInput;
};


export type MutationApproveExpenseEntriesArgs = {
  input: EntryBatchInput;
};


export type MutationApproveTimeEntriesArgs = {
  input: EntryBatchInput;
};


export type MutationCreateAssignmentArgs = {
  input: CreateAssignmentInput;
};


export type MutationCreateExpenseEntryArgs = {
  input: CreateExpenseEntryInput;
};


export type MutationCreateMilestoneArgs = {
  input: CreateMilestoneInput;
};


export type MutationCreateProjectArgs = {
  input: CreateProjectInput;
};


export type MutationCreateResourceArgs = {
  input: CreateResourceInput;
};


export type MutationCreateTaskArgs = {
  input: CreateTaskInput;
};


export type MutationCreateTimeEntryArgs = {
  input: CreateTimeEntryInput;
};


export type MutationMarkEntriesBilledArgs = {
  input: MarkEntriesBilledInput;
};


export type MutationRejectExpenseEntriesArgs = {
  input: RejectEntriesInput;
};


export type MutationRejectTimeEntriesArgs = {
  input: RejectEntriesInput;
};


export type MutationRetractTimeEntriesArgs = {
  input: EntryBatchInput;
};


export type MutationSetupProjectFromOpportunityArgs = {
  input: SetupProjectFromOpportunityInput;
};


export type MutationSubmitExpenseEntriesArgs = {
  input: EntryBatchInput;
};


export type MutationSubmitTimeEntriesArgs = {
  input: EntryBatchInput;
};


export type MutationTransitionAssignmentArgs = {
  input: TransitionAssignmentInput;
};


export type MutationTransitionMilestoneArgs = {
  input: TransitionMilestoneInput;
};


export type MutationTransitionProjectArgs = {
  input: TransitionProjectInput;
};


export type MutationTransitionTaskArgs = {
  input: TransitionTaskInput;
};


export type MutationUnbillEntriesArgs = {
  input: UnbillEntriesInput;
};


export type MutationUpdateProjectArgs = {
  input: UpdateProjectInput;
};


export type MutationUpdateResourceArgs = {
  input: UpdateResourceInput;
};


export type MutationUpdateTimeEntryArgs = {
  input: UpdateTimeEntryInput;
};

/** A potential sale to an account. */
export type Opportunity = {
  __typename?: 'Opportunity';
  /** Stable identifier (`opp_…`). */
  id: Scalars['ID']['output'];
  /** The project delivering this opportunity, once set up. */
  project?: Maybe<Project>;
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
  /** The client (resolved in crm; null only when crm cannot answer). */
  account?: Maybe<Account>;
  /** When the project became ACTIVE. */
  activatedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Cost incurred: Σ approved and billed time at each entry's cost-rate snapshot (rounded per entry) plus the
   * project-currency cost of approved and billed expenses (finance and executives only).
   */
  actualCost?: Maybe<Money>;
  /** Minutes of approved and billed time. */
  approvedMinutes: Scalars['Int']['output'];
  /** Resource assignments. */
  assignments: Array<Assignment>;
  /** How the work is billed. */
  billingModel: BillingModel;
  /** Budgeted cost (finance and executives only). */
  budgetCost?: Maybe<Money>;
  /** Budgeted effort in minutes. */
  budgetMinutes?: Maybe<Scalars['Int']['output']>;
  /** Budgeted revenue. */
  budgetRevenue?: Maybe<Money>;
  /** When the project was CLOSED. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Short unique code, for example `PRJ-0042`. */
  code: Scalars['String']['output'];
  /** When the project was COMPLETED. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The contract the project delivers (resolved in crm). */
  contract?: Maybe<Contract>;
  /** When the project was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Project currency; rates, costs and values are in it. */
  currency: Scalars['CurrencyCode']['output'];
  /**
   * Value delivered: Σ approved and billed billable time at each entry's bill-rate snapshot (rounded per entry),
   * plus approved billable expenses with markup, plus accepted milestones' billing amounts.
   */
  deliveredValue: Money;
  /** Planned end. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Delivery health. */
  health: ProjectHealth;
  /** Stable identifier (`prj_…`). */
  id: Scalars['ID']['output'];
  /** The delivering legal entity (resolved in finance). */
  legalEntity?: Maybe<LegalEntity>;
  /** Identifier of the delivering legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** Margin percentage below which the project raises an alert, for example "25.00". */
  marginThresholdPct?: Maybe<Scalars['Decimal']['output']>;
  /** Milestones, ordered by due date. */
  milestones: Array<Milestone>;
  /** Project name. */
  name: Scalars['String']['output'];
  /** The won opportunity the project delivers (resolved in crm). */
  opportunity?: Maybe<Opportunity>;
  /** Identifier of the project manager (a resource). */
  projectManagerId: Scalars['ID']['output'];
  /** Staffing demand not yet (or already) met, ordered by start date and role. */
  resourceRequests: Array<ResourceRequest>;
  /** Planned start. */
  startDate: Scalars['LocalDate']['output'];
  /** Lifecycle status. */
  status: ProjectStatus;
  /** Work breakdown structure, ordered by WBS code. */
  tasks: Array<Task>;
  /** When the project last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a project. */
export type ProjectAction =
  /** DRAFT → ACTIVE. */
  | 'ACTIVATE'
  /** DRAFT, ACTIVE or ON_HOLD → CANCELLED, only while no time is billed. */
  | 'CANCEL'
  /** COMPLETED → CLOSED. */
  | 'CLOSE'
  /** ACTIVE → COMPLETED. */
  | 'COMPLETE'
  /** ACTIVE → ON_HOLD. */
  | 'HOLD'
  /** COMPLETED → ACTIVE. */
  | 'REOPEN'
  /** ON_HOLD → ACTIVE. */
  | 'RESUME';

/** A page of projects. */
export type ProjectConnection = {
  __typename?: 'ProjectConnection';
  /** The projects on this page. */
  edges: Array<ProjectEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A project in a connection. */
export type ProjectEdge = {
  __typename?: 'ProjectEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The project. */
  node: Project;
};

/** Filter for projects. */
export type ProjectFilter = {
  /** Only projects of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only projects with this billing model. */
  billingModel?: InputMaybe<BillingModel>;
  /** Only projects delivering this contract. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Only projects of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only projects starting in this range. */
  startDate?: InputMaybe<DateRange>;
  /** Only projects in these statuses. */
  statuses?: InputMaybe<Array<ProjectStatus>>;
};

/** Delivery health as judged by the project manager. */
export type ProjectHealth =
  /** At risk. */
  | 'AT_RISK'
  /** Off track. */
  | 'OFF_TRACK'
  /** On track. */
  | 'ON_TRACK';

/** A new hourly bill rate for a role. */
export type ProjectRateChangeInput = {
  /** New hourly bill rate in the project currency, at most 4 decimals. */
  billRate: Scalars['Decimal']['input'];
  /** Role whose rate changes. */
  roleCode: Scalars['String']['input'];
};

/** Lifecycle of a project. */
export type ProjectStatus =
  /** In delivery. */
  | 'ACTIVE'
  /** Abandoned before any time was billed. */
  | 'CANCELLED'
  /** Financially closed. */
  | 'CLOSED'
  /** Delivery done; late approvals of existing time are still allowed. */
  | 'COMPLETED'
  /** Being set up; no time can be booked. */
  | 'DRAFT'
  /** Paused; no new time can be booked. */
  | 'ON_HOLD';

export type Query = {
  __typename?: 'Query';
  /** One assignment by id. */
  assignment?: Maybe<Assignment>;
  /** Assignments, ordered by id. */
  assignments: AssignmentConnection;
  /** Expense entries, ordered by id. */
  expenseEntries: ExpenseEntryConnection;
  /** One expense entry by id. */
  expenseEntry?: Maybe<ExpenseEntry>;
  /** One milestone by id. */
  milestone?: Maybe<Milestone>;
  /** Milestones, ordered by id. */
  milestones: MilestoneConnection;
  /** One project by id. */
  project?: Maybe<Project>;
  /** Projects, ordered by id. */
  projects: ProjectConnection;
  /** Integration health of projects: outbox backlog, consistency checks and reconciliation sets (integration admins). */
  projectsIntegrity?: Maybe<IntegrityReport>;
  /** One resource by id. */
  resource?: Maybe<Resource>;
  /** One resource request by id. */
  resourceRequest?: Maybe<ResourceRequest>;
  /** Resources, ordered by id. */
  resources: ResourceConnection;
  /** One task by id. */
  task?: Maybe<Task>;
  /** Time entries, ordered by id. */
  timeEntries: TimeEntryConnection;
  /** One time entry by id. */
  timeEntry?: Maybe<TimeEntry>;
};


export type QueryAssignmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssignmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AssignmentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExpenseEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExpenseEntryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryExpenseEntryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMilestoneArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMilestonesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MilestoneFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryProjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProjectsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryResourceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResourceRequestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResourceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTaskArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTimeEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TimeEntryFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTimeEntryArgs = {
  id: Scalars['ID']['input'];
};

/** Input to reject a batch of entries with a reason. */
export type RejectEntriesInput = {
  /** Entries to reject (1–5000). */
  entries: Array<VersionedRef>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why they are rejected (required). */
  reason: Scalars['String']['input'];
};

/** A person who delivers work. */
export type Resource = {
  __typename?: 'Resource';
  /** Whether the resource can be assigned. */
  active: Scalars['Boolean']['output'];
  /** Hourly cost rates, effective-dated, oldest first (finance and executives only). */
  costRates?: Maybe<Array<EffectiveRate>>;
  /** Name shown to users. */
  displayName: Scalars['String']['output'];
  /** Employee or contractor number, unique. */
  employeeNumber: Scalars['String']['output'];
  /** Employee or contractor. */
  employmentType: EmploymentType;
  /** Stable identifier (`res_…`). */
  id: Scalars['ID']['output'];
  /** Identifier of the employing legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** Level within the role. */
  level?: Maybe<Scalars['String']['output']>;
  /** Practice the resource belongs to. */
  practice?: Maybe<Scalars['String']['output']>;
  /** Region the resource works in. */
  region?: Maybe<Scalars['String']['output']>;
  /** Role, for example `SENIOR_CONSULTANT`. */
  roleCode: Scalars['String']['output'];
  /** Target billable utilization in percent. */
  utilizationTargetPct?: Maybe<Scalars['Decimal']['output']>;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
  /** Contracted minutes per week. */
  weeklyCapacityMinutes: Scalars['Int']['output'];
};

/** A page of resources. */
export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  /** The resources on this page. */
  edges: Array<ResourceEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A resource in a connection. */
export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The resource. */
  node: Resource;
};

/** Filter for resources. */
export type ResourceFilter = {
  /** Only active (true) or inactive (false) resources. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only resources of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only resources with this role. */
  roleCode?: InputMaybe<Scalars['String']['input']>;
};

/** Demand for a role on a project for a period, waiting to be staffed. */
export type ResourceRequest = {
  __typename?: 'ResourceRequest';
  /** Last day the role is needed. */
  endDate: Scalars['LocalDate']['output'];
  /** Stable identifier (`rr_…`). */
  id: Scalars['ID']['output'];
  /** Identifier of the legal entity of its project. */
  legalEntityId: Scalars['ID']['output'];
  /** Level within the role, for example `L2`. */
  level?: Maybe<Scalars['String']['output']>;
  /** Effort requested, in minutes. */
  minutes: Scalars['Int']['output'];
  /** The project. */
  project: Project;
  /** Role requested, for example `SENIOR_CONSULTANT`. */
  roleCode: Scalars['String']['output'];
  /** First day the role is needed. */
  startDate: Scalars['LocalDate']['output'];
  /** Staffing status. */
  status: ResourceRequestStatus;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Staffing lifecycle of a resource request. */
export type ResourceRequestStatus =
  /** Staffed: an assignment was made for it. */
  | 'ASSIGNED'
  /** Withdrawn (for example when its project was cancelled). */
  | 'CANCELLED'
  /** Being prepared; not yet visible to resource managers. */
  | 'DRAFT'
  /** A resource is held (soft-booked) for it; counts in the backlog. */
  | 'HELD'
  /** Open for staffing. */
  | 'OPEN';

/** Input to set up the project of a won opportunity (system flow). */
export type SetupProjectFromOpportunityInput = {
  /** The client. */
  accountId: Scalars['ID']['input'];
  /** How the work is billed; chooses the WBS and staffing template. */
  billingModel: BillingModel;
  /** Budgeted revenue, in the project currency; the resource requests are sized from it. */
  budgetRevenue: MoneyInput;
  /** The contract the project delivers, when there is one. */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** Project currency. */
  currency: Scalars['CurrencyCode']['input'];
  /** Planned end (not before the start); when absent the project is open-ended and its plan covers its first year. */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The delivering legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Project name (1–200 characters). */
  name: Scalars['String']['input'];
  /** The won opportunity; at most one live (not cancelled) project delivers it. */
  opportunityId: Scalars['ID']['input'];
  /** Project manager (a resource); default: the legal entity's active project manager with the lowest employee number, else its manager. */
  projectManagerId?: InputMaybe<Scalars['ID']['input']>;
  /** Planned start. */
  startDate: Scalars['LocalDate']['input'];
};

/** A node of a project's work breakdown structure. */
export type Task = {
  __typename?: 'Task';
  /** Stable identifier (`tsk_…`). */
  id: Scalars['ID']['output'];
  /** Whether time on this task is billable by default. */
  isBillable: Scalars['Boolean']['output'];
  /** Task name. */
  name: Scalars['String']['output'];
  /** Parent task, for nested WBS. */
  parentTask?: Maybe<Task>;
  /** Planned end. */
  plannedEnd?: Maybe<Scalars['LocalDate']['output']>;
  /** Planned effort in minutes. */
  plannedMinutes?: Maybe<Scalars['Int']['output']>;
  /** Planned start. */
  plannedStart?: Maybe<Scalars['LocalDate']['output']>;
  /** The project. */
  project: Project;
  /** Lifecycle status. */
  status: TaskStatus;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
  /** WBS code, for example `1.2.3`. */
  wbsCode: Scalars['String']['output'];
};

/** Lifecycle actions on a task. */
export type TaskAction =
  /** IN_PROGRESS → BLOCKED. */
  | 'BLOCK'
  /** Any unfinished state → CANCELLED. */
  | 'CANCEL'
  /** IN_PROGRESS → COMPLETED. */
  | 'COMPLETE'
  /** COMPLETED → IN_PROGRESS. */
  | 'REOPEN'
  /** OPEN → IN_PROGRESS. */
  | 'START'
  /** BLOCKED → IN_PROGRESS. */
  | 'UNBLOCK';

/** Lifecycle of a task. */
export type TaskStatus =
  /** Waiting on something outside the team. */
  | 'BLOCKED'
  /** Dropped. */
  | 'CANCELLED'
  /** Done. */
  | 'COMPLETED'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'OPEN';

/** Time a resource worked on a project on one day. */
export type TimeEntry = {
  __typename?: 'TimeEntry';
  /** When it was approved. */
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who approved it. */
  approvedBy?: Maybe<Scalars['String']['output']>;
  /** The assignment the time was booked under. */
  assignment?: Maybe<Assignment>;
  /** Billable value at approval: billable hours × bill rate, rounded to the currency. */
  billAmount?: Maybe<Money>;
  /** Hourly bill rate taken at approval. */
  billRateSnapshot?: Maybe<Scalars['Decimal']['output']>;
  /** Billing and utilization class. */
  billableClass: BillableClass;
  /** Minutes billable to the client (at most `minutes`). */
  billableMinutes: Scalars['Int']['output'];
  /** Cost at approval: hours × cost rate, rounded to the currency (finance and executives only). */
  costAmount?: Maybe<Money>;
  /** Hourly cost rate taken at approval (finance and executives only). */
  costRateSnapshot?: Maybe<Scalars['Decimal']['output']>;
  /** Hours worked, as a decimal with two places. */
  hours: Scalars['Decimal']['output'];
  /** Stable identifier (`te_…`). */
  id: Scalars['ID']['output'];
  /** Minutes worked. */
  minutes: Scalars['Int']['output'];
  /** Notes on the work. */
  notes?: Maybe<Scalars['String']['output']>;
  /** The project. */
  project: Project;
  /** Why it was rejected. */
  rejectedReason?: Maybe<Scalars['String']['output']>;
  /** Who worked (null when employed by a legal entity the caller does not see). */
  resource?: Maybe<Resource>;
  /** Approval status. */
  status: ApprovalStatus;
  /** When it was submitted. */
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The task, if booked to one. */
  task?: Maybe<Task>;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
  /** Day worked. */
  workDate: Scalars['LocalDate']['output'];
};

/** A page of time entries. */
export type TimeEntryConnection = {
  __typename?: 'TimeEntryConnection';
  /** The time entries on this page. */
  edges: Array<TimeEntryEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A time entry in a connection. */
export type TimeEntryEdge = {
  __typename?: 'TimeEntryEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The time entry. */
  node: TimeEntry;
};

/** Filter for time entries. */
export type TimeEntryFilter = {
  /** Only entries of projects of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries on this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries of this resource. */
  resourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Only entries in these statuses. */
  statuses?: InputMaybe<Array<ApprovalStatus>>;
  /** Only entries worked in this range. */
  workDate?: InputMaybe<DateRange>;
};

/** Input to apply a lifecycle action to an assignment. */
export type TransitionAssignmentInput = {
  /** Action to apply. */
  action: AssignmentAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Assignment to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a milestone. */
export type TransitionMilestoneInput = {
  /** Client contact who accepted it (for ACCEPT). */
  acceptedByContactId?: InputMaybe<Scalars['ID']['input']>;
  /** Action to apply. */
  action: MilestoneAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Milestone to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a project. */
export type TransitionProjectInput = {
  /** Action to apply. */
  action: ProjectAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Project to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a task. */
export type TransitionTaskInput = {
  /** Action to apply. */
  action: TaskAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Task to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to release billed entries again after their invoice was voided or credited. */
export type UnbillEntriesInput = {
  /** Expense entries to release (at most 5000). */
  expenseEntryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Time entries to release (at most 5000). */
  timeEntryIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Input to change a project's plan; omitted fields stay as they are. */
export type UpdateProjectInput = {
  /** New budgeted cost. */
  budgetCost?: InputMaybe<MoneyInput>;
  /** New budgeted effort. */
  budgetMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** New budgeted revenue. */
  budgetRevenue?: InputMaybe<MoneyInput>;
  /** New planned end. */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** New health. */
  health?: InputMaybe<ProjectHealth>;
  /** Project to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New margin alert threshold. */
  marginThresholdPct?: InputMaybe<Scalars['Decimal']['input']>;
  /** New name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New project manager. */
  projectManagerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Input to change a resource; omitted fields stay as they are. */
export type UpdateResourceInput = {
  /** Whether the resource can be assigned. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Cost rates to add (effective from their dates). */
  addCostRates?: InputMaybe<Array<EffectiveRateInput>>;
  /** New name. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Resource to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New level. */
  level?: InputMaybe<Scalars['String']['input']>;
  /** New role. */
  roleCode?: InputMaybe<Scalars['String']['input']>;
  /** New utilization target. */
  utilizationTargetPct?: InputMaybe<Scalars['Decimal']['input']>;
  /** New weekly capacity. */
  weeklyCapacityMinutes?: InputMaybe<Scalars['Int']['input']>;
};

/** Input to change a DRAFT or REJECTED time entry. */
export type UpdateTimeEntryInput = {
  /** New billing class. */
  billableClass?: InputMaybe<BillableClass>;
  /** New billable minutes. */
  billableMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Entry to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New minutes. */
  minutes?: InputMaybe<Scalars['Int']['input']>;
  /** New notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** New day. */
  workDate?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** One entry to act on, with the version the action is based on. */
export type VersionedRef = {
  /** Version the action is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Entry identifier. */
  id: Scalars['ID']['input'];
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
  Assignment: Assignment;
  AuditTrail: AuditTrail;
  Contract: Contract;
  EntityHistory: EntityHistory;
  ExpenseEntry: ExpenseEntry;
  Milestone: Milestone;
  Opportunity: Opportunity;
  Project: Project;
  Resource: Resource;
  ResourceRequest: ResourceRequest;
  Task: Task;
  TimeEntry: TimeEntry;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  Assignment:
    ( { __typename: 'Assignment' }
    & GraphQLRecursivePick<FederationTypes['Assignment'], {"id":true}> );
  AuditTrail:
    ( { __typename: 'AuditTrail' }
    & GraphQLRecursivePick<FederationTypes['AuditTrail'], {"correlationId":true}> );
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  EntityHistory:
    ( { __typename: 'EntityHistory' }
    & GraphQLRecursivePick<FederationTypes['EntityHistory'], {"entityType":true,"entityId":true}> );
  ExpenseEntry:
    ( { __typename: 'ExpenseEntry' }
    & GraphQLRecursivePick<FederationTypes['ExpenseEntry'], {"id":true}> );
  Milestone:
    ( { __typename: 'Milestone' }
    & GraphQLRecursivePick<FederationTypes['Milestone'], {"id":true}> );
  Opportunity:
    ( { __typename: 'Opportunity' }
    & GraphQLRecursivePick<FederationTypes['Opportunity'], {"id":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
  Resource:
    ( { __typename: 'Resource' }
    & GraphQLRecursivePick<FederationTypes['Resource'], {"id":true}> );
  ResourceRequest:
    ( { __typename: 'ResourceRequest' }
    & GraphQLRecursivePick<FederationTypes['ResourceRequest'], {"id":true}> );
  Task:
    ( { __typename: 'Task' }
    & GraphQLRecursivePick<FederationTypes['Task'], {"id":true}> );
  TimeEntry:
    ( { __typename: 'TimeEntry' }
    & GraphQLRecursivePick<FederationTypes['TimeEntry'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<EntityRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApplyRateChangesInput: ApplyRateChangesInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ApprovalStatus: ApprovalStatus;
  Assignment: ResolverTypeWrapper<AssignmentModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AssignmentAction: AssignmentAction;
  AssignmentConnection: ResolverTypeWrapper<Omit<AssignmentConnection, 'edges'> & { edges: Array<ResolversTypes['AssignmentEdge']> }>;
  AssignmentEdge: ResolverTypeWrapper<Omit<AssignmentEdge, 'node'> & { node: ResolversTypes['Assignment'] }>;
  AssignmentFilter: AssignmentFilter;
  AssignmentStatus: AssignmentStatus;
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditTrail: ResolverTypeWrapper<AuditTrail>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BillableClass: BillableClass;
  BillingModel: BillingModel;
  Contact: ResolverTypeWrapper<EntityRefModel>;
  Contract: ResolverTypeWrapper<EntityRefModel>;
  CreateAssignmentInput: CreateAssignmentInput;
  CreateExpenseEntryInput: CreateExpenseEntryInput;
  CreateMilestoneInput: CreateMilestoneInput;
  CreateProjectInput: CreateProjectInput;
  CreateResourceInput: CreateResourceInput;
  CreateTaskInput: CreateTaskInput;
  CreateTimeEntryInput: CreateTimeEntryInput;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EffectiveRate: ResolverTypeWrapper<EffectiveRateModel>;
  EffectiveRateInput: EffectiveRateInput;
  EmploymentType: EmploymentType;
  EntityHistory: ResolverTypeWrapper<EntityHistory>;
  EntryBatchInput: EntryBatchInput;
  ExpenseEntry: ResolverTypeWrapper<ExpenseEntryModel>;
  ExpenseEntryConnection: ResolverTypeWrapper<Omit<ExpenseEntryConnection, 'edges'> & { edges: Array<ResolversTypes['ExpenseEntryEdge']> }>;
  ExpenseEntryEdge: ResolverTypeWrapper<Omit<ExpenseEntryEdge, 'node'> & { node: ResolversTypes['ExpenseEntry'] }>;
  ExpenseEntryFilter: ExpenseEntryFilter;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: ResolverTypeWrapper<IntegrityCheck>;
  IntegrityReport: ResolverTypeWrapper<IntegrityReport>;
  KeyBucket: ResolverTypeWrapper<KeyBucket>;
  KeySet: ResolverTypeWrapper<KeySet>;
  LegalEntity: ResolverTypeWrapper<EntityRefModel>;
  LocalDate: ResolverTypeWrapper<Scalars['LocalDate']['output']>;
  MarkEntriesBilledInput: MarkEntriesBilledInput;
  Milestone: ResolverTypeWrapper<MilestoneModel>;
  MilestoneAction: MilestoneAction;
  MilestoneConnection: ResolverTypeWrapper<Omit<MilestoneConnection, 'edges'> & { edges: Array<ResolversTypes['MilestoneEdge']> }>;
  MilestoneEdge: ResolverTypeWrapper<Omit<MilestoneEdge, 'node'> & { node: ResolversTypes['Milestone'] }>;
  MilestoneFilter: MilestoneFilter;
  MilestoneStatus: MilestoneStatus;
  Money: ResolverTypeWrapper<MoneyModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Opportunity: ResolverTypeWrapper<EntityRefModel>;
  OutboxBacklog: ResolverTypeWrapper<OutboxBacklog>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Project: ResolverTypeWrapper<ProjectModel>;
  ProjectAction: ProjectAction;
  ProjectConnection: ResolverTypeWrapper<Omit<ProjectConnection, 'edges'> & { edges: Array<ResolversTypes['ProjectEdge']> }>;
  ProjectEdge: ResolverTypeWrapper<Omit<ProjectEdge, 'node'> & { node: ResolversTypes['Project'] }>;
  ProjectFilter: ProjectFilter;
  ProjectHealth: ProjectHealth;
  ProjectRateChangeInput: ProjectRateChangeInput;
  ProjectStatus: ProjectStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RejectEntriesInput: RejectEntriesInput;
  Resource: ResolverTypeWrapper<ResourceModel>;
  ResourceConnection: ResolverTypeWrapper<Omit<ResourceConnection, 'edges'> & { edges: Array<ResolversTypes['ResourceEdge']> }>;
  ResourceEdge: ResolverTypeWrapper<Omit<ResourceEdge, 'node'> & { node: ResolversTypes['Resource'] }>;
  ResourceFilter: ResourceFilter;
  ResourceRequest: ResolverTypeWrapper<ResourceRequestModel>;
  ResourceRequestStatus: ResourceRequestStatus;
  SetupProjectFromOpportunityInput: SetupProjectFromOpportunityInput;
  Task: ResolverTypeWrapper<TaskModel>;
  TaskAction: TaskAction;
  TaskStatus: TaskStatus;
  TimeEntry: ResolverTypeWrapper<TimeEntryModel>;
  TimeEntryConnection: ResolverTypeWrapper<Omit<TimeEntryConnection, 'edges'> & { edges: Array<ResolversTypes['TimeEntryEdge']> }>;
  TimeEntryEdge: ResolverTypeWrapper<Omit<TimeEntryEdge, 'node'> & { node: ResolversTypes['TimeEntry'] }>;
  TimeEntryFilter: TimeEntryFilter;
  TransitionAssignmentInput: TransitionAssignmentInput;
  TransitionMilestoneInput: TransitionMilestoneInput;
  TransitionProjectInput: TransitionProjectInput;
  TransitionTaskInput: TransitionTaskInput;
  UnbillEntriesInput: UnbillEntriesInput;
  UpdateProjectInput: UpdateProjectInput;
  UpdateResourceInput: UpdateResourceInput;
  UpdateTimeEntryInput: UpdateTimeEntryInput;
  VersionedRef: VersionedRef;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: EntityRefModel;
  ID: Scalars['ID']['output'];
  ApplyRateChangesInput: ApplyRateChangesInput;
  String: Scalars['String']['output'];
  Assignment: AssignmentModel;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  AssignmentConnection: Omit<AssignmentConnection, 'edges'> & { edges: Array<ResolversParentTypes['AssignmentEdge']> };
  AssignmentEdge: Omit<AssignmentEdge, 'node'> & { node: ResolversParentTypes['Assignment'] };
  AssignmentFilter: AssignmentFilter;
  AuditEntry: AuditEntry;
  AuditTrail: AuditTrail | FederationReferenceTypes['AuditTrail'];
  BigInt: Scalars['BigInt']['output'];
  Contact: EntityRefModel;
  Contract: EntityRefModel;
  CreateAssignmentInput: CreateAssignmentInput;
  CreateExpenseEntryInput: CreateExpenseEntryInput;
  CreateMilestoneInput: CreateMilestoneInput;
  CreateProjectInput: CreateProjectInput;
  CreateResourceInput: CreateResourceInput;
  CreateTaskInput: CreateTaskInput;
  CreateTimeEntryInput: CreateTimeEntryInput;
  CurrencyCode: Scalars['CurrencyCode']['output'];
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  EffectiveRate: EffectiveRateModel;
  EffectiveRateInput: EffectiveRateInput;
  EntityHistory: EntityHistory | FederationReferenceTypes['EntityHistory'];
  EntryBatchInput: EntryBatchInput;
  ExpenseEntry: ExpenseEntryModel;
  ExpenseEntryConnection: Omit<ExpenseEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['ExpenseEntryEdge']> };
  ExpenseEntryEdge: Omit<ExpenseEntryEdge, 'node'> & { node: ResolversParentTypes['ExpenseEntry'] };
  ExpenseEntryFilter: ExpenseEntryFilter;
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: IntegrityCheck;
  IntegrityReport: IntegrityReport;
  KeyBucket: KeyBucket;
  KeySet: KeySet;
  LegalEntity: EntityRefModel;
  LocalDate: Scalars['LocalDate']['output'];
  MarkEntriesBilledInput: MarkEntriesBilledInput;
  Milestone: MilestoneModel;
  MilestoneConnection: Omit<MilestoneConnection, 'edges'> & { edges: Array<ResolversParentTypes['MilestoneEdge']> };
  MilestoneEdge: Omit<MilestoneEdge, 'node'> & { node: ResolversParentTypes['Milestone'] };
  MilestoneFilter: MilestoneFilter;
  Money: MoneyModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Opportunity: EntityRefModel;
  OutboxBacklog: OutboxBacklog;
  PageInfo: PageInfo;
  Project: ProjectModel;
  ProjectConnection: Omit<ProjectConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProjectEdge']> };
  ProjectEdge: Omit<ProjectEdge, 'node'> & { node: ResolversParentTypes['Project'] };
  ProjectFilter: ProjectFilter;
  ProjectRateChangeInput: ProjectRateChangeInput;
  Query: Record<PropertyKey, never>;
  RejectEntriesInput: RejectEntriesInput;
  Resource: ResourceModel;
  ResourceConnection: Omit<ResourceConnection, 'edges'> & { edges: Array<ResolversParentTypes['ResourceEdge']> };
  ResourceEdge: Omit<ResourceEdge, 'node'> & { node: ResolversParentTypes['Resource'] };
  ResourceFilter: ResourceFilter;
  ResourceRequest: ResourceRequestModel;
  SetupProjectFromOpportunityInput: SetupProjectFromOpportunityInput;
  Task: TaskModel;
  TimeEntry: TimeEntryModel;
  TimeEntryConnection: Omit<TimeEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['TimeEntryEdge']> };
  TimeEntryEdge: Omit<TimeEntryEdge, 'node'> & { node: ResolversParentTypes['TimeEntry'] };
  TimeEntryFilter: TimeEntryFilter;
  TransitionAssignmentInput: TransitionAssignmentInput;
  TransitionMilestoneInput: TransitionMilestoneInput;
  TransitionProjectInput: TransitionProjectInput;
  TransitionTaskInput: TransitionTaskInput;
  UnbillEntriesInput: UnbillEntriesInput;
  UpdateProjectInput: UpdateProjectInput;
  UpdateResourceInput: UpdateResourceInput;
  UpdateTimeEntryInput: UpdateTimeEntryInput;
  VersionedRef: VersionedRef;
};

export type AccountResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projects?: Resolver<Maybe<Array<ResolversTypes['Project']>>, ParentType, ContextType, Partial<AccountProjectsArgs>>;
};

export type AssignmentResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Assignment'] = ResolversParentTypes['Assignment'], FederationReferenceType extends FederationReferenceTypes['Assignment'] = FederationReferenceTypes['Assignment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Assignment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billRate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  costRate?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isBillable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType>;
  roleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scheduledMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AssignmentStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AssignmentConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['AssignmentConnection'] = ResolversParentTypes['AssignmentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AssignmentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AssignmentEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['AssignmentEdge'] = ResolversParentTypes['AssignmentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Assignment'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
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

export type AuditTrailResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['AuditTrail'] = ResolversParentTypes['AuditTrail'], FederationReferenceType extends FederationReferenceTypes['AuditTrail'] = FederationReferenceTypes['AuditTrail']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuditTrail']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projects?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type ContactResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type ContractResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  projects?: Resolver<Maybe<Array<ResolversTypes['Project']>>, ParentType, ContextType>;
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

export type EffectiveRateResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['EffectiveRate'] = ResolversParentTypes['EffectiveRate']> = {
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
};

export type EntityHistoryResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['EntityHistory'] = ResolversParentTypes['EntityHistory'], FederationReferenceType extends FederationReferenceTypes['EntityHistory'] = FederationReferenceTypes['EntityHistory']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EntityHistory']> | FederationReferenceType, FederationReferenceType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projects?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
};

export type ExpenseEntryResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ExpenseEntry'] = ResolversParentTypes['ExpenseEntry'], FederationReferenceType extends FederationReferenceTypes['ExpenseEntry'] = FederationReferenceTypes['ExpenseEntry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ExpenseEntry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  billAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  billable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fxRateToProject?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incurredOn?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  markupPct?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  projectAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  receiptRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reimbursable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rejectedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApprovalStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExpenseEntryConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ExpenseEntryConnection'] = ResolversParentTypes['ExpenseEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ExpenseEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ExpenseEntryEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ExpenseEntryEdge'] = ResolversParentTypes['ExpenseEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ExpenseEntry'], ParentType, ContextType>;
};

export type ExternalRefResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ExternalRef'] = ResolversParentTypes['ExternalRef']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IntegrityCheckResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['IntegrityCheck'] = ResolversParentTypes['IntegrityCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrityReportResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = {
  checks?: Resolver<Array<ResolversTypes['IntegrityCheck']>, ParentType, ContextType>;
  outbox?: Resolver<ResolversTypes['OutboxBacklog'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  set?: Resolver<Maybe<ResolversTypes['KeySet']>, ParentType, ContextType, RequireFields<IntegrityReportSetArgs, 'name'>>;
  sets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type KeyBucketResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['KeyBucket'] = ResolversParentTypes['KeyBucket']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeySetResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['KeySet'] = ResolversParentTypes['KeySet']> = {
  buckets?: Resolver<Array<ResolversTypes['KeyBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<KeySetKeysArgs, 'bucket'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LegalEntityResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['LegalEntity'] = ResolversParentTypes['LegalEntity']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface LocalDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LocalDate'], any> {
  name: 'LocalDate';
}

export type MilestoneResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone'], FederationReferenceType extends FederationReferenceTypes['Milestone'] = FederationReferenceTypes['Milestone']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Milestone']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acceptedBy?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType>;
  billingAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  revenueWeightPct?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MilestoneStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MilestoneConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['MilestoneConnection'] = ResolversParentTypes['MilestoneConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MilestoneEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MilestoneEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['MilestoneEdge'] = ResolversParentTypes['MilestoneEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  amountMinor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  applyRateChanges?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationApplyRateChangesArgs, 'input'>>;
  approveExpenseEntries?: Resolver<Array<ResolversTypes['ExpenseEntry']>, ParentType, ContextType, RequireFields<MutationApproveExpenseEntriesArgs, 'input'>>;
  approveTimeEntries?: Resolver<Array<ResolversTypes['TimeEntry']>, ParentType, ContextType, RequireFields<MutationApproveTimeEntriesArgs, 'input'>>;
  createAssignment?: Resolver<ResolversTypes['Assignment'], ParentType, ContextType, RequireFields<MutationCreateAssignmentArgs, 'input'>>;
  createExpenseEntry?: Resolver<ResolversTypes['ExpenseEntry'], ParentType, ContextType, RequireFields<MutationCreateExpenseEntryArgs, 'input'>>;
  createMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationCreateMilestoneArgs, 'input'>>;
  createProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationCreateProjectArgs, 'input'>>;
  createResource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType, RequireFields<MutationCreateResourceArgs, 'input'>>;
  createTask?: Resolver<ResolversTypes['Task'], ParentType, ContextType, RequireFields<MutationCreateTaskArgs, 'input'>>;
  createTimeEntry?: Resolver<ResolversTypes['TimeEntry'], ParentType, ContextType, RequireFields<MutationCreateTimeEntryArgs, 'input'>>;
  markEntriesBilled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationMarkEntriesBilledArgs, 'input'>>;
  rejectExpenseEntries?: Resolver<Array<ResolversTypes['ExpenseEntry']>, ParentType, ContextType, RequireFields<MutationRejectExpenseEntriesArgs, 'input'>>;
  rejectTimeEntries?: Resolver<Array<ResolversTypes['TimeEntry']>, ParentType, ContextType, RequireFields<MutationRejectTimeEntriesArgs, 'input'>>;
  retractTimeEntries?: Resolver<Array<ResolversTypes['TimeEntry']>, ParentType, ContextType, RequireFields<MutationRetractTimeEntriesArgs, 'input'>>;
  setupProjectFromOpportunity?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationSetupProjectFromOpportunityArgs, 'input'>>;
  submitExpenseEntries?: Resolver<Array<ResolversTypes['ExpenseEntry']>, ParentType, ContextType, RequireFields<MutationSubmitExpenseEntriesArgs, 'input'>>;
  submitTimeEntries?: Resolver<Array<ResolversTypes['TimeEntry']>, ParentType, ContextType, RequireFields<MutationSubmitTimeEntriesArgs, 'input'>>;
  transitionAssignment?: Resolver<ResolversTypes['Assignment'], ParentType, ContextType, RequireFields<MutationTransitionAssignmentArgs, 'input'>>;
  transitionMilestone?: Resolver<ResolversTypes['Milestone'], ParentType, ContextType, RequireFields<MutationTransitionMilestoneArgs, 'input'>>;
  transitionProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationTransitionProjectArgs, 'input'>>;
  transitionTask?: Resolver<ResolversTypes['Task'], ParentType, ContextType, RequireFields<MutationTransitionTaskArgs, 'input'>>;
  unbillEntries?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationUnbillEntriesArgs, 'input'>>;
  updateProject?: Resolver<ResolversTypes['Project'], ParentType, ContextType, RequireFields<MutationUpdateProjectArgs, 'input'>>;
  updateResource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType, RequireFields<MutationUpdateResourceArgs, 'input'>>;
  updateTimeEntry?: Resolver<ResolversTypes['TimeEntry'], ParentType, ContextType, RequireFields<MutationUpdateTimeEntryArgs, 'input'>>;
};

export type OpportunityResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Opportunity'] = ResolversParentTypes['Opportunity'], FederationReferenceType extends FederationReferenceTypes['Opportunity'] = FederationReferenceTypes['Opportunity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Opportunity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType>;
};

export type OutboxBacklogResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['OutboxBacklog'] = ResolversParentTypes['OutboxBacklog']> = {
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestUnpublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpublished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  activatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  actualCost?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  approvedMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  assignments?: Resolver<Array<ResolversTypes['Assignment']>, ParentType, ContextType>;
  billingModel?: Resolver<ResolversTypes['BillingModel'], ParentType, ContextType>;
  budgetCost?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  budgetMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  budgetRevenue?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  deliveredValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ProjectHealth'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntity?: Resolver<Maybe<ResolversTypes['LegalEntity']>, ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  marginThresholdPct?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  milestones?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  projectManagerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resourceRequests?: Resolver<Array<ResolversTypes['ResourceRequest']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProjectStatus'], ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProjectConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectConnection'] = ResolversParentTypes['ProjectConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProjectEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ProjectEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ProjectEdge'] = ResolversParentTypes['ProjectEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  assignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType, RequireFields<QueryAssignmentArgs, 'id'>>;
  assignments?: Resolver<ResolversTypes['AssignmentConnection'], ParentType, ContextType, RequireFields<QueryAssignmentsArgs, 'first'>>;
  expenseEntries?: Resolver<ResolversTypes['ExpenseEntryConnection'], ParentType, ContextType, RequireFields<QueryExpenseEntriesArgs, 'first'>>;
  expenseEntry?: Resolver<Maybe<ResolversTypes['ExpenseEntry']>, ParentType, ContextType, RequireFields<QueryExpenseEntryArgs, 'id'>>;
  milestone?: Resolver<Maybe<ResolversTypes['Milestone']>, ParentType, ContextType, RequireFields<QueryMilestoneArgs, 'id'>>;
  milestones?: Resolver<ResolversTypes['MilestoneConnection'], ParentType, ContextType, RequireFields<QueryMilestonesArgs, 'first'>>;
  project?: Resolver<Maybe<ResolversTypes['Project']>, ParentType, ContextType, RequireFields<QueryProjectArgs, 'id'>>;
  projects?: Resolver<ResolversTypes['ProjectConnection'], ParentType, ContextType, RequireFields<QueryProjectsArgs, 'first'>>;
  projectsIntegrity?: Resolver<Maybe<ResolversTypes['IntegrityReport']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType, RequireFields<QueryResourceArgs, 'id'>>;
  resourceRequest?: Resolver<Maybe<ResolversTypes['ResourceRequest']>, ParentType, ContextType, RequireFields<QueryResourceRequestArgs, 'id'>>;
  resources?: Resolver<ResolversTypes['ResourceConnection'], ParentType, ContextType, RequireFields<QueryResourcesArgs, 'first'>>;
  task?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType, RequireFields<QueryTaskArgs, 'id'>>;
  timeEntries?: Resolver<ResolversTypes['TimeEntryConnection'], ParentType, ContextType, RequireFields<QueryTimeEntriesArgs, 'first'>>;
  timeEntry?: Resolver<Maybe<ResolversTypes['TimeEntry']>, ParentType, ContextType, RequireFields<QueryTimeEntryArgs, 'id'>>;
};

export type ResourceResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Resource'] = ResolversParentTypes['Resource'], FederationReferenceType extends FederationReferenceTypes['Resource'] = FederationReferenceTypes['Resource']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Resource']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  costRates?: Resolver<Maybe<Array<ResolversTypes['EffectiveRate']>>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  employeeNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  employmentType?: Resolver<ResolversTypes['EmploymentType'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  practice?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  utilizationTargetPct?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weeklyCapacityMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ResourceConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ResourceConnection'] = ResolversParentTypes['ResourceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ResourceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ResourceEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ResourceEdge'] = ResolversParentTypes['ResourceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
};

export type ResourceRequestResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['ResourceRequest'] = ResolversParentTypes['ResourceRequest'], FederationReferenceType extends FederationReferenceTypes['ResourceRequest'] = FederationReferenceTypes['ResourceRequest']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ResourceRequest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  endDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  roleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ResourceRequestStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task'], FederationReferenceType extends FederationReferenceTypes['Task'] = FederationReferenceTypes['Task']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Task']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isBillable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parentTask?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType>;
  plannedEnd?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  plannedMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  plannedStart?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TaskStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  wbsCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TimeEntryResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TimeEntry'] = ResolversParentTypes['TimeEntry'], FederationReferenceType extends FederationReferenceTypes['TimeEntry'] = FederationReferenceTypes['TimeEntry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TimeEntry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  approvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  assignment?: Resolver<Maybe<ResolversTypes['Assignment']>, ParentType, ContextType>;
  billAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  billRateSnapshot?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  billableClass?: Resolver<ResolversTypes['BillableClass'], ParentType, ContextType>;
  billableMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  costAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  costRateSnapshot?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  minutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  rejectedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApprovalStatus'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  task?: Resolver<Maybe<ResolversTypes['Task']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
};

export type TimeEntryConnectionResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TimeEntryConnection'] = ResolversParentTypes['TimeEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TimeEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type TimeEntryEdgeResolvers<ContextType = ProjectsContext, ParentType extends ResolversParentTypes['TimeEntryEdge'] = ResolversParentTypes['TimeEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TimeEntry'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ProjectsContext> = {
  Account?: AccountResolvers<ContextType>;
  Assignment?: AssignmentResolvers<ContextType>;
  AssignmentConnection?: AssignmentConnectionResolvers<ContextType>;
  AssignmentEdge?: AssignmentEdgeResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  Contact?: ContactResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  CurrencyCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EffectiveRate?: EffectiveRateResolvers<ContextType>;
  EntityHistory?: EntityHistoryResolvers<ContextType>;
  ExpenseEntry?: ExpenseEntryResolvers<ContextType>;
  ExpenseEntryConnection?: ExpenseEntryConnectionResolvers<ContextType>;
  ExpenseEntryEdge?: ExpenseEntryEdgeResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  IntegrityCheck?: IntegrityCheckResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  KeyBucket?: KeyBucketResolvers<ContextType>;
  KeySet?: KeySetResolvers<ContextType>;
  LegalEntity?: LegalEntityResolvers<ContextType>;
  LocalDate?: GraphQLScalarType;
  Milestone?: MilestoneResolvers<ContextType>;
  MilestoneConnection?: MilestoneConnectionResolvers<ContextType>;
  MilestoneEdge?: MilestoneEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Opportunity?: OpportunityResolvers<ContextType>;
  OutboxBacklog?: OutboxBacklogResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  ProjectConnection?: ProjectConnectionResolvers<ContextType>;
  ProjectEdge?: ProjectEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Resource?: ResourceResolvers<ContextType>;
  ResourceConnection?: ResourceConnectionResolvers<ContextType>;
  ResourceEdge?: ResourceEdgeResolvers<ContextType>;
  ResourceRequest?: ResourceRequestResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  TimeEntry?: TimeEntryResolvers<ContextType>;
  TimeEntryConnection?: TimeEntryConnectionResolvers<ContextType>;
  TimeEntryEdge?: TimeEntryEdgeResolvers<ContextType>;
};

