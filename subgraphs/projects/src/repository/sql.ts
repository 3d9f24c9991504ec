import { insertAudited, insertManyAudited, saveManyVersioned, saveVersioned, Where, writeTransaction, type Database, type Queryable, type Table, type UnitOfWork } from '../../../../platform/db/index.js';
import type { Invocation } from '../../../../platform/domain/invocation.js';
import type { EventDraft } from '../../../../platform/events/event.js';
import { UNSTAFFED_REQUEST_STATUSES } from '../domain/resource-request.js';
import { PROJECT_CODE_PREFIX, type ProjectActivity } from '../domain/project.js';
import type {
  Assignment, ExpenseEntry, Milestone, Project, ProjectRateChange, ProjectTotals, Resource, ResourceRequest, Task, TimeEntry,
} from '../domain/types.js';
import type {
  AssignmentQuery, ExpenseEntryQuery, MilestoneQuery, Page, ProjectQuery, ProjectsRepository, ProjectsWriter, ResourceDay, ResourceQuery,
  RowScope, TimeEntryQuery,
} from './port.js';
import {
  assignments, expenseEntries, milestones, projectRateChanges, projects, resourceRequests, resources, tasks, timeEntries,
} from './tables.js';

type LockMode = 'UPDATE' | 'NO KEY UPDATE' | 'SHARE';

/** Loads rows by id under a row lock, in id order so that concurrent lockers always queue in the same order. */
async function lockByIds<T extends object>(db: Queryable, table: Table<T>, ids: readonly string[], mode: LockMode): Promise<T[]> {
  if (ids.length === 0) return [];
  const rows = await db.query(`SELECT ${table.selectList} FROM ${table.name} WHERE id = ANY($1::text[]) ORDER BY id FOR ${mode}`, [ids]);
  return rows.map((r) => table.fromRow(r));
}

async function lockOne<T extends object>(db: Queryable, table: Table<T>, id: string, mode: LockMode): Promise<T | null> {
  return (await lockByIds(db, table, [id], mode))[0] ?? null;
}

async function exists(db: Queryable, sql: string, params: readonly unknown[]): Promise<boolean> {
  return (await db.query(`SELECT EXISTS (${sql}) AS found`, params))[0]?.found === true;
}

const APPROVED = `('APPROVED', 'BILLED')`;

// WBS codes are validated as dot-separated numbers, so their natural order is the order of the integer arrays.
const WBS_ORDER = `project_id, string_to_array(wbs_code, '.')::int[], id`;

class SqlProjectsWriter implements ProjectsWriter {
  constructor(private readonly db: UnitOfWork) {}

  emit(...events: EventDraft[]): void {
    this.db.emit(...events);
  }

