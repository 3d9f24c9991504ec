import {
  invalidInput, loadForChange, newId, requireLegalEntityAccess, requireLocalDate, requirePositive, todayUtc, visibleTo, type Invocation, type Versioned,
} from '../../../../platform/domain/index.js';
import { money, toDecimalString, type Money } from '../../../../platform/money/money.js';
import { rateCardVisibleTo } from '../auth/row-policy.js';
import { transitionBillableItem, type BillableItemAction, type NewBillableItem } from '../domain/billable-item.js';
import {
  dueInstalments, LINE_SOURCES, linkLineItems, milestoneLines, settleLines, validateMilestoneBillable, validateRunRequest, type BillingRunRequest,
} from '../domain/billing-run.js';
import {
  createBillingSchedule, liveScheduleConflict, requireActiveSchedule, transitionBillingSchedule,
  type BillingScheduleAction, type NewBillingSchedule,
} from '../domain/billing-schedule.js';
import {
  planAmendment, requireAmendable, requireCapCoversCommitted, requireSameAmendment, requireScheduleCurrency, scheduleAmendment, validateAmendmentTerms,
  type AmendmentTerms,
} from '../domain/amendment.js';
import { billingScheduleAmended, creditMemoIssued, invoiceIssued, invoicePosted, invoiceVoided } from '../domain/events.js';
import { batchField, singleField, validateRecordings, type FieldNamer } from '../domain/recording.js';
import { contractRateCard, scheduleForSetup, taxCodeForCountry, validateSetup, type BillingSetup } from '../domain/setup.js';
import {
  draftCreditMemo, releaseCreditedItems, releasedItemLinks, restoreReleasedItems, transitionCreditMemo,
  type CreditMemoAction, type NewCreditMemo,
} from '../domain/credit-memo.js';
import { optionalRef } from '../domain/inputs.js';
import {
  assertDiscardable, checkIssuable, detachItems, draftFromGroups, draftInvoice, invoiceItems, issueInvoice, postInvoice, releaseVoidedItems, voidInvoice,
} from '../domain/invoice.js';
import { formatDocumentNumber } from '../domain/numbering.js';
import { createRateCard, reviseRateCard, type NewRateCard, type RateCardRevision } from '../domain/rate-card.js';
import type { BillableItem, BillableItemBatch, BillingRun, BillingSchedule, CreditMemo, Invoice, RateCard } from '../domain/types.js';
import type { BillingRepository, BillingWriter, ItemChange } from '../repository/port.js';
import { itemsOfPlan, recordItems, settleScheduleLines } from './recording.js';

/** Input of `createDraftInvoice`. */
export interface DraftInvoiceRequest {
  billingScheduleId: string;
  billableItemIds?: string[] | null;
  throughDate?: string | null;
  billToContactId?: string | null;
}

/** Input of `recordMilestoneBillable`: an accepted milestone version to bill. */
export interface MilestoneBillable {
  milestoneId: string;
  milestoneVersion: number;
  projectId: string;
  name: string;
  amount: Money;
  acceptedOn: string;
}

/** A recording input as the batch mutation receives it: an item must not carry its own idempotency key. */
export type BatchRecordingInput = NewBillableItem & { idempotencyKey?: string | null };

/** Milestone requests name their fields after the milestone, not after the generic item recording. */
const MILESTONE_FIELDS: Readonly<Record<string, string>> = {
  sourceId: 'milestoneId', sourceVersion: 'milestoneVersion', serviceDate: 'acceptedOn', unitPrice: 'amount', description: 'name',
};
const milestoneField: FieldNamer = (_index, field) => MILESTONE_FIELDS[field] ?? field;

/** Input of `createCreditMemo`. */
export interface CreditMemoRequest extends NewCreditMemo {
  invoiceId: string;
}

/** Pairs changed items with the items as read, for the bulk versioned (and audited) write. */
function changesOf(before: readonly BillableItem[], after: readonly BillableItem[]): ItemChange[] {
  const read = new Map(before.map((i) => [i.id, i]));
  return after.map((item) => {
    const was = read.get(item.id);
    if (!was) throw new Error(`billable item ${item.id} was changed without being read first`);
    return { item, before: was };
  });
}

