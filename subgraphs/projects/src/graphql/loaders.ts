import type DataLoader from 'dataloader';
import type { Principal } from '../../../../platform/auth/principal.js';
import { scopedByIdLoader, scopedGroupLoader, valueLoader } from '../../../../platform/graphql/loaders.js';
import { PROJECTS_ROW_POLICY as P } from '../auth/row-policy.js';
import type { Assignment, ExpenseEntry, Milestone, Project, ProjectTotals, Resource, ResourceRequest, Task, TimeEntry } from '../domain/types.js';
import type { ProjectsRepository } from '../repository/port.js';

/**
 * The per-request DataLoaders of projects: every entity, list and aggregate lookup goes through one of these. Entity
 * and list loaders hold only what the caller may see under the row policy; a row they may not see loads as null
 * (or is left out of a list), exactly like a missing one.
 */
export interface ProjectsLoaders {
  project: DataLoader<string, Project | null>;
  task: DataLoader<string, Task | null>;
  resource: DataLoader<string, Resource | null>;
  assignment: DataLoader<string, Assignment | null>;
  timeEntry: DataLoader<string, TimeEntry | null>;
  expenseEntry: DataLoader<string, ExpenseEntry | null>;
  milestone: DataLoader<string, Milestone | null>;
  resourceRequest: DataLoader<string, ResourceRequest | null>;
  projectsByAccount: DataLoader<string, Project[]>;
  projectsByOpportunity: DataLoader<string, Project[]>;
  projectsByContract: DataLoader<string, Project[]>;
  tasksByProject: DataLoader<string, Task[]>;
  milestonesByProject: DataLoader<string, Milestone[]>;
  assignmentsByProject: DataLoader<string, Assignment[]>;
  resourceRequestsByProject: DataLoader<string, ResourceRequest[]>;
  /**
   * Cost, delivered value and approved minutes per project; null for a project with nothing approved. Read only for
   * projects the caller sees, so project-level totals are not filtered further.
   */
  projectTotals: DataLoader<string, ProjectTotals | null>;
}

/** Builds a fresh loader set for one caller; never share one between requests (it caches what that caller may see). */
export function createProjectsLoaders(repo: ProjectsRepository, principal: Principal): ProjectsLoaders {
  return {
    project: scopedByIdLoader((ids) => repo.projectsByIds(ids), P.Project!, principal),
    task: scopedByIdLoader((ids) => repo.tasksByIds(ids), P.Task!, principal),
    resource: scopedByIdLoader((ids) => repo.resourcesByIds(ids), P.Resource!, principal),
    assignment: scopedByIdLoader((ids) => repo.assignmentsByIds(ids), P.Assignment!, principal),
    timeEntry: scopedByIdLoader((ids) => repo.timeEntriesByIds(ids), P.TimeEntry!, principal),
    expenseEntry: scopedByIdLoader((ids) => repo.expenseEntriesByIds(ids), P.ExpenseEntry!, principal),
    milestone: scopedByIdLoader((ids) => repo.milestonesByIds(ids), P.Milestone!, principal),
    resourceRequest: scopedByIdLoader((ids) => repo.resourceRequestsByIds(ids), P.ResourceRequest!, principal),
    projectsByAccount: scopedGroupLoader((ids) => repo.projectsByAccountIds(ids), (p) => p.accountId, P.Project!, principal),
    projectsByOpportunity: scopedGroupLoader((ids) => repo.projectsByOpportunityIds(ids), (p) => p.opportunityId ?? [], P.Project!, principal),
    projectsByContract: scopedGroupLoader((ids) => repo.projectsByContractIds(ids), (p) => p.contractId ?? [], P.Project!, principal),
    tasksByProject: scopedGroupLoader((ids) => repo.tasksByProjectIds(ids), (t) => t.projectId, P.Task!, principal),
    milestonesByProject: scopedGroupLoader((ids) => repo.milestonesByProjectIds(ids), (m) => m.projectId, P.Milestone!, principal),
    assignmentsByProject: scopedGroupLoader((ids) => repo.assignmentsByProjectIds(ids), (a) => a.projectId, P.Assignment!, principal),
    resourceRequestsByProject: scopedGroupLoader((ids) => repo.resourceRequestsByProjectIds(ids), (r) => r.projectId, P.ResourceRequest!, principal),
    projectTotals: valueLoader(async (ids) => new Map((await repo.projectTotals(ids)).map((t) => [t.projectId, t]))),
  };
}