  async nextProjectCodeNumber(): Promise<bigint> {
    // The counter row lock serialises generation; GREATEST skips over codes loaded in bulk or chosen by clients
    // in the generated shape, so a generated code is never one that is already taken.
    const rows = await this.db.query<{ value: bigint }>(
      `UPDATE code_counters SET value = GREATEST(value, COALESCE((
         SELECT MAX(substring(code FROM ${PROJECT_CODE_PREFIX.length + 1})::bigint) FROM projects WHERE code ~ '^${PROJECT_CODE_PREFIX}[0-9]{6,18}$'), 0)) + 1
       WHERE name = 'project' RETURNING value`,
    );
    const value = rows[0]?.value;
    if (value === undefined) throw new Error('code counter "project" is missing');
    return BigInt(value);
  }
  projectCodeTaken(code: string) { return exists(this.db, 'SELECT 1 FROM projects WHERE code = $1', [code]); }
  async projectIdByOpportunity(opportunityId: string) {
    return (await this.liveProjectByOpportunity(opportunityId))?.id ?? null;
  }
  async lockOpportunity(opportunityId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended('projects:opportunity:' || $1, 0))`, [opportunityId]);
  }
  async liveProjectByOpportunity(opportunityId: string): Promise<Project | null> {
    return (await projects.findWhere(this.db, `opportunity_id = $1 AND status <> 'CANCELLED'`, [opportunityId]))[0] ?? null;
  }
  async defaultProjectManager(legalEntityId: string): Promise<Resource | null> {
    // COLLATE "C": "lowest employee number" must not depend on the server's locale.
    const rows = await resources.findWhere(
      this.db,
      `legal_entity_id = $1 AND active AND role_code IN ('PROJECT_MANAGER', 'MANAGER')`,
      [legalEntityId],
      `role_code = 'PROJECT_MANAGER' DESC, employee_number COLLATE "C", id LIMIT 1`,
    );
    return rows[0] ?? null;
  }
  async rateChangeByAmendment(projectId: string, contractAmendmentId: string): Promise<ProjectRateChange | null> {
    return (await projectRateChanges.findWhere(this.db, 'project_id = $1 AND contract_amendment_id = $2', [projectId, contractAmendmentId]))[0] ?? null;
  }
  employeeNumberTaken(employeeNumber: string) { return exists(this.db, 'SELECT 1 FROM resources WHERE employee_number = $1', [employeeNumber]); }
  wbsCodeTaken(projectId: string, wbsCode: string) { return exists(this.db, 'SELECT 1 FROM tasks WHERE project_id = $1 AND wbs_code = $2', [projectId, wbsCode]); }

  lockProject(id: string) { return lockOne(this.db, projects, id, 'UPDATE'); }
  lockTask(id: string) { return lockOne(this.db, tasks, id, 'UPDATE'); }
  lockResource(id: string) { return lockOne(this.db, resources, id, 'UPDATE'); }
  lockAssignment(id: string) { return lockOne(this.db, assignments, id, 'UPDATE'); }
  lockTimeEntry(id: string) { return lockOne(this.db, timeEntries, id, 'UPDATE'); }
  lockMilestone(id: string) { return lockOne(this.db, milestones, id, 'UPDATE'); }
  lockTimeEntries(ids: readonly string[]) { return lockByIds(this.db, timeEntries, ids, 'UPDATE'); }
  lockExpenseEntries(ids: readonly string[]) { return lockByIds(this.db, expenseEntries, ids, 'UPDATE'); }
  lockUnstaffedResourceRequests(projectId: string) {
    return resourceRequests.findWhere(this.db, 'project_id = $1 AND status = ANY($2::text[])', [projectId, UNSTAFFED_REQUEST_STATUSES], 'id FOR UPDATE');
  }
  lockAssignmentsWithRoles(projectId: string, roleCodes: readonly string[]) {
    return assignments.findWhere(this.db, 'project_id = $1 AND role_code = ANY($2::text[])', [projectId, roleCodes], 'id FOR UPDATE');
  }
  lockApprovedBillableTime(projectId: string, assignmentIds: readonly string[], fromDate: string) {
    if (assignmentIds.length === 0) return Promise.resolve([]);
    return timeEntries.findWhere(
      this.db,
      `project_id = $1 AND status = 'APPROVED' AND billable_class = 'BILLABLE' AND work_date >= $2 AND assignment_id = ANY($3::text[])`,
      [projectId, fromDate, assignmentIds],
      'id FOR UPDATE',
    );
  }

  shareProject(id: string) { return lockOne(this.db, projects, id, 'SHARE'); }
  shareProjects(ids: readonly string[]) { return lockByIds(this.db, projects, ids, 'SHARE'); }
  async shareProjectsOfEntries(timeEntryIds: readonly string[], expenseEntryIds: readonly string[]): Promise<Project[]> {
    if (timeEntryIds.length === 0 && expenseEntryIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${projects.selectList} FROM projects
       WHERE id IN (SELECT project_id FROM time_entries WHERE id = ANY($1::text[]) UNION SELECT project_id FROM expense_entries WHERE id = ANY($2::text[]))
       ORDER BY id FOR SHARE`,
      [timeEntryIds, expenseEntryIds],
    );
    return rows.map((r) => projects.fromRow(r));
  }
  shareAssignment(id: string) { return lockOne(this.db, assignments, id, 'SHARE'); }
  async shareProjectOfAssignment(assignmentId: string): Promise<Project | null> {
    const rows = await this.db.query(`SELECT ${projects.selectList} FROM projects WHERE id = (SELECT project_id FROM assignments WHERE id = $1) FOR SHARE`, [assignmentId]);
    return rows[0] ? projects.fromRow(rows[0]) : null;
  }
  shareAssignments(ids: readonly string[]) { return lockByIds(this.db, assignments, ids, 'SHARE'); }
  async shareAssignmentsOfTimeEntries(timeEntryIds: readonly string[]): Promise<Assignment[]> {
    if (timeEntryIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${assignments.selectList} FROM assignments WHERE id IN (SELECT assignment_id FROM time_entries WHERE id = ANY($1::text[])) ORDER BY id FOR SHARE`,
      [timeEntryIds],
    );
    return rows.map((r) => assignments.fromRow(r));
  }
  shareResource(id: string) { return lockOne(this.db, resources, id, 'SHARE'); }
  async findTask(id: string) { return (await tasks.findByIds(this.db, [id]))[0] ?? null; }

  async bookedMinutes(days: ReadonlyArray<{ resourceId: string; workDate: string }>, excludeEntryIds: readonly string[]): Promise<ResourceDay[]> {
    if (days.length === 0) return [];
    // First lock the resources (NO KEY UPDATE leaves foreign-key checks of concurrent inserts unblocked), then sum in
    // a new statement: it sees every booking committed by whoever held the lock before us.
    await this.db.query('SELECT id FROM resources WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE', [[...new Set(days.map((d) => d.resourceId))]]);
    const rows = await this.db.query<{ resource_id: string; work_date: string; minutes: bigint }>(
      `SELECT te.resource_id, te.work_date, SUM(te.minutes)::bigint AS minutes
       FROM time_entries te
       JOIN (SELECT DISTINCT * FROM unnest($1::text[], $2::date[]) AS d(resource_id, work_date)) d
         ON d.resource_id = te.resource_id AND d.work_date = te.work_date
       WHERE te.status <> 'REJECTED' AND NOT (te.id = ANY($3::text[]))
       GROUP BY te.resource_id, te.work_date`,
      [days.map((d) => d.resourceId), days.map((d) => d.workDate), excludeEntryIds],
    );
    return rows.map((r) => ({ resourceId: r.resource_id, workDate: r.work_date, minutes: Number(r.minutes) }));
  }

  async projectActivity(projectId: string): Promise<ProjectActivity> {
    const rows = await this.db.query<Record<keyof ProjectActivity, number>>(
      `SELECT
         (SELECT count(*)::int FROM time_entries WHERE project_id = $1 AND status = 'SUBMITTED') AS "submittedTimeEntries",
         (SELECT count(*)::int FROM expense_entries WHERE project_id = $1 AND status = 'SUBMITTED') AS "submittedExpenseEntries",
         (SELECT count(*)::int FROM time_entries WHERE project_id = $1 AND status = 'BILLED') AS "billedTimeEntries",
         (SELECT count(*)::int FROM expense_entries WHERE project_id = $1 AND status = 'BILLED') AS "billedExpenseEntries",
         (SELECT count(*)::int FROM milestones WHERE project_id = $1 AND status = 'COMPLETED') AS "completedMilestones"`,
      [projectId],
    );
    const r = rows[0];
    if (!r) throw new Error('activity query returned no row');
    return {
      submittedTimeEntries: Number(r.submittedTimeEntries), submittedExpenseEntries: Number(r.submittedExpenseEntries),
      billedTimeEntries: Number(r.billedTimeEntries), billedExpenseEntries: Number(r.billedExpenseEntries), completedMilestones: Number(r.completedMilestones),
    };
  }
  async submittedTimeEntriesOnAssignment(assignmentId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM time_entries WHERE assignment_id = $1 AND status = 'SUBMITTED'`, [assignmentId]);
    return Number(rows[0]?.n ?? 0);
  }

  async insertProject(p: Project) { await insertAudited(this.db, projects, 'Project', p); }
  async insertTask(t: Task) { await insertAudited(this.db, tasks, 'Task', t); }
  async insertResource(r: Resource) { await insertAudited(this.db, resources, 'Resource', r); }
  async insertAssignment(a: Assignment) { await insertAudited(this.db, assignments, 'Assignment', a); }
  async insertTimeEntry(e: TimeEntry) { await insertAudited(this.db, timeEntries, 'TimeEntry', e); }
  async insertExpenseEntry(e: ExpenseEntry) { await insertAudited(this.db, expenseEntries, 'ExpenseEntry', e); }
  async insertMilestone(m: Milestone) { await insertAudited(this.db, milestones, 'Milestone', m); }
  insertTasks(t: readonly Task[]) { return insertManyAudited(this.db, tasks, 'Task', t); }
  insertResourceRequests(r: readonly ResourceRequest[]) { return insertManyAudited(this.db, resourceRequests, 'ResourceRequest', r); }
  async insertRateChange(r: ProjectRateChange) { await insertAudited(this.db, projectRateChanges, 'ProjectRateChange', r); }

  saveProject(next: Project, before: Project) { return saveVersioned(this.db, projects, 'Project', next, before); }
  saveTask(next: Task, before: Task) { return saveVersioned(this.db, tasks, 'Task', next, before); }
  saveResource(next: Resource, before: Resource) { return saveVersioned(this.db, resources, 'Resource', next, before); }
  saveAssignment(next: Assignment, before: Assignment) { return saveVersioned(this.db, assignments, 'Assignment', next, before); }
  saveTimeEntry(next: TimeEntry, before: TimeEntry) { return saveVersioned(this.db, timeEntries, 'TimeEntry', next, before); }
  saveMilestone(next: Milestone, before: Milestone) { return saveVersioned(this.db, milestones, 'Milestone', next, before); }
  saveTimeEntries(next: readonly TimeEntry[], before: readonly TimeEntry[]) {
    return saveManyVersioned(this.db, timeEntries, 'TimeEntry', next, before);
  }
  saveExpenseEntries(next: readonly ExpenseEntry[], before: readonly ExpenseEntry[]) {
    return saveManyVersioned(this.db, expenseEntries, 'ExpenseEntry', next, before);
  }
  saveAssignments(next: readonly Assignment[], before: readonly Assignment[]) {
    return saveManyVersioned(this.db, assignments, 'Assignment', next, before);
  }
  saveResourceRequests(next: readonly ResourceRequest[], before: readonly ResourceRequest[]) {
    return saveManyVersioned(this.db, resourceRequests, 'ResourceRequest', next, before);
  }
}

