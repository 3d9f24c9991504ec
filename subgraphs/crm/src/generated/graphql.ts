import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Money as MoneyModel } from '../../../../platform/money/money.js';
import type { Account as AccountModel, Contact as ContactModel, Opportunity as OpportunityModel, OpportunityStage as OpportunityStageModel, StageChange as StageChangeModel, Contract as ContractModel, ContractAmendment as ContractAmendmentModel } from '../domain/types.js';
import type { CrmContext } from '../graphql/context.js';
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
  /** Address invoices are sent to. */
  billingAddress?: Maybe<Address>;
  /** People at this account. */
  contacts: Array<Contact>;
  /** Contracts with this account, newest first (commercial roles only). */
  contracts?: Maybe<Array<Contract>>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Currency the client is usually billed in. */
  defaultCurrency?: Maybe<Scalars['CurrencyCode']['output']>;
  /** Links to the same account in external systems. */
  externalRefs: Array<ExternalRef>;
  /** Stable identifier (`acc_…`). */
  id: Scalars['ID']['output'];
  /** Industry or sector. */
  industry?: Maybe<Scalars['String']['output']>;
  /** Registered legal name, when different from the trading name. */
  legalName?: Maybe<Scalars['String']['output']>;
  /** Trading name. */
  name: Scalars['String']['output'];
  /** Opportunities with this account, newest first (commercial roles only). */
  opportunities?: Maybe<Array<Opportunity>>;
  /** User who owns the relationship. */
  ownerUserId: Scalars['ID']['output'];
  /** Parent organisation in an account hierarchy. */
  parentAccount?: Maybe<Account>;
  /** Kind of relationship. */
  type: AccountType;
  /** When the account last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version; increases by one on every change. */
  version: Scalars['Int']['output'];
};

/** A page of accounts. */
export type AccountConnection = {
  __typename?: 'AccountConnection';
  /** The accounts on this page. */
  edges: Array<AccountEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** An account in a connection. */
export type AccountEdge = {
  __typename?: 'AccountEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The account. */
  node: Account;
};

/** Filter for accounts. */
export type AccountFilter = {
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only accounts owned by this user. */
  ownerUserId?: InputMaybe<Scalars['ID']['input']>;
  /** Only accounts of these types. */
  types?: InputMaybe<Array<AccountType>>;
};

/** The kind of relationship the firm has with an account. */
export type AccountType =
  /** A current client. */
  | 'CUSTOMER'
  /** A client with no active business. */
  | 'FORMER_CUSTOMER'
  /** A partner firm (alliance, subcontractor). */
  | 'PARTNER'
  /** Not yet a client. */
  | 'PROSPECT';

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  /** City or locality. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['output'];
  /** Street lines, one per line. */
  lines: Array<Scalars['String']['output']>;
  /** Postal code. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** State, province or region. */
  region?: Maybe<Scalars['String']['output']>;
};

