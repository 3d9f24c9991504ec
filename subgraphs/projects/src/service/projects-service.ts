import {
  DomainError, ErrorCode, invalidInput, loadForChange, mayActIn, newId, notFound, requireId, requireLegalEntityAccess, requireLocalDate, type Invocation,
  type Versioned,
} from '../../../../platform/domain/index.js';
import type { Money } from '../../../../platform/money/index.js';
import { requireOwnResource } from '../auth/own-resource.js';
import { alignBatch, billedOnly, pendingForBilling, rejectionReason, validateBatch, type ApprovalFields } from '../domain/approval.js';
import { createAssignment, transitionAssignment, type AssignmentAction, type NewAssignment } from '../domain/assignment.js';
import { entriesBilled, expenseEntriesApproved, milestoneAccepted, projectActivated, timeEntriesApproved } from '../domain/events.js';
import {
  approveExpenseEntry, createExpenseEntry, markExpenseEntryBilled, rejectExpenseEntry, submitExpenseEntry, unbillExpenseEntry, type NewExpenseEntry,
} from '../domain/expense-entry.js';
import { createMilestone, transitionMilestone, type MilestoneAction, type NewMilestone } from '../domain/milestone.js';
import {
  createProject, formatProjectCode, NO_ACTIVITY, transitionProject, updateProject, validateProjectCode,
  type NewProject, type ProjectAction, type ProjectChanges,
} from '../domain/project.js';
import { setUpProjectFromTemplate } from '../domain/project-template.js';
import {
  addToBudgetRevenue, recordRateChange, reRateAssignment, reRateTimeEntry, validateRateChangeInput, type RateChangeInput,
} from '../domain/rate-change.js';
import { createResource, updateResource, type NewResource, type ResourceChanges } from '../domain/resource.js';
import { transitionResourceRequest } from '../domain/resource-request.js';
import { createTask, transitionTask, type NewTask, type TaskAction } from '../domain/task.js';
import {
  approveTimeEntry, createTimeEntry, markTimeEntryBilled, rejectTimeEntry, requireWithinDailyCap, retractTimeEntry, submitTimeEntry, unbillTimeEntry,
  updateTimeEntry, type BookingContext, type NewTimeEntry, type TimeEntryChanges,
} from '../domain/time-entry.js';
import type { Assignment, BillingModel, ExpenseEntry, Milestone, Project, Resource, Task, TimeEntry } from '../domain/types.js';
import type { ProjectsRepository, ProjectsWriter } from '../repository/port.js';

/** A new project as the API takes it: the code is optional and generated when absent. */
export type NewProjectInput = Omit<NewProject, 'code'> & { code?: string | null };

/** What the process layer knows when an opportunity is won: enough to set its project up. */
export interface ProjectSetupInput {
  opportunityId: string;
  accountId: string;
  contractId?: string | null;
  legalEntityId: string;
  name: string;
  billingModel: BillingModel;
  currency: string;
  startDate: string;
  /** Absent: an open-ended project, planned for its first year. */
  endDate?: string | null;
  budgetRevenue: Money;
  /** Absent: the legal entity's default project manager. */
  projectManagerId?: string | null;
}

/** Loads a referenced record or fails with BAD_USER_INPUT naming the input field. */
async function referenced<T>(field: string, entity: string, id: string, load: (id: string) => Promise<T | null>): Promise<T> {
  const found = await load(id);
  if (!found) throw invalidInput(field, `${entity} ${id} does not exist`);
  return found;
}

/**
 * Loads the project a new task, assignment, expense or milestone goes into: BAD_USER_INPUT when it does not exist,
 * FORBIDDEN when it belongs to a legal entity the caller may not act in (the new row would take that entity).
 */
async function targetProject(tx: ProjectsWriter, id: string, inv: Invocation): Promise<Project> {
  const project = await referenced('projectId', 'project', id, (pid) => tx.shareProject(pid));
  requireLegalEntityAccess(inv, project.legalEntityId);
  return project;
}