/** The built-in projects store: SQL over PGlite or PostgreSQL. */
export class SqlProjectsRepository implements ProjectsRepository {
  constructor(private readonly db: Database) {}

  projectsByIds(ids: readonly string[]) { return projects.findByIds(this.db, ids); }
  tasksByIds(ids: readonly string[]) { return tasks.findByIds(this.db, ids); }
  resourcesByIds(ids: readonly string[]) { return resources.findByIds(this.db, ids); }
  assignmentsByIds(ids: readonly string[]) { return assignments.findByIds(this.db, ids); }
  timeEntriesByIds(ids: readonly string[]) { return timeEntries.findByIds(this.db, ids); }
  expenseEntriesByIds(ids: readonly string[]) { return expenseEntries.findByIds(this.db, ids); }
  milestonesByIds(ids: readonly string[]) { return milestones.findByIds(this.db, ids); }
  resourceRequestsByIds(ids: readonly string[]) { return resourceRequests.findByIds(this.db, ids); }

  projectsByAccountIds(ids: readonly string[]) { return projects.findWhere(this.db, 'account_id = ANY($1::text[])', [ids], 'created_at DESC, id DESC'); }
  projectsByOpportunityIds(ids: readonly string[]) { return projects.findWhere(this.db, 'opportunity_id = ANY($1::text[])', [ids]); }
  projectsByContractIds(ids: readonly string[]) { return projects.findWhere(this.db, 'contract_id = ANY($1::text[])', [ids], 'start_date DESC, id'); }
  tasksByProjectIds(ids: readonly string[]) { return tasks.findWhere(this.db, 'project_id = ANY($1::text[])', [ids], WBS_ORDER); }
  milestonesByProjectIds(ids: readonly string[]) { return milestones.findWhere(this.db, 'project_id = ANY($1::text[])', [ids], 'project_id, due_date, id'); }
  assignmentsByProjectIds(ids: readonly string[]) { return assignments.findWhere(this.db, 'project_id = ANY($1::text[])', [ids], 'project_id, start_date, id'); }
  resourceRequestsByProjectIds(ids: readonly string[]) {
    return resourceRequests.findWhere(this.db, 'project_id = ANY($1::text[])', [ids], 'project_id, start_date, role_code COLLATE "C", id');
  }

