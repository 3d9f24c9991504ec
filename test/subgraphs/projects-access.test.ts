import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Principal } from '../../platform/auth/principal.js';
import { newId } from '../../platform/domain/index.js';
import { nonNullProtectedFields } from '../../platform/graphql/authz.js';
import { createProjectsSubgraph, projectsMigrations } from '../../subgraphs/projects/src/index.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness, type TestResult } from '../support/subgraph-harness.js';

let h: SubgraphHarness<ReturnType<ReturnType<typeof createProjectsSubgraph>['createContext']>>;

/** Two legal entities, each with a project; a US consultant also staffed on the Canadian project. */
const f = {
  account: newId('acc'), usOpp: newId('opp'), caOpp: newId('opp'), usContract: newId('ctr'), caContract: newId('ctr'),
  usPmRes: '', caPmRes: '', resA: '', resAName: '', resB: '', caRes: '',
  usProject: '', caProject: '', usTask: '', caTask: '', usMilestone: '', caMilestone: '',
  asgA: '', asgB: '', asgCa: '', asgCross: '',
  teA: '', teB: '', teCa: '', teCross: '', exA: '', exB: '', exCa: '',
};
const usPm = principal(['project_manager'], ['le_us'], null, 'usr_us_pm');
const caPm = principal(['project_manager'], ['le_ca'], null, 'usr_ca_pm');
const usFinance = principal(['finance'], ['le_us'], null, 'usr_us_finance');
const caFinance = principal(['finance'], ['le_ca'], null, 'usr_ca_finance');
const admin = principal(['integration_admin'], '*', null, 'usr_integration');
const sales = principal(['sales'], '*', null, 'usr_sales');
const bi = principal(['bi_reader'], '*', null, 'usr_bi');
let consultantA: Principal;

const RATES = [{ effectiveFrom: '2026-01-01', rate: '70', currency: 'USD' }];
const id = <K extends string>(data: Record<K, { id: string }>, key: K): string => data[key].id;

async function createResource(employeeNumber: string, legalEntityId: string, currency: string): Promise<string> {
  return id(await h.ok(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber, displayName: employeeNumber, roleCode: 'CONSULTANT', legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency }] },
  }), 'createResource');
}

async function createProject(as: SubgraphHarness<any>, legalEntityId: string, currency: string, pm: string, extra: Record<string, unknown> = {}): Promise<string> {
  const projectId = id(await as.ok(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
    i: { name: `Rollout ${legalEntityId}`, accountId: f.account, legalEntityId, billingModel: 'TIME_AND_MATERIALS', currency, startDate: '2026-01-05', projectManagerId: pm, budgetCost: { amountMinor: '500000', currency }, ...extra },
  }), 'createProject');
  await as.ok(`mutation($id: ID!) { transitionProject(input: { id: $id, action: ACTIVATE }) { id } }`, { id: projectId });
  return projectId;
}

async function createAssignment(projectId: string, resourceId: string): Promise<string> {
  return id(await h.ok(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
    i: { projectId, resourceId, roleCode: 'CONSULTANT', startDate: '2026-02-01', endDate: '2026-06-30', scheduledMinutes: 48000, billRate: '150', costRate: '80' },
  }), 'createAssignment');
}

async function createTime(as: SubgraphHarness<any>, assignmentId: string, workDate = '2026-03-02'): Promise<TestResult> {
  return as.run(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id status } }`, { i: { assignmentId, workDate, minutes: 120 } });
}

async function createExpense(as: SubgraphHarness<any>, resourceId: string, projectId: string, currency: string): Promise<TestResult> {
  return as.run(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id } }`, {
    i: { resourceId, projectId, incurredOn: '2026-03-02', category: 'TRAVEL', amount: { amountMinor: '4500', currency } },
  });
}

const created = (r: TestResult, key: string): string => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return (r.data as Record<string, { id: string }>)[key]!.id;
};
const codes = (r: TestResult): string[] => (r.errors ?? []).map((e) => e.extensions?.code as string);