/**
 * Loads a referenced resource the caller may see (its employer is one of the caller's legal entities, or it is the
 * caller's own resource); any other is reported exactly like a missing one.
 */
async function visibleResource(tx: ProjectsWriter, field: string, id: string, inv: Invocation): Promise<Resource> {
  return referenced(field, 'resource', id, async (rid) => {
    const found = await tx.shareResource(rid);
    return found && (mayActIn(inv, found.legalEntityId) || found.id === inv.resourceId) ? found : null;
  });
}

/**
 * Loads (and locks) a time or expense entry for change: NOT_FOUND when missing or outside the caller's legal
 * entities, FORBIDDEN when an own-resource-only caller reaches for another resource's entry, VERSION_CONFLICT when
 * stale; in that order, and before anything is written.
 */
function loadEntryForChange<E extends { id: string; version: number; legalEntityId: string; resourceId: string }>(
  entity: string, target: Versioned, lock: (id: string) => Promise<E | null>, inv: Invocation,
): Promise<E> {
  return loadForChange(entity, target, async (id) => {
    const entry = await lock(id);
    if (entry && mayActIn(inv, entry.legalEntityId)) requireOwnResource(inv, entry.resourceId, `${entity} ${entry.id}`);
    return entry;
  }, inv);
}

function conflict(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.CONFLICT, message, details);
}

/** Looks up an entry's dependency that a foreign key guarantees; a miss is a broken invariant, not user error. */
function must<T>(map: ReadonlyMap<string, T>, id: string, entity: string): T {
  const found = map.get(id);
  if (!found) throw notFound(entity, id);
  return found;
}

const byId = <T extends { id: string }>(rows: readonly T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]));
const unique = (ids: Iterable<string>): string[] => [...new Set(ids)];

/**
 * The projects (PSA) use cases. Each validates with the domain rules and reads, locks and writes inside one
 * transaction bound to the caller, so a failed mutation writes nothing and every change is audited with it.
 * Versions are checked against `expectedVersion` when given, and always against concurrent writers.
 *
 * Access: roles are enforced by the schema (`@requiresScopes`); here every create checks the legal entity the new
 * row takes (FORBIDDEN), every change loads its row as the caller sees it (a row of another legal entity is
 * NOT_FOUND), and an own-resource-only caller (a consultant) may act only on their own time and expenses (FORBIDDEN).
 */
export class ProjectsService {
  constructor(private readonly repo: ProjectsRepository) {}

