import {
  DomainError, ErrorCode, invalidInput, nextState, periodOf, requireId, requireLocalDate, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import { allocate, money, multiply, parseDecimal, sum, toDecimalString, zero, type Money } from '../../../../platform/money/index.js';
import { ACCOUNTS, type AccountCode } from './chart.js';
import { ID_PREFIX, type IdFactory, type PostingEnv } from './ids.js';
import { buildJournalEntry, credit, debit, type PostedJournal } from './journal.js';
import type { RevenueSchedule, RevenueScheduleLine, RevenueScheduleModification, RevenueScheduleStatus, RevRecMethod } from './types.js';

/** Revenue schedule lifecycle. */
export const SCHEDULE_TRANSITIONS: TransitionTable<RevenueScheduleStatus, 'ACTIVATE' | 'COMPLETE' | 'CANCEL'> = {
  ACTIVATE: { from: ['DRAFT'], to: 'ACTIVE' },
  COMPLETE: { from: ['ACTIVE'], to: 'COMPLETED' },
  CANCEL: { from: ['DRAFT', 'ACTIVE'], to: 'CANCELLED' },
};
export type RevenueScheduleAction = keyof typeof SCHEDULE_TRANSITIONS;

/** Statuses of a live schedule; a project has at most one live schedule. */
export const LIVE_SCHEDULE_STATUSES: readonly RevenueScheduleStatus[] = ['DRAFT', 'ACTIVE'];

const METHODS: readonly RevRecMethod[] = ['AS_INVOICED', 'MILESTONE', 'COST_TO_COST', 'STRAIGHT_LINE'];
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_PERIODS = 240;

/** Validates an accounting period `YYYY-MM`. */
export function requirePeriod(field: string, value: string): string {
  if (typeof value !== 'string' || !PERIOD.test(value)) throw invalidInput(field, `"${String(value)}" is not a period in YYYY-MM form`);
  return value;
}

/** Every period from `from` to `to` inclusive. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y.toString().padStart(4, '0')}-${m.toString().padStart(2, '0')}`);
    if (out.length > MAX_PERIODS) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Last calendar day of a period (`2025-02` → `2025-02-28`). */
export function lastDayOfPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

/** One planned period as entered. */
export interface RevenueLineInput {
  period: string;
  plannedAmount: Money;
  milestoneId?: string | null;
}

/** A revenue schedule as entered. */
export interface NewRevenueSchedule {
  contractId?: string | null;
  projectId: string;
  legalEntityId: string;
  performanceObligation: string;
  method: RevRecMethod;
  allocatedAmount: Money;
  lines?: readonly RevenueLineInput[] | null;
  periods?: { from: string; to: string } | null;
}

function newLine(ids: IdFactory, scheduleId: string, period: string, planned: Money, milestoneId: string | null): RevenueScheduleLine {
  return {
    id: ids(ID_PREFIX.revenueLine),
    revenueScheduleId: scheduleId,
    period,
    plannedAmount: planned,
    recognizedAmount: zero(planned.currency),
    status: 'PLANNED',
    milestoneId,
    journalEntryId: null,
  };
}

function plannedLines(input: NewRevenueSchedule, scheduleId: string, ids: IdFactory): RevenueScheduleLine[] {
  const allocated = input.allocatedAmount;
  if (input.lines && input.periods) throw invalidInput('periods', 'give either lines or periods, not both');
  if (input.periods) {
    if (input.method !== 'STRAIGHT_LINE') throw invalidInput('periods', 'is only for the STRAIGHT_LINE method; give lines instead');
    const from = requirePeriod('periods.from', input.periods.from);
    const to = requirePeriod('periods.to', input.periods.to);
    if (to < from) throw invalidInput('periods.to', `must not be before ${from}`);
    const periods = periodsBetween(from, to);
    if (periods.length > MAX_PERIODS) throw invalidInput('periods', `must span at most ${MAX_PERIODS} months`);
    const parts = allocate(allocated, periods.map(() => 1n));
    return periods.map((p, i) => newLine(ids, scheduleId, p, parts[i] as Money, null));
  }
  const lines = input.lines ?? [];
  if (lines.length === 0) {
    if (input.method === 'STRAIGHT_LINE') throw invalidInput('lines', 'STRAIGHT_LINE needs lines or periods');
    if (input.method === 'COST_TO_COST') throw invalidInput('lines', 'COST_TO_COST needs planned lines');
    return [];
  }
  if (lines.length > MAX_PERIODS) throw invalidInput('lines', `must have at most ${MAX_PERIODS} lines`);
  // A period has one line; a MILESTONE schedule may have one line per milestone in a period.
  const seen = new Set<string>();
  const out = lines.map((l, i) => {
    const period = requirePeriod(`lines[${i}].period`, l.period);
    const milestoneId = l.milestoneId ? requireId(`lines[${i}].milestoneId`, l.milestoneId, 'ms') : null;
    const key = input.method === 'MILESTONE' ? `${period}|${milestoneId ?? ''}` : period;
    if (seen.has(key)) throw invalidInput(`lines[${i}].period`, `${period}${input.method === 'MILESTONE' && milestoneId ? ` for milestone ${milestoneId}` : ''} appears more than once`);
    seen.add(key);
    if (l.plannedAmount.currency !== allocated.currency) throw invalidInput(`lines[${i}].plannedAmount`, `must be in ${allocated.currency}, not ${l.plannedAmount.currency}`);
    if (l.plannedAmount.amountMinor < 0n) throw invalidInput(`lines[${i}].plannedAmount`, 'must not be negative');
    return newLine(ids, scheduleId, period, l.plannedAmount, milestoneId);
  });
  const total = sum(out.map((l) => l.plannedAmount), allocated.currency);
  if (total.amountMinor !== allocated.amountMinor) {
    throw invalidInput('lines', `planned amounts sum to ${toDecimalString(total)} ${total.currency} but the allocated amount is ${toDecimalString(allocated)} ${allocated.currency}`, {
      plannedTotalMinor: total.amountMinor.toString(), allocatedMinor: allocated.amountMinor.toString(),
    });
  }
  return out.sort((a, b) => a.period.localeCompare(b.period));
}

/**
 * Builds a DRAFT revenue schedule and its planned lines. Planned lines sum exactly to the allocated amount;
 * a STRAIGHT_LINE schedule may give a period range instead, split evenly by largest remainder.
 */
export function createRevenueSchedule(input: NewRevenueSchedule, ids: IdFactory, now: string): { schedule: RevenueSchedule; lines: RevenueScheduleLine[] } {
  if (!METHODS.includes(input.method)) throw invalidInput('method', `must be one of ${METHODS.join(', ')}`);
  if (input.allocatedAmount.amountMinor <= 0n) throw invalidInput('allocatedAmount', 'must be greater than zero');
  const id = ids(ID_PREFIX.revenueSchedule);
  const schedule: RevenueSchedule = {
    id,
    version: 1,
    contractId: input.contractId ? requireId('contractId', input.contractId, 'ctr') : null,
    projectId: requireId('projectId', input.projectId, 'prj'),
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    performanceObligation: requireText('performanceObligation', input.performanceObligation, 200),
    method: input.method,
    allocatedAmount: input.allocatedAmount,
    status: 'DRAFT',
    createdAt: now,
    updatedAt: now,
  };
  return { schedule, lines: plannedLines(input, id, ids) };
}

/** Applies a lifecycle action (INVALID_TRANSITION when the status does not allow it). */
export function transitionRevenueSchedule(current: RevenueSchedule, action: RevenueScheduleAction, now: string): RevenueSchedule {
  const status = nextState('RevenueSchedule', SCHEDULE_TRANSITIONS, current.status, action);
  return { ...current, version: current.version + 1, status, updatedAt: now };
}

/** Σ recognized amounts of a schedule's lines. */
export function recognizedToDate(schedule: RevenueSchedule, lines: readonly RevenueScheduleLine[]): Money {
  return sum(lines.map((l) => l.recognizedAmount), schedule.allocatedAmount.currency);
}

/**
 * The schedule that decides how a project's invoiced revenue is booked: its live schedule, else its latest
 * COMPLETED one (whose revenue was recognized by the schedule), else none. Cancelled schedules never govern.
 */
export function governingSchedule(schedules: readonly RevenueSchedule[]): RevenueSchedule | null {
  const live = schedules.find((s) => LIVE_SCHEDULE_STATUSES.includes(s.status));
  if (live) return live;
  const completed = schedules.filter((s) => s.status === 'COMPLETED').sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  return completed[0] ?? null;
}

/**
 * Account an invoiced (or credited) net amount goes to: revenue when nothing recognizes the project's revenue
 * but invoicing (no schedule, or AS_INVOICED); otherwise the contract asset, because the schedule recognizes the
 * revenue and invoicing only turns the contract asset into a receivable.
 */
export function revenueAccountFor(schedule: RevenueSchedule | null): AccountCode {
  return !schedule || schedule.method === 'AS_INVOICED' ? ACCOUNTS.REVENUE : ACCOUNTS.CONTRACT_ASSET;
}

/**
 * Records revenue an AS_INVOICED schedule recognized through invoicing (positive) or gave back through a credit
 * memo or void (negative) on the line of `period`, creating the line (planned 0) when the period has none.
 */
export function applyAsInvoiced(
  schedule: RevenueSchedule,
  line: RevenueScheduleLine | null,
  period: string,
  delta: Money,
  journalEntryId: string,
  ids: IdFactory,
): RevenueScheduleLine {
  if (delta.currency !== schedule.allocatedAmount.currency) {
    throw invalidInput('currency', `revenue schedule ${schedule.id} is in ${schedule.allocatedAmount.currency}, the document in ${delta.currency}`);
  }
  const base = line ?? newLine(ids, schedule.id, period, zero(delta.currency), null);
  const recognizedAmount = money(base.recognizedAmount.amountMinor + delta.amountMinor, delta.currency);
  return { ...base, recognizedAmount, status: recognizedAmount.amountMinor !== 0n ? 'RECOGNIZED' : 'PLANNED', journalEntryId };
}

/**
 * Refuses recognition on a schedule that is not ACTIVE, or that is AS_INVOICED (it recognizes on invoicing):
 * both INVALID_TRANSITION.
 */
export function requireRecognizable(schedule: RevenueSchedule): void {
  if (schedule.status !== 'ACTIVE') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Revenue schedule ${schedule.id} is ${schedule.status}; only an ACTIVE schedule recognizes revenue`, {
      entity: 'RevenueSchedule', id: schedule.id, from: schedule.status,
    });
  }
  if (schedule.method === 'AS_INVOICED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Revenue schedule ${schedule.id} is AS_INVOICED: its revenue is recognized when invoices are posted`, {
      entity: 'RevenueSchedule', id: schedule.id, method: schedule.method,
    });
  }
}

