import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../../platform/domain/index.js';
import { money } from '../../platform/money/index.js';
import {
  alignBatch, APPROVAL_TRANSITIONS, MAX_BATCH_SIZE, rejectionReason, validateBatch,
} from '../../subgraphs/projects/src/domain/approval.js';
import { createAssignment, transitionAssignment } from '../../subgraphs/projects/src/domain/assignment.js';
import {
  approveExpenseEntry, convertExpense, createExpenseEntry, expenseBillAmount, markExpenseEntryBilled, rejectExpenseEntry, submitExpenseEntry,
} from '../../subgraphs/projects/src/domain/expense-entry.js';
import { createMilestone, transitionMilestone } from '../../subgraphs/projects/src/domain/milestone.js';
import {
  createProject, formatProjectCode, NO_ACTIVITY, transitionProject, updateProject, validateProjectCode, type NewProject, type ProjectAction,
} from '../../subgraphs/projects/src/domain/project.js';
import { costRateOn, createResource, mergeCostRates, updateResource } from '../../subgraphs/projects/src/domain/resource.js';
import { compareWbs, createTask, transitionTask, validateWbsCode } from '../../subgraphs/projects/src/domain/task.js';
import {
  approveTimeEntry, createTimeEntry, markTimeEntryBilled, priceTime, rejectTimeEntry, requireWithinDailyCap, retractTimeEntry, submitTimeEntry,
  timeEntryHours, unbillTimeEntry, updateTimeEntry, type BookingContext, type NewTimeEntry,
} from '../../subgraphs/projects/src/domain/time-entry.js';
import type { Assignment, Project, ProjectStatus, Resource, TimeEntry } from '../../subgraphs/projects/src/domain/types.js';

const NOW = '2026-03-02T09:00:00.000Z';
const LATER = '2026-03-03T09:00:00.000Z';
const ACC = 'acc_01JABCDEFGHJKMNPQRSTVWXYZ0';
const RES = 'res_01JABCDEFGHJKMNPQRSTVWXYZ0';
const usd = (minor: bigint) => money(minor, 'USD');

