import type { Invocation } from '../../../../platform/domain/invocation.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import type { ProjectActivity } from '../domain/project.js';
import type {
  ApprovalStatus, Assignment, AssignmentStatus, BillingModel, ExpenseEntry, Milestone, MilestoneStatus, Project, ProjectRateChange, ProjectStatus,
  ProjectTotals, Resource, ResourceRequest, Task, TimeEntry,
} from '../domain/types.js';

/**
 * Row restriction of a list query (from the row policy): the legal entities the caller may see (null = all) and,
 * for own-resource-only callers on time and expenses, their resource (null = any).
 */
export interface RowScope {
  legalEntityIds: string[] | null;
  resourceId: string | null;
}

/** A page of records in id order. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
}

/** An inclusive date range; either end may be open. */
export interface DateRange { from?: string | null; to?: string | null }

/** Filters of the list queries (all optional, combined with AND). */
export interface ProjectQuery {
  accountId?: string | null; contractId?: string | null; statuses?: ProjectStatus[] | null; legalEntityId?: string | null; billingModel?: BillingModel | null; startDate?: DateRange | null;
}
export interface ResourceQuery { legalEntityId?: string | null; roleCode?: string | null; active?: boolean | null }
export interface AssignmentQuery { projectId?: string | null; resourceId?: string | null; statuses?: AssignmentStatus[] | null }
export interface TimeEntryQuery {
  projectId?: string | null; resourceId?: string | null; statuses?: ApprovalStatus[] | null; workDate?: DateRange | null; legalEntityId?: string | null;
}
export interface ExpenseEntryQuery { projectId?: string | null; resourceId?: string | null; statuses?: ApprovalStatus[] | null; incurredOn?: DateRange | null }
export interface MilestoneQuery { projectId?: string | null; statuses?: MilestoneStatus[] | null; dueDate?: DateRange | null }

/** A resource's day: minutes already booked on it in entries that are not REJECTED. */
export interface ResourceDay {
  resourceId: string;
  workDate: string;
  minutes: number;
}

/**
 * The projects (PSA) system-of-record port. The built-in implementation is SQL on PGlite or PostgreSQL; an adapter to
 * an external PSA (Kantata, Certinia) can stand behind the same interface.
 *
 * Batch reads take many keys and answer in one round trip, so DataLoaders can coalesce a whole query level.
 */
export interface ProjectsRepository {
  projectsByIds(ids: readonly string[]): Promise<Project[]>;
  tasksByIds(ids: readonly string[]): Promise<Task[]>;
  resourcesByIds(ids: readonly string[]): Promise<Resource[]>;
  assignmentsByIds(ids: readonly string[]): Promise<Assignment[]>;
  timeEntriesByIds(ids: readonly string[]): Promise<TimeEntry[]>;
  expenseEntriesByIds(ids: readonly string[]): Promise<ExpenseEntry[]>;
  milestonesByIds(ids: readonly string[]): Promise<Milestone[]>;
  resourceRequestsByIds(ids: readonly string[]): Promise<ResourceRequest[]>;

  /** Projects of accounts, newest first. */
  projectsByAccountIds(accountIds: readonly string[]): Promise<Project[]>;
  projectsByOpportunityIds(opportunityIds: readonly string[]): Promise<Project[]>;
  projectsByContractIds(contractIds: readonly string[]): Promise<Project[]>;
  /** Tasks of projects in natural WBS order (1.2 before 1.10). */
  tasksByProjectIds(projectIds: readonly string[]): Promise<Task[]>;
  /** Milestones of projects by due date. */
  milestonesByProjectIds(projectIds: readonly string[]): Promise<Milestone[]>;
  assignmentsByProjectIds(projectIds: readonly string[]): Promise<Assignment[]>;
  /** Resource requests of projects by start date and role. */
  resourceRequestsByProjectIds(projectIds: readonly string[]): Promise<ResourceRequest[]>;
  /** Cost, delivered value and approved minutes per project, in one statement for the whole batch. */
  projectTotals(projectIds: readonly string[]): Promise<ProjectTotals[]>;