  createProject(input: NewProjectInput, inv: Invocation): Promise<Project> {
    requireLegalEntityAccess(inv, input.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      let code: string;
      if (input.code !== null && input.code !== undefined) {
        code = validateProjectCode(input.code);
        if (await tx.projectCodeTaken(code)) throw conflict(`Project code ${code} is already taken`, { field: 'code', code });
      } else {
        code = formatProjectCode(await tx.nextProjectCodeNumber());
      }
      const project = createProject(newId('prj'), { ...input, code }, inv.now());
      if (project.opportunityId) {
        await tx.lockOpportunity(project.opportunityId);
        const existing = await tx.projectIdByOpportunity(project.opportunityId);
        if (existing) {
          throw conflict(`Opportunity ${project.opportunityId} already has project ${existing}; one project delivers one won opportunity`, {
            field: 'opportunityId', projectId: existing,
          });
        }
      }
      await visibleResource(tx, 'projectManagerId', project.projectManagerId, inv);
      await tx.insertProject(project);
      return project;
    });
  }

  updateProject(target: Versioned, changes: ProjectChanges, inv: Invocation): Promise<Project> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Project', target, (id) => tx.lockProject(id), inv);
      const next = updateProject(current, changes, inv.now());
      if (next.projectManagerId !== current.projectManagerId) await visibleResource(tx, 'projectManagerId', next.projectManagerId, inv);
      return tx.saveProject(next, current);
    });
  }

  transitionProject(target: Versioned, action: ProjectAction, inv: Invocation): Promise<Project> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Project', target, (id) => tx.lockProject(id), inv);
      // The project row lock makes entries wait (they share-lock their project) while the guard counts them.
      const activity = action === 'CLOSE' || action === 'CANCEL' ? await tx.projectActivity(current.id) : NO_ACTIVITY;
      const now = inv.now();
      const saved = await tx.saveProject(transitionProject(current, action, activity, now), current);
      if (action === 'CANCEL') {
        // Compensation of the setup: demand for a project that will not be delivered is withdrawn with it.
        const open = await tx.lockUnstaffedResourceRequests(current.id);
        await tx.saveResourceRequests(open.map((r) => transitionResourceRequest(r, 'CANCEL', now)), open);
      }
      if (action === 'ACTIVATE') tx.emit(projectActivated(saved));
      return saved;
    });
  }

  /**
   * Sets up the project of a won opportunity (system flow F1): a DRAFT project with its template's WBS and resource
   * requests, in one transaction. One live project per opportunity: when a project that is not CANCELLED already
   * delivers it, that project is returned unchanged (a replay of the flow), so the flow can retry freely. Without a
   * project manager, the legal entity's default one is taken; a legal entity with none is BAD_USER_INPUT.
   */
  setupProjectFromOpportunity(input: ProjectSetupInput, inv: Invocation): Promise<Project> {
    requireLegalEntityAccess(inv, input.legalEntityId);
    const opportunityId = requireId('opportunityId', input.opportunityId, 'opp');
    return this.repo.transaction(inv, async (tx) => {
      await tx.lockOpportunity(opportunityId);
      const live = await tx.liveProjectByOpportunity(opportunityId);
      if (live) {
        if (!mayActIn(inv, live.legalEntityId)) throw conflict(`Opportunity ${opportunityId} already has a project`, { field: 'opportunityId' });
        return live;
      }
      const manager = input.projectManagerId
        ? await visibleResource(tx, 'projectManagerId', input.projectManagerId, inv)
        : await tx.defaultProjectManager(input.legalEntityId);
      if (!manager) {
        throw invalidInput('projectManagerId', `legal entity ${input.legalEntityId} has no active PROJECT_MANAGER or MANAGER resource; name the project manager`);
      }
      const code = formatProjectCode(await tx.nextProjectCodeNumber());
      const setup = setUpProjectFromTemplate(newId('prj'), { ...input, opportunityId, code, projectManagerId: manager.id }, (prefix) => newId(prefix), inv.now());
      await tx.insertProject(setup.project);
      await tx.insertTasks(setup.tasks);
      await tx.insertResourceRequests(setup.resourceRequests);
      return setup.project;
    });
  }

  /**
   * Applies a contract amendment's rate changes to a project (system flow F4): the bill rate of the project's
   * assignments in those roles, a re-rating of their APPROVED billable time worked on or after the effective date
   * (never BILLED time: that changes only through credit), announced as `TimeEntriesApproved` with `reRated`, and the
   * revenue delta added to the budget. With a contract amendment id the amendment is applied once: a repeat returns
   * the project unchanged.
   */
  applyRateChanges(input: RateChangeInput, inv: Invocation): Promise<Project> {
    return this.repo.transaction(inv, async (tx) => {
      // The project row lock serialises rate changes of one project (and the amendment check below).
      const project = await loadForChange('Project', { id: input.projectId }, (id) => tx.lockProject(id), inv);
      const change = validateRateChangeInput(input, project);
      if (change.contractAmendmentId && (await tx.rateChangeByAmendment(project.id, change.contractAmendmentId))) return project;
      const now = inv.now();
      const rates = new Map(change.rateChanges.map((c) => [c.roleCode, c.billRate]));
      const rateOf = (roleCode: string): string => {
        const rate = rates.get(roleCode);
        if (rate === undefined) throw new Error(`no new rate for role ${roleCode}`);
        return rate;
      };
      const inRoles = rates.size === 0 ? [] : await tx.lockAssignmentsWithRoles(project.id, [...rates.keys()]);
      const roleOfAssignment = new Map(inRoles.map((a) => [a.id, a.roleCode]));
      const roleOf = (e: TimeEntry): string => must(roleOfAssignment, e.assignmentId, 'Assignment');
      const assignments = changes(inRoles, (a) => reRateAssignment(a, rateOf(a.roleCode), now));
      await tx.saveAssignments(assignments.next, assignments.before);
      const approved = inRoles.length === 0 ? [] : await tx.lockApprovedBillableTime(project.id, [...roleOfAssignment.keys()], change.effectiveDate);
      const entries = changes(approved, (e) => reRateTimeEntry(e, rateOf(roleOf(e)), project.currency, now));
      await tx.saveTimeEntries(entries.next, entries.before);
      tx.emit(...timeEntriesApproved(entries.next, new Map([[project.id, project]]), roleOf, true));
      const saved = change.delta && change.delta.amountMinor !== 0n ? await tx.saveProject(addToBudgetRevenue(project, change.delta, now), project) : project;
      await tx.insertRateChange(recordRateChange(newId('prc'), project, change, entries.next.length, inv.actor, now));
      return saved;
    });
  }

  createTask(input: NewTask, inv: Invocation): Promise<Task> {
    return this.repo.transaction(inv, async (tx) => {
      const project = await targetProject(tx, input.projectId, inv);
      const parent = input.parentTaskId ? await tx.findTask(input.parentTaskId) : null;
      const task = createTask(newId('tsk'), input, project, parent, inv.now());
      if (await tx.wbsCodeTaken(project.id, task.wbsCode)) {
        throw conflict(`WBS code ${task.wbsCode} is already used in project ${project.id}`, { field: 'wbsCode', wbsCode: task.wbsCode });
      }
      await tx.insertTask(task);
      return task;
    });
  }

  transitionTask(target: Versioned, action: TaskAction, inv: Invocation): Promise<Task> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Task', target, (id) => tx.lockTask(id), inv);
      return tx.saveTask(transitionTask(current, action, inv.now()), current);
    });
  }

  createResource(input: NewResource, inv: Invocation): Promise<Resource> {
    requireLegalEntityAccess(inv, input.legalEntityId);
    return this.repo.transaction(inv, async (tx) => {
      const resource = createResource(newId('res'), input, inv.now());
      if (await tx.employeeNumberTaken(resource.employeeNumber)) {
        throw conflict(`Employee number ${resource.employeeNumber} is already taken`, { field: 'employeeNumber' });
      }
      await tx.insertResource(resource);
      return resource;
    });
  }

  updateResource(target: Versioned, changes: ResourceChanges, inv: Invocation): Promise<Resource> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Resource', target, (id) => tx.lockResource(id), inv);
      return tx.saveResource(updateResource(current, changes, inv.now()), current);
    });
  }

  createAssignment(input: NewAssignment, inv: Invocation): Promise<Assignment> {
    return this.repo.transaction(inv, async (tx) => {
      const project = await targetProject(tx, input.projectId, inv);
      const resource = await visibleResource(tx, 'resourceId', input.resourceId, inv);
      const assignment = createAssignment(newId('asg'), input, project, resource, inv.now());
      await tx.insertAssignment(assignment);
      return assignment;
    });
  }

  transitionAssignment(target: Versioned, action: AssignmentAction, inv: Invocation): Promise<Assignment> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Assignment', target, (id) => tx.lockAssignment(id), inv);
      const submitted = action === 'CANCEL' ? await tx.submittedTimeEntriesOnAssignment(current.id) : 0;
      return tx.saveAssignment(transitionAssignment(current, action, submitted, inv.now()), current);
    });
  }

  /**
   * Loads what the booking rules need for time on `assignment` on `workDate`, excluding `entryId` from the day. The
   * callers share-lock the project before the assignment, and the resource's day is locked after both: the order of
   * project-level changes (a rate change locks the project, then its assignments), so a booking and a rate change
   * queue instead of deadlocking.
   */
  private async bookingContext(tx: ProjectsWriter, assignment: Assignment, project: Project, taskId: string | null, workDate: string, entryId: string | null): Promise<BookingContext> {
    const task = taskId ? await tx.findTask(taskId) : null;
    const day = requireLocalDate('workDate', workDate);
    const booked = await tx.bookedMinutes([{ resourceId: assignment.resourceId, workDate: day }], entryId ? [entryId] : []);
    return { assignment, project, task, minutesBookedThatDay: booked[0]?.minutes ?? 0 };
  }

  createTimeEntry(input: NewTimeEntry, inv: Invocation): Promise<TimeEntry> {
    return this.repo.transaction(inv, async (tx) => {
      // Project first, then the assignment (see bookingContext): both statements go out together, in this order.
      const [project, assignment] = await Promise.all([
        tx.shareProjectOfAssignment(input.assignmentId),
        referenced('assignmentId', 'assignment', input.assignmentId, (id) => tx.shareAssignment(id)),
      ]);
      // The entry takes the assignment's (= the project's) legal entity and the assignment's resource.
      requireLegalEntityAccess(inv, assignment.legalEntityId);
      requireOwnResource(inv, assignment.resourceId, `assignment ${assignment.id}`);
      if (!project) throw notFound('Project', assignment.projectId);
      const ctx = await this.bookingContext(tx, assignment, project, input.taskId ?? null, input.workDate, null);
      const entry = createTimeEntry(newId('te'), input, ctx, inv.now());
      await tx.insertTimeEntry(entry);
      return entry;
    });
  }

  updateTimeEntry(target: Versioned, changes: TimeEntryChanges, inv: Invocation): Promise<TimeEntry> {
    return this.repo.transaction(inv, async (tx) => {
      // Project, then assignment, then the entry (see bookingContext); an entry's project and assignment never change.
      const [[project], [assignment], current] = await Promise.all([
        tx.shareProjectsOfEntries([target.id], []),
        tx.shareAssignmentsOfTimeEntries([target.id]),
        loadEntryForChange('TimeEntry', target, (id) => tx.lockTimeEntry(id), inv),
      ]);
      if (!assignment) throw notFound('Assignment', current.assignmentId);
      if (!project) throw notFound('Project', current.projectId);
      const ctx = await this.bookingContext(tx, assignment, project, current.taskId, changes.workDate ?? current.workDate, current.id);
      return tx.saveTimeEntry(updateTimeEntry(current, changes, ctx, inv.now()), current);
    });
  }

  /**
   * Runs one batch transition: validates the list, locks every entry in one statement, keeps only the entries the
   * caller may see (the others are NOT_FOUND, like missing ones), refuses another resource's entries to an
   * own-resource-only caller (FORBIDDEN), checks each expected version, applies `step` and writes the whole batch
   * with one set-based statement that audits every row, all in one transaction. Results come back in input order.
   */
  private runBatch<E extends ApprovalFields & { legalEntityId: string; resourceId: string }, P = undefined>(
    entity: string,
    refs: readonly Versioned[],
    inv: Invocation,
    lock: (tx: ProjectsWriter, ids: string[]) => Promise<E[]>,
    save: (tx: ProjectsWriter, next: E[], before: E[]) => Promise<void>,
    step: (tx: ProjectsWriter, entries: E[], read: P) => Promise<E[]>,
    alongside?: (tx: ProjectsWriter, ids: string[]) => Promise<P>,
  ): Promise<E[]> {
    const wanted = validateBatch(refs);
    return this.repo.transaction(inv, async (tx) => {
      const ids = wanted.map((r) => r.id);
      // Reads that need only the ids are sent with the lock and run after it: one round trip's wait for all of them.
      const [locked, read] = await Promise.all([lock(tx, ids), alongside?.(tx, ids) as Promise<P>]);
      const visible = locked.filter((e) => mayActIn(inv, e.legalEntityId));
      for (const e of visible) requireOwnResource(inv, e.resourceId, `${entity} ${e.id}`);
      const entries = alignBatch(entity, wanted, visible);
      const next = await step(tx, entries, read);
      await save(tx, next, entries);
      return next;
    });
  }

  private timeBatch<P = undefined>(
    refs: readonly Versioned[], inv: Invocation, step: (tx: ProjectsWriter, entries: TimeEntry[], read: P) => Promise<TimeEntry[]>, alongside?: (tx: ProjectsWriter, ids: string[]) => Promise<P>,
  ): Promise<TimeEntry[]> {
    return this.runBatch('TimeEntry', refs, inv, (tx, ids) => tx.lockTimeEntries(ids), (tx, next, before) => tx.saveTimeEntries(next, before), step, alongside);
  }

  private expenseBatch(refs: readonly Versioned[], inv: Invocation, step: (tx: ProjectsWriter, entries: ExpenseEntry[]) => Promise<ExpenseEntry[]>): Promise<ExpenseEntry[]> {
    return this.runBatch('ExpenseEntry', refs, inv, (tx, ids) => tx.lockExpenseEntries(ids), (tx, next, before) => tx.saveExpenseEntries(next, before), step);
  }

  /** Share-locks the projects of a batch: a project cannot close or cancel while its entries move. */
  private async projectsOf(tx: ProjectsWriter, entries: readonly { projectId: string }[]): Promise<Map<string, Project>> {
    return byId(await tx.shareProjects(unique(entries.map((e) => e.projectId))));
  }

  /** Submits time (DRAFT or REJECTED → SUBMITTED); resubmitted rejected time must still fit the daily cap. */
  submitTimeEntries(refs: readonly Versioned[], inv: Invocation): Promise<TimeEntry[]> {
    return this.timeBatch(refs, inv, async (tx, entries) => {
      const projects = await this.projectsOf(tx, entries);
      // Assignments are share-locked so that one cannot be cancelled while time on it becomes SUBMITTED.
      await tx.shareAssignments(unique(entries.map((e) => e.assignmentId)));
      const now = inv.now();
      const next = entries.map((e) => submitTimeEntry(e, must(projects, e.projectId, 'Project'), now));
      const resubmitted = entries.filter((e) => e.status === 'REJECTED');
      if (resubmitted.length) {
        const booked = await tx.bookedMinutes(resubmitted, resubmitted.map((e) => e.id));
        requireWithinDailyCap(booked, resubmitted);
      }
      return next;
    });
  }

  /** Approves time, snapshotting each entry's assignment rates and pricing it in the project currency. */
  approveTimeEntries(refs: readonly Versioned[], inv: Invocation): Promise<TimeEntry[]> {
    return this.timeBatch<[Map<string, Project>, Map<string, Assignment>]>(refs, inv, async (tx, entries, [projects, assignments]) => {
      const now = inv.now();
      const approved = entries.map((e) => approveTimeEntry(e, must(projects, e.projectId, 'Project'), must(assignments, e.assignmentId, 'Assignment'), inv.actor, now));
      tx.emit(...timeEntriesApproved(approved, projects, (e) => must(assignments, e.assignmentId, 'Assignment').roleCode, false));
      return approved;
    }, (tx, ids) => Promise.all([tx.shareProjectsOfEntries(ids, []).then(byId), tx.shareAssignmentsOfTimeEntries(ids).then(byId)]));
  }

  rejectTimeEntries(refs: readonly Versioned[], reason: string, inv: Invocation): Promise<TimeEntry[]> {
    const why = rejectionReason(reason);
    return this.timeBatch(refs, inv, async (_tx, entries) => {
      const now = inv.now();
      return entries.map((e) => rejectTimeEntry(e, why, now));
    });
  }

  retractTimeEntries(refs: readonly Versioned[], inv: Invocation): Promise<TimeEntry[]> {
    return this.timeBatch(refs, inv, async (_tx, entries) => {
      const now = inv.now();
      return entries.map((e) => retractTimeEntry(e, now));
    });
  }

  createExpenseEntry(input: NewExpenseEntry, inv: Invocation): Promise<ExpenseEntry> {
    requireOwnResource(inv, input.resourceId, `resource ${input.resourceId}`);
    return this.repo.transaction(inv, async (tx) => {
      const project = await targetProject(tx, input.projectId, inv);
      const resource = await visibleResource(tx, 'resourceId', input.resourceId, inv);
      const entry = createExpenseEntry(newId('exp'), input, project, resource, inv.now());
      await tx.insertExpenseEntry(entry);
      return entry;
    });
  }

  submitExpenseEntries(refs: readonly Versioned[], inv: Invocation): Promise<ExpenseEntry[]> {
    return this.expenseBatch(refs, inv, async (tx, entries) => {
      const projects = await this.projectsOf(tx, entries);
      const now = inv.now();
      return entries.map((e) => submitExpenseEntry(e, must(projects, e.projectId, 'Project'), now));
    });
  }

  approveExpenseEntries(refs: readonly Versioned[], inv: Invocation): Promise<ExpenseEntry[]> {
    return this.expenseBatch(refs, inv, async (tx, entries) => {
      const projects = await this.projectsOf(tx, entries);
      const now = inv.now();
      const approved = entries.map((e) => approveExpenseEntry(e, must(projects, e.projectId, 'Project'), inv.actor, now));
      tx.emit(...expenseEntriesApproved(approved, projects));
      return approved;
    });
  }

  rejectExpenseEntries(refs: readonly Versioned[], reason: string, inv: Invocation): Promise<ExpenseEntry[]> {
    const why = rejectionReason(reason);
    return this.expenseBatch(refs, inv, async (_tx, entries) => {
      const now = inv.now();
      return entries.map((e) => rejectExpenseEntry(e, why, now));
    });
  }

  createMilestone(input: NewMilestone, inv: Invocation): Promise<Milestone> {
    return this.repo.transaction(inv, async (tx) => {
      const project = await targetProject(tx, input.projectId, inv);
      const milestone = createMilestone(newId('ms'), input, project, inv.now());
      await tx.insertMilestone(milestone);
      return milestone;
    });
  }

  transitionMilestone(target: Versioned, action: MilestoneAction, acceptedByContactId: string | null | undefined, inv: Invocation): Promise<Milestone> {
    return this.repo.transaction(inv, async (tx) => {
      const current = await loadForChange('Milestone', target, (id) => tx.lockMilestone(id), inv);
      const project = await tx.shareProject(current.projectId);
      if (!project) throw notFound('Project', current.projectId);
      const saved = await tx.saveMilestone(transitionMilestone(current, project, action, acceptedByContactId, inv.now()), current);
      if (action === 'ACCEPT') tx.emit(milestoneAccepted(saved));
      return saved;
    });
  }

  /**
   * Marks entries BILLED once billing has them on an issued invoice (system flow F2), set-based in one transaction:
   * APPROVED → BILLED, entries already BILLED are skipped (a retry), anything else fails the whole call. Emits
   * `EntriesBilled` per project for the entries that changed.
   */
  markEntriesBilled(timeRefs: readonly Versioned[] | null | undefined, expenseRefs: readonly Versioned[] | null | undefined, inv: Invocation): Promise<boolean> {
    const time = validateBatch(timeRefs ?? [], 'timeEntries', true);
    const expenses = validateBatch(expenseRefs ?? [], 'expenseEntries', true);
    if (time.length === 0 && expenses.length === 0) throw invalidInput('timeEntries', 'at least one time or expense entry is required');
    return this.repo.transaction(inv, async (tx) => {
      const { lockedTime, lockedExpenses } = await this.lockForBilling(tx, time.map((r) => r.id), expenses.map((r) => r.id), inv);
      const now = inv.now();
      const pendingTime = pendingForBilling('TimeEntry', time, lockedTime);
      const pendingExpenses = pendingForBilling('ExpenseEntry', expenses, lockedExpenses);
      const billedTime = pendingTime.map((e) => markTimeEntryBilled(e, now));
      const billedExpenses = pendingExpenses.map((e) => markExpenseEntryBilled(e, now));
      await tx.saveTimeEntries(billedTime, pendingTime);
      await tx.saveExpenseEntries(billedExpenses, pendingExpenses);
      tx.emit(...entriesBilled(billedTime, billedExpenses));
      return true;
    });
  }

  /**
   * Releases billed entries again (BILLED → APPROVED) when their invoice is voided or a credit memo releases them;
   * entries in any other status are skipped. One transaction, set-based.
   */
  unbillEntries(timeEntryIds: readonly string[] | null | undefined, expenseEntryIds: readonly string[] | null | undefined, inv: Invocation): Promise<boolean> {
    const time = validateBatch((timeEntryIds ?? []).map((id) => ({ id })), 'timeEntryIds', true).map((r) => r.id);
    const expenses = validateBatch((expenseEntryIds ?? []).map((id) => ({ id })), 'expenseEntryIds', true).map((r) => r.id);
    if (time.length === 0 && expenses.length === 0) throw invalidInput('timeEntryIds', 'at least one time or expense entry is required');
    return this.repo.transaction(inv, async (tx) => {
      const { lockedTime, lockedExpenses } = await this.lockForBilling(tx, time, expenses, inv);
      const now = inv.now();
      const billedTime = billedOnly('TimeEntry', time, lockedTime);
      const billedExpenses = billedOnly('ExpenseEntry', expenses, lockedExpenses);
      await tx.saveTimeEntries(billedTime.map((e) => unbillTimeEntry(e, now)), billedTime);
      await tx.saveExpenseEntries(billedExpenses.map((e) => unbillExpenseEntry(e, now)), billedExpenses);
      return true;
    });
  }

  /**
   * Locks the entries of a billing call, after share-locking their projects (a project cannot be cancelled while its
   * entries are billed, and taking the project first keeps the lock order of project-level changes). Entries the
   * caller may not see are left out, so they read as NOT_FOUND.
   */
  private async lockForBilling(tx: ProjectsWriter, timeIds: string[], expenseIds: string[], inv: Invocation): Promise<{ lockedTime: TimeEntry[]; lockedExpenses: ExpenseEntry[] }> {
    // Sent together, run in this order: one round trip's wait instead of one per statement.
    const [, time, expenses] = await Promise.all([tx.shareProjectsOfEntries(timeIds, expenseIds), tx.lockTimeEntries(timeIds), tx.lockExpenseEntries(expenseIds)]);
    return { lockedTime: time.filter((e) => mayActIn(inv, e.legalEntityId)), lockedExpenses: expenses.filter((e) => mayActIn(inv, e.legalEntityId)) };
  }
}

/** The records a change function changed (it returns null for a record it leaves as it is), with each as it was. */
function changes<T>(records: readonly T[], change: (record: T) => T | null): { next: T[]; before: T[] } {
  const next: T[] = [];
  const before: T[] = [];
  for (const record of records) {
    const changed = change(record);
    if (changed) {
      next.push(changed);
      before.push(record);
    }
  }
  return { next, before };
}
