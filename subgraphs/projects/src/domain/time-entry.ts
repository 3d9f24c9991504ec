import { DomainError, ErrorCode, invalidInput, optionalText, requireInt, requireLocalDate } from '../../../../platform/domain/index.js';
import { Decimal, formatDecimal, hoursFromMinutes, lineAmount, type Money } from '../../../../platform/money/index.js';
import {
  approveEntry, EDITABLE_STATUSES, markEntryBilled, rejectEntry, retractEntry, submitEntry, unbillEntry,
} from './approval.js';
import { BOOKABLE_ASSIGNMENT_STATUSES } from './assignment.js';
import { stateRefusal } from './rules.js';
import type { Assignment, BillableClass, Project, Task, TimeEntry } from './types.js';

/** No one works more than a day in a day: a resource's non-rejected minutes on one date stay within this. */
export const MAX_MINUTES_PER_DAY = 1440;

/** Fields of a new time entry; project and resource come from the assignment. */
export interface NewTimeEntry {
  assignmentId: string;
  taskId?: string | null;
  workDate: string;
  minutes: number;
  billableMinutes?: number | null;
  billableClass?: BillableClass | null;
  notes?: string | null;
}

/** Fields a resource may change on a DRAFT or REJECTED entry; absent fields stay, null notes clear them. */
export interface TimeEntryChanges {
  workDate?: string | null;
  minutes?: number | null;
  billableMinutes?: number | null;
  billableClass?: BillableClass | null;
  notes?: string | null;
}

/** What the booking rules need besides the entry itself; the service loads it inside the transaction. */
export interface BookingContext {
  assignment: Assignment;
  project: Project;
  /** The task booked to, when there is one. */
  task: Task | null;
  /** Minutes the resource already has on the work date in entries that are not REJECTED, this entry excluded. */
  minutesBookedThatDay: number;
}

/** The validated booking fields of an entry. */
interface Booking {
  workDate: string;
  minutes: number;
  billableMinutes: number;
  billableClass: BillableClass;
}

/** Default class: billable when both the assignment and the task (if any) are billable. */
function defaultClass(ctx: BookingContext): BillableClass {
  return ctx.assignment.isBillable && (ctx.task?.isBillable ?? true) ? 'BILLABLE' : 'NON_BILLABLE';
}

/**
 * The booking rules shared by create and update: the assignment must be open and the project ACTIVE, the day inside
 * the assignment, 1–1440 minutes, billable minutes only for BILLABLE time and never more than the minutes worked,
 * and the resource's day must not exceed 24 hours.
 */
function checkBooking(booking: Booking, ctx: BookingContext): Booking {
  const { assignment, project } = ctx;
  if (!BOOKABLE_ASSIGNMENT_STATUSES.includes(assignment.status)) {
    throw stateRefusal('Assignment', assignment.id, assignment.status, 'time can only be booked on TENTATIVE or CONFIRMED assignments');
  }
  if (project.id !== assignment.projectId) throw new Error(`project ${project.id} is not the project of assignment ${assignment.id}`);
  if (project.status !== 'ACTIVE') throw stateRefusal('Project', project.id, project.status, 'time can only be booked on ACTIVE projects');
  const workDate = requireLocalDate('workDate', booking.workDate);
  if (workDate < assignment.startDate || workDate > assignment.endDate) {
    throw invalidInput('workDate', `must be within the assignment, ${assignment.startDate} to ${assignment.endDate}`);
  }
  const minutes = requireInt('minutes', booking.minutes, 1, MAX_MINUTES_PER_DAY);
  if (booking.billableClass === 'BILLABLE' && !assignment.isBillable) {
    throw invalidInput('billableClass', `BILLABLE time cannot be booked on non-billable assignment ${assignment.id}`);
  }
  const billableMinutes = requireInt('billableMinutes', booking.billableMinutes, 0, minutes);
  if (booking.billableClass !== 'BILLABLE' && billableMinutes !== 0) {
    throw invalidInput('billableMinutes', `must be 0 for ${booking.billableClass} time`);
  }
  const dayTotal = ctx.minutesBookedThatDay + minutes;
  if (dayTotal > MAX_MINUTES_PER_DAY) {
    throw invalidInput('minutes', `would bring resource ${assignment.resourceId} to ${dayTotal} minutes on ${workDate} (at most ${MAX_MINUTES_PER_DAY})`, {
      bookedMinutes: ctx.minutesBookedThatDay,
    });
  }
  return { workDate, minutes, billableMinutes, billableClass: booking.billableClass };
}