/** A recognition request. */
export interface RecognizeRevenueInput {
  period: string;
  amount?: Money | null;
  milestoneId?: string | null;
  postingDate?: string | null;
}

/** Posting date of a recognition: the given date, else the last day of the period. */
export function recognitionPostingDate(input: RecognizeRevenueInput): string {
  const period = requirePeriod('period', input.period);
  return input.postingDate ? requireLocalDate('postingDate', input.postingDate) : lastDayOfPeriod(period);
}

/**
 * Recognizes revenue for a period of an ACTIVE schedule (not AS_INVOICED, which recognizes on invoicing):
 * the line becomes RECOGNIZED and a journal Dr contract asset / Cr revenue is posted in functional currency at
 * `fxRate` (schedule currency → functional on the posting date). A MILESTONE schedule may recognize a milestone
 * in a period it had not planned; the line is then created. Σ recognized never exceeds the allocated amount.
 */
export function recognizeRevenue(
  schedule: RevenueSchedule,
  lines: readonly RevenueScheduleLine[],
  input: RecognizeRevenueInput,
  functionalCurrency: string,
  fxRate: string,
  env: PostingEnv,
): { schedule: RevenueSchedule; line: RevenueScheduleLine; created: boolean; journal: PostedJournal } {
  requireRecognizable(schedule);
  const currency = schedule.allocatedAmount.currency;
  const period = requirePeriod('period', input.period);
  const postingDate = recognitionPostingDate(input);
  const milestoneId = input.milestoneId ? requireId('milestoneId', input.milestoneId, 'ms') : null;
  if (input.amount && input.amount.currency !== currency) throw invalidInput('amount', `must be in ${currency}, not ${input.amount.currency}`);
  const inPeriod = lines.filter((l) => l.period === period);
  let line: RevenueScheduleLine | null;
  if (milestoneId) {
    // The milestone's own line, else an unassigned planned line of the period that it now claims.
    line = inPeriod.find((l) => l.milestoneId === milestoneId) ?? inPeriod.find((l) => l.milestoneId === null && l.status === 'PLANNED') ?? null;
  } else {
    if (inPeriod.length > 1) throw invalidInput('milestoneId', `schedule ${schedule.id} has ${inPeriod.length} lines in ${period}; name the milestone`);
    line = inPeriod[0] ?? null;
  }
  let created = false;
  if (!line) {
    if (schedule.method !== 'MILESTONE') throw invalidInput('period', `revenue schedule ${schedule.id} has no line for ${period}`);
    if (!input.amount) throw invalidInput('amount', `is required to recognize a milestone in ${period}, which has no planned line`);
    if (!milestoneId) throw invalidInput('milestoneId', `is required to recognize a milestone in ${period}, which has no planned line`);
    line = newLine(env.ids, schedule.id, period, input.amount, milestoneId);
    created = true;
  }
  if (line.status === 'RECOGNIZED') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Revenue for ${period} of schedule ${schedule.id} is already recognized`, {
      entity: 'RevenueScheduleLine', id: line.id, from: line.status,
    });
  }
  const amount = input.amount ?? line.plannedAmount;
  if (amount.amountMinor <= 0n) throw invalidInput('amount', 'must be greater than zero');
  const already = recognizedToDate(schedule, lines);
  if (already.amountMinor + amount.amountMinor > schedule.allocatedAmount.amountMinor) {
    const fmt = (m: Money) => `${toDecimalString(m)} ${m.currency}`;
    throw invalidInput('amount', `recognizing ${fmt(amount)} would exceed the allocated ${fmt(schedule.allocatedAmount)} (already recognized ${fmt(already)})`);
  }
  const functional = multiply(amount, parseDecimal(fxRate), functionalCurrency);
  if (functional.amountMinor === 0n) throw invalidInput('amount', `is less than one minor unit of ${functionalCurrency}`);
  const tags = { transactionAmount: amount, projectId: schedule.projectId };
  const journal = buildJournalEntry(
    {
      legalEntityId: schedule.legalEntityId,
      functionalCurrency,
      postingDate,
      sourceType: 'REVENUE_RECOGNITION',
      sourceId: schedule.id,
      description: `Revenue recognition ${period}: ${schedule.performanceObligation}`,
      lines: [debit(ACCOUNTS.CONTRACT_ASSET, functional, tags), credit(ACCOUNTS.REVENUE, functional, tags)],
    },
    env,
  );
  const recognized: RevenueScheduleLine = {
    ...line,
    recognizedAmount: amount,
    status: 'RECOGNIZED',
    milestoneId: milestoneId ?? line.milestoneId,
    journalEntryId: journal.entry.id,
  };
  return { schedule: { ...schedule, version: schedule.version + 1, updatedAt: env.now }, line: recognized, created, journal };
}


/**
 * True when a live schedule already carries the terms a create request asks for: same legal entity, method and
 * performance obligation, and the same contract when the request names one. The allocated amount and the lines are
 * left out on purpose: contract modifications (`adjustRevenueSchedule`) and recognition legitimately change them after
 * the setup, and a replay of the setup must still find its schedule.
 */
export function sameScheduleTerms(live: RevenueSchedule, requested: RevenueSchedule): boolean {
  return live.projectId === requested.projectId
    && live.legalEntityId === requested.legalEntityId
    && live.method === requested.method
    && live.performanceObligation === requested.performanceObligation
    && (requested.contractId === null || live.contractId === requested.contractId);
}

/** A contract modification of a schedule's transaction price. */
export interface RevenueAdjustment {
  delta: Money;
  effectiveDate: string;
}

/** Validates a modification against the schedule it applies to (currency, date). */
export function validateAdjustment(schedule: RevenueSchedule, input: RevenueAdjustment): RevenueAdjustment {
  const effectiveDate = requireLocalDate('effectiveDate', input.effectiveDate);
  const currency = schedule.allocatedAmount.currency;
  if (input.delta.currency !== currency) throw invalidInput('delta', `must be in the schedule currency ${currency}, not ${input.delta.currency}`);
  return { delta: input.delta, effectiveDate };
}

function respread(lines: readonly RevenueScheduleLine[], remainder: Money, proportional: boolean): RevenueScheduleLine[] {
  const weights = proportional ? lines.map((l) => l.plannedAmount.amountMinor) : lines.map(() => 1n);
  const parts = allocate(remainder, weights.some((w) => w > 0n) ? weights : lines.map(() => 1n));
  return lines.map((l, i) => ({ ...l, plannedAmount: parts[i] as Money }));
}

/**
 * Applies a contract modification prospectively (ASC 606-10-25-13: the remaining consideration is spread over what is
 * still to be delivered). The allocated amount moves by the delta, never below what is already recognized (nor to zero).
 * STRAIGHT_LINE: what is not yet recognized, less what stays planned before the effective period, is re-spread evenly
 * over the PLANNED periods from the effective period on; COST_TO_COST the same in proportion to their current plan (the
 * expected cost profile); both by largest remainder, so the plan keeps summing exactly to the allocation. MILESTONE: the
 * delta goes to the last PLANNED milestone line (with none, only the allocation moves and later milestones are
 * recognized with explicit amounts). AS_INVOICED: only the allocation moves (revenue follows invoicing).
 * Returns the schedule at its next version and the lines whose plan changed.
 */
export function adjustRevenueSchedule(
  schedule: RevenueSchedule,
  lines: readonly RevenueScheduleLine[],
  input: RevenueAdjustment,
  now: string,
): { schedule: RevenueSchedule; lines: RevenueScheduleLine[] } {
  if (!LIVE_SCHEDULE_STATUSES.includes(schedule.status)) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `Revenue schedule ${schedule.id} is ${schedule.status}; only a live schedule can be modified`, {
      entity: 'RevenueSchedule', id: schedule.id, from: schedule.status,
    });
  }
  const { delta, effectiveDate } = validateAdjustment(schedule, input);
  const currency = schedule.allocatedAmount.currency;
  const fmt = (m: Money) => `${toDecimalString(m)} ${m.currency}`;
  const allocatedAmount = money(schedule.allocatedAmount.amountMinor + delta.amountMinor, currency);
  if (allocatedAmount.amountMinor <= 0n) throw invalidInput('delta', `would take the allocated ${fmt(schedule.allocatedAmount)} to ${fmt(allocatedAmount)}; it must stay above zero`);
  const recognized = recognizedToDate(schedule, lines);
  if (schedule.method !== 'AS_INVOICED' && allocatedAmount.amountMinor < recognized.amountMinor) {
    throw invalidInput('delta', `would take the allocation to ${fmt(allocatedAmount)}, below the ${fmt(recognized)} already recognized`);
  }
  const next: RevenueSchedule = { ...schedule, version: schedule.version + 1, allocatedAmount, updatedAt: now };
  const planned = [...lines].filter((l) => l.status === 'PLANNED').sort((a, b) => a.period.localeCompare(b.period) || a.id.localeCompare(b.id));
  if (schedule.method === 'AS_INVOICED') return { schedule: next, lines: [] };
  if (schedule.method === 'MILESTONE') {
    const last = planned[planned.length - 1];
    if (!last) return { schedule: next, lines: [] };
    const plannedAmount = money(last.plannedAmount.amountMinor + delta.amountMinor, currency);
    if (plannedAmount.amountMinor < 0n) {
      throw invalidInput('delta', `would take the plan of the last open milestone line (${last.period}, ${fmt(last.plannedAmount)}) below zero`);
    }
    return { schedule: next, lines: [{ ...last, plannedAmount }] };
  }
  const from = periodOf(effectiveDate);
  const future = planned.filter((l) => l.period >= from);
  if (future.length === 0) {
    throw invalidInput('effectiveDate', `revenue schedule ${schedule.id} has no planned period from ${from} on to spread the change over`);
  }
  const kept = sum(planned.filter((l) => l.period < from).map((l) => l.plannedAmount), currency);
  const remainder = money(allocatedAmount.amountMinor - recognized.amountMinor - kept.amountMinor, currency);
  if (remainder.amountMinor < 0n) {
    throw invalidInput('delta', `leaves ${fmt(remainder)} for the periods from ${from} on, after ${fmt(recognized)} recognized and ${fmt(kept)} planned before them`);
  }
  const spread = respread(future, remainder, schedule.method === 'COST_TO_COST');
  return { schedule: next, lines: spread.filter((l, i) => l.plannedAmount.amountMinor !== (future[i] as RevenueScheduleLine).plannedAmount.amountMinor) };
}

/** Records a modification applied to a schedule (its natural key is the amendment within the project). */
export function newModification(
  ids: IdFactory,
  schedule: RevenueSchedule,
  input: RevenueAdjustment & { amendmentId: string | null },
  now: string,
): RevenueScheduleModification {
  return {
    id: ids(ID_PREFIX.revenueModification),
    revenueScheduleId: schedule.id,
    projectId: schedule.projectId,
    amendmentId: input.amendmentId,
    delta: input.delta,
    effectiveDate: input.effectiveDate,
    scheduleVersion: schedule.version,
    createdAt: now,
  };
}

/**
 * Decides what applying the same amendment again means: the same delta and effective date is a replay (nothing more
 * to do); anything else is a CONFLICT, since one amendment changes the price once.
 */
export function requireSameModification(existing: RevenueScheduleModification, input: RevenueAdjustment): void {
  if (existing.delta.amountMinor !== input.delta.amountMinor || existing.delta.currency !== input.delta.currency || existing.effectiveDate !== input.effectiveDate) {
    throw new DomainError(ErrorCode.CONFLICT, `Amendment ${existing.amendmentId} was already applied to revenue schedule ${existing.revenueScheduleId} with another delta or effective date`, {
      entity: 'RevenueSchedule', id: existing.revenueScheduleId, amendmentId: existing.amendmentId,
    });
  }
}
