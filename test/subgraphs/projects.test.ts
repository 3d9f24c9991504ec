import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newId, systemInvocation } from '../../platform/domain/index.js';
import { createProject } from '../../subgraphs/projects/src/domain/project.js';
import { markTimeEntryBilled } from '../../subgraphs/projects/src/domain/time-entry.js';
import { createProjectsSubgraph, projectsMigrations } from '../../subgraphs/projects/src/index.js';
import { projects as projectsTable } from '../../subgraphs/projects/src/repository/tables.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

type Subgraph = ReturnType<typeof createProjectsSubgraph>;
let h: SubgraphHarness<ReturnType<Subgraph['createContext']>>;
let sub: Subgraph;

before(async () => {
  const db = await openTestDatabase('projects', projectsMigrations());
  sub = createProjectsSubgraph(db);
  h = await SubgraphHarness.start(sub, db);
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const usd = (minor: string) => ({ amountMinor: minor, currency: 'USD' });
const accountId = () => newId('acc');
let employeeSeq = 0;

async function resource(overrides: Record<string, unknown> = {}): Promise<string> {
  employeeSeq += 1;
  const d = await h.ok<{ createResource: { id: string } }>(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: {
      employeeNumber: `E-${process.pid}-${employeeSeq}`, displayName: `Consultant ${employeeSeq}`, roleCode: 'CONSULTANT', legalEntityId: 'le_us',
      employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: 'USD' }], ...overrides,
    },
  });
  return d.createResource.id;
}

let manager: string;
async function pm(): Promise<string> {
  manager ??= await resource();
  return manager;
}

async function project(overrides: Record<string, unknown> = {}, activate = true): Promise<string> {
  const d = await h.ok<{ createProject: { id: string } }>(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
    i: {
      name: 'ERP rollout', accountId: accountId(), legalEntityId: 'le_us', billingModel: 'TIME_AND_MATERIALS', currency: 'USD', startDate: '2026-01-05',
      projectManagerId: await pm(), ...overrides,
    },
  });
  const id = d.createProject.id;
  if (activate) await transition(id, 'ACTIVATE');
  return id;
}

async function transition(id: string, action: string): Promise<any> {
  return (await h.ok<{ transitionProject: any }>(`mutation($id: ID!, $a: ProjectAction!) { transitionProject(input: { id: $id, action: $a }) { status version } }`, { id, a: action })).transitionProject;
}

async function assignment(projectId: string, resourceId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const d = await h.ok<{ createAssignment: { id: string } }>(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
    i: { projectId, resourceId, roleCode: 'CONSULTANT', startDate: '2026-02-01', endDate: '2026-06-30', scheduledMinutes: 48000, billRate: '150', costRate: '80', ...overrides },
  });
  return d.createAssignment.id;
}

const TE_FIELDS = 'id version status minutes billableMinutes billableClass hours workDate submittedAt approvedAt approvedBy rejectedReason billRateSnapshot costRateSnapshot billAmount { amountMinor currency } costAmount { amountMinor currency }';

