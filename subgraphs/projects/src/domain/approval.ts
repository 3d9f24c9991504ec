import {
  DomainError, ErrorCode, invalidInput, nextState, notFound, requireText, versionConflict, type TransitionTable, type Versioned,
} from '../../../../platform/domain/index.js';
import type { ApprovalStatus, Project, ProjectStatus } from './types.js';

/**
 * Approval lifecycle shared by time and expense entries (domain model §4.7). APPROVED → BILLED and back are driven
 * by billing (invoice issued, voided or credited) and are not client actions.
 */
export const APPROVAL_TRANSITIONS: TransitionTable<ApprovalStatus, 'SUBMIT' | 'APPROVE' | 'REJECT' | 'RETRACT' | 'MARK_BILLED' | 'UNBILL'> = {
  SUBMIT: { from: ['DRAFT', 'REJECTED'], to: 'SUBMITTED' },
  APPROVE: { from: ['SUBMITTED'], to: 'APPROVED' },
  REJECT: { from: ['SUBMITTED'], to: 'REJECTED' },
  RETRACT: { from: ['SUBMITTED'], to: 'DRAFT' },
  MARK_BILLED: { from: ['APPROVED'], to: 'BILLED' },
  UNBILL: { from: ['BILLED'], to: 'APPROVED' },
};
export type ApprovalAction = keyof typeof APPROVAL_TRANSITIONS;

/** Project statuses under which an action may be taken on an entry of the project. */
export const PROJECT_STATUSES_FOR: Readonly<Partial<Record<ApprovalAction, readonly ProjectStatus[]>>> = {
  SUBMIT: ['ACTIVE'],
  // A COMPLETED project still takes late approvals of time that was already submitted.
  APPROVE: ['ACTIVE', 'COMPLETED'],
};

/** Statuses whose entries count as cost and delivered value. */
export const APPROVED_STATUSES: readonly ApprovalStatus[] = ['APPROVED', 'BILLED'];

/** Statuses in which an entry's content may still be edited by the resource. */
export const EDITABLE_STATUSES: readonly ApprovalStatus[] = ['DRAFT', 'REJECTED'];

/** Most entries one batch mutation may act on: a month of a large firm's approvals in one call. */
export const MAX_BATCH_SIZE = 5000;

/** The approval fields time and expense entries share. */
export interface ApprovalFields {
  id: string;
  version: number;
  projectId: string;
  status: ApprovalStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  rejectedReason: string | null;
  updatedAt: string;
}

/**
 * Validates the entries of a batch: 1 to 5000 of them (0 allowed with `allowEmpty`, for one of several lists), each at
 * most once (all or nothing needs one decision per entry). `field` names the input list in errors.
 */
export function validateBatch(refs: readonly Versioned[], field = 'entries', allowEmpty = false): Versioned[] {
  if (!Array.isArray(refs) || (refs.length === 0 && !allowEmpty)) throw invalidInput(field, 'must list at least one entry');
  if (refs.length > MAX_BATCH_SIZE) throw invalidInput(field, `must list at most ${MAX_BATCH_SIZE} entries`, { max: MAX_BATCH_SIZE });
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.id)) duplicates.add(ref.id);
    seen.add(ref.id);
  }
  if (duplicates.size) {
    const ids = [...duplicates];
    throw invalidInput(field, `lists ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''} more than once`, { duplicates: ids.slice(0, 100) });
  }
  return [...refs];
}

/**
 * Puts the locked entries of a batch in the order they were asked for, failing the whole batch with NOT_FOUND for
 * the first missing entry or VERSION_CONFLICT for the first stale `expectedVersion`.
 */
export function alignBatch<E extends { id: string; version: number }>(entity: string, refs: readonly Versioned[], locked: readonly E[]): E[] {
  const byId = new Map(locked.map((e) => [e.id, e]));
  return refs.map((ref) => {
    const entry = byId.get(ref.id);
    if (!entry) throw notFound(entity, ref.id);
    if (ref.expectedVersion !== undefined && ref.expectedVersion !== null && ref.expectedVersion !== entry.version) {
      throw versionConflict(entity, ref.id, ref.expectedVersion, entry.version);
    }
    return entry;
  });
}

/** The state `action` leads to, or INVALID_TRANSITION naming the entry (a batch has thousands; say which one). */
export function approvalState(entity: string, entry: { id: string; status: ApprovalStatus }, action: ApprovalAction): ApprovalStatus {
  try {
    return nextState(entity, APPROVAL_TRANSITIONS, entry.status, action);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(error.code, `${entity} ${entry.id} cannot ${action.toLowerCase().replace(/_/g, ' ')} from ${entry.status}`, { ...error.details, id: entry.id });
  }
}

