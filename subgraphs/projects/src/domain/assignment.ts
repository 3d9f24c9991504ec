import {
  DomainError, ErrorCode, invalidInput, nextState, requireInt, requireLocalDate, requireOrderedDates, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import { requireOpenProject } from './project.js';
import { rateInput } from './rules.js';
import type { Assignment, AssignmentStatus, Project, Resource } from './types.js';

/** Assignment lifecycle (domain model §4.6). */
export const ASSIGNMENT_TRANSITIONS: TransitionTable<AssignmentStatus, 'CONFIRM' | 'COMPLETE' | 'CANCEL'> = {
  CONFIRM: { from: ['TENTATIVE'], to: 'CONFIRMED' },
  COMPLETE: { from: ['CONFIRMED'], to: 'COMPLETED' },
  CANCEL: { from: ['TENTATIVE', 'CONFIRMED'], to: 'CANCELLED' },
};
export type AssignmentAction = keyof typeof ASSIGNMENT_TRANSITIONS;

/** Statuses under which time can be booked against an assignment. */
export const BOOKABLE_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['TENTATIVE', 'CONFIRMED'];

/** Fields of a new assignment; rates are hourly, in the project currency. */
export interface NewAssignment {
  projectId: string;
  resourceId: string;
  roleCode: string;
  startDate: string;
  endDate: string;
  scheduledMinutes: number;
  billRate: string;
  costRate: string;
  isBillable?: boolean | null;
}

/**
 * Staffs an active resource on an open project, TENTATIVE. Rates are stored at scale 4 ("150" → "150.0000"): they
 * are the rates approved time is priced at, so they must read back exactly as billing will see them.
 */
export function createAssignment(id: string, input: NewAssignment, project: Project, resource: Resource, now: string): Assignment {
  requireOpenProject(project, 'resources cannot be assigned to closed or cancelled projects');
  if (!resource.active) throw invalidInput('resourceId', `resource ${resource.id} is inactive and cannot be assigned`);
  const startDate = requireLocalDate('startDate', input.startDate);
  const endDate = requireLocalDate('endDate', input.endDate);
  requireOrderedDates('endDate', startDate, endDate);
  return {
    id,
    version: 1,
    projectId: project.id,
    resourceId: resource.id,
    // The project's entity delivers (and bills) the work, whoever employs the resource.
    legalEntityId: project.legalEntityId,
    roleCode: requireText('roleCode', input.roleCode, 64),
    startDate,
    endDate,
    scheduledMinutes: requireInt('scheduledMinutes', input.scheduledMinutes, 0, 2_000_000_000),
    billRate: rateInput('billRate', input.billRate),
    costRate: rateInput('costRate', input.costRate),
    isBillable: input.isBillable ?? true,
    status: 'TENTATIVE',
    updatedAt: now,
  };
}

/**
 * Applies a lifecycle action. Cancelling is refused while time booked on the assignment waits for approval:
 * the approver would otherwise price it against a withdrawn assignment.
 */
export function transitionAssignment(current: Assignment, action: AssignmentAction, submittedTimeEntries: number, now: string): Assignment {
  const status = nextState('Assignment', ASSIGNMENT_TRANSITIONS, current.status, action);
  if (action === 'CANCEL' && submittedTimeEntries > 0) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `Assignment ${current.id} cannot cancel: ${submittedTimeEntries} submitted time entries must be approved, rejected or retracted first`,
      { entity: 'Assignment', id: current.id, action, from: current.status },
    );
  }
  return { ...current, version: current.version + 1, status, updatedAt: now };
}