async function timeEntry(assignmentId: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const d = await h.ok<{ createTimeEntry: any }>(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { ${TE_FIELDS} } }`, {
    i: { assignmentId, workDate: '2026-03-02', minutes: 480, ...overrides },
  });
  return d.createTimeEntry;
}

async function batch(mutation: string, ids: string[], extra = ''): Promise<any[]> {
  const d = await h.ok<Record<string, any[]>>(`mutation($e: [VersionedRef!]!) { ${mutation}(input: { entries: $e ${extra} }) { ${mutation.includes('Expense') ? 'id status version' : TE_FIELDS} } }`, {
    e: ids.map((id) => ({ id })),
  });
  return d[mutation] as any[];
}

/** A fresh ACTIVE project with one resource on one billable assignment. */
async function staffed(): Promise<{ projectId: string; resourceId: string; assignmentId: string }> {
  const projectId = await project();
  const resourceId = await resource();
  const assignmentId = await assignment(projectId, resourceId);
  return { projectId, resourceId, assignmentId };
}

async function timeEntryCount(projectId: string): Promise<number> {
  const d = await h.ok<{ timeEntries: { edges: unknown[] } }>(`query($p: ID!) { timeEntries(first: 1000, filter: { projectId: $p }) { edges { node { id } } } }`, { p: projectId });
  return d.timeEntries.edges.length;
}

describe('projects: projects', () => {
  test('create generates sequential codes, stores the threshold at scale 2 and starts DRAFT / ON_TRACK', async () => {
    const acc = accountId();
    const d = await h.ok<{ a: any; b: any }>(
      `mutation($i: CreateProjectInput!, $j: CreateProjectInput!) { a: createProject(input: $i) { code status health version marginThresholdPct budgetRevenue { amount } account { id } opportunity { id } contract { id } legalEntity { id } legalEntityId actualCost { amountMinor currency } deliveredValue { amountMinor } approvedMinutes tasks { id } milestones { id } assignments { id } }
        b: createProject(input: $j) { code } }`,
      {
        i: { name: 'A', accountId: acc, legalEntityId: 'le_us', billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-01-05', projectManagerId: await pm(), marginThresholdPct: '25', budgetRevenue: usd('1000000') },
        j: { name: 'B', accountId: acc, legalEntityId: 'le_us', billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-01-05', projectManagerId: await pm() },
      },
    );
    assert.match(d.a.code, /^PRJ-\d{6}$/);
    assert.equal(Number(d.b.code.slice(4)), Number(d.a.code.slice(4)) + 1);
    assert.deepEqual(
      { ...d.a, code: undefined },
      {
        code: undefined, status: 'DRAFT', health: 'ON_TRACK', version: 1, marginThresholdPct: '25.00', budgetRevenue: { amount: '10000.00' }, account: { id: acc },
        opportunity: null, contract: null, legalEntity: { id: 'le_us' }, legalEntityId: 'le_us', actualCost: { amountMinor: '0', currency: 'USD' },
        deliveredValue: { amountMinor: '0' }, approvedMinutes: 0, tasks: [], milestones: [], assignments: [],
      },
    );
  });

  test('a generated code skips codes already taken in the generated shape', async () => {
    const taken = await h.ok<{ createProject: { code: string } }>(`mutation($i: CreateProjectInput!) { createProject(input: $i) { code } }`, {
      i: { name: 'Manual', code: 'PRJ-900000', accountId: accountId(), legalEntityId: 'le_us', billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-01-05', projectManagerId: await pm() },
    });
    assert.equal(taken.createProject.code, 'PRJ-900000');
    const next = await h.ok<{ project: { code: string } }>(`query($id: ID!) { project(id: $id) { code } }`, { id: await project({}, false) });
    assert.equal(next.project.code, 'PRJ-900001');
  });

  test('a duplicate code or a second project for the same opportunity is a CONFLICT and writes nothing', async () => {
    const acc = accountId();
    const opp = newId('opp');
    const base = { name: 'X', accountId: acc, legalEntityId: 'le_us', billingModel: 'TIME_AND_MATERIALS', currency: 'USD', startDate: '2026-01-05', projectManagerId: await pm() };
    await h.ok(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, code: 'DUP-1', opportunityId: opp } });
    const dupCode = await h.run(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, code: 'DUP-1' } });
    assert.equal(dupCode.errors?.[0]?.extensions?.code, 'CONFLICT');
    const dupOpp = await h.run(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, opportunityId: opp } });
    assert.equal(dupOpp.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.match(dupOpp.errors?.[0]?.message ?? '', /already has project/);
    const list = await h.ok<{ projects: { edges: unknown[] } }>(`query($a: ID!) { projects(filter: { accountId: $a }) { edges { node { id } } } }`, { a: acc });
    assert.equal(list.projects.edges.length, 1);
  });

  test('invalid input is BAD_USER_INPUT and nothing is written', async () => {
    const acc = accountId();
    const base = { name: 'X', accountId: acc, legalEntityId: 'le_us', billingModel: 'TIME_AND_MATERIALS', currency: 'USD', startDate: '2026-01-05', projectManagerId: await pm() };
    const bad: Array<Record<string, unknown>> = [
      { name: '' }, { name: 'x'.repeat(201) }, { endDate: '2026-01-04' }, { budgetRevenue: { amountMinor: '100', currency: 'EUR' } }, { budgetCost: usd('-1') },
      { budgetMinutes: -5 }, { marginThresholdPct: '100.5' }, { marginThresholdPct: '1.234' }, { projectManagerId: 'res_01JABCDEFGHJKMNPQRSTVWXYZ0' },
      { startDate: '2026-02-30' }, { currency: 'XXX' },
    ];
    for (const patch of bad) {
      const r = await h.run(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, ...patch } });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(patch));
    }
    const list = await h.ok<{ projects: { edges: unknown[] } }>(`query($a: ID!) { projects(filter: { accountId: $a }) { edges { node { id } } } }`, { a: acc });
    assert.equal(list.projects.edges.length, 0);
  });

  test('lifecycle with timestamps; a refused transition names the allowed actions', async () => {
    const id = await project({}, false);
    const refused = await h.run(`mutation($id: ID!) { transitionProject(input: { id: $id, action: COMPLETE }) { id } }`, { id });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.deepEqual(refused.errors?.[0]?.extensions?.allowedActions, ['ACTIVATE', 'CANCEL']);
    for (const [action, status] of [['ACTIVATE', 'ACTIVE'], ['HOLD', 'ON_HOLD'], ['RESUME', 'ACTIVE'], ['COMPLETE', 'COMPLETED'], ['REOPEN', 'ACTIVE'], ['COMPLETE', 'COMPLETED'], ['CLOSE', 'CLOSED']]) {
      assert.equal((await transition(id, action as string)).status, status);
    }
    const p = await h.ok<{ project: any }>(`query($id: ID!) { project(id: $id) { version activatedAt completedAt closedAt } }`, { id });
    assert.equal(p.project.version, 8);
    for (const ts of [p.project.activatedAt, p.project.completedAt, p.project.closedAt]) assert.match(ts, /^\d{4}-\d{2}-\d{2}T.*Z$/);
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateProject(input: { id: $id, name: "Late edit" }) { id } }`, { id }), 'INVALID_TRANSITION');
  });

  test('update: absent fields stay, null clears, a stale expectedVersion is a VERSION_CONFLICT that writes nothing', async () => {
    const id = await project({ budgetCost: usd('5000000'), marginThresholdPct: '20' });
    const d = await h.ok<{ updateProject: any }>(`mutation($id: ID!) { updateProject(input: { id: $id, expectedVersion: 2, name: "Renamed", budgetCost: null, health: AT_RISK, endDate: "2026-12-31" }) { version name budgetCost { amount } marginThresholdPct health endDate } }`, { id });
    assert.deepEqual(d.updateProject, { version: 3, name: 'Renamed', budgetCost: null, marginThresholdPct: '20.00', health: 'AT_RISK', endDate: '2026-12-31' });
    const stale = await h.run(`mutation($id: ID!) { updateProject(input: { id: $id, expectedVersion: 2, name: "Lost update" }) { id } }`, { id });
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.equal(stale.errors?.[0]?.extensions?.currentVersion, 3);
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateProject(input: { id: $id, endDate: "2025-01-01" }) { id } }`, { id }), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateProject(input: { id: $id, budgetRevenue: { amountMinor: "1", currency: "CAD" } }) { id } }`, { id }), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`mutation { updateProject(input: { id: "prj_01JABCDEFGHJKMNPQRSTVWXYZ0", name: "x" }) { id } }`), 'NOT_FOUND');
    const now = await h.ok<{ project: any }>(`query($id: ID!) { project(id: $id) { name version endDate } }`, { id });
    assert.deepEqual(now.project, { name: 'Renamed', version: 3, endDate: '2026-12-31' });
  });
});