/** A postal address given as input. */
export type AddressInput = {
  /** City or locality. */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 country code. */
  country: Scalars['String']['input'];
  /** Street lines, one per line. */
  lines: Array<Scalars['String']['input']>;
  /** Postal code. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State, province or region. */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** Lifecycle of a contract amendment. */
export type AmendmentStatus =
  /** Being drafted. */
  | 'DRAFT'
  /** Signed; its changes apply from the effective date. */
  | 'EXECUTED'
  /** Waiting for approval. */
  | 'IN_APPROVAL'
  /** Refused. */
  | 'REJECTED'
  /** Abandoned before approval. */
  | 'WITHDRAWN';

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
  /** Changes recorded by crm, oldest first. */
  crm?: Maybe<Array<AuditEntry>>;
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

/** Input to move an opportunity to another stage (win, lose, reopen or progress). */
export type ChangeOpportunityStageInput = {
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Opportunity to move. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Why it was lost; required when the target stage is closed lost. */
  lossReason?: InputMaybe<Scalars['String']['input']>;
  /** Target stage code. */
  stageCode: Scalars['String']['input'];
};

/** A person at an account. */
export type Contact = {
  __typename?: 'Contact';
  /** The account this person works for. */
  account: Account;
  /** E-mail address. */
  email?: Maybe<Scalars['String']['output']>;
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** Stable identifier (`con_…`). */
  id: Scalars['ID']['output'];
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** Telephone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Roles in the firm's engagements. */
  roles: Array<ContactRole>;
  /** Job title. */
  title?: Maybe<Scalars['String']['output']>;
  /** When the contact last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** A page of contacts. */
export type ContactConnection = {
  __typename?: 'ContactConnection';
  /** The contacts on this page. */
  edges: Array<ContactEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A contact in a connection. */
export type ContactEdge = {
  __typename?: 'ContactEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The contact. */
  node: Contact;
};

/** Filter for contacts. */
export type ContactFilter = {
  /** Only contacts of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
};

/** The part a contact plays in an engagement. */
export type ContactRole =
  /** Receives invoices. */
  | 'BILLING'
  /** Signs off commercial decisions. */
  | 'DECISION_MAKER'
  /** Executive sponsor of the engagement. */
  | 'SPONSOR'
  /** Technical counterpart of the delivery team. */
  | 'TECHNICAL';

/** A signed agreement with an account. */
export type Contract = {
  __typename?: 'Contract';
  /** The client. */
  account: Account;
  /** When the contract was activated. */
  activatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Amendments, in sequence. */
  amendments: Array<ContractAmendment>;
  /** How the work is billed. */
  billingModel: BillingModel;
  /** Contract currency; every amount on the contract is in it. */
  currency: Scalars['CurrencyCode']['output'];
  /** Last day of the term, if fixed. */
  endDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Stable identifier (`ctr_…`). */
  id: Scalars['ID']['output'];
  /** Kind of contract. */
  kind: ContractKind;
  /** Identifier of the contracting legal entity. */
  legalEntityId: Scalars['ID']['output'];
  /** Cap on billings, if any. */
  notToExceed?: Maybe<Money>;
  /** The opportunity this contract formalises. */
  opportunity?: Maybe<Opportunity>;
  /** Value when signed. */
  originalValue: Money;
  /** The MSA a statement of work hangs under. */
  parentContract?: Maybe<Contract>;
  /** Days from invoice date to due date. */
  paymentTermsDays: Scalars['Int']['output'];
  /** When the client signed. */
  signedAt?: Maybe<Scalars['DateTime']['output']>;
  /** First day of the term. */
  startDate: Scalars['LocalDate']['output'];
  /** Lifecycle status. */
  status: ContractStatus;
  /** Original value plus every executed amendment's change. */
  totalContractValue: Money;
  /** When the contract last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a contract. */
export type ContractAction =
  /** IN_APPROVAL → ACTIVATED (records signature and activation). */
  | 'ACTIVATE'
  /** ACTIVATED → EXPIRED. */
  | 'EXPIRE'
  /** IN_APPROVAL → DRAFT. */
  | 'REJECT'
  /** DRAFT → IN_APPROVAL. */
  | 'SUBMIT'
  /** ACTIVATED → TERMINATED. */
  | 'TERMINATE';

/** A change to a signed contract: value, rates or dates from an effective date. */
export type ContractAmendment = {
  __typename?: 'ContractAmendment';
  /** The PSA change request that motivated the amendment, if any. */
  changeRequestId?: Maybe<Scalars['ID']['output']>;
  /** The contract amended. */
  contract: Contract;
  /** What changed and why. */
  description: Scalars['String']['output'];
  /** Date from which the new terms apply. */
  effectiveDate: Scalars['LocalDate']['output'];
  /** When the amendment was executed. */
  executedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier (`amd_…`). */
  id: Scalars['ID']['output'];
  /** Bill-rate changes. */
  rateChanges: Array<RateChange>;
  /** Position among the contract's amendments (1, 2, …). */
  sequence: Scalars['Int']['output'];
  /** Lifecycle status. */
  status: AmendmentStatus;
  /** Change to the total contract value (may be negative). */
  valueDelta: Money;
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** Lifecycle actions on a contract amendment. */
export type ContractAmendmentAction =
  /** IN_APPROVAL → EXECUTED; the contract's total value changes. */
  | 'EXECUTE'
  /** IN_APPROVAL → REJECTED. */
  | 'REJECT'
  /** DRAFT → IN_APPROVAL. */
  | 'SUBMIT'
  /** DRAFT → WITHDRAWN. */
  | 'WITHDRAW';

/** A page of contracts. */
export type ContractConnection = {
  __typename?: 'ContractConnection';
  /** The contracts on this page. */
  edges: Array<ContractEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** A contract in a connection. */
export type ContractEdge = {
  __typename?: 'ContractEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The contract. */
  node: Contract;
};

/** Filter for contracts. */
export type ContractFilter = {
  /** Only contracts of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only contracts of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only contracts starting in this range. */
  startDate?: InputMaybe<DateRange>;
  /** Only contracts in these statuses. */
  statuses?: InputMaybe<Array<ContractStatus>>;
};

/** Kind of contract. */
export type ContractKind =
  /** Master services agreement: terms under which statements of work are signed. */
  | 'MSA'
  /** Retainer agreement. */
  | 'RETAINER'
  /** Statement of work for one engagement. */
  | 'SOW';

/** Lifecycle of a contract (Salesforce contract status codes). */
export type ContractStatus =
  /** Signed and in force. */
  | 'ACTIVATED'
  /** Being drafted. */
  | 'DRAFT'
  /** Ended at its end date. */
  | 'EXPIRED'
  /** Waiting for internal approval. */
  | 'IN_APPROVAL'
  /** Ended early. */
  | 'TERMINATED';

/** Input to create an account. */
export type CreateAccountInput = {
  /** Address invoices are sent to. */
  billingAddress?: InputMaybe<AddressInput>;
  /** Usual billing currency. */
  defaultCurrency?: InputMaybe<Scalars['CurrencyCode']['input']>;
  /** Links to external systems. */
  externalRefs?: InputMaybe<Array<ExternalRefInput>>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Industry or sector. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** Registered legal name. */
  legalName?: InputMaybe<Scalars['String']['input']>;
  /** Trading name (1–200 characters). */
  name: Scalars['String']['input'];
  /** User who owns the relationship. */
  ownerUserId: Scalars['ID']['input'];
  /** Parent account in a hierarchy. */
  parentAccountId?: InputMaybe<Scalars['ID']['input']>;
  /** Kind of relationship (default PROSPECT). */
  type?: InputMaybe<AccountType>;
};

/** Input to create a contact. */
export type CreateContactInput = {
  /** Account the person works for. */
  accountId: Scalars['ID']['input'];
  /** E-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Given name. */
  firstName: Scalars['String']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Family name. */
  lastName: Scalars['String']['input'];
  /** Telephone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Roles in engagements. */
  roles?: InputMaybe<Array<ContactRole>>;
  /** Job title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Input to draft an amendment to an ACTIVATED contract. */
export type CreateContractAmendmentInput = {
  /** PSA change request that motivated it. */
  changeRequestId?: InputMaybe<Scalars['ID']['input']>;
  /** Contract to amend. */
  contractId: Scalars['ID']['input'];
  /** What changes and why. */
  description: Scalars['String']['input'];
  /** Date from which the new terms apply. */
  effectiveDate: Scalars['LocalDate']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Bill-rate changes. */
  rateChanges?: InputMaybe<Array<RateChangeInput>>;
  /** Change to the total contract value, in the contract currency (may be negative). */
  valueDelta: MoneyInput;
};

/** Input to create a contract in DRAFT. */
export type CreateContractInput = {
  /** The client. */
  accountId: Scalars['ID']['input'];
  /** How the work is billed. */
  billingModel: BillingModel;
  /** Last day of the term. */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Kind of contract. */
  kind: ContractKind;
  /** Contracting legal entity. */
  legalEntityId: Scalars['ID']['input'];
  /** Cap on billings, in the contract currency. */
  notToExceed?: InputMaybe<MoneyInput>;
  /** Opportunity the contract formalises. */
  opportunityId?: InputMaybe<Scalars['ID']['input']>;
  /** Value when signed; its currency is the contract currency. */
  originalValue: MoneyInput;
  /** MSA a statement of work hangs under. */
  parentContractId?: InputMaybe<Scalars['ID']['input']>;
  /** Days from invoice date to due date (default 30). */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** First day of the term. */
  startDate: Scalars['LocalDate']['input'];
};

/** Input to create an opportunity; it starts in the first open stage unless another is given. */
export type CreateOpportunityInput = {
  /** Account being sold to. */
  accountId: Scalars['ID']['input'];
  /** Expected value (greater than zero). */
  amount: MoneyInput;
  /** Expected close date. */
  expectedCloseDate: Scalars['LocalDate']['input'];
  /** Expected start of delivery. */
  expectedStartDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Legal entity that will contract and deliver. */
  legalEntityId: Scalars['ID']['input'];
  /** Name of the deal. */
  name: Scalars['String']['input'];
  /** User who owns the deal. */
  ownerUserId: Scalars['ID']['input'];
  /** How the work is to be billed. */
  pricingModel: BillingModel;
  /** Starting stage (an open stage; default the first). */
  stageCode?: InputMaybe<Scalars['String']['input']>;
};

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
  /** Changes recorded by crm, oldest first. */
  crm?: Maybe<Array<AuditEntry>>;
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

/** Forecast category of an opportunity stage (Salesforce semantics). */
export type ForecastCategory =
  /** Possible upside. */
  | 'BEST_CASE'
  /** Closed won. */
  | 'CLOSED'
  /** Committed for the forecast period. */
  | 'COMMIT'
  /** Excluded from the forecast (closed lost). */
  | 'OMITTED'
  /** Early pipeline. */
  | 'PIPELINE';

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

/** Input to link the delivery records a set-up flow created back to the won opportunity. */
export type LinkOpportunityDeliveryInput = {
  /** The billing schedule, if the work is billed. */
  billingScheduleId?: InputMaybe<Scalars['ID']['input']>;
  /** The ERP customer record. */
  customerFinancialId: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The won opportunity. */
  opportunityId: Scalars['ID']['input'];
  /** The PSA project. */
  projectId: Scalars['ID']['input'];
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
   * Moves an opportunity to another stage. Winning requires an amount above zero and an ACTIVATED contract;
   * losing requires a loss reason; a closed opportunity can be reopened by moving it to an open stage.
   */
  changeOpportunityStage: Opportunity;
  /** Creates an account. */
  createAccount: Account;
  /** Creates a contact. */
  createContact: Contact;
  /** Creates a contract in DRAFT. */
  createContract: Contract;
  /** Drafts an amendment to an ACTIVATED contract. */
  createContractAmendment: ContractAmendment;
  /** Creates an opportunity. */
  createOpportunity: Opportunity;
  /** Links the delivery records of a won opportunity (process layer only). */
  linkOpportunityDelivery: Opportunity;
  /** Applies a lifecycle action to a contract. */
  transitionContract: Contract;
  /** Applies a lifecycle action to an amendment. */
  transitionContractAmendment: ContractAmendment;
  /** Removes a won opportunity's delivery links (process layer only; compensation). */
  unlinkOpportunityDelivery: Opportunity;
  /** Changes an account. */
  updateAccount: Account;
  /** Changes a contact. */
  updateContact: Contact;
  /** Changes a DRAFT contract. */
  updateContract: Contract;
  /** Changes an open opportunity's commercial fields. */
  updateOpportunity: Opportunity;
  /**
   * Wins an opportunity after checking the commercial fields delivery needs (account, legal entity, billing model, amount
   * above zero, start date, ACTIVATED contract of the same account and currency). The win starts the set-up flow:
   * customer in the ERP, project with its WBS and resource requests, billing schedule and client rate card, revenue
   * schedule, links back here, project ACTIVE. `run` follows its progress.
   */
  winOpportunity: Opportunity;
};


export type MutationChangeOpportunityStageArgs = {
  input: ChangeOpportunityStageInput;
};


export type MutationCreateAccountArgs = {
  input: CreateAccountInput;
};


export type MutationCreateContactArgs = {
  input: CreateContactInput;
};


export type MutationCreateContractArgs = {
  input: CreateContractInput;
};


export type MutationCreateContractAmendmentArgs = {
  input: CreateContractAmendmentInput;
};


export type MutationCreateOpportunityArgs = {
  input: CreateOpportunityInput;
};


export type MutationLinkOpportunityDeliveryArgs = {
  input: LinkOpportunityDeliveryInput;
};


export type MutationTransitionContractArgs = {
  input: TransitionContractInput;
};


export type MutationTransitionContractAmendmentArgs = {
  input: TransitionContractAmendmentInput;
};


export type MutationUnlinkOpportunityDeliveryArgs = {
  input: UnlinkOpportunityDeliveryInput;
};


export type MutationUpdateAccountArgs = {
  input: UpdateAccountInput;
};


export type MutationUpdateContactArgs = {
  input: UpdateContactInput;
};


export type MutationUpdateContractArgs = {
  input: UpdateContractInput;
};


export type MutationUpdateOpportunityArgs = {
  input: UpdateOpportunityInput;
};


export type MutationWinOpportunityArgs = {
  input: WinOpportunityInput;
};

/** A potential sale to an account. */
export type Opportunity = {
  __typename?: 'Opportunity';
  /** The account being sold to. */
  account: Account;
  /** Expected value of the deal. */
  amount: Money;
  /** When the opportunity closed (won or lost). */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the opportunity was won: the timestamp of the transition, used for setup cycle time. */
  closedWonAt?: Maybe<Scalars['DateTime']['output']>;
  /** The contract that formalises the deal, once there is one. */
  contract?: Maybe<Contract>;
  /** When the opportunity was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The delivery records the set-up flow linked back: project, ERP customer and billing schedule. */
  delivery?: Maybe<OpportunityDelivery>;
  /** Expected close date (an estimate, not when it closed). */
  expectedCloseDate: Scalars['LocalDate']['output'];
  /** Expected start of delivery. */
  expectedStartDate?: Maybe<Scalars['LocalDate']['output']>;
  /** Forecast category. */
  forecastCategory: ForecastCategory;
  /** Stable identifier (`opp_…`). */
  id: Scalars['ID']['output'];
  /** True once won or lost. */
  isClosed: Scalars['Boolean']['output'];
  /** True once won. */
  isWon: Scalars['Boolean']['output'];
  /** Identifier of the legal entity that will contract and deliver. */
  legalEntityId: Scalars['ID']['output'];
  /** Why the opportunity was lost. */
  lossReason?: Maybe<Scalars['String']['output']>;
  /** Name of the deal. */
  name: Scalars['String']['output'];
  /** User who owns the deal. */
  ownerUserId: Scalars['ID']['output'];
  /** How the work is to be sold and billed. */
  pricingModel: BillingModel;
  /** Win probability in percent. */
  probability: Scalars['Int']['output'];
  /** The set-up flow started when the opportunity was won; its status comes from the process layer. */
  run?: Maybe<OrchestrationRun>;
  /** The current stage with its flags. */
  stage: OpportunityStage;
  /** Code of the current stage. */
  stageCode: Scalars['String']['output'];
  /** Every stage change, oldest first. */
  stageHistory: Array<StageChange>;
  /** When the opportunity last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version. */
  version: Scalars['Int']['output'];
};

/** A page of opportunities. */
export type OpportunityConnection = {
  __typename?: 'OpportunityConnection';
  /** The opportunities on this page. */
  edges: Array<OpportunityEdge>;
  /** Paging state. */
  pageInfo: PageInfo;
};

/** The delivery records a won opportunity's set-up created in the other systems. */
export type OpportunityDelivery = {
  __typename?: 'OpportunityDelivery';
  /** The billing schedule of the project (none for non-billable work). */
  billingScheduleId?: Maybe<Scalars['ID']['output']>;
  /** The ERP customer record of the account in the opportunity's legal entity. */
  customerFinancialId: Scalars['ID']['output'];
  /** When the set-up linked them. */
  linkedAt: Scalars['DateTime']['output'];
  /** The PSA project delivering the opportunity. */
  projectId: Scalars['ID']['output'];
};

/** An opportunity in a connection. */
export type OpportunityEdge = {
  __typename?: 'OpportunityEdge';
  /** Cursor of this edge. */
  cursor: Scalars['String']['output'];
  /** The opportunity. */
  node: Opportunity;
};

/** Filter for opportunities. */
export type OpportunityFilter = {
  /** Only opportunities of this account. */
  accountId?: InputMaybe<Scalars['ID']['input']>;
  /** Only opportunities expected to close in this range. */
  expectedCloseDate?: InputMaybe<DateRange>;
  /** Only open (false) or closed (true) opportunities. */
  isClosed?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only won (true) or not won (false) opportunities. */
  isWon?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only opportunities of this legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only opportunities in these stages. */
  stageCodes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One configured stage of the sales process. Code keys off `isClosed`/`isWon`, never off stage labels. */
export type OpportunityStage = {
  __typename?: 'OpportunityStage';
  /** Stage code, for example `PROPOSAL`. */
  code: Scalars['String']['output'];
  /** Probability (percent) an opportunity in this stage takes by default. */
  defaultProbability: Scalars['Int']['output'];
  /** Forecast category of this stage. */
  forecastCategory: ForecastCategory;
  /** True for the closed stages (won or lost). */
  isClosed: Scalars['Boolean']['output'];
  /** True for the closed-won stage. */
  isWon: Scalars['Boolean']['output'];
  /** Label shown to users. */
  label: Scalars['String']['output'];
  /** Position in the sales process. */
  sortOrder: Scalars['Int']['output'];
};

/** A cross-system flow, identified by the correlation id every record, event and log line it touches carries. */
export type OrchestrationRun = {
  __typename?: 'OrchestrationRun';
  /** Correlation id of the flow. */
  correlationId: Scalars['ID']['output'];
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

export type Query = {
  __typename?: 'Query';
  /** One account by id. */
  account?: Maybe<Account>;
  /** Accounts, ordered by id. */
  accounts: AccountConnection;
  /** The audit trail of a correlation id across the four systems of record (integration admins only). */
  auditTrail?: Maybe<AuditTrail>;
  /** One contact by id. */
  contact?: Maybe<Contact>;
  /** Contacts, ordered by id. */
  contacts: ContactConnection;
  /** One contract by id. */
  contract?: Maybe<Contract>;
  /** One contract amendment by id. */
  contractAmendment?: Maybe<ContractAmendment>;
  /** Contracts, ordered by id. */
  contracts?: Maybe<ContractConnection>;
  /** Integration health of crm: outbox backlog, consistency checks and reconciliation sets (integration admins). */
  crmIntegrity?: Maybe<IntegrityReport>;
  /** The audit history of one entity across the four systems of record (integration admins only). */
  entityHistory?: Maybe<EntityHistory>;
  /** Opportunities, ordered by id. */
  opportunities?: Maybe<OpportunityConnection>;
  /** One opportunity by id. */
  opportunity?: Maybe<Opportunity>;
  /** The configured sales stages, in order. */
  opportunityStages: Array<OpportunityStage>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AccountFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditTrailArgs = {
  correlationId: Scalars['ID']['input'];
};


export type QueryContactArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContactFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryContractArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContractAmendmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryContractsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContractFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryEntityHistoryArgs = {
  entityId: Scalars['ID']['input'];
  entityType: Scalars['String']['input'];
};


export type QueryOpportunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OpportunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOpportunityArgs = {
  id: Scalars['ID']['input'];
};

/** A new bill rate for one role, part of an amendment. */
export type RateChange = {
  __typename?: 'RateChange';
  /** New hourly bill rate in the contract currency. */
  billRate: Scalars['Decimal']['output'];
  /** Level within the role, if rates differ by level. */
  level?: Maybe<Scalars['String']['output']>;
  /** Role the rate applies to. */
  roleCode: Scalars['String']['output'];
};

/** A new bill rate for one role, given as input. */
export type RateChangeInput = {
  /** New hourly bill rate in the contract currency, a decimal string with at most 4 decimals. */
  billRate: Scalars['Decimal']['input'];
  /** Level within the role. */
  level?: InputMaybe<Scalars['String']['input']>;
  /** Role the rate applies to. */
  roleCode: Scalars['String']['input'];
};

/** One recorded stage change of an opportunity. */
export type StageChange = {
  __typename?: 'StageChange';
  /** Amount at the time of the change. */
  amount: Money;
  /** When the change happened. */
  changedAt: Scalars['DateTime']['output'];
  /** User or system that made the change. */
  changedBy: Scalars['String']['output'];
  /** Stage before the change (null for the first stage). */
  fromStageCode?: Maybe<Scalars['String']['output']>;
  /** Stage after the change. */
  toStageCode: Scalars['String']['output'];
};

/** Input to apply a lifecycle action to an amendment. */
export type TransitionContractAmendmentInput = {
  /** Action to apply. */
  action: ContractAmendmentAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Amendment to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to apply a lifecycle action to a contract. */
export type TransitionContractInput = {
  /** Action to apply. */
  action: ContractAction;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Contract to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Input to remove a won opportunity's delivery links (compensation of a failed set-up). */
export type UnlinkOpportunityDeliveryInput = {
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The opportunity. */
  opportunityId: Scalars['ID']['input'];
};

/** Input to change an account; omitted fields stay as they are. */
export type UpdateAccountInput = {
  /** New billing address. */
  billingAddress?: InputMaybe<AddressInput>;
  /** New usual billing currency. */
  defaultCurrency?: InputMaybe<Scalars['CurrencyCode']['input']>;
  /** Version the change is based on; a mismatch is a VERSION_CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Account to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New industry. */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** New legal name. */
  legalName?: InputMaybe<Scalars['String']['input']>;
  /** New trading name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New owner. */
  ownerUserId?: InputMaybe<Scalars['ID']['input']>;
  /** New relationship type. */
  type?: InputMaybe<AccountType>;
};

/** Input to change a contact; omitted fields stay as they are. */
export type UpdateContactInput = {
  /** New e-mail address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** New given name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Contact to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** New telephone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** New roles. */
  roles?: InputMaybe<Array<ContactRole>>;
  /** New job title. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Input to change a DRAFT contract; omitted fields stay as they are. */
export type UpdateContractInput = {
  /** New end date. */
  endDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Contract to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New cap. */
  notToExceed?: InputMaybe<MoneyInput>;
  /** New original value (same currency). */
  originalValue?: InputMaybe<MoneyInput>;
  /** New payment terms. */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** New start date. */
  startDate?: InputMaybe<Scalars['LocalDate']['input']>;
};

/** Input to change an opportunity's commercial fields; omitted fields stay as they are. Closed opportunities cannot be edited. */
export type UpdateOpportunityInput = {
  /** New expected value. */
  amount?: InputMaybe<MoneyInput>;
  /** Contract that formalises the deal (must belong to the same account). */
  contractId?: InputMaybe<Scalars['ID']['input']>;
  /** New expected close date. */
  expectedCloseDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** New expected start of delivery. */
  expectedStartDate?: InputMaybe<Scalars['LocalDate']['input']>;
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Opportunity to change. */
  id: Scalars['ID']['input'];
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** New legal entity. */
  legalEntityId?: InputMaybe<Scalars['ID']['input']>;
  /** New name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New billing model. */
  pricingModel?: InputMaybe<BillingModel>;
};

/** Input to win an opportunity and start its set-up across the systems. */
export type WinOpportunityInput = {
  /** Version the change is based on. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Client-chosen key (1–255 printable characters): a retry with the same key and input returns the first result; kept at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Opportunity to win. */
  opportunityId: Scalars['ID']['input'];
  /** Project manager of the project to set up (a resource); by default the legal entity's first project manager. */
  projectManagerId?: InputMaybe<Scalars['ID']['input']>;
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
  Contact: Contact;
  Contract: Contract;
  ContractAmendment: ContractAmendment;
  EntityHistory: EntityHistory;
  Opportunity: Opportunity;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Account:
    ( { __typename: 'Account' }
    & GraphQLRecursivePick<FederationTypes['Account'], {"id":true}> );
  AuditTrail:
    ( { __typename: 'AuditTrail' }
    & GraphQLRecursivePick<FederationTypes['AuditTrail'], {"correlationId":true}> );
  Contact:
    ( { __typename: 'Contact' }
    & GraphQLRecursivePick<FederationTypes['Contact'], {"id":true}> );
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  ContractAmendment:
    ( { __typename: 'ContractAmendment' }
    & GraphQLRecursivePick<FederationTypes['ContractAmendment'], {"id":true}> );
  EntityHistory:
    ( { __typename: 'EntityHistory' }
    & GraphQLRecursivePick<FederationTypes['EntityHistory'], {"entityType":true,"entityId":true}> );
  Opportunity:
    ( { __typename: 'Opportunity' }
    & GraphQLRecursivePick<FederationTypes['Opportunity'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<AccountModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AccountConnection: ResolverTypeWrapper<Omit<AccountConnection, 'edges'> & { edges: Array<ResolversTypes['AccountEdge']> }>;
  AccountEdge: ResolverTypeWrapper<Omit<AccountEdge, 'node'> & { node: ResolversTypes['Account'] }>;
  AccountFilter: AccountFilter;
  AccountType: AccountType;
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  AmendmentStatus: AmendmentStatus;
  AuditAction: AuditAction;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  AuditTrail: ResolverTypeWrapper<AuditTrail>;
  BigInt: ResolverTypeWrapper<Scalars['BigInt']['output']>;
  BillingModel: BillingModel;
  ChangeOpportunityStageInput: ChangeOpportunityStageInput;
  Contact: ResolverTypeWrapper<ContactModel>;
  ContactConnection: ResolverTypeWrapper<Omit<ContactConnection, 'edges'> & { edges: Array<ResolversTypes['ContactEdge']> }>;
  ContactEdge: ResolverTypeWrapper<Omit<ContactEdge, 'node'> & { node: ResolversTypes['Contact'] }>;
  ContactFilter: ContactFilter;
  ContactRole: ContactRole;
  Contract: ResolverTypeWrapper<ContractModel>;
  ContractAction: ContractAction;
  ContractAmendment: ResolverTypeWrapper<ContractAmendmentModel>;
  ContractAmendmentAction: ContractAmendmentAction;
  ContractConnection: ResolverTypeWrapper<Omit<ContractConnection, 'edges'> & { edges: Array<ResolversTypes['ContractEdge']> }>;
  ContractEdge: ResolverTypeWrapper<Omit<ContractEdge, 'node'> & { node: ResolversTypes['Contract'] }>;
  ContractFilter: ContractFilter;
  ContractKind: ContractKind;
  ContractStatus: ContractStatus;
  CreateAccountInput: CreateAccountInput;
  CreateContactInput: CreateContactInput;
  CreateContractAmendmentInput: CreateContractAmendmentInput;
  CreateContractInput: CreateContractInput;
  CreateOpportunityInput: CreateOpportunityInput;
  CurrencyCode: ResolverTypeWrapper<Scalars['CurrencyCode']['output']>;
  DateRange: DateRange;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  EntityHistory: ResolverTypeWrapper<EntityHistory>;
  ExternalRef: ResolverTypeWrapper<ExternalRef>;
  ExternalRefInput: ExternalRefInput;
  ForecastCategory: ForecastCategory;
  IntegrityCheck: ResolverTypeWrapper<IntegrityCheck>;
  IntegrityReport: ResolverTypeWrapper<IntegrityReport>;
  KeyBucket: ResolverTypeWrapper<KeyBucket>;
  KeySet: ResolverTypeWrapper<KeySet>;
  LinkOpportunityDeliveryInput: LinkOpportunityDeliveryInput;
  LocalDate: ResolverTypeWrapper<Scalars['LocalDate']['output']>;
  Money: ResolverTypeWrapper<MoneyModel>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Opportunity: ResolverTypeWrapper<OpportunityModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OpportunityConnection: ResolverTypeWrapper<Omit<OpportunityConnection, 'edges'> & { edges: Array<ResolversTypes['OpportunityEdge']> }>;
  OpportunityDelivery: ResolverTypeWrapper<OpportunityDelivery>;
  OpportunityEdge: ResolverTypeWrapper<Omit<OpportunityEdge, 'node'> & { node: ResolversTypes['Opportunity'] }>;
  OpportunityFilter: OpportunityFilter;
  OpportunityStage: ResolverTypeWrapper<OpportunityStageModel>;
  OrchestrationRun: ResolverTypeWrapper<OrchestrationRun>;
  OutboxBacklog: ResolverTypeWrapper<OutboxBacklog>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateChange: ResolverTypeWrapper<RateChange>;
  RateChangeInput: RateChangeInput;
  StageChange: ResolverTypeWrapper<StageChangeModel>;
  TransitionContractAmendmentInput: TransitionContractAmendmentInput;
  TransitionContractInput: TransitionContractInput;
  UnlinkOpportunityDeliveryInput: UnlinkOpportunityDeliveryInput;
  UpdateAccountInput: UpdateAccountInput;
  UpdateContactInput: UpdateContactInput;
  UpdateContractInput: UpdateContractInput;
  UpdateOpportunityInput: UpdateOpportunityInput;
  WinOpportunityInput: WinOpportunityInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: AccountModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AccountConnection: Omit<AccountConnection, 'edges'> & { edges: Array<ResolversParentTypes['AccountEdge']> };
  AccountEdge: Omit<AccountEdge, 'node'> & { node: ResolversParentTypes['Account'] };
  AccountFilter: AccountFilter;
  Address: Address;
  AddressInput: AddressInput;
  AuditEntry: AuditEntry;
  AuditTrail: AuditTrail | FederationReferenceTypes['AuditTrail'];
  BigInt: Scalars['BigInt']['output'];
  ChangeOpportunityStageInput: ChangeOpportunityStageInput;
  Contact: ContactModel;
  ContactConnection: Omit<ContactConnection, 'edges'> & { edges: Array<ResolversParentTypes['ContactEdge']> };
  ContactEdge: Omit<ContactEdge, 'node'> & { node: ResolversParentTypes['Contact'] };
  ContactFilter: ContactFilter;
  Contract: ContractModel;
  ContractAmendment: ContractAmendmentModel;
  ContractConnection: Omit<ContractConnection, 'edges'> & { edges: Array<ResolversParentTypes['ContractEdge']> };
  ContractEdge: Omit<ContractEdge, 'node'> & { node: ResolversParentTypes['Contract'] };
  ContractFilter: ContractFilter;
  CreateAccountInput: CreateAccountInput;
  CreateContactInput: CreateContactInput;
  CreateContractAmendmentInput: CreateContractAmendmentInput;
  CreateContractInput: CreateContractInput;
  CreateOpportunityInput: CreateOpportunityInput;
  CurrencyCode: Scalars['CurrencyCode']['output'];
  DateRange: DateRange;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  EntityHistory: EntityHistory | FederationReferenceTypes['EntityHistory'];
  ExternalRef: ExternalRef;
  ExternalRefInput: ExternalRefInput;
  IntegrityCheck: IntegrityCheck;
  IntegrityReport: IntegrityReport;
  KeyBucket: KeyBucket;
  KeySet: KeySet;
  LinkOpportunityDeliveryInput: LinkOpportunityDeliveryInput;
  LocalDate: Scalars['LocalDate']['output'];
  Money: MoneyModel;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  Opportunity: OpportunityModel;
  Boolean: Scalars['Boolean']['output'];
  OpportunityConnection: Omit<OpportunityConnection, 'edges'> & { edges: Array<ResolversParentTypes['OpportunityEdge']> };
  OpportunityDelivery: OpportunityDelivery;
  OpportunityEdge: Omit<OpportunityEdge, 'node'> & { node: ResolversParentTypes['Opportunity'] };
  OpportunityFilter: OpportunityFilter;
  OpportunityStage: OpportunityStageModel;
  OrchestrationRun: OrchestrationRun;
  OutboxBacklog: OutboxBacklog;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RateChange: RateChange;
  RateChangeInput: RateChangeInput;
  StageChange: StageChangeModel;
  TransitionContractAmendmentInput: TransitionContractAmendmentInput;
  TransitionContractInput: TransitionContractInput;
  UnlinkOpportunityDeliveryInput: UnlinkOpportunityDeliveryInput;
  UpdateAccountInput: UpdateAccountInput;
  UpdateContactInput: UpdateContactInput;
  UpdateContractInput: UpdateContractInput;
  UpdateOpportunityInput: UpdateOpportunityInput;
  WinOpportunityInput: WinOpportunityInput;
};

export type AccountResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account'], FederationReferenceType extends FederationReferenceTypes['Account'] = FederationReferenceTypes['Account']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Account']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billingAddress?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  contracts?: Resolver<Maybe<Array<ResolversTypes['Contract']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  defaultCurrency?: Resolver<Maybe<ResolversTypes['CurrencyCode']>, ParentType, ContextType>;
  externalRefs?: Resolver<Array<ResolversTypes['ExternalRef']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  industry?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opportunities?: Resolver<Maybe<Array<ResolversTypes['Opportunity']>>, ParentType, ContextType>;
  ownerUserId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentAccount?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AccountType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AccountConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['AccountConnection'] = ResolversParentTypes['AccountConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AccountEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AccountEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['AccountEdge'] = ResolversParentTypes['AccountEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
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

export type AuditTrailResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['AuditTrail'] = ResolversParentTypes['AuditTrail'], FederationReferenceType extends FederationReferenceTypes['AuditTrail'] = FederationReferenceTypes['AuditTrail']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuditTrail']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  crm?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
};

export interface BigIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['BigInt'], any> {
  name: 'BigInt';
}

export type ContactResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact'], FederationReferenceType extends FederationReferenceTypes['Contact'] = FederationReferenceTypes['Contact']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contact']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['ContactRole']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactConnection'] = ResolversParentTypes['ContactConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContactEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ContactEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContactEdge'] = ResolversParentTypes['ContactEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Contact'], ParentType, ContextType>;
};

export type ContractResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  activatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  amendments?: Resolver<Array<ResolversTypes['ContractAmendment']>, ParentType, ContextType>;
  billingModel?: Resolver<ResolversTypes['BillingModel'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ContractKind'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notToExceed?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  originalValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  parentContract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  paymentTermsDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  signedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContractStatus'], ParentType, ContextType>;
  totalContractValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContractAmendmentResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContractAmendment'] = ResolversParentTypes['ContractAmendment'], FederationReferenceType extends FederationReferenceTypes['ContractAmendment'] = FederationReferenceTypes['ContractAmendment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ContractAmendment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  changeRequestId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  contract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  effectiveDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  executedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rateChanges?: Resolver<Array<ResolversTypes['RateChange']>, ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AmendmentStatus'], ParentType, ContextType>;
  valueDelta?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContractConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContractConnection'] = ResolversParentTypes['ContractConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContractEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ContractEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContractEdge'] = ResolversParentTypes['ContractEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Contract'], ParentType, ContextType>;
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

export type EntityHistoryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['EntityHistory'] = ResolversParentTypes['EntityHistory'], FederationReferenceType extends FederationReferenceTypes['EntityHistory'] = FederationReferenceTypes['EntityHistory']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EntityHistory']> | FederationReferenceType, FederationReferenceType, ContextType>;
  crm?: Resolver<Maybe<Array<ResolversTypes['AuditEntry']>>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ExternalRefResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ExternalRef'] = ResolversParentTypes['ExternalRef']> = {
  externalId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IntegrityCheckResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['IntegrityCheck'] = ResolversParentTypes['IntegrityCheck']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  samples?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  violations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntegrityReportResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['IntegrityReport'] = ResolversParentTypes['IntegrityReport']> = {
  checks?: Resolver<Array<ResolversTypes['IntegrityCheck']>, ParentType, ContextType>;
  outbox?: Resolver<ResolversTypes['OutboxBacklog'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  set?: Resolver<Maybe<ResolversTypes['KeySet']>, ParentType, ContextType, RequireFields<IntegrityReportSetArgs, 'name'>>;
  sets?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type KeyBucketResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['KeyBucket'] = ResolversParentTypes['KeyBucket']> = {
  bucket?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type KeySetResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['KeySet'] = ResolversParentTypes['KeySet']> = {
  buckets?: Resolver<Array<ResolversTypes['KeyBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<KeySetKeysArgs, 'bucket'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface LocalDateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['LocalDate'], any> {
  name: 'LocalDate';
}

export type MoneyResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  amountMinor?: Resolver<ResolversTypes['BigInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  changeOpportunityStage?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationChangeOpportunityStageArgs, 'input'>>;
  createAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationCreateAccountArgs, 'input'>>;
  createContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<MutationCreateContactArgs, 'input'>>;
  createContract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType, RequireFields<MutationCreateContractArgs, 'input'>>;
  createContractAmendment?: Resolver<ResolversTypes['ContractAmendment'], ParentType, ContextType, RequireFields<MutationCreateContractAmendmentArgs, 'input'>>;
  createOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationCreateOpportunityArgs, 'input'>>;
  linkOpportunityDelivery?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationLinkOpportunityDeliveryArgs, 'input'>>;
  transitionContract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType, RequireFields<MutationTransitionContractArgs, 'input'>>;
  transitionContractAmendment?: Resolver<ResolversTypes['ContractAmendment'], ParentType, ContextType, RequireFields<MutationTransitionContractAmendmentArgs, 'input'>>;
  unlinkOpportunityDelivery?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationUnlinkOpportunityDeliveryArgs, 'input'>>;
  updateAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationUpdateAccountArgs, 'input'>>;
  updateContact?: Resolver<ResolversTypes['Contact'], ParentType, ContextType, RequireFields<MutationUpdateContactArgs, 'input'>>;
  updateContract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType, RequireFields<MutationUpdateContractArgs, 'input'>>;
  updateOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationUpdateOpportunityArgs, 'input'>>;
  winOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationWinOpportunityArgs, 'input'>>;
};

export type OpportunityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Opportunity'] = ResolversParentTypes['Opportunity'], FederationReferenceType extends FederationReferenceTypes['Opportunity'] = FederationReferenceTypes['Opportunity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Opportunity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<ResolversTypes['Account'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  closedWonAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delivery?: Resolver<Maybe<ResolversTypes['OpportunityDelivery']>, ParentType, ContextType>;
  expectedCloseDate?: Resolver<ResolversTypes['LocalDate'], ParentType, ContextType>;
  expectedStartDate?: Resolver<Maybe<ResolversTypes['LocalDate']>, ParentType, ContextType>;
  forecastCategory?: Resolver<ResolversTypes['ForecastCategory'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isClosed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isWon?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  legalEntityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lossReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerUserId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pricingModel?: Resolver<ResolversTypes['BillingModel'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['OrchestrationRun']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['OpportunityStage'], ParentType, ContextType>;
  stageCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stageHistory?: Resolver<Array<ResolversTypes['StageChange']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OpportunityConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OpportunityConnection'] = ResolversParentTypes['OpportunityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OpportunityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type OpportunityDeliveryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OpportunityDelivery'] = ResolversParentTypes['OpportunityDelivery']> = {
  billingScheduleId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  customerFinancialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  linkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OpportunityEdgeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OpportunityEdge'] = ResolversParentTypes['OpportunityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType>;
};

export type OpportunityStageResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OpportunityStage'] = ResolversParentTypes['OpportunityStage']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  defaultProbability?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  forecastCategory?: Resolver<ResolversTypes['ForecastCategory'], ParentType, ContextType>;
  isClosed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isWon?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sortOrder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrchestrationRunResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OrchestrationRun'] = ResolversParentTypes['OrchestrationRun']> = {
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OutboxBacklogResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['OutboxBacklog'] = ResolversParentTypes['OutboxBacklog']> = {
  failing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestUnpublishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  unpublished?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType, RequireFields<QueryAccountArgs, 'id'>>;
  accounts?: Resolver<ResolversTypes['AccountConnection'], ParentType, ContextType, RequireFields<QueryAccountsArgs, 'first'>>;
  auditTrail?: Resolver<Maybe<ResolversTypes['AuditTrail']>, ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'correlationId'>>;
  contact?: Resolver<Maybe<ResolversTypes['Contact']>, ParentType, ContextType, RequireFields<QueryContactArgs, 'id'>>;
  contacts?: Resolver<ResolversTypes['ContactConnection'], ParentType, ContextType, RequireFields<QueryContactsArgs, 'first'>>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<QueryContractArgs, 'id'>>;
  contractAmendment?: Resolver<Maybe<ResolversTypes['ContractAmendment']>, ParentType, ContextType, RequireFields<QueryContractAmendmentArgs, 'id'>>;
  contracts?: Resolver<Maybe<ResolversTypes['ContractConnection']>, ParentType, ContextType, RequireFields<QueryContractsArgs, 'first'>>;
  crmIntegrity?: Resolver<Maybe<ResolversTypes['IntegrityReport']>, ParentType, ContextType>;
  entityHistory?: Resolver<Maybe<ResolversTypes['EntityHistory']>, ParentType, ContextType, RequireFields<QueryEntityHistoryArgs, 'entityId' | 'entityType'>>;
  opportunities?: Resolver<Maybe<ResolversTypes['OpportunityConnection']>, ParentType, ContextType, RequireFields<QueryOpportunitiesArgs, 'first'>>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType, RequireFields<QueryOpportunityArgs, 'id'>>;
  opportunityStages?: Resolver<Array<ResolversTypes['OpportunityStage']>, ParentType, ContextType>;
};

export type RateChangeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['RateChange'] = ResolversParentTypes['RateChange']> = {
  billRate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roleCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StageChangeResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['StageChange'] = ResolversParentTypes['StageChange']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  changedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  changedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStageCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  toStageCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = CrmContext> = {
  Account?: AccountResolvers<ContextType>;
  AccountConnection?: AccountConnectionResolvers<ContextType>;
  AccountEdge?: AccountEdgeResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditTrail?: AuditTrailResolvers<ContextType>;
  BigInt?: GraphQLScalarType;
  Contact?: ContactResolvers<ContextType>;
  ContactConnection?: ContactConnectionResolvers<ContextType>;
  ContactEdge?: ContactEdgeResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  ContractAmendment?: ContractAmendmentResolvers<ContextType>;
  ContractConnection?: ContractConnectionResolvers<ContextType>;
  ContractEdge?: ContractEdgeResolvers<ContextType>;
  CurrencyCode?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  EntityHistory?: EntityHistoryResolvers<ContextType>;
  ExternalRef?: ExternalRefResolvers<ContextType>;
  IntegrityCheck?: IntegrityCheckResolvers<ContextType>;
  IntegrityReport?: IntegrityReportResolvers<ContextType>;
  KeyBucket?: KeyBucketResolvers<ContextType>;
  KeySet?: KeySetResolvers<ContextType>;
  LocalDate?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Opportunity?: OpportunityResolvers<ContextType>;
  OpportunityConnection?: OpportunityConnectionResolvers<ContextType>;
  OpportunityDelivery?: OpportunityDeliveryResolvers<ContextType>;
  OpportunityEdge?: OpportunityEdgeResolvers<ContextType>;
  OpportunityStage?: OpportunityStageResolvers<ContextType>;
  OrchestrationRun?: OrchestrationRunResolvers<ContextType>;
  OutboxBacklog?: OutboxBacklogResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RateChange?: RateChangeResolvers<ContextType>;
  StageChange?: StageChangeResolvers<ContextType>;
};