/** Everything projects recorded under the harness's correlation id (read as an integration admin). */
async function auditCount(): Promise<number> {
  const r = await h.as(admin).ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AuditTrail { projects { id } } } }`, { r: [{ __typename: 'AuditTrail', correlationId: 'test' }] });
  return r._entities[0].projects.length;
}

async function history(entityType: string, entityId: string): Promise<any[]> {
  const r = await h.as(admin).ok<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { projects { actor roles operation correlationId action fromVersion toVersion fromStatus toStatus subgraph } } } }`, {
    r: [{ __typename: 'EntityHistory', entityType, entityId }],
  });
  // One transaction's rows share a timestamp; the versions give the order of one entity's changes.
  return [...r._entities[0].projects].sort((a: any, b: any) => a.toVersion - b.toVersion);
}

before(async () => {
  const db = await openTestDatabase('projects', projectsMigrations());
  h = await SubgraphHarness.start(createProjectsSubgraph(db), db);
  const n = `${process.pid}-${Date.now()}`;
  f.usPmRes = await createResource(`US-PM-${n}`, 'le_us', 'USD');
  f.caPmRes = await createResource(`CA-PM-${n}`, 'le_ca', 'CAD');
  f.resA = await createResource(`US-A-${n}`, 'le_us', 'USD');
  f.resAName = `US-A-${n}`;
  f.resB = await createResource(`US-B-${n}`, 'le_us', 'USD');
  f.caRes = await createResource(`CA-C-${n}`, 'le_ca', 'CAD');
  f.usProject = await createProject(h, 'le_us', 'USD', f.usPmRes, { opportunityId: f.usOpp, contractId: f.usContract });
  f.caProject = await createProject(h, 'le_ca', 'CAD', f.caPmRes, { opportunityId: f.caOpp, contractId: f.caContract });
  for (const [key, projectId] of [['us', f.usProject], ['ca', f.caProject]] as const) {
    const t = await h.ok<any>(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "1", name: "Design" }) { id } createMilestone(input: { projectId: $p, name: "Go-live", dueDate: "2026-06-30" }) { id } }`, { p: projectId });
    if (key === 'us') [f.usTask, f.usMilestone] = [t.createTask.id, t.createMilestone.id];
    else [f.caTask, f.caMilestone] = [t.createTask.id, t.createMilestone.id];
  }
  f.asgA = await createAssignment(f.usProject, f.resA);
  f.asgB = await createAssignment(f.usProject, f.resB);
  f.asgCa = await createAssignment(f.caProject, f.caRes);
  // A US employee staffed on the Canadian project: the assignment and its time belong to le_ca.
  f.asgCross = await createAssignment(f.caProject, f.resA);
  f.teA = created(await createTime(h, f.asgA), 'createTimeEntry');
  f.teB = created(await createTime(h, f.asgB), 'createTimeEntry');
  f.teCa = created(await createTime(h, f.asgCa), 'createTimeEntry');
  f.teCross = created(await createTime(h, f.asgCross, '2026-03-03'), 'createTimeEntry');
  f.exA = created(await createExpense(h, f.resA, f.usProject, 'USD'), 'createExpenseEntry');
  f.exB = created(await createExpense(h, f.resB, f.usProject, 'USD'), 'createExpenseEntry');
  f.exCa = created(await createExpense(h, f.caRes, f.caProject, 'CAD'), 'createExpenseEntry');
  consultantA = principal(['consultant'], ['le_us'], f.resA, 'usr_consultant_a');
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

describe('projects access: legal-entity scoping', () => {
  test('root fields by id: rows of another legal entity load as null, without an error', async () => {
    const q = `query($p: ID!, $t: ID!, $m: ID!, $a: ID!, $te: ID!, $ex: ID!, $r: ID!) {
      project(id: $p) { id } task(id: $t) { id } milestone(id: $m) { id } assignment(id: $a) { id } timeEntry(id: $te) { id } expenseEntry(id: $ex) { id } resource(id: $r) { id } }`;
    const us = { p: f.usProject, t: f.usTask, m: f.usMilestone, a: f.asgA, te: f.teA, ex: f.exA, r: f.resA };
    const ca = { p: f.caProject, t: f.caTask, m: f.caMilestone, a: f.asgCa, te: f.teCa, ex: f.exCa, r: f.caRes };
    const foreign = await h.as(caPm).run<any>(q, us);
    assert.equal(foreign.errors, undefined);
    assert.ok(Object.values(foreign.data!).every((v) => v === null), JSON.stringify(foreign.data));
    const own = await h.as(caPm).run<any>(q, ca);
    assert.equal(own.errors, undefined);
    assert.deepEqual(Object.values(own.data!).map((v: any) => v.id), [f.caProject, f.caTask, f.caMilestone, f.asgCa, f.teCa, f.exCa, f.caRes]);
  });

  test('connections list only the caller\'s legal entities, even when filtered on another', async () => {
    const q = `query($le: ID) {
      projects(first: 100, filter: { legalEntityId: $le }) { edges { node { legalEntityId } } }
      resources(first: 100, filter: { legalEntityId: $le }) { edges { node { legalEntityId } } }
      assignments(first: 100) { edges { node { id } } }
      timeEntries(first: 100, filter: { legalEntityId: $le }) { edges { node { id } } }
      expenseEntries(first: 100) { edges { node { id } } }
      milestones(first: 100) { edges { node { id } } } }`;
    const ca = await h.as(caPm).ok<any>(q, { le: null });
    assert.deepEqual(ca.projects.edges.map((e: any) => e.node.legalEntityId), ['le_ca']);
    assert.deepEqual(ca.resources.edges.map((e: any) => e.node.legalEntityId), ['le_ca', 'le_ca']);
    assert.deepEqual(ca.assignments.edges.map((e: any) => e.node.id).sort(), [f.asgCa, f.asgCross].sort());
    assert.deepEqual(ca.timeEntries.edges.map((e: any) => e.node.id).sort(), [f.teCa, f.teCross].sort());
    assert.deepEqual(ca.expenseEntries.edges.map((e: any) => e.node.id), [f.exCa]);
    assert.deepEqual(ca.milestones.edges.map((e: any) => e.node.id), [f.caMilestone]);
    const asked = await h.as(caPm).ok<any>(q, { le: 'le_us' });
    assert.deepEqual([asked.projects.edges, asked.resources.edges, asked.timeEntries.edges], [[], [], []]);
    const all = await h.as(bi).ok<any>(q, { le: null });
    assert.equal(all.projects.edges.length, 2, 'a caller of every legal entity sees both');
  });

  test('nested lists and references: a resource employed by an unseen legal entity is null, the row intact', async () => {
    const d = await h.as(caPm).run<any>(`query($p: ID!, $te: ID!) {
      project(id: $p) { id tasks { id project { id } } milestones { id } assignments { id resource { id } project { id } } }
      timeEntry(id: $te) { id minutes resource { id } project { id } assignment { id } } }`, { p: f.caProject, te: f.teCross });
    assert.equal(d.errors, undefined);
    assert.deepEqual(d.data.project.tasks, [{ id: f.caTask, project: { id: f.caProject } }]);
    assert.deepEqual(d.data.project.milestones, [{ id: f.caMilestone }]);
    const byId = new Map(d.data.project.assignments.map((a: any) => [a.id, a.resource]));
    assert.deepEqual(byId.get(f.asgCa), { id: f.caRes });
    assert.equal(byId.get(f.asgCross), null, 'the US employee is not visible to a le_ca caller');
    assert.deepEqual(d.data.timeEntry, { id: f.teCross, minutes: 120, resource: null, project: { id: f.caProject }, assignment: { id: f.asgCross } });
    // A caller of both legal entities sees the resource.
    const both = await h.as(principal(['project_manager'], ['le_us', 'le_ca'])).ok<any>(`query($te: ID!) { timeEntry(id: $te) { resource { id } } }`, { te: f.teCross });
    assert.deepEqual(both.timeEntry.resource, { id: f.resA });
  });

  test('_entities and extension fields: another legal entity\'s rows resolve to null and are left out of lists', async () => {
    const reps = [
      ...(['Project', 'Task', 'Milestone', 'Assignment', 'TimeEntry', 'ExpenseEntry', 'Resource'] as const).map((t, i) => ({ __typename: t, id: [f.usProject, f.usTask, f.usMilestone, f.asgA, f.teA, f.exA, f.resA][i] })),
      { __typename: 'Project', id: f.caProject },
      { __typename: 'Account', id: f.account }, { __typename: 'Opportunity', id: f.usOpp }, { __typename: 'Opportunity', id: f.caOpp },
      { __typename: 'Contract', id: f.usContract }, { __typename: 'Contract', id: f.caContract },
    ];
    const r = await h.as(caPm).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { id } ... on Task { id } ... on Milestone { id } ... on Assignment { id } ... on TimeEntry { id } ... on ExpenseEntry { id } ... on Resource { id }
      ... on Account { projects { id } } ... on Opportunity { project { id } } ... on Contract { projects { id } } } }`, { r: reps });
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data._entities, [
      null, null, null, null, null, null, null, { id: f.caProject },
      { projects: [{ id: f.caProject }] }, { project: null }, { project: { id: f.caProject } }, { projects: [] }, { projects: [{ id: f.caProject }] },
    ]);
  });
});

