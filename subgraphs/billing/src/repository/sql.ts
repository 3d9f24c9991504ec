import { DomainError, ErrorCode } from '../../../../platform/domain/index.js';
import {
  auditChange, insertAudited, saveVersioned, Where, writeTransaction, type AuditRecord, type Database, type Queryable, type UnitOfWork,
} from '../../../../platform/db/index.js';
import type { Invocation } from '../../../../platform/domain/invocation.js';
import { Decimal } from '../../../../platform/money/decimal.js';
import { money } from '../../../../platform/money/money.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import { OPEN_ITEM_STATUSES } from '../domain/billable-item.js';
import type { ItemGroup } from '../domain/invoice.js';
import type { LagBucket } from '../domain/invoice-lag.js';
import { exposureKey, type ExposureMinor } from '../domain/recording.js';
import { LIVE_SCHEDULE_STATUSES } from '../domain/billing-schedule.js';
import { EFFECTIVE_CREDIT_STATUSES } from '../domain/credit-memo.js';
import { BILLED_INVOICE_STATUSES } from '../domain/invoice.js';
import type { DocumentType } from '../domain/numbering.js';
import type {
  BillableItem, BillableItemBatch, BillableItemStatus, BillableSource, BillingRun, BillingSchedule, CreditMemo, Invoice, InvoiceLine, InvoiceStatus, RateCard,
  ScheduleAmendment,
} from '../domain/types.js';
import { takeNextNumber } from './number-series.js';
import type {
  AmountsByCurrency, BillableItemQuery, BillingRepository, BillingScheduleQuery, BillingWriter, InvoiceLagQuery, InvoiceQuery, ItemChange, Page,
  RateCardQuery, RowScope,
} from './port.js';
import {
  billableItemBatches, billableItems, billingRuns, billingSchedules, creditMemos, invoiceLines, invoices, rateCards, scheduleAmendments, taxCodes,
} from './tables.js';

/** A SQL list of trusted status literals taken from the domain constants (never from input). */
const list = (values: readonly string[]): string => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** The legal-entity restriction `$2` of the aggregates: null counts every row, a list only rows of those entities. */
const IN_SCOPE = (column: string): string => `($2::text[] IS NULL OR ${column} = ANY($2::text[]))`;

/**
 * Net billed per project and currency, for the projects in `$1` and documents of the legal entities in `$2`: lines
 * of ISSUED/POSTED invoices minus lines of ISSUED/POSTED/APPLIED credit memos. Credit memo lines carry the project
 * of the line they credit.
 */
const BILLED_SQL = `
  SELECT project_id, currency, SUM(amount) AS total FROM (
    SELECT l.project_id, l.net_amount_currency AS currency, l.net_amount_minor AS amount
      FROM invoice_lines l JOIN invoices d ON d.id = l.document_id
     WHERE l.project_id = ANY($1::text[]) AND d.status IN (${list(BILLED_INVOICE_STATUSES)}) AND ${IN_SCOPE('d.legal_entity_id')}
    UNION ALL
    SELECT l.project_id, l.net_amount_currency, -l.net_amount_minor
      FROM invoice_lines l JOIN credit_memos d ON d.id = l.document_id
     WHERE l.project_id = ANY($1::text[]) AND d.status IN (${list(EFFECTIVE_CREDIT_STATUSES)}) AND ${IN_SCOPE('d.legal_entity_id')}
  ) x GROUP BY project_id, currency`;

/** Unbilled WIP per project and currency, for the projects in `$1` and items of the legal entities in `$2`. */
const WIP_SQL = `
  SELECT project_id, amount_currency AS currency, SUM(amount_minor) AS total
    FROM billable_items
   WHERE project_id = ANY($1::text[]) AND status IN (${list(OPEN_ITEM_STATUSES)}) AND ${IN_SCOPE('legal_entity_id')}
   GROUP BY project_id, amount_currency`;

const INVOICE_NEWEST_FIRST = 'COALESCE(issue_date, created_at::date) DESC, id DESC';

