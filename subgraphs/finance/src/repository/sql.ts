import {
  auditChange, insertAudited, saveVersioned, Where, writeTransaction, type Database, type Queryable, type Table, type UnitOfWork,
} from '../../../../platform/db/index.js';
import { DomainError, ErrorCode, type Invocation } from '../../../../platform/domain/index.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import { money, type Money } from '../../../../platform/money/index.js';
import type { PostedJournal } from '../domain/journal.js';
import type {
  ApplicationKind, CustomerFinancial, ExchangeRate, JournalEntry, JournalSource, Payment, RateType, Receivable, ReceivableApplication,
  RevenueSchedule, RevenueScheduleLine, RevenueScheduleModification,
} from '../domain/types.js';
import type {
  CustomerFinancialQuery, CustomerKey, ExchangeRateQuery, FinanceRepository, FinanceWriter, JournalEntryQuery, Page, PaymentQuery,
  ReceivableQuery, RowScope, SequenceKind,
} from './port.js';
import {
  applications, customerFinancials, exchangeRates, journalEntries, journalLines, legalEntities, payments, receivables, revenueLines,
  revenueModifications, revenueSchedules,
} from './tables.js';

const SETTLEABLE_SQL = `('OPEN', 'PARTIALLY_PAID')`;

/** Numeric aggregates arrive as decimal text (or bigint for int8); both convert exactly. */
const toBigInt = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(String(v)));

function latestRateSql(direction: 1 | 2): string {
  const [a, b] = direction === 1 ? ['$1', '$2'] : ['$2', '$1'];
  return `(SELECT ${exchangeRates.selectList} FROM exchange_rates WHERE from_currency = ${a} AND to_currency = ${b} AND rate_type = $4 AND rate_date <= $3 ORDER BY rate_date DESC LIMIT 1)`;
}

async function effectiveRate(db: Queryable, from: string, to: string, on: string, rateType: RateType): Promise<ExchangeRate | null> {
  const rows = await db.query(latestRateSql(1), [from, to, on, rateType]);
  return rows[0] ? exchangeRates.fromRow(rows[0]) : null;
}

async function customersByKeys(db: Queryable, keys: readonly CustomerKey[]): Promise<CustomerFinancial[]> {
  if (keys.length === 0) return [];
  return customerFinancials.findWhere(
    db,
    '(crm_account_id, legal_entity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
    [keys.map((k) => k.crmAccountId), keys.map((k) => k.legalEntityId)],
  );
}

/** Inserts a record or, when its id exists, overwrites every other column. */
async function upsertById<T extends { id: string }>(db: Queryable, table: Table<T>, record: T): Promise<void> {
  const names = table.columnNames();
  const placeholders = names.map((_, i) => `$${i + 1}`).join(', ');
  const updates = names.filter((n) => n !== 'id').map((n) => `${n} = EXCLUDED.${n}`).join(', ');
  await db.query(`INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${placeholders}) ON CONFLICT (id) DO UPDATE SET ${updates}`, table.toValues(record));
}

class SqlFinanceWriter implements FinanceWriter {
  constructor(private readonly db: UnitOfWork) {}

  emit(...events: EventDraft[]) { this.db.emit(...events); }

  async legalEntity(id: string) {
    return (await legalEntities.findByIds(this.db, [id]))[0] ?? null;
  }
  async conversionCandidates(from: string, to: string, on: string) {
    const rows = await this.db.query(`${latestRateSql(1)} UNION ALL ${latestRateSql(2)}`, [from, to, on, 'SPOT']);
    return rows.map((r) => exchangeRates.fromRow(r));
  }
  async exchangeRateByNaturalKey(from: string, to: string, rateDate: string, rateType: RateType) {
    const rows = await exchangeRates.findWhere(this.db, 'from_currency = $1 AND to_currency = $2 AND rate_date = $3 AND rate_type = $4', [from, to, rateDate, rateType]);
    return rows[0] ?? null;
  }
  async insertExchangeRate(rate: ExchangeRate) { await insertAudited(this.db, exchangeRates, 'ExchangeRate', rate); }

