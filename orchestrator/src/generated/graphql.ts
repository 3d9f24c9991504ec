import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Money as MoneyModel } from '../../../platform/money/money.js';
import type { FlowView as FlowViewModel, EntityRef as EntityRefModel } from '../domain/views.js';
import type { RunRecord as RunRecordModel, StepRecord as StepRecordModel, ExceptionRecord as ExceptionRecordModel, AlertRecord as AlertRecordModel } from '../domain/types.js';
import type { OrchestrationContext } from '../graphql/context.js';
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

/** Input to cancel an exception. */
export type CancelExceptionInput = {
  /** The exception. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why it is cancelled. */
  reason: Scalars['String']['input'];
};

/** Statistics of a duration over a population, in days. */
export type CycleTimeStats = {
  __typename?: 'CycleTimeStats';
  /** Number of measurements. */
  count: Scalars['Int']['output'];
  /** Mean, in days. */
  meanDays?: Maybe<Scalars['Decimal']['output']>;
  /** Median, in days (two decimals). */
  medianDays?: Maybe<Scalars['Decimal']['output']>;
  /** 90th percentile, in days. */
  p90Days?: Maybe<Scalars['Decimal']['output']>;
};

/** An inclusive range of calendar dates; either end may be omitted. */
export type DateRange = {
  /** First date included. */
  from?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Last date included. */
  to?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** A reference to an entity of any system of record. */
export type EntityReference = {
  __typename?: 'EntityReference';
  /** Identifier of the entity. */
  id: Scalars['ID']['output'];
  /** Type of the entity, for example `Project`. */
  typename: Scalars['String']['output'];
};

/** Lifecycle of an exception. */
export type ExceptionStatus =
  /** Cancelled by an operator. */
  | 'CANCELLED'
  /** Waiting for an operator. */
  | 'OPEN'
  /** Replayed after its cause was fixed. */
  | 'REPLAYED'
  /** Resolved otherwise. */
  | 'RESOLVED';

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

/**
 * A project's margin fell below its threshold: one alert per breach episode, raised as a `MarginThresholdBreached`
 * event and cleared when the margin recovers.
 */
export type MarginAlert = {
  __typename?: 'MarginAlert';
  /** When it recovered. */
  clearedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The flow whose change crossed the threshold. */
  correlationId: Scalars['ID']['output'];
  /** Actual cost when raised. */
  cost: Money;
  /** Identifier (`alert_…`). */
  id: Scalars['ID']['output'];
  /** Legal entity of the project. */
  legalEntityId?: Maybe<Scalars['ID']['output']>;
  /** Margin percent when raised. */
  percent?: Maybe<Scalars['Decimal']['output']>;
  /** The project. */
  project: Project;
  /** When the margin crossed below the threshold. */
  raisedAt: Scalars['DateTime']['output'];
  /** Recognized revenue when raised. */
  revenue: Money;
  /** Status of the episode. */
  status: MarginAlertStatus;
  /** The project's threshold when raised, in percent. */
  thresholdPct?: Maybe<Scalars['Decimal']['output']>;
};

/** A page of margin alerts. */
export type MarginAlertConnection = {
  __typename?: 'MarginAlertConnection';
  /** The alerts on this page. */
  edges: Array<MarginAlertEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A margin alert in a connection. */
export type MarginAlertEdge = {
  __typename?: 'MarginAlertEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The alert. */
  node: MarginAlert;
};

/** Filter for margin alerts. */
export type MarginAlertFilter = {
  /** Only alerts of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only alerts of this project. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Only alerts in these statuses. */
  statuses?: InputMaybe<Array<MarginAlertStatus>>;
};

/** Lifecycle of an alert episode. */
export type MarginAlertStatus =
  /** The margin recovered to the threshold or above. */
  | 'CLEARED'
  /** The margin is below the threshold. */
  | 'OPEN';

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
  /** Cancels an OPEN exception; its run stays compensated (integration admins). */
  cancelException: OrchestrationException;
  /**
   * Replays the run of an OPEN exception once its cause is fixed: from the first step that is not done (the failed one,
   * or the first when everything was compensated), with fresh idempotency keys (integration admins).
   */
  replayException: OrchestrationException;
  /**
   * Starts a billing cycle (finance): one billing run per schedule in scope, each its own run of the returned flow; issued
   * invoices then go to the ledger and their entries become BILLED. Follow it with `orchestrationRun`.
   */
  runBillingCycle: OrchestrationRun;
};


export type MutationCancelExceptionArgs = {
  input: CancelExceptionInput;
};


export type MutationReplayExceptionArgs = {
  input: ReplayExceptionInput;
};


export type MutationRunBillingCycleArgs = {
  input: RunBillingCycleInput;
};

/** A step that failed for good, for an operator to replay once the cause is fixed, or to cancel. */
export type OrchestrationException = {
  __typename?: 'OrchestrationException';
  /** Attempts made. */
  attempts: Scalars['Int']['output'];
  /** What went wrong. */
  cause: Scalars['String']['output'];
  /** Error code of the cause. */
  code: Scalars['String']['output'];
  /** Correlation id of the flow. */
  correlationId: Scalars['ID']['output'];
  /** When it was raised. */
  createdAt: Scalars['DateTime']['output'];
  /** Identifier (`exc_…`). */
  id: Scalars['ID']['output'];
  /** The run's context when it failed, as JSON. */
  payload: Scalars['String']['output'];
  /** How or why it was resolved. */
  resolution?: Maybe<Scalars['String']['output']>;
  /** When it was replayed, cancelled or resolved. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who resolved it. */
  resolvedBy?: Maybe<Scalars['String']['output']>;
  /** The flow. */
  run: OrchestrationRun;
  /** The saga. */
  sagaType: Scalars['String']['output'];
  /** Status. */
  status: ExceptionStatus;
  /** The step that failed. */
  step: Scalars['String']['output'];
};

/** A page of exceptions. */
export type OrchestrationExceptionConnection = {
  __typename?: 'OrchestrationExceptionConnection';
  /** The exceptions on this page. */
  edges: Array<OrchestrationExceptionEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** An exception in a connection. */
export type OrchestrationExceptionEdge = {
  __typename?: 'OrchestrationExceptionEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The exception. */
  node: OrchestrationException;
};

/** Filter for exceptions. */
export type OrchestrationExceptionFilter = {
  /** Only exceptions raised in this range. */
  createdAt?: InputMaybe<DateRange>;
  /** Only exceptions of this saga. */
  sagaType?: InputMaybe<Scalars['String']['input']>;
  /** Only exceptions in these statuses. */
  statuses?: InputMaybe<Array<ExceptionStatus>>;
};

/** A cross-system flow, identified by the correlation id every record, event and log line it touches carries. */
export type OrchestrationRun = {
  __typename?: 'OrchestrationRun';
  /** Correlation id of the flow. */
  correlationId: Scalars['ID']['output'];
  /** Open and past exceptions of the flow (operators only). */
  exceptions?: Maybe<Array<OrchestrationException>>;
  /** Every run of the flow, the root first (later runs were triggered by records the flow created). */
  runs: Array<SagaRun>;
  /** The saga that started the flow. */
  sagaType?: Maybe<Scalars['String']['output']>;
  /**
   * Overall status over every run of the flow: PENDING until the process layer has received the triggering event;
   * RUNNING (or COMPENSATING) while any run is; else the worst outcome (FAILED, COMPENSATED, CANCELLED); COMPLETED when
   * every run completed. Runs the flow's own records trigger later (an issued invoice's posting) join it when their
   * event arrives.
   */
  status: RunStatus;
  /** Steps of the root run. */
  steps: Array<RunStep>;
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
  /** Stable identifier (`prj_…`). */
  id: Scalars['ID']['output'];
  /** Margin alert episodes of the project, newest first (project managers, finance and executives). */
  marginAlerts?: Maybe<Array<MarginAlert>>;
  /** The flow that set the project up from its won opportunity (null for projects created otherwise). */
  setupRun?: Maybe<OrchestrationRun>;
};

export type Query = {
  __typename?: 'Query';
  /** Margin alerts of the legal entities the caller may see, oldest first. */
  marginAlerts?: Maybe<MarginAlertConnection>;
  /** Exceptions, oldest first (operators only). */
  orchestrationExceptions?: Maybe<OrchestrationExceptionConnection>;
  /** Integration health of orchestration: outbox backlog, consistency checks and reconciliation sets (integration admins). */
  orchestrationIntegrity?: Maybe<IntegrityReport>;
  /** A flow by correlation id (status PENDING until its triggering event arrives). */
  orchestrationRun?: Maybe<OrchestrationRun>;
  /** Project set-up cycle time: from the opportunity's closed-won time to the project's activation, for set-ups completed in the range. */
  setupCycleTime: CycleTimeStats;
};


export type QueryMarginAlertsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<MarginAlertFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrchestrationExceptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrchestrationExceptionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOrchestrationRunArgs = {
  correlationId: Scalars['ID']['input'];
};


export type QuerySetupCycleTimeArgs = {
  closedWon?: InputMaybe<DateRange>;
};

/** Input to replay an exception's flow after its cause was fixed. */
export type ReplayExceptionInput = {
  /** The exception. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to start a billing cycle: one billing run per ACTIVE schedule in scope. */
export type RunBillingCycleInput = {
  /** Issue the invoices at once, which sends them to the ledger (default true); false leaves DRAFT invoices for review. */
  autoIssue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only these schedules (within the legal entity, when one is given). */
  billingScheduleIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Issue date of the invoices (default the day they are issued). */
  issueDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Only schedules of this legal entity (required unless the caller may see every legal entity). */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Bill work done and instalments due up to this date. */
  throughDate: Scalars['LocalDate']['input'];
};

/** Lifecycle of a flow run. */
export type RunStatus =
  /** An operator cancelled it after it failed. */
  | 'CANCELLED'
  /** A step failed for good and the earlier steps' effects were undone; awaiting replay or cancellation. */
  | 'COMPENSATED'
  /** A step failed for good; the earlier steps' effects are being undone. */
  | 'COMPENSATING'
  /** Every step succeeded. */
  | 'COMPLETED'
  /** A step failed for good and nothing could be compensated, or a compensation failed. */
  | 'FAILED'
  /** Triggered: the event is on its way to the process layer. */
  | 'PENDING'
  /** Steps are executing. */
  | 'RUNNING';

/** One step of a run. */
export type RunStep = {
  __typename?: 'RunStep';
  /** Attempts made (retries included). */
  attempts: Scalars['Int']['output'];
  /** When its effect was undone. */
  compensatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it finished. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Last error, while retrying or after failing. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** Step name, for example `project`. */
  name: Scalars['String']['output'];
  /** When the latest attempt started. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Status. */
  status: StepStatus;
};

/** One execution of a saga within a flow. */
export type SagaRun = {
  __typename?: 'SagaRun';
  /** When it completed. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Replay generation (1 for the first execution). */
  generation: Scalars['Int']['output'];
  /** Identifier of the run. */
  id: Scalars['ID']['output'];
  /** Records the run created in the systems of record. */
  links: Array<EntityReference>;
  /** The saga, for example `WIN_OPPORTUNITY`, `POST_INVOICE`. */
  sagaType: Scalars['String']['output'];
  /** When the run started. */
  startedAt: Scalars['DateTime']['output'];
  /** Status. */
  status: RunStatus;
  /** Steps, in order. */
  steps: Array<RunStep>;
  /** What the run is about. */
  subject: EntityReference;
  /** When the business event happened (closed won, approved, issued). */
  triggeredAt: Scalars['DateTime']['output'];
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Lifecycle of a step of a run. */
export type StepStatus =
  /** Its effect was undone after a later step failed. */
  | 'COMPENSATED'
  /** Failed for good. */
  | 'FAILED'
  /** Not yet run. */
  | 'PENDING'
  /** Running (or waiting to retry). */
  | 'RUNNING'
  /** Not applicable to this run (for example billing for non-billable work). */
  | 'SKIPPED'
  /** Done. */
  | 'SUCCEEDED';



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
  MarginAlert: MarginAlert;
  OrchestrationException: OrchestrationException;
  OrchestrationRun: OrchestrationRun;
  Project: Project;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  MarginAlert:
    ( { __typename: 'MarginAlert' }
    & GraphQLRecursivePick<FederationTypes['MarginAlert'], {"id":true}> );
  OrchestrationException:
    ( { __typename: 'OrchestrationException' }
    & GraphQLRecursivePick<FederationTypes['OrchestrationException'], {"id":true}> );
  OrchestrationRun:
    ( { __typename: 'OrchestrationRun' }
    & GraphQLRecursivePick<FederationTypes['OrchestrationRun'], {"correlationId":true}> );
  Project:
    ( { __typename: 'Project' }
    & GraphQLRecursivePick<FederationTypes['Project'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BillingModel: BillingModel;
  CancelExceptionInput: CancelExceptionInput;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  CycleTimeStats: ResolverTypeWrapper<CycleTimeStats>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EntityReference: ResolverTypeWrapper<EntityReference>;
  ExceptionStatus: ExceptionStatus;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: ResolverTypeWrapper<IntegrityCheck>;
  IntegrityReport: ResolverTypeWrapper<IntegrityReport>;
  KeyBucket: ResolverTypeWrapper<KeyBucket>;
  KeySet: ResolverTypeWrapper<KeySet>;
  LocalDate: ResolverTypeWrapper<Scalars['LocalDate']['output']>;
  MarginAlert: ResolverTypeWrapper<AlertRecordModel>;
  MarginAlertConnection: ResolverTypeWrapper<Omit<MarginAlertConnection, 'edges'> & { edges: Array<ResolversTypes['MarginAlertEdge']> }>;
  MarginAlertEdge: ResolverTypeWrapper<Omit<MarginAlertEdge, 'node'> & { node: ResolversTypes['MarginAlert'] }>;
  MarginAlertFilter: MarginAlertFilter;
  MarginAlertStatus: MarginAlertStatus;
  Money: ResolverTypeWrapper<MoneyModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrchestrationException: ResolverTypeWrapper<ExceptionRecordModel>;
  OrchestrationExceptionConnection: ResolverTypeWrapper<Omit<OrchestrationExceptionConnection, 'edges'> & { edges: Array<ResolversTypes['OrchestrationExceptionEdge']> }>;
  OrchestrationExceptionEdge: ResolverTypeWrapper<Omit<OrchestrationExceptionEdge, 'node'> & { node: ResolversTypes['OrchestrationException'] }>;
  OrchestrationExceptionFilter: OrchestrationExceptionFilter;
  OrchestrationRun: ResolverTypeWrapper<FlowViewModel>;
  OutboxBacklog: ResolverTypeWrapper<OutboxBacklog>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Project: ResolverTypeWrapper<EntityRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReplayExceptionInput: ReplayExceptionInput;
  RunBillingCycleInput: RunBillingCycleInput;
  RunStatus: RunStatus;
  RunStep: ResolverTypeWrapper<StepRecordModel>;
  SagaRun: ResolverTypeWrapper<RunRecordModel>;
  StepStatus: StepStatus;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  BigInt: Scalars['BigInt']['output'];
  CancelExceptionInput: CancelExceptionInput;
  CurrencyCode: Scalars['CurrencyCode']['output'];
  CycleTimeStats: CycleTimeStats;
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  EntityReference: EntityReference;
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: IntegrityCheck;
  IntegrityReport: IntegrityReport;
  KeyBucket: KeyBucket;
  KeySet: KeySet;
  LocalDate: Scalars['LocalDate']['output'];
  MarginAlert: AlertRecordModel;
  MarginAlertConnection: Omit<MarginAlertConnection, 'edges'> & { edges: Array<ResolversParentTypes['MarginAlertEdge']> };
  MarginAlertEdge: Omit<MarginAlertEdge, 'node'> & { node: ResolversParentTypes['MarginAlert'] };
  MarginAlertFilter: MarginAlertFilter;
  Money: MoneyModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OrchestrationException: ExceptionRecordModel;
  OrchestrationExceptionConnection: Omit<OrchestrationExceptionConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrchestrationExceptionEdge']> };
  OrchestrationExceptionEdge: Omit<OrchestrationExceptionEdge, 'node'> & { node: ResolversParentTypes['OrchestrationException'] };
  OrchestrationExceptionFilter: OrchestrationExceptionFilter;
  OrchestrationRun: FlowViewModel;
  OutboxBacklog: OutboxBacklog;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Project: EntityRefModel;
  Query: Record<PropertyKey, never>;
  ReplayExceptionInput: ReplayExceptionInput;
  RunBillingCycleInput: RunBillingCycleInput;
  RunStep: StepRecordModel;
  SagaRun: RunRecordModel;
};

export type AuditEntryResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
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

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export interface CurrencyCodeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['CurrencyCode'], any> {
  name: 'CurrencyCode';
}

export type CycleTimeStatsResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['CycleTimeStats'] = ResolversParentTypes['CycleTimeStats']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanDays?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  medianDays?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  p90Days?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type EntityReferenceResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['EntityReference'] = ResolversParentTypes['EntityReference']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  typename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExternalRefResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['ExternalRef'] = ResolversParentTypes['ExternalRef']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IntegrityCheckResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['IntegrityCheck'] = ResolversParentTypes['IntegrityCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrityReportResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = {
  checks?: Resolver<Array<ResolversTypes['IntegrityCheck']>, ParentType, ContextType>;
  outbox?: Resolver<ResolversTypes['OutboxBacklog'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  set?: Resolver<Maybe<ResolversTypes['KeySet']>, ParentType, ContextType, RequireFields<IntegrityReportSetArgs, 'name'>>;
  sets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type KeyBucketResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['KeyBucket'] = ResolversParentTypes['KeyBucket']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeySetResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['KeySet'] = ResolversParentTypes['KeySet']> = {
  buckets?: Resolver<Array<ResolversTypes['KeyBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<KeySetKeysArgs, 'bucket'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface LocalDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LocalDate'], any> {
  name: 'LocalDate';
}

export type MarginAlertResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['MarginAlert'] = ResolversParentTypes['MarginAlert'], FederationReferenceType extends FederationReferenceTypes['MarginAlert'] = FederationReferenceTypes['MarginAlert']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MarginAlert']> | FederationReferenceType, FederationReferenceType, ContextType>;
  clearedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalEntityId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  percent?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  project?: Resolver<ResolversTypes['Project'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MarginAlertStatus'], ParentType, ContextType>;
  thresholdPct?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type MarginAlertConnectionResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['MarginAlertConnection'] = ResolversParentTypes['MarginAlertConnection']> = {
  edges?: Resolver<Array<ResolversTypes['MarginAlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MarginAlertEdgeResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['MarginAlertEdge'] = ResolversParentTypes['MarginAlertEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MarginAlert'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  amountMinor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelException?: Resolver<ResolversTypes['OrchestrationException'], ParentType, ContextType, RequireFields<MutationCancelExceptionArgs, 'input'>>;
  replayException?: Resolver<ResolversTypes['OrchestrationException'], ParentType, ContextType, RequireFields<MutationReplayExceptionArgs, 'input'>>;
  runBillingCycle?: Resolver<ResolversTypes['OrchestrationRun'], ParentType, ContextType, RequireFields<MutationRunBillingCycleArgs, 'input'>>;
};

export type OrchestrationExceptionResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['OrchestrationException'] = ResolversParentTypes['OrchestrationException'], FederationReferenceType extends FederationReferenceTypes['OrchestrationException'] = FederationReferenceTypes['OrchestrationException']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrchestrationException']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cause?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resolution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  run?: Resolver<ResolversTypes['OrchestrationRun'], ParentType, ContextType>;
  sagaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExceptionStatus'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OrchestrationExceptionConnectionResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['OrchestrationExceptionConnection'] = ResolversParentTypes['OrchestrationExceptionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrchestrationExceptionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OrchestrationExceptionEdgeResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['OrchestrationExceptionEdge'] = ResolversParentTypes['OrchestrationExceptionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['OrchestrationException'], ParentType, ContextType>;
};

export type OrchestrationRunResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['OrchestrationRun'] = ResolversParentTypes['OrchestrationRun'], FederationReferenceType extends FederationReferenceTypes['OrchestrationRun'] = FederationReferenceTypes['OrchestrationRun']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OrchestrationRun']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  exceptions?: Resolver<Maybe<Array<ResolversTypes['OrchestrationException']>>, ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['SagaRun']>, ParentType, ContextType>;
  sagaType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['RunStep']>, ParentType, ContextType>;
};

export type OutboxBacklogResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['OutboxBacklog'] = ResolversParentTypes['OutboxBacklog']> = {
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestUnpublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpublished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProjectResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['Project'] = ResolversParentTypes['Project'], FederationReferenceType extends FederationReferenceTypes['Project'] = FederationReferenceTypes['Project']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Project']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  marginAlerts?: Resolver<Maybe<Array<ResolversTypes['MarginAlert']>>, ParentType, ContextType>;
  setupRun?: Resolver<Maybe<ResolversTypes['OrchestrationRun']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  marginAlerts?: Resolver<Maybe<ResolversTypes['MarginAlertConnection']>, ParentType, ContextType, RequireFields<QueryMarginAlertsArgs, 'first'>>;
  orchestrationExceptions?: Resolver<Maybe<ResolversTypes['OrchestrationExceptionConnection']>, ParentType, ContextType, RequireFields<QueryOrchestrationExceptionsArgs, 'first'>>;
  orchestrationIntegrity?: Resolver<Maybe<ResolversTypes['IntegrityReport']>, ParentType, ContextType>;
  orchestrationRun?: Resolver<Maybe<ResolversTypes['OrchestrationRun']>, ParentType, ContextType, RequireFields<QueryOrchestrationRunArgs, 'correlationId'>>;
  setupCycleTime?: Resolver<ResolversTypes['CycleTimeStats'], ParentType, ContextType, Partial<QuerySetupCycleTimeArgs>>;
};

export type RunStepResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['RunStep'] = ResolversParentTypes['RunStep']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  compensatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StepStatus'], ParentType, ContextType>;
};

export type SagaRunResolvers<ContextType = OrchestrationContext, ParentType extends ResolversParentTypes['SagaRun'] = ResolversParentTypes['SagaRun']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  generation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  links?: Resolver<Array<ResolversTypes['EntityReference']>, ParentType, ContextType>;
  sagaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['RunStep']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['EntityReference'], ParentType, ContextType>;
  triggeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type Resolvers<ContextType = OrchestrationContext> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  CurrencyCode?: GraphQLScalarType;
  CycleTimeStats?: CycleTimeStatsResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EntityReference?: EntityReferenceResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  IntegrityCheck?: IntegrityCheckResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  KeyBucket?: KeyBucketResolvers<ContextType>;
  KeySet?: KeySetResolvers<ContextType>;
  LocalDate?: GraphQLScalarType;
  MarginAlert?: MarginAlertResolvers<ContextType>;
  MarginAlertConnection?: MarginAlertConnectionResolvers<ContextType>;
  MarginAlertEdge?: MarginAlertEdgeResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrchestrationException?: OrchestrationExceptionResolvers<ContextType>;
  OrchestrationExceptionConnection?: OrchestrationExceptionConnectionResolvers<ContextType>;
  OrchestrationExceptionEdge?: OrchestrationExceptionEdgeResolvers<ContextType>;
  OrchestrationRun?: OrchestrationRunResolvers<ContextType>;
  OutboxBacklog?: OutboxBacklogResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Project?: ProjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RunStep?: RunStepResolvers<ContextType>;
  SagaRun?: SagaRunResolvers<ContextType>;
};

