import { DomainError, ErrorCode, invalidInput, requireCurrency, requireLocalDate, requirePositive } from '../../../../platform/domain/index.js';
import { allocate, equals, money, toDecimalString, type Money } from '../../../../platform/money/money.js';
import { MAX_SCHEDULE_LINES } from './billing-schedule.js';
import { requireRef } from './inputs.js';
import { instalmentDate, monthsOf } from './setup.js';
import type { BillingSchedule, BillingScheduleLine, BillingScheduleStatus, ScheduleAmendment } from './types.js';

/**
 * Contract amendments on the billing side (flow F4, "regenerate future schedule lines"): an EXECUTED crm amendment
 * changes the contract value, the cap and the end of delivery from its effective date. Lines that are READY, BILLED or
 * CANCELLED are history and never change; only PLANNED lines due on or after the effective date do.
 */

/** The new terms of an executed contract amendment, as the process layer sends them. */
export interface AmendmentTerms {
  billingScheduleId: string;
  /** The crm contract amendment (`amd_…`): the natural key of its application to a schedule. */
  amendmentId: string;
  effectiveDate: string;
  /** Change of the contract value in the schedule currency; may be negative or zero. */
  contractValueDelta: Money;
  /** The new cap; absent leaves the cap as it is. */
  notToExceed?: Money | null;
  /** The new last day of delivery; absent leaves the plan's end as it is. */
  endDate?: string | null;
}

/** Amendment terms after validation: optional terms are null when absent. */
export interface ValidAmendmentTerms {
  billingScheduleId: string;
  amendmentId: string;
  effectiveDate: string;
  contractValueDelta: Money;
  notToExceed: Money | null;
  endDate: string | null;
}

/** What applying an amendment does to a schedule. */
export interface AmendmentPlan {
  /** The schedule with the new terms, one version up. */
  schedule: BillingSchedule;
  /** PLANNED lines the amendment cancelled (replaced by regenerated lines, or left with nothing to bill). */
  linesCancelled: number;
  /** PLANNED lines the amendment added. */
  linesCreated: number;
}

/** Schedule statuses an amendment may be applied in: a schedule still billing, or paused. */
export const AMENDABLE_STATUSES: readonly BillingScheduleStatus[] = ['ACTIVE', 'SUSPENDED'];

/**
 * Largest amount an amendment may carry, in minor units (absolute value): far beyond any contract, and far enough from
 * the 64-bit limit of stored amounts that the lines it changes cannot overflow.
 */
export const MAX_AMENDMENT_MINOR = 10n ** 15n;

const show = (m: Money): string => `${toDecimalString(m)} ${m.currency}`;

function requireBounded(field: string, m: Money): Money {
  const abs = m.amountMinor < 0n ? -m.amountMinor : m.amountMinor;
  if (abs > MAX_AMENDMENT_MINOR) throw invalidInput(field, `must be at most ${MAX_AMENDMENT_MINOR} minor units in absolute value`);
  return m;
}

/** Validates the terms on their own: identifiers (`bs_…`, `amd_…`), dates, an end not before the effective date, a positive cap. */
export function validateAmendmentTerms(input: AmendmentTerms): ValidAmendmentTerms {
  const billingScheduleId = requireRef('billingScheduleId', input.billingScheduleId, 'bs');
  const amendmentId = requireRef('amendmentId', input.amendmentId, 'amd');
  const effectiveDate = requireLocalDate('effectiveDate', input.effectiveDate);
  const endDate = input.endDate === null || input.endDate === undefined ? null : requireLocalDate('endDate', input.endDate);
  if (endDate !== null && endDate < effectiveDate) throw invalidInput('endDate', `must not be before effectiveDate ${effectiveDate}`);
  return {
    billingScheduleId,
    amendmentId,
    effectiveDate,
    contractValueDelta: requireBounded('contractValueDelta', input.contractValueDelta),
    notToExceed: input.notToExceed ? requireBounded('notToExceed', requirePositive('notToExceed', input.notToExceed)) : null,
    endDate,
  };
}

