import { add, zero, type Money } from '../../../../platform/money/index.js';
import {
  DomainError, ErrorCode, invalidInput, requireCurrency, requireId, requireLocalDate, requireText,
} from '../../../../platform/domain/index.js';
import { requireOpenProject } from './project.js';
import { rateInput } from './rules.js';
import { priceTime } from './time-entry.js';
import type { Assignment, Project, ProjectRateChange, RoleRateChange, TimeEntry } from './types.js';

/** Most roles one rate change may name. */
export const MAX_RATE_CHANGES = 100;

/** A rate change as a contract amendment brings it. */
export interface RateChangeInput {
  projectId: string;
  effectiveDate: string;
  rateChanges: readonly RoleRateChange[];
  budgetRevenueDelta?: Money | null;
  contractAmendmentId?: string | null;
}

/** The validated rate changes: 0–100 roles, each once, each with a valid hourly bill rate (stored at scale 4). */
export function validateRateChanges(changes: readonly RoleRateChange[]): RoleRateChange[] {
  if (!Array.isArray(changes)) throw invalidInput('rateChanges', 'must be a list of roles');
  if (changes.length > MAX_RATE_CHANGES) throw invalidInput('rateChanges', `must list at most ${MAX_RATE_CHANGES} roles`, { max: MAX_RATE_CHANGES });
  const seen = new Set<string>();
  return changes.map((c, i) => {
    const roleCode = requireText(`rateChanges[${i}].roleCode`, c.roleCode, 64);
    if (seen.has(roleCode)) throw invalidInput('rateChanges', `lists role ${roleCode} more than once`, { roleCode });
    seen.add(roleCode);
    return { roleCode, billRate: rateInput(`rateChanges[${i}].billRate`, c.billRate) };
  });
}

/** Validates the whole input against the project it applies to (open, and the delta in the project currency). */
export function validateRateChangeInput(input: RateChangeInput, project: Project): { effectiveDate: string; rateChanges: RoleRateChange[]; delta: Money | null; contractAmendmentId: string | null } {
  requireOpenProject(project, 'rates of closed or cancelled projects cannot change');
  const rateChanges = validateRateChanges(input.rateChanges);
  const delta = input.budgetRevenueDelta ? requireCurrency('budgetRevenueDelta', input.budgetRevenueDelta, project.currency) : null;
  // A fixed-fee amendment changes the value and no rate; a change of neither is a mistake, not a no-op.
  if (rateChanges.length === 0 && (delta === null || delta.amountMinor === 0n)) {
    throw invalidInput('rateChanges', 'must list at least one role when the budget does not change');
  }
  return {
    effectiveDate: requireLocalDate('effectiveDate', input.effectiveDate),
    rateChanges,
    delta,
    contractAmendmentId: input.contractAmendmentId ? requireId('contractAmendmentId', input.contractAmendmentId, 'amd') : null,
  };
}

/** The assignment at its role's new bill rate, or null when the rate is already that (nothing to write). */
export function reRateAssignment(assignment: Assignment, billRate: string, now: string): Assignment | null {
  if (assignment.status === 'CANCELLED' || assignment.billRate === billRate) return null;
  return { ...assignment, version: assignment.version + 1, billRate, updatedAt: now };
}

/**
 * An APPROVED billable entry re-priced at a new bill rate (contract amendment effective on or before its work
 * date): a new version with the new bill-rate snapshot and bill amount; cost and approval stay as they were.
 * BILLED time is never re-rated: it is on an invoice and changes only through a credit memo. Returns null when the
 * entry is already at that rate.
 */
export function reRateTimeEntry(entry: TimeEntry, billRate: string, currency: string, now: string): TimeEntry | null {
  if (entry.status !== 'APPROVED' || entry.billableClass !== 'BILLABLE') {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `TimeEntry ${entry.id} is ${entry.status} ${entry.billableClass} and cannot be re-rated`, {
      entity: 'TimeEntry', id: entry.id, from: entry.status,
    });
  }
  if (entry.billRateSnapshot === billRate) return null;
  const priced = priceTime(entry, { billRate, costRate: entry.costRateSnapshot ?? '0' }, currency);
  return { ...entry, version: entry.version + 1, billRateSnapshot: priced.billRateSnapshot, billAmount: priced.billAmount, updatedAt: now };
}

/** The project with the amendment's revenue delta added to its budget (which must stay non-negative). */
export function addToBudgetRevenue(project: Project, delta: Money, now: string): Project {
  const budgetRevenue = add(project.budgetRevenue ?? zero(project.currency), delta);
  if (budgetRevenue.amountMinor < 0n) throw invalidInput('budgetRevenueDelta', 'would make the revenue budget negative');
  return { ...project, version: project.version + 1, budgetRevenue, updatedAt: now };
}

/** The record of an applied rate change. */
export function recordRateChange(
  id: string,
  project: Project,
  change: { effectiveDate: string; rateChanges: RoleRateChange[]; delta: Money | null; contractAmendmentId: string | null },
  reRatedEntries: number,
  actor: string,
  now: string,
): ProjectRateChange {
  return {
    id, projectId: project.id, legalEntityId: project.legalEntityId, contractAmendmentId: change.contractAmendmentId, effectiveDate: change.effectiveDate,
    rateChanges: change.rateChanges, budgetRevenueDelta: change.delta, reRatedEntries, appliedAt: now, appliedBy: actor,
  };
}
