/**
 * Fault tests with real processes on loopback: the product split into five operating-system processes over
 * PostgreSQL and Redis Streams (systems of record; billing alone; gateway and process-layer API; saga workers; outbox
 * relays), each killed with SIGKILL in the middle of flows and restarted. The flows must finish, nothing lost and
 * nothing doubled, and `check:invariants` must pass at the end.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'redis';
import { checkInvariants, formatReport, quiescent } from '../../ops/invariants.js';
import { openPostgres } from '../../platform/db/postgres.js';
import { EXECUTIVE, clientToken, principal, testKeys } from '../support/auth.js';
import { createTestDatabaseUrl, dropTestDatabases } from '../support/db.js';
import { freePort, gatewayClient, startProcess, type GatewayClient, type ProductProcess } from '../support/processes.js';
import { waitFor } from '../support/wait.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVICES = ['crm', 'projects', 'billing', 'finance', 'orchestration'] as const;

/** The process groups of the deployment, by name. */
const GROUPS = {
  records: 'crm,projects,finance',
  billing: 'billing',
  edge: 'gateway,orchestration',
  worker: 'worker',
  relay: 'relay',
} as const;
type Group = keyof typeof GROUPS;

let env: NodeJS.ProcessEnv;
let dataDir: string;
let stream: string;
let databaseUrls: Record<(typeof SERVICES)[number], string>;
const running = new Map<Group, ProductProcess>();
let gw: GatewayClient;
let admin: GatewayClient;
let invariantToken: string;
let gatewayUrl: string;

async function start(group: Group): Promise<void> {
  running.set(group, await startProcess(group, GROUPS[group], env));
}

async function kill9(group: Group): Promise<void> {
  await running.get(group)?.kill9();
  running.delete(group);
}

function diagnostics(): string {
  return [...running.values()].map((p) => `----- ${p.name} -----\n${p.output().slice(-4000)}`).join('\n');
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ps-fault-'));
  stream = `ps:test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const redis = createClient({ url: REDIS_URL });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is required for the fault tests but ${REDIS_URL} is unreachable: ${(error as Error).message}`);
  } finally {
    await redis.quit().catch(() => undefined);
  }
  databaseUrls = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await createTestDatabaseUrl(s)]))) as typeof databaseUrls;
  const keys = testKeys();
  const port = await freePort();
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  env = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', LOG_LEVEL: 'warn',
    HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_ON_START: 'none',
    REDIS_URL, REDIS_STREAM: stream, REDIS_CLAIM_IDLE_MS: '2000',
    STEP_LEASE_SECONDS: '4', JOB_MAINTENANCE_SECONDS: '1', WORKER_CONCURRENCY: '4',
    AUTH_JWT_SECRET: keys.edge.secret as string, AUTH_ISSUER: keys.edge.issuer, AUTH_AUDIENCE: keys.edge.audience,
    INTERNAL_JWT_PRIVATE_KEY: keys.internal.privateKeyPem as string,
    INTERNAL_JWT_PUBLIC_KEY: keys.internal.publicKeyPem,
  };
  SERVICES.forEach((s, i) => {
    env[`${s.toUpperCase()}_DATABASE_URL`] = databaseUrls[s];
    env[`${s.toUpperCase()}_PORT`] = String(ports[i]);
  });
  // The systems of record first (they migrate their databases), then the edge, the workers and the relays.
  await start('records');
  await start('billing');
  await start('edge');
  await start('worker');
  await start('relay');
  gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  gw = gatewayClient(gatewayUrl, clientToken(keys.edge.secret as string, EXECUTIVE, { expiresIn: '2h' }));
  invariantToken = clientToken(keys.edge.secret as string, principal(['integration_admin', 'executive', 'finance'], '*'), { expiresIn: '2h' });
  admin = gatewayClient(gatewayUrl, invariantToken);
});

after(async () => {
  await Promise.all([...running.values()].map((p) => p.stop()));
  running.clear();
  await dropTestDatabases();
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  await redis.del([stream, `${stream}:dead`]);
  await redis.quit();
  rmSync(dataDir, { recursive: true, force: true });
});

// ——— the business set-up, through the gateway ———

interface Firm {
  legalEntityId: string;
  currency: string;
  projectManagerId: string;
}