/** Refuses amounts that are not in the schedule currency (BAD_USER_INPUT naming the field). */
export function requireScheduleCurrency(schedule: Pick<BillingSchedule, 'currency'>, terms: ValidAmendmentTerms): void {
  requireCurrency('contractValueDelta', terms.contractValueDelta, schedule.currency);
  if (terms.notToExceed) requireCurrency('notToExceed', terms.notToExceed, schedule.currency);
}

/** Refuses to amend a schedule that is not ACTIVE or SUSPENDED (a DRAFT has no contract yet; a finished one is history). */
export function requireAmendable(schedule: Pick<BillingSchedule, 'id' | 'status'>): void {
  if (!AMENDABLE_STATUSES.includes(schedule.status)) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `BillingSchedule ${schedule.id} is ${schedule.status}; only an ACTIVE or SUSPENDED schedule can be amended`, {
      entity: 'BillingSchedule', id: schedule.id, from: schedule.status, action: 'AMEND',
    });
  }
}

const sameMoney = (a: Money | null, b: Money | null): boolean => (a === null || b === null ? a === b : equals(a, b));

/**
 * The natural-key rule: an amendment is applied to a schedule once. The same amendment with the same terms again is a
 * replay (the caller answers with the schedule as it is); with other terms it is a CONFLICT, since the terms of an
 * executed amendment do not change.
 */
export function requireSameAmendment(applied: ScheduleAmendment, terms: ValidAmendmentTerms): void {
  const differing = [
    applied.effectiveDate !== terms.effectiveDate ? 'effectiveDate' : null,
    !equals(applied.contractValueDelta, terms.contractValueDelta) ? 'contractValueDelta' : null,
    !sameMoney(applied.notToExceed, terms.notToExceed) ? 'notToExceed' : null,
    applied.endDate !== terms.endDate ? 'endDate' : null,
  ].filter((f): f is string => f !== null);
  if (differing.length > 0) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `Amendment ${applied.amendmentId} was already applied to billing schedule ${applied.billingScheduleId} with another ${differing.join(', ')}`,
      { entity: 'BillingSchedule', id: applied.billingScheduleId, amendmentId: applied.amendmentId, fields: differing },
    );
  }
}

/**
 * Refuses a cap below what the schedule has already committed to bill: the amounts of its billable items that are
 * INVOICED or READY (`committed`, in the schedule currency).
 */
export function requireCapCoversCommitted(notToExceed: Money, committed: Money): void {
  if (notToExceed.amountMinor < committed.amountMinor) {
    throw invalidInput('notToExceed', `must not be below ${show(committed)}, what the schedule has already invoiced or made READY`, {
      committed: committed.amountMinor.toString(),
    });
  }
}

/** A fixed-fee or retainer instalment the amendment may change: PLANNED, not tied to a milestone, due on or after the effective date. */
function isFutureInstalment(line: BillingScheduleLine, effectiveDate: string): boolean {
  return line.status === 'PLANNED' && line.milestoneId === null && line.plannedDate >= effectiveDate;
}

/** Whole months from the month of `from` to the month of `to`, both included. */
function monthSpan(from: string, to: string): number {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return index(to) - index(from) + 1;
}

/**
 * Due dates of the regenerated instalments: one per month from the effective month to the new end, on the schedule's
 * convention (in arrears at month end, the last on the end date; in advance on the 1st, the first on the effective
 * date), leaving out the months an instalment that stays (READY, BILLED, or PLANNED before the effective date) already
 * bills, so that no month is billed twice.
 */
