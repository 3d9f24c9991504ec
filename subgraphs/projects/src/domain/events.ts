import type { EventDraft } from '../../../../platform/events/event.js';
import type { Money } from '../../../../platform/money/index.js';
import type { ExpenseEntry, Milestone, Project, TimeEntry } from './types.js';

/**
 * The domain events projects emits to the process layer (through the outbox, in the transaction of the change).
 * Each names its entity by type and key and carries what consumers act on, never the whole entity. Events about a
 * batch of entries are Project events without an entity version: the project itself did not change, and each entry
 * carries its own version.
 */
export const ProjectEvent = {
  PROJECT_ACTIVATED: 'ProjectActivated',
  TIME_ENTRIES_APPROVED: 'TimeEntriesApproved',
  EXPENSE_ENTRIES_APPROVED: 'ExpenseEntriesApproved',
  MILESTONE_ACCEPTED: 'MilestoneAccepted',
  ENTRIES_BILLED: 'EntriesBilled',
} as const;

/** Most entries one approval event carries; a bigger batch is split so that events stay small. */
export const MAX_ENTRIES_PER_EVENT = 1000;

/** Money as events carry it: minor units as a string (JSON has no bigint), and the currency. */
export interface MoneyPayload {
  amountMinor: string;
  currency: string;
}

/** Money in an event payload. */
export function moneyPayload(m: Money | null): MoneyPayload | null {
  return m ? { amountMinor: m.amountMinor.toString(), currency: m.currency } : null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Groups items by project, keeping the order of first appearance and the items' order within each project. */
function byProject<T extends { projectId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.projectId);
    if (list) list.push(item);
    else groups.set(item.projectId, [item]);
  }
  return groups;
}

function projectOf(projects: ReadonlyMap<string, Project>, id: string): Project {
  const project = projects.get(id);
  if (!project) throw new Error(`project ${id} of an event was not loaded`);
  return project;
}

/** `ProjectActivated`: a project became ACTIVE (the setup flow waits for it). */
export function projectActivated(project: Project): EventDraft {
  return {
    type: ProjectEvent.PROJECT_ACTIVATED,
    entityType: 'Project',
    entityId: project.id,
    entityVersion: project.version,
    payload: { projectId: project.id, legalEntityId: project.legalEntityId, activatedAt: project.activatedAt },
  };
}

/** One approved (or re-rated) time entry as `TimeEntriesApproved` carries it. */
export interface ApprovedTimePayload {
  id: string;
  version: number;
  resourceId: string;
  roleCode: string;
  workDate: string;
  minutes: number;
  billableMinutes: number;
  billableClass: string;
  /** Hourly bill-rate snapshot; null for time that is not billable. */
  billRate: string | null;
  costRate: string | null;
  approvedAt: string | null;
  /** True when the entry was approved before and its rates changed (billing supersedes the older version). */
  reRated: boolean;
}

/**
 * `TimeEntriesApproved`: one event per project and chunk of at most 1 000 entries, with each entry's priced snapshot
 * and the role it was booked under (`roleOf` gives it from the entry's assignment).
 */
export function timeEntriesApproved(
  entries: readonly TimeEntry[],
  projects: ReadonlyMap<string, Project>,
  roleOf: (entry: TimeEntry) => string,
  reRated: boolean,
): EventDraft[] {
  return [...byProject(entries)].flatMap(([projectId, list]) => {
    const project = projectOf(projects, projectId);
    return chunks(list, MAX_ENTRIES_PER_EVENT).map((chunk): EventDraft => ({
      type: ProjectEvent.TIME_ENTRIES_APPROVED,
      entityType: 'Project',
      entityId: projectId,
      entityVersion: null,
      payload: {
        projectId,
        legalEntityId: project.legalEntityId,
        currency: project.currency,
        // Consumers decide from it whether time is billed by the hour (time and materials) or covered by a fee.
        billingModel: project.billingModel,
        entries: chunk.map((e): ApprovedTimePayload => ({
          id: e.id, version: e.version, resourceId: e.resourceId, roleCode: roleOf(e), workDate: e.workDate, minutes: e.minutes,
          billableMinutes: e.billableMinutes, billableClass: e.billableClass, billRate: e.billableClass === 'BILLABLE' ? e.billRateSnapshot : null,
          costRate: e.costRateSnapshot, approvedAt: e.approvedAt, reRated,
        })),
      },
    }));
  });
}

/** `ExpenseEntriesApproved`: one event per project and chunk of at most 1 000 entries. */
export function expenseEntriesApproved(entries: readonly ExpenseEntry[], projects: ReadonlyMap<string, Project>): EventDraft[] {
  return [...byProject(entries)].flatMap(([projectId, list]) => {
    const project = projectOf(projects, projectId);
    return chunks(list, MAX_ENTRIES_PER_EVENT).map((chunk): EventDraft => ({
      type: ProjectEvent.EXPENSE_ENTRIES_APPROVED,
      entityType: 'Project',
      entityId: projectId,
      entityVersion: null,
      payload: {
        projectId,
        legalEntityId: project.legalEntityId,
        currency: project.currency,
        entries: chunk.map((e) => ({
          id: e.id, version: e.version, incurredOn: e.incurredOn, category: e.category, billable: e.billable,
          billAmount: moneyPayload(e.billable ? e.billAmount : null), approvedAt: e.approvedAt,
        })),
      },
    }));
  });
}

/** `MilestoneAccepted`: the client accepted a milestone (billing and revenue recognition follow). */
export function milestoneAccepted(milestone: Milestone): EventDraft {
  return {
    type: ProjectEvent.MILESTONE_ACCEPTED,
    entityType: 'Milestone',
    entityId: milestone.id,
    entityVersion: milestone.version,
    payload: {
      milestoneId: milestone.id, projectId: milestone.projectId, legalEntityId: milestone.legalEntityId, name: milestone.name,
      billingAmount: moneyPayload(milestone.billingAmount), acceptedAt: milestone.acceptedAt, version: milestone.version,
    },
  };
}

/** `EntriesBilled`: one event per project listing the entries that just became BILLED (skipped ones are not listed). */
export function entriesBilled(time: readonly TimeEntry[], expenses: readonly ExpenseEntry[]): EventDraft[] {
  const projects = new Set([...time.map((e) => e.projectId), ...expenses.map((e) => e.projectId)]);
  const timeBy = byProject(time);
  const expenseBy = byProject(expenses);
  return [...projects].map((projectId): EventDraft => ({
    type: ProjectEvent.ENTRIES_BILLED,
    entityType: 'Project',
    entityId: projectId,
    entityVersion: null,
    payload: {
      projectId,
      timeEntryIds: (timeBy.get(projectId) ?? []).map((e) => e.id),
      expenseEntryIds: (expenseBy.get(projectId) ?? []).map((e) => e.id),
    },
  }));
}