async function setUpFirm(): Promise<Firm> {
  const legalEntityId = `le_us_${Math.random().toString(36).slice(2, 8)}`;
  // Legal entities are the ERP's reference data (no mutation creates one).
  const finance = await openPostgres({ url: databaseUrls.finance, max: 1 });
  try {
    await finance.query(
      `INSERT INTO legal_entities (id, name, country, functional_currency, tax_id, fiscal_year_start_month, invoice_number_prefix) VALUES ($1, 'Northwind US', 'US', 'USD', NULL, 1, 'US-INV-')`,
      [legalEntityId],
    );
  } finally {
    await finance.close();
  }
  await gw.data(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: { name: 'US standard', scope: 'LEGAL_ENTITY', legalEntityId, currency: 'USD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '150' }, { roleCode: 'PROJECT_MANAGER', billRate: '210' }] },
  });
  const pm = await gw.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `PM-${legalEntityId}`, displayName: 'Pat Manager', roleCode: 'PROJECT_MANAGER', legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '95', currency: 'USD' }] },
  });
  return { legalEntityId, currency: 'USD', projectManagerId: pm.createResource.id };
}

async function readyToWin(firm: Firm, n: number): Promise<string> {
  const acc = await gw.data(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { name: `Client ${n}`, ownerUserId: 'usr_sales' } });
  const accountId = acc.createAccount.id;
  const money = { amountMinor: '12000000', currency: firm.currency };
  const opp = await gw.data(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
    i: { accountId, name: `Programme ${n}`, amount: money, expectedCloseDate: '2026-06-30', pricingModel: 'TIME_AND_MATERIALS', legalEntityId: firm.legalEntityId, expectedStartDate: '2026-07-06', ownerUserId: 'usr_sales' },
  });
  const ctr = await gw.data(`mutation($i: CreateContractInput!) { createContract(input: $i) { id } }`, {
    i: { accountId, opportunityId: opp.createOpportunity.id, kind: 'SOW', legalEntityId: firm.legalEntityId, startDate: '2026-07-06', endDate: '2026-12-31', billingModel: 'TIME_AND_MATERIALS', originalValue: money, paymentTermsDays: 30 },
  });
  for (const action of ['SUBMIT', 'ACTIVATE']) await gw.data(`mutation($i: TransitionContractInput!) { transitionContract(input: $i) { id } }`, { i: { id: ctr.createContract.id, action } });
  return opp.createOpportunity.id;
}

async function win(opportunityId: string): Promise<string> {
  const r = await gw.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId, idempotencyKey: `win-${opportunityId}` } });
  return r.winOpportunity.run.correlationId;
}

interface FlowView {
  status: string;
  steps: Array<{ name: string; status: string; attempts: number; lastError: string | null }>;
}

async function flow(correlationId: string): Promise<FlowView> {
  const d = await gw.data(`query($c: ID!) { orchestrationRun(correlationId: $c) { status steps { name status attempts lastError } } }`, { c: correlationId });
  return d.orchestrationRun;
}

async function allCompleted(correlationIds: readonly string[], timeoutMs: number, what: string): Promise<void> {
  await waitFor(async () => {
    const flows = await Promise.all(correlationIds.map(flow));
    const stuck = flows.filter((f) => f.status === 'FAILED' || f.status === 'COMPENSATED');
    if (stuck.length > 0) throw new Error(`a flow failed: ${JSON.stringify(stuck)}`);
    return flows.every((f) => f.status === 'COMPLETED');
  }, timeoutMs, what, 250).catch((error) => {
    throw new Error(`${(error as Error).message}\n${diagnostics()}`);
  });
}

async function invariantsHold(): Promise<void> {
  const options = { url: gatewayUrl, token: invariantToken };
  await waitFor(() => quiescent(options), 90_000, 'the deployment to settle (outboxes published, no run in flight)', 250);
  const report = await checkInvariants(options);
  assert.equal(report.ok, true, formatReport(report));
}

async function liveProjectsOf(opportunityIds: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const id of opportunityIds) {
    const d = await gw.data(`query($id: ID!) { opportunity(id: $id) { project { id status billingSchedules { id status } } } }`, { id });
    out[id] = d.opportunity.project ? [`${d.opportunity.project.status}:${d.opportunity.project.billingSchedules.map((s: { status: string }) => s.status).join(',')}`] : [];
  }
  return out;
}

async function projectOf(opportunityId: string): Promise<string> {
  return (await gw.data(`query($id: ID!) { opportunity(id: $id) { project { id } } }`, { id: opportunityId })).opportunity.project.id;
}

async function timeItemsOf(projectId: string): Promise<Array<{ sourceId: string; status: string }>> {
  const { project } = await gw.data(`query($p: ID!) { project(id: $p) { billableItems { sourceId sourceType status } } }`, { p: projectId });
  return project.billableItems.filter((i: { sourceType: string; status: string }) => i.sourceType === 'TIME' && i.status !== 'CANCELLED');
}