describe('projects access: protected fields', () => {
  const q = `query($p: ID!, $a: ID!, $te: ID!, $r: ID!) {
    project(id: $p) { id name deliveredValue { amountMinor } budgetCost { amountMinor } actualCost { amountMinor } }
    assignment(id: $a) { id billRate costRate }
    timeEntry(id: $te) { id minutes costRateSnapshot costAmount { amountMinor } }
    resource(id: $r) { id displayName costRates { rate } } }`;

  test('cost fields are FORBIDDEN and null for a project manager; the rest of each object is intact', async () => {
    const r = await h.as(usPm).run<any>(q, { p: f.usProject, a: f.asgA, te: f.teA, r: f.resA });
    assert.deepEqual(r.data, {
      project: { id: f.usProject, name: 'Rollout le_us', deliveredValue: { amountMinor: '0' }, budgetCost: null, actualCost: null },
      assignment: { id: f.asgA, billRate: '150.0000', costRate: null },
      timeEntry: { id: f.teA, minutes: 120, costRateSnapshot: null, costAmount: null },
      resource: { id: f.resA, displayName: f.resAName, costRates: null },
    });
    assert.equal(r.errors?.length, 6);
    assert.ok(codes(r).every((c) => c === 'FORBIDDEN'));
    assert.deepEqual(r.errors!.map((e) => e.path!.join('.')).sort(), [
      'assignment.costRate', 'project.actualCost', 'project.budgetCost', 'resource.costRates', 'timeEntry.costAmount', 'timeEntry.costRateSnapshot',
    ]);
  });

  test('finance sees the cost fields; in a connection each refused field is null on its own', async () => {
    const fin = await h.as(usFinance).ok<any>(q, { p: f.usProject, a: f.asgA, te: f.teA, r: f.resA });
    assert.deepEqual([fin.project.budgetCost, fin.project.actualCost, fin.assignment.costRate, fin.resource.costRates], [{ amountMinor: '500000' }, { amountMinor: '0' }, '80.0000', [{ rate: '80.0000' }]]);
    const list = await h.as(bi).run<any>(`{ timeEntries(first: 100) { edges { node { id minutes costAmount { amountMinor } } } } }`);
    assert.equal(list.data.timeEntries.edges.length, 4);
    assert.ok(list.data.timeEntries.edges.every((e: any) => e.node.minutes === 120 && e.node.costAmount === null));
    assert.equal(list.errors?.length, 4);
    assert.ok(codes(list).every((c) => c === 'FORBIDDEN'));
    const entity = await h.as(consultantA).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id actualCost { amountMinor } } } }`, { r: [{ __typename: 'Project', id: f.usProject }] });
    assert.deepEqual(entity.data._entities, [{ id: f.usProject, actualCost: null }]);
    assert.deepEqual(codes(entity), ['FORBIDDEN']);
  });

  test('every field a caller may be refused is nullable, so refusal never nulls its parent', () => {
    assert.deepEqual(nonNullProtectedFields(h.subgraph.schema), []);
  });
});

describe('projects access: consultants', () => {
  test('a consultant sees only their own time and expenses, everywhere', async () => {
    const list = await h.as(consultantA).ok<any>(`query($b: ID!) {
      timeEntries(first: 100) { edges { node { id } } } expenseEntries(first: 100) { edges { node { id } } }
      ofB: timeEntries(first: 100, filter: { resourceId: $b }) { edges { node { id } } }
      projects(first: 100) { edges { node { id } } } }`, { b: f.resB });
    assert.deepEqual(list.timeEntries.edges.map((e: any) => e.node.id), [f.teA], 'le_ca time of A is outside the consultant\'s legal entities');
    assert.deepEqual(list.expenseEntries.edges.map((e: any) => e.node.id), [f.exA]);
    assert.deepEqual(list.ofB.edges, []);
    assert.deepEqual(list.projects.edges.map((e: any) => e.node.id), [f.usProject], 'projects of the legal entity are visible');
    const byId = await h.as(consultantA).run<any>(`query($a: ID!, $b: ID!, $x: ID!) { a: timeEntry(id: $a) { id } b: timeEntry(id: $b) { id } x: expenseEntry(id: $x) { id } }`, { a: f.teA, b: f.teB, x: f.exB });
    assert.equal(byId.errors, undefined);
    assert.deepEqual(byId.data, { a: { id: f.teA }, b: null, x: null });
    const entities = await h.as(consultantA).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on TimeEntry { id } ... on ExpenseEntry { id } } }`, {
      r: [{ __typename: 'TimeEntry', id: f.teB }, { __typename: 'ExpenseEntry', id: f.exA }, { __typename: 'ExpenseEntry', id: f.exB }],
    });
    assert.deepEqual(entities.data._entities, [null, { id: f.exA }, null]);
  });

  test('a consultant may book, change, submit and retract only their own entries: others are FORBIDDEN, nothing written', async () => {
    const as = h.as(consultantA);
    const before = await auditCount();
    assert.deepEqual(codes(await createTime(as, f.asgB, '2026-03-09')), ['FORBIDDEN']);
    assert.deepEqual(codes(await createExpense(as, f.resB, f.usProject, 'USD')), ['FORBIDDEN']);
    assert.deepEqual(codes(await as.run(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 60 }) { id } }`, { id: f.teB })), ['FORBIDDEN']);
    const batch = (m: string, ids: string[]) => as.run(`mutation($e: [VersionedRef!]!) { ${m}(input: { entries: $e }) { id status } }`, { e: ids.map((x) => ({ id: x })) });
    // One foreign entry in the batch refuses the whole batch, own entries included.
    assert.deepEqual(codes(await batch('submitTimeEntries', [f.teA, f.teB])), ['FORBIDDEN']);
    assert.deepEqual(codes(await batch('submitExpenseEntries', [f.exA, f.exB])), ['FORBIDDEN']);
    assert.deepEqual(codes(await batch('approveTimeEntries', [f.teA])), ['FORBIDDEN'], 'consultants do not approve');
    assert.equal(await auditCount(), before, 'no audit record: nothing was written');
    const state = await h.ok<any>(`query($a: ID!, $b: ID!, $x: ID!) { a: timeEntry(id: $a) { status version } b: timeEntry(id: $b) { status version minutes } x: expenseEntry(id: $x) { status } }`, { a: f.teA, b: f.teB, x: f.exA });
    assert.deepEqual(state, { a: { status: 'DRAFT', version: 1 }, b: { status: 'DRAFT', version: 1, minutes: 120 }, x: { status: 'DRAFT' } });
    const own = await h.ok<any>(`query($r: ID!) { timeEntries(first: 100, filter: { resourceId: $r, workDate: { from: "2026-03-09", to: "2026-03-09" } }) { edges { node { id } } } }`, { r: f.resB });
    assert.deepEqual(own.timeEntries.edges, []);

    // Their own: allowed end to end.
    const mine = created(await createTime(as, f.asgA, '2026-03-10'), 'createTimeEntry');
    assert.equal((await as.ok<any>(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 90 }) { minutes } }`, { id: mine })).updateTimeEntry.minutes, 90);
    assert.deepEqual((await batch('submitTimeEntries', [mine])).data?.submitTimeEntries, [{ id: mine, status: 'SUBMITTED' }]);
    assert.deepEqual((await batch('retractTimeEntries', [mine])).data?.retractTimeEntries, [{ id: mine, status: 'DRAFT' }]);
    assert.equal(codes(await createExpense(as, f.resA, f.usProject, 'USD')).length, 0);
  });

  test('a consultant reaching into another legal entity gets FORBIDDEN for creations and NOT_FOUND for changes', async () => {
    const as = h.as(consultantA);
    // A's own assignment on the le_ca project: the time would belong to le_ca, outside the consultant's entities.
    assert.deepEqual(codes(await createTime(as, f.asgCross, '2026-03-11')), ['FORBIDDEN']);
    assert.deepEqual(codes(await as.run(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 60 }) { id } }`, { id: f.teCross })), ['NOT_FOUND']);
    assert.deepEqual(codes(await as.run(`mutation($id: ID!) { submitTimeEntries(input: { entries: [{ id: $id }] }) { id } }`, { id: f.teCross })), ['NOT_FOUND']);
  });
});

describe('projects access: mutations', () => {
  test('roles not allowed are FORBIDDEN and write nothing', async () => {
    const before = await auditCount();
    const denied: Array<[Principal, string, Record<string, unknown>]> = [
      [consultantA, `mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { name: 'x', accountId: f.account, legalEntityId: 'le_us', billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-01-05', projectManagerId: f.usPmRes } }],
      [usFinance, `mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "9", name: "x" }) { id } }`, { p: f.usProject }],
      [usPm, `mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, { i: { employeeNumber: 'X-1', displayName: 'x', roleCode: 'C', legalEntityId: 'le_us', employmentType: 'EMPLOYEE', costRates: RATES } }],
      [usPm, `mutation($id: ID!) { updateResource(input: { id: $id, displayName: "renamed" }) { id } }`, { id: f.resA }],
      [bi, `mutation($a: ID!) { createTimeEntry(input: { assignmentId: $a, workDate: "2026-03-12", minutes: 60 }) { id } }`, { a: f.asgA }],
      [sales, `mutation($id: ID!) { approveExpenseEntries(input: { entries: [{ id: $id }] }) { id } }`, { id: f.exA }],
      [usFinance, `mutation($id: ID!) { transitionMilestone(input: { id: $id, action: START }) { id } }`, { id: f.usMilestone }],
      [admin, `mutation($id: ID!) { transitionProject(input: { id: $id, action: HOLD }) { id } }`, { id: f.usProject }],
    ];
    for (const [who, query, variables] of denied) {
      const r = await h.as(who).run<any>(query, variables);
      assert.deepEqual(codes(r), ['FORBIDDEN'], `${who.subject}: ${query}`);
      assert.equal(r.data, null);
    }
    assert.equal(await auditCount(), before);
    const now = await h.ok<any>(`query($p: ID!, $r: ID!, $m: ID!) { project(id: $p) { status version tasks { id } } resource(id: $r) { displayName version } milestone(id: $m) { status } }`, { p: f.usProject, r: f.resA, m: f.usMilestone });
    assert.deepEqual([now.project.status, now.project.version, now.project.tasks.length, now.resource.version, now.milestone.status], ['ACTIVE', 2, 1, 1, 'PLANNED']);
  });

  test('creating in a foreign legal entity is FORBIDDEN; changing a foreign row is NOT_FOUND; nothing is written', async () => {
    const before = await auditCount();
    const ca = h.as(caPm);
    const forbidden = [
      await ca.run(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, { i: { name: 'x', accountId: f.account, legalEntityId: 'le_us', billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-01-05', projectManagerId: f.caPmRes } }),
      await ca.run(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "9", name: "x" }) { id } }`, { p: f.usProject }),
      await ca.run(`mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "x", dueDate: "2026-05-01" }) { id } }`, { p: f.usProject }),
      await ca.run(`mutation($p: ID!, $r: ID!) { createAssignment(input: { projectId: $p, resourceId: $r, roleCode: "C", startDate: "2026-02-01", endDate: "2026-03-01", scheduledMinutes: 60, billRate: "1", costRate: "1" }) { id } }`, { p: f.usProject, r: f.caRes }),
      await createTime(ca, f.asgA, '2026-03-13'),
      await createExpense(ca, f.caRes, f.usProject, 'USD'),
      await h.as(caFinance).run(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, { i: { employeeNumber: `X-${process.pid}`, displayName: 'x', roleCode: 'C', legalEntityId: 'le_us', employmentType: 'EMPLOYEE', costRates: RATES } }),
    ];
    for (const r of forbidden) assert.deepEqual(codes(r), ['FORBIDDEN'], JSON.stringify(r.errors));
    const batch = (m: string, ids: string[], extra = '') => ca.run(`mutation($e: [VersionedRef!]!) { ${m}(input: { entries: $e ${extra} }) { id } }`, { e: ids.map((x) => ({ id: x })) });
    const notFound = [
      await ca.run(`mutation($id: ID!) { updateProject(input: { id: $id, name: "x" }) { id } }`, { id: f.usProject }),
      await ca.run(`mutation($id: ID!) { transitionProject(input: { id: $id, action: HOLD }) { id } }`, { id: f.usProject }),
      await ca.run(`mutation($id: ID!) { transitionTask(input: { id: $id, action: START }) { id } }`, { id: f.usTask }),
      await ca.run(`mutation($id: ID!) { transitionMilestone(input: { id: $id, action: START }) { id } }`, { id: f.usMilestone }),
      await ca.run(`mutation($id: ID!) { transitionAssignment(input: { id: $id, action: CONFIRM }) { id } }`, { id: f.asgA }),
      await ca.run(`mutation($id: ID!) { updateTimeEntry(input: { id: $id, minutes: 30 }) { id } }`, { id: f.teA }),
      await h.as(caFinance).run(`mutation($id: ID!) { updateResource(input: { id: $id, displayName: "x" }) { id } }`, { id: f.resA }),
      // A batch mixing an own entry with a foreign one fails as a whole, naming the foreign one as absent.
      await batch('submitTimeEntries', [f.teCa, f.teA]),
      await batch('submitExpenseEntries', [f.exCa, f.exA]),
      await batch('rejectTimeEntries', [f.teB], ', reason: "no"'),
      await batch('approveExpenseEntries', [f.exB]),
    ];
    for (const r of notFound) assert.deepEqual(codes(r), ['NOT_FOUND'], JSON.stringify(r.errors));
    assert.equal((notFound[7]!.errors![0]!.extensions as any).id, f.teA);
    assert.equal(await auditCount(), before);
    const now = await h.ok<any>(`query($p: ID!, $t: ID!, $a: ID!, $ca: ID!, $x: ID!) { project(id: $p) { name version status } task(id: $t) { status } assignment(id: $a) { status } ca: timeEntry(id: $ca) { status version } x: expenseEntry(id: $x) { status } }`, { p: f.usProject, t: f.usTask, a: f.asgA, ca: f.teCa, x: f.exCa });
    assert.deepEqual(now, { project: { name: 'Rollout le_us', version: 2, status: 'ACTIVE' }, task: { status: 'OPEN' }, assignment: { status: 'TENTATIVE' }, ca: { status: 'DRAFT', version: 1 }, x: { status: 'DRAFT' } });
  });

  test('a referenced resource the caller cannot see is reported as absent', async () => {
    const r = await h.as(caPm).run(`mutation($p: ID!, $r: ID!) { createAssignment(input: { projectId: $p, resourceId: $r, roleCode: "C", startDate: "2026-02-01", endDate: "2026-03-01", scheduledMinutes: 60, billRate: "1", costRate: "1" }) { id } }`, { p: f.caProject, r: f.resB });
    assert.deepEqual(codes(r), ['BAD_USER_INPUT']);
    assert.equal(r.errors?.[0]?.extensions?.field, 'resourceId');
  });
});