describe('projects: tasks, resources, assignments, milestones', () => {
  test('tasks: WBS unique per project, parent in the same project, natural WBS order, transitions', async () => {
    const p = await project();
    const mk = async (wbsCode: string, extra: Record<string, unknown> = {}) =>
      (await h.ok<{ createTask: any }>(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id wbsCode status isBillable parentTask { wbsCode } project { id } } }`, {
        i: { projectId: p, wbsCode, name: `Task ${wbsCode}`, ...extra },
      })).createTask;
    const root = await mk('1');
    for (const code of ['2', '1.10', '1.2']) await mk(code, code.startsWith('1.') ? { parentTaskId: root.id } : {});
    const child = await mk('1.2.1', { parentTaskId: root.id, isBillable: false, plannedStart: '2026-02-01', plannedEnd: '2026-02-10' });
    assert.deepEqual([child.parentTask.wbsCode, child.isBillable, child.project.id], ['1', false, p]);
    assert.equal(await h.errorCode(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "1.10", name: "dup" }) { id } }`, { p }), 'CONFLICT');
    const other = await project();
    assert.equal(await h.errorCode(`mutation($p: ID!, $parent: ID!) { createTask(input: { projectId: $p, parentTaskId: $parent, wbsCode: "1", name: "x" }) { id } }`, { p: other, parent: root.id }), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "3", name: "x", plannedStart: "2026-02-10", plannedEnd: "2026-02-01" }) { id } }`, { p }), 'BAD_USER_INPUT');
    const tasks = await h.ok<{ project: { tasks: Array<{ wbsCode: string }> } }>(`query($p: ID!) { project(id: $p) { tasks { wbsCode } } }`, { p });
    assert.deepEqual(tasks.project.tasks.map((t) => t.wbsCode), ['1', '1.2', '1.2.1', '1.10', '2']);
    const tr = (action: string) => h.run<{ transitionTask: any }>(`mutation($id: ID!, $a: TaskAction!) { transitionTask(input: { id: $id, action: $a }) { status version } }`, { id: child.id, a: action });
    assert.equal((await tr('COMPLETE')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    for (const [action, status] of [['START', 'IN_PROGRESS'], ['BLOCK', 'BLOCKED'], ['UNBLOCK', 'IN_PROGRESS'], ['COMPLETE', 'COMPLETED'], ['REOPEN', 'IN_PROGRESS'], ['CANCEL', 'CANCELLED']]) {
      assert.equal((await tr(action as string)).data?.transitionTask.status, status);
    }
    const t = await h.ok<{ task: any }>(`query($id: ID!) { task(id: $id) { status version } }`, { id: child.id });
    assert.deepEqual(t.task, { status: 'CANCELLED', version: 7 });
  });

  test('resources: unique employee number, sorted cost rates, merging added rates, version conflicts', async () => {
    const d = await h.ok<{ createResource: any }>(`mutation { createResource(input: { employeeNumber: "UNIQ-7", displayName: "Dee", roleCode: "ARCHITECT", legalEntityId: "le_ca", employmentType: CONTRACTOR, weeklyCapacityMinutes: 1200, utilizationTargetPct: "75", costRates: [{ effectiveFrom: "2026-06-01", rate: "101.25", currency: "CAD" }, { effectiveFrom: "2026-01-01", rate: "99", currency: "CAD" }] }) { id version weeklyCapacityMinutes utilizationTargetPct active costRates { effectiveFrom rate currency } } }`);
    const r = d.createResource;
    assert.deepEqual(r.costRates, [{ effectiveFrom: '2026-01-01', rate: '99.0000', currency: 'CAD' }, { effectiveFrom: '2026-06-01', rate: '101.2500', currency: 'CAD' }]);
    assert.deepEqual([r.weeklyCapacityMinutes, r.utilizationTargetPct, r.active], [1200, '75.00', true]);
    assert.equal(await h.errorCode(`mutation { createResource(input: { employeeNumber: "UNIQ-7", displayName: "Twin", roleCode: "X", legalEntityId: "le_ca", employmentType: EMPLOYEE, costRates: [{ effectiveFrom: "2026-01-01", rate: "1", currency: "CAD" }] }) { id } }`), 'CONFLICT');
    assert.equal(await h.errorCode(`mutation { createResource(input: { employeeNumber: "UNIQ-8", displayName: "No rate", roleCode: "X", legalEntityId: "le_ca", employmentType: EMPLOYEE, costRates: [] }) { id } }`), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`mutation { createResource(input: { employeeNumber: "UNIQ-9", displayName: "Big week", roleCode: "X", legalEntityId: "le_ca", employmentType: EMPLOYEE, weeklyCapacityMinutes: 10081, costRates: [{ effectiveFrom: "2026-01-01", rate: "1", currency: "CAD" }] }) { id } }`), 'BAD_USER_INPUT');
    const dupDate = await h.run(`mutation($id: ID!) { updateResource(input: { id: $id, addCostRates: [{ effectiveFrom: "2026-06-01", rate: "120", currency: "CAD" }] }) { id } }`, { id: r.id });
    assert.equal(dupDate.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const u = await h.ok<{ updateResource: any }>(`mutation($id: ID!) { updateResource(input: { id: $id, expectedVersion: 1, level: "L3", active: false, addCostRates: [{ effectiveFrom: "2026-03-01", rate: "100", currency: "CAD" }] }) { version level active costRates { effectiveFrom } } }`, { id: r.id });
    assert.deepEqual(u.updateResource, { version: 2, level: 'L3', active: false, costRates: [{ effectiveFrom: '2026-01-01' }, { effectiveFrom: '2026-03-01' }, { effectiveFrom: '2026-06-01' }] });
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateResource(input: { id: $id, expectedVersion: 1, level: "L4" }) { id } }`, { id: r.id }), 'VERSION_CONFLICT');
  });

  test('assignments: scale-4 rates, open projects and active resources only, cancel waits for submitted time', async () => {
    const { projectId, resourceId, assignmentId } = await staffed();
    const a = await h.ok<{ assignment: any }>(`query($id: ID!) { assignment(id: $id) { billRate costRate isBillable status roleCode project { id } resource { id } } }`, { id: assignmentId });
    assert.deepEqual(a.assignment, { billRate: '150.0000', costRate: '80.0000', isBillable: true, status: 'TENTATIVE', roleCode: 'CONSULTANT', project: { id: projectId }, resource: { id: resourceId } });
    const input = { projectId, resourceId, roleCode: 'C', startDate: '2026-02-01', endDate: '2026-02-28', scheduledMinutes: 600, billRate: '1', costRate: '1' };
    const create = (i: Record<string, unknown>) => h.errorCode(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, { i });
    assert.equal(await create({ ...input, billRate: '1.00001' }), 'BAD_USER_INPUT');
    assert.equal(await create({ ...input, costRate: '-1' }), 'BAD_USER_INPUT');
    assert.equal(await create({ ...input, endDate: '2026-01-01' }), 'BAD_USER_INPUT');
    assert.equal(await create({ ...input, projectId: 'prj_01JABCDEFGHJKMNPQRSTVWXYZ0' }), 'BAD_USER_INPUT');
    const inactive = await resource();
    await h.ok(`mutation($id: ID!) { updateResource(input: { id: $id, active: false }) { id } }`, { id: inactive });
    assert.equal(await create({ ...input, resourceId: inactive }), 'BAD_USER_INPUT');
    const cancelled = await project();
    await transition(cancelled, 'CANCEL');
    assert.equal(await create({ ...input, projectId: cancelled }), 'INVALID_TRANSITION');

    const te = await timeEntry(assignmentId);
    await batch('submitTimeEntries', [te.id]);
    const tr = (action: string) => h.run<{ transitionAssignment: any }>(`mutation($id: ID!, $a: AssignmentAction!) { transitionAssignment(input: { id: $id, action: $a }) { status } }`, { id: assignmentId, a: action });
    assert.equal((await tr('CONFIRM')).data?.transitionAssignment.status, 'CONFIRMED');
    const refused = await tr('CANCEL');
    assert.equal(refused.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.match(refused.errors?.[0]?.message ?? '', /submitted time/);
    await batch('retractTimeEntries', [te.id]);
    assert.equal((await tr('CANCEL')).data?.transitionAssignment.status, 'CANCELLED');
    assert.equal((await tr('COMPLETE')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
  });

  test('milestones: project currency, ordering by due date, delivery and acceptance', async () => {
    const p = await project();
    const mk = async (name: string, dueDate: string, billingAmount?: unknown) =>
      (await h.ok<{ createMilestone: any }>(`mutation($i: CreateMilestoneInput!) { createMilestone(input: $i) { id status version revenueWeightPct billingAmount { amountMinor } project { id } } }`, {
        i: { projectId: p, name, dueDate, billingAmount, revenueWeightPct: '50' },
      })).createMilestone;
    const late = await mk('Go-live', '2026-06-30', usd('2500000'));
    const early = await mk('Design', '2026-03-31');
    assert.deepEqual([late.status, late.revenueWeightPct, late.billingAmount.amountMinor, late.project.id], ['PLANNED', '50.00', '2500000', p]);
    assert.equal(await h.errorCode(`mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "x", dueDate: "2026-05-01", billingAmount: { amountMinor: "100", currency: "EUR" } }) { id } }`, { p }), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "x", dueDate: "2026-05-01", billingAmount: { amountMinor: "0", currency: "USD" } }) { id } }`, { p }), 'BAD_USER_INPUT');
    const order = await h.ok<{ project: { milestones: Array<{ name: string }> } }>(`query($p: ID!) { project(id: $p) { milestones { name } } }`, { p });
    assert.deepEqual(order.project.milestones.map((m) => m.name), ['Design', 'Go-live']);
    const tr = (action: string, contact?: string) =>
      h.run<{ transitionMilestone: any }>(`mutation($id: ID!, $a: MilestoneAction!, $c: ID) { transitionMilestone(input: { id: $id, action: $a, acceptedByContactId: $c }) { status completedAt acceptedAt acceptedBy { id } } }`, { id: late.id, a: action, c: contact });
    assert.equal((await tr('ACCEPT')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    await tr('START');
    const done = (await tr('COMPLETE')).data?.transitionMilestone;
    assert.match(done.completedAt, /Z$/);
    assert.equal((await tr('REWORK')).data?.transitionMilestone.completedAt, null);
    await tr('COMPLETE');
    const contact = newId('con');
    const accepted = (await tr('ACCEPT', contact)).data?.transitionMilestone;
    assert.deepEqual([accepted.status, accepted.acceptedBy], ['ACCEPTED', { id: contact }]);
    assert.match(accepted.acceptedAt, /Z$/);
    const cancel = await h.run(`mutation($id: ID!) { transitionMilestone(input: { id: $id, action: CANCEL }) { status } }`, { id: early.id });
    assert.equal((cancel.data as any)?.transitionMilestone.status, 'CANCELLED');
  });
});

describe('projects: time entries', () => {
  test('create: defaults from the assignment, hours, no amounts before approval', async () => {
    const { projectId, resourceId, assignmentId } = await staffed();
    const te = await timeEntry(assignmentId, { minutes: 50, notes: 'Workshop' });
    assert.deepEqual(
      { status: te.status, version: te.version, billableClass: te.billableClass, billableMinutes: te.billableMinutes, hours: te.hours, billAmount: te.billAmount, costAmount: te.costAmount, billRateSnapshot: te.billRateSnapshot },
      { status: 'DRAFT', version: 1, billableClass: 'BILLABLE', billableMinutes: 50, hours: '0.83', billAmount: null, costAmount: null, billRateSnapshot: null },
    );
    const read = await h.ok<{ timeEntry: any }>(`query($id: ID!) { timeEntry(id: $id) { notes project { id } resource { id } assignment { id } task { id } } }`, { id: te.id });
    assert.deepEqual(read.timeEntry, { notes: 'Workshop', project: { id: projectId }, resource: { id: resourceId }, assignment: { id: assignmentId }, task: null });
    const internal = await assignment(projectId, resourceId, { isBillable: false });
    const nb = await timeEntry(internal, { workDate: '2026-03-03', minutes: 60 });
    assert.deepEqual([nb.billableClass, nb.billableMinutes], ['NON_BILLABLE', 0]);
  });

  test('create: every booking rule is enforced and a refused entry writes nothing', async () => {
    const { projectId, resourceId, assignmentId } = await staffed();
    const otherProject = await project();
    const foreignTask = (await h.ok<{ createTask: { id: string } }>(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "1", name: "x" }) { id } }`, { p: otherProject })).createTask.id;
    const internal = await assignment(projectId, resourceId, { isBillable: false });
    await timeEntry(assignmentId, { workDate: '2026-03-10', minutes: 1000 });
    const before = await timeEntryCount(projectId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ minutes: 0 }, 'BAD_USER_INPUT'],
      [{ minutes: 1441 }, 'BAD_USER_INPUT'],
      [{ workDate: '2026-01-31' }, 'BAD_USER_INPUT'],
      [{ workDate: '2026-07-01' }, 'BAD_USER_INPUT'],
      [{ minutes: 60, billableMinutes: 61 }, 'BAD_USER_INPUT'],
      [{ billableClass: 'CREDITED', billableMinutes: 30 }, 'BAD_USER_INPUT'],
      [{ assignmentId: internal, billableClass: 'BILLABLE' }, 'BAD_USER_INPUT'],
      [{ taskId: foreignTask }, 'BAD_USER_INPUT'],
      [{ assignmentId: 'asg_01JABCDEFGHJKMNPQRSTVWXYZ0' }, 'BAD_USER_INPUT'],
      // 1000 minutes already booked on 2026-03-10: 441 more would exceed 24 hours.
      [{ workDate: '2026-03-10', minutes: 441 }, 'BAD_USER_INPUT'],
    ];
    for (const [patch, code] of cases) {
      const r = await h.run(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId, workDate: '2026-03-02', minutes: 480, ...patch } });
      assert.equal(r.errors?.[0]?.extensions?.code, code, JSON.stringify(patch));
    }
    assert.equal((await timeEntry(assignmentId, { workDate: '2026-03-10', minutes: 440 })).minutes, 440);
    await transition(projectId, 'HOLD');
    assert.equal(await h.errorCode(`mutation($a: ID!) { createTimeEntry(input: { assignmentId: $a, workDate: "2026-03-03", minutes: 60 }) { id } }`, { a: assignmentId }), 'INVALID_TRANSITION');
    assert.equal(await timeEntryCount(projectId), before + 1);
  });

  test('the daily cap spans the resource\'s projects and ignores rejected time', async () => {
    const a = await staffed();
    const otherProject = await project();
    const second = await assignment(otherProject, a.resourceId);
    const first = await timeEntry(a.assignmentId, { workDate: '2026-04-01', minutes: 1000 });
    assert.equal(await h.errorCode(`mutation($a: ID!) { createTimeEntry(input: { assignmentId: $a, workDate: "2026-04-01", minutes: 500 }) { id } }`, { a: second }), 'BAD_USER_INPUT');
    await batch('submitTimeEntries', [first.id]);
    await batch('rejectTimeEntries', [first.id], ', reason: "Wrong project"');
    const replacement = await timeEntry(second, { workDate: '2026-04-01', minutes: 500 });
    assert.equal(replacement.minutes, 500);
    // Bringing the rejected 1000 minutes back would make the day 1500 minutes.
    const r = await h.run(`mutation($e: [VersionedRef!]!) { submitTimeEntries(input: { entries: $e }) { id } }`, { e: [{ id: first.id }] });
    assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    await h.ok(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 900 }) { minutes } }`, { id: first.id });
    assert.equal((await batch('submitTimeEntries', [first.id]))[0].status, 'SUBMITTED');
  });

  test('update: only DRAFT or REJECTED entries; approved entries are frozen; stale versions conflict', async () => {
    const { assignmentId } = await staffed();
    const te = await timeEntry(assignmentId, { minutes: 120 });
    const u = await h.ok<{ updateTimeEntry: any }>(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, expectedVersion: 1, minutes: 180, notes: "More" }) { version minutes billableMinutes hours } }`, { id: te.id });
    assert.deepEqual(u.updateTimeEntry, { version: 2, minutes: 180, billableMinutes: 180, hours: '3.00' });
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, expectedVersion: 1, minutes: 60 }) { id } }`, { id: te.id }), 'VERSION_CONFLICT');
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, billableMinutes: 500 }) { id } }`, { id: te.id }), 'BAD_USER_INPUT');
    await batch('submitTimeEntries', [te.id]);
    assert.equal(await h.errorCode(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 60 }) { id } }`, { id: te.id }), 'INVALID_TRANSITION');
    await batch('approveTimeEntries', [te.id]);
    const frozen = await h.run(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 60 }) { id } }`, { id: te.id });
    assert.equal(frozen.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.match(frozen.errors?.[0]?.message ?? '', /frozen/);
    const now = await h.ok<{ timeEntry: any }>(`query($id: ID!) { timeEntry(id: $id) { minutes status version } }`, { id: te.id });
    assert.deepEqual(now.timeEntry, { minutes: 180, status: 'APPROVED', version: 4 });
  });

  test('approve snapshots rates and prices each entry exactly as billing does; approvedBy is the actor', async () => {
    const { projectId, resourceId } = await staffed();
    const odd = await assignment(projectId, resourceId, { billRate: '99.99', costRate: '45.5' });
    const a = await timeEntry(odd, { workDate: '2026-03-02', minutes: 10 });
    const b = await timeEntry(odd, { workDate: '2026-03-03', minutes: 480, billableMinutes: 450 });
    const c = await timeEntry(odd, { workDate: '2026-03-04', minutes: 90, billableClass: 'NON_BILLABLE' });
    const submitted = await batch('submitTimeEntries', [a.id, b.id, c.id]);
    assert.deepEqual(submitted.map((e) => [e.status, e.version]), [['SUBMITTED', 2], ['SUBMITTED', 2], ['SUBMITTED', 2]]);
    assert.ok(submitted.every((e) => e.submittedAt));
    const approver = { invocation: { actor: 'usr_approver', correlationId: 't', now: () => '2026-03-05T17:00:00.000Z' } };
    const d = await h.ok<{ approveTimeEntries: any[] }>(`mutation($e: [VersionedRef!]!) { approveTimeEntries(input: { entries: $e }) { ${TE_FIELDS} } }`, {
      e: [{ id: c.id, expectedVersion: 2 }, { id: a.id }, { id: b.id }],
    }, approver);
    const [ec, ea, eb] = d.approveTimeEntries;
    assert.deepEqual([ec.id, ea.id, eb.id], [c.id, a.id, b.id]);
    assert.deepEqual([ea.status, ea.approvedBy, ea.approvedAt, ea.version], ['APPROVED', 'usr_approver', '2026-03-05T17:00:00.000Z', 3]);
    // 10 min = 0.1667 h × 99.99 = 16.668333 → 16.67; cost 0.1667 × 45.5 = 7.58485 → 7.58.
    assert.deepEqual([ea.billRateSnapshot, ea.costRateSnapshot, ea.billAmount, ea.costAmount], ['99.9900', '45.5000', usd('1667'), usd('758')]);
    // 450 billable min = 7.5 h × 99.99 = 749.925 → 749.92 (half-even); 8 h × 45.5 = 364.00.
    assert.deepEqual([eb.billAmount, eb.costAmount], [usd('74992'), usd('36400')]);
    assert.deepEqual([ec.billRateSnapshot, ec.billAmount, ec.costAmount], [null, null, usd('6825')]);
    const totals = await h.ok<{ project: any }>(`query($p: ID!) { project(id: $p) { actualCost { amountMinor } deliveredValue { amountMinor } approvedMinutes } }`, { p: projectId });
    assert.deepEqual(totals.project, { actualCost: { amountMinor: String(758 + 36400 + 6825) }, deliveredValue: { amountMinor: String(1667 + 74992) }, approvedMinutes: 580 });
  });

  test('reject needs a reason, retract returns to DRAFT, resubmission clears the reason', async () => {
    const { assignmentId } = await staffed();
    const te = await timeEntry(assignmentId);
    await batch('submitTimeEntries', [te.id]);
    assert.equal(await h.errorCode(`mutation($id: ID!) { rejectTimeEntries(input: { entries: [{ id: $id }], reason: "  " }) { id } }`, { id: te.id }), 'BAD_USER_INPUT');
    const [rejected] = await batch('rejectTimeEntries', [te.id], ', reason: "Wrong task"');
    assert.deepEqual([rejected.status, rejected.rejectedReason], ['REJECTED', 'Wrong task']);
    assert.equal(await h.errorCode(`mutation($id: ID!) { retractTimeEntries(input: { entries: [{ id: $id }] }) { id } }`, { id: te.id }), 'INVALID_TRANSITION');
    const [resubmitted] = await batch('submitTimeEntries', [te.id]);
    assert.deepEqual([resubmitted.status, resubmitted.rejectedReason], ['SUBMITTED', null]);
    const [retracted] = await batch('retractTimeEntries', [te.id]);
    assert.deepEqual([retracted.status, retracted.submittedAt, retracted.version], ['DRAFT', null, 5]);
  });

  test('batches are all or nothing: one bad entry, a duplicate, a stale version or a missing id writes nothing', async () => {
    const { projectId, assignmentId } = await staffed();
    const entries = [];
    for (let day = 2; day <= 6; day += 1) entries.push(await timeEntry(assignmentId, { workDate: `2026-03-0${day}` }));
    const ids = entries.map((e) => e.id);
    await batch('submitTimeEntries', ids.slice(0, 4));
    const run = (e: unknown[]) => h.run(`mutation($e: [VersionedRef!]!) { approveTimeEntries(input: { entries: $e }) { id } }`, { e });
    // The fifth entry is still DRAFT: the whole batch is refused, naming it.
    const mixed = await run(ids.map((id) => ({ id })));
    assert.equal(mixed.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal(mixed.errors?.[0]?.extensions?.id, ids[4]);
    assert.equal((await run([{ id: ids[0] }, { id: ids[0] }])).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await run([{ id: ids[0] }, { id: ids[1], expectedVersion: 1 }])).errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.equal((await run([{ id: ids[0] }, { id: 'te_01JABCDEFGHJKMNPQRSTVWXYZ0' }])).errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await run([])).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const statuses = await h.ok<{ timeEntries: { edges: Array<{ node: { status: string; version: number } }> } }>(
      `query($p: ID!) { timeEntries(filter: { projectId: $p }) { edges { node { status version } } } }`, { p: projectId },
    );
    assert.deepEqual(statuses.timeEntries.edges.map((e) => e.node.status).sort(), ['DRAFT', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    assert.ok(statuses.timeEntries.edges.every((e) => e.node.version <= 2));
  });

  test('a batch costs the same number of statements for 3 entries as for 60', async () => {
    const { assignmentId } = await staffed();
    const statementsFor = async (n: number, offsetDay: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const day = new Date(Date.UTC(2026, 1, 1 + offsetDay + i)).toISOString().slice(0, 10);
        ids.push((await timeEntry(assignmentId, { workDate: day, minutes: 60 })).id);
      }
      await batch('submitTimeEntries', ids);
      h.db.stats.take();
      const approved = await batch('approveTimeEntries', ids);
      assert.equal(approved.length, n);
      assert.deepEqual(approved.map((e) => e.id), ids);
      return h.db.stats.take();
    };
    const small = await statementsFor(3, 0);
    const large = await statementsFor(60, 10);
    assert.equal(large, small);
    assert.ok(small <= 6, `approval batch used ${small} statements`);
  });

  test('project guards: submit needs ACTIVE, approve allows COMPLETED, CLOSE waits for decisions, CANCEL refuses billed work', async () => {
    const { projectId, assignmentId } = await staffed();
    const [x, y] = [await timeEntry(assignmentId, { workDate: '2026-03-02' }), await timeEntry(assignmentId, { workDate: '2026-03-03' })];
    await batch('submitTimeEntries', [x.id]);
    await transition(projectId, 'COMPLETE');
    assert.equal(await h.errorCode(`mutation($id: ID!) { submitTimeEntries(input: { entries: [{ id: $id }] }) { id } }`, { id: y.id }), 'INVALID_TRANSITION');
    const close = await h.run(`mutation($id: ID!) { transitionProject(input: { id: $id, action: CLOSE }) { id } }`, { id: projectId });
    assert.equal(close.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.match(close.errors?.[0]?.message ?? '', /1 submitted time entries/);
    const [approved] = await batch('approveTimeEntries', [x.id]);
    assert.equal(approved.status, 'APPROVED');
    assert.equal((await transition(projectId, 'CLOSE')).status, 'CLOSED');

    // Billing marks approved time BILLED (not a client mutation); a project with billed time cannot be cancelled.
    const live = await staffed();
    const te = await timeEntry(live.assignmentId);
    await batch('submitTimeEntries', [te.id]);
    await batch('approveTimeEntries', [te.id]);
    await sub.repo.transaction(systemInvocation('billing-test'), async (tx) => {
      const current = await tx.lockTimeEntry(te.id);
      assert.ok(current);
      await tx.saveTimeEntry(markTimeEntryBilled(current, new Date().toISOString()), current);
    });
    const cancel = await h.run(`mutation($id: ID!) { transitionProject(input: { id: $id, action: CANCEL }) { id } }`, { id: live.projectId });
    assert.equal(cancel.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.match(cancel.errors?.[0]?.message ?? '', /already billed/);
    const totals = await h.ok<{ project: any }>(`query($p: ID!) { project(id: $p) { status deliveredValue { amountMinor } approvedMinutes } }`, { p: live.projectId });
    assert.deepEqual(totals.project, { status: 'ACTIVE', deliveredValue: { amountMinor: '120000' }, approvedMinutes: 480 });
  });
});

describe('projects: expenses and roll-ups', () => {
  test('foreign-currency expenses need a rate; amounts convert and mark up once', async () => {
    const { projectId, resourceId } = await staffed();
    const base = { resourceId, projectId, incurredOn: '2026-03-02', category: 'TRAVEL' };
    const create = (i: Record<string, unknown>) => h.run<{ createExpenseEntry: any }>(
      `mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id status fxRateToProject markupPct reimbursable billable amount { amountMinor currency } projectAmount { amountMinor currency } billAmount { amountMinor currency } resource { id } project { id } } }`,
      { i },
    );
    assert.equal((await create({ ...base, amount: { amountMinor: '10000', currency: 'EUR' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await create({ ...base, amount: usd('0') })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await create({ ...base, amount: usd('100'), category: 'x'.repeat(51) })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await create({ ...base, amount: usd('100'), resourceId: 'res_01JABCDEFGHJKMNPQRSTVWXYZ0' })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const eur = (await create({ ...base, amount: { amountMinor: '10000', currency: 'EUR' }, fxRateToProject: '1.08555', markupPct: '10' })).data!.createExpenseEntry;
    assert.deepEqual(
      [eur.status, eur.fxRateToProject, eur.markupPct, eur.amount, eur.projectAmount, eur.billAmount, eur.resource.id, eur.project.id],
      ['DRAFT', '1.08555', '10.00', { amountMinor: '10000', currency: 'EUR' }, usd('10856'), usd('11942'), resourceId, projectId],
    );
    const local = (await create({ ...base, amount: usd('5000'), billable: false, reimbursable: false })).data!.createExpenseEntry;
    assert.deepEqual([local.fxRateToProject, local.projectAmount, local.billAmount, local.reimbursable], ['1', usd('5000'), null, false]);
    const read = await h.ok<{ expenseEntry: any }>(`query($id: ID!) { expenseEntry(id: $id) { fxRateToProject markupPct billAmount { amountMinor } } }`, { id: eur.id });
    assert.deepEqual(read.expenseEntry, { fxRateToProject: '1.08555', markupPct: '10.00', billAmount: { amountMinor: '11942' } });

    await batch('submitExpenseEntries', [eur.id, local.id]);
    const [rejected] = await h.ok<{ rejectExpenseEntries: any[] }>(`mutation($id: ID!) { rejectExpenseEntries(input: { entries: [{ id: $id }], reason: "No receipt" }) { status rejectedReason } }`, { id: local.id }).then((d) => d.rejectExpenseEntries);
    assert.deepEqual(rejected, { status: 'REJECTED', rejectedReason: 'No receipt' });
    const approved = await batch('approveExpenseEntries', [eur.id]);
    assert.deepEqual(approved.map((e) => [e.status, e.version]), [['APPROVED', 3]]);
    assert.equal(await h.errorCode(`mutation($id: ID!) { approveExpenseEntries(input: { entries: [{ id: $id }] }) { id } }`, { id: local.id }), 'INVALID_TRANSITION');
    const totals = await h.ok<{ project: any }>(`query($p: ID!) { project(id: $p) { actualCost { amountMinor } deliveredValue { amountMinor } } }`, { p: projectId });
    assert.deepEqual(totals.project, { actualCost: { amountMinor: '10856' }, deliveredValue: { amountMinor: '11942' } });
  });

  test('roll-ups add approved and billed time, approved expenses and accepted milestones, nothing else', async () => {
    const { projectId, resourceId, assignmentId } = await staffed();
    const approvedTe = await timeEntry(assignmentId, { workDate: '2026-03-02', minutes: 60 });
    await timeEntry(assignmentId, { workDate: '2026-03-03', minutes: 120 }); // stays DRAFT: not counted
    await batch('submitTimeEntries', [approvedTe.id]);
    await batch('approveTimeEntries', [approvedTe.id]);
    const exp = (await h.ok<{ createExpenseEntry: { id: string } }>(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id } }`, {
      i: { resourceId, projectId, incurredOn: '2026-03-02', category: 'MEALS', amount: usd('2500') },
    })).createExpenseEntry.id;
    await batch('submitExpenseEntries', [exp]);
    await batch('approveExpenseEntries', [exp]);
    const ms = async (amount: string, accept: boolean) => {
      const id = (await h.ok<{ createMilestone: { id: string } }>(`mutation($p: ID!, $a: MoneyInput) { createMilestone(input: { projectId: $p, name: "M", dueDate: "2026-05-01", billingAmount: $a }) { id } }`, { p: projectId, a: usd(amount) })).createMilestone.id;
      for (const action of accept ? ['START', 'COMPLETE', 'ACCEPT'] : ['START', 'COMPLETE']) {
        await h.ok(`mutation($id: ID!, $a: MilestoneAction!) { transitionMilestone(input: { id: $id, action: $a }) { id } }`, { id, a: action });
      }
    };
    await ms('1000000', true);
    await ms('777', false); // completed, not accepted: not delivered value yet
    const d = await h.ok<{ project: any }>(`query($p: ID!) { project(id: $p) { actualCost { amountMinor currency } deliveredValue { amountMinor currency } approvedMinutes } }`, { p: projectId });
    // time: 1 h × 150 = 150.00 value, 1 h × 80 = 80.00 cost; expense 25.00 cost and value; milestone 10 000.00 value.
    assert.deepEqual(d.project, {
      actualCost: { amountMinor: String(8000 + 2500), currency: 'USD' },
      deliveredValue: { amountMinor: String(15000 + 2500 + 1000000), currency: 'USD' },
      approvedMinutes: 60,
    });
  });
});

describe('projects: connections', () => {
  test('projects: filters and keyset paging', async () => {
    const acc = accountId();
    const base = { name: 'Paged', accountId: acc, legalEntityId: 'le_paging', billingModel: 'TIME_AND_MATERIALS', currency: 'USD', projectManagerId: await pm() };
    const ids: string[] = [];
    for (const [startDate, billingModel] of [['2026-01-01', 'TIME_AND_MATERIALS'], ['2026-02-01', 'FIXED_FEE'], ['2026-03-01', 'FIXED_FEE'], ['2026-04-01', 'MILESTONE']]) {
      ids.push((await h.ok<{ createProject: { id: string } }>(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, startDate, billingModel } })).createProject.id);
    }
    await transition(ids[0]!, 'ACTIVATE');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const d: any = await h.ok(`query($a: ID!, $after: String) { projects(first: 3, after: $after, filter: { accountId: $a }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`, { a: acc, after });
      seen.push(...d.projects.edges.map((e: any) => e.node.id));
      if (!d.projects.pageInfo.hasNextPage) break;
      after = d.projects.pageInfo.endCursor;
    }
    assert.deepEqual(seen, [...ids].sort());
    const q = async (filter: Record<string, unknown>) =>
      (await h.ok<{ projects: { edges: Array<{ node: { id: string } }> } }>(`query($f: ProjectFilter) { projects(filter: $f) { edges { node { id } } } }`, { f: filter })).projects.edges.map((e) => e.node.id);
    assert.deepEqual(await q({ accountId: acc, statuses: ['ACTIVE'] }), [ids[0]]);
    assert.deepEqual(await q({ accountId: acc, billingModel: 'FIXED_FEE' }), [ids[1], ids[2]].sort());
    assert.deepEqual(await q({ legalEntityId: 'le_paging', startDate: { from: '2026-02-15', to: '2026-04-01' } }), [ids[2], ids[3]].sort());
    assert.equal(await h.errorCode(`{ projects(first: 100000) { edges { node { id } } } }`), 'BAD_USER_INPUT');
    assert.equal(await h.errorCode(`{ projects(after: "garbage") { edges { node { id } } } }`), 'BAD_USER_INPUT');
  });

  test('time entries, expenses, assignments, resources and milestones filter as documented', async () => {
    const le = `le_${process.pid}_conn`;
    const projectId = await project({ legalEntityId: le });
    const resourceId = await resource({ legalEntityId: le, roleCode: 'CONN_ROLE' });
    const assignmentId = await assignment(projectId, resourceId);
    const entries = [];
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) entries.push(await timeEntry(assignmentId, { workDate: day, minutes: 60 }));
    await batch('submitTimeEntries', [entries[0].id, entries[1].id]);
    const te = async (filter: Record<string, unknown>, first = 50, after: string | null = null) =>
      (await h.ok<{ timeEntries: any }>(`query($f: TimeEntryFilter, $first: Int, $after: String) { timeEntries(first: $first, after: $after, filter: $f) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { f: filter, first, after })).timeEntries;
    const ids = (c: any) => c.edges.map((e: any) => e.node.id);
    const all = entries.map((e) => e.id).sort();
    assert.deepEqual(ids(await te({ legalEntityId: le })), all);
    assert.deepEqual(ids(await te({ resourceId, statuses: ['SUBMITTED'] })), [entries[0].id, entries[1].id].sort());
    assert.deepEqual(ids(await te({ projectId, workDate: { from: '2026-03-03', to: '2026-03-04' } })), [entries[1].id, entries[2].id].sort());
    const page1 = await te({ projectId }, 3);
    assert.equal(page1.pageInfo.hasNextPage, true);
    const page2 = await te({ projectId }, 3, page1.pageInfo.endCursor);
    assert.deepEqual([...ids(page1), ...ids(page2)], all);
    assert.equal(page2.pageInfo.hasNextPage, false);

    const exp = (await h.ok<{ createExpenseEntry: { id: string } }>(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id } }`, {
      i: { resourceId, projectId, incurredOn: '2026-03-09', category: 'HOTEL', amount: usd('12000') },
    })).createExpenseEntry.id;
    const ex = async (filter: Record<string, unknown>) => ids((await h.ok<{ expenseEntries: any }>(`query($f: ExpenseEntryFilter) { expenseEntries(filter: $f) { edges { node { id } } pageInfo { hasNextPage } } }`, { f: filter })).expenseEntries);
    assert.deepEqual(await ex({ projectId, resourceId, statuses: ['DRAFT'], incurredOn: { from: '2026-03-09', to: '2026-03-09' } }), [exp]);
    assert.deepEqual(await ex({ projectId, incurredOn: { to: '2026-03-08' } }), []);

    const as = async (filter: Record<string, unknown>) => ids((await h.ok<{ assignments: any }>(`query($f: AssignmentFilter) { assignments(filter: $f) { edges { node { id } } pageInfo { hasNextPage } } }`, { f: filter })).assignments);
    assert.deepEqual(await as({ projectId, resourceId, statuses: ['TENTATIVE'] }), [assignmentId]);
    assert.deepEqual(await as({ resourceId, statuses: ['CONFIRMED'] }), []);

    const rs = async (filter: Record<string, unknown>) => ids((await h.ok<{ resources: any }>(`query($f: ResourceFilter) { resources(filter: $f) { edges { node { id } } pageInfo { hasNextPage } } }`, { f: filter })).resources);
    assert.deepEqual(await rs({ legalEntityId: le, roleCode: 'CONN_ROLE', active: true }), [resourceId]);
    assert.deepEqual(await rs({ legalEntityId: le, active: false }), []);

    const m = (await h.ok<{ createMilestone: { id: string } }>(`mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Kick-off", dueDate: "2026-02-15" }) { id } }`, { p: projectId })).createMilestone.id;
    const ms = async (filter: Record<string, unknown>) => ids((await h.ok<{ milestones: any }>(`query($f: MilestoneFilter) { milestones(filter: $f) { edges { node { id } } pageInfo { hasNextPage } } }`, { f: filter })).milestones);
    assert.deepEqual(await ms({ projectId, statuses: ['PLANNED'], dueDate: { from: '2026-02-01', to: '2026-02-28' } }), [m]);
    assert.deepEqual(await ms({ projectId, statuses: ['ACCEPTED'] }), []);
  });
});

describe('projects: federation', () => {
  test('_entities resolves every owned entity by key, null for unknown ids', async () => {
    const { projectId, resourceId, assignmentId } = await staffed();
    const task = (await h.ok<{ createTask: { id: string } }>(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "1", name: "Build" }) { id } }`, { p: projectId })).createTask.id;
    const te = await timeEntry(assignmentId, { taskId: task });
    const exp = (await h.ok<{ createExpenseEntry: { id: string } }>(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id } }`, {
      i: { resourceId, projectId, incurredOn: '2026-03-02', category: 'TRAVEL', amount: usd('100') },
    })).createExpenseEntry.id;
    const ms = (await h.ok<{ createMilestone: { id: string } }>(`mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "M1", dueDate: "2026-04-01" }) { id } }`, { p: projectId })).createMilestone.id;
    const d = await h.ok<{ _entities: any[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Project { id status } ... on Task { id wbsCode project { id } } ... on Resource { id costRates { rate } }
        ... on Assignment { id billRate } ... on TimeEntry { id minutes task { id } } ... on ExpenseEntry { id category }
        ... on Milestone { id name acceptedBy { id } } } }`,
      {
        r: [
          { __typename: 'Project', id: projectId }, { __typename: 'Task', id: task }, { __typename: 'Resource', id: resourceId },
          { __typename: 'Assignment', id: assignmentId }, { __typename: 'TimeEntry', id: te.id }, { __typename: 'ExpenseEntry', id: exp },
          { __typename: 'Milestone', id: ms }, { __typename: 'Project', id: 'prj_01JABCDEFGHJKMNPQRSTVWXYZ0' },
        ],
      },
    );
    assert.deepEqual(d._entities, [
      { id: projectId, status: 'ACTIVE' }, { id: task, wbsCode: '1', project: { id: projectId } }, { id: resourceId, costRates: [{ rate: '80.0000' }] },
      { id: assignmentId, billRate: '150.0000' }, { id: te.id, minutes: 480, task: { id: task } }, { id: exp, category: 'TRAVEL' },
      { id: ms, name: 'M1', acceptedBy: null }, null,
    ]);
  });

  test('Account.projects, Opportunity.project and Contract.projects are contributed by key', async () => {
    const acc = accountId();
    const opp = newId('opp');
    const ctr = newId('ctr');
    const base = { accountId: acc, legalEntityId: 'le_us', billingModel: 'TIME_AND_MATERIALS', currency: 'USD', projectManagerId: await pm() };
    const older = (await h.ok<{ createProject: { id: string } }>(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, name: 'Old', startDate: '2026-01-01', contractId: ctr } })).createProject.id;
    const newer = (await h.ok<{ createProject: { id: string } }>(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { ...base, name: 'New', startDate: '2026-02-01', opportunityId: opp, contractId: ctr } })).createProject.id;
    await transition(newer, 'ACTIVATE');
    const d = await h.ok<{ _entities: any[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Account { id projects { id } active: projects(statuses: [ACTIVE]) { id } }
        ... on Opportunity { id project { id opportunity { id } account { id } } }
        ... on Contract { id projects { id contract { id } } } } }`,
      { r: [{ __typename: 'Account', id: acc }, { __typename: 'Opportunity', id: opp }, { __typename: 'Contract', id: ctr }, { __typename: 'Opportunity', id: newId('opp') }, { __typename: 'Account', id: accountId() }] },
    );
    assert.deepEqual(d._entities[0], { id: acc, projects: [{ id: newer }, { id: older }], active: [{ id: newer }] });
    assert.deepEqual(d._entities[1], { id: opp, project: { id: newer, opportunity: { id: opp }, account: { id: acc } } });
    assert.deepEqual(d._entities[2], { id: ctr, projects: [{ id: newer, contract: { id: ctr } }, { id: older, contract: { id: ctr } }] });
    assert.deepEqual(d._entities[3].project, null);
    assert.deepEqual(d._entities[4].projects, []);
  });

  test('statement count does not grow with the number of entities resolved', async () => {
    // Bulk-load 200 projects the way the seed loader does, with one account, opportunity and contract each.
    const now = new Date().toISOString();
    const records = Array.from({ length: 200 }, (_, i) =>
      createProject(newId('prj'), {
        name: `Bulk ${i}`, code: `BULK-${process.pid}-${i}`, accountId: newId('acc'), opportunityId: newId('opp'), contractId: newId('ctr'), legalEntityId: 'le_us',
        billingModel: 'TIME_AND_MATERIALS', currency: 'USD', startDate: '2026-01-01', projectManagerId: newId('res'),
      }, now),
    );
    await projectsTable.insertMany(h.db, records);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { id code actualCost { amountMinor } deliveredValue { amountMinor } approvedMinutes tasks { id } milestones { id } assignments { id } account { id } }
      ... on Account { id projects { id } } ... on Opportunity { id project { id } } ... on Contract { id projects { id } } } }`;
    const reps = (n: number) => records.slice(0, n).flatMap((p) => [
      { __typename: 'Project', id: p.id }, { __typename: 'Account', id: p.accountId }, { __typename: 'Opportunity', id: p.opportunityId }, { __typename: 'Contract', id: p.contractId },
    ]);
    h.db.stats.take();
    const small = await h.ok<{ _entities: any[] }>(query, { r: reps(10) });
    const smallCount = h.db.stats.take();
    const large = await h.ok<{ _entities: any[] }>(query, { r: reps(200) });
    const largeCount = h.db.stats.take();
    assert.equal(small._entities.length, 40);
    assert.equal(large._entities.length, 800);
    assert.ok(large._entities.every((e) => e !== null));
    assert.deepEqual(large._entities[2], { id: records[0]!.opportunityId, project: { id: records[0]!.id } });
    // projects by id, totals, tasks, milestones, assignments, projects by account, by opportunity, by contract.
    assert.equal(largeCount, smallCount);
    assert.ok(smallCount <= 8, `resolving used ${smallCount} statements`);
  });
});