/** Asserts `fn` throws a DomainError with `code` (and, when given, naming `field`). */
function throwsCode(fn: () => unknown, code: string, field?: string): DomainError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DomainError, `expected a DomainError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  if (field !== undefined) assert.equal(caught.details.field, field, caught.message);
  return caught;
}

function newProject(overrides: Partial<NewProject> = {}): NewProject {
  return {
    name: 'ERP rollout', code: 'PRJ-000001', accountId: ACC, legalEntityId: 'le_us', billingModel: 'TIME_AND_MATERIALS', currency: 'USD',
    startDate: '2026-01-05', endDate: '2026-12-31', projectManagerId: RES, ...overrides,
  };
}

function project(status: ProjectStatus = 'ACTIVE', overrides: Partial<NewProject> = {}): Project {
  return { ...createProject('prj_01JABCDEFGHJKMNPQRSTVWXYZ0', newProject(overrides), NOW), status };
}

function resource(): Resource {
  return createResource(RES, {
    employeeNumber: 'E-1', displayName: 'Ann Lee', roleCode: 'CONSULTANT', legalEntityId: 'le_us', employmentType: 'EMPLOYEE',
    costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: 'USD' }],
  }, NOW);
}

function assignment(p: Project, overrides: Partial<Assignment> = {}): Assignment {
  const a = createAssignment('asg_01JABCDEFGHJKMNPQRSTVWXYZ0', {
    projectId: p.id, resourceId: RES, roleCode: 'CONSULTANT', startDate: '2026-02-01', endDate: '2026-06-30', scheduledMinutes: 48000,
    billRate: '150', costRate: '80',
  }, p, resource(), NOW);
  return { ...a, ...overrides };
}

function ctx(overrides: Partial<BookingContext> = {}): BookingContext {
  const p = overrides.project ?? project();
  return { project: p, assignment: overrides.assignment ?? assignment(p), task: null, minutesBookedThatDay: 0, ...overrides };
}

function entry(input: Partial<NewTimeEntry> = {}, c: BookingContext = ctx()): TimeEntry {
  return createTimeEntry('te_01JABCDEFGHJKMNPQRSTVWXYZ0', { assignmentId: c.assignment.id, workDate: '2026-03-02', minutes: 480, ...input }, c, NOW);
}

describe('projects domain: project', () => {
  test('a new project is DRAFT and ON_TRACK, with the margin threshold at scale 2 and budgets in its currency', () => {
    const p = createProject('prj_01JABCDEFGHJKMNPQRSTVWXYZ0', newProject({ marginThresholdPct: '25', budgetRevenue: usd(10_000_000n), budgetCost: usd(0n), budgetMinutes: 0 }), NOW);
    assert.equal(p.status, 'DRAFT');
    assert.equal(p.health, 'ON_TRACK');
    assert.equal(p.version, 1);
    assert.equal(p.marginThresholdPct, '25.00');
    assert.deepEqual(p.budgetRevenue, usd(10_000_000n));
    assert.equal(p.budgetMinutes, 0);
  });

  test('invalid project input is refused naming the field', () => {
    throwsCode(() => createProject('prj_x', newProject({ name: '  ' }), NOW), 'BAD_USER_INPUT', 'name');
    throwsCode(() => createProject('prj_x', newProject({ name: 'x'.repeat(201) }), NOW), 'BAD_USER_INPUT', 'name');
    throwsCode(() => createProject('prj_x', newProject({ endDate: '2026-01-04' }), NOW), 'BAD_USER_INPUT', 'endDate');
    throwsCode(() => createProject('prj_x', newProject({ startDate: '2026-02-30' }), NOW), 'BAD_USER_INPUT', 'startDate');
    throwsCode(() => createProject('prj_x', newProject({ budgetRevenue: money(100n, 'EUR') }), NOW), 'BAD_USER_INPUT', 'budgetRevenue');
    throwsCode(() => createProject('prj_x', newProject({ budgetCost: usd(-1n) }), NOW), 'BAD_USER_INPUT', 'budgetCost');
    throwsCode(() => createProject('prj_x', newProject({ budgetMinutes: -1 }), NOW), 'BAD_USER_INPUT', 'budgetMinutes');
    throwsCode(() => createProject('prj_x', newProject({ marginThresholdPct: '100.01' }), NOW), 'BAD_USER_INPUT', 'marginThresholdPct');
    throwsCode(() => createProject('prj_x', newProject({ marginThresholdPct: '12.345' }), NOW), 'BAD_USER_INPUT', 'marginThresholdPct');
    throwsCode(() => createProject('prj_x', newProject({ accountId: 'nope' }), NOW), 'BAD_USER_INPUT', 'accountId');
    throwsCode(() => createProject('prj_x', newProject({ code: 'has space' }), NOW), 'BAD_USER_INPUT', 'code');
  });

  test('generated codes are PRJ- and at least six digits', () => {
    assert.equal(formatProjectCode(42), 'PRJ-000042');
    assert.equal(formatProjectCode(1_234_567n), 'PRJ-1234567');
    assert.throws(() => formatProjectCode(0), RangeError);
    assert.equal(validateProjectCode(' ACME-2026.1 '), 'ACME-2026.1');
  });

  test('the transition table allows exactly the documented moves and stamps the timestamps', () => {
    const allowed: Record<ProjectAction, ProjectStatus[]> = {
      ACTIVATE: ['DRAFT'], HOLD: ['ACTIVE'], RESUME: ['ON_HOLD'], COMPLETE: ['ACTIVE'], REOPEN: ['COMPLETED'], CLOSE: ['COMPLETED'],
      CANCEL: ['DRAFT', 'ACTIVE', 'ON_HOLD'],
    };
    const statuses: ProjectStatus[] = ['DRAFT', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CLOSED', 'CANCELLED'];
    for (const [action, from] of Object.entries(allowed) as Array<[ProjectAction, ProjectStatus[]]>) {
      for (const status of statuses) {
        const run = () => transitionProject(project(status), action, NO_ACTIVITY, LATER);
        if (from.includes(status)) assert.equal(run().version, 2, `${action} from ${status}`);
        else throwsCode(run, 'INVALID_TRANSITION');
      }
    }
    const active = transitionProject(project('DRAFT'), 'ACTIVATE', NO_ACTIVITY, LATER);
    assert.equal(active.activatedAt, LATER);
    const completed = transitionProject(active, 'COMPLETE', NO_ACTIVITY, LATER);
    assert.equal(completed.completedAt, LATER);
    assert.equal(transitionProject(completed, 'REOPEN', NO_ACTIVITY, NOW).completedAt, null);
    assert.equal(transitionProject(completed, 'CLOSE', NO_ACTIVITY, NOW).closedAt, NOW);
  });

  test('CLOSE waits for submitted entries and unaccepted milestones; CANCEL refuses once anything is billed', () => {
    const done = project('COMPLETED');
    for (const activity of [{ submittedTimeEntries: 1 }, { submittedExpenseEntries: 2 }, { completedMilestones: 1 }]) {
      const e = throwsCode(() => transitionProject(done, 'CLOSE', { ...NO_ACTIVITY, ...activity }, NOW), 'INVALID_TRANSITION');
      assert.match(e.message, /must be decided first/);
    }
    // Billed entries do not stop a close; they stop a cancel.
    assert.equal(transitionProject(done, 'CLOSE', { ...NO_ACTIVITY, billedTimeEntries: 3 }, NOW).status, 'CLOSED');
    throwsCode(() => transitionProject(project('ACTIVE'), 'CANCEL', { ...NO_ACTIVITY, billedExpenseEntries: 1 }, NOW), 'INVALID_TRANSITION');
    assert.equal(transitionProject(project('ACTIVE'), 'CANCEL', { ...NO_ACTIVITY, submittedTimeEntries: 5 }, NOW).status, 'CANCELLED');
  });

  test('updates keep absent fields, clear null ones and refuse closed projects', () => {
    const p = project('ACTIVE', { budgetRevenue: usd(500n), marginThresholdPct: '10' });
    const next = updateProject(p, { name: 'Renamed', budgetRevenue: null, health: 'AT_RISK' }, LATER);
    assert.equal(next.name, 'Renamed');
    assert.equal(next.budgetRevenue, null);
    assert.equal(next.marginThresholdPct, '10.00');
    assert.equal(next.health, 'AT_RISK');
    assert.equal(next.version, 2);
    throwsCode(() => updateProject(p, { endDate: '2025-12-31' }, LATER), 'BAD_USER_INPUT', 'endDate');
    throwsCode(() => updateProject(project('CLOSED'), { name: 'x' }, LATER), 'INVALID_TRANSITION');
  });
});

describe('projects domain: tasks and resources', () => {
  test('WBS codes are numeric paths and sort naturally', () => {
    assert.equal(validateWbsCode('1.2.10'), '1.2.10');
    for (const bad of ['', 'A.1', '1..2', '1.', '.1', '1.2.3.4.5.6.7.8.9.10.11']) throwsCode(() => validateWbsCode(bad), 'BAD_USER_INPUT', 'wbsCode');
    assert.deepEqual(['2', '1.10', '1', '1.2', '1.2.1'].sort(compareWbs), ['1', '1.2', '1.2.1', '1.10', '2']);
  });

  test('a task needs an open project, a parent in the same project and ordered planned dates', () => {
    const p = project('ACTIVE');
    const parent = createTask('tsk_01JABCDEFGHJKMNPQRSTVWXYZ0', { projectId: p.id, wbsCode: '1', name: 'Design' }, p, null, NOW);
    assert.equal(parent.isBillable, true);
    assert.equal(parent.status, 'OPEN');
    const child = createTask('tsk_01JABCDEFGHJKMNPQRSTVWXYZ1', { projectId: p.id, parentTaskId: parent.id, wbsCode: '1.1', name: 'API' }, p, parent, NOW);
    assert.equal(child.parentTaskId, parent.id);
    throwsCode(() => createTask('tsk_x', { projectId: p.id, parentTaskId: 'tsk_other', wbsCode: '2', name: 'x' }, p, null, NOW), 'BAD_USER_INPUT', 'parentTaskId');
    throwsCode(() => createTask('tsk_x', { projectId: p.id, parentTaskId: parent.id, wbsCode: '2', name: 'x' }, p, { ...parent, projectId: 'prj_other' }, NOW), 'BAD_USER_INPUT', 'parentTaskId');
    throwsCode(() => createTask('tsk_x', { projectId: p.id, wbsCode: '3', name: 'x', plannedStart: '2026-03-10', plannedEnd: '2026-03-09' }, p, null, NOW), 'BAD_USER_INPUT', 'plannedEnd');
    throwsCode(() => createTask('tsk_x', { projectId: p.id, wbsCode: '3', name: 'x' }, project('CANCELLED'), null, NOW), 'INVALID_TRANSITION');
    const started = transitionTask(parent, 'START', LATER);
    assert.equal(transitionTask(transitionTask(started, 'BLOCK', LATER), 'UNBLOCK', LATER).status, 'IN_PROGRESS');
    const completed = transitionTask(started, 'COMPLETE', LATER);
    throwsCode(() => transitionTask(completed, 'CANCEL', LATER), 'INVALID_TRANSITION');
    assert.equal(transitionTask(completed, 'REOPEN', LATER).status, 'IN_PROGRESS');
    throwsCode(() => transitionTask(parent, 'COMPLETE', LATER), 'INVALID_TRANSITION');
  });

  test('cost rates: at least one, unique dates, scale 4, sorted oldest first; merging refuses a taken date', () => {
    const r = createResource('res_x', {
      employeeNumber: 'E-9', displayName: 'Bo', roleCode: 'DEV', legalEntityId: 'le_us', employmentType: 'CONTRACTOR',
      costRates: [{ effectiveFrom: '2026-07-01', rate: '95.5', currency: 'USD' }, { effectiveFrom: '2026-01-01', rate: '90', currency: 'USD' }],
    }, NOW);
    assert.deepEqual(r.costRates.map((c) => [c.effectiveFrom, c.rate]), [['2026-01-01', '90.0000'], ['2026-07-01', '95.5000']]);
    assert.equal(r.weeklyCapacityMinutes, 2400);
    assert.equal(r.active, true);
    assert.equal(costRateOn(r, '2026-06-30')?.rate, '90.0000');
    assert.equal(costRateOn(r, '2026-07-01')?.rate, '95.5000');
    assert.equal(costRateOn(r, '2025-12-31'), null);
    const base = { employeeNumber: 'E', displayName: 'B', roleCode: 'D', legalEntityId: 'le', employmentType: 'EMPLOYEE' as const };
    throwsCode(() => createResource('res_x', { ...base, costRates: [] }, NOW), 'BAD_USER_INPUT', 'costRates');
    throwsCode(() => createResource('res_x', { ...base, costRates: [{ effectiveFrom: '2026-01-01', rate: '1.23456', currency: 'USD' }] }, NOW), 'BAD_USER_INPUT', 'costRates[0].rate');
    throwsCode(() => createResource('res_x', { ...base, costRates: [{ effectiveFrom: '2026-01-01', rate: '-1', currency: 'USD' }] }, NOW), 'BAD_USER_INPUT', 'costRates[0].rate');
    throwsCode(() => createResource('res_x', {
      ...base, costRates: [{ effectiveFrom: '2026-01-01', rate: '1', currency: 'USD' }, { effectiveFrom: '2026-01-01', rate: '2', currency: 'USD' }],
    }, NOW), 'BAD_USER_INPUT', 'costRates[1].effectiveFrom');
    throwsCode(() => createResource('res_x', { ...base, weeklyCapacityMinutes: 10081, costRates: [{ effectiveFrom: '2026-01-01', rate: '1', currency: 'USD' }] }, NOW), 'BAD_USER_INPUT', 'weeklyCapacityMinutes');
    const merged = updateResource(r, { addCostRates: [{ effectiveFrom: '2026-04-01', rate: '92', currency: 'USD' }], active: false }, LATER);
    assert.deepEqual(merged.costRates.map((c) => c.effectiveFrom), ['2026-01-01', '2026-04-01', '2026-07-01']);
    assert.equal(merged.active, false);
    throwsCode(() => mergeCostRates('addCostRates', r.costRates, [{ effectiveFrom: '2026-07-01', rate: '1', currency: 'USD' }]), 'BAD_USER_INPUT', 'addCostRates[0].effectiveFrom');
  });
});

describe('projects domain: assignments', () => {
  test('rates are stored at scale 4; closed projects and inactive resources are refused', () => {
    const p = project('ACTIVE');
    const a = assignment(p);
    assert.equal(a.billRate, '150.0000');
    assert.equal(a.costRate, '80.0000');
    assert.equal(a.status, 'TENTATIVE');
    assert.equal(a.isBillable, true);
    const input = { projectId: p.id, resourceId: RES, roleCode: 'C', startDate: '2026-02-01', endDate: '2026-02-28', scheduledMinutes: 0, billRate: '1', costRate: '1' };
    throwsCode(() => createAssignment('asg_x', { ...input, billRate: '150.00001' }, p, resource(), NOW), 'BAD_USER_INPUT', 'billRate');
    throwsCode(() => createAssignment('asg_x', { ...input, costRate: '-0.01' }, p, resource(), NOW), 'BAD_USER_INPUT', 'costRate');
    throwsCode(() => createAssignment('asg_x', { ...input, endDate: '2026-01-31' }, p, resource(), NOW), 'BAD_USER_INPUT', 'endDate');
    throwsCode(() => createAssignment('asg_x', { ...input, scheduledMinutes: -1 }, p, resource(), NOW), 'BAD_USER_INPUT', 'scheduledMinutes');
    throwsCode(() => createAssignment('asg_x', input, project('CLOSED'), resource(), NOW), 'INVALID_TRANSITION');
    throwsCode(() => createAssignment('asg_x', input, p, { ...resource(), active: false }, NOW), 'BAD_USER_INPUT', 'resourceId');
  });

  test('transitions, and cancelling waits for submitted time', () => {
    const a = assignment(project());
    const confirmed = transitionAssignment(a, 'CONFIRM', 0, LATER);
    assert.equal(transitionAssignment(confirmed, 'COMPLETE', 0, LATER).status, 'COMPLETED');
    throwsCode(() => transitionAssignment(a, 'COMPLETE', 0, LATER), 'INVALID_TRANSITION');
    const e = throwsCode(() => transitionAssignment(confirmed, 'CANCEL', 2, LATER), 'INVALID_TRANSITION');
    assert.match(e.message, /2 submitted time entries/);
    assert.equal(transitionAssignment(confirmed, 'CANCEL', 0, LATER).status, 'CANCELLED');
  });
});

describe('projects domain: time entries', () => {
  test('defaults: project and resource from the assignment, BILLABLE with all minutes billable', () => {
    const e = entry();
    assert.equal(e.status, 'DRAFT');
    assert.equal(e.version, 1);
    assert.equal(e.billableClass, 'BILLABLE');
    assert.equal(e.billableMinutes, 480);
    assert.equal(e.resourceId, RES);
    assert.equal(e.billAmount, null);
    assert.equal(e.costAmount, null);
    const nb = ctx({ assignment: { ...assignment(project()), isBillable: false } });
    const internal = entry({}, nb);
    assert.equal(internal.billableClass, 'NON_BILLABLE');
    assert.equal(internal.billableMinutes, 0);
    const credited = entry({ billableClass: 'CREDITED' });
    assert.equal(credited.billableMinutes, 0);
    const p = project();
    const nonBillableTask = createTask('tsk_01JABCDEFGHJKMNPQRSTVWXYZ0', { projectId: p.id, wbsCode: '9', name: 'Internal', isBillable: false }, p, null, NOW);
    assert.equal(entry({ taskId: nonBillableTask.id }, ctx({ project: p, task: nonBillableTask })).billableClass, 'NON_BILLABLE');
  });

  test('booking rules name the offending field', () => {
    throwsCode(() => entry({ minutes: 0 }), 'BAD_USER_INPUT', 'minutes');
    throwsCode(() => entry({ minutes: 1441 }), 'BAD_USER_INPUT', 'minutes');
    throwsCode(() => entry({ minutes: 60, billableMinutes: 61 }), 'BAD_USER_INPUT', 'billableMinutes');
    throwsCode(() => entry({ billableClass: 'NON_BILLABLE', billableMinutes: 10 }), 'BAD_USER_INPUT', 'billableMinutes');
    throwsCode(() => entry({ workDate: '2026-01-31' }), 'BAD_USER_INPUT', 'workDate');
    throwsCode(() => entry({ workDate: '2026-07-01' }), 'BAD_USER_INPUT', 'workDate');
    throwsCode(() => entry({ workDate: '2026-13-01' }), 'BAD_USER_INPUT', 'workDate');
    throwsCode(() => entry({ billableClass: 'BILLABLE' }, ctx({ assignment: { ...assignment(project()), isBillable: false } })), 'BAD_USER_INPUT', 'billableClass');
    throwsCode(() => entry({ taskId: 'tsk_missing' }), 'BAD_USER_INPUT', 'taskId');
    const other = project('ACTIVE');
    const foreignTask = createTask('tsk_01JABCDEFGHJKMNPQRSTVWXYZ0', { projectId: other.id, wbsCode: '1', name: 'x' }, other, null, NOW);
    throwsCode(() => entry({ taskId: foreignTask.id }, ctx({ task: { ...foreignTask, projectId: 'prj_other' } })), 'BAD_USER_INPUT', 'taskId');
    // The daily cap counts what is already booked that day.
    assert.equal(entry({ minutes: 240 }, ctx({ minutesBookedThatDay: 1200 })).minutes, 240);
    throwsCode(() => entry({ minutes: 241 }, ctx({ minutesBookedThatDay: 1200 })), 'BAD_USER_INPUT', 'minutes');
    // Project and assignment must be open for booking.
    throwsCode(() => entry({}, ctx({ project: project('ON_HOLD') })), 'INVALID_TRANSITION');
    throwsCode(() => entry({}, ctx({ assignment: { ...assignment(project()), status: 'COMPLETED' } })), 'INVALID_TRANSITION');
  });

  test('only DRAFT and REJECTED entries can be edited; fully billable entries stay fully billable', () => {
    const c = ctx();
    const e = entry({ minutes: 120 }, c);
    const longer = updateTimeEntry(e, { minutes: 180 }, c, LATER);
    assert.equal(longer.billableMinutes, 180);
    assert.equal(longer.version, 2);
    const partial = updateTimeEntry(e, { billableMinutes: 60 }, c, LATER);
    assert.equal(updateTimeEntry(partial, { minutes: 150 }, c, LATER).billableMinutes, 60);
    throwsCode(() => updateTimeEntry(partial, { minutes: 30 }, c, LATER), 'BAD_USER_INPUT', 'billableMinutes');
    assert.equal(updateTimeEntry(e, { billableClass: 'EXCLUDED' }, c, LATER).billableMinutes, 0);
    assert.equal(updateTimeEntry(e, { notes: 'pairing' }, c, LATER).notes, 'pairing');
    const approved = approveTimeEntry(submitTimeEntry(e, c.project, NOW), c.project, c.assignment, 'usr_pm', NOW);
    const frozen = throwsCode(() => updateTimeEntry(approved, { minutes: 60 }, c, LATER), 'INVALID_TRANSITION');
    assert.match(frozen.message, /frozen/);
    const rejected = rejectTimeEntry(submitTimeEntry(e, c.project, NOW), 'wrong task', NOW);
    assert.equal(updateTimeEntry(rejected, { minutes: 90 }, c, LATER).minutes, 90);
  });

  test('hours are minutes / 60 at two decimals', () => {
    assert.equal(timeEntryHours(480), '8.00');
    assert.equal(timeEntryHours(50), '0.83');
    assert.equal(timeEntryHours(1), '0.02');
  });
});

describe('projects domain: approval', () => {
  test('the approval table: submit from DRAFT or REJECTED, decisions only on SUBMITTED, billing only after approval', () => {
    assert.deepEqual(APPROVAL_TRANSITIONS.SUBMIT.from, ['DRAFT', 'REJECTED']);
    const c = ctx();
    const draft = entry({}, c);
    throwsCode(() => approveTimeEntry(draft, c.project, c.assignment, 'u', NOW), 'INVALID_TRANSITION');
    throwsCode(() => rejectTimeEntry(draft, 'no', NOW), 'INVALID_TRANSITION');
    throwsCode(() => retractTimeEntry(draft, NOW), 'INVALID_TRANSITION');
    throwsCode(() => markTimeEntryBilled(draft, NOW), 'INVALID_TRANSITION');
    const submitted = submitTimeEntry(draft, c.project, NOW);
    assert.equal(submitted.status, 'SUBMITTED');
    assert.equal(submitted.submittedAt, NOW);
    throwsCode(() => submitTimeEntry(submitted, c.project, NOW), 'INVALID_TRANSITION');
    const retracted = retractTimeEntry(submitted, LATER);
    assert.deepEqual([retracted.status, retracted.submittedAt, retracted.version], ['DRAFT', null, 3]);
    const rejected = rejectTimeEntry(submitted, ' Wrong task ', LATER);
    assert.deepEqual([rejected.status, rejected.rejectedReason], ['REJECTED', 'Wrong task']);
    const resubmitted = submitTimeEntry(rejected, c.project, LATER);
    assert.deepEqual([resubmitted.status, resubmitted.rejectedReason], ['SUBMITTED', null]);
    throwsCode(() => rejectTimeEntry(submitted, '   ', LATER), 'BAD_USER_INPUT', 'reason');
    throwsCode(() => rejectionReason(''), 'BAD_USER_INPUT', 'reason');
  });

  test('submitting needs an ACTIVE project; approving an ACTIVE or COMPLETED one', () => {
    const c = ctx();
    const draft = entry({}, c);
    const e = throwsCode(() => submitTimeEntry(draft, { ...c.project, status: 'COMPLETED' }, NOW), 'INVALID_TRANSITION');
    assert.match(e.message, /must be ACTIVE/);
    const submitted = submitTimeEntry(draft, c.project, NOW);
    assert.equal(approveTimeEntry(submitted, { ...c.project, status: 'COMPLETED' }, c.assignment, 'u', NOW).status, 'APPROVED');
    throwsCode(() => approveTimeEntry(submitted, { ...c.project, status: 'ON_HOLD' }, c.assignment, 'u', NOW), 'INVALID_TRANSITION');
  });

  test('approval snapshots the assignment rates and prices time with hoursFromMinutes, rounded per entry', () => {
    const c = ctx();
    const submitted = submitTimeEntry(entry({ minutes: 480, billableMinutes: 450 }, c), c.project, NOW);
    const approved = approveTimeEntry(submitted, c.project, c.assignment, 'usr_pm', LATER);
    assert.deepEqual([approved.status, approved.approvedBy, approved.approvedAt, approved.version], ['APPROVED', 'usr_pm', LATER, 3]);
    assert.equal(approved.billRateSnapshot, '150.0000');
    assert.equal(approved.costRateSnapshot, '80.0000');
    assert.deepEqual(approved.billAmount, usd(112_500n)); // 7.5 h × 150
    assert.deepEqual(approved.costAmount, usd(64_000n)); // 8 h × 80
    // 10 minutes = 0.1667 h (scale 4, as billing prices it): × 99.99 = 16.668333 → 16.67, where exact 1/6 h would give 16.665 → 16.66.
    assert.deepEqual(priceTime({ minutes: 10, billableMinutes: 10, billableClass: 'BILLABLE' }, { billRate: '99.9900', costRate: '0.0000' }, 'USD').billAmount, usd(1667n));
    // Zero-decimal currency: 90 minutes × ¥12 345.5 = 18 518.25 → ¥18 518.
    assert.deepEqual(priceTime({ minutes: 90, billableMinutes: 90, billableClass: 'BILLABLE' }, { billRate: '12345.5000', costRate: '5000.0000' }, 'JPY'), {
      billRateSnapshot: '12345.5000', costRateSnapshot: '5000.0000', billAmount: money(18_518n, 'JPY'), costAmount: money(7_500n, 'JPY'),
    });
    // Non-billable time has a cost but no bill rate or value.
    const internal = priceTime({ minutes: 60, billableMinutes: 0, billableClass: 'NON_BILLABLE' }, { billRate: '150.0000', costRate: '80.0000' }, 'USD');
    assert.deepEqual(internal, { billRateSnapshot: null, costRateSnapshot: '80.0000', billAmount: null, costAmount: usd(8_000n) });
  });

  test('billing drives APPROVED ↔ BILLED; non-billable time is never billed', () => {
    const c = ctx();
    const approved = approveTimeEntry(submitTimeEntry(entry({}, c), c.project, NOW), c.project, c.assignment, 'u', NOW);
    const billed = markTimeEntryBilled(approved, LATER);
    assert.equal(billed.status, 'BILLED');
    assert.deepEqual(billed.billAmount, approved.billAmount);
    throwsCode(() => markTimeEntryBilled(billed, LATER), 'INVALID_TRANSITION');
    assert.equal(unbillTimeEntry(billed, LATER).status, 'APPROVED');
    const internal = approveTimeEntry(submitTimeEntry(entry({ billableClass: 'NON_BILLABLE' }, c), c.project, NOW), c.project, c.assignment, 'u', NOW);
    throwsCode(() => markTimeEntryBilled(internal, LATER), 'INVALID_TRANSITION');
  });

  test('batches: 1–5000 entries, no duplicates; locked entries come back in input order or the batch fails', () => {
    throwsCode(() => validateBatch([]), 'BAD_USER_INPUT', 'entries');
    throwsCode(() => validateBatch(Array.from({ length: MAX_BATCH_SIZE + 1 }, (_, i) => ({ id: `te_${i}` }))), 'BAD_USER_INPUT', 'entries');
    const dup = throwsCode(() => validateBatch([{ id: 'te_a' }, { id: 'te_b' }, { id: 'te_a' }]), 'BAD_USER_INPUT', 'entries');
    assert.deepEqual(dup.details.duplicates, ['te_a']);
    assert.equal(validateBatch(Array.from({ length: MAX_BATCH_SIZE }, (_, i) => ({ id: `te_${i}` }))).length, MAX_BATCH_SIZE);
    const locked = [{ id: 'te_a', version: 1 }, { id: 'te_b', version: 4 }];
    assert.deepEqual(alignBatch('TimeEntry', [{ id: 'te_b', expectedVersion: 4 }, { id: 'te_a' }], locked).map((e) => e.id), ['te_b', 'te_a']);
    throwsCode(() => alignBatch('TimeEntry', [{ id: 'te_a' }, { id: 'te_c' }], locked), 'NOT_FOUND');
    const stale = throwsCode(() => alignBatch('TimeEntry', [{ id: 'te_b', expectedVersion: 3 }], locked), 'VERSION_CONFLICT');
    assert.equal(stale.details.currentVersion, 4);
  });

  test('resubmitted rejected time must fit the daily cap next to what was booked since', () => {
    const e = { ...entry({ minutes: 300 }), status: 'REJECTED' as const };
    requireWithinDailyCap([{ resourceId: RES, workDate: e.workDate, minutes: 1140 }], [e]);
    throwsCode(() => requireWithinDailyCap([{ resourceId: RES, workDate: e.workDate, minutes: 1141 }], [e]), 'BAD_USER_INPUT', 'entries');
    throwsCode(() => requireWithinDailyCap([], [e, { ...e, id: 'te_2', minutes: 1141 }]), 'BAD_USER_INPUT', 'entries');
  });
});

describe('projects domain: expenses', () => {
  const input = { resourceId: RES, projectId: 'prj_01JABCDEFGHJKMNPQRSTVWXYZ0', incurredOn: '2026-03-02', category: 'TRAVEL' };

  test('same-currency expenses convert at 1; foreign ones need a rate and round once into the project currency', () => {
    assert.deepEqual(convertExpense(usd(12_345n), 'USD', null), { fxRateToProject: '1', projectAmount: usd(12_345n) });
    assert.deepEqual(convertExpense(usd(12_345n), 'USD', '1.000'), { fxRateToProject: '1', projectAmount: usd(12_345n) });
    throwsCode(() => convertExpense(usd(1n), 'USD', '1.1'), 'BAD_USER_INPUT', 'fxRateToProject');
    throwsCode(() => convertExpense(money(10_000n, 'EUR'), 'USD', null), 'BAD_USER_INPUT', 'fxRateToProject');
    throwsCode(() => convertExpense(money(10_000n, 'EUR'), 'USD', '0'), 'BAD_USER_INPUT', 'fxRateToProject');
    throwsCode(() => convertExpense(money(10_000n, 'EUR'), 'USD', '1.12345678901'), 'BAD_USER_INPUT', 'fxRateToProject');
    // EUR 100.00 × 1.08555 = 108.555 → half-even → USD 108.56; the rate is kept without trailing zeros.
    assert.deepEqual(convertExpense(money(10_000n, 'EUR'), 'USD', '1.085550'), { fxRateToProject: '1.08555', projectAmount: usd(10_856n) });
    // JPY → USD: ¥15 000 × 0.0067 = 100.50.
    assert.deepEqual(convertExpense(money(15_000n, 'JPY'), 'USD', '0.0067').projectAmount, usd(10_050n));
  });

  test('bill amount = project amount plus markup, rounded once; null when not billable', () => {
    assert.deepEqual(expenseBillAmount(usd(10_856n), true, '10.00'), usd(11_942n)); // 119.416 → 119.42
    assert.deepEqual(expenseBillAmount(usd(10_856n), true, null), usd(10_856n));
    assert.equal(expenseBillAmount(usd(10_856n), false, '10.00'), null);
    const e = createExpenseEntry('exp_x', { ...input, amount: money(10_000n, 'EUR'), fxRateToProject: '1.08555', markupPct: '10' }, project(), resource(), NOW);
    assert.deepEqual([e.markupPct, e.fxRateToProject, e.status, e.reimbursable, e.billable], ['10.00', '1.08555', 'DRAFT', true, true]);
    assert.deepEqual(e.billAmount, usd(11_942n));
  });

  test('validation and lifecycle', () => {
    throwsCode(() => createExpenseEntry('exp_x', { ...input, amount: usd(0n) }, project(), resource(), NOW), 'BAD_USER_INPUT', 'amount');
    throwsCode(() => createExpenseEntry('exp_x', { ...input, amount: usd(1n), category: 'x'.repeat(51) }, project(), resource(), NOW), 'BAD_USER_INPUT', 'category');
    throwsCode(() => createExpenseEntry('exp_x', { ...input, amount: usd(1n), markupPct: '100.5' }, project(), resource(), NOW), 'BAD_USER_INPUT', 'markupPct');
    throwsCode(() => createExpenseEntry('exp_x', { ...input, amount: usd(1n) }, project('DRAFT'), resource(), NOW), 'INVALID_TRANSITION');
    const p = project();
    const e = createExpenseEntry('exp_x', { ...input, amount: usd(5_000n), billable: false }, p, resource(), NOW);
    const approved = approveExpenseEntry(submitExpenseEntry(e, p, NOW), p, 'usr_pm', LATER);
    assert.deepEqual([approved.status, approved.approvedBy, approved.version], ['APPROVED', 'usr_pm', 3]);
    throwsCode(() => markExpenseEntryBilled(approved, LATER), 'INVALID_TRANSITION');
    assert.equal(rejectExpenseEntry(submitExpenseEntry(e, p, NOW), 'no receipt', LATER).rejectedReason, 'no receipt');
  });
});

describe('projects domain: milestones', () => {
  test('billing amount in the project currency and above zero; weight at scale 2', () => {
    const p = project();
    const m = createMilestone('ms_x', { projectId: p.id, name: 'Go-live', dueDate: '2026-06-30', billingAmount: usd(5_000_000n), revenueWeightPct: '40' }, p, NOW);
    assert.deepEqual([m.status, m.revenueWeightPct], ['PLANNED', '40.00']);
    throwsCode(() => createMilestone('ms_x', { projectId: p.id, name: 'x', dueDate: '2026-06-30', billingAmount: money(1n, 'EUR') }, p, NOW), 'BAD_USER_INPUT', 'billingAmount');
    throwsCode(() => createMilestone('ms_x', { projectId: p.id, name: 'x', dueDate: '2026-06-30', billingAmount: usd(0n) }, p, NOW), 'BAD_USER_INPUT', 'billingAmount');
    throwsCode(() => createMilestone('ms_x', { projectId: p.id, name: 'x', dueDate: '2026-06-30', revenueWeightPct: '101' }, p, NOW), 'BAD_USER_INPUT', 'revenueWeightPct');
  });

  test('delivery, rework and acceptance', () => {
    const p = project();
    const m = createMilestone('ms_x', { projectId: p.id, name: 'Go-live', dueDate: '2026-06-30' }, p, NOW);
    const started = transitionMilestone(m, p, 'START', null, NOW);
    const completed = transitionMilestone(started, p, 'COMPLETE', null, NOW);
    assert.equal(completed.completedAt, NOW);
    assert.equal(transitionMilestone(completed, p, 'REWORK', null, LATER).completedAt, null);
    throwsCode(() => transitionMilestone(completed, p, 'CANCEL', null, LATER), 'INVALID_TRANSITION');
    throwsCode(() => transitionMilestone(started, p, 'COMPLETE', 'con_01JABCDEFGHJKMNPQRSTVWXYZ0', LATER), 'BAD_USER_INPUT', 'acceptedByContactId');
    const accepted = transitionMilestone(completed, p, 'ACCEPT', 'con_01JABCDEFGHJKMNPQRSTVWXYZ0', LATER);
    assert.deepEqual([accepted.status, accepted.acceptedAt, accepted.acceptedByContactId, accepted.version], ['ACCEPTED', LATER, 'con_01JABCDEFGHJKMNPQRSTVWXYZ0', 4]);
    throwsCode(() => transitionMilestone(completed, p, 'ACCEPT', 'not-a-contact', LATER), 'BAD_USER_INPUT', 'acceptedByContactId');
    throwsCode(() => transitionMilestone(m, { ...p, status: 'CLOSED' }, 'START', null, LATER), 'INVALID_TRANSITION');
  });
});

describe('projects domain: legal-entity scoping', () => {
  test('every row created under a project takes the project\'s legal entity, whoever employs the resource', () => {
    const p = project('ACTIVE', { legalEntityId: 'le_ca', currency: 'CAD' });
    const employedInUs = resource();
    assert.equal(employedInUs.legalEntityId, 'le_us');
    const a = createAssignment('asg_x', {
      projectId: p.id, resourceId: RES, roleCode: 'CONSULTANT', startDate: '2026-02-01', endDate: '2026-06-30', scheduledMinutes: 600, billRate: '150', costRate: '80',
    }, p, employedInUs, NOW);
    const te = entry({}, ctx({ project: p, assignment: a }));
    const ex = createExpenseEntry('exp_x', { resourceId: RES, projectId: p.id, incurredOn: '2026-03-02', category: 'TRAVEL', amount: money(1000n, 'CAD') }, p, employedInUs, NOW);
    const t = createTask('tsk_x', { projectId: p.id, wbsCode: '1', name: 'Design' }, p, null, NOW);
    const m = createMilestone('ms_x', { projectId: p.id, name: 'Go-live', dueDate: '2026-06-30' }, p, NOW);
    assert.deepEqual([a, te, ex, t, m].map((r) => r.legalEntityId), ['le_ca', 'le_ca', 'le_ca', 'le_ca', 'le_ca']);
    // Transitions never move a row to another legal entity.
    assert.equal(transitionAssignment(a, 'CONFIRM', 0, LATER).legalEntityId, 'le_ca');
    assert.equal(submitTimeEntry(te, p, LATER).legalEntityId, 'le_ca');
  });
});