  async projectTotals(ids: readonly string[]): Promise<ProjectTotals[]> {
    if (ids.length === 0) return [];
    // One statement for the whole batch: approved/billed time, approved/billed expenses and accepted milestones,
    // each already rounded per line in the project currency, summed per project.
    const rows = await this.db.query<{ project_id: string; cost: bigint; delivered: bigint; minutes: bigint }>(
      `SELECT project_id, SUM(cost)::bigint AS cost, SUM(delivered)::bigint AS delivered, SUM(minutes)::bigint AS minutes FROM (
         SELECT project_id, COALESCE(cost_amount_minor, 0) AS cost,
                CASE WHEN billable_class = 'BILLABLE' THEN COALESCE(bill_amount_minor, 0) ELSE 0 END AS delivered, minutes
         FROM time_entries WHERE project_id = ANY($1::text[]) AND status IN ${APPROVED}
         UNION ALL
         SELECT project_id, project_amount_minor, CASE WHEN billable THEN COALESCE(bill_amount_minor, 0) ELSE 0 END, 0
         FROM expense_entries WHERE project_id = ANY($1::text[]) AND status IN ${APPROVED}
         UNION ALL
         SELECT project_id, 0, COALESCE(billing_amount_minor, 0), 0
         FROM milestones WHERE project_id = ANY($1::text[]) AND status = 'ACCEPTED'
       ) AS lines GROUP BY project_id`,
      [ids],
    );
    return rows.map((r) => ({
      projectId: r.project_id, actualCostMinor: BigInt(r.cost), deliveredValueMinor: BigInt(r.delivered), approvedMinutes: Number(r.minutes),
    }));
  }