/**
 * Invoice lag observations: items INVOICED on ISSUED/POSTED invoices, days from the UTC date the item became READY to
 * the invoice's issue date, bucketed by `key`, lag and currency (a few rows per key whatever the number of items).
 */
const lagSql = (key: string, where: string): string => `
  SELECT ${key} AS key, (i.issue_date - (b.ready_at AT TIME ZONE 'UTC')::date) AS days, b.amount_currency AS currency,
         count(*) AS n, sum(abs(b.amount_minor)) AS weight
    FROM billable_items b JOIN invoices i ON i.id = b.invoice_id
   WHERE b.status = 'INVOICED' AND b.ready_at IS NOT NULL AND i.status IN (${list(BILLED_INVOICE_STATUSES)}) AND ${where}
   GROUP BY 1, 2, 3`;

type LagRow = { key: string; days: number; currency: string; n: bigint | string; weight: bigint | string };
const lagBucketOf = (r: LagRow): LagBucket => ({ days: Number(r.days), currency: r.currency, count: Number(r.n), amountMinor: BigInt(r.weight) });

type TotalRow = { project_id: string; currency: string; total: string | bigint };

function groupTotals(rows: readonly TotalRow[]): Map<string, AmountsByCurrency> {
  const out = new Map<string, AmountsByCurrency>();
  for (const r of rows) {
    const byCurrency = out.get(r.project_id) ?? new Map<string, bigint>();
    byCurrency.set(r.currency, BigInt(r.total));
    out.set(r.project_id, byCurrency);
  }
  return out;
}

/** Locks the items matching `where`, in id order so that concurrent lockers queue instead of deadlocking. */
async function lockItemsWhere(db: Queryable, where: string, params: readonly unknown[]): Promise<BillableItem[]> {
  const rows = await db.query(`SELECT ${billableItems.selectList} FROM billable_items WHERE ${where} ORDER BY id FOR UPDATE`, params);
  return rows.map((r) => billableItems.fromRow(r));
}

/** The audit record of a deleted entity (only draft invoices are ever deleted). */
function deletion(entityType: string, before: { id: string; version: number; status: string }): AuditRecord {
  return { entityType, entityId: before.id, action: 'DELETE', fromVersion: before.version, toVersion: null, fromStatus: before.status, toStatus: null };
}

/** The writer of one unit of work: every entity it writes is audited in the same transaction. */
class SqlBillingWriter implements BillingWriter {
  constructor(private readonly db: UnitOfWork) {}

  emit(...events: EventDraft[]) { this.db.emit(...events); }

  async taxCode(code: string) {
    const rows = await taxCodes.findWhere(this.db, 'code = $1', [code], 'code');
    return rows[0] ?? null;
  }
  takeNextNumber(legalEntityId: string, documentType: DocumentType) { return takeNextNumber(this.db, legalEntityId, documentType); }

  lockRateCard(id: string) { return rateCards.findForUpdate(this.db, id); }
  async insertRateCard(card: RateCard) { await insertAudited(this.db, rateCards, 'RateCard', card); }
  async rateCardTemplate(legalEntityId: string, currency: string, onDate: string) {
    // The legal entity's own card first, then the standard one; within a scope the card in force on the date, else the latest.
    const rows = await this.db.query(
      `SELECT ${rateCards.selectList} FROM rate_cards
        WHERE currency = $2 AND ((scope = 'LEGAL_ENTITY' AND legal_entity_id = $1) OR scope = 'STANDARD')
        ORDER BY (scope = 'LEGAL_ENTITY') DESC, (effective_from <= $3::date AND (effective_to IS NULL OR effective_to >= $3::date)) DESC,
                 effective_from DESC, id DESC
        LIMIT 1`,
      [legalEntityId, currency, onDate],
    );
    return rows[0] ? rateCards.fromRow(rows[0]) : null;
  }
  async currentContractRateCard(contractId: string, currency: string) {
    const rows = await rateCards.findWhere(this.db, `scope = 'CONTRACT' AND contract_id = $1 AND currency = $2 AND effective_to IS NULL`, [contractId, currency], 'effective_from DESC, id DESC');
    return rows[0] ?? null;
  }
  saveRateCard(next: RateCard, before: RateCard) { return saveVersioned(this.db, rateCards, 'RateCard', next, before); }

