import {
  DomainError, ErrorCode, invalidInput, optionalText, requireDecimal, requireLocalDate, requirePositive, requireText,
} from '../../../../platform/domain/index.js';
import { Decimal, multiply, type Money } from '../../../../platform/money/index.js';
import { approveEntry, markEntryBilled, rejectEntry, submitEntry, unbillEntry } from './approval.js';
import { optionalPercent, stateRefusal } from './rules.js';
import type { ExpenseEntry, Project, Resource } from './types.js';

/** Most decimals of an FX rate (rates need more precision than amounts, domain model §6). */
export const FX_RATE_SCALE = 10;

/** Fields of a new expense entry. */
export interface NewExpenseEntry {
  resourceId: string;
  projectId: string;
  incurredOn: string;
  category: string;
  amount: Money;
  fxRateToProject?: string | null;
  reimbursable?: boolean | null;
  billable?: boolean | null;
  markupPct?: string | null;
  receiptRef?: string | null;
}

/** The project-currency side of an expense: the rate used and the converted amount. */
export interface ExpenseConversion {
  fxRateToProject: string;
  projectAmount: Money;
}

/**
 * Converts an expense into the project currency. A foreign-currency expense needs the rate it was converted at
 * (stored with the entry and never re-derived, domain model §6.2); one in the project currency converts at "1".
 */
export function convertExpense(amount: Money, projectCurrency: string, fxRateToProject: string | null | undefined): ExpenseConversion {
  if (amount.currency === projectCurrency) {
    if (fxRateToProject !== null && fxRateToProject !== undefined && !requireDecimal('fxRateToProject', fxRateToProject, FX_RATE_SCALE).equals(1)) {
      throw invalidInput('fxRateToProject', `must be 1 or omitted when the amount is in the project currency ${projectCurrency}`);
    }
    return { fxRateToProject: '1', projectAmount: amount };
  }
  if (fxRateToProject === null || fxRateToProject === undefined) {
    throw invalidInput('fxRateToProject', `is required to convert ${amount.currency} into the project currency ${projectCurrency}`);
  }
  const rate = requireDecimal('fxRateToProject', fxRateToProject, FX_RATE_SCALE);
  if (rate.lessThanOrEqualTo(0)) throw invalidInput('fxRateToProject', 'must be greater than zero');
  // Canonical text without trailing zeros, so "1.2500" and "1.25" are the same stored rate.
  return { fxRateToProject: rate.toFixed(), projectAmount: multiply(amount, rate, projectCurrency) };
}

/** Value billable to the client: the project amount plus markup, rounded once; null for non-billable expenses. */
export function expenseBillAmount(projectAmount: Money, billable: boolean, markupPct: string | null): Money | null {
  if (!billable) return null;
  if (markupPct === null) return projectAmount;
  return multiply(projectAmount, new Decimal(1).plus(new Decimal(markupPct).dividedBy(100)));
}

/** Records a DRAFT expense of `resource` on an ACTIVE `project`. */
export function createExpenseEntry(id: string, input: NewExpenseEntry, project: Project, resource: Resource, now: string): ExpenseEntry {
  if (project.status !== 'ACTIVE') throw stateRefusal('Project', project.id, project.status, 'expenses can only be recorded on ACTIVE projects');
  const amount = requirePositive('amount', input.amount);
  const { fxRateToProject, projectAmount } = convertExpense(amount, project.currency, input.fxRateToProject);
  const billable = input.billable ?? true;
  const markupPct = optionalPercent('markupPct', input.markupPct);
  return {
    id,
    version: 1,
    resourceId: resource.id,
    projectId: project.id,
    legalEntityId: project.legalEntityId,
    incurredOn: requireLocalDate('incurredOn', input.incurredOn),
    category: requireText('category', input.category, 50),
    amount,
    fxRateToProject,
    projectAmount,
    reimbursable: input.reimbursable ?? true,
    billable,
    markupPct,
    billAmount: expenseBillAmount(projectAmount, billable, markupPct),
    receiptRef: optionalText('receiptRef', input.receiptRef, 200),
    status: 'DRAFT',
    submittedAt: null,
    approvedAt: null,
    approvedBy: null,
    rejectedReason: null,
    updatedAt: now,
  };
}

/** DRAFT or REJECTED → SUBMITTED; the project must be ACTIVE. */
export function submitExpenseEntry(entry: ExpenseEntry, project: Project, now: string): ExpenseEntry {
  return submitEntry('ExpenseEntry', entry, project, now);
}

/** SUBMITTED → APPROVED on an ACTIVE or COMPLETED project, recording the approver. */
export function approveExpenseEntry(entry: ExpenseEntry, project: Project, actor: string, now: string): ExpenseEntry {
  return approveEntry('ExpenseEntry', entry, project, actor, now);
}

/** SUBMITTED → REJECTED with a required reason. */
export function rejectExpenseEntry(entry: ExpenseEntry, reason: string, now: string): ExpenseEntry {
  return rejectEntry('ExpenseEntry', entry, reason, now);
}

/** APPROVED → BILLED (billing); only billable expenses are ever billed. */
export function markExpenseEntryBilled(entry: ExpenseEntry, now: string): ExpenseEntry {
  if (!entry.billable) {
    throw new DomainError(ErrorCode.INVALID_TRANSITION, `ExpenseEntry ${entry.id} is not billable and is never billed`, {
      entity: 'ExpenseEntry', id: entry.id, action: 'MARK_BILLED', from: entry.status,
    });
  }
  return markEntryBilled('ExpenseEntry', entry, now);
}

/** BILLED → APPROVED (billing: invoice voided or credited). */
export function unbillExpenseEntry(entry: ExpenseEntry, now: string): ExpenseEntry {
  return unbillEntry('ExpenseEntry', entry, now);
}