  async nextSequence(legalEntityId: string, kind: SequenceKind): Promise<bigint> {
    const bumped = await this.db.query<{ last_value: unknown }>(
      'UPDATE ledger_counters SET last_value = last_value + 1 WHERE legal_entity_id = $1 AND kind = $2 RETURNING last_value',
      [legalEntityId, kind],
    );
    if (bumped[0]) return toBigInt(bumped[0].last_value);
    // First use in this legal entity: continue after numbers already present (for example bulk-seeded history).
    const existing = kind === 'JOURNAL'
      ? `SELECT COALESCE(MAX(substring(number FROM 4)::bigint), 0) FROM journal_entries WHERE legal_entity_id = $1 AND number ~ '^JE-[0-9]{1,18}$'`
      : `SELECT COALESCE(MAX(substring(customer_number FROM 2)::bigint), 0) FROM customer_financials WHERE legal_entity_id = $1 AND customer_number ~ '^C[0-9]{1,18}$'`;
    const created = await this.db.query<{ last_value: unknown }>(
      `INSERT INTO ledger_counters AS c (legal_entity_id, kind, last_value) VALUES ($1, $2, (${existing}) + 1)
       ON CONFLICT (legal_entity_id, kind) DO UPDATE SET last_value = c.last_value + 1 RETURNING last_value`,
      [legalEntityId, kind],
    );
    return toBigInt(created[0]?.last_value);
  }

  async customerFinancial(id: string) { return (await customerFinancials.findByIds(this.db, [id]))[0] ?? null; }
  async customerFinancialByKey(key: CustomerKey) { return (await customersByKeys(this.db, [key]))[0] ?? null; }
  lockCustomerFinancial(id: string) { return customerFinancials.findForUpdate(this.db, id); }
  async lockCustomerFinancialByKey(key: CustomerKey) {
    const rows = await this.db.query(
      `SELECT ${customerFinancials.selectList} FROM customer_financials WHERE crm_account_id = $1 AND legal_entity_id = $2 FOR UPDATE`,
      [key.crmAccountId, key.legalEntityId],
    );
    return rows[0] ? customerFinancials.fromRow(rows[0]) : null;
  }
  async insertCustomerFinancial(c: CustomerFinancial) { await insertAudited(this.db, customerFinancials, 'CustomerFinancial', c); }
  saveCustomerFinancial(next: CustomerFinancial, before: CustomerFinancial) { return saveVersioned(this.db, customerFinancials, 'CustomerFinancial', next, before); }

