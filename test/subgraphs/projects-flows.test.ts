import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addDays, newId } from '../../platform/domain/index.js';
import { supportedCurrencies } from '../../platform/money/index.js';
import { MAX_ENTRIES_PER_EVENT } from '../../subgraphs/projects/src/domain/events.js';
import { allocateCounts, PLANNING_CURRENCY_FACTORS, planningHorizonEnd, planningRate, setUpProjectFromTemplate } from '../../subgraphs/projects/src/domain/project-template.js';
import { RESOURCE_REQUEST_TRANSITIONS, transitionResourceRequest } from '../../subgraphs/projects/src/domain/resource-request.js';
import { priceTime } from '../../subgraphs/projects/src/domain/time-entry.js';
import type { TimeEntry } from '../../subgraphs/projects/src/domain/types.js';
import { createProjectsSubgraph, projectsMigrations } from '../../subgraphs/projects/src/index.js';
import { timeEntries as timeEntryTable } from '../../subgraphs/projects/src/repository/tables.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

type Subgraph = ReturnType<typeof createProjectsSubgraph>;
let h: SubgraphHarness<ReturnType<Subgraph['createContext']>>;

before(async () => {
  const db = await openTestDatabase('projects', projectsMigrations());
  h = await SubgraphHarness.start(createProjectsSubgraph(db), db);
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

/** A caller with every business role but not integration_admin: system mutations must refuse it. */
const NOT_SYSTEM = principal(['executive', 'finance', 'project_manager', 'sales'], '*', null, 'usr_not_system');

const usd = (minor: string) => ({ amountMinor: minor, currency: 'USD' });
let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${(seq += 1)}`;

async function resource(legalEntityId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const d = await h.ok<{ createResource: { id: string } }>(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: {
      employeeNumber: unique('E'), displayName: 'Someone', roleCode: 'CONSULTANT', legalEntityId, employmentType: 'EMPLOYEE',
      costRates: [{ effectiveFrom: '2026-01-01', rate: '80', currency: 'USD' }], ...overrides,
    },
  });
  return d.createResource.id;
}

/** Counts of audited changes and outbox events: every write is audited, so unchanged counts mean nothing was written. */
async function writes(): Promise<{ audit: number; outbox: number }> {
  const rows = await h.db.query<{ audit: number; outbox: number }>(`SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM outbox)::int AS outbox`);
  return { audit: Number(rows[0]!.audit), outbox: Number(rows[0]!.outbox) };
}

interface OutboxRow { type: string; entity_type: string; entity_id: string; entity_version: number | null; payload: any; actor: string; correlation_id: string }

async function events(type: string, entityId: string): Promise<OutboxRow[]> {
  return h.db.query<OutboxRow>(
    `SELECT type, entity_type, entity_id, entity_version, payload, actor, correlation_id FROM outbox WHERE type = $1 AND entity_id = $2 ORDER BY seq`,
    [type, entityId],
  );
}

const SETUP = `mutation($i: SetupProjectFromOpportunityInput!) { setupProjectFromOpportunity(input: $i) {
  id version code status name billingModel currency startDate endDate projectManagerId legalEntityId budgetMinutes
  budgetRevenue { amountMinor currency } opportunity { id } contract { id } account { id }
  tasks { id wbsCode name parentTask { wbsCode } plannedStart plannedEnd plannedMinutes isBillable status }
  resourceRequests { id version roleCode level minutes startDate endDate status legalEntityId project { id } } } }`;

function setupInput(legalEntityId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    opportunityId: newId('opp'), accountId: newId('acc'), contractId: newId('ctr'), legalEntityId, name: 'Data platform', billingModel: 'TIME_AND_MATERIALS',
    currency: 'USD', startDate: '2026-03-02', endDate: '2026-08-28', budgetRevenue: usd('100000000'), ...overrides,
  };
}

async function projectsOfOpportunity(opportunityId: string): Promise<Array<{ id: string; status: string }>> {
  return h.db.query<{ id: string; status: string }>(`SELECT id, status FROM projects WHERE opportunity_id = $1 ORDER BY id`, [opportunityId]);
}

describe('projects flows: setupProjectFromOpportunity', () => {
  test('sets up a DRAFT project with the T&M WBS and resource requests sized from the budget; the default manager is the lowest-numbered active PM', async () => {
    const le = unique('le_setup');
    const inactive = await resource(le, { roleCode: 'PROJECT_MANAGER', employeeNumber: `${le}-PM-0001` }); // lowest number, but inactive
    await h.ok(`mutation($id: ID!) { updateResource(input: { id: $id, active: false }) { id } }`, { id: inactive });
    await resource(le, { roleCode: 'MANAGER', employeeNumber: `${le}-MG-0001` });
    const pmB = await resource(le, { roleCode: 'PROJECT_MANAGER', employeeNumber: `${le}-PM-0300` });
    const pmA = await resource(le, { roleCode: 'PROJECT_MANAGER', employeeNumber: `${le}-PM-0020` });
    assert.notEqual(pmA, pmB);
    const input = setupInput(le);
    const before = await writes();
    const p = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: input })).setupProjectFromOpportunity;

    assert.match(p.code, /^PRJ-\d{6}$/);
    assert.deepEqual(
      { ...p, id: undefined, code: undefined, tasks: undefined, resourceRequests: undefined },
      {
        id: undefined, code: undefined, tasks: undefined, resourceRequests: undefined, version: 1, status: 'DRAFT', name: 'Data platform',
        billingModel: 'TIME_AND_MATERIALS', currency: 'USD', startDate: '2026-03-02', endDate: '2026-08-28', projectManagerId: pmA, legalEntityId: le,
        budgetMinutes: 353917, budgetRevenue: usd('100000000'), opportunity: { id: input.opportunityId }, contract: { id: input.contractId },
        account: { id: input.accountId },
      },
    );
    // 10/15/35/40 % of 1 000 000.00 at the planning rates (L2 = L1 × 1.15), rounded down to whole minutes.
    assert.deepEqual(p.resourceRequests.map((r: any) => [r.roleCode, r.level, r.minutes]), [
      ['ARCHITECT', 'L2', 37267], ['CONSULTANT', 'L1', 177777], ['PROJECT_MANAGER', 'L2', 28202], ['SENIOR_CONSULTANT', 'L2', 110671],
    ]);
    for (const r of p.resourceRequests) {
      assert.match(r.id, /^rr_/);
      assert.deepEqual([r.version, r.status, r.startDate, r.endDate, r.legalEntityId, r.project.id], [1, 'OPEN', '2026-03-02', '2026-08-28', le, p.id]);
    }
    // 180 days and 353 917 minutes split 15/70/15, Delivery split 25/50/25, by largest remainder.
    assert.deepEqual(p.tasks.map((t: any) => [t.wbsCode, t.name, t.parentTask?.wbsCode ?? null, t.plannedStart, t.plannedEnd, t.plannedMinutes, t.isBillable, t.status]), [
      ['1', 'Discovery', null, '2026-03-02', '2026-03-28', 53088, true, 'OPEN'],
      ['2', 'Delivery', null, '2026-03-29', '2026-08-01', 247742, true, 'OPEN'],
      ['2.1', 'Design', '2', '2026-03-29', '2026-04-29', 61936, true, 'OPEN'],
      ['2.2', 'Build', '2', '2026-04-30', '2026-07-01', 123871, true, 'OPEN'],
      ['2.3', 'Test', '2', '2026-07-02', '2026-08-01', 61935, true, 'OPEN'],
      ['3', 'Hypercare', null, '2026-08-02', '2026-08-28', 53087, true, 'OPEN'],
    ]);
    const after = await writes();
    assert.equal(after.audit - before.audit, 1 + 6 + 4, 'project, six tasks and four requests are audited creations');
    assert.equal(after.outbox, before.outbox, 'setting up emits nothing (activation does)');
  });

  test('a retry with the same idempotency key replays; another key for the same opportunity returns the live project unchanged', async () => {
    const le = unique('le_replay');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const input: Record<string, unknown> = { ...setupInput(le), idempotencyKey: unique('setup') };
    const first = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: input })).setupProjectFromOpportunity;
    const before = await writes();
    const replay = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: input })).setupProjectFromOpportunity;
    assert.deepEqual(replay, first);
    const natural = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: { ...input, name: 'Renamed in CRM', idempotencyKey: unique('setup') } })).setupProjectFromOpportunity;
    assert.deepEqual(natural, first, 'the live project comes back as it is');
    const noKey = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: { ...input, idempotencyKey: undefined } })).setupProjectFromOpportunity;
    assert.equal(noKey.id, first.id);
    assert.deepEqual(await writes(), before, 'replays write nothing');
    assert.equal((await projectsOfOpportunity(input.opportunityId as string)).length, 1);
  });

  test('CANCEL withdraws the open requests; the opportunity can then be set up again and resolves to the new live project', async () => {
    const le = unique('le_cancel');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const input = setupInput(le);
    const first = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: input })).setupProjectFromOpportunity;
    const cancelled = await h.ok<{ transitionProject: any }>(`mutation($id: ID!) { transitionProject(input: { id: $id, action: CANCEL }) { status version resourceRequests { status version } } }`, { id: first.id });
    assert.equal(cancelled.transitionProject.status, 'CANCELLED');
    assert.deepEqual(cancelled.transitionProject.resourceRequests, first.resourceRequests.map(() => ({ status: 'CANCELLED', version: 2 })));
    assert.equal((await events('ProjectActivated', first.id)).length, 0);

    const second = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: input })).setupProjectFromOpportunity;
    assert.notEqual(second.id, first.id);
    assert.deepEqual((await projectsOfOpportunity(input.opportunityId as string)).map((r) => r.status).sort(), ['CANCELLED', 'DRAFT']);
    const opp = await h.ok<{ _entities: any[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Opportunity { project { id } } } }`, {
      r: [{ __typename: 'Opportunity', id: input.opportunityId }],
    });
    assert.equal(opp._entities[0].project.id, second.id);
    // createProject keeps one live project per opportunity too.
    const dup = await h.run(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
      i: { name: 'Dup', accountId: input.accountId, opportunityId: input.opportunityId, legalEntityId: le, billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-03-02', projectManagerId: second.projectManagerId },
    });
    assert.equal(dup.errors?.[0]?.extensions?.code, 'CONFLICT');
  });

  test('fixed fee gets one task per phase; without a project manager the manager is taken; a zero budget requests nobody', async () => {
    const le = unique('le_ff');
    const manager = await resource(le, { roleCode: 'MANAGER' });
    const p = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: setupInput(le, { billingModel: 'FIXED_FEE', budgetRevenue: usd('0') }) })).setupProjectFromOpportunity;
    assert.equal(p.projectManagerId, manager);
    assert.deepEqual(p.tasks.map((t: any) => `${t.wbsCode} ${t.name}`), ['1 Discovery', '2 Design', '3 Build', '4 Test', '5 Deploy', '6 Hypercare']);
    assert.ok(p.tasks.every((t: any) => t.plannedMinutes === null));
    assert.equal(p.tasks[0].plannedStart, '2026-03-02');
    assert.equal(p.tasks[5].plannedEnd, '2026-08-28');
    assert.deepEqual(p.resourceRequests, []);
    assert.equal(p.budgetMinutes, null);
    const named = await resource(le, { roleCode: 'CONSULTANT' });
    const explicit = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: setupInput(le, { billingModel: 'MILESTONE', currency: 'JPY', budgetRevenue: { amountMinor: '30000000', currency: 'JPY' }, projectManagerId: named }) })).setupProjectFromOpportunity;
    assert.equal(explicit.projectManagerId, named);
    assert.deepEqual(explicit.resourceRequests.map((r: any) => r.roleCode), ['ANALYST', 'ARCHITECT', 'DEVELOPER', 'PROJECT_MANAGER', 'QA_ENGINEER']);
    const sum = explicit.resourceRequests.reduce((a: number, r: any) => a + r.minutes, 0);
    assert.equal(explicit.budgetMinutes, sum);
    // 40 % of ¥30 000 000 for a developer at L2: 145 × 1.15 × 150 = ¥25 012.50 an hour.
    assert.equal(explicit.resourceRequests.find((r: any) => r.roleCode === 'DEVELOPER').minutes, 28785);
  });

  test('an open-ended engagement (no end date) keeps no end date and is planned for its first year', async () => {
    const le = unique('le_open');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const p = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: setupInput(le, { billingModel: 'RETAINER', endDate: null }) })).setupProjectFromOpportunity;
    assert.equal(p.endDate, null);
    assert.deepEqual(p.tasks.map((t: any) => t.wbsCode), ['1', '2', '2.1', '2.2', '2.3', '3']);
    assert.equal(p.tasks[5].plannedEnd, '2027-03-01');
    assert.ok(p.resourceRequests.length === 4 && p.resourceRequests.every((r: any) => r.startDate === '2026-03-02' && r.endDate === '2027-03-01'));
  });

  test('refused to callers without integration_admin; nothing is written', async () => {
    const le = unique('le_refused');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const input = setupInput(le);
    const before = await writes();
    const r = await h.as(NOT_SYSTEM).run(SETUP, { i: input });
    assert.equal(r.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(await writes(), before);
    assert.equal((await projectsOfOpportunity(input.opportunityId as string)).length, 0);
  });

  test('invalid input is BAD_USER_INPUT and writes nothing, the project code counter included', async () => {
    const le = unique('le_invalid');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const counter = async () => (await h.db.query<{ value: string }>(`SELECT value FROM code_counters WHERE name = 'project'`))[0]!.value;
    const before = { writes: await writes(), counter: await counter() };
    const bad: Array<Record<string, unknown>> = [
      { endDate: '2026-03-01' }, { endDate: '2026-02-30' }, { budgetRevenue: { amountMinor: '100', currency: 'EUR' } }, { budgetRevenue: usd('-1') },
      { opportunityId: 'acc_01JABCDEFGHJKMNPQRSTVWXYZ0' }, { name: ' ' }, { projectManagerId: 'res_01JABCDEFGHJKMNPQRSTVWXYZ0' },
      { budgetRevenue: usd('9000000000000000000') }, { legalEntityId: unique('le_without_managers') },
    ];
    for (const patch of bad) {
      const input = setupInput(le, patch);
      const r = await h.run(SETUP, { i: { ...input, idempotencyKey: unique('bad') } });
      assert.equal(r.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(patch));
      assert.equal((await projectsOfOpportunity(input.opportunityId as string)).length, 0);
    }
    assert.deepEqual({ writes: await writes(), counter: await counter() }, before);
  });
});