interface InvoiceView {
  id: string;
  status: string;
  total: { amountMinor: string };
  receivable: { openAmount: { amountMinor: string } } | null;
}

/** The non-void invoices of the projects, in project order. */
async function invoicesOf(projectIds: readonly string[]): Promise<InvoiceView[]> {
  const out: InvoiceView[] = [];
  for (const p of projectIds) {
    const { project } = await gw.data(`query($p: ID!) { project(id: $p) { invoices { id status total { amountMinor } receivable { openAmount { amountMinor } } } } }`, { p });
    out.push(...project.invoices.filter((i: InvoiceView) => i.status !== 'VOID'));
  }
  return out;
}

describe('kill -9 mid-flow, real processes over PostgreSQL and Redis', () => {
  let firm: Firm;
  const won: string[] = [];
  const billed: Array<{ projectId: string; entries: string[] }> = [];

  /** Submitted time of one consultant on the project, 8 hours on each date; returns the entry ids. */
  async function submittedTime(projectId: string, dates: readonly string[]): Promise<string[]> {
    const resource = await gw.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
      i: { employeeNumber: `C-${projectId.slice(-8)}`, displayName: 'Casey Consultant', roleCode: 'CONSULTANT', legalEntityId: firm.legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '70', currency: 'USD' }] },
    });
    const assignment = await gw.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
      i: { projectId, resourceId: resource.createResource.id, roleCode: 'CONSULTANT', startDate: '2026-07-06', endDate: '2026-12-31', scheduledMinutes: 24_000, billRate: '150', costRate: '70' },
    });
    const ids: string[] = [];
    for (const workDate of dates) {
      const e = await gw.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: { assignmentId: assignment.createAssignment.id, workDate, minutes: 480, billableMinutes: 480 } });
      ids.push(e.createTimeEntry.id);
    }
    await gw.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: ids.map((id) => ({ id })) } });
    return ids;
  }

  before(async () => {
    firm = await setUpFirm();
  });

  test('the saga worker killed while set-ups run: another worker resumes them after the lease', async () => {
    const opportunities = await Promise.all([1, 2, 3].map((n) => readyToWin(firm, n)));
    const flows = await Promise.all(opportunities.map(win));
    won.push(...opportunities);
    // Mid-flow: at least one set-up has started and not finished.
    const inFlight = await waitFor(async () => {
      const views = await Promise.all(flows.map(flow));
      return views.some((v) => v.status === 'RUNNING' && v.steps.some((s) => s.status !== 'PENDING')) ? views : null;
    }, 30_000, 'a set-up to be under way', 10);
    assert.ok(inFlight.some((v) => v.status !== 'COMPLETED'));
    await kill9('worker');
    const stalled = await Promise.all(flows.map(flow));
    assert.ok(stalled.some((v) => v.status === 'RUNNING'), 'flows were in flight when the worker died');
    await start('worker');
    await allCompleted(flows, 90_000, 'the set-ups to complete after the worker restarted');
    const projects = await liveProjectsOf(opportunities);
    for (const id of opportunities) assert.deepEqual(projects[id], ['ACTIVE:ACTIVE'], `exactly one active project with one schedule for ${id}`);
  });

  test('a system of record killed while flows call it: steps retry and complete once it is back', async () => {
    const opportunities = await Promise.all([4, 5, 6].map((n) => readyToWin(firm, n)));
    await kill9('billing');
    const flows = await Promise.all(opportunities.map(win));
    won.push(...opportunities);
    // The billing step fails with the subgraph unreachable and is retried (not failed for good).
    await waitFor(async () => {
      const views = await Promise.all(flows.map(flow));
      return views.some((v) => v.steps.some((s) => s.name === 'billing' && s.attempts >= 2 && s.lastError)) ? views : null;
    }, 60_000, 'the billing step to be retrying', 100);
    assert.ok((await Promise.all(flows.map(flow))).every((v) => v.status === 'RUNNING'));
    await start('billing');
    await allCompleted(flows, 120_000, 'the set-ups to complete after billing came back');
    const projects = await liveProjectsOf(opportunities);
    for (const id of opportunities) assert.deepEqual(projects[id], ['ACTIVE:ACTIVE']);
  });

  test('the relay killed with events waiting: nothing is lost, the flows finish after it restarts', async () => {
    await kill9('relay');
    const opportunities = await Promise.all([7, 8].map((n) => readyToWin(firm, n)));
    const flows = await Promise.all(opportunities.map(win));
    won.push(...opportunities);
    // The wins committed with their events in crm's outbox; nobody publishes them while the relay is down.
    const backlog = await admin.data(`{ crmIntegrity { outbox { unpublished } } }`);
    assert.ok(backlog.crmIntegrity.outbox.unpublished >= 2, `events wait in the outbox: ${JSON.stringify(backlog)}`);
    assert.ok((await Promise.all(flows.map(flow))).every((v) => v.status === 'PENDING'), 'no run starts without its event');
    await start('relay');
    await allCompleted(flows, 90_000, 'the set-ups to complete after the relay restarted');
  });

  test('the worker killed right after approvals: every approved entry becomes exactly one billable item', async () => {
    const projectIds = await Promise.all(won.slice(0, 3).map(projectOf));
    const approvals: string[] = [];
    const batches = await Promise.all(projectIds.map((projectId) => submittedTime(projectId, ['2026-07-06', '2026-07-07', '2026-07-08', '2026-07-09'])));
    await Promise.all(batches.map(async (entries, i) => {
      const correlationId = `fault-approve-${i}-${Date.now()}`;
      approvals.push(correlationId);
      const r = await gw.post(`mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id } }`, { i: { entries: entries.map((id) => ({ id })) } }, { 'x-correlation-id': correlationId });
      assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
    }));
    await kill9('worker');
    await start('worker');
    await allCompleted(approvals, 90_000, 'the approvals to become billable items after the worker restarted');
    for (const [i, projectId] of projectIds.entries()) {
      const items = await timeItemsOf(projectId);
      assert.deepEqual(items.map((x) => x.sourceId).sort(), [...batches[i]!].sort(), 'one live billable item per approved entry');
      assert.ok(items.every((x) => x.status === 'READY'));
    }
    billed.push(...projectIds.map((projectId, i) => ({ projectId, entries: batches[i]! })));
  });

  test('the relay and the ERP killed during a billing cycle: invoices wait, then post once each', async () => {
    await kill9('relay');
    const cycle = await admin.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, {
      i: { throughDate: '2026-07-31', issueDate: '2026-08-01', legalEntityId: firm.legalEntityId },
    });
    const correlationId: string = cycle.runBillingCycle.correlationId;
    // The cycle is started by the process layer itself (no event needed), so it runs while the relay is down.
    await allCompleted([correlationId], 90_000, 'the billing cycle to issue its invoices');
    const issued = await invoicesOf(billed.map((b) => b.projectId));
    assert.equal(issued.length, billed.length, `one invoice per project: ${JSON.stringify(issued)}`);
    assert.ok(issued.every((i) => i.status === 'ISSUED'), 'nothing posts while InvoiceIssued waits in the billing outbox');
    const backlog = await admin.data(`{ billingIntegrity { outbox { unpublished } } }`);
    assert.ok(backlog.billingIntegrity.outbox.unpublished >= billed.length, JSON.stringify(backlog));
    // The ERP goes down too: the postings that the relay's events start must retry, not fail.
    await kill9('records');
    await start('relay');
    await waitFor(async () => {
      const runs = await admin.data(`query($c: ID!) { orchestrationRun(correlationId: $c) { runs { sagaType steps { name attempts lastError } } } }`, { c: correlationId });
      return runs.orchestrationRun.runs.some((r: { sagaType: string; steps: Array<{ attempts: number; lastError: string | null }> }) => r.sagaType === 'POST_INVOICE' && r.steps.some((st) => st.attempts >= 2 && st.lastError)) ? true : null;
    }, 60_000, 'the posting to retry while finance is down', 100);
    await start('records');
    await allCompleted([correlationId], 120_000, 'the postings to complete after finance came back');
    const posted = await invoicesOf(billed.map((b) => b.projectId));
    assert.deepEqual(posted.map((i) => i.status), billed.map(() => 'POSTED'));
    for (const invoice of posted) {
      assert.ok(invoice.receivable, `invoice ${invoice.id} has its receivable`);
      assert.equal(invoice.receivable.openAmount.amountMinor, invoice.total.amountMinor);
    }
    for (const { entries } of billed) {
      for (const id of entries) assert.equal((await gw.data(`query($id: ID!) { timeEntry(id: $id) { status } }`, { id })).timeEntry.status, 'BILLED');
    }
  });

  test('after every fault: each won opportunity has exactly one of everything and the invariants hold', async () => {
    const projects = await liveProjectsOf(won);
    assert.equal(Object.keys(projects).length, won.length);
    for (const id of won) assert.equal(projects[id]!.length, 1);
    await invariantsHold();
  });
});