/** Refuses the action when the entry's project is not in a status that allows it. */
export function requireProjectFor(entity: string, entry: { id: string; projectId: string }, project: Project | null, action: ApprovalAction): void {
  const allowed = PROJECT_STATUSES_FOR[action];
  if (!allowed) return;
  if (!project || project.id !== entry.projectId) throw new Error(`${entity} ${entry.id}: project ${entry.projectId} was not loaded`);
  if (!allowed.includes(project.status)) {
    throw new DomainError(
      ErrorCode.INVALID_TRANSITION,
      `${entity} ${entry.id} cannot ${action.toLowerCase()}: project ${project.id} is ${project.status} (must be ${allowed.join(' or ')})`,
      { entity, id: entry.id, action, projectId: project.id, projectStatus: project.status },
    );
  }
}

/** DRAFT or REJECTED → SUBMITTED on an ACTIVE project; a previous rejection reason is cleared with the resubmission. */
export function submitEntry<E extends ApprovalFields>(entity: string, entry: E, project: Project, now: string): E {
  const status = approvalState(entity, entry, 'SUBMIT');
  requireProjectFor(entity, entry, project, 'SUBMIT');
  return { ...entry, version: entry.version + 1, status, submittedAt: now, rejectedReason: null, updatedAt: now };
}

/** SUBMITTED → APPROVED on an ACTIVE or COMPLETED project, recording who approved and when. */
export function approveEntry<E extends ApprovalFields>(entity: string, entry: E, project: Project, actor: string, now: string): E {
  const status = approvalState(entity, entry, 'APPROVE');
  requireProjectFor(entity, entry, project, 'APPROVE');
  return { ...entry, version: entry.version + 1, status, approvedAt: now, approvedBy: requireText('actor', actor, 200), updatedAt: now };
}

/** Validates a rejection reason (required: the resource has to know what to fix). */
export function rejectionReason(reason: string): string {
  return requireText('reason', reason, 1000);
}

/** SUBMITTED → REJECTED with a reason. */
export function rejectEntry<E extends ApprovalFields>(entity: string, entry: E, reason: string, now: string): E {
  const status = approvalState(entity, entry, 'REJECT');
  return { ...entry, version: entry.version + 1, status, rejectedReason: rejectionReason(reason), updatedAt: now };
}

/** SUBMITTED → DRAFT: the resource takes the entry back before anyone decided on it. */
export function retractEntry<E extends ApprovalFields>(entity: string, entry: E, now: string): E {
  const status = approvalState(entity, entry, 'RETRACT');
  return { ...entry, version: entry.version + 1, status, submittedAt: null, updatedAt: now };
}

/** APPROVED → BILLED (billing: the entry is on an issued invoice). */
export function markEntryBilled<E extends ApprovalFields>(entity: string, entry: E, now: string): E {
  const status = approvalState(entity, entry, 'MARK_BILLED');
  return { ...entry, version: entry.version + 1, status, updatedAt: now };
}

/** BILLED → APPROVED (billing: the invoice was voided or credited and the entry can be billed again). */
export function unbillEntry<E extends ApprovalFields>(entity: string, entry: E, now: string): E {
  const status = approvalState(entity, entry, 'UNBILL');
  return { ...entry, version: entry.version + 1, status, updatedAt: now };
}

/**
 * The entries of a billing batch that still have to become BILLED, in input order. An entry already BILLED is
 * skipped whatever version it was asked at (a retry of the same billing after the first one went through); any other
 * must exist (NOT_FOUND) and be at its expected version (VERSION_CONFLICT), and is then checked by the transition.
 */
export function pendingForBilling<E extends { id: string; version: number; status: ApprovalStatus }>(entity: string, refs: readonly Versioned[], locked: readonly E[]): E[] {
  const byId = new Map(locked.map((e) => [e.id, e]));
  const missing = refs.find((r) => !byId.has(r.id));
  if (missing) throw notFound(entity, missing.id);
  const pending = refs.filter((r) => byId.get(r.id)!.status !== 'BILLED');
  return alignBatch(entity, pending, locked);
}

/** The entries of an unbilling batch that are BILLED (the others are skipped), in input order; NOT_FOUND for a missing one. */
export function billedOnly<E extends { id: string; status: ApprovalStatus }>(entity: string, ids: readonly string[], locked: readonly E[]): E[] {
  const byId = new Map(locked.map((e) => [e.id, e]));
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    if (!entry) throw notFound(entity, id);
    return entry.status === 'BILLED' ? [entry] : [];
  });
}
