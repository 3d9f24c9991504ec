import type { Account, Contact, Contract, ContractAmendment, ContractStatus, Opportunity, OpportunityStage, StageChange, AccountType } from '../domain/types.js';

import type { Invocation } from '../../../../platform/domain/invocation.js';
import type { EventDraft } from '../../../../platform/events/event.js';

/** Row restriction of a list query: the legal entities the caller may see (null = all). */
export interface RowScope {
  legalEntityIds: string[] | null;
}

/** A page of records in id order. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}

/** Filters of the list queries (all optional, combined with AND). */
export interface AccountQuery { types?: AccountType[] | null; nameContains?: string | null; ownerUserId?: string | null }
export interface ContactQuery { accountId?: string | null }
export interface OpportunityQuery {
  accountId?: string | null; stageCodes?: string[] | null; isClosed?: boolean | null; isWon?: boolean | null;
  legalEntityId?: string | null; expectedCloseDate?: { from?: string | null; to?: string | null } | null;
}
export interface ContractQuery { accountId?: string | null; statuses?: ContractStatus[] | null; legalEntityId?: string | null; startDate?: { from?: string | null; to?: string | null } | null }

/**
 * The crm system-of-record port. The built-in implementation is SQL on PGlite or PostgreSQL; an adapter to an
 * external CRM (Salesforce, HubSpot) can stand behind the same interface.
 *
 * Batch reads take many keys and answer in one round trip, so DataLoaders can coalesce a whole query level.
 */
export interface CrmRepository {
  accountsByIds(ids: readonly string[]): Promise<Account[]>;
  contactsByIds(ids: readonly string[]): Promise<Contact[]>;
  opportunitiesByIds(ids: readonly string[]): Promise<Opportunity[]>;
  contractsByIds(ids: readonly string[]): Promise<Contract[]>;
  amendmentsByIds(ids: readonly string[]): Promise<ContractAmendment[]>;

  contactsByAccountIds(accountIds: readonly string[]): Promise<Contact[]>;
  opportunitiesByAccountIds(accountIds: readonly string[]): Promise<Opportunity[]>;
  contractsByAccountIds(accountIds: readonly string[]): Promise<Contract[]>;
  amendmentsByContractIds(contractIds: readonly string[]): Promise<ContractAmendment[]>;
  stageHistoryByOpportunityIds(opportunityIds: readonly string[]): Promise<StageChange[]>;
  stages(): Promise<OpportunityStage[]>;

  pageAccounts(query: AccountQuery, first: number, afterId: string | null): Promise<Page<Account>>;
  pageContacts(query: ContactQuery, first: number, afterId: string | null): Promise<Page<Contact>>;
  pageOpportunities(query: OpportunityQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Opportunity>>;
  pageContracts(query: ContractQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Contract>>;

  /** Runs `work` atomically on behalf of `inv`: every write inside, and its audit record, commits together or not at all. */
  transaction<T>(inv: Invocation, work: (tx: CrmWriter) => Promise<T>): Promise<T>;
}

/** Reads that lock and writes, available inside a transaction. */
export interface CrmWriter {
  /** Queues domain events, written to the outbox with this transaction. */
  emit(...events: EventDraft[]): void;
  stages(): Promise<OpportunityStage[]>;
  lockAccount(id: string): Promise<Account | null>;
  lockContact(id: string): Promise<Contact | null>;
  lockOpportunity(id: string): Promise<Opportunity | null>;
  lockContract(id: string): Promise<Contract | null>;
  lockAmendment(id: string): Promise<ContractAmendment | null>;
  nextAmendmentSequence(contractId: string): Promise<number>;

  insertAccount(a: Account): Promise<void>;
  insertContact(c: Contact): Promise<void>;
  insertOpportunity(o: Opportunity): Promise<void>;
  insertStageChange(s: StageChange): Promise<void>;
  insertContract(c: Contract): Promise<void>;
  insertAmendment(a: ContractAmendment): Promise<void>;

  /** Each save writes only if the stored row is still at `before`'s version (else VERSION_CONFLICT), and is audited. */
  saveAccount(next: Account, before: Account): Promise<Account>;
  saveContact(next: Contact, before: Contact): Promise<Contact>;
  saveOpportunity(next: Opportunity, before: Opportunity): Promise<Opportunity>;
  saveContract(next: Contract, before: Contract): Promise<Contract>;
  saveAmendment(next: ContractAmendment, before: ContractAmendment): Promise<ContractAmendment>;
}