function checkTask(task: Task | null, taskId: string | null | undefined, project: Project): void {
  if (!taskId) return;
  if (!task || task.id !== taskId || task.projectId !== project.id) throw invalidInput('taskId', `must be a task of project ${project.id}`);
  if (task.status === 'CANCELLED') throw invalidInput('taskId', `task ${task.id} is CANCELLED`);
}

/** Records DRAFT time under an assignment; the project and resource are the assignment's. */
export function createTimeEntry(id: string, input: NewTimeEntry, ctx: BookingContext, now: string): TimeEntry {
  checkTask(ctx.task, input.taskId, ctx.project);
  const billableClass = input.billableClass ?? defaultClass(ctx);
  const booking = checkBooking(
    {
      workDate: input.workDate,
      minutes: input.minutes,
      billableClass,
      billableMinutes: input.billableMinutes ?? (billableClass === 'BILLABLE' ? input.minutes : 0),
    },
    ctx,
  );
  return {
    id,
    version: 1,
    resourceId: ctx.assignment.resourceId,
    projectId: ctx.assignment.projectId,
    taskId: input.taskId ?? null,
    assignmentId: ctx.assignment.id,
    legalEntityId: ctx.project.legalEntityId,
    ...booking,
    notes: optionalText('notes', input.notes, 2000),
    status: 'DRAFT',
    submittedAt: null,
    approvedAt: null,
    approvedBy: null,
    rejectedReason: null,
    billRateSnapshot: null,
    costRateSnapshot: null,
    billAmount: null,
    costAmount: null,
    updatedAt: now,
  };
}

/**
 * Changes a DRAFT or REJECTED entry under the same rules as a new one. Approved and billed entries are frozen
 * (Odoo: "You cannot modify timesheets that are already invoiced"). When billable minutes are not given, a fully
 * billable entry stays fully billable and a class change takes that class's default.
 */
export function updateTimeEntry(current: TimeEntry, changes: TimeEntryChanges, ctx: BookingContext, now: string): TimeEntry {
  if (!EDITABLE_STATUSES.includes(current.status)) {
    throw stateRefusal('TimeEntry', current.id, current.status, 'only DRAFT or REJECTED entries can be edited; approved and billed entries are frozen');
  }
  const minutes = changes.minutes ?? current.minutes;
  const billableClass = changes.billableClass ?? current.billableClass;
  let billableMinutes: number;
  if (changes.billableMinutes !== null && changes.billableMinutes !== undefined) billableMinutes = changes.billableMinutes;
  else if (billableClass !== 'BILLABLE') billableMinutes = 0;
  else if (current.billableClass !== 'BILLABLE' || current.billableMinutes === current.minutes) billableMinutes = minutes;
  else billableMinutes = current.billableMinutes;
  const booking = checkBooking({ workDate: changes.workDate ?? current.workDate, minutes, billableClass, billableMinutes }, ctx);
  return {
    ...current,
    ...booking,
    version: current.version + 1,
    notes: changes.notes !== undefined ? optionalText('notes', changes.notes, 2000) : current.notes,
    updatedAt: now,
  };
}

/** Hours worked as a decimal string with two places (`minutes / 60`), for display. */
export function timeEntryHours(minutes: number): string {
  return formatDecimal(new Decimal(minutes).dividedBy(60), 2);
}

/** Rates and amounts snapshotted onto an entry at approval. */
export interface TimePricing {
  billRateSnapshot: string | null;
  costRateSnapshot: string;
  billAmount: Money | null;
  costAmount: Money;
}