describe('projects flows: domain rules of setup', () => {
  test('every currency the product knows has planning rates; an unknown one is BAD_USER_INPUT', () => {
    for (const { code } of supportedCurrencies()) assert.ok(PLANNING_CURRENCY_FACTORS[code], `${code} has no planning factor`);
    assert.throws(() => planningRate('CONSULTANT', 'L1', 'XTS'), (e: any) => e.code === 'BAD_USER_INPUT');
    assert.equal(planningRate('CONSULTANT', 'L3', 'USD').toFixed(4), '178.5375');
  });

  test('allocateCounts splits exactly by largest remainder; a very short project still plans every phase inside it', () => {
    assert.deepEqual(allocateCounts(126, [25, 50, 25]), [32, 63, 31]);
    assert.deepEqual(allocateCounts(0, [1, 1]), [0, 0]);
    assert.deepEqual(allocateCounts(7, [1, 1, 1]), [3, 2, 2]);
    assert.deepEqual(['2026-03-02', '2024-02-29', '2026-01-31', '2026-12-01'].map((d) => planningHorizonEnd(d)), ['2027-03-01', '2025-02-28', '2027-01-30', '2027-11-30']);
    const ids = (prefix: string) => newId(prefix);
    const setup = setUpProjectFromTemplate(newId('prj'), {
      name: 'Two days', code: 'TWO', accountId: newId('acc'), legalEntityId: 'le_x', billingModel: 'FIXED_FEE', currency: 'USD', startDate: '2026-05-01',
      endDate: '2026-05-02', budgetRevenue: { amountMinor: 1_000_000n, currency: 'USD' }, projectManagerId: newId('res'),
    }, ids, new Date().toISOString());
    assert.equal(setup.tasks.length, 6);
    for (const t of setup.tasks) assert.ok(t.plannedStart! >= '2026-05-01' && t.plannedEnd! <= '2026-05-02' && t.plannedStart! <= t.plannedEnd!, JSON.stringify(t));
    assert.equal(setup.tasks.reduce((a, t) => a + (t.plannedMinutes ?? 0), 0), setup.project.budgetMinutes);
  });

  test('resource requests: only unstaffed requests can be cancelled', () => {
    const base = { id: newId('rr'), version: 1, projectId: newId('prj'), legalEntityId: 'le_x', roleCode: 'CONSULTANT', level: 'L1', minutes: 60, startDate: '2026-01-01', endDate: '2026-01-31', createdAt: '', updatedAt: '' };
    for (const status of RESOURCE_REQUEST_TRANSITIONS.CANCEL.from) assert.equal(transitionResourceRequest({ ...base, status }, 'CANCEL', 'now').status, 'CANCELLED');
    assert.throws(() => transitionResourceRequest({ ...base, status: 'ASSIGNED' }, 'CANCEL', 'now'), (e: any) => e.code === 'INVALID_TRANSITION');
  });
});