  lockSchedule(id: string) { return billingSchedules.findForUpdate(this.db, id); }
  async lockLiveScheduleOfProject(projectId: string) {
    const rows = await this.db.query(
      `SELECT ${billingSchedules.selectList} FROM billing_schedules WHERE project_id = $1 AND status IN (${list(LIVE_SCHEDULE_STATUSES)}) FOR UPDATE`,
      [projectId],
    );
    return rows[0] ? billingSchedules.fromRow(rows[0]) : null;
  }
  async lockLiveSchedulesOfProjects(projectIds: readonly string[]) {
    if (projectIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${billingSchedules.selectList} FROM billing_schedules WHERE project_id = ANY($1::text[]) AND status IN (${list(LIVE_SCHEDULE_STATUSES)}) ORDER BY id FOR UPDATE`,
      [projectIds],
    );
    return rows.map((r) => billingSchedules.fromRow(r));
  }
  async lockProjectSetup(projectId: string) {
    // A transaction-scoped advisory lock: a second set-up of the same project waits, then finds the first one's schedule.
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('billing-setup:' || $1))`, [projectId]);
  }
  async insertSchedule(schedule: BillingSchedule) { await insertAudited(this.db, billingSchedules, 'BillingSchedule', schedule); }
  saveSchedule(next: BillingSchedule, before: BillingSchedule) { return saveVersioned(this.db, billingSchedules, 'BillingSchedule', next, before); }
  async amendmentOfSchedule(scheduleId: string, amendmentId: string) {
    return (await scheduleAmendments.findWhere(this.db, 'billing_schedule_id = $1 AND amendment_id = $2', [scheduleId, amendmentId]))[0] ?? null;
  }
  // A record of what a call did, like the kept outcomes below: the schedule change it reports is audited.
  insertAmendment(amendment: ScheduleAmendment) { return scheduleAmendments.insert(this.db, amendment); }
  async committedToBill(schedule: Pick<BillingSchedule, 'id' | 'projectId' | 'currency'>) {
    // Through the project: the (project, status) index finds the schedule's items (all of the schedule's project).
    const rows = await this.db.query<{ total: bigint | string | null }>(
      `SELECT sum(amount_minor) AS total FROM billable_items
        WHERE project_id = $1 AND status IN ('INVOICED', 'READY') AND billing_schedule_id = $2 AND amount_currency = $3`,
      [schedule.projectId, schedule.id, schedule.currency],
    );
    return BigInt(rows[0]?.total ?? 0);
  }

