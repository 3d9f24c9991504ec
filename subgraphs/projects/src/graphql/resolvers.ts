import { rowFilter } from '../../../../platform/auth/row-policy.js';
import { pageArgs, toConnection } from '../../../../platform/graphql/connection.js';
import { moneyFromInput, optionalMoney } from '../../../../platform/graphql/money.js';
import { sharedResolvers } from '../../../../platform/graphql/shared-resolvers.js';
import { money, type Money } from '../../../../platform/money/index.js';
import { PROJECTS_ROW_POLICY as P } from '../auth/row-policy.js';
import { timeEntryHours } from '../domain/time-entry.js';
import type { Project, ProjectTotals } from '../domain/types.js';
import type { Resolvers } from '../generated/graphql.js';
import type { ProjectsContext } from './context.js';

const ref = (id: string | null) => (id ? { id } : null);

/** A roll-up of a project in its currency: zero when nothing is approved yet. */
async function total(p: Project, ctx: ProjectsContext, pick: (t: ProjectTotals) => bigint): Promise<Money> {
  const totals = await ctx.loaders.projectTotals.load(p.id);
  return money(totals ? pick(totals) : 0n, p.currency);
}

/**
 * An owned entity by id, for fields whose foreign key guarantees it exists and whose row rule guarantees the caller
 * sees it whenever they see the row holding the reference (a task's, entry's or milestone's project shares its
 * legal entity).
 */
async function required<T>(loaded: Promise<T | null>, what: string): Promise<T> {
  const value = await loaded;
  if (value === null) throw new Error(`${what} is missing`);
  return value;
}

