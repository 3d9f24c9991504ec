import {
  DomainError, ErrorCode, invalidInput, loadForChange, newId, notFound, periodOf, requireId, requireLegalEntityAccess, requireLocalDate, todayUtc, visibleTo,
  type Invocation, type Versioned,
} from '../../../../platform/domain/index.js';
import { money } from '../../../../platform/money/index.js';
import {
  createCustomerFinancial, customerNumber, transitionCustomerFinancial, updateCustomerFinancial,
  type CustomerFinancialAction, type CustomerFinancialInput,
} from '../domain/customer.js';
import { invoicePaymentStatusChanged, invoiceVoidedInLedger, paymentRecorded, receivableCreated, revenueRecognized } from '../domain/events.js';
import { conversionRate, createExchangeRate, type NewExchangeRate } from '../domain/fx.js';
import { ID_PREFIX, type PostingEnv } from '../domain/ids.js';
import {
  buildJournalEntry, journalNumber, manualJournalSpec, requireDirectlyReversible, reverseJournal, type ManualJournalInput,
} from '../domain/journal.js';
import { recordPayment, reversePayment, validatePayment, type PaymentInput } from '../domain/payment.js';
import {
  creditMemoDigest, invoiceDigest, postCreditMemo, postInvoice, requireSamePosting, validateCreditMemoPosting, validateInvoicePosting, voidReceivable,
  type AsInvoicedRevenue, type CreditMemoPostingInput, type InvoicePostingInput,
} from '../domain/posting.js';
import { hasLivePayment } from '../domain/receivable.js';
import {
  adjustRevenueSchedule, applyAsInvoiced, createRevenueSchedule, governingSchedule, newModification, recognitionPostingDate, recognizeRevenue,
  requireRecognizable, requireSameModification, sameScheduleTerms, transitionRevenueSchedule, validateAdjustment,
  type NewRevenueSchedule, type RecognizeRevenueInput, type RevenueAdjustment, type RevenueScheduleAction,
} from '../domain/revenue.js';
import type { CustomerFinancial, ExchangeRate, JournalEntry, LegalEntity, Payment, Receivable, RevenueSchedule } from '../domain/types.js';
import type { FinanceRepository, FinanceWriter } from '../repository/port.js';

/** Today's date on the invocation's clock. */
export function invocationToday(inv: Invocation): string {
  return todayUtc(new Date(inv.now()));
}

/**
 * The legal entity a change happens in: FORBIDDEN when the caller may not act in it (checked before existence, so
 * nothing about a foreign legal entity is revealed), BAD_USER_INPUT when it does not exist.
 */
async function requireLegalEntity(tx: FinanceWriter, field: string, id: string, inv: Invocation): Promise<LegalEntity> {
  requireLegalEntityAccess(inv, id);
  const le = await tx.legalEntity(id);
  if (!le) throw invalidInput(field, `legal entity ${id} does not exist`);
  return le;
}

/** A record the caller may see, or null: a row of a foreign legal entity is treated exactly like a missing one. */
function visibleOrNull<T extends object>(inv: Invocation, record: T | null): T | null {
  return record && visibleTo(inv, record) ? record : null;
}

/** Rate converting `from` into `to` on a date (1 for the same currency, without a query). */
async function rateOn(tx: FinanceWriter, from: string, to: string, on: string): Promise<string> {
  return conversionRate(from, to, on, from === to ? [] : await tx.conversionCandidates(from, to, on));
}

/** The governing revenue schedule of each project that has one. */
async function governingSchedules(tx: FinanceWriter, projectIds: readonly string[]): Promise<Map<string, RevenueSchedule>> {
  const all = await tx.lockSchedulesOfProjects([...new Set(projectIds)]);
  const out = new Map<string, RevenueSchedule>();
  for (const projectId of new Set(all.map((s) => s.projectId))) {
    const governing = governingSchedule(all.filter((s) => s.projectId === projectId));
    if (governing) out.set(projectId, governing);
  }
  return out;
}