/** An ACTIVE project of a fresh legal entity with resources on billable assignments per role. */
async function activeProject(roles: Record<string, string> = { SENIOR_CONSULTANT: '150' }, billingModel = 'TIME_AND_MATERIALS') {
  const le = unique('le_act');
  const manager = await resource(le, { roleCode: 'PROJECT_MANAGER' });
  const p = (await h.ok<{ createProject: { id: string } }>(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
    i: { name: 'Delivery', accountId: newId('acc'), legalEntityId: le, billingModel, currency: 'USD', startDate: '2026-01-05', projectManagerId: manager, budgetRevenue: usd('5000000') },
  })).createProject.id;
  await h.ok(`mutation($id: ID!) { transitionProject(input: { id: $id, action: ACTIVATE }) { id } }`, { id: p });
  const staff: Record<string, { resourceId: string; assignmentId: string }> = {};
  for (const [roleCode, billRate] of Object.entries(roles)) {
    const resourceId = await resource(le, { roleCode });
    const assignmentId = (await h.ok<{ createAssignment: { id: string } }>(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
      i: { projectId: p, resourceId, roleCode, startDate: '2026-02-01', endDate: '2026-12-31', scheduledMinutes: 96000, billRate, costRate: '80' },
    })).createAssignment.id;
    staff[roleCode] = { resourceId, assignmentId };
  }
  return { projectId: p, le, manager, staff };
}