  async itemByIdempotencyKey(key: string) {
    const rows = await billableItems.findWhere(this.db, 'idempotency_key = $1', [key]);
    return rows[0] ?? null;
  }
  async insertItemIfAbsent(item: BillableItem) {
    const names = billableItems.columnNames();
    const rows = await this.db.query(
      `INSERT INTO billable_items (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      billableItems.toValues(item),
    );
    if (rows.length !== 1) return false;
    this.db.audit(auditChange('BillableItem', null, item));
    return true;
  }
  async projectExposure(projectId: string, currency: string) {
    const rows = await this.db.query<{ kind: string; currency: string; total: string | bigint }>(
      `SELECT 'billed' AS kind, currency, total FROM (${BILLED_SQL}) b UNION ALL SELECT 'wip' AS kind, currency, total FROM (${WIP_SQL}) w`,
      // No legal-entity restriction: the cap is a rule over the whole project, not a view of one caller.
      [[projectId], null],
    );
    const pick = (kind: string) => BigInt(rows.find((r) => r.kind === kind && r.currency === currency)?.total ?? 0);
    return { billedMinor: pick('billed'), openWipMinor: pick('wip') };
  }
  async projectExposures(projectIds: readonly string[]) {
    const out = new Map<string, ExposureMinor>();
    if (projectIds.length === 0) return out;
    const rows = await this.db.query<{ kind: string; project_id: string; currency: string; total: string | bigint }>(
      `SELECT 'billed' AS kind, project_id, currency, total FROM (${BILLED_SQL}) b UNION ALL SELECT 'wip' AS kind, project_id, currency, total FROM (${WIP_SQL}) w`,
      // No legal-entity restriction: the cap is a rule over the whole project, not a view of one caller.
      [projectIds, null],
    );
    for (const r of rows) {
      const key = exposureKey(r.project_id, r.currency);
      const e = out.get(key) ?? { billedMinor: 0n, openWipMinor: 0n };
      out.set(key, r.kind === 'billed' ? { ...e, billedMinor: BigInt(r.total) } : { ...e, openWipMinor: BigInt(r.total) });
    }
    return out;
  }
  lockItemsOfSources(sources: ReadonlyArray<{ sourceType: BillableSource; sourceId: string }>) {
    if (sources.length === 0) return Promise.resolve([]);
    const distinct = [...new Map(sources.map((s) => [`${s.sourceType}:${s.sourceId}`, s])).values()];
    return lockItemsWhere(
      this.db,
      // The `= ANY` filters besides the pairs make the planner walk the source index instead of hashing every item.
      '(source_type, source_id) IN (SELECT t, i FROM unnest($1::text[], $2::text[]) AS s(t, i)) AND source_type = ANY($1::text[]) AND source_id = ANY($2::text[])',
      [distinct.map((s) => s.sourceType), distinct.map((s) => s.sourceId)],
    );
  }
  async insertItems(items: readonly BillableItem[]) {
    await billableItems.insertMany(this.db, items);
    this.db.audit(...items.map((i) => auditChange('BillableItem', null, i)));
  }
  async countHeldItems(projectId: string, currency: string, throughDate: string) {
    const rows = await this.db.query<{ n: bigint | string }>(
      `SELECT count(*) AS n FROM billable_items WHERE project_id = $1 AND amount_currency = $2 AND status = 'ON_HOLD' AND service_date <= $3::date`,
      [projectId, currency, throughDate],
    );
    return Number(rows[0]?.n ?? 0);
  }
  // Kept outcomes are records of what a call did, not entities that change: every change they report is audited.
  insertBatch(batch: BillableItemBatch) { return billableItemBatches.insert(this.db, batch); }
  insertRun(run: BillingRun) { return billingRuns.insert(this.db, run); }
  lockItem(id: string) { return billableItems.findForUpdate(this.db, id); }
  lockItems(ids: readonly string[]) { return ids.length === 0 ? Promise.resolve([]) : lockItemsWhere(this.db, 'id = ANY($1::text[])', [ids]); }
  lockUninvoicedReadyItems(projectId: string, currency: string, throughDate: string | null) {
    return lockItemsWhere(
      this.db,
      `project_id = $1 AND amount_currency = $2 AND status = 'READY' AND invoice_id IS NULL AND ($3::date IS NULL OR service_date <= $3::date)`,
      [projectId, currency, throughDate],
    );
  }
  async readyItemGroups(projectId: string, currency: string, throughDate: string) {
    // Grouped by the store so that thousands of items cross as a few rows (the rules of `ItemGroup`).
    const rows = await this.db.query<{ description: string; unit_price: string; quantity: string; net: bigint | string; item_ids: string[] }>(
      `SELECT description, unit_price::text AS unit_price, sum(quantity)::text AS quantity, sum(amount_minor) AS net,
              array_agg(id ORDER BY service_date, id COLLATE "C") AS item_ids
         FROM billable_items
        WHERE project_id = $1 AND amount_currency = $2 AND status = 'READY' AND invoice_id IS NULL AND service_date <= $3::date
        GROUP BY description, unit_price`,
      [projectId, currency, throughDate],
    );
    return rows.map((r): ItemGroup => ({
      description: r.description, unitPrice: r.unit_price, quantity: new Decimal(r.quantity), net: money(BigInt(r.net), currency), itemIds: r.item_ids,
    }));
  }
  async placeItemsOnInvoice(invoiceId: string, lines: readonly InvoiceLine[], status: 'READY' | 'INVOICED', now: string) {
    const itemIds = lines.flatMap((l) => l.billableItemIds);
    const lineIds = lines.flatMap((l) => l.billableItemIds.map(() => l.id));
    // `id = ANY` besides the join makes the planner find the rows by primary key whatever its statistics say, instead of
    // hashing every READY item of the store for each run.
    const rows = await this.db.query<{ id: string; version: number; source_type: BillableSource; source_id: string }>(
      `UPDATE billable_items AS b
          SET version = b.version + 1, status = $2, invoice_id = $1, invoice_line_id = u.line_id, updated_at = $3
         FROM unnest($4::text[], $5::text[]) AS u(id, line_id)
        WHERE b.id = u.id AND b.id = ANY($4::text[]) AND b.status = 'READY' AND b.invoice_id IS NULL
        RETURNING b.id, b.version, b.source_type, b.source_id`,
      [invoiceId, status, now, itemIds, lineIds],
    );
    if (rows.length !== itemIds.length) {
      const placed = new Set(rows.map((r) => r.id));
      const moved = itemIds.find((id) => !placed.has(id));
      throw new DomainError(ErrorCode.VERSION_CONFLICT, `BillableItem ${moved} was changed by someone else while it was being invoiced; retry`, { entity: 'BillableItem', id: moved });
    }
    // Set-based, so auditing is too: one record per item, as a one-by-one save would write.
    this.db.audit(...rows.map((r): AuditRecord => ({
      entityType: 'BillableItem', entityId: r.id, action: status === 'READY' ? 'UPDATE' : 'TRANSITION', fromVersion: Number(r.version) - 1,
      toVersion: Number(r.version), fromStatus: 'READY', toStatus: status,
    })));
    return rows.map((r) => ({ id: r.id, version: Number(r.version), sourceType: r.source_type, sourceId: r.source_id }));
  }
  lockItemsOfInvoice(invoiceId: string) { return lockItemsWhere(this.db, 'invoice_id = $1', [invoiceId]); }
  saveItem(next: BillableItem, before: BillableItem) { return saveVersioned(this.db, billableItems, 'BillableItem', next, before); }
  async saveItemInvoicing(changes: readonly ItemChange[]) {
    if (changes.length === 0) return;
    const rows = await this.db.query<{ id: string }>(
      `UPDATE billable_items AS b
          SET version = u.version, status = u.status, invoice_id = u.invoice_id, invoice_line_id = u.invoice_line_id, updated_at = u.updated_at
         FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
              AS u(id, previous_version, version, status, invoice_id, invoice_line_id, updated_at)
        WHERE b.id = u.id AND b.id = ANY($1::text[]) AND b.version = u.previous_version
      RETURNING b.id`,
      [
        changes.map((c) => c.item.id),
        changes.map((c) => c.before.version),
        changes.map((c) => c.item.version),
        changes.map((c) => c.item.status),
        changes.map((c) => c.item.invoiceId),
        changes.map((c) => c.item.invoiceLineId),
        changes.map((c) => c.item.updatedAt),
      ],
    );
    if (rows.length !== changes.length) {
      const written = new Set(rows.map((r) => r.id));
      const stale = changes.find((c) => !written.has(c.item.id));
      throw new DomainError(ErrorCode.VERSION_CONFLICT, `BillableItem ${stale?.item.id} was changed by someone else; reload and retry`, {
        entity: 'BillableItem', id: stale?.item.id, expectedVersion: stale?.before.version,
      });
    }
    // Set-based, so saveVersioned's auditing does not apply: one audit record per item, like a one-by-one save.
    this.db.audit(...changes.map((c) => auditChange('BillableItem', c.before, c.item)));
  }

  lockInvoice(id: string) { return invoices.findForUpdate(this.db, id); }
  async insertInvoice(invoice: Invoice) { await insertAudited(this.db, invoices, 'Invoice', invoice); }
  saveInvoice(next: Invoice, before: Invoice) { return saveVersioned(this.db, invoices, 'Invoice', next, before); }
  async deleteDraftInvoice(invoice: Invoice) {
    await this.db.query('DELETE FROM invoice_lines WHERE document_id = $1', [invoice.id]);
    const rows = await this.db.query(`DELETE FROM invoices WHERE id = $1 AND version = $2 AND status = 'DRAFT' RETURNING id`, [invoice.id, invoice.version]);
    if (rows.length !== 1) {
      throw new DomainError(ErrorCode.VERSION_CONFLICT, `Invoice ${invoice.id} was changed by someone else; reload and retry`, { entity: 'Invoice', id: invoice.id, expectedVersion: invoice.version });
    }
    this.db.audit(deletion('Invoice', invoice));
  }
  insertLines(lines: readonly InvoiceLine[]) { return invoiceLines.insertMany(this.db, lines); }
  linesOfDocument(documentId: string) { return invoiceLines.findWhere(this.db, 'document_id = $1', [documentId], 'line_no'); }

  lockCreditMemo(id: string) { return creditMemos.findForUpdate(this.db, id); }
  creditMemosOfInvoice(invoiceId: string) { return creditMemos.findWhere(this.db, 'invoice_id = $1', [invoiceId]); }
  async liveCreditLinesOfInvoice(invoiceId: string) {
    const rows = await this.db.query(
      `SELECT ${invoiceLines.selectListAs('l')} FROM invoice_lines l JOIN credit_memos c ON c.id = l.document_id
        WHERE c.invoice_id = $1 AND c.status <> 'VOID' ORDER BY l.document_id, l.line_no`,
      [invoiceId],
    );
    return rows.map((r) => invoiceLines.fromRow(r));
  }
  async insertCreditMemo(memo: CreditMemo) { await insertAudited(this.db, creditMemos, 'CreditMemo', memo); }
  saveCreditMemo(next: CreditMemo, before: CreditMemo) { return saveVersioned(this.db, creditMemos, 'CreditMemo', next, before); }
}

/** The built-in billing store: SQL over PGlite or PostgreSQL. */
export class SqlBillingRepository implements BillingRepository {
  constructor(private readonly db: Database) {}

  rateCardsByIds(ids: readonly string[]) { return rateCards.findByIds(this.db, ids); }
  schedulesByIds(ids: readonly string[]) { return billingSchedules.findByIds(this.db, ids); }
  itemsByIds(ids: readonly string[]) { return billableItems.findByIds(this.db, ids); }
  invoicesByIds(ids: readonly string[]) { return invoices.findByIds(this.db, ids); }
  creditMemosByIds(ids: readonly string[]) { return creditMemos.findByIds(this.db, ids); }

  linesByDocumentIds(ids: readonly string[]) { return invoiceLines.findWhere(this.db, 'document_id = ANY($1::text[])', [ids], 'document_id, line_no'); }
  creditMemosByInvoiceIds(ids: readonly string[]) { return creditMemos.findWhere(this.db, 'invoice_id = ANY($1::text[])', [ids], 'created_at, id'); }
  schedulesByProjectIds(ids: readonly string[]) { return billingSchedules.findWhere(this.db, 'project_id = ANY($1::text[])', [ids], 'id'); }
  amendmentsByScheduleIds(ids: readonly string[]) { return scheduleAmendments.findWhere(this.db, 'billing_schedule_id = ANY($1::text[])', [ids], 'applied_at, id'); }
  itemsByProjectIds(ids: readonly string[], statuses: readonly BillableItemStatus[] | null) {
    // The key list is given explicitly (Where.in drops empty lists, which would widen the query to every row).
    const where = new Where().raw('project_id = ANY(?::text[])', ids).in('status', statuses);
    return billableItems.findWhere(this.db, where.toSql(), where.params, 'service_date, id');
  }
  invoicesByProjectIds(ids: readonly string[]) { return invoices.findWhere(this.db, 'project_ids ?| $1::text[]', [ids], INVOICE_NEWEST_FIRST); }
  invoicesByAccountIds(ids: readonly string[], statuses: readonly InvoiceStatus[] | null) {
    const where = new Where().raw('account_id = ANY(?::text[])', ids).in('status', statuses);
    return invoices.findWhere(this.db, where.toSql(), where.params, INVOICE_NEWEST_FIRST);
  }
  async billedToDateByProjectIds(ids: readonly string[], scope: RowScope) {
    return groupTotals(await this.db.query<TotalRow>(BILLED_SQL, [ids, scope.legalEntityIds]));
  }
  async unbilledWipByProjectIds(ids: readonly string[], scope: RowScope) {
    return groupTotals(await this.db.query<TotalRow>(WIP_SQL, [ids, scope.legalEntityIds]));
  }

  batchesByIds(ids: readonly string[]) { return billableItemBatches.findByIds(this.db, ids); }
  runsByIds(ids: readonly string[]) { return billingRuns.findByIds(this.db, ids); }
  async invoiceLagByProjectIds(ids: readonly string[], scope: RowScope) {
    const rows = await this.db.query<LagRow>(lagSql('b.project_id', `b.project_id = ANY($1::text[]) AND ${IN_SCOPE('b.legal_entity_id')}`), [ids, scope.legalEntityIds]);
    const out = new Map<string, LagBucket[]>();
    for (const r of rows) {
      const list = out.get(r.key);
      if (list) list.push(lagBucketOf(r));
      else out.set(r.key, [lagBucketOf(r)]);
    }
    return out;
  }
  async invoiceLag(q: InvoiceLagQuery, scope: RowScope) {
    const where = `($1::text IS NULL OR i.legal_entity_id = $1) AND ${IN_SCOPE('i.legal_entity_id')}
      AND ($3::date IS NULL OR i.issue_date >= $3::date) AND ($4::date IS NULL OR i.issue_date <= $4::date)`;
    const rows = await this.db.query<LagRow>(lagSql(`''`, where), [q.legalEntityId ?? null, scope.legalEntityIds, q.issueDate?.from ?? null, q.issueDate?.to ?? null]);
    return rows.map(lagBucketOf);
  }

  pageRateCards(q: RateCardQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<RateCard>> {
    const where = new Where().eq('scope', q.scope).eq('account_id', q.accountId).eq('contract_id', q.contractId);
    if (q.effectiveOn) where.raw('effective_from <= ?::date AND (effective_to IS NULL OR effective_to >= ?::date)', q.effectiveOn, q.effectiveOn);
    // Cards without a legal entity are shared; the others only within the caller's legal entities.
    if (scope.legalEntityIds !== null) where.raw('(legal_entity_id IS NULL OR legal_entity_id = ANY(?::text[]))', scope.legalEntityIds);
    return rateCards.page(this.db, where, first, afterId);
  }
  pageSchedules(q: BillingScheduleQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<BillingSchedule>> {
    const where = new Where().eq('project_id', q.projectId).eq('account_id', q.accountId).in('status', q.statuses).eq('legal_entity_id', q.legalEntityId)
      .scope('legal_entity_id', scope.legalEntityIds);
    return billingSchedules.page(this.db, where, first, afterId);
  }
  pageItems(q: BillableItemQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<BillableItem>> {
    const where = new Where()
      .eq('project_id', q.projectId).eq('account_id', q.accountId).in('status', q.statuses).eq('source_type', q.sourceType)
      .range('service_date', q.serviceDate).eq('legal_entity_id', q.legalEntityId).scope('legal_entity_id', scope.legalEntityIds);
    return billableItems.page(this.db, where, first, afterId);
  }
  pageInvoices(q: InvoiceQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Invoice>> {
    const where = new Where().eq('account_id', q.accountId).in('status', q.statuses).eq('legal_entity_id', q.legalEntityId).range('issue_date', q.issueDate)
      .scope('legal_entity_id', scope.legalEntityIds);
    // Containment keeps the filter on the GIN index over project_ids.
    if (q.projectId) where.raw('project_ids @> ?::jsonb', JSON.stringify([q.projectId]));
    return invoices.page(this.db, where, first, afterId);
  }

  transaction<T>(inv: Invocation, work: (tx: BillingWriter) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, inv, (uow) => work(new SqlBillingWriter(uow)));
  }
}
