import { requireInt, requireLocalDate, requireText } from '../../../../platform/domain/index.js';
import { toDecimalString } from '../../../../platform/money/money.js';
import type { NewBillableItem } from './billable-item.js';
import { requireRef } from './inputs.js';
import type { BillableItem, BillableSource, BillingSchedule, BillingScheduleLine, ScheduleLineStatus } from './types.js';

/** What a billing run is asked to do. */
export interface BillingRunRequest {
  billingScheduleId: string;
  throughDate: string;
  issueDate?: string | null;
  autoIssue?: boolean | null;
}

/** Validates a billing run request (the schedule itself is checked once it is locked). */
export function validateRunRequest(input: BillingRunRequest): { billingScheduleId: string; throughDate: string; issueDate: string | null; autoIssue: boolean } {
  return {
    billingScheduleId: requireText('billingScheduleId', input.billingScheduleId, 64),
    throughDate: requireLocalDate('throughDate', input.throughDate),
    issueDate: input.issueDate ? requireLocalDate('issueDate', input.issueDate) : null,
    autoIssue: input.autoIssue ?? false,
  };
}

/** The item source of a schedule's planned instalments, for the schedule types that have them. */
const INSTALMENT_SOURCE: Partial<Record<BillingSchedule['type'], { source: BillableSource; label: string }>> = {
  FIXED_FEE_INTERVAL: { source: 'FIXED_FEE', label: 'Fixed fee instalment' },
  RETAINER: { source: 'RETAINER', label: 'Retainer fee' },
};

/** A planned line that fell due, with the item that bills it (natural key `{source}:{lineId}:1`). */
export interface DueInstalment {
  line: BillingScheduleLine;
  recording: NewBillableItem;
}

/**
 * The PLANNED lines of a fixed-fee or retainer schedule that are due by `throughDate`, each as the recording of its
 * billable item: one unit at the line amount, described by the month it bills ("Fixed fee instalment 2026-05").
 * Other schedule types have none (milestone lines become billable on acceptance, not on a date).
 */
export function dueInstalments(schedule: BillingSchedule, throughDate: string): DueInstalment[] {
  const kind = INSTALMENT_SOURCE[schedule.type];
  if (!kind) return [];
  return schedule.lines
    .filter((l) => l.status === 'PLANNED' && l.milestoneId === null && l.plannedDate <= throughDate)
    .map((line) => ({
      line,
      recording: {
        sourceType: kind.source,
        sourceId: line.id,
        sourceVersion: 1,
        projectId: schedule.projectId,
        serviceDate: line.plannedDate,
        description: `${kind.label} ${line.plannedDate.slice(0, 7)}`,
        quantity: '1',
        unitPrice: toDecimalString(line.amount),
      },
    }));
}

/** Lines whose item was recorded become READY and carry the item (a stale, CANCELLED item leaves its line as it was). */
export function linkLineItems(lines: readonly BillingScheduleLine[], itemOfLine: ReadonlyMap<string, BillableItem>): BillingScheduleLine[] {
  return lines.map((l) => {
    const item = itemOfLine.get(l.id);
    return item && item.status !== 'CANCELLED' ? { ...l, status: 'READY', billableItemId: item.id } : l;
  });
}

/**
 * Moves the lines billed by `itemIds` from one of `from` to `to` (BILLED when their items are invoiced, READY again
 * when an invoice is voided or a credit releases them). Null when no line changes, so callers write nothing.
 */
export function settleLines(schedule: BillingSchedule, itemIds: ReadonlySet<string>, from: readonly ScheduleLineStatus[], to: ScheduleLineStatus, now: string): BillingSchedule | null {
  let changed = false;
  const lines = schedule.lines.map((l) => {
    if (l.billableItemId === null || !itemIds.has(l.billableItemId) || !from.includes(l.status)) return l;
    changed = true;
    return { ...l, status: to };
  });
  return changed ? { ...schedule, version: schedule.version + 1, lines, updatedAt: now } : null;
}

/** Item sources that come from a schedule line (their invoicing moves the line). */
export const LINE_SOURCES: readonly BillableSource[] = ['FIXED_FEE', 'RETAINER', 'MILESTONE'];

/**
 * The milestone's schedule line after its item was recorded: the line of the milestone that is not yet billed or
 * cancelled becomes READY with the item and its amount; when there is none, a line is added for it.
 */
export function milestoneLines(schedule: BillingSchedule, milestoneId: string, item: BillableItem, lineId: () => string): BillingScheduleLine[] {
  const index = schedule.lines.findIndex((l) => l.milestoneId === milestoneId && (l.status === 'PLANNED' || l.status === 'READY'));
  const ready = { status: 'READY' as const, billableItemId: item.id, amount: item.amount };
  if (index >= 0) return schedule.lines.map((l, i) => (i === index ? { ...l, ...ready } : l));
  return [...schedule.lines, { id: lineId(), plannedDate: item.serviceDate, milestoneId, ...ready }];
}

/** Validates the fields of a milestone billing request. */
export function validateMilestoneBillable(input: { milestoneId: string; milestoneVersion: number; name: string }): { milestoneId: string; name: string } {
  requireInt('milestoneVersion', input.milestoneVersion, 1, 2_147_483_647);
  return { milestoneId: requireRef('milestoneId', input.milestoneId, 'ms'), name: requireText('name', input.name, 200) };
}
