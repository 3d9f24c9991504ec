import {
  DomainError, ErrorCode, invalidInput, nextState, requireCurrency, requireId, requireInt, requireLocalDate, requireNonNegative,
  requireOrderedDates, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import type { Money } from '../../../../platform/money/index.js';
import { changed, optionalDate, optionalPercent, stateRefusal } from './rules.js';
import type { BillingModel, Project, ProjectHealth, ProjectStatus } from './types.js';

/** Project lifecycle (domain model §4.4). Guards that need data beyond the project live in `transitionProject`. */
export const PROJECT_TRANSITIONS: TransitionTable<ProjectStatus, 'ACTIVATE' | 'HOLD' | 'RESUME' | 'COMPLETE' | 'REOPEN' | 'CLOSE' | 'CANCEL'> = {
  ACTIVATE: { from: ['DRAFT'], to: 'ACTIVE' },
  HOLD: { from: ['ACTIVE'], to: 'ON_HOLD' },
  RESUME: { from: ['ON_HOLD'], to: 'ACTIVE' },
  COMPLETE: { from: ['ACTIVE'], to: 'COMPLETED' },
  REOPEN: { from: ['COMPLETED'], to: 'ACTIVE' },
  CLOSE: { from: ['COMPLETED'], to: 'CLOSED' },
  CANCEL: { from: ['DRAFT', 'ACTIVE', 'ON_HOLD'], to: 'CANCELLED' },
};
export type ProjectAction = keyof typeof PROJECT_TRANSITIONS;

/** Prefix of generated project codes. */
export const PROJECT_CODE_PREFIX = 'PRJ-';

/** Largest budget in minutes (fits a 32-bit column; about 35 000 person-years). */
export const MAX_BUDGET_MINUTES = 2_000_000_000;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Formats the n-th generated project code: `PRJ-` and at least six digits (`PRJ-000042`). */
export function formatProjectCode(n: number | bigint): string {
  const value = BigInt(n);
  if (value < 1n) throw new RangeError('project code sequence starts at 1');
  return `${PROJECT_CODE_PREFIX}${value.toString().padStart(6, '0')}`;
}

/** Validates a client-chosen project code: 1–32 letters, digits, dots, dashes or underscores. */
export function validateProjectCode(code: string): string {
  const text = requireText('code', code, 32);
  if (!CODE.test(text)) throw invalidInput('code', 'must be 1–32 letters, digits, ".", "-" or "_", starting with a letter or digit');
  return text;
}

/** Fields a client may set when creating a project. */
export interface NewProject {
  name: string;
  /** Chosen code; the service generates one from the counter when absent. */
  code: string;
  accountId: string;
  opportunityId?: string | null;
  contractId?: string | null;
  legalEntityId: string;
  billingModel: BillingModel;
  currency: string;
  startDate: string;
  endDate?: string | null;
  budgetMinutes?: number | null;
  budgetRevenue?: Money | null;
  budgetCost?: Money | null;
  marginThresholdPct?: string | null;
  projectManagerId: string;
}

/** Plan fields a client may change; absent fields stay, null clears the optional ones. */
export interface ProjectChanges {
  name?: string | null;
  endDate?: string | null;
  budgetMinutes?: number | null;
  budgetRevenue?: Money | null;
  budgetCost?: Money | null;
  marginThresholdPct?: string | null;
  health?: ProjectHealth | null;
  projectManagerId?: string | null;
}

function budget(field: string, m: Money, currency: string): Money {
  return requireNonNegative(field, requireCurrency(field, m, currency));
}

function budgetMinutes(value: number): number {
  return requireInt('budgetMinutes', value, 0, MAX_BUDGET_MINUTES);
}

/** Builds a DRAFT project, ON_TRACK, with budgets validated against the project currency. */
export function createProject(id: string, input: NewProject, now: string): Project {
  const startDate = requireLocalDate('startDate', input.startDate);
  const endDate = optionalDate('endDate', input.endDate);
  requireOrderedDates('endDate', startDate, endDate);
  const currency = input.currency;
  return {
    id,
    version: 1,
    code: validateProjectCode(input.code),
    name: requireText('name', input.name, 200),
    accountId: requireId('accountId', input.accountId, 'acc'),
    opportunityId: input.opportunityId ? requireId('opportunityId', input.opportunityId, 'opp') : null,
    contractId: input.contractId ? requireId('contractId', input.contractId, 'ctr') : null,
    legalEntityId: requireText('legalEntityId', input.legalEntityId, 64),
    billingModel: input.billingModel,
    status: 'DRAFT',
    health: 'ON_TRACK',
    currency,
    startDate,
    endDate,
    budgetMinutes: input.budgetMinutes === null || input.budgetMinutes === undefined ? null : budgetMinutes(input.budgetMinutes),
    budgetRevenue: input.budgetRevenue ? budget('budgetRevenue', input.budgetRevenue, currency) : null,
    budgetCost: input.budgetCost ? budget('budgetCost', input.budgetCost, currency) : null,
    marginThresholdPct: optionalPercent('marginThresholdPct', input.marginThresholdPct),
    projectManagerId: requireId('projectManagerId', input.projectManagerId, 'res'),
    activatedAt: null,
    completedAt: null,
    closedAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Refuses changes to a project that is financially closed or abandoned. */
export function requireOpenProject(project: Project, why: string): void {
  if (project.status === 'CLOSED' || project.status === 'CANCELLED') throw stateRefusal('Project', project.id, project.status, why);
}

/** Changes a project's plan. Closed and cancelled projects are history and refuse edits. */
export function updateProject(current: Project, changes: ProjectChanges, now: string): Project {
  requireOpenProject(current, 'closed and cancelled projects cannot be changed');
  const endDate = changed(changes.endDate, current.endDate, (d) => requireLocalDate('endDate', d));
  requireOrderedDates('endDate', current.startDate, endDate);
  return {
    ...current,
    version: current.version + 1,
    name: changes.name !== undefined && changes.name !== null ? requireText('name', changes.name, 200) : current.name,
    endDate,
    budgetMinutes: changed(changes.budgetMinutes, current.budgetMinutes, budgetMinutes),
    budgetRevenue: changed(changes.budgetRevenue, current.budgetRevenue, (m) => budget('budgetRevenue', m, current.currency)),
    budgetCost: changed(changes.budgetCost, current.budgetCost, (m) => budget('budgetCost', m, current.currency)),
    marginThresholdPct: changes.marginThresholdPct === undefined ? current.marginThresholdPct : optionalPercent('marginThresholdPct', changes.marginThresholdPct),
    health: changes.health ?? current.health,
    projectManagerId: changes.projectManagerId ? requireId('projectManagerId', changes.projectManagerId, 'res') : current.projectManagerId,
    updatedAt: now,
  };
}

/** What the CLOSE and CANCEL guards need to know about a project's entries and milestones. */
export interface ProjectActivity {
  submittedTimeEntries: number;
  submittedExpenseEntries: number;
  billedTimeEntries: number;
  billedExpenseEntries: number;
  /** Milestones delivered but not yet accepted by the client. */
  completedMilestones: number;
}

/** Activity of a project with nothing booked. */
export const NO_ACTIVITY: ProjectActivity = Object.freeze({
  submittedTimeEntries: 0, submittedExpenseEntries: 0, billedTimeEntries: 0, billedExpenseEntries: 0, completedMilestones: 0,
});

function guardFailure(project: Project, action: ProjectAction, why: string): DomainError {
  return new DomainError(ErrorCode.INVALID_TRANSITION, `Project ${project.id} cannot ${action.toLowerCase()}: ${why}`, {
    entity: 'Project', id: project.id, action, from: project.status,
  });
}

/**
 * Applies a lifecycle action. CLOSE requires that nothing waits for a decision (no submitted time or expenses, no
 * milestone delivered but unaccepted); CANCEL requires that nothing was billed, because billed work cannot be
 * abandoned, only credited. Timestamps record when the project became active, completed and closed.
 */
export function transitionProject(current: Project, action: ProjectAction, activity: ProjectActivity, now: string): Project {
  const status = nextState('Project', PROJECT_TRANSITIONS, current.status, action);
  if (action === 'CLOSE') {
    const waiting: string[] = [];
    if (activity.submittedTimeEntries > 0) waiting.push(`${activity.submittedTimeEntries} submitted time entries`);
    if (activity.submittedExpenseEntries > 0) waiting.push(`${activity.submittedExpenseEntries} submitted expense entries`);
    if (activity.completedMilestones > 0) waiting.push(`${activity.completedMilestones} completed milestones awaiting acceptance`);
    if (waiting.length) throw guardFailure(current, action, `${waiting.join(', ')} must be decided first`);
  }
  if (action === 'CANCEL') {
    const billed = activity.billedTimeEntries + activity.billedExpenseEntries;
    if (billed > 0) throw guardFailure(current, action, `${billed} time or expense entries are already billed`);
  }
  return {
    ...current,
    version: current.version + 1,
    status,
    activatedAt: action === 'ACTIVATE' ? now : current.activatedAt,
    completedAt: action === 'COMPLETE' ? now : action === 'REOPEN' ? null : current.completedAt,
    closedAt: action === 'CLOSE' ? now : current.closedAt,
    updatedAt: now,
  };
}