function regeneratedDates(schedule: BillingSchedule, replaced: ReadonlySet<string>, effectiveDate: string, endDate: string): string[] {
  const span = monthSpan(effectiveDate, endDate);
  if (span > MAX_SCHEDULE_LINES) throw invalidInput('endDate', `the schedule would have ${span} monthly lines, more than ${MAX_SCHEDULE_LINES}`);
  const billed = new Set(
    schedule.lines.filter((l) => l.milestoneId === null && l.status !== 'CANCELLED' && !replaced.has(l.id)).map((l) => l.plannedDate.slice(0, 7)),
  );
  return monthsOf(effectiveDate, endDate)
    .filter((month) => !billed.has(month))
    .map((month) => instalmentDate(month, effectiveDate, endDate, schedule.inArrears));
}

const sameDates = (dates: readonly string[], lines: readonly BillingScheduleLine[]): boolean =>
  dates.length === lines.length && [...dates].sort().join() === lines.map((l) => l.plannedDate).sort().join();

interface LineChange {
  lines: BillingScheduleLine[];
  cancelled: number;
  created: number;
}

const UNCHANGED = (schedule: BillingSchedule): LineChange => ({ lines: schedule.lines, cancelled: 0, created: 0 });

/**
 * Fixed fee and retainer: the value still to bill from the effective date is Σ of the future PLANNED instalments plus
 * the delta (never below zero). With a new end date that changes the plan, the future instalments are CANCELLED and
 * regenerated monthly up to it, in equal shares; otherwise the value is re-spread over the future instalments in
 * proportion to their amounts. Both allocate by largest remainder, exact to the minor unit. With no future instalment
 * a positive delta becomes one new line at the effective date. A line left with nothing to bill is CANCELLED (or not
 * created): a PLANNED line never carries zero.
 */
function amendInstalments(schedule: BillingSchedule, terms: ValidAmendmentTerms, lineId: () => string): LineChange {
  const future = schedule.lines.filter((l) => isFutureInstalment(l, terms.effectiveDate));
  const replaced = new Set(future.map((l) => l.id));
  const planned = money(future.reduce((s, l) => s + l.amount.amountMinor, 0n), schedule.currency);
  const remaining = money(planned.amountMinor + terms.contractValueDelta.amountMinor, schedule.currency);
  if (remaining.amountMinor < 0n) {
    throw invalidInput('contractValueDelta', `${show(terms.contractValueDelta)} would leave less than nothing to bill: ${show(planned)} is planned from ${terms.effectiveDate}`, {
      plannedFromEffectiveDate: planned.amountMinor.toString(),
    });
  }
  const newLine = (plannedDate: string, amount: Money): BillingScheduleLine => ({ id: lineId(), plannedDate, milestoneId: null, amount, status: 'PLANNED', billableItemId: null });

  const dates = terms.endDate ? regeneratedDates(schedule, replaced, terms.effectiveDate, terms.endDate) : null;
  if (dates && !sameDates(dates, future)) {
    const created =
      dates.length > 0
        ? allocate(remaining, dates.map(() => 1n)).flatMap((amount, i) => (amount.amountMinor > 0n ? [newLine(dates[i] as string, amount)] : []))
        : remaining.amountMinor > 0n
          ? [newLine(terms.effectiveDate, remaining)]
          : [];
    const kept = schedule.lines.map((l): BillingScheduleLine => (replaced.has(l.id) ? { ...l, status: 'CANCELLED' } : l));
    return { lines: [...kept, ...created], cancelled: future.length, created: created.length };
  }
  if (future.length === 0) {
    return remaining.amountMinor > 0n ? { lines: [...schedule.lines, newLine(terms.effectiveDate, remaining)], cancelled: 0, created: 1 } : UNCHANGED(schedule);
  }
  const shares = allocate(remaining, future.map((l) => l.amount.amountMinor));
  const shareOf = new Map(future.map((l, i) => [l.id, shares[i] as Money]));
  let cancelled = 0;
  const lines = schedule.lines.map((l): BillingScheduleLine => {
    const share = shareOf.get(l.id);
    if (!share) return l;
    if (share.amountMinor === 0n) {
      cancelled += 1;
      return { ...l, status: 'CANCELLED' };
    }
    return { ...l, amount: share };
  });
  return { lines, cancelled, created: 0 };
}