  async receivable(id: string) { return (await receivables.findByIds(this.db, [id]))[0] ?? null; }
  async lockReceivableByInvoiceId(invoiceId: string) {
    const rows = await this.db.query(`SELECT ${receivables.selectList} FROM receivables WHERE invoice_id = $1 FOR UPDATE`, [invoiceId]);
    return rows[0] ? receivables.fromRow(rows[0]) : null;
  }
  async lockReceivables(ids: readonly string[]) {
    if (ids.length === 0) return [];
    const rows = await this.db.query(`SELECT ${receivables.selectList} FROM receivables WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [ids]);
    return rows.map((r) => receivables.fromRow(r));
  }
  async insertReceivable(r: Receivable) { await insertAudited(this.db, receivables, 'Receivable', r); }
  saveReceivable(next: Receivable, before: Receivable) { return saveVersioned(this.db, receivables, 'Receivable', next, before); }

  liveApplications(receivableIds: readonly string[]) {
    if (receivableIds.length === 0) return Promise.resolve([]);
    return applications.findWhere(this.db, 'receivable_id = ANY($1::text[]) AND reversed_at IS NULL', [receivableIds], 'created_at, id');
  }
  applicationsBySource(kind: ApplicationKind, sourceId: string) {
    return applications.findWhere(this.db, 'kind = $1 AND source_id = $2', [kind, sourceId], 'created_at, id');
  }
  insertApplications(apps: readonly ReceivableApplication[]) { return applications.insertMany(this.db, apps); }
  async markApplicationsReversed(ids: readonly string[], reversedAt: string) {
    if (ids.length === 0) return;
    await this.db.query('UPDATE receivable_applications SET reversed_at = $2 WHERE id = ANY($1::text[]) AND reversed_at IS NULL', [ids, reversedAt]);
  }

  lockPayment(id: string) { return payments.findForUpdate(this.db, id); }
  async paymentByBankReference(legalEntityId: string, bankReference: string) {
    const rows = await payments.findWhere(this.db, 'legal_entity_id = $1 AND bank_reference = $2', [legalEntityId, bankReference]);
    return rows[0] ?? null;
  }
  async insertPayment(p: Payment) { await insertAudited(this.db, payments, 'Payment', p); }
  savePayment(next: Payment, before: Payment) { return saveVersioned(this.db, payments, 'Payment', next, before); }

  lockJournalEntry(id: string) { return journalEntries.findForUpdate(this.db, id); }
  async journalBySource(sourceType: JournalSource, sourceId: string) {
    const rows = await journalEntries.findWhere(this.db, 'source_id = $1 AND source_type = $2', [sourceId, sourceType], 'created_at, id');
    return rows[0] ?? null;
  }
  journalLines(entryId: string) { return journalLines.findWhere(this.db, 'journal_entry_id = $1', [entryId], 'line_no'); }
  async insertJournal(journal: PostedJournal) {
    // Sent together; the lines run after the entry they belong to.
    await Promise.all([insertAudited(this.db, journalEntries, 'JournalEntry', journal.entry), journalLines.insertMany(this.db, journal.lines)]);
  }
  async markJournalReversed(next: JournalEntry, before: JournalEntry) {
    const rows = await this.db.query(`UPDATE journal_entries SET status = 'REVERSED' WHERE id = $1 AND status = 'POSTED' RETURNING id`, [next.id]);
    if (rows.length !== 1) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `Journal entry ${next.number} is no longer POSTED`, { entity: 'JournalEntry', id: next.id });
    }
    // Journal entries carry no version (they are immutable but for this status flag): the audit records the transition.
    this.db.audit(auditChange('JournalEntry', before, next));
  }

  lockRevenueSchedule(id: string) { return revenueSchedules.findForUpdate(this.db, id); }
  async lockSchedulesOfProjects(projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${revenueSchedules.selectList} FROM revenue_schedules WHERE project_id = ANY($1::text[]) AND status <> 'CANCELLED' ORDER BY id FOR UPDATE`,
      [projectIds],
    );
    return rows.map((r) => revenueSchedules.fromRow(r));
  }
  async liveScheduleOfProject(projectId: string) {
    const rows = await revenueSchedules.findWhere(this.db, `project_id = $1 AND status IN ('DRAFT', 'ACTIVE')`, [projectId]);
    return rows[0] ?? null;
  }
  async lockLiveScheduleOfProject(projectId: string) {
    const rows = await this.db.query(`SELECT ${revenueSchedules.selectList} FROM revenue_schedules WHERE project_id = $1 AND status IN ('DRAFT', 'ACTIVE') FOR UPDATE`, [projectId]);
    return rows[0] ? revenueSchedules.fromRow(rows[0]) : null;
  }
  revenueLines(scheduleIds: readonly string[]) {
    if (scheduleIds.length === 0) return Promise.resolve([]);
    return revenueLines.findWhere(this.db, 'revenue_schedule_id = ANY($1::text[])', [scheduleIds], 'revenue_schedule_id, period, id');
  }
  async insertRevenueSchedule(s: RevenueSchedule) { await insertAudited(this.db, revenueSchedules, 'RevenueSchedule', s); }
  saveRevenueSchedule(next: RevenueSchedule, before: RevenueSchedule) { return saveVersioned(this.db, revenueSchedules, 'RevenueSchedule', next, before); }
  insertRevenueLines(lines: readonly RevenueScheduleLine[]) { return revenueLines.insertMany(this.db, lines); }
  async upsertRevenueLines(lines: readonly RevenueScheduleLine[]) {
    for (const line of lines) await upsertById(this.db, revenueLines, line);
  }
  async saveRevenueLinePlans(lines: readonly RevenueScheduleLine[]) {
    if (lines.length === 0) return;
    await this.db.query(
      `UPDATE revenue_schedule_lines l SET planned_amount_minor = u.amount, planned_amount_currency = u.currency
         FROM unnest($1::text[], $2::bigint[], $3::text[]) AS u(id, amount, currency) WHERE l.id = u.id AND l.id = ANY($1::text[])`,
      [lines.map((l) => l.id), lines.map((l) => l.plannedAmount.amountMinor.toString()), lines.map((l) => l.plannedAmount.currency)],
    );
  }
  async modificationByAmendment(projectId: string, amendmentId: string) {
    return (await revenueModifications.findWhere(this.db, 'project_id = $1 AND amendment_id = $2', [projectId, amendmentId]))[0] ?? null;
  }
  insertModification(m: RevenueScheduleModification) { return revenueModifications.insertMany(this.db, [m]); }
}

