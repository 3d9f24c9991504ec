import type { Money } from '../../../../platform/money/money.js';

/** A reference to an entity owned by another subgraph: the gateway resolves the rest by key. */
export interface EntityRef {
  id: string;
}

export type BillingModel = 'TIME_AND_MATERIALS' | 'FIXED_FEE' | 'MILESTONE' | 'RETAINER' | 'NON_BILLABLE';
export type ProjectStatus = 'DRAFT' | 'ACTIVE' | 'ON_HOLD' | 'COMPLETED' | 'CLOSED' | 'CANCELLED';
export type ProjectHealth = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';
export type TaskStatus = 'OPEN' | 'IN_PROGRESS' | 'BLOCKED' | 'COMPLETED' | 'CANCELLED';
export type EmploymentType = 'EMPLOYEE' | 'CONTRACTOR';
export type AssignmentStatus = 'TENTATIVE' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED';
export type BillableClass = 'BILLABLE' | 'NON_BILLABLE' | 'CREDITED' | 'EXCLUDED';
export type ApprovalStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'BILLED';
export type MilestoneStatus = 'PLANNED' | 'IN_PROGRESS' | 'COMPLETED' | 'ACCEPTED' | 'CANCELLED';
export type ResourceRequestStatus = 'DRAFT' | 'OPEN' | 'HELD' | 'ASSIGNED' | 'CANCELLED';

export interface Project {
  id: string;
  version: number;
  code: string;
  name: string;
  accountId: string;
  opportunityId: string | null;
  contractId: string | null;
  legalEntityId: string;
  billingModel: BillingModel;
  status: ProjectStatus;
  health: ProjectHealth;
  currency: string;
  startDate: string;
  endDate: string | null;
  budgetMinutes: number | null;
  budgetRevenue: Money | null;
  budgetCost: Money | null;
  /** Decimal string, scale 2, 0–100. */
  marginThresholdPct: string | null;
  projectManagerId: string;
  activatedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Task {
  id: string;
  version: number;
  projectId: string;
  /** The project's legal entity (tasks are scoped like their project). */
  legalEntityId: string;
  parentTaskId: string | null;
  wbsCode: string;
  name: string;
  status: TaskStatus;
  plannedMinutes: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  isBillable: boolean;
  updatedAt: string;
}

/** An hourly rate valid from a date until the next one. `rate` is a decimal string, scale 4. */
export interface EffectiveRate {
  effectiveFrom: string;
  rate: string;
  currency: string;
}

export interface Resource {
  id: string;
  version: number;
  employeeNumber: string;
  displayName: string;
  roleCode: string;
  level: string | null;
  region: string | null;
  practice: string | null;
  legalEntityId: string;
  employmentType: EmploymentType;
  weeklyCapacityMinutes: number;
  utilizationTargetPct: string | null;
  costRates: EffectiveRate[];
  active: boolean;
  updatedAt: string;
}

export interface Assignment {
  id: string;
  version: number;
  projectId: string;
  resourceId: string;
  /** The project's legal entity, which may differ from the resource's employer. */
  legalEntityId: string;
  roleCode: string;
  startDate: string;
  endDate: string;
  scheduledMinutes: number;
  /** Hourly rates in the project currency, decimal strings at scale 4. */
  billRate: string;
  costRate: string;
  isBillable: boolean;
  status: AssignmentStatus;
  updatedAt: string;
}

export interface TimeEntry {
  id: string;
  version: number;
  resourceId: string;
  projectId: string;
  taskId: string | null;
  assignmentId: string;
  /** The project's legal entity, which may differ from the resource's employer. */
  legalEntityId: string;
  workDate: string;
  minutes: number;
  billableMinutes: number;
  billableClass: BillableClass;
  notes: string | null;
  status: ApprovalStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  rejectedReason: string | null;
  /** Set at approval (scale 4); bill rate only for BILLABLE entries. */
  billRateSnapshot: string | null;
  costRateSnapshot: string | null;
  /** Set at approval: round(hoursFromMinutes(billableMinutes) × billRate) and round(hoursFromMinutes(minutes) × costRate). */
  billAmount: Money | null;
  costAmount: Money | null;
  updatedAt: string;
}

export interface ExpenseEntry {
  id: string;
  version: number;
  resourceId: string;
  projectId: string;
  /** The project's legal entity, which may differ from the resource's employer. */
  legalEntityId: string;
  incurredOn: string;
  category: string;
  amount: Money;
  /** Decimal string, scale 10; "1" when the currencies are the same. */
  fxRateToProject: string;
  projectAmount: Money;
  reimbursable: boolean;
  billable: boolean;
  markupPct: string | null;
  /** round(projectAmount × (1 + markupPct/100)) for billable expenses, else null. */
  billAmount: Money | null;
  receiptRef: string | null;
  status: ApprovalStatus;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  rejectedReason: string | null;
  updatedAt: string;
}

export interface Milestone {
  id: string;
  version: number;
  projectId: string;
  /** The project's legal entity (milestones are scoped like their project). */
  legalEntityId: string;
  name: string;
  dueDate: string;
  status: MilestoneStatus;
  billingAmount: Money | null;
  revenueWeightPct: string | null;
  completedAt: string | null;
  acceptedAt: string | null;
  acceptedByContactId: string | null;
  updatedAt: string;
}

/** Demand for a role on a project for a period, waiting to be staffed (domain model §3.4, §4.6). */
export interface ResourceRequest {
  id: string;
  version: number;
  projectId: string;
  /** The project's legal entity (requests are scoped like their project). */
  legalEntityId: string;
  roleCode: string;
  level: string | null;
  minutes: number;
  startDate: string;
  endDate: string;
  status: ResourceRequestStatus;
  createdAt: string;
  updatedAt: string;
}

/** A bill-rate change applied to a project's role (a contract amendment); `billRate` is a decimal string, scale 4. */
export interface RoleRateChange {
  roleCode: string;
  billRate: string;
}

/** The record of one application of rate changes to a project (its contract amendment is the natural key). */
export interface ProjectRateChange {
  id: string;
  projectId: string;
  legalEntityId: string;
  contractAmendmentId: string | null;
  effectiveDate: string;
  rateChanges: RoleRateChange[];
  budgetRevenueDelta: Money | null;
  reRatedEntries: number;
  appliedAt: string;
  appliedBy: string;
}

/** Per-project roll-ups computed from approved and billed entries and accepted milestones. */
export interface ProjectTotals {
  projectId: string;
  actualCostMinor: bigint;
  deliveredValueMinor: bigint;
  approvedMinutes: number;
}