/**
 * Saves changed receivables, each against the record as it was locked (version check and audit), and emits the
 * payment status billing shows for each invoice whose receivable changed (`livePayment` tells, per receivable, whether
 * a live payment is applied to it after the change).
 */
async function saveAll(
  tx: FinanceWriter,
  changed: readonly Receivable[],
  locked: readonly Receivable[],
  livePayment: (receivableId: string) => boolean,
  inv: Invocation,
): Promise<void> {
  const before = new Map(locked.map((r) => [r.id, r]));
  const today = invocationToday(inv);
  for (const r of changed) {
    const was = before.get(r.id);
    if (!was) throw new Error(`Receivable ${r.id} changed without being locked first`);
    const saved = await tx.saveReceivable(r, was);
    const event = invoicePaymentStatusChanged(was, saved, livePayment(r.id), today);
    if (event) tx.emit(event);
  }
}

/**
 * Applies revenue recognized or given back through AS_INVOICED schedules to their period lines, creating a missing
 * line unless `existingOnly` (a void gives back only what a line recorded).
 */
async function recordAsInvoiced(
  tx: FinanceWriter,
  revenue: readonly AsInvoicedRevenue[],
  journalEntryId: string,
  env: PostingEnv,
  existingOnly = false,
): Promise<void> {
  if (revenue.length === 0) return;
  const lines = await tx.revenueLines(revenue.map((r) => r.schedule.id));
  for (const r of revenue) {
    const line = lines.find((l) => l.revenueScheduleId === r.schedule.id && l.period === r.period && l.milestoneId === null) ?? null;
    if (!line && existingOnly) continue;
    await tx.upsertRevenueLines([applyAsInvoiced(r.schedule, line, r.period, r.amount, journalEntryId, env.ids)]);
    const saved = await tx.saveRevenueSchedule({ ...r.schedule, version: r.schedule.version + 1, updatedAt: env.now }, r.schedule);
    tx.emit(revenueRecognized(saved, r.period, r.amount));
  }
}

/**
 * The finance use cases. Each validates with the domain rules and reads, locks and writes inside one transaction,
 * so a failed mutation writes nothing; versions are checked against `expectedVersion` when given and always
 * against concurrent writers. Every journal entry is numbered from the legal entity's locked counter.
 *
 * Access: a change happens in a legal entity the invocation may act in (FORBIDDEN otherwise); a row of another legal
 * entity that a change names is treated as absent (NOT_FOUND for the target, BAD_USER_INPUT for a reference). An
 * invocation without `legalEntities` (system work such as seeding) may act anywhere. Every change is audited in the
 * same transaction.
 *
 * Lock order, the same in every use case so concurrent postings cannot deadlock: customer or payment, then
 * receivables, then journal entries, then revenue schedules, and the journal counter last (it is held until commit,
 * so taking it last keeps postings in one legal entity serialised for as short a time as possible).
 */
export class FinanceService {
  constructor(private readonly repo: FinanceRepository) {}

  private async env(tx: FinanceWriter, legalEntityId: string, inv: Invocation): Promise<PostingEnv> {
    return { ids: (prefix) => newId(prefix), now: inv.now(), journalNumber: journalNumber(await tx.nextSequence(legalEntityId, 'JOURNAL')) };
  }

  /** Records an exchange rate; the same pair, date and type twice is a CONFLICT. */
  createExchangeRate(input: NewExchangeRate, inv: Invocation): Promise<ExchangeRate> {
    const rate = createExchangeRate(newId(ID_PREFIX.exchangeRate), input);
    return this.repo.transaction(inv, async (tx) => {
      const existing = await tx.exchangeRateByNaturalKey(rate.from, rate.to, rate.rateDate, rate.rateType);
      if (existing) {
        throw new DomainError(ErrorCode.CONFLICT, `A ${rate.rateType} rate ${rate.from}→${rate.to} dated ${rate.rateDate} already exists (${existing.id})`, {
          entity: 'ExchangeRate', id: existing.id,
        });
      }
      await tx.insertExchangeRate(rate);
      return rate;
    });
  }

