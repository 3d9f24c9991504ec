import {
  DomainError, ErrorCode, invalidInput, nextState, requireCurrency, requireInt, requireLocalDate, requirePositive, requireText,
  type TransitionTable,
} from '../../../../platform/domain/index.js';
import type { Money } from '../../../../platform/money/money.js';
import { optionalRef, requireCurrencyCode, requireRef } from './inputs.js';
import type {
  BillingFrequency, BillingSchedule, BillingScheduleLine, BillingScheduleStatus, BillingScheduleType, RateCard, TaxCode,
} from './types.js';

/** Schedule lifecycle (domain model §4.10). */
export const SCHEDULE_TRANSITIONS: TransitionTable<BillingScheduleStatus, 'ACTIVATE' | 'SUSPEND' | 'RESUME' | 'COMPLETE' | 'CANCEL'> = {
  ACTIVATE: { from: ['DRAFT'], to: 'ACTIVE' },
  SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDED' },
  RESUME: { from: ['SUSPENDED'], to: 'ACTIVE' },
  COMPLETE: { from: ['ACTIVE'], to: 'COMPLETED' },
  CANCEL: { from: ['DRAFT', 'ACTIVE', 'SUSPENDED'], to: 'CANCELLED' },
};
export type BillingScheduleAction = keyof typeof SCHEDULE_TRANSITIONS;

/** Statuses in which a schedule is "live": at most one live schedule per project. */
export const LIVE_SCHEDULE_STATUSES: readonly BillingScheduleStatus[] = ['DRAFT', 'ACTIVE', 'SUSPENDED'];

/** Largest number of planned lines on one schedule. */
export const MAX_SCHEDULE_LINES = 1000;

/** A planned fixed-amount line as entered. */
export interface BillingScheduleLineInput {
  plannedDate: string;
  milestoneId?: string | null;
  amount: Money;
}

/** Fields of a new billing schedule. */
export interface NewBillingSchedule {
  projectId: string;
  accountId: string;
  contractId?: string | null;
  legalEntityId: string;
  type: BillingScheduleType;
  frequency: BillingFrequency;
  inArrears?: boolean | null;
  currency: string;
  notToExceed?: Money | null;
  billForActuals?: boolean | null;
  taxCode: string;
  paymentTermsDays?: number | null;
  rateCardId?: string | null;
  lines?: BillingScheduleLineInput[] | null;
}

/** Reference data a new schedule is checked against (looked up by the caller). */
export interface ScheduleReferences {
  /** The tax code named by the input, or null when it does not exist. */
  taxCode: TaxCode | null;
  /** The rate card named by the input, or null when none was given or it does not exist. */
  rateCard: RateCard | null;
}

/**
 * Builds a DRAFT schedule. Amounts are in the schedule currency; the tax code must exist; a rate card must exist
 * and quote in the schedule currency. Defaults: in arrears, 30 days, bill for actuals only for T&M.
 */
export function createBillingSchedule(id: string, input: NewBillingSchedule, refs: ScheduleReferences, now: string, lineId: () => string): BillingSchedule {
  const currency = requireCurrencyCode('currency', input.currency);
  const taxCode = requireText('taxCode', input.taxCode, 32);
  if (!refs.taxCode || refs.taxCode.code !== taxCode) throw invalidInput('taxCode', `tax code ${taxCode} does not exist`);
  const rateCardId = input.rateCardId ?? null;
  if (rateCardId !== null) {
    if (!refs.rateCard || refs.rateCard.id !== rateCardId) throw invalidInput('rateCardId', `rate card ${rateCardId} does not exist`);
    if (refs.rateCard.currency !== currency) throw invalidInput('rateCardId', `rate card ${rateCardId} quotes in ${refs.rateCard.currency}, not ${currency}`);
  }
  const notToExceed = input.notToExceed ? requireCurrency('notToExceed', requirePositive('notToExceed', input.notToExceed), currency) : null;
  const lines = input.lines ?? [];
  if (lines.length > MAX_SCHEDULE_LINES) throw invalidInput('lines', `must have at most ${MAX_SCHEDULE_LINES} lines`);
  return {
    id,
    version: 1,
    projectId: requireRef('projectId', input.projectId, 'prj'),
    accountId: requireRef('accountId', input.accountId, 'acc'),
    contractId: optionalRef('contractId', input.contractId, 'ctr'),
    legalEntityId: requireRef('legalEntityId', input.legalEntityId, 'le'),
    type: input.type,
    frequency: input.frequency,
    inArrears: input.inArrears ?? true,
    currency,
    notToExceed,
    billForActuals: input.billForActuals ?? input.type === 'TIME_AND_MATERIALS',
    taxCode,
    paymentTermsDays: requireInt('paymentTermsDays', input.paymentTermsDays ?? 30, 0, 365),
    status: 'DRAFT',
    rateCardId,
    lines: lines.map((l, i): BillingScheduleLine => ({
      id: lineId(),
      plannedDate: requireLocalDate(`lines[${i}].plannedDate`, l.plannedDate),
      milestoneId: l.milestoneId ? requireText(`lines[${i}].milestoneId`, l.milestoneId, 64) : null,
      amount: requireCurrency(`lines[${i}].amount`, requirePositive(`lines[${i}].amount`, l.amount), currency),
      status: 'PLANNED',
      billableItemId: null,
    })),
    updatedAt: now,
  };
}

/** Applies a lifecycle action to a schedule. */
export function transitionBillingSchedule(current: BillingSchedule, action: BillingScheduleAction, now: string): BillingSchedule {
  const status = nextState('BillingSchedule', SCHEDULE_TRANSITIONS, current.status, action);
  return { ...current, version: current.version + 1, status, updatedAt: now };
}

/**
 * The error for a second live schedule on a project. `existing` is null when the caller may not see the live
 * schedule (another legal entity bills the project): the conflict stands, but the schedule is not named.
 */
export function liveScheduleConflict(projectId: string, existing: Pick<BillingSchedule, 'id' | 'status'> | null): DomainError {
  if (!existing) {
    return new DomainError(ErrorCode.CONFLICT, `Project ${projectId} already has a live billing schedule in another legal entity`, { entity: 'BillingSchedule', projectId });
  }
  return new DomainError(
    ErrorCode.CONFLICT,
    `Project ${projectId} already has a live billing schedule ${existing.id} (${existing.status}); complete or cancel it first`,
    { entity: 'BillingSchedule', projectId, existingId: existing.id },
  );
}

/** Refuses to bill through a schedule that is not ACTIVE. */
export function requireActiveSchedule(schedule: BillingSchedule, purpose: string): void {
  if (schedule.status !== 'ACTIVE') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `BillingSchedule ${schedule.id} is ${schedule.status}; ${purpose} needs an ACTIVE schedule`, {
      entity: 'BillingSchedule', id: schedule.id, from: schedule.status,
    });
  }
}