const today = (inv: Invocation): string => todayUtc(new Date(inv.now()));

/** Locks the items a draft names; an item the caller may not see is reported as unknown, exactly like a missing one. */
async function lockRequestedItems(tx: BillingWriter, ids: readonly string[], inv: Invocation): Promise<BillableItem[]> {
  const unique = new Set(ids);
  if (unique.size !== ids.length) throw invalidInput('billableItemIds', 'lists an item more than once');
  const items = (await tx.lockItems(ids)).filter((i) => visibleTo(inv, i));
  if (items.length !== ids.length) {
    const found = new Set(items.map((i) => i.id));
    throw invalidInput('billableItemIds', `unknown billable item ${ids.filter((id) => !found.has(id)).join(', ')}`);
  }
  return items;
}

/** Locks a rate card for a change; a card the caller may not see is as good as absent (NOT_FOUND). */
async function lockVisibleRateCard(tx: BillingWriter, id: string, inv: Invocation): Promise<RateCard | null> {
  const card = await tx.lockRateCard(id);
  return card && rateCardVisibleTo(inv, card) ? card : null;
}

/**
 * The billing use cases: each validates with the domain rules and reads, locks and writes in one transaction, so
 * a failed mutation writes nothing, and every change is audited in that transaction on behalf of `inv`. Versions
 * are checked against `expectedVersion` when given, and always against concurrent writers.
 *
 * Access: a record outside the invocation's legal entities is NOT_FOUND when changed (`loadForChange`), and creating
 * a record in such a legal entity is FORBIDDEN. An invocation without `legalEntities` (system work such as the seed
 * replay) may act in every legal entity.
 */
export class BillingService {
  constructor(private readonly repo: BillingRepository) {}