  pageProjects(q: ProjectQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Project>> {
    const where = new Where().eq('account_id', q.accountId).eq('contract_id', q.contractId).in('status', q.statuses).eq('legal_entity_id', q.legalEntityId)
      .eq('billing_model', q.billingModel).range('start_date', q.startDate).scope('legal_entity_id', scope.legalEntityIds);
    return projects.page(this.db, where, first, afterId);
  }
  pageResources(q: ResourceQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Resource>> {
    const where = new Where().eq('legal_entity_id', q.legalEntityId).eq('role_code', q.roleCode).eq('active', q.active)
      .scope('legal_entity_id', scope.legalEntityIds);
    return resources.page(this.db, where, first, afterId);
  }
  pageAssignments(q: AssignmentQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Assignment>> {
    const where = new Where().eq('project_id', q.projectId).eq('resource_id', q.resourceId).in('status', q.statuses)
      .scope('legal_entity_id', scope.legalEntityIds);
    return assignments.page(this.db, where, first, afterId);
  }
  pageTimeEntries(q: TimeEntryQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<TimeEntry>> {
    // An entry's legal entity is its project's, so the legal-entity filter needs no join.
    const where = new Where().eq('project_id', q.projectId).eq('resource_id', q.resourceId).in('status', q.statuses).range('work_date', q.workDate)
      .eq('legal_entity_id', q.legalEntityId).scope('legal_entity_id', scope.legalEntityIds).eq('resource_id', scope.resourceId);
    return timeEntries.page(this.db, where, first, afterId);
  }
  pageExpenseEntries(q: ExpenseEntryQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<ExpenseEntry>> {
    const where = new Where().eq('project_id', q.projectId).eq('resource_id', q.resourceId).in('status', q.statuses).range('incurred_on', q.incurredOn)
      .scope('legal_entity_id', scope.legalEntityIds).eq('resource_id', scope.resourceId);
    return expenseEntries.page(this.db, where, first, afterId);
  }
  pageMilestones(q: MilestoneQuery, scope: RowScope, first: number, afterId: string | null): Promise<Page<Milestone>> {
    const where = new Where().eq('project_id', q.projectId).in('status', q.statuses).range('due_date', q.dueDate)
      .scope('legal_entity_id', scope.legalEntityIds);
    return milestones.page(this.db, where, first, afterId);
  }

  transaction<T>(inv: Invocation, work: (tx: ProjectsWriter) => Promise<T>): Promise<T> {
    return writeTransaction(this.db, inv, (uow) => work(new SqlProjectsWriter(uow)));
  }
}
