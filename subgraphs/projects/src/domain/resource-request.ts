import {
  nextState, requireInt, requireLocalDate, requireOrderedDates, requireText, type TransitionTable,
} from '../../../../platform/domain/index.js';
import { requireOpenProject } from './project.js';
import type { Project, ResourceRequest, ResourceRequestStatus } from './types.js';

/**
 * Resource request lifecycle (domain model §4.6, Certinia hold/assign semantics): DRAFT → OPEN → HELD → ASSIGNED,
 * HELD → OPEN (unhold), and any request not yet staffed can be cancelled. Held requests count in the backlog.
 */
export const RESOURCE_REQUEST_TRANSITIONS: TransitionTable<ResourceRequestStatus, 'OPEN' | 'HOLD' | 'UNHOLD' | 'ASSIGN' | 'CANCEL'> = {
  OPEN: { from: ['DRAFT'], to: 'OPEN' },
  HOLD: { from: ['OPEN'], to: 'HELD' },
  UNHOLD: { from: ['HELD'], to: 'OPEN' },
  ASSIGN: { from: ['HELD'], to: 'ASSIGNED' },
  CANCEL: { from: ['DRAFT', 'OPEN', 'HELD'], to: 'CANCELLED' },
};
export type ResourceRequestAction = keyof typeof RESOURCE_REQUEST_TRANSITIONS;

/** Statuses of requests that are still waiting to be staffed (cancelled with their project). */
export const UNSTAFFED_REQUEST_STATUSES: readonly ResourceRequestStatus[] = RESOURCE_REQUEST_TRANSITIONS.CANCEL.from;

/** Largest request in minutes (fits a 32-bit column; about 35 000 person-years). */
export const MAX_REQUEST_MINUTES = 2_000_000_000;

/** Fields of a new resource request. */
export interface NewResourceRequest {
  roleCode: string;
  level?: string | null;
  minutes: number;
  startDate: string;
  endDate: string;
  /** DRAFT (being prepared) or OPEN (visible to resource managers). */
  status: Extract<ResourceRequestStatus, 'DRAFT' | 'OPEN'>;
}

/** Builds a resource request on an open project; it takes the project's legal entity. */
export function createResourceRequest(id: string, input: NewResourceRequest, project: Project, now: string): ResourceRequest {
  requireOpenProject(project, 'resources cannot be requested for closed or cancelled projects');
  const startDate = requireLocalDate('startDate', input.startDate);
  const endDate = requireLocalDate('endDate', input.endDate);
  requireOrderedDates('endDate', startDate, endDate);
  return {
    id,
    version: 1,
    projectId: project.id,
    legalEntityId: project.legalEntityId,
    roleCode: requireText('roleCode', input.roleCode, 64),
    level: input.level ? requireText('level', input.level, 32) : null,
    minutes: requireInt('minutes', input.minutes, 0, MAX_REQUEST_MINUTES),
    startDate,
    endDate,
    status: input.status,
    createdAt: now,
    updatedAt: now,
  };
}

/** Applies a lifecycle action (INVALID_TRANSITION when the status does not allow it). */
export function transitionResourceRequest(current: ResourceRequest, action: ResourceRequestAction, now: string): ResourceRequest {
  const status = nextState('ResourceRequest', RESOURCE_REQUEST_TRANSITIONS, current.status, action);
  return { ...current, version: current.version + 1, status, updatedAt: now };
}