async function newTime(assignmentId: string, workDate: string, extra: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
  return (await h.ok<{ createTimeEntry: { id: string; version: number } }>(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id version } }`, {
    i: { assignmentId, workDate, minutes: 90, ...extra },
  })).createTimeEntry;
}

const TE = 'id version status billRateSnapshot billAmount { amountMinor currency } costRateSnapshot costAmount { amountMinor } approvedAt';

async function batch(mutation: string, ids: string[], fields = 'id version status'): Promise<any[]> {
  return (await h.ok<Record<string, any[]>>(`mutation($e: [VersionedRef!]!) { ${mutation}(input: { entries: $e }) { ${fields} } }`, { e: ids.map((id) => ({ id })) }))[mutation]!;
}

async function approvedTime(assignmentId: string, dates: string[], extra: Record<string, unknown> = {}): Promise<any[]> {
  const ids: string[] = [];
  for (const d of dates) ids.push((await newTime(assignmentId, d, extra)).id);
  await batch('submitTimeEntries', ids);
  return batch('approveTimeEntries', ids, TE);
}

/** Bulk-loads entries the way the seed loader does (one statement), for volume checks. */
async function loadTime(n: number, projectId: string, le: string, staff: { resourceId: string; assignmentId: string }, status: 'SUBMITTED' | 'APPROVED', billRate = '150'): Promise<TimeEntry[]> {
  const now = new Date().toISOString();
  const rows = Array.from({ length: n }, (_, i): TimeEntry => {
    const base: TimeEntry = {
      id: newId('te'), version: status === 'APPROVED' ? 3 : 2, resourceId: staff.resourceId, projectId, taskId: null, assignmentId: staff.assignmentId, legalEntityId: le,
      workDate: addDays('2026-02-02', i % 300), minutes: 60, billableMinutes: 60, billableClass: 'BILLABLE', notes: null, status, submittedAt: now,
      approvedAt: null, approvedBy: null, rejectedReason: null, billRateSnapshot: null, costRateSnapshot: null, billAmount: null, costAmount: null, updatedAt: now,
    };
    return status === 'APPROVED' ? { ...base, approvedAt: now, approvedBy: 'usr_loader', ...priceTime(base, { billRate: `${billRate}.0000`, costRate: '80.0000' }, 'USD') } : base;
  });
  await timeEntryTable.insertMany(h.db, rows);
  return rows;
}

describe('projects flows: events of existing mutations', () => {
  test('ACTIVATE emits ProjectActivated with the new version; a refused activation emits nothing', async () => {
    const le = unique('le_evt');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const p = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: setupInput(le) })).setupProjectFromOpportunity;
    const activated = (await h.ok<{ transitionProject: any }>(`mutation($id: ID!) { transitionProject(input: { id: $id, action: ACTIVATE }) { version activatedAt } }`, { id: p.id })).transitionProject;
    const rows = await events('ProjectActivated', p.id);
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0], {
      type: 'ProjectActivated', entity_type: 'Project', entity_id: p.id, entity_version: 2, actor: 'usr_test_admin', correlation_id: 'test',
      payload: { projectId: p.id, legalEntityId: le, activatedAt: activated.activatedAt },
    });
    const before = await writes();
    assert.equal(await h.errorCode(`mutation($id: ID!) { transitionProject(input: { id: $id, action: ACTIVATE }) { id } }`, { id: p.id }), 'INVALID_TRANSITION');
    assert.deepEqual(await writes(), before);
    await h.ok(`mutation($id: ID!) { transitionProject(input: { id: $id, action: HOLD }) { id } }`, { id: p.id });
    assert.equal((await events('ProjectActivated', p.id)).length, 1, 'other transitions emit nothing');
  });

  test('approveTimeEntries emits TimeEntriesApproved per project with the priced snapshot and the role; a failed approval emits nothing', async () => {
    const a = await activeProject({ SENIOR_CONSULTANT: '150', ANALYST: '95.5' });
    const b = await activeProject({ CONSULTANT: '120' });
    const sc = await newTime(a.staff.SENIOR_CONSULTANT!.assignmentId, '2026-03-02');
    const internal = await newTime(a.staff.ANALYST!.assignmentId, '2026-03-02', { billableClass: 'NON_BILLABLE' });
    const other = await newTime(b.staff.CONSULTANT!.assignmentId, '2026-03-03', { minutes: 45 });
    const ids = [sc.id, other.id, internal.id];
    await batch('submitTimeEntries', ids);
    const before = await writes();
    const stale = await h.run(`mutation($e: [VersionedRef!]!) { approveTimeEntries(input: { entries: $e }) { id } }`, { e: [{ id: sc.id }, { id: other.id, expectedVersion: 1 }] });
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.deepEqual(await writes(), before, 'a failed approval writes no event');

    const approved = await batch('approveTimeEntries', ids, TE);
    const [rowsA, rowsB] = [await events('TimeEntriesApproved', a.projectId), await events('TimeEntriesApproved', b.projectId)];
    assert.equal(rowsA.length, 1);
    assert.equal(rowsB.length, 1);
    assert.equal(rowsA[0]!.entity_type, 'Project');
    assert.equal(rowsA[0]!.entity_version, null, 'a batch event carries the entries\' versions, not the project\'s');
    assert.deepEqual(rowsA[0]!.payload, {
      projectId: a.projectId, legalEntityId: a.le, currency: 'USD', billingModel: 'TIME_AND_MATERIALS',
      entries: [
        {
          id: sc.id, version: 3, resourceId: a.staff.SENIOR_CONSULTANT!.resourceId, roleCode: 'SENIOR_CONSULTANT', workDate: '2026-03-02', minutes: 90,
          billableMinutes: 90, billableClass: 'BILLABLE', billRate: '150.0000', costRate: '80.0000', approvedAt: approved[0].approvedAt, reRated: false,
        },
        {
          id: internal.id, version: 3, resourceId: a.staff.ANALYST!.resourceId, roleCode: 'ANALYST', workDate: '2026-03-02', minutes: 90, billableMinutes: 0,
          billableClass: 'NON_BILLABLE', billRate: null, costRate: '80.0000', approvedAt: approved[2].approvedAt, reRated: false,
        },
      ],
    });
    assert.deepEqual(rowsB[0]!.payload.entries.map((e: any) => [e.id, e.roleCode, e.minutes, e.billRate]), [[other.id, 'CONSULTANT', 45, '120.0000']]);
  });

  test('a batch of 2 003 approvals is split into events of at most 1 000 entries per project, with a constant number of statements', async (t) => {
    const a = await activeProject();
    const b = await activeProject({ CONSULTANT: '120' });
    const big = await loadTime(2001, a.projectId, a.le, a.staff.SENIOR_CONSULTANT!, 'SUBMITTED');
    const small = await loadTime(2, b.projectId, b.le, b.staff.CONSULTANT!, 'SUBMITTED');
    const few = await loadTime(5, b.projectId, b.le, b.staff.CONSULTANT!, 'SUBMITTED');
    const approve = `mutation($e: [VersionedRef!]!) { approveTimeEntries(input: { entries: $e }) { id } }`;
    h.db.stats.take();
    await h.ok(approve, { e: few.map((e) => ({ id: e.id })) });
    const fewStatements = h.db.stats.take();
    const started = performance.now();
    await h.ok(approve, { e: [...big, ...small].map((e) => ({ id: e.id, expectedVersion: 2 })) });
    const ms = performance.now() - started;
    const manyStatements = h.db.stats.take();
    assert.equal(manyStatements, fewStatements, 'statements do not grow with the batch');
    const rowsA = await events('TimeEntriesApproved', a.projectId);
    assert.deepEqual(rowsA.map((r) => r.payload.entries.length), [MAX_ENTRIES_PER_EVENT, MAX_ENTRIES_PER_EVENT, 1]);
    assert.deepEqual(rowsA.flatMap((r) => r.payload.entries.map((e: any) => e.id)), big.map((e) => e.id), 'every entry once, in input order');
    assert.deepEqual((await events('TimeEntriesApproved', b.projectId)).map((r) => r.payload.entries.length), [5, 2]);
    t.diagnostic(`approveTimeEntries of 2 003 entries: ${ms.toFixed(0)} ms, ${manyStatements} statements`);
  });

  test('approveExpenseEntries emits ExpenseEntriesApproved with the billable amount; a failed approval emits nothing', async () => {
    const a = await activeProject();
    const mk = async (extra: Record<string, unknown>) => (await h.ok<{ createExpenseEntry: { id: string } }>(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id } }`, {
      i: { resourceId: a.staff.SENIOR_CONSULTANT!.resourceId, projectId: a.projectId, incurredOn: '2026-03-04', category: 'TRAVEL', amount: usd('12345'), ...extra },
    })).createExpenseEntry.id;
    const billable = await mk({ markupPct: '10' });
    const internal = await mk({ billable: false, category: 'MEALS', amount: { amountMinor: '5000', currency: 'EUR' }, fxRateToProject: '1.1' });
    await batch('submitExpenseEntries', [billable, internal]);
    const before = await writes();
    const stale = await h.run(`mutation($e: [VersionedRef!]!) { approveExpenseEntries(input: { entries: $e }) { id } }`, { e: [{ id: billable }, { id: internal, expectedVersion: 1 }] });
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.deepEqual(await writes(), before, 'a failed approval writes no event');
    const approved = await batch('approveExpenseEntries', [billable, internal], 'id version approvedAt');
    const rows = await events('ExpenseEntriesApproved', a.projectId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.entity_version, null);
    assert.deepEqual(rows[0]!.payload, {
      projectId: a.projectId, legalEntityId: a.le, currency: 'USD',
      entries: [
        { id: billable, version: 3, incurredOn: '2026-03-04', category: 'TRAVEL', billable: true, billAmount: usd('13580'), approvedAt: approved[0].approvedAt },
        { id: internal, version: 3, incurredOn: '2026-03-04', category: 'MEALS', billable: false, billAmount: null, approvedAt: approved[1].approvedAt },
      ],
    });
  });

  test('ACCEPT emits MilestoneAccepted; the other milestone actions and a refused acceptance emit nothing', async () => {
    const a = await activeProject({}, 'MILESTONE');
    const m = (await h.ok<{ createMilestone: { id: string } }>(`mutation($p: ID!) { createMilestone(input: { projectId: $p, name: "Go-live", dueDate: "2026-06-30", billingAmount: { amountMinor: "2500000", currency: "USD" } }) { id } }`, { p: a.projectId })).createMilestone.id;
    const step = (action: string) => h.run(`mutation($id: ID!, $a: MilestoneAction!) { transitionMilestone(input: { id: $id, action: $a }) { version acceptedAt } }`, { id: m, a: action });
    assert.equal((await step('ACCEPT')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    await step('START');
    await step('COMPLETE');
    assert.equal((await events('MilestoneAccepted', m)).length, 0);
    const accepted = (await step('ACCEPT')).data!.transitionMilestone;
    const rows = await events('MilestoneAccepted', m);
    assert.equal(rows.length, 1);
    assert.deepEqual({ ...rows[0], correlation_id: undefined, actor: undefined }, {
      type: 'MilestoneAccepted', entity_type: 'Milestone', entity_id: m, entity_version: 4, correlation_id: undefined, actor: undefined,
      payload: { milestoneId: m, projectId: a.projectId, legalEntityId: a.le, name: 'Go-live', billingAmount: usd('2500000'), acceptedAt: accepted.acceptedAt, version: 4 },
    });
  });
});