/**
 * Prices time exactly as billing does: round(hoursFromMinutes(billable minutes) × bill rate) for BILLABLE time
 * and round(hoursFromMinutes(minutes) × cost rate) for all time, each rounded once in the project currency, so
 * delivered value here and the billable item there agree to the minor unit.
 */
export function priceTime(entry: Pick<TimeEntry, 'minutes' | 'billableMinutes' | 'billableClass'>, assignment: Pick<Assignment, 'billRate' | 'costRate'>, currency: string): TimePricing {
  const billable = entry.billableClass === 'BILLABLE';
  return {
    billRateSnapshot: billable ? assignment.billRate : null,
    costRateSnapshot: assignment.costRate,
    billAmount: billable ? lineAmount(hoursFromMinutes(entry.billableMinutes), new Decimal(assignment.billRate), currency) : null,
    costAmount: lineAmount(hoursFromMinutes(entry.minutes), new Decimal(assignment.costRate), currency),
  };
}

/** DRAFT or REJECTED → SUBMITTED; the project must be ACTIVE. */
export function submitTimeEntry(entry: TimeEntry, project: Project, now: string): TimeEntry {
  return submitEntry('TimeEntry', entry, project, now);
}

/**
 * SUBMITTED → APPROVED on an ACTIVE or COMPLETED project: records the approver and snapshots the assignment's
 * rates and the resulting amounts, which never change afterwards.
 */
export function approveTimeEntry(entry: TimeEntry, project: Project, assignment: Assignment, actor: string, now: string): TimeEntry {
  if (assignment.id !== entry.assignmentId) throw new Error(`assignment ${assignment.id} is not the assignment of time entry ${entry.id}`);
  const approved = approveEntry('TimeEntry', entry, project, actor, now);
  return { ...approved, ...priceTime(entry, assignment, project.currency) };
}

/** SUBMITTED → REJECTED with a required reason. */
export function rejectTimeEntry(entry: TimeEntry, reason: string, now: string): TimeEntry {
  return rejectEntry('TimeEntry', entry, reason, now);
}

/** SUBMITTED → DRAFT. */
export function retractTimeEntry(entry: TimeEntry, now: string): TimeEntry {
  return retractEntry('TimeEntry', entry, now);
}

/**
 * APPROVED → BILLED, driven by billing when the entry's billable item is invoiced. Only BILLABLE time is ever
 * billed; the snapshots stay as they were at approval.
 */
export function markTimeEntryBilled(entry: TimeEntry, now: string): TimeEntry {
  if (entry.billableClass !== 'BILLABLE') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `TimeEntry ${entry.id} is ${entry.billableClass} and is never billed`, {
      entity: 'TimeEntry', id: entry.id, action: 'MARK_BILLED', from: entry.status,
    });
  }
  return markEntryBilled('TimeEntry', entry, now);
}

/** BILLED → APPROVED, driven by billing when the invoice is voided or credited. */
export function unbillTimeEntry(entry: TimeEntry, now: string): TimeEntry {
  return unbillEntry('TimeEntry', entry, now);
}

/**
 * Checks that resubmitting rejected entries keeps every affected resource day within 24 hours: rejected entries do
 * not count towards the cap, so bringing them back must fit next to what was booked since. `booked` holds each
 * day's minutes without the resubmitted entries.
 */
export function requireWithinDailyCap(booked: ReadonlyArray<{ resourceId: string; workDate: string; minutes: number }>, resubmitted: readonly TimeEntry[]): void {
  const totals = new Map(booked.map((d) => [`${d.resourceId}|${d.workDate}`, d.minutes]));
  for (const e of resubmitted) {
    const key = `${e.resourceId}|${e.workDate}`;
    const total = (totals.get(key) ?? 0) + e.minutes;
    totals.set(key, total);
    if (total > MAX_MINUTES_PER_DAY) {
      throw invalidInput('entries', `resubmitting time entry ${e.id} would bring resource ${e.resourceId} to ${total} minutes on ${e.workDate} (at most ${MAX_MINUTES_PER_DAY})`, {
        id: e.id,
      });
    }
  }
}