describe('projects access: audit', () => {
  const cols = (e: any) => [e.action, e.fromVersion, e.toVersion, e.fromStatus, e.toStatus];

  test('creations, updates and transitions are audited with actor, roles, operation, correlation id, versions and statuses', async () => {
    const as = h.as(usPm);
    const projectId = await createProject(as, 'le_us', 'USD', f.usPmRes);
    await as.ok(`mutation($id: ID!) { updateProject(input: { id: $id, name: "Renamed", health: AT_RISK }) { id } }`, { id: projectId });
    const task = (await as.ok<any>(`mutation($p: ID!) { createTask(input: { projectId: $p, wbsCode: "1", name: "Build" }) { id } }`, { p: projectId })).createTask.id;
    await as.ok(`mutation($id: ID!) { transitionTask(input: { id: $id, action: START }) { id } }`, { id: task });
    const p = await history('Project', projectId);
    assert.deepEqual(p.map(cols), [['CREATE', null, 1, null, 'DRAFT'], ['TRANSITION', 1, 2, 'DRAFT', 'ACTIVE'], ['UPDATE', 2, 3, 'ACTIVE', 'ACTIVE']]);
    assert.deepEqual(p.map((e) => e.operation), ['createProject', 'transitionProject', 'updateProject']);
    assert.ok(p.every((e) => e.actor === 'usr_us_pm' && e.correlationId === 'test' && e.subgraph === 'projects' && e.roles.includes('project_manager')));
    assert.deepEqual((await history('Task', task)).map(cols), [['CREATE', null, 1, null, 'OPEN'], ['TRANSITION', 1, 2, 'OPEN', 'IN_PROGRESS']]);

    const fin = h.as(usFinance);
    const res = (await fin.ok<any>(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
      i: { employeeNumber: `AUD-${process.pid}-${Date.now()}`, displayName: 'Auditee', roleCode: 'C', legalEntityId: 'le_us', employmentType: 'EMPLOYEE', costRates: RATES },
    })).createResource.id;
    await fin.ok(`mutation($id: ID!) { updateResource(input: { id: $id, level: "L2" }) { id } }`, { id: res });
    const r = await history('Resource', res);
    assert.deepEqual(r.map(cols), [['CREATE', null, 1, null, null], ['UPDATE', 1, 2, null, null]]);
    assert.ok(r.every((e) => e.actor === 'usr_us_finance'));
  });

  test('set-based batches audit every row, each under the caller who moved it', async () => {
    const as = h.as(consultantA);
    const ids: string[] = [];
    for (const day of ['2026-04-01', '2026-04-02', '2026-04-03']) ids.push(created(await createTime(as, f.asgA, day), 'createTimeEntry'));
    const batch = (who: Principal, m: string, extra = '') => h.as(who).ok<any>(`mutation($e: [VersionedRef!]!) { ${m}(input: { entries: $e ${extra} }) { id } }`, { e: ids.map((x) => ({ id: x })) });
    await batch(consultantA, 'submitTimeEntries');
    await batch(usPm, 'approveTimeEntries');
    for (const entry of ids) {
      const e = await history('TimeEntry', entry);
      assert.deepEqual(e.map(cols), [['CREATE', null, 1, null, 'DRAFT'], ['TRANSITION', 1, 2, 'DRAFT', 'SUBMITTED'], ['TRANSITION', 2, 3, 'SUBMITTED', 'APPROVED']]);
      assert.deepEqual(e.map((x) => [x.actor, x.operation]), [['usr_consultant_a', 'createTimeEntry'], ['usr_consultant_a', 'submitTimeEntries'], ['usr_us_pm', 'approveTimeEntries']]);
    }
    const ex = created(await createExpense(as, f.resA, f.usProject, 'USD'), 'createExpenseEntry');
    await as.ok(`mutation($id: ID!) { submitExpenseEntries(input: { entries: [{ id: $id }] }) { id } }`, { id: ex });
    await h.as(usPm).ok(`mutation($id: ID!) { rejectExpenseEntries(input: { entries: [{ id: $id }], reason: "No receipt" }) { id } }`, { id: ex });
    assert.deepEqual((await history('ExpenseEntry', ex)).map(cols), [
      ['CREATE', null, 1, null, 'DRAFT'], ['TRANSITION', 1, 2, 'DRAFT', 'SUBMITTED'], ['TRANSITION', 2, 3, 'SUBMITTED', 'REJECTED'],
    ]);
  });

  test('the audit trail is for integration admins only', async () => {
    const denied = await h.as(usPm).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { projects { id } } } }`, { r: [{ __typename: 'EntityHistory', entityType: 'Project', entityId: f.usProject }] });
    assert.deepEqual(codes(denied), ['FORBIDDEN']);
    assert.ok(await auditCount() > 20);
  });
});