/**
 * Milestone: the delta goes to the last PLANNED line (latest planned date; the later line on a tie), which must not go
 * below zero and is CANCELLED at zero. Without a PLANNED line only the contract value changes (nothing on the lines).
 */
function amendMilestones(schedule: BillingSchedule, terms: ValidAmendmentTerms): LineChange {
  const planned = schedule.lines.filter((l) => l.status === 'PLANNED');
  if (planned.length === 0 || terms.contractValueDelta.amountMinor === 0n) return UNCHANGED(schedule);
  const last = planned.reduce((a, b) => (b.plannedDate >= a.plannedDate ? b : a));
  const amount = money(last.amount.amountMinor + terms.contractValueDelta.amountMinor, schedule.currency);
  if (amount.amountMinor < 0n) {
    throw invalidInput('contractValueDelta', `${show(terms.contractValueDelta)} would take the last planned milestone line ${last.id} (${show(last.amount)}) below zero`);
  }
  const lines = schedule.lines.map((l): BillingScheduleLine => (l.id !== last.id ? l : amount.amountMinor === 0n ? { ...l, status: 'CANCELLED' } : { ...l, amount }));
  return { lines, cancelled: amount.amountMinor === 0n ? 1 : 0, created: 0 };
}

/**
 * Applies an amendment's terms to a schedule (validated terms; the natural-key replay and the cap floor are the
 * caller's, see `requireSameAmendment` and `requireCapCoversCommitted`). The schedule must be ACTIVE or SUSPENDED
 * (it keeps its status) and the amounts in its currency. Lines change by type: fixed fee and retainer re-spread or
 * regenerate their future instalments (`amendInstalments`), milestone adjusts its last PLANNED line, time and
 * materials has no lines. The cap is replaced when given. The result is one version up, whatever changed: the
 * amendment is part of the schedule's history.
 */
export function planAmendment(schedule: BillingSchedule, terms: ValidAmendmentTerms, now: string, lineId: () => string): AmendmentPlan {
  requireAmendable(schedule);
  requireScheduleCurrency(schedule, terms);
  let change: LineChange;
  switch (schedule.type) {
    case 'FIXED_FEE_INTERVAL':
    case 'RETAINER':
      change = amendInstalments(schedule, terms, lineId);
      break;
    case 'MILESTONE':
      change = amendMilestones(schedule, terms);
      break;
    case 'TIME_AND_MATERIALS':
      change = UNCHANGED(schedule);
      break;
  }
  if (change.lines.length > MAX_SCHEDULE_LINES) {
    throw invalidInput(terms.endDate ? 'endDate' : 'contractValueDelta', `the schedule would have ${change.lines.length} lines, more than ${MAX_SCHEDULE_LINES}`);
  }
  return {
    schedule: { ...schedule, version: schedule.version + 1, lines: change.lines, notToExceed: terms.notToExceed ?? schedule.notToExceed, updatedAt: now },
    linesCancelled: change.cancelled,
    linesCreated: change.created,
  };
}

/** The record of an applied amendment: its terms, the schedule version it produced and the lines it cancelled and created. */
export function scheduleAmendment(id: string, amended: BillingSchedule, terms: ValidAmendmentTerms, plan: Pick<AmendmentPlan, 'linesCancelled' | 'linesCreated'>, now: string): ScheduleAmendment {
  return {
    id,
    billingScheduleId: amended.id,
    amendmentId: terms.amendmentId,
    effectiveDate: terms.effectiveDate,
    contractValueDelta: terms.contractValueDelta,
    notToExceed: terms.notToExceed,
    endDate: terms.endDate,
    scheduleVersion: amended.version,
    linesCancelled: plan.linesCancelled,
    linesCreated: plan.linesCreated,
    appliedAt: now,
  };
}