  /** Pages hold only the rows `scope` lets the caller see. */
  pageProjects(query: ProjectQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Project>>;
  pageResources(query: ResourceQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Resource>>;
  pageAssignments(query: AssignmentQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Assignment>>;
  pageTimeEntries(query: TimeEntryQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<TimeEntry>>;
  pageExpenseEntries(query: ExpenseEntryQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<ExpenseEntry>>;
  pageMilestones(query: MilestoneQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Milestone>>;

  /** Runs `work` atomically on behalf of `inv`: every write inside, and its audit record, commits together or not at all. */
  transaction<T>(inv: Invocation, work: (tx: ProjectsWriter) => Promise<T>): Promise<T>;
}

/**
 * Reads that lock, and writes, available inside a transaction. `lock*` takes a row lock for changing the row;
 * `share*` takes a shared lock on a row the change depends on, so that it cannot change state (a project closing,
 * an assignment being cancelled) until the transaction ends.
 */
export interface ProjectsWriter {
  /** Queues domain events: they are written to the outbox in this transaction, so they exist if and only if it commits. */
  emit(...events: EventDraft[]): void;
  /** Next generated project code number, above every `PRJ-nnnnnn` code already taken. */
  nextProjectCodeNumber(): Promise<bigint>;
  projectCodeTaken(code: string): Promise<boolean>;
  /** The id of the live (not CANCELLED) project of an opportunity. */
  projectIdByOpportunity(opportunityId: string): Promise<string | null>;
  /**
   * Serialises the setup of an opportunity's project until the transaction ends, so that concurrent setups of the
   * same opportunity see each other's result instead of racing to insert.
   */
  lockOpportunity(opportunityId: string): Promise<void>;
  /** The live (not CANCELLED) project of an opportunity. */
  liveProjectByOpportunity(opportunityId: string): Promise<Project | null>;
  /**
   * The default project manager of a legal entity: its active PROJECT_MANAGER resource with the lowest employee
   * number, else its active MANAGER with the lowest; null when it has neither.
   */
  defaultProjectManager(legalEntityId: string): Promise<Resource | null>;
  /** The rate change already applied to a project for a contract amendment. */
  rateChangeByAmendment(projectId: string, contractAmendmentId: string): Promise<ProjectRateChange | null>;
  employeeNumberTaken(employeeNumber: string): Promise<boolean>;
  wbsCodeTaken(projectId: string, wbsCode: string): Promise<boolean>;

  lockProject(id: string): Promise<Project | null>;
  lockTask(id: string): Promise<Task | null>;
  lockResource(id: string): Promise<Resource | null>;
  lockAssignment(id: string): Promise<Assignment | null>;
  lockTimeEntry(id: string): Promise<TimeEntry | null>;
  lockMilestone(id: string): Promise<Milestone | null>;
  /** Locks many entries (in id order, so concurrent batches cannot deadlock); missing ids are absent. */
  lockTimeEntries(ids: readonly string[]): Promise<TimeEntry[]>;
  lockExpenseEntries(ids: readonly string[]): Promise<ExpenseEntry[]>;
  /** Locks a project's resource requests that are not staffed yet (DRAFT, OPEN, HELD), in id order. */
  lockUnstaffedResourceRequests(projectId: string): Promise<ResourceRequest[]>;
  /** Locks a project's assignments with any of these roles, in id order. */
  lockAssignmentsWithRoles(projectId: string, roleCodes: readonly string[]): Promise<Assignment[]>;
  /** Locks the APPROVED billable time of a project on these assignments worked on or after `fromDate`, in id order. */
  lockApprovedBillableTime(projectId: string, assignmentIds: readonly string[], fromDate: string): Promise<TimeEntry[]>;

  shareProject(id: string): Promise<Project | null>;
  shareProjects(ids: readonly string[]): Promise<Project[]>;
  /** Share-locks the distinct projects of time and expense entries, in id order (an entry's project never changes). */
  shareProjectsOfEntries(timeEntryIds: readonly string[], expenseEntryIds: readonly string[]): Promise<Project[]>;
  shareAssignment(id: string): Promise<Assignment | null>;
  /**
   * Share-locks the project of an assignment. Sent before the assignment's own lock, so time bookings take the project
   * first, in the order of project-level changes (rate changes lock the project, then its assignments).
   */
  shareProjectOfAssignment(assignmentId: string): Promise<Project | null>;
  shareAssignments(ids: readonly string[]): Promise<Assignment[]>;
  /** Share-locks the distinct assignments of time entries, in id order (an entry's assignment never changes). */
  shareAssignmentsOfTimeEntries(timeEntryIds: readonly string[]): Promise<Assignment[]>;
  shareResource(id: string): Promise<Resource | null>;
  findTask(id: string): Promise<Task | null>;
  /**
   * Locks resources' days for booking (serialising concurrent bookings of the same resource, so the daily cap holds)
   * and returns the minutes already booked on each requested day in entries that are not REJECTED, leaving out
   * `excludeEntryIds`. Days with nothing booked are absent.
   */
  bookedMinutes(days: ReadonlyArray<{ resourceId: string; workDate: string }>, excludeEntryIds: readonly string[]): Promise<ResourceDay[]>;

  /** Counts behind the CLOSE and CANCEL guards of a project. */
  projectActivity(projectId: string): Promise<ProjectActivity>;
  submittedTimeEntriesOnAssignment(assignmentId: string): Promise<number>;

  /** Inserts are audited as creations. */
  insertProject(p: Project): Promise<void>;
  insertTask(t: Task): Promise<void>;
  insertResource(r: Resource): Promise<void>;
  insertAssignment(a: Assignment): Promise<void>;
  insertTimeEntry(e: TimeEntry): Promise<void>;
  insertExpenseEntry(e: ExpenseEntry): Promise<void>;
  insertMilestone(m: Milestone): Promise<void>;
  /** Set-based inserts, one statement per table, each row audited as a creation. */
  insertTasks(t: readonly Task[]): Promise<void>;
  insertResourceRequests(r: readonly ResourceRequest[]): Promise<void>;
  insertRateChange(r: ProjectRateChange): Promise<void>;

  /** Each save writes only if the stored row is still at `before`'s version (else VERSION_CONFLICT), and is audited. */
  saveProject(next: Project, before: Project): Promise<Project>;
  saveTask(next: Task, before: Task): Promise<Task>;
  saveResource(next: Resource, before: Resource): Promise<Resource>;
  saveAssignment(next: Assignment, before: Assignment): Promise<Assignment>;
  saveTimeEntry(next: TimeEntry, before: TimeEntry): Promise<TimeEntry>;
  saveMilestone(next: Milestone, before: Milestone): Promise<Milestone>;
  /**
   * Set-based versioned writes of a whole batch in one statement; `before[i]` is `next[i]` as read. Every row's
   * change is audited.
   */
  saveTimeEntries(next: readonly TimeEntry[], before: readonly TimeEntry[]): Promise<void>;
  saveExpenseEntries(next: readonly ExpenseEntry[], before: readonly ExpenseEntry[]): Promise<void>;
  saveAssignments(next: readonly Assignment[], before: readonly Assignment[]): Promise<void>;
  saveResourceRequests(next: readonly ResourceRequest[], before: readonly ResourceRequest[]): Promise<void>;
}