const MARK = `mutation($i: MarkEntriesBilledInput!) { markEntriesBilled(input: $i) }`;
const UNBILL = `mutation($i: UnbillEntriesInput!) { unbillEntries(input: $i) }`;

async function statuses(ids: string[]): Promise<Array<[string, number]>> {
  const rows = await h.db.query<{ id: string; status: string; version: number }>(
    `SELECT id, status, version FROM time_entries WHERE id = ANY($1::text[]) UNION ALL SELECT id, status, version FROM expense_entries WHERE id = ANY($1::text[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, [r.status, Number(r.version)] as [string, number]]));
  return ids.map((id) => byId.get(id)!);
}

describe('projects flows: markEntriesBilled and unbillEntries', () => {
  async function billable() {
    const a = await activeProject();
    const time = await approvedTime(a.staff.SENIOR_CONSULTANT!.assignmentId, ['2026-03-02', '2026-03-03']);
    const exp = (await h.ok<{ createExpenseEntry: { id: string } }>(`mutation($i: CreateExpenseEntryInput!) { createExpenseEntry(input: $i) { id } }`, {
      i: { resourceId: a.staff.SENIOR_CONSULTANT!.resourceId, projectId: a.projectId, incurredOn: '2026-03-04', category: 'TRAVEL', amount: usd('5000') },
    })).createExpenseEntry.id;
    await batch('submitExpenseEntries', [exp]);
    await batch('approveExpenseEntries', [exp]);
    return { ...a, time: time.map((t) => t.id as string), exp };
  }

  test('APPROVED → BILLED with EntriesBilled; a key replay and a natural replay change nothing and emit nothing', async () => {
    const a = await billable();
    const input = { timeEntries: a.time.map((id) => ({ id, expectedVersion: 3 })), expenseEntries: [{ id: a.exp, expectedVersion: 3 }], idempotencyKey: unique('mark') };
    assert.equal((await h.ok<{ markEntriesBilled: boolean }>(MARK, { i: input })).markEntriesBilled, true);
    assert.deepEqual(await statuses([...a.time, a.exp]), [['BILLED', 4], ['BILLED', 4], ['BILLED', 4]]);
    const rows = await events('EntriesBilled', a.projectId);
    assert.equal(rows.length, 1);
    assert.deepEqual([rows[0]!.entity_type, rows[0]!.entity_version], ['Project', null]);
    assert.deepEqual(rows[0]!.payload, { projectId: a.projectId, timeEntryIds: a.time, expenseEntryIds: [a.exp] });

    const before = await writes();
    assert.equal((await h.ok<{ markEntriesBilled: boolean }>(MARK, { i: input })).markEntriesBilled, true, 'key replay');
    assert.equal((await h.ok<{ markEntriesBilled: boolean }>(MARK, { i: { ...input, idempotencyKey: unique('mark') } })).markEntriesBilled, true, 'already BILLED is skipped, even at the old version');
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await statuses([...a.time, a.exp]), [['BILLED', 4], ['BILLED', 4], ['BILLED', 4]]);

    // A project's billed time blocks its cancellation.
    assert.equal(await h.errorCode(`mutation($id: ID!) { transitionProject(input: { id: $id, action: CANCEL }) { id } }`, { id: a.projectId }), 'INVALID_TRANSITION');
  });

  test('a batch mixing billed and approved entries bills only the approved ones', async () => {
    const a = await billable();
    await h.ok(MARK, { i: { timeEntries: [{ id: a.time[0] }] } });
    await h.ok(MARK, { i: { timeEntries: a.time.map((id) => ({ id })), expenseEntries: [{ id: a.exp }] } });
    const rows = await events('EntriesBilled', a.projectId);
    assert.deepEqual(rows.map((r) => r.payload), [
      { projectId: a.projectId, timeEntryIds: [a.time[0]], expenseEntryIds: [] },
      { projectId: a.projectId, timeEntryIds: [a.time[1]], expenseEntryIds: [a.exp] },
    ]);
  });

  test('refused to callers without integration_admin', async () => {
    const a = await billable();
    const before = await writes();
    const mark = await h.as(NOT_SYSTEM).run(MARK, { i: { timeEntries: [{ id: a.time[0] }] } });
    assert.equal(mark.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const unbill = await h.as(NOT_SYSTEM).run(UNBILL, { i: { timeEntryIds: [a.time[0]] } });
    assert.equal(unbill.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await statuses([a.time[0]!]), [['APPROVED', 3]]);
  });

  test('a batch with any entry that cannot be billed fails whole, writes nothing and emits nothing', async () => {
    const a = await billable();
    const nonBillable = (await approvedTime(a.staff.SENIOR_CONSULTANT!.assignmentId, ['2026-03-05'], { billableClass: 'NON_BILLABLE' }))[0].id as string;
    const submitted = (await newTime(a.staff.SENIOR_CONSULTANT!.assignmentId, '2026-03-06')).id;
    await batch('submitTimeEntries', [submitted]);
    const before = await writes();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'BAD_USER_INPUT'],
      [{ timeEntries: [], expenseEntries: [] }, 'BAD_USER_INPUT'],
      [{ timeEntries: [{ id: a.time[0] }, { id: a.time[0] }] }, 'BAD_USER_INPUT'],
      [{ timeEntries: Array.from({ length: 5001 }, () => ({ id: newId('te') })) }, 'BAD_USER_INPUT'],
      [{ timeEntries: [{ id: a.time[0] }, { id: nonBillable }] }, 'INVALID_TRANSITION'],
      [{ timeEntries: [{ id: a.time[0] }, { id: submitted }] }, 'INVALID_TRANSITION'],
      [{ timeEntries: [{ id: a.time[0] }, { id: a.time[1], expectedVersion: 2 }] }, 'VERSION_CONFLICT'],
      [{ timeEntries: [{ id: a.time[0] }], expenseEntries: [{ id: newId('exp') }] }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      const r = await h.run(MARK, { i: { ...input, idempotencyKey: unique('bad-mark') } });
      assert.equal(r.errors?.[0]?.extensions?.code, code, JSON.stringify(input).slice(0, 200));
    }
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await statuses([...a.time, a.exp]), [['APPROVED', 3], ['APPROVED', 3], ['APPROVED', 3]]);
    assert.equal((await events('EntriesBilled', a.projectId)).length, 0);
  });

  test('unbillEntries releases BILLED entries and skips the others; replays change nothing', async () => {
    const a = await billable();
    await h.ok(MARK, { i: { timeEntries: [{ id: a.time[0] }], expenseEntries: [{ id: a.exp }] } });
    const input = { timeEntryIds: a.time, expenseEntryIds: [a.exp], idempotencyKey: unique('unbill') };
    const before = await writes();
    assert.equal((await h.ok<{ unbillEntries: boolean }>(UNBILL, { i: input })).unbillEntries, true);
    assert.deepEqual(await statuses([...a.time, a.exp]), [['APPROVED', 5], ['APPROVED', 3], ['APPROVED', 5]], 'the approved entry is skipped');
    const after = await writes();
    assert.equal(after.audit - before.audit, 2);
    assert.equal(after.outbox, before.outbox);
    assert.equal((await h.ok<{ unbillEntries: boolean }>(UNBILL, { i: input })).unbillEntries, true, 'key replay');
    assert.equal((await h.ok<{ unbillEntries: boolean }>(UNBILL, { i: { ...input, idempotencyKey: unique('unbill') } })).unbillEntries, true, 'natural replay');
    assert.deepEqual(await writes(), after);
    // Released entries can be billed again (by the next invoice).
    await h.ok(MARK, { i: { timeEntries: [{ id: a.time[0], expectedVersion: 5 }] } });
    assert.deepEqual(await statuses([a.time[0]!]), [['BILLED', 6]]);
  });

  test('unbillEntries validates its lists and writes nothing on failure', async () => {
    const a = await billable();
    await h.ok(MARK, { i: { timeEntries: [{ id: a.time[0] }] } });
    const before = await writes();
    for (const [input, code] of [
      [{}, 'BAD_USER_INPUT'], [{ timeEntryIds: [a.time[0], a.time[0]] }, 'BAD_USER_INPUT'], [{ timeEntryIds: [a.time[0], newId('te')] }, 'NOT_FOUND'],
    ] as Array<[Record<string, unknown>, string]>) {
      assert.equal((await h.run(UNBILL, { i: input })).errors?.[0]?.extensions?.code, code, JSON.stringify(input));
    }
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await statuses([a.time[0]!]), [['BILLED', 4]]);
  });

  test('5 000 entries are billed and released in one transaction each, with a constant number of statements', async (t) => {
    const a = await activeProject();
    const few = await loadTime(10, a.projectId, a.le, a.staff.SENIOR_CONSULTANT!, 'APPROVED');
    const many = await loadTime(5000, a.projectId, a.le, a.staff.SENIOR_CONSULTANT!, 'APPROVED');
    h.db.stats.take();
    await h.ok(MARK, { i: { timeEntries: few.map((e) => ({ id: e.id })) } });
    const fewStatements = h.db.stats.take();
    let started = performance.now();
    await h.ok(MARK, { i: { timeEntries: many.map((e) => ({ id: e.id, expectedVersion: 3 })) } });
    const markMs = performance.now() - started;
    const manyStatements = h.db.stats.take();
    assert.equal(manyStatements, fewStatements);
    const billed = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM time_entries WHERE project_id = $1 AND status = 'BILLED' AND version = 4`, [a.projectId]);
    assert.equal(Number(billed[0]!.n), 5010);
    const rows = await events('EntriesBilled', a.projectId);
    assert.deepEqual(rows.map((r) => r.payload.timeEntryIds.length), [10, 5000]);
    h.db.stats.take();
    started = performance.now();
    await h.ok(UNBILL, { i: { timeEntryIds: many.map((e) => e.id) } });
    const unbillMs = performance.now() - started;
    const unbillStatements = h.db.stats.take();
    await h.ok(UNBILL, { i: { timeEntryIds: few.map((e) => e.id) } });
    assert.equal(h.db.stats.take(), unbillStatements);
    t.diagnostic(`markEntriesBilled of 5 000 entries: ${markMs.toFixed(0)} ms (${manyStatements} statements); unbillEntries: ${unbillMs.toFixed(0)} ms (${unbillStatements} statements)`);
  });
});