/** The built-in finance store: SQL over PGlite or PostgreSQL. */
export class SqlFinanceRepository implements FinanceRepository {
  constructor(private readonly db: Database) {}

  legalEntitiesByIds(ids: readonly string[]) { return legalEntities.findByIds(this.db, ids); }
  allLegalEntities(scope: RowScope) {
    const where = new Where().scope('id', scope.legalEntityIds);
    return legalEntities.findWhere(this.db, where.toSql(), where.params);
  }
  exchangeRatesByIds(ids: readonly string[]) { return exchangeRates.findByIds(this.db, ids); }
  effectiveRate(from: string, to: string, on: string, rateType: RateType) { return effectiveRate(this.db, from, to, on, rateType); }
  customerFinancialsByIds(ids: readonly string[]) { return customerFinancials.findByIds(this.db, ids); }
  customerFinancialsByKeys(keys: readonly CustomerKey[]) { return customersByKeys(this.db, keys); }
  customerFinancialsByAccountIds(ids: readonly string[]) {
    return customerFinancials.findWhere(this.db, 'crm_account_id = ANY($1::text[])', [ids], 'legal_entity_id, id');
  }
  async openBalances(customerIds: readonly string[]): Promise<Map<string, Money>> {
    const rows = await this.db.query<{ id: string; currency: string; total: unknown }>(
      `SELECT c.id, c.currency, COALESCE(SUM(r.open_amount_minor), 0) AS total
         FROM customer_financials c
         LEFT JOIN receivables r ON r.customer_financial_id = c.id AND r.currency = c.currency
        WHERE c.id = ANY($1::text[])
        GROUP BY c.id, c.currency`,
      [customerIds],
    );
    return new Map(rows.map((r) => [r.id, money(toBigInt(r.total), r.currency)]));
  }
  receivablesByIds(ids: readonly string[]) { return receivables.findByIds(this.db, ids); }
  receivablesByInvoiceIds(ids: readonly string[]) { return receivables.findWhere(this.db, 'invoice_id = ANY($1::text[])', [ids]); }
  receivablesByProjectIds(ids: readonly string[]) {
    return receivables.findWhere(this.db, 'project_ids ?| $1::text[]', [ids], 'document_date, id');
  }
  async openReceivablesByAccountIds(ids: readonly string[]) {
    const rows = await this.db.query(
      `SELECT c.crm_account_id AS crm_account_key, ${receivables.selectListAs('r')}
         FROM receivables r JOIN customer_financials c ON c.id = r.customer_financial_id
        WHERE c.crm_account_id = ANY($1::text[]) AND r.status IN ${SETTLEABLE_SQL}
        ORDER BY r.due_date, r.id`,
      [ids],
    );
    return rows.map((row) => ({ crmAccountId: row.crm_account_key as string, receivable: receivables.fromRow(row) }));
  }
  liveApplicationsByReceivableIds(ids: readonly string[]) {
    return applications.findWhere(this.db, 'receivable_id = ANY($1::text[]) AND reversed_at IS NULL', [ids], 'applied_on, created_at, id');
  }
  applicationsByPaymentIds(ids: readonly string[]) {
    return applications.findWhere(this.db, `kind = 'PAYMENT' AND source_id = ANY($1::text[])`, [ids], 'created_at, id');
  }
  paymentsByIds(ids: readonly string[]) { return payments.findByIds(this.db, ids); }
  journalEntriesByIds(ids: readonly string[]) { return journalEntries.findByIds(this.db, ids); }
  journalLinesByEntryIds(ids: readonly string[]) {
    return journalLines.findWhere(this.db, 'journal_entry_id = ANY($1::text[])', [ids], 'journal_entry_id, line_no');
  }
  revenueSchedulesByIds(ids: readonly string[]) { return revenueSchedules.findByIds(this.db, ids); }
  revenueSchedulesByProjectIds(ids: readonly string[]) {
    return revenueSchedules.findWhere(this.db, 'project_id = ANY($1::text[])', [ids], 'created_at, id');
  }
  revenueLinesByScheduleIds(ids: readonly string[]) {
    return revenueLines.findWhere(this.db, 'revenue_schedule_id = ANY($1::text[])', [ids], 'revenue_schedule_id, period, id');
  }
  async revenueTotalsByProjectIds(ids: readonly string[], scope: RowScope): Promise<Map<string, Map<string, bigint>>> {
    const where = new Where().raw(`l.account_code = '4000'`).raw('l.project_id = ANY(?::text[])', ids).raw('l.transaction_amount_minor IS NOT NULL');
    // Lines carry no legal entity of their own: their entry's decides. Without a restriction the join is skipped.
    const scoped = scope.legalEntityIds !== null;
    if (scoped) where.scope('e.legal_entity_id', scope.legalEntityIds);
    const rows = await this.db.query<{ project_id: string; currency: string; total: unknown }>(
      `SELECT l.project_id, l.transaction_amount_currency AS currency,
              SUM(CASE WHEN l.credit_minor > 0 THEN l.transaction_amount_minor ELSE -l.transaction_amount_minor END) AS total
         FROM journal_lines l${scoped ? ' JOIN journal_entries e ON e.id = l.journal_entry_id' : ''}
        WHERE ${where.toSql()}
        GROUP BY l.project_id, l.transaction_amount_currency`,
      where.params,
    );
    const out = new Map<string, Map<string, bigint>>();
    for (const r of rows) {
      const byCurrency = out.get(r.project_id) ?? new Map<string, bigint>();
      byCurrency.set(r.currency, toBigInt(r.total));
      out.set(r.project_id, byCurrency);
    }
    return out;
  }

