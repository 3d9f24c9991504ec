import { invalidInput, nextState, requireCurrency, requireId, requireLocalDate, requirePositive, requireText, type TransitionTable } from '../../../../platform/domain/index.js';
import type { Money } from '../../../../platform/money/index.js';
import { requireOpenProject } from './project.js';
import { optionalPercent } from './rules.js';
import type { Milestone, MilestoneStatus, Project } from './types.js';

/**
 * Milestone lifecycle (domain model §4.8): delivery (COMPLETED) and client acceptance (ACCEPTED) are separate steps
 * because billing and revenue recognition trigger on acceptance.
 */
export const MILESTONE_TRANSITIONS: TransitionTable<MilestoneStatus, 'START' | 'COMPLETE' | 'ACCEPT' | 'REWORK' | 'CANCEL'> = {
  START: { from: ['PLANNED'], to: 'IN_PROGRESS' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'COMPLETED' },
  ACCEPT: { from: ['COMPLETED'], to: 'ACCEPTED' },
  REWORK: { from: ['COMPLETED'], to: 'IN_PROGRESS' },
  CANCEL: { from: ['PLANNED', 'IN_PROGRESS'], to: 'CANCELLED' },
};
export type MilestoneAction = keyof typeof MILESTONE_TRANSITIONS;

/** Fields of a new milestone. */
export interface NewMilestone {
  projectId: string;
  name: string;
  dueDate: string;
  billingAmount?: Money | null;
  revenueWeightPct?: string | null;
}

/** Adds a PLANNED milestone to an open project; its billing amount is in the project currency. */
export function createMilestone(id: string, input: NewMilestone, project: Project, now: string): Milestone {
  requireOpenProject(project, 'milestones cannot be added to closed or cancelled projects');
  return {
    id,
    version: 1,
    projectId: project.id,
    legalEntityId: project.legalEntityId,
    name: requireText('name', input.name, 200),
    dueDate: requireLocalDate('dueDate', input.dueDate),
    status: 'PLANNED',
    billingAmount: input.billingAmount ? requirePositive('billingAmount', requireCurrency('billingAmount', input.billingAmount, project.currency)) : null,
    revenueWeightPct: optionalPercent('revenueWeightPct', input.revenueWeightPct),
    completedAt: null,
    acceptedAt: null,
    acceptedByContactId: null,
    updatedAt: now,
  };
}

/**
 * Applies a lifecycle action to a milestone of an open project. COMPLETE records delivery, REWORK clears it again,
 * ACCEPT records the acceptance and, optionally, the client contact who accepted.
 */
export function transitionMilestone(
  current: Milestone,
  project: Project,
  action: MilestoneAction,
  acceptedByContactId: string | null | undefined,
  now: string,
): Milestone {
  const status = nextState('Milestone', MILESTONE_TRANSITIONS, current.status, action);
  requireOpenProject(project, 'milestones of closed or cancelled projects cannot change');
  if (acceptedByContactId && action !== 'ACCEPT') throw invalidInput('acceptedByContactId', 'can only be given with ACCEPT');
  const accepting = action === 'ACCEPT';
  return {
    ...current,
    version: current.version + 1,
    status,
    completedAt: action === 'COMPLETE' ? now : action === 'REWORK' ? null : current.completedAt,
    acceptedAt: accepting ? now : current.acceptedAt,
    acceptedByContactId: accepting && acceptedByContactId ? requireId('acceptedByContactId', acceptedByContactId, 'con') : current.acceptedByContactId,
    updatedAt: now,
  };
}