const RATES = `mutation($i: ApplyRateChangesInput!) { applyRateChanges(input: $i) { id version budgetRevenue { amountMinor currency } } }`;

describe('projects flows: applyRateChanges', () => {
  async function amended() {
    const a = await activeProject({ SENIOR_CONSULTANT: '150', ANALYST: '100' });
    const sc = a.staff.SENIOR_CONSULTANT!.assignmentId;
    const [early, onDate, later] = await approvedTime(sc, ['2026-03-09', '2026-03-10', '2026-04-01']);
    const [billed] = await approvedTime(sc, ['2026-04-02']);
    await h.ok(MARK, { i: { timeEntries: [{ id: billed.id }] } });
    const [internal] = await approvedTime(sc, ['2026-04-03'], { billableClass: 'NON_BILLABLE' });
    const [analyst] = await approvedTime(a.staff.ANALYST!.assignmentId, ['2026-04-01']);
    const submitted = (await newTime(sc, '2026-04-06')).id;
    await batch('submitTimeEntries', [submitted]);
    return { ...a, early, onDate, later, billed, internal, analyst, submitted };
  }
  const entry = async (id: string) => (await h.ok<{ timeEntry: any }>(`query($id: ID!) { timeEntry(id: $id) { ${TE} } }`, { id })).timeEntry;
  const assignmentRate = async (id: string) => (await h.ok<{ assignment: any }>(`query($id: ID!) { assignment(id: $id) { billRate version } }`, { id })).assignment;

  test('re-rates the role\'s assignments and its APPROVED billable time from the effective date, announces it and adds the budget delta', async () => {
    const a = await amended();
    const amendment = newId('amd');
    const input = {
      projectId: a.projectId, effectiveDate: '2026-03-10', rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: '175.5' }], budgetRevenueDelta: usd('500000'),
      contractAmendmentId: amendment, idempotencyKey: unique('rates'),
    };
    const project = (await h.ok<{ applyRateChanges: any }>(RATES, { i: input })).applyRateChanges;
    assert.deepEqual(project, { id: a.projectId, version: 3, budgetRevenue: usd('5500000') });
    assert.deepEqual(await assignmentRate(a.staff.SENIOR_CONSULTANT!.assignmentId), { billRate: '175.5000', version: 2 });
    assert.deepEqual(await assignmentRate(a.staff.ANALYST!.assignmentId), { billRate: '100.0000', version: 1 });
    // 1.5 h × 175.50 = 263.25; cost and approval untouched.
    for (const e of [a.onDate, a.later]) {
      assert.deepEqual(await entry(e.id), { ...e, version: 4, billRateSnapshot: '175.5000', billAmount: usd('26325') });
    }
    assert.deepEqual(await entry(a.early.id), a.early, 'time before the effective date keeps its rate');
    assert.deepEqual(await entry(a.analyst.id), a.analyst, 'other roles keep their rates');
    assert.deepEqual(await entry(a.internal.id), a.internal, 'non-billable time has no bill rate to change');
    assert.deepEqual(await statuses([a.billed.id]), [['BILLED', 4]], 'billed time is never re-rated');
    assert.equal((await entry(a.billed.id)).billRateSnapshot, '150.0000');
    // The submitted entry will be priced at the new rate when approved.
    const [approvedLater] = await batch('approveTimeEntries', [a.submitted], TE);
    assert.equal(approvedLater.billRateSnapshot, '175.5000');

    const rows = (await events('TimeEntriesApproved', a.projectId)).filter((r) => r.payload.entries.some((e: any) => e.reRated));
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0]!.payload.entries.map((e: any) => [e.id, e.version, e.roleCode, e.billRate, e.costRate, e.reRated, e.approvedAt]).sort(), [
      [a.onDate.id, 4, 'SENIOR_CONSULTANT', '175.5000', '80.0000', true, a.onDate.approvedAt],
      [a.later.id, 4, 'SENIOR_CONSULTANT', '175.5000', '80.0000', true, a.later.approvedAt],
    ].sort());

    const before = await writes();
    assert.deepEqual((await h.ok<{ applyRateChanges: any }>(RATES, { i: input })).applyRateChanges, project, 'key replay');
    const natural = (await h.ok<{ applyRateChanges: any }>(RATES, { i: { ...input, idempotencyKey: unique('rates') } })).applyRateChanges;
    assert.deepEqual(natural, project, 'the same amendment is applied once: the budget delta is not added again');
    assert.deepEqual(await writes(), before);
  });

  test('without an amendment, re-applying the same rates re-rates nothing; no delta leaves the budget as it is', async () => {
    const a = await amended();
    const input = { projectId: a.projectId, effectiveDate: '2026-01-01', rateChanges: [{ roleCode: 'ANALYST', billRate: '110' }, { roleCode: 'DESIGNER', billRate: '99' }] };
    const first = (await h.ok<{ applyRateChanges: any }>(RATES, { i: input })).applyRateChanges;
    assert.deepEqual(first, { id: a.projectId, version: 2, budgetRevenue: usd('5000000') });
    assert.deepEqual((await entry(a.analyst.id)).billAmount, usd('16500'));
    const eventsBefore = (await events('TimeEntriesApproved', a.projectId)).length;
    await h.ok(RATES, { i: input });
    assert.equal((await events('TimeEntriesApproved', a.projectId)).length, eventsBefore, 'nothing re-rated, nothing announced');
    assert.deepEqual((await entry(a.analyst.id)).version, 4);
  });

  test('refused to callers without integration_admin; invalid input and closed projects write nothing', async () => {
    const a = await amended();
    const valid = { projectId: a.projectId, effectiveDate: '2026-03-10', rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: '175' }], budgetRevenueDelta: usd('100') };
    const before = await writes();
    assert.equal((await h.as(NOT_SYSTEM).run(RATES, { i: valid })).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ rateChanges: [], budgetRevenueDelta: null }, 'BAD_USER_INPUT'],
      [{ rateChanges: [], budgetRevenueDelta: usd('0') }, 'BAD_USER_INPUT'],
      [{ rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: '1' }, { roleCode: 'SENIOR_CONSULTANT', billRate: '2' }] }, 'BAD_USER_INPUT'],
      [{ rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: '175.12345' }] }, 'BAD_USER_INPUT'],
      [{ rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: '-1' }] }, 'BAD_USER_INPUT'],
      [{ budgetRevenueDelta: { amountMinor: '100', currency: 'EUR' } }, 'BAD_USER_INPUT'],
      [{ budgetRevenueDelta: usd('-5000001') }, 'BAD_USER_INPUT'],
      [{ effectiveDate: '2026-13-01' }, 'BAD_USER_INPUT'],
      [{ contractAmendmentId: 'ctr_01JABCDEFGHJKMNPQRSTVWXYZ0' }, 'BAD_USER_INPUT'],
      [{ projectId: newId('prj') }, 'NOT_FOUND'],
    ];
    for (const [patch, code] of cases) {
      const r = await h.run(RATES, { i: { ...valid, ...patch, idempotencyKey: unique('bad-rates') } });
      assert.equal(r.errors?.[0]?.extensions?.code, code, JSON.stringify(patch));
    }
    assert.deepEqual(await writes(), before);
    assert.deepEqual(await entry(a.onDate.id), a.onDate);
    assert.deepEqual(await assignmentRate(a.staff.SENIOR_CONSULTANT!.assignmentId), { billRate: '150.0000', version: 1 });
    const rateRows = await h.db.query(`SELECT id FROM project_rate_changes WHERE project_id = $1`, [a.projectId]);
    assert.equal(rateRows.length, 0);

    const done = await activeProject();
    await h.ok(`mutation($id: ID!) { a: transitionProject(input: { id: $id, action: CANCEL }) { id } }`, { id: done.projectId });
    assert.equal((await h.run(RATES, { i: { ...valid, projectId: done.projectId } })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
  });

  test('rate changes, new time and edited time on one project at once queue on the project instead of deadlocking', async () => {
    // A booking share-locks the project before the assignment, the order a rate change locks them in. The other way
    // round, PostgreSQL aborted one of the two with a deadlock whenever both held their first lock.
    const a = await activeProject();
    const sc = a.staff.SENIOR_CONSULTANT!.assignmentId;
    const rounds = 12;
    const day = (i: number) => addDays('2026-05-04', i);
    const drafts: Array<{ id: string }> = [];
    for (let i = 0; i < rounds; i++) drafts.push(await newTime(sc, day(i)));
    for (let i = 0; i < rounds; i++) {
      const results = await Promise.all([
        h.run(RATES, { i: { projectId: a.projectId, effectiveDate: '2026-01-01', rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: String(151 + i) }] } }),
        h.run(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId: sc, workDate: day(rounds + i), minutes: 60 } }),
        h.run(`mutation($i: UpdateTimeEntryInput!) { updateTimeEntry(input: $i) { id } }`, { i: { id: drafts[i]!.id, minutes: 120 } }),
      ]);
      assert.deepEqual(results.map((r) => r.errors ?? []), [[], [], []], `round ${i}`);
    }
    assert.deepEqual(await assignmentRate(sc), { billRate: `${150 + rounds}.0000`, version: 1 + rounds });
    const booked = await h.db.query<{ n: number; minutes: number }>(`SELECT count(*)::int AS n, sum(minutes)::int AS minutes FROM time_entries WHERE assignment_id = $1`, [sc]);
    assert.deepEqual({ ...booked[0] }, { n: 2 * rounds, minutes: rounds * 120 + rounds * 60 });
  });

  test('re-rating thousands of entries is set-based: the statement count does not grow with them', async (t) => {
    const a = await activeProject();
    const b = await activeProject();
    await loadTime(10, a.projectId, a.le, a.staff.SENIOR_CONSULTANT!, 'APPROVED');
    await loadTime(3000, b.projectId, b.le, b.staff.SENIOR_CONSULTANT!, 'APPROVED');
    const apply = (projectId: string) => h.ok(RATES, { i: { projectId, effectiveDate: '2026-01-01', rateChanges: [{ roleCode: 'SENIOR_CONSULTANT', billRate: '160' }], budgetRevenueDelta: usd('1') } });
    h.db.stats.take();
    await apply(a.projectId);
    const few = h.db.stats.take();
    const started = performance.now();
    await apply(b.projectId);
    const ms = performance.now() - started;
    assert.equal(h.db.stats.take(), few);
    const rows = await events('TimeEntriesApproved', b.projectId);
    assert.deepEqual(rows.map((r) => r.payload.entries.length), [1000, 1000, 1000]);
    assert.ok(rows.every((r) => r.payload.entries.every((e: any) => e.reRated && e.billRate === '160.0000' && e.version === 4)));
    t.diagnostic(`applyRateChanges re-rating 3 000 entries: ${ms.toFixed(0)} ms, ${few} statements`);
  });
});