  /** Creates the customer for (CRM account, legal entity), or updates it with the given fields. */
  upsertCustomerFinancial(input: CustomerFinancialInput, inv: Invocation): Promise<CustomerFinancial> {
    return this.repo.transaction(inv, async (tx) => {
      const le = await requireLegalEntity(tx, 'legalEntityId', input.legalEntityId, inv);
      const current = await tx.lockCustomerFinancialByKey({ crmAccountId: input.crmAccountId, legalEntityId: le.id });
      if (current) {
        const next = updateCustomerFinancial(current, input, inv.now());
        return next === current ? current : tx.saveCustomerFinancial(next, current);
      }
      const number = customerNumber(await tx.nextSequence(le.id, 'CUSTOMER'));
      const created = createCustomerFinancial(newId(ID_PREFIX.customerFinancial), input, number, inv.now());
      await tx.insertCustomerFinancial(created);
      return created;
    });
  }

  /** Applies a credit action to a customer. */
  transitionCustomerFinancial(target: Versioned, action: CustomerFinancialAction, inv: Invocation): Promise<CustomerFinancial> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('CustomerFinancial', target, (id) => tx.lockCustomerFinancial(id), inv);
      return tx.saveCustomerFinancial(transitionCustomerFinancial(current, action, inv.now()), current);
    });
  }

  /**
   * Posts an issued invoice (idempotent per invoice id): the receivable and its balanced journal, and revenue
   * recognized through AS_INVOICED schedules. The same invoice again returns its receivable; different content
   * under the same invoice id is a CONFLICT.
   */
  postInvoiceToLedger(raw: InvoicePostingInput, inv: Invocation): Promise<Receivable> {
    const input = validateInvoicePosting(raw);
    const digest = invoiceDigest(input);
    requireLegalEntityAccess(inv, input.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      // The replay check and the reads a new posting needs are sent together and run in this order, so the receivable
      // is still the first lock taken: one round trip's wait for the three.
      const [existing, legalEntity, customer] = await Promise.all([
        tx.lockReceivableByInvoiceId(input.invoiceId),
        tx.legalEntity(input.legalEntityId),
        tx.customerFinancialByKey({ crmAccountId: input.crmAccountId, legalEntityId: input.legalEntityId }),
      ]);
      if (existing) {
        // A receivable the caller may not see cannot be this caller's replay (its legal entity differs, so does the
        // digest): refuse without reading, or revealing, anything of it.
        const journal = visibleTo(inv, existing) ? await tx.lockJournalEntry(existing.journalEntryId) : null;
        requireSamePosting('Invoice', input.invoiceId, journal?.sourceDigest ?? null, digest);
        return existing;
      }
      if (!legalEntity) throw invalidInput('legalEntityId', `legal entity ${input.legalEntityId} does not exist`);
      if (!customer) {
        throw invalidInput('crmAccountId', `account ${input.crmAccountId} has no customer financial in legal entity ${legalEntity.id}; upsert it first`);
      }
      // Likewise together, in the lock order: the rate (a read), the revenue schedules, the journal counter last.
      const [fxRate, schedules, env] = await Promise.all([
        rateOn(tx, input.currency, legalEntity.functionalCurrency, input.documentDate),
        governingSchedules(tx, input.lines.map((l) => l.projectId)),
        this.env(tx, legalEntity.id, inv),
      ]);
      const posting = postInvoice(input, { customer, legalEntity, fxRate, schedules }, env);
      await Promise.all([tx.insertJournal(posting.journal), tx.insertReceivable(posting.receivable)]);
      tx.emit(receivableCreated(posting.receivable));
      await recordAsInvoiced(tx, posting.asInvoiced, posting.journal.entry.id, env);
      return posting.receivable;
    });
  }

  /** Posts an issued credit memo against its invoice's receivable (idempotent per credit memo id). */
  postCreditMemoToLedger(raw: CreditMemoPostingInput, inv: Invocation): Promise<Receivable> {
    const input = validateCreditMemoPosting(raw);
    const digest = creditMemoDigest(input);
    const notPosted = () => invalidInput('invoiceId', `invoice ${input.invoiceId} has not been posted to the ledger`);
    return this.repo.transaction(inv, async (tx) => {
      const [posted] = await tx.applicationsBySource('CREDIT_MEMO', input.creditMemoId);
      if (posted) {
        const receivable = await tx.receivable(posted.receivableId);
        if (!receivable) throw notFound('Receivable', posted.receivableId);
        // A replay answers only to callers who may see what was credited; to others the invoice is not posted.
        if (!visibleTo(inv, receivable)) throw notPosted();
        const journal = await tx.journalBySource('CREDIT_MEMO', input.creditMemoId);
        requireSamePosting('Credit memo', input.creditMemoId, journal?.sourceDigest ?? null, digest);
        return receivable;
      }
      const receivable = visibleOrNull(inv, await tx.lockReceivableByInvoiceId(input.invoiceId));
      if (!receivable) throw notPosted();
      const customer = await tx.customerFinancial(receivable.customerFinancialId);
      if (!customer) throw notFound('CustomerFinancial', receivable.customerFinancialId);
      const livePayment = hasLivePayment(await tx.liveApplications([receivable.id]));
      const schedules = await governingSchedules(tx, input.lines.map((l) => l.projectId));
      const env = await this.env(tx, receivable.legalEntityId, inv);
      const posting = postCreditMemo(input, { receivable, customer, schedules, livePayment }, env);
      await tx.insertJournal(posting.journal);
      await tx.insertApplications([posting.application]);
      await recordAsInvoiced(tx, posting.asInvoiced, posting.journal.entry.id, env);
      const saved = await tx.saveReceivable(posting.receivable, receivable);
      const event = invoicePaymentStatusChanged(receivable, saved, livePayment, invocationToday(inv));
      if (event) tx.emit(event);
      return saved;
    });
  }

  /**
   * Reverses a voided invoice's receivable and journal while nothing is applied to it; AS_INVOICED revenue it
   * recognized is given back on its schedule line. An already VOID receivable is returned unchanged.
   */
  voidInvoiceInLedger(input: { invoiceId: string; postingDate?: string | null }, inv: Invocation): Promise<Receivable> {
    const given = input.postingDate ? requireLocalDate('postingDate', input.postingDate) : null;
    return this.repo.transaction(inv, async (tx) => {
      const receivable = visibleOrNull(inv, await tx.lockReceivableByInvoiceId(input.invoiceId));
      if (!receivable) throw notFound('Receivable of invoice', input.invoiceId);
      if (receivable.status === 'VOID') return receivable;
      // Default today, but never before the invoice itself (a reversal cannot precede what it reverses).
      const today = invocationToday(inv);
      const postingDate = given ?? (today > receivable.documentDate ? today : receivable.documentDate);
      const journal = await tx.lockJournalEntry(receivable.journalEntryId);
      if (!journal) throw notFound('JournalEntry', receivable.journalEntryId);
      const lines = await tx.journalLines(journal.id);
      // Schedules are locked before the journal counter, in the same order as every other posting (no deadlock).
      const schedules = await governingSchedules(tx, [...new Set(lines.flatMap((l) => (l.projectId ? [l.projectId] : [])))]);
      const env = await this.env(tx, receivable.legalEntityId, inv);
      const result = voidReceivable(receivable, journal, lines, postingDate, env);
      await tx.insertJournal(result.reversal);
      await tx.markJournalReversed(result.original, journal);
      const saved = await tx.saveReceivable(result.receivable, receivable);
      tx.emit(invoiceVoidedInLedger(saved));
      const statusChanged = invoicePaymentStatusChanged(receivable, saved, false, today);
      if (statusChanged) tx.emit(statusChanged);
      // Give back AS_INVOICED revenue only on schedules that existed when the invoice was posted (they recorded it).
      const giveBack: AsInvoicedRevenue[] = [];
      for (const [projectId, amount] of result.revenueByProject) {
        const schedule = schedules.get(projectId);
        if (!schedule || schedule.method !== 'AS_INVOICED' || schedule.createdAt > receivable.createdAt) continue;
        if (schedule.allocatedAmount.currency !== amount.currency) continue;
        giveBack.push({ schedule, period: periodOf(receivable.documentDate), amount: money(-amount.amountMinor, amount.currency) });
      }
      await recordAsInvoiced(tx, giveBack, result.reversal.entry.id, env, true);
      return saved;
    });
  }

  /** Records a customer payment, applies it to receivables and journals cash, receivables and realised FX. */
  recordPayment(raw: PaymentInput, inv: Invocation): Promise<Payment> {
    const input = validatePayment(raw);
    return this.repo.transaction(inv, async (tx) => {
      const customer = visibleOrNull(inv, await tx.customerFinancial(input.customerFinancialId));
      if (!customer) throw invalidInput('customerFinancialId', `customer financial ${input.customerFinancialId} does not exist`);
      const legalEntity = await requireLegalEntity(tx, 'legalEntityId', customer.legalEntityId, inv);
      if (input.bankReference) {
        const duplicate = await tx.paymentByBankReference(legalEntity.id, input.bankReference);
        if (duplicate) {
          throw new DomainError(ErrorCode.CONFLICT, `Bank reference ${input.bankReference} is already recorded on payment ${duplicate.id} in legal entity ${legalEntity.id}`, {
            entity: 'Payment', id: duplicate.id, field: 'bankReference',
          });
        }
      }
      // Receivables the caller may not see are left out, so the domain reports them as missing.
      const locked = (await tx.lockReceivables(input.applications.map((a) => a.receivableId))).filter((r) => visibleTo(inv, r));
      const fxRate = await rateOn(tx, input.amount.currency, legalEntity.functionalCurrency, input.receivedDate);
      const env = await this.env(tx, legalEntity.id, inv);
      const result = recordPayment(input, { customer, legalEntity, fxRate, receivables: new Map(locked.map((r) => [r.id, r])) }, env);
      await tx.insertJournal(result.journal);
      await tx.insertPayment(result.payment);
      await tx.insertApplications(result.applications);
      tx.emit(paymentRecorded(result.payment, result.applications, result.receivables));
      // This payment is applied to every receivable it changed.
      await saveAll(tx, result.receivables, locked, () => true, inv);
      return result.payment;
    });
  }

  /** Reverses a payment: reversing journal, applications undone, receivables re-opened. */
  reversePayment(target: Versioned, reason: string, inv: Invocation): Promise<Payment> {
    return this.repo.transaction(inv, async (tx) => {
      const payment = await loadForChange('Payment', target, (id) => tx.lockPayment(id), inv);
      if (payment.status === 'REVERSED') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Payment ${payment.id} is already REVERSED`, { entity: 'Payment', id: payment.id, from: payment.status });
      }
      if (!payment.journalEntryId) throw new Error(`Payment ${payment.id} has no journal entry`);
      const applications = (await tx.applicationsBySource('PAYMENT', payment.id)).filter((a) => a.reversedAt === null);
      const locked = await tx.lockReceivables(applications.map((a) => a.receivableId));
      const journal = await tx.lockJournalEntry(payment.journalEntryId);
      if (!journal) throw notFound('JournalEntry', payment.journalEntryId);
      const journalLines = await tx.journalLines(journal.id);
      const others = await tx.liveApplications(locked.map((r) => r.id));
      const otherLivePayment = new Set(others.filter((a) => a.kind === 'PAYMENT' && a.sourceId !== payment.id).map((a) => a.receivableId));
      const today = invocationToday(inv);
      const postingDate = today > journal.postingDate ? today : journal.postingDate;
      const env = await this.env(tx, payment.legalEntityId, inv);
      const result = reversePayment(payment, reason, postingDate, {
        journal, journalLines, applications, receivables: new Map(locked.map((r) => [r.id, r])), otherLivePayment,
      }, env);
      await tx.insertJournal(result.reversal);
      await tx.markJournalReversed(result.original, journal);
      await tx.markApplicationsReversed(result.applications.map((a) => a.id), env.now);
      await saveAll(tx, result.receivables, locked, (id) => otherLivePayment.has(id), inv);
      return tx.savePayment(result.payment, payment);
    });
  }

  /** Posts a balanced manual journal entry in the legal entity's functional currency. */
  postManualJournal(input: ManualJournalInput, inv: Invocation): Promise<JournalEntry> {
    return this.repo.transaction(inv, async (tx) => {
      const le = await requireLegalEntity(tx, 'legalEntityId', input.legalEntityId, inv);
      const spec = manualJournalSpec(input, le.functionalCurrency);
      const journal = buildJournalEntry(spec, await this.env(tx, le.id, inv));
      await tx.insertJournal(journal);
      return journal.entry;
    });
  }

  /** Reverses a POSTED manual entry with a new entry (default: on the original posting date). */
  reverseJournalEntry(input: { id: string; postingDate?: string | null }, inv: Invocation): Promise<JournalEntry> {
    return this.repo.transaction(inv, async (tx) => {
      const entry = visibleOrNull(inv, await tx.lockJournalEntry(input.id));
      if (!entry) throw notFound('JournalEntry', input.id);
      if (entry.status !== 'POSTED') {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `Journal entry ${entry.number} is ${entry.status} and cannot be reversed again`, {
          entity: 'JournalEntry', id: entry.id, from: entry.status,
        });
      }
      requireDirectlyReversible(entry);
      const lines = await tx.journalLines(entry.id);
      const postingDate = input.postingDate ? requireLocalDate('postingDate', input.postingDate) : entry.postingDate;
      const env = await this.env(tx, entry.legalEntityId, inv);
      const { reversal, original } = reverseJournal(entry, lines, postingDate, `Reversal of ${entry.number}: ${entry.description}`.slice(0, 500), env);
      await tx.insertJournal(reversal);
      await tx.markJournalReversed(original, entry);
      return reversal.entry;
    });
  }

  /**
   * Creates a DRAFT revenue schedule; a project has at most one live schedule. An integration administrator (the
   * process layer setting up a won deal) asking again for the same project and terms gets the live schedule back
   * unchanged: the project is the natural key of the step. Anyone else, or other terms, is a CONFLICT.
   */
  createRevenueSchedule(input: NewRevenueSchedule, inv: Invocation): Promise<RevenueSchedule> {
    const { schedule, lines } = createRevenueSchedule(input, (prefix) => newId(prefix), inv.now());
    return this.repo.transaction(inv, async (tx) => {
      await requireLegalEntity(tx, 'legalEntityId', schedule.legalEntityId, inv);
      const live = await tx.liveScheduleOfProject(schedule.projectId);
      if (live && !visibleTo(inv, live)) {
        // The project's books are kept in another legal entity: say so without naming its schedule.
        throw new DomainError(ErrorCode.CONFLICT, `Project ${schedule.projectId} already has a live revenue schedule in another legal entity`, { entity: 'RevenueSchedule' });
      }
      if (live && inv.roles?.includes('integration_admin') && sameScheduleTerms(live, schedule)) return live;
      if (live) {
        throw new DomainError(ErrorCode.CONFLICT, `Project ${schedule.projectId} already has a live revenue schedule ${live.id} (${live.status}); cancel or complete it first`, {
          entity: 'RevenueSchedule', id: live.id,
        });
      }
      await tx.insertRevenueSchedule(schedule);
      await tx.insertRevenueLines(lines);
      return schedule;
    });
  }

  /** Applies a lifecycle action to a revenue schedule. */
  transitionRevenueSchedule(target: Versioned, action: RevenueScheduleAction, inv: Invocation): Promise<RevenueSchedule> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('RevenueSchedule', target, (id) => tx.lockRevenueSchedule(id), inv);
      return tx.saveRevenueSchedule(transitionRevenueSchedule(current, action, inv.now()), current);
    });
  }

  /**
   * Applies a contract modification to the project's live revenue schedule, prospectively (see the domain rule). With
   * an amendment id the modification is applied once: the same amendment again returns the schedule as it is now, and
   * with another delta or date is a CONFLICT. A zero delta changes nothing.
   */
  adjustRevenueSchedule(input: RevenueAdjustment & { projectId: string; amendmentId?: string | null }, inv: Invocation): Promise<RevenueSchedule> {
    const projectId = requireId('projectId', input.projectId, 'prj');
    const amendmentId = input.amendmentId ? requireId('amendmentId', input.amendmentId, 'amd') : null;
    const effectiveDate = requireLocalDate('effectiveDate', input.effectiveDate);
    return this.repo.transaction(inv, async (tx) => {
      // The live schedule is locked first, so concurrent modifications of one project are serialised.
      const live = visibleOrNull(inv, await tx.lockLiveScheduleOfProject(projectId));
      const applied = amendmentId ? await tx.modificationByAmendment(projectId, amendmentId) : null;
      if (applied) {
        const target = visibleOrNull(inv, applied.revenueScheduleId === live?.id ? live : await tx.lockRevenueSchedule(applied.revenueScheduleId));
        if (!target) throw notFound('Live revenue schedule of project', projectId);
        requireSameModification(applied, validateAdjustment(target, { delta: input.delta, effectiveDate }));
        return target;
      }
      if (!live) throw notFound('Live revenue schedule of project', projectId);
      const adjustment = validateAdjustment(live, { delta: input.delta, effectiveDate });
      if (adjustment.delta.amountMinor === 0n) return live;
      const result = adjustRevenueSchedule(live, await tx.revenueLines([live.id]), adjustment, inv.now());
      await tx.saveRevenueLinePlans(result.lines);
      const saved = await tx.saveRevenueSchedule(result.schedule, live);
      await tx.insertModification(newModification((prefix) => newId(prefix), saved, { ...adjustment, amendmentId }, inv.now()));
      return saved;
    });
  }

  /** Recognizes revenue for a period of an ACTIVE schedule and journals it. */
  recognizeRevenue(input: RecognizeRevenueInput & { revenueScheduleId: string }, inv: Invocation): Promise<RevenueSchedule> {
    const postingDate = recognitionPostingDate(input);
    return this.repo.transaction(inv, async (tx) => {
      const schedule = await loadForChange('RevenueSchedule', { id: input.revenueScheduleId }, (id) => tx.lockRevenueSchedule(id), inv);
      requireRecognizable(schedule);
      const lines = await tx.revenueLines([schedule.id]);
      const le = await requireLegalEntity(tx, 'legalEntityId', schedule.legalEntityId, inv);
      const fxRate = await rateOn(tx, schedule.allocatedAmount.currency, le.functionalCurrency, postingDate);
      const env = await this.env(tx, le.id, inv);
      const result = recognizeRevenue(schedule, lines, { ...input, postingDate }, le.functionalCurrency, fxRate, env);
      await tx.insertJournal(result.journal);
      if (result.created) await tx.insertRevenueLines([result.line]);
      else await tx.upsertRevenueLines([result.line]);
      const saved = await tx.saveRevenueSchedule(result.schedule, schedule);
      tx.emit(revenueRecognized(saved, result.line.period, result.line.recognizedAmount));
      return saved;
    });
  }
}