  pageExchangeRates(q: ExchangeRateQuery, first: number, afterId: string | null): Promise<Page<ExchangeRate>> {
    const where = new Where().eq('from_currency', q.from).eq('to_currency', q.to).eq('rate_type', q.rateType).range('rate_date', q.rateDate);
    return exchangeRates.page(this.db, where, first, afterId);
  }
  pageCustomerFinancials(q: CustomerFinancialQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<CustomerFinancial>> {
    const where = new Where().eq('legal_entity_id', q.legalEntityId).eq('crm_account_id', q.crmAccountId).in('status', q.statuses)
      .scope('legal_entity_id', scope.legalEntityIds);
    return customerFinancials.page(this.db, where, first, afterId);
  }
  pageReceivables(q: ReceivableQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Receivable>> {
    const where = new Where().in('status', q.statuses).eq('legal_entity_id', q.legalEntityId).eq('customer_financial_id', q.customerFinancialId).range('due_date', q.dueDate)
      .scope('legal_entity_id', scope.legalEntityIds);
    if (q.overdue === true) where.raw('(due_date < ? AND open_amount_minor > 0)', q.today);
    if (q.overdue === false) where.raw('NOT (due_date < ? AND open_amount_minor > 0)', q.today);
    return receivables.page(this.db, where, first, afterId);
  }
  pagePayments(q: PaymentQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Payment>> {
    const where = new Where().eq('customer_financial_id', q.customerFinancialId).eq('legal_entity_id', q.legalEntityId).range('received_date', q.receivedDate)
      .scope('legal_entity_id', scope.legalEntityIds);
    return payments.page(this.db, where, first, afterId);
  }
  pageJournalEntries(q: JournalEntryQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<JournalEntry>> {
    const where = new Where().eq('legal_entity_id', q.legalEntityId).eq('period', q.period).eq('source_type', q.sourceType).eq('source_id', q.sourceId)
      .scope('legal_entity_id', scope.legalEntityIds);
    return journalEntries.page(this.db, where, first, afterId);
  }

  transaction<T>(inv: Invocation, work: (tx: FinanceWriter) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, inv, (uow) => work(new SqlFinanceWriter(uow)));
  }
}
