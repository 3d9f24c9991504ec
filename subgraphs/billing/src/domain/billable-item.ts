import {
  DomainError, ErrorCode, invalidInput, nextState, requireInt, requireLocalDate, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import { add, formatDecimal, lineAmount, type Decimal, type Money } from '../../../../platform/money/index.js';
import { RATE_SCALE, requireRef, requireScale4Decimal } from './inputs.js';
import type { BillableItem, BillableItemStatus, BillableSource, BillingSchedule } from './types.js';

/** Item lifecycle (domain model §4.11; NetSuite charge stages). INVOICED is reached only through invoices. */
export const ITEM_TRANSITIONS: TransitionTable<BillableItemStatus, 'HOLD' | 'RELEASE' | 'WRITE_OFF' | 'CANCEL'> = {
  HOLD: { from: ['PENDING', 'READY'], to: 'ON_HOLD' },
  RELEASE: { from: ['PENDING', 'ON_HOLD'], to: 'READY' },
  WRITE_OFF: { from: ['READY', 'ON_HOLD'], to: 'WRITTEN_OFF' },
  CANCEL: { from: ['PENDING', 'READY', 'ON_HOLD'], to: 'CANCELLED' },
};
export type BillableItemAction = keyof typeof ITEM_TRANSITIONS;

/** Statuses counted as unbilled work in progress. */
export const OPEN_ITEM_STATUSES: readonly BillableItemStatus[] = ['PENDING', 'READY', 'ON_HOLD'];

/** Hold reason of an item that would take billings past the schedule's not-to-exceed cap. */
export const NOT_TO_EXCEED_HOLD = 'NOT_TO_EXCEED';

/** A billable item as recorded by the PSA (or the orchestration) for one source record version. */
export interface NewBillableItem {
  sourceType: BillableSource;
  sourceId: string;
  sourceVersion: number;
  projectId: string;
  serviceDate: string;
  description: string;
  quantity: string;
  unitPrice: string;
  standardUnitPrice?: string | null;
}

/** A recording after validation: decimals parsed, text trimmed. */
export interface ValidRecording {
  sourceType: BillableSource;
  sourceId: string;
  sourceVersion: number;
  idempotencyKey: string;
  projectId: string;
  serviceDate: string;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  standardUnitPrice: Decimal | null;
}

/** What the project has billed and has open, in the schedule currency: the base of the not-to-exceed check. */
export interface ProjectExposure {
  billedToDate: Money;
  openWip: Money;
}

const SOURCES: readonly BillableSource[] = ['TIME', 'EXPENSE', 'MILESTONE', 'FIXED_FEE', 'RETAINER', 'ADJUSTMENT'];

/** The natural key of an item: one item per source record version. */
export function idempotencyKeyOf(sourceType: BillableSource, sourceId: string, sourceVersion: number): string {
  return `${sourceType}:${sourceId}:${sourceVersion}`;
}

/**
 * Validates a recording: quantity > 0 and unit price ≥ 0 (negative only for ADJUSTMENT), both with at most
 * 4 decimals; ids, dates and text checked.
 */
export function validateRecording(input: NewBillableItem): ValidRecording {
  if (!SOURCES.includes(input.sourceType)) throw invalidInput('sourceType', `unknown source type ${String(input.sourceType)}`);
  const sourceId = requireText('sourceId', input.sourceId, 64);
  if (sourceId.includes(':')) throw invalidInput('sourceId', 'must not contain ":" (it separates the parts of the idempotency key)');
  const sourceVersion = requireInt('sourceVersion', input.sourceVersion, 1, 2_147_483_647);
  return {
    sourceType: input.sourceType,
    sourceId,
    sourceVersion,
    idempotencyKey: idempotencyKeyOf(input.sourceType, sourceId, sourceVersion),
    projectId: requireRef('projectId', input.projectId, 'prj'),
    serviceDate: requireLocalDate('serviceDate', input.serviceDate),
    description: requireText('description', input.description, 500),
    quantity: requireScale4Decimal('quantity', input.quantity, { positive: true }),
    unitPrice: requireScale4Decimal('unitPrice', input.unitPrice, { nonNegative: input.sourceType !== 'ADJUSTMENT' }),
    standardUnitPrice:
      input.standardUnitPrice === null || input.standardUnitPrice === undefined
        ? null
        : requireScale4Decimal('standardUnitPrice', input.standardUnitPrice, { nonNegative: input.sourceType !== 'ADJUSTMENT' }),
  };
}

/**
 * The idempotent replay rule: recording the same source version again returns the existing item when the
 * business content is the same (project, quantity, unit price, service date), and is a CONFLICT otherwise:
 * a changed source must come with a new source version.
 */
export function replayRecording(existing: BillableItem, recording: ValidRecording): BillableItem {
  const same =
    existing.projectId === recording.projectId &&
    existing.serviceDate === recording.serviceDate &&
    recording.quantity.equals(existing.quantity) &&
    recording.unitPrice.equals(existing.unitPrice);
  if (!same) {
    throw new DomainError(
      ErrorCode.CONFLICT,
      `Billable item ${recording.idempotencyKey} was already recorded with different content (item ${existing.id}); record a new source version instead`,
      { entity: 'BillableItem', idempotencyKey: recording.idempotencyKey, existingId: existing.id },
    );
  }
  return existing;
}

/** True when adding `amount` to what the project has billed and has open would pass the schedule's cap. */
export function exceedsNotToExceed(schedule: Pick<BillingSchedule, 'notToExceed'>, exposure: ProjectExposure, amount: Money): boolean {
  if (!schedule.notToExceed) return false;
  const projected = add(add(exposure.billedToDate, exposure.openWip), amount);
  return projected.amountMinor > schedule.notToExceed.amountMinor;
}

/** The project's live schedule, which must exist and be ACTIVE to record billable items (else BAD_USER_INPUT). */
export function requireBillingSchedule(recording: Pick<ValidRecording, 'projectId'>, schedule: BillingSchedule | null): BillingSchedule {
  if (!schedule || schedule.projectId !== recording.projectId) {
    throw invalidInput('projectId', `project ${recording.projectId} has no live billing schedule`);
  }
  if (schedule.status !== 'ACTIVE') {
    throw invalidInput('projectId', `the billing schedule ${schedule.id} of project ${recording.projectId} is ${schedule.status}, not ACTIVE`);
  }
  return schedule;
}

/**
 * Builds the item for a validated recording. The project's live schedule must be ACTIVE; it gives the account,
 * legal entity and currency. amount = round(quantity × unitPrice) half-even; the item is READY, or ON_HOLD with
 * reason NOT_TO_EXCEED when it would take the project past the schedule's cap.
 */
export function createBillableItem(id: string, recording: ValidRecording, schedule: BillingSchedule | null, exposure: ProjectExposure, now: string): BillableItem {
  const active = requireBillingSchedule(recording, schedule);
  const amount = lineAmount(recording.quantity, recording.unitPrice, active.currency, 'HALF_EVEN');
  const onHold = exceedsNotToExceed(active, exposure, amount);
  return {
    id,
    version: 1,
    sourceType: recording.sourceType,
    sourceId: recording.sourceId,
    sourceVersion: recording.sourceVersion,
    idempotencyKey: recording.idempotencyKey,
    projectId: recording.projectId,
    accountId: active.accountId,
    legalEntityId: active.legalEntityId,
    billingScheduleId: active.id,
    serviceDate: recording.serviceDate,
    description: recording.description,
    quantity: formatDecimal(recording.quantity, RATE_SCALE),
    unitPrice: formatDecimal(recording.unitPrice, RATE_SCALE),
    amount,
    standardAmount: recording.standardUnitPrice ? lineAmount(recording.quantity, recording.standardUnitPrice, active.currency, 'HALF_EVEN') : null,
    status: onHold ? 'ON_HOLD' : 'READY',
    holdReason: onHold ? NOT_TO_EXCEED_HOLD : null,
    writeOffReason: null,
    invoiceId: null,
    invoiceLineId: null,
    readyAt: onHold ? null : now,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Applies a lifecycle action. HOLD and WRITE_OFF need a reason. An item on a draft invoice is frozen except by
 * the invoice itself: discard the draft first.
 */
export function transitionBillableItem(current: BillableItem, action: BillableItemAction, reason: string | null | undefined, now: string): BillableItem {
  const status = nextState('BillableItem', ITEM_TRANSITIONS, current.status, action);
  if (current.invoiceId !== null) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `BillableItem ${current.id} is on invoice ${current.invoiceId}; discard that draft before you ${action.toLowerCase().replace('_', ' ')} it`,
      { entity: 'BillableItem', id: current.id, action, invoiceId: current.invoiceId },
    );
  }
  const next: BillableItem = { ...current, version: current.version + 1, status, updatedAt: now };
  switch (action) {
    case 'HOLD':
      return { ...next, holdReason: requireText('reason', reason ?? '', 500) };
    case 'RELEASE':
      return { ...next, holdReason: null, readyAt: now };
    case 'WRITE_OFF':
      return { ...next, writeOffReason: requireText('reason', reason ?? '', 500) };
    case 'CANCEL':
      return next;
  }
}
