import { insertAudited, saveVersioned, Where, writeTransaction, type Database, type Queryable, type UnitOfWork } from '../../../../platform/db/index.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import type { Invocation } from '../../../../platform/domain/invocation.js';
import type { AccountQuery, ContactQuery, ContractQuery, CrmRepository, CrmWriter, OpportunityQuery, Page, RowScope } from './port.js';
import { accounts, amendments, contacts, contracts, opportunities, stageHistory, stages } from './tables.js';
import type { Account, Contact, Contract, ContractAmendment, Opportunity, OpportunityStage } from '../domain/types.js';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function readStages(db: Queryable): Promise<OpportunityStage[]> {
  return stages.findWhere(db, 'TRUE', [], 'sort_order');
}

/** For the audit trail, an opportunity's status is its stage. */
function withStageAsStatus(o: Opportunity): Opportunity {
  const audited: Opportunity & { status: string } = { ...o, status: o.stageCode };
  return audited;
}

class SqlCrmWriter implements CrmWriter {
  constructor(private readonly db: UnitOfWork) {}
  emit(...events: EventDraft[]) { this.db.emit(...events); }
  stages() { return readStages(this.db); }
  lockAccount(id: string) { return accounts.findForUpdate(this.db, id); }
  lockContact(id: string) { return contacts.findForUpdate(this.db, id); }
  lockOpportunity(id: string) { return opportunities.findForUpdate(this.db, id); }
  lockContract(id: string) { return contracts.findForUpdate(this.db, id); }
  lockAmendment(id: string) { return amendments.findForUpdate(this.db, id); }
  async nextAmendmentSequence(contractId: string) {
    const rows = await this.db.query<{ n: number }>('SELECT COALESCE(MAX(sequence), 0)::int + 1 AS n FROM contract_amendments WHERE contract_id = $1', [contractId]);
    return Number(rows[0]?.n ?? 1);
  }
  async insertAccount(a: Account) { await insertAudited(this.db, accounts, 'Account', a); }
  async insertContact(c: Contact) { await insertAudited(this.db, contacts, 'Contact', c); }
  async insertOpportunity(o: Opportunity) { await insertAudited(this.db, opportunities, 'Opportunity', withStageAsStatus(o)); }
  insertStageChange(s: import('../domain/types.js').StageChange) { return stageHistory.insert(this.db, s); }
  async insertContract(c: Contract) { await insertAudited(this.db, contracts, 'Contract', c); }
  async insertAmendment(a: ContractAmendment) { await insertAudited(this.db, amendments, 'ContractAmendment', a); }
  saveAccount(next: Account, before: Account) { return saveVersioned(this.db, accounts, 'Account', next, before); }
  saveContact(next: Contact, before: Contact) { return saveVersioned(this.db, contacts, 'Contact', next, before); }
  // An opportunity's status, for the audit trail, is its stage.
  async saveOpportunity(next: Opportunity, before: Opportunity) {
    await saveVersioned(this.db, opportunities, 'Opportunity', withStageAsStatus(next), withStageAsStatus(before));
    return next;
  }
  saveContract(next: Contract, before: Contract) { return saveVersioned(this.db, contracts, 'Contract', next, before); }
  saveAmendment(next: ContractAmendment, before: ContractAmendment) { return saveVersioned(this.db, amendments, 'ContractAmendment', next, before); }
}

/** The built-in crm store: SQL over PGlite or PostgreSQL. */
export class SqlCrmRepository implements CrmRepository {
  constructor(private readonly db: Database) {}

  accountsByIds(ids: readonly string[]) { return accounts.findByIds(this.db, ids); }
  contactsByIds(ids: readonly string[]) { return contacts.findByIds(this.db, ids); }
  opportunitiesByIds(ids: readonly string[]) { return opportunities.findByIds(this.db, ids); }
  contractsByIds(ids: readonly string[]) { return contracts.findByIds(this.db, ids); }
  amendmentsByIds(ids: readonly string[]) { return amendments.findByIds(this.db, ids); }

  contactsByAccountIds(ids: readonly string[]) { return contacts.findWhere(this.db, 'account_id = ANY($1::text[])', [ids], 'last_name, first_name, id'); }
  opportunitiesByAccountIds(ids: readonly string[]) { return opportunities.findWhere(this.db, 'account_id = ANY($1::text[])', [ids], 'created_at DESC, id'); }
  contractsByAccountIds(ids: readonly string[]) { return contracts.findWhere(this.db, 'account_id = ANY($1::text[])', [ids], 'start_date DESC, id'); }
  amendmentsByContractIds(ids: readonly string[]) { return amendments.findWhere(this.db, 'contract_id = ANY($1::text[])', [ids], 'contract_id, sequence'); }
  stageHistoryByOpportunityIds(ids: readonly string[]) { return stageHistory.findWhere(this.db, 'opportunity_id = ANY($1::text[])', [ids], 'changed_at, id'); }
  stages() { return readStages(this.db); }

  pageAccounts(q: AccountQuery, first: number, afterId: string | null): Promise<Page<Account>> {
    const where = new Where().in('type', q.types).eq('owner_user_id', q.ownerUserId);
    if (q.nameContains) where.raw(`name ILIKE ? ESCAPE '\\'`, `%${escapeLike(q.nameContains)}%`);
    return accounts.page(this.db, where, first, afterId);
  }
  pageContacts(q: ContactQuery, first: number, afterId: string | null): Promise<Page<Contact>> {
    return contacts.page(this.db, new Where().eq('account_id', q.accountId), first, afterId);
  }
  pageOpportunities(q: OpportunityQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Opportunity>> {
    const where = new Where().eq('account_id', q.accountId).in('stage_code', q.stageCodes).eq('legal_entity_id', q.legalEntityId).range('expected_close_date', q.expectedCloseDate)
      .scope('legal_entity_id', scope.legalEntityIds);
    if (q.isClosed !== undefined && q.isClosed !== null) where.raw('stage_code IN (SELECT code FROM opportunity_stages WHERE is_closed = ?)', q.isClosed);
    if (q.isWon !== undefined && q.isWon !== null) where.raw('stage_code IN (SELECT code FROM opportunity_stages WHERE is_won = ?)', q.isWon);
    return opportunities.page(this.db, where, first, afterId);
  }
  pageContracts(q: ContractQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Contract>> {
    const where = new Where().eq('account_id', q.accountId).in('status', q.statuses).eq('legal_entity_id', q.legalEntityId).range('start_date', q.startDate)
      .scope('legal_entity_id', scope.legalEntityIds);
    return contracts.page(this.db, where, first, afterId);
  }

  transaction<T>(inv: Invocation, work: (tx: CrmWriter) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, inv, (uow) => work(new SqlCrmWriter(uow)));
  }
}