describe('projects flows: resource requests in the graph', () => {
  test('resourceRequest by id and _entities; rows of other legal entities are invisible', async () => {
    const le = unique('le_rr');
    await resource(le, { roleCode: 'PROJECT_MANAGER' });
    const p = (await h.ok<{ setupProjectFromOpportunity: any }>(SETUP, { i: setupInput(le) })).setupProjectFromOpportunity;
    const id = p.resourceRequests[0].id;
    const byId = await h.ok<{ resourceRequest: any }>(`query($id: ID!) { resourceRequest(id: $id) { id roleCode project { id } } }`, { id });
    assert.deepEqual(byId.resourceRequest, { id, roleCode: 'ARCHITECT', project: { id: p.id } });
    const entities = await h.ok<{ _entities: any[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ResourceRequest { id status } } }`, {
      r: [{ __typename: 'ResourceRequest', id }, { __typename: 'ResourceRequest', id: newId('rr') }],
    });
    assert.deepEqual(entities._entities, [{ id, status: 'OPEN' }, null]);
    const outsider = h.as(principal(['project_manager'], ['le_elsewhere']));
    assert.equal((await outsider.ok<{ resourceRequest: any }>(`query($id: ID!) { resourceRequest(id: $id) { id } }`, { id })).resourceRequest, null);
    const consultant = h.as(principal(['consultant'], [le], newId('res')));
    assert.equal((await consultant.ok<{ resourceRequest: any }>(`query($id: ID!) { resourceRequest(id: $id) { id } }`, { id })).resourceRequest.id, id);
  });
});