  /** Creates a rate card; a card of a legal entity may be created only by a caller who may act in it. */
  createRateCard(input: NewRateCard, inv: Invocation): Promise<RateCard> {
    const card = createRateCard(newId('rc'), input, inv.now(), () => newId('rcl'));
    if (card.legalEntityId !== null) requireLegalEntityAccess(inv, card.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      await tx.insertRateCard(card);
      return card;
    });
  }

  /** Supersedes a card from a date: the old card ends the day before, the new one starts; one transaction. */
  reviseRateCard(target: Versioned, revision: RateCardRevision, inv: Invocation): Promise<RateCard> {
    return this.repo.transaction(inv, async (tx) => {
      // Not loadForChange's own visibility check: it would hide the shared cards, which have no legal entity.
      const current = await loadForChange('RateCard', target, (id) => lockVisibleRateCard(tx, id, inv));
      const { superseded, revised } = reviseRateCard(current, newId('rc'), revision, inv.now(), () => newId('rcl'));
      await tx.saveRateCard(superseded, current);
      await tx.insertRateCard(revised);
      return revised;
    });
  }

  /** Creates a DRAFT schedule in a legal entity the caller may act in; a rate card the caller may not see is unknown. */
  createBillingSchedule(input: NewBillingSchedule, inv: Invocation): Promise<BillingSchedule> {
    requireLegalEntityAccess(inv, input.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      const taxCode = typeof input.taxCode === 'string' ? await tx.taxCode(input.taxCode.trim()) : null;
      const rateCard = input.rateCardId ? await lockVisibleRateCard(tx, input.rateCardId, inv) : null;
      const schedule = createBillingSchedule(newId('bs'), input, { taxCode, rateCard }, inv.now(), () => newId('bsl'));
      const live = await tx.lockLiveScheduleOfProject(schedule.projectId);
      if (live) throw liveScheduleConflict(schedule.projectId, visibleTo(inv, live) ? live : null);
      await tx.insertSchedule(schedule);
      return schedule;
    });
  }

  transitionBillingSchedule(target: Versioned, action: BillingScheduleAction, inv: Invocation): Promise<BillingSchedule> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('BillingSchedule', target, (id) => tx.lockSchedule(id), inv);
      return tx.saveSchedule(transitionBillingSchedule(current, action, inv.now()), current);
    });
  }

  /**
   * Records the item of one source record version, idempotently: the same version returns the same item. The
   * project's live schedule is locked, so the not-to-exceed check sees every concurrent recording of the project.
   * The item belongs to the schedule's legal entity, so the caller must be allowed to act in it (a replay too). A new
   * version supersedes the open items of the source's older versions, as in a batch.
   */
  recordBillableItem(input: NewBillableItem, inv: Invocation): Promise<BillableItem> {
    const recordings = validateRecordings([input], singleField);
    return this.repo.transaction(inv, async (tx) => {
      const plan = await recordItems(tx, inv, recordings, singleField);
      return itemsOfPlan(plan).get(plan.itemIds[0] as string) as BillableItem;
    });
  }

  /**
   * Records up to 5 000 items in one transaction, set-based, with the rules of `recordBillableItem` applied in input
   * order; the outcome is kept (its id answers a retry with the same idempotency key).
   */
  recordBillableItems(inputs: readonly BatchRecordingInput[], inv: Invocation): Promise<BillableItemBatch> {
    const keyed = Array.isArray(inputs) ? inputs.findIndex((i) => i.idempotencyKey !== null && i.idempotencyKey !== undefined) : -1;
    if (keyed >= 0) throw invalidInput(`items[${keyed}].idempotencyKey`, 'set the idempotency key on the batch, not on an item');
    const recordings = validateRecordings(inputs, batchField);
    return this.repo.transaction(inv, async (tx) => {
      const plan = await recordItems(tx, inv, recordings, batchField);
      const batch: BillableItemBatch = {
        id: newId('bib'),
        legalEntityIds: [...new Set([...plan.created, ...plan.replayed].map((i) => i.legalEntityId))].sort(),
        ...plan.counts,
        itemIds: plan.itemIds,
        recordedAt: inv.now(),
      };
      await tx.insertBatch(batch);
      return batch;
    });
  }

  /**
   * Records the MILESTONE item of an accepted milestone version (natural key `MILESTONE:{milestoneId}:{version}`) and
   * makes the milestone's schedule line READY with it, adding the line when the schedule has none for the milestone.
   */
  recordMilestoneBillable(input: MilestoneBillable, inv: Invocation): Promise<BillableItem> {
    const { milestoneId, name } = validateMilestoneBillable(input);
    const amount = requirePositive('amount', input.amount);
    const recordings = validateRecordings(
      [{
        sourceType: 'MILESTONE', sourceId: milestoneId, sourceVersion: input.milestoneVersion, projectId: input.projectId, serviceDate: input.acceptedOn,
        description: `Milestone: ${name}`, quantity: '1', unitPrice: toDecimalString(amount),
      }],
      milestoneField,
    );
    const recording = recordings[0] as (typeof recordings)[number];
    return this.repo.transaction(inv, async (tx) => {
      const schedule = await tx.lockLiveScheduleOfProject(recording.projectId);
      if (schedule && schedule.currency !== amount.currency) throw invalidInput('amount', `is in ${amount.currency}; the schedule of project ${recording.projectId} bills in ${schedule.currency}`);
      const plan = await recordItems(tx, inv, recordings, milestoneField, schedule ? [schedule] : []);
      const item = itemsOfPlan(plan).get(plan.itemIds[0] as string) as BillableItem;
      if (schedule && plan.created.length === 1 && item.status !== 'CANCELLED') {
        const now = inv.now();
        await tx.saveSchedule({ ...schedule, version: schedule.version + 1, lines: milestoneLines(schedule, milestoneId, item, () => newId('bsl')), updatedAt: now }, schedule);
      }
      return item;
    });
  }

  /**
   * Sets up a won project's billing in one transaction: the contract's rate card (the contract's current card in the
   * currency, else a copy of the legal entity's card, else of the STANDARD card), the schedule of the billing model
   * with its instalments and the tax code of the country, activated. One live schedule per project: when the project
   * has one, it is returned unchanged (natural-key idempotency; concurrent set-ups of a project queue on a lock).
   */
  setupBillingForProject(input: BillingSetup, inv: Invocation): Promise<BillingSchedule> {
    const setup = validateSetup(input);
    requireLegalEntityAccess(inv, setup.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      await tx.lockProjectSetup(setup.projectId);
      const live = await tx.lockLiveScheduleOfProject(setup.projectId);
      if (live) {
        if (!visibleTo(inv, live)) throw liveScheduleConflict(setup.projectId, null);
        return live;
      }
      const now = inv.now();
      const taxCode = await tx.taxCode(taxCodeForCountry(setup.country));
      let card = await tx.currentContractRateCard(setup.contractId, setup.currency);
      if (!card) {
        const template = await tx.rateCardTemplate(setup.legalEntityId, setup.currency, setup.startDate);
        if (!template) throw invalidInput('currency', `there is no rate card of legal entity ${setup.legalEntityId} nor a STANDARD rate card in ${setup.currency} to copy`);
        card = contractRateCard(template, setup, newId('rc'), now, () => newId('rcl'));
        await tx.insertRateCard(card);
      }
      const draft = createBillingSchedule(newId('bs'), scheduleForSetup(setup, card.id), { taxCode, rateCard: card }, now, () => newId('bsl'));
      await tx.insertSchedule(draft);
      return tx.saveSchedule(transitionBillingSchedule(draft, 'ACTIVATE', now), draft);
    });
  }

  /**
   * Applies an executed contract amendment to a schedule from its effective date, in one transaction (the domain rules
   * are `planAmendment`'s): the new contract value re-spreads or regenerates the PLANNED lines due from then, the cap
   * is replaced when given (never below what the schedule has INVOICED or READY), the schedule goes one version up and
   * `BillingScheduleAmended` is emitted. The amendment is the natural key: applied again with the same terms it answers
   * with the schedule as it is, with other terms it is a CONFLICT. A schedule the caller may not see is NOT_FOUND.
   */
  amendBillingSchedule(input: AmendmentTerms, inv: Invocation): Promise<BillingSchedule> {
    const terms = validateAmendmentTerms(input);
    return this.repo.transaction(inv, async (tx) => {
      // The schedule lock serialises amendments, recordings and runs of the schedule, so the natural-key check below
      // sees any application of the same amendment that committed first.
      const schedule = await loadForChange('BillingSchedule', { id: terms.billingScheduleId }, (id) => tx.lockSchedule(id), inv);
      requireScheduleCurrency(schedule, terms);
      const applied = await tx.amendmentOfSchedule(schedule.id, terms.amendmentId);
      if (applied) {
        requireSameAmendment(applied, terms);
        return schedule;
      }
      requireAmendable(schedule);
      if (terms.notToExceed) requireCapCoversCommitted(terms.notToExceed, money(await tx.committedToBill(schedule), schedule.currency));
      const now = inv.now();
      const plan = planAmendment(schedule, terms, now, () => newId('bsl'));
      const saved = await tx.saveSchedule(plan.schedule, schedule);
      const amendment = scheduleAmendment(newId('bsa'), saved, terms, plan, now);
      await tx.insertAmendment(amendment);
      tx.emit(billingScheduleAmended(saved, amendment));
      return saved;
    });
  }

  /**
   * The billing run of one ACTIVE schedule, in one transaction: the planned fixed-fee or retainer lines due by
   * `throughDate` become items (their lines READY), then every READY item of the project on no invoice delivered by
   * `throughDate` goes on one invoice: a DRAFT, or with `autoIssue` ISSUED at once with the next gapless number (its
   * items INVOICED, its schedule lines BILLED). Items past the not-to-exceed cap are ON_HOLD and stay out. The outcome
   * is kept.
   */
  runBilling(input: BillingRunRequest, inv: Invocation): Promise<BillingRun> {
    const request = validateRunRequest(input);
    return this.repo.transaction(inv, async (tx) => {
      const locked = await tx.lockSchedule(request.billingScheduleId);
      if (!locked) throw invalidInput('billingScheduleId', `billing schedule ${request.billingScheduleId} does not exist`);
      requireLegalEntityAccess(inv, locked.legalEntityId);
      requireActiveSchedule(locked, 'a billing run');
      const now = inv.now();
      let schedule = locked;

      const due = dueInstalments(schedule, request.throughDate);
      if (due.length > 0) {
        const plan = await recordItems(tx, inv, validateRecordings(due.map((d) => d.recording), batchField), batchField, [schedule]);
        const items = itemsOfPlan(plan);
        schedule = { ...schedule, lines: linkLineItems(schedule.lines, new Map(due.map((d, i) => [d.line.id, items.get(plan.itemIds[i] as string) as BillableItem]))) };
      }

      // Grouped by the store, placed in one statement: thousands of items never cross as rows. The schedule lock keeps
      // recordings, drafts and other runs of the project out; a concurrent hold of an item fails the run (VERSION_CONFLICT).
      // Statements that do not need each other's results are sent together and run in order: one round trip's wait
      // for each group instead of one per statement.
      const [groups, itemsHeld, taxCode] = await Promise.all([
        tx.readyItemGroups(schedule.projectId, schedule.currency, request.throughDate),
        tx.countHeldItems(schedule.projectId, schedule.currency, request.throughDate),
        tx.taxCode(schedule.taxCode),
      ]);
      const invoiceIds: string[] = [];
      let itemsInvoiced = 0;
      // The last writes (the invoice's issue, the schedule, the run) need nothing back but their checks: sent together.
      const closing: Array<Promise<unknown>> = [];
      if (groups.length > 0) {
        if (!taxCode) throw new Error(`tax code ${schedule.taxCode} of schedule ${schedule.id} is missing`);
        const drafted = draftFromGroups(newId('inv'), { schedule, groups, taxCode }, now, () => newId('invl'));
        const date = request.autoIssue ? checkIssuable(drafted.invoice, request.issueDate ?? today(inv)) : null;
        const written = Promise.all([tx.insertInvoice(drafted.invoice), tx.insertLines(drafted.lines)]);
        if (date) {
          // The items go on the invoice with its number taken: each changes once (READY on no invoice → INVOICED on
          // this one), so its version moves by one.
          const [, taken, placed] = await Promise.all([
            written,
            tx.takeNextNumber(drafted.invoice.legalEntityId, 'INVOICE'),
            tx.placeItemsOnInvoice(drafted.invoice.id, drafted.lines, 'INVOICED', now),
          ]);
          const issued = issueInvoice(drafted.invoice, formatDocumentNumber(taken.prefix, date, taken.sequence), date, now);
          closing.push(tx.saveInvoice(issued, drafted.invoice));
          const billed = settleLines(schedule, new Set(placed.filter((i) => LINE_SOURCES.includes(i.sourceType)).map((i) => i.id)), ['READY'], 'BILLED', now);
          if (billed) schedule = { ...schedule, lines: billed.lines };
          tx.emit(invoiceIssued(issued, drafted.lines, placed));
          itemsInvoiced = placed.length;
        } else {
          const [, placed] = await Promise.all([written, tx.placeItemsOnInvoice(drafted.invoice.id, drafted.lines, 'READY', now)]);
          itemsInvoiced = placed.length;
        }
        invoiceIds.push(drafted.invoice.id);
      }
      if (schedule !== locked) closing.push(tx.saveSchedule({ ...schedule, version: locked.version + 1, updatedAt: now }, locked));

      const run: BillingRun = {
        id: newId('brun'),
        billingScheduleId: locked.id,
        projectId: locked.projectId,
        legalEntityId: locked.legalEntityId,
        throughDate: request.throughDate,
        autoIssue: request.autoIssue,
        invoiceIds,
        itemsInvoiced,
        itemsHeld,
        linesReleased: due.length,
        ranAt: now,
      };
      await Promise.all([...closing, tx.insertRun(run)]);
      return run;
    });
  }

  transitionBillableItem(target: Versioned, action: BillableItemAction, reason: string | null | undefined, inv: Invocation): Promise<BillableItem> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('BillableItem', target, (id) => tx.lockItem(id), inv);
      return tx.saveItem(transitionBillableItem(current, action, reason, inv.now()), current);
    });
  }

  /**
   * Drafts an invoice from the schedule's READY items (the given ones, or all up to `throughDate`), in the schedule's
   * legal entity, which the caller must be allowed to act in.
   */
  createDraftInvoice(input: DraftInvoiceRequest, inv: Invocation): Promise<Invoice> {
    const throughDate = input.throughDate ? requireLocalDate('throughDate', input.throughDate) : null;
    const billToContactId = optionalRef('billToContactId', input.billToContactId, 'con');
    return this.repo.transaction(inv, async (tx) => {
      const schedule = await tx.lockSchedule(input.billingScheduleId);
      if (!schedule) throw invalidInput('billingScheduleId', `billing schedule ${input.billingScheduleId} does not exist`);
      requireLegalEntityAccess(inv, schedule.legalEntityId);
      requireActiveSchedule(schedule, 'invoicing');
      let items: BillableItem[];
      if (input.billableItemIds) {
        items = await lockRequestedItems(tx, input.billableItemIds, inv);
        const late = throughDate ? items.find((i) => i.serviceDate > throughDate) : undefined;
        if (late) throw invalidInput('billableItemIds', `item ${late.id} was delivered on ${late.serviceDate}, after throughDate ${throughDate}`);
      } else {
        items = await tx.lockUninvoicedReadyItems(schedule.projectId, schedule.currency, throughDate);
      }
      const taxCode = await tx.taxCode(schedule.taxCode);
      if (!taxCode) throw new Error(`tax code ${schedule.taxCode} of schedule ${schedule.id} is missing`);
      const drafted = draftInvoice(newId('inv'), { schedule, items, taxCode, billToContactId }, inv.now(), () => newId('invl'));
      await tx.insertInvoice(drafted.invoice);
      await tx.insertLines(drafted.lines);
      await tx.saveItemInvoicing(changesOf(items, drafted.items));
      return drafted.invoice;
    });
  }

  /** Deletes a draft and frees its items. */
  discardDraftInvoice(target: Versioned, inv: Invocation): Promise<boolean> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Invoice', target, (id) => tx.lockInvoice(id), inv);
      assertDiscardable(current);
      const items = await tx.lockItemsOfInvoice(current.id);
      await tx.saveItemInvoicing(changesOf(items, detachItems(items, inv.now())));
      await tx.deleteDraftInvoice(current);
      return true;
    });
  }

  /**
   * Issues a draft: takes the next number of the legal entity's invoice series, dates it and invoices its items, in
   * one transaction, so a failure leaves the draft as it was and the series without a gap.
   */
  issueInvoice(target: Versioned, issueDate: string | null | undefined, inv: Invocation): Promise<Invoice> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Invoice', target, (id) => tx.lockInvoice(id), inv);
      const date = checkIssuable(current, issueDate ?? today(inv));
      // The schedule before the items: billing's lock order, since the schedule's lines follow the items.
      const schedule = current.billingScheduleId ? await tx.lockSchedule(current.billingScheduleId) : null;
      const items = await tx.lockItemsOfInvoice(current.id);
      const taken = await tx.takeNextNumber(current.legalEntityId, 'INVOICE');
      const issued = issueInvoice(current, formatDocumentNumber(taken.prefix, date, taken.sequence), date, inv.now());
      await tx.saveInvoice(issued, current);
      const invoiced = invoiceItems(issued, items, inv.now());
      await tx.saveItemInvoicing(changesOf(items, invoiced));
      await settleScheduleLines(tx, schedule, invoiced, ['PLANNED', 'READY'], 'BILLED', inv.now());
      tx.emit(invoiceIssued(issued, await tx.linesOfDocument(issued.id), invoiced));
      return issued;
    });
  }

  postInvoice(target: Versioned, inv: Invocation): Promise<Invoice> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Invoice', target, (id) => tx.lockInvoice(id), inv);
      const posted = await tx.saveInvoice(postInvoice(current, inv.now()), current);
      tx.emit(invoicePosted(posted));
      return posted;
    });
  }

  /** Voids an issued or posted invoice; its items become READY again. */
  voidInvoice(target: Versioned, reason: string, inv: Invocation): Promise<Invoice> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Invoice', target, (id) => tx.lockInvoice(id), inv);
      const live = (await tx.creditMemosOfInvoice(current.id)).filter((m) => m.status !== 'VOID').map((m) => m.id);
      const voided = voidInvoice(current, reason, live, inv.now());
      const schedule = current.billingScheduleId ? await tx.lockSchedule(current.billingScheduleId) : null;
      const items = await tx.lockItemsOfInvoice(current.id);
      await tx.saveInvoice(voided, current);
      const released = releaseVoidedItems(items, inv.now());
      await tx.saveItemInvoicing(changesOf(items, released));
      await settleScheduleLines(tx, schedule, released, ['BILLED'], 'READY', inv.now());
      tx.emit(invoiceVoided(voided, current.status === 'POSTED', released));
      return voided;
    });
  }

  /**
   * Drafts a credit memo. The invoice row is locked, so two memos drafted at once cannot together credit more than
   * the invoice. The memo belongs to the invoice's legal entity, which the caller must be allowed to act in.
   */
  createCreditMemo(input: CreditMemoRequest, inv: Invocation): Promise<CreditMemo> {
    return this.repo.transaction(inv, async (tx) => {
      const invoice = await tx.lockInvoice(input.invoiceId);
      if (!invoice) throw invalidInput('invoiceId', `invoice ${input.invoiceId} does not exist`);
      requireLegalEntityAccess(inv, invoice.legalEntityId);
      const lines = await tx.linesOfDocument(invoice.id);
      const prior = await tx.liveCreditLinesOfInvoice(invoice.id);
      const drafted = draftCreditMemo(newId('cm'), invoice, lines, prior, input, inv.now(), () => newId('cml'));
      await tx.insertCreditMemo(drafted.memo);
      await tx.insertLines(drafted.lines);
      return drafted.memo;
    });
  }

  /**
   * Applies a lifecycle action to a credit memo. ISSUE numbers it from the credit memo series and, for a releasing
   * memo, makes its items billable again; VOID of such an issued memo puts them back on the invoice.
   */
  transitionCreditMemo(target: Versioned, action: CreditMemoAction, inv: Invocation): Promise<CreditMemo> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('CreditMemo', target, (id) => tx.lockCreditMemo(id), inv);
      const releasing = current.releasesBillableItems && ((action === 'ISSUE' && current.status === 'DRAFT') || (action === 'VOID' && current.status === 'ISSUED'));
      const issuing = action === 'ISSUE' && current.status === 'DRAFT';
      let number: string | null = null;
      if (issuing) {
        const taken = await tx.takeNextNumber(current.legalEntityId, 'CREDIT_MEMO');
        number = formatDocumentNumber(taken.prefix, today(inv), taken.sequence);
      }
      const next = transitionCreditMemo(current, action, number, inv.now());
      const lines = issuing || releasing ? await tx.linesOfDocument(current.id) : [];
      let released: BillableItem[] = [];
      if (releasing) {
        const links = releasedItemLinks(lines);
        // The invoice's schedule before the items (billing's lock order): the schedule's lines follow the items.
        const invoice = await tx.lockInvoice(current.invoiceId);
        const schedule = invoice?.billingScheduleId ? await tx.lockSchedule(invoice.billingScheduleId) : null;
        const items = await tx.lockItems([...links.keys()]);
        if (items.length !== links.size) throw new Error(`credit memo ${current.id} names billable items that do not exist`);
        const changed = action === 'ISSUE' ? releaseCreditedItems(current, items, inv.now()) : restoreReleasedItems(current, links, items, inv.now());
        await tx.saveItemInvoicing(changesOf(items, changed));
        if (action === 'ISSUE') {
          released = changed;
          await settleScheduleLines(tx, schedule, changed, ['BILLED'], 'READY', inv.now());
        } else {
          await settleScheduleLines(tx, schedule, changed, ['READY'], 'BILLED', inv.now());
        }
      }
      const saved = await tx.saveCreditMemo(next, current);
      if (issuing) {
        tx.emit(creditMemoIssued(saved, today(inv), saved.total.currency, lines, released));
      }
      return saved;
    });
  }
}
