/**
 * Fault tests with real processes on loopback: the product split into five operating-system processes over
 * PostgreSQL and Redis Streams (systems of record; billing alone; gateway and process-layer API; saga workers; outbox
 * relays), each killed with SIGKILL in the middle of flows and restarted. The flows must finish, nothing lost and
 * nothing doubled, and `check:invariants` must pass at the end.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'redis';
import { createTestDatabaseUrl, dropTestDatabases } from '../support/db.js';
import {
  SERVICES, allCompleted, flow, invariantsHold, liveProjectsOf, readyToWin, setUpFirm, startDeployment, win,
  type Deployment, type Firm, type Service,
} from '../support/deployment.js';
import { gatewayClient, type GatewayClient } from '../support/processes.js';
import { waitFor } from '../support/wait.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let d: Deployment;
let gw: GatewayClient;
let admin: GatewayClient;

before(async () => {
  const redis = createClient({ url: REDIS_URL });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is required for the fault tests but ${REDIS_URL} is unreachable: ${(error as Error).message}`);
  } finally {
    if (redis.isOpen) await redis.quit().catch(() => undefined);
  }
  const databaseUrls = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await createTestDatabaseUrl(s)]))) as Record<Service, string>;
  d = await startDeployment({ redisUrl: REDIS_URL, databaseUrls });
  gw = d.gw;
  admin = gatewayClient(d.gatewayUrl, d.invariantToken);
});

after(async () => {
  await d?.stop();
  await dropTestDatabases();
});

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
    firm = await setUpFirm(d);
  });

  test('the saga worker killed while set-ups run: another worker resumes them after the lease', async () => {
    const opportunities = await Promise.all([1, 2, 3].map((n) => readyToWin(d, firm, n)));
    const flows = await Promise.all(opportunities.map((o) => win(d, o)));
    won.push(...opportunities);
    // Mid-flow: at least one set-up has started and not finished.
    const inFlight = await waitFor(async () => {
      const views = await Promise.all(flows.map((c) => flow(d, c)));
      return views.some((v) => v.status === 'RUNNING' && v.steps.some((s) => s.status !== 'PENDING')) ? views : null;
    }, 30_000, 'a set-up to be under way', 10);
    assert.ok(inFlight.some((v) => v.status !== 'COMPLETED'));
    await d.kill9('worker');
    const stalled = await Promise.all(flows.map((c) => flow(d, c)));
    assert.ok(stalled.some((v) => v.status === 'RUNNING'), 'flows were in flight when the worker died');
    await d.start('worker');
    await allCompleted(d, flows, 90_000, 'the set-ups to complete after the worker restarted');
    const projects = await liveProjectsOf(d, opportunities);
    for (const id of opportunities) assert.deepEqual(projects[id], ['ACTIVE:ACTIVE'], `exactly one active project with one schedule for ${id}`);
  });

  test('a system of record killed while flows call it: steps retry and complete once it is back', async () => {
    const opportunities = await Promise.all([4, 5, 6].map((n) => readyToWin(d, firm, n)));
    await d.kill9('billing');
    const flows = await Promise.all(opportunities.map((o) => win(d, o)));
    won.push(...opportunities);
    // The billing step fails with the subgraph unreachable and is retried (not failed for good).
    await waitFor(async () => {
      const views = await Promise.all(flows.map((c) => flow(d, c)));
      return views.some((v) => v.steps.some((s) => s.name === 'billing' && s.attempts >= 2 && s.lastError)) ? views : null;
    }, 60_000, 'the billing step to be retrying', 100);
    assert.ok((await Promise.all(flows.map((c) => flow(d, c)))).every((v) => v.status === 'RUNNING'));
    await d.start('billing');
    await allCompleted(d, flows, 120_000, 'the set-ups to complete after billing came back');
    const projects = await liveProjectsOf(d, opportunities);
    for (const id of opportunities) assert.deepEqual(projects[id], ['ACTIVE:ACTIVE']);
  });

  test('the relay killed with events waiting: nothing is lost, the flows finish after it restarts', async () => {
    await d.kill9('relay');
    const opportunities = await Promise.all([7, 8].map((n) => readyToWin(d, firm, n)));
    const flows = await Promise.all(opportunities.map((o) => win(d, o)));
    won.push(...opportunities);
    // The wins committed with their events in crm's outbox; nobody publishes them while the relay is down.
    const backlog = await admin.data(`{ crmIntegrity { outbox { unpublished } } }`);
    assert.ok(backlog.crmIntegrity.outbox.unpublished >= 2, `events wait in the outbox: ${JSON.stringify(backlog)}`);
    assert.ok((await Promise.all(flows.map((c) => flow(d, c)))).every((v) => v.status === 'PENDING'), 'no run starts without its event');
    await d.start('relay');
    await allCompleted(d, flows, 90_000, 'the set-ups to complete after the relay restarted');
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
    await d.kill9('worker');
    await d.start('worker');
    await allCompleted(d, approvals, 90_000, 'the approvals to become billable items after the worker restarted');
    for (const [i, projectId] of projectIds.entries()) {
      const items = await timeItemsOf(projectId);
      assert.deepEqual(items.map((x) => x.sourceId).sort(), [...batches[i]!].sort(), 'one live billable item per approved entry');
      assert.ok(items.every((x) => x.status === 'READY'));
    }
    billed.push(...projectIds.map((projectId, i) => ({ projectId, entries: batches[i]! })));
  });

  test('the relay and the ERP killed during a billing cycle: invoices wait, then post once each', async () => {
    await d.kill9('relay');
    const cycle = await admin.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId } }`, {
      i: { throughDate: '2026-07-31', issueDate: '2026-08-01', legalEntityId: firm.legalEntityId },
    });
    const correlationId: string = cycle.runBillingCycle.correlationId;
    // The cycle is started by the process layer itself (no event needed), so it runs while the relay is down.
    await allCompleted(d, [correlationId], 90_000, 'the billing cycle to issue its invoices');
    const issued = await invoicesOf(billed.map((b) => b.projectId));
    assert.equal(issued.length, billed.length, `one invoice per project: ${JSON.stringify(issued)}`);
    assert.ok(issued.every((i) => i.status === 'ISSUED'), 'nothing posts while InvoiceIssued waits in the billing outbox');
    const backlog = await admin.data(`{ billingIntegrity { outbox { unpublished } } }`);
    assert.ok(backlog.billingIntegrity.outbox.unpublished >= billed.length, JSON.stringify(backlog));
    // The ERP goes down too: the postings that the relay's events start must retry, not fail.
    await d.kill9('records');
    await d.start('relay');
    await waitFor(async () => {
      const runs = await admin.data(`query($c: ID!) { orchestrationRun(correlationId: $c) { runs { sagaType steps { name attempts lastError } } } }`, { c: correlationId });
      return runs.orchestrationRun.runs.some((r: { sagaType: string; steps: Array<{ attempts: number; lastError: string | null }> }) => r.sagaType === 'POST_INVOICE' && r.steps.some((st) => st.attempts >= 2 && st.lastError)) ? true : null;
    }, 60_000, 'the posting to retry while finance is down', 100);
    await d.start('records');
    await allCompleted(d, [correlationId], 120_000, 'the postings to complete after finance came back');
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
    const projects = await liveProjectsOf(d, won);
    assert.equal(Object.keys(projects).length, won.length);
    for (const id of won) assert.equal(projects[id]!.length, 1);
    await invariantsHold(d);
  });
});