/** projects resolvers: thin mappings onto the loaders (reads) and the service (writes). */
export const resolvers: Resolvers<ProjectsContext> = {
  ...sharedResolvers,
  Query: {
    project: (_p, { id }, ctx) => ctx.loaders.project.load(id),
    projects: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageProjects(filter ?? {}, rowFilter(P.Project!, ctx.principal), page.first, page.afterId));
    },
    task: (_p, { id }, ctx) => ctx.loaders.task.load(id),
    resourceRequest: (_p, { id }, ctx) => ctx.loaders.resourceRequest.load(id),
    resource: (_p, { id }, ctx) => ctx.loaders.resource.load(id),
    resources: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageResources(filter ?? {}, rowFilter(P.Resource!, ctx.principal), page.first, page.afterId));
    },
    assignment: (_p, { id }, ctx) => ctx.loaders.assignment.load(id),
    assignments: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageAssignments(filter ?? {}, rowFilter(P.Assignment!, ctx.principal), page.first, page.afterId));
    },
    timeEntry: (_p, { id }, ctx) => ctx.loaders.timeEntry.load(id),
    timeEntries: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageTimeEntries(filter ?? {}, rowFilter(P.TimeEntry!, ctx.principal), page.first, page.afterId));
    },
    expenseEntry: (_p, { id }, ctx) => ctx.loaders.expenseEntry.load(id),
    expenseEntries: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageExpenseEntries(filter ?? {}, rowFilter(P.ExpenseEntry!, ctx.principal), page.first, page.afterId));
    },
    milestone: (_p, { id }, ctx) => ctx.loaders.milestone.load(id),
    milestones: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageMilestones(filter ?? {}, rowFilter(P.Milestone!, ctx.principal), page.first, page.afterId));
    },
  },
  Mutation: {
    createProject: (_p, { input }, ctx) =>
      ctx.service.createProject(
        { ...input, budgetRevenue: optionalMoney('budgetRevenue', input.budgetRevenue), budgetCost: optionalMoney('budgetCost', input.budgetCost) },
        ctx.invocation,
      ),
    updateProject: (_p, { input }, ctx) =>
      ctx.service.updateProject(
        input,
        {
          ...input,
          // Absent keeps the budget, null clears it.
          budgetRevenue: input.budgetRevenue === undefined ? undefined : optionalMoney('budgetRevenue', input.budgetRevenue),
          budgetCost: input.budgetCost === undefined ? undefined : optionalMoney('budgetCost', input.budgetCost),
        },
        ctx.invocation,
      ),
    transitionProject: (_p, { input }, ctx) => ctx.service.transitionProject(input, input.action, ctx.invocation),
    createTask: (_p, { input }, ctx) => ctx.service.createTask(input, ctx.invocation),
    transitionTask: (_p, { input }, ctx) => ctx.service.transitionTask(input, input.action, ctx.invocation),
    createResource: (_p, { input }, ctx) => ctx.service.createResource(input, ctx.invocation),
    updateResource: (_p, { input }, ctx) => ctx.service.updateResource(input, input, ctx.invocation),
    createAssignment: (_p, { input }, ctx) => ctx.service.createAssignment(input, ctx.invocation),
    transitionAssignment: (_p, { input }, ctx) => ctx.service.transitionAssignment(input, input.action, ctx.invocation),
    createTimeEntry: (_p, { input }, ctx) => ctx.service.createTimeEntry(input, ctx.invocation),
    updateTimeEntry: (_p, { input }, ctx) => ctx.service.updateTimeEntry(input, input, ctx.invocation),
    submitTimeEntries: (_p, { input }, ctx) => ctx.service.submitTimeEntries(input.entries, ctx.invocation),
    approveTimeEntries: (_p, { input }, ctx) => ctx.service.approveTimeEntries(input.entries, ctx.invocation),
    rejectTimeEntries: (_p, { input }, ctx) => ctx.service.rejectTimeEntries(input.entries, input.reason, ctx.invocation),
    retractTimeEntries: (_p, { input }, ctx) => ctx.service.retractTimeEntries(input.entries, ctx.invocation),
    createExpenseEntry: (_p, { input }, ctx) => ctx.service.createExpenseEntry({ ...input, amount: moneyFromInput('amount', input.amount) }, ctx.invocation),
    submitExpenseEntries: (_p, { input }, ctx) => ctx.service.submitExpenseEntries(input.entries, ctx.invocation),
    approveExpenseEntries: (_p, { input }, ctx) => ctx.service.approveExpenseEntries(input.entries, ctx.invocation),
    rejectExpenseEntries: (_p, { input }, ctx) => ctx.service.rejectExpenseEntries(input.entries, input.reason, ctx.invocation),
    createMilestone: (_p, { input }, ctx) =>
      ctx.service.createMilestone({ ...input, billingAmount: optionalMoney('billingAmount', input.billingAmount) }, ctx.invocation),
    transitionMilestone: (_p, { input }, ctx) => ctx.service.transitionMilestone(input, input.action, input.acceptedByContactId, ctx.invocation),
    setupProjectFromOpportunity: (_p, { input }, ctx) =>
      ctx.service.setupProjectFromOpportunity({ ...input, budgetRevenue: moneyFromInput('budgetRevenue', input.budgetRevenue) }, ctx.invocation),
    markEntriesBilled: (_p, { input }, ctx) => ctx.service.markEntriesBilled(input.timeEntries, input.expenseEntries, ctx.invocation),
    unbillEntries: (_p, { input }, ctx) => ctx.service.unbillEntries(input.timeEntryIds, input.expenseEntryIds, ctx.invocation),
    applyRateChanges: (_p, { input }, ctx) =>
      ctx.service.applyRateChanges({ ...input, budgetRevenueDelta: optionalMoney('budgetRevenueDelta', input.budgetRevenueDelta) }, ctx.invocation),
  },
  // Entities owned by crm: this subgraph only contributes fields, so a reference is all it needs.
  Account: {
    __resolveReference: (r) => ({ id: r.id }),
    projects: async (a, { statuses }, ctx) => {
      const all = await ctx.loaders.projectsByAccount.load(a.id);
      return statuses && statuses.length ? all.filter((p) => statuses.includes(p.status)) : all;
    },
  },
  Opportunity: {
    __resolveReference: (r) => ({ id: r.id }),
    // The live project; when every project of the opportunity was cancelled, the latest of them.
    project: async (o, _args, ctx) => {
      const all = await ctx.loaders.projectsByOpportunity.load(o.id);
      return all.find((p) => p.status !== 'CANCELLED') ?? all[all.length - 1] ?? null;
    },
  },
  Contract: {
    __resolveReference: (r) => ({ id: r.id }),
    projects: (c, _args, ctx) => ctx.loaders.projectsByContract.load(c.id),
  },
  Project: {
    __resolveReference: (r, ctx) => ctx.loaders.project.load(r.id),
    account: (p) => ({ id: p.accountId }),
    opportunity: (p) => ref(p.opportunityId),
    contract: (p) => ref(p.contractId),
    legalEntity: (p) => ({ id: p.legalEntityId }),
    tasks: (p, _args, ctx) => ctx.loaders.tasksByProject.load(p.id),
    milestones: (p, _args, ctx) => ctx.loaders.milestonesByProject.load(p.id),
    assignments: (p, _args, ctx) => ctx.loaders.assignmentsByProject.load(p.id),
    resourceRequests: (p, _args, ctx) => ctx.loaders.resourceRequestsByProject.load(p.id),
    actualCost: (p, _args, ctx) => total(p, ctx, (t) => t.actualCostMinor),
    deliveredValue: (p, _args, ctx) => total(p, ctx, (t) => t.deliveredValueMinor),
    approvedMinutes: async (p, _args, ctx) => (await ctx.loaders.projectTotals.load(p.id))?.approvedMinutes ?? 0,
  },
  Task: {
    __resolveReference: (r, ctx) => ctx.loaders.task.load(r.id),
    project: (t, _args, ctx) => required(ctx.loaders.project.load(t.projectId), `project ${t.projectId}`),
    parentTask: (t, _args, ctx) => (t.parentTaskId ? ctx.loaders.task.load(t.parentTaskId) : null),
  },
  Resource: {
    __resolveReference: (r, ctx) => ctx.loaders.resource.load(r.id),
  },
  Assignment: {
    __resolveReference: (r, ctx) => ctx.loaders.assignment.load(r.id),
    project: (a, _args, ctx) => required(ctx.loaders.project.load(a.projectId), `project ${a.projectId}`),
    // The resource may be employed by a legal entity the caller does not see: then it is null, like a missing one.
    resource: (a, _args, ctx) => ctx.loaders.resource.load(a.resourceId),
  },
  TimeEntry: {
    __resolveReference: (r, ctx) => ctx.loaders.timeEntry.load(r.id),
    resource: (e, _args, ctx) => ctx.loaders.resource.load(e.resourceId),
    project: (e, _args, ctx) => required(ctx.loaders.project.load(e.projectId), `project ${e.projectId}`),
    task: (e, _args, ctx) => (e.taskId ? ctx.loaders.task.load(e.taskId) : null),
    assignment: (e, _args, ctx) => ctx.loaders.assignment.load(e.assignmentId),
    hours: (e) => timeEntryHours(e.minutes),
  },
  ExpenseEntry: {
    __resolveReference: (r, ctx) => ctx.loaders.expenseEntry.load(r.id),
    resource: (e, _args, ctx) => ctx.loaders.resource.load(e.resourceId),
    project: (e, _args, ctx) => required(ctx.loaders.project.load(e.projectId), `project ${e.projectId}`),
  },
  ResourceRequest: {
    __resolveReference: (r, ctx) => ctx.loaders.resourceRequest.load(r.id),
    project: (r, _args, ctx) => required(ctx.loaders.project.load(r.projectId), `project ${r.projectId}`),
  },
  Milestone: {
    __resolveReference: (r, ctx) => ctx.loaders.milestone.load(r.id),
    project: (m, _args, ctx) => required(ctx.loaders.project.load(m.projectId), `project ${m.projectId}`),
    acceptedBy: (m) => ref(m.acceptedByContactId),
  },
};
