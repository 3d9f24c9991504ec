import { Table, type TableDef } from '../../../../platform/db/index.js';
import type { Assignment, ExpenseEntry, Milestone, Project, ProjectRateChange, Resource, ResourceRequest, Task, TimeEntry } from '../domain/types.js';

// The definitions are exported as well as the tables: the set-based batch writer reads their column kinds.

export const projectDef: TableDef<Project> = {
  table: 'projects',
  fields: {
    id: 'text', version: 'int', code: 'text', name: 'text', accountId: 'text', opportunityId: 'text?', contractId: 'text?',
    legalEntityId: 'text', billingModel: 'text', status: 'text', health: 'text', currency: 'text', startDate: 'date', endDate: 'date?',
    budgetMinutes: 'int?', budgetRevenue: 'money?', budgetCost: 'money?', marginThresholdPct: 'numeric?', projectManagerId: 'text',
    activatedAt: 'timestamptz?', completedAt: 'timestamptz?', closedAt: 'timestamptz?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
};
export const projects = new Table<Project>(projectDef);

export const taskDef: TableDef<Task> = {
  table: 'tasks',
  fields: {
    id: 'text', version: 'int', projectId: 'text', legalEntityId: 'text', parentTaskId: 'text?', wbsCode: 'text', name: 'text', status: 'text',
    plannedMinutes: 'int?', plannedStart: 'date?', plannedEnd: 'date?', isBillable: 'boolean', updatedAt: 'timestamptz',
  },
};
export const tasks = new Table<Task>(taskDef);

export const resourceDef: TableDef<Resource> = {
  table: 'resources',
  fields: {
    id: 'text', version: 'int', employeeNumber: 'text', displayName: 'text', roleCode: 'text', level: 'text?', region: 'text?',
    practice: 'text?', legalEntityId: 'text', employmentType: 'text', weeklyCapacityMinutes: 'int', utilizationTargetPct: 'numeric?',
    costRates: 'jsonb', active: 'boolean', updatedAt: 'timestamptz',
  },
};
export const resources = new Table<Resource>(resourceDef);

export const assignmentDef: TableDef<Assignment> = {
  table: 'assignments',
  fields: {
    id: 'text', version: 'int', projectId: 'text', resourceId: 'text', legalEntityId: 'text', roleCode: 'text', startDate: 'date', endDate: 'date',
    scheduledMinutes: 'int', billRate: 'numeric', costRate: 'numeric', isBillable: 'boolean', status: 'text', updatedAt: 'timestamptz',
  },
};
export const assignments = new Table<Assignment>(assignmentDef);

export const timeEntryDef: TableDef<TimeEntry> = {
  table: 'time_entries',
  fields: {
    id: 'text', version: 'int', resourceId: 'text', projectId: 'text', taskId: 'text?', assignmentId: 'text', legalEntityId: 'text', workDate: 'date',
    minutes: 'int', billableMinutes: 'int', billableClass: 'text', notes: 'text?', status: 'text', submittedAt: 'timestamptz?',
    approvedAt: 'timestamptz?', approvedBy: 'text?', rejectedReason: 'text?', billRateSnapshot: 'numeric?', costRateSnapshot: 'numeric?',
    billAmount: 'money?', costAmount: 'money?', updatedAt: 'timestamptz',
  },
};
export const timeEntries = new Table<TimeEntry>(timeEntryDef);

export const expenseEntryDef: TableDef<ExpenseEntry> = {
  table: 'expense_entries',
  fields: {
    id: 'text', version: 'int', resourceId: 'text', projectId: 'text', legalEntityId: 'text', incurredOn: 'date', category: 'text', amount: 'money',
    fxRateToProject: 'numeric', projectAmount: 'money', reimbursable: 'boolean', billable: 'boolean', markupPct: 'numeric?',
    billAmount: 'money?', receiptRef: 'text?', status: 'text', submittedAt: 'timestamptz?', approvedAt: 'timestamptz?',
    approvedBy: 'text?', rejectedReason: 'text?', updatedAt: 'timestamptz',
  },
};
export const expenseEntries = new Table<ExpenseEntry>(expenseEntryDef);

export const milestoneDef: TableDef<Milestone> = {
  table: 'milestones',
  fields: {
    id: 'text', version: 'int', projectId: 'text', legalEntityId: 'text', name: 'text', dueDate: 'date', status: 'text', billingAmount: 'money?',
    revenueWeightPct: 'numeric?', completedAt: 'timestamptz?', acceptedAt: 'timestamptz?', acceptedByContactId: 'text?',
    updatedAt: 'timestamptz',
  },
};
export const milestones = new Table<Milestone>(milestoneDef);

export const resourceRequestDef: TableDef<ResourceRequest> = {
  table: 'resource_requests',
  fields: {
    id: 'text', version: 'int', projectId: 'text', legalEntityId: 'text', roleCode: 'text', level: 'text?', minutes: 'int', startDate: 'date',
    endDate: 'date', status: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
};
export const resourceRequests = new Table<ResourceRequest>(resourceRequestDef);

export const projectRateChangeDef: TableDef<ProjectRateChange> = {
  table: 'project_rate_changes',
  fields: {
    id: 'text', projectId: 'text', legalEntityId: 'text', contractAmendmentId: 'text?', effectiveDate: 'date', rateChanges: 'jsonb',
    budgetRevenueDelta: 'money?', reRatedEntries: 'int', appliedAt: 'timestamptz', appliedBy: 'text',
  },
};
export const projectRateChanges = new Table<ProjectRateChange>(projectRateChangeDef);
