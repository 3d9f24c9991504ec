/**
 * Fault tests of the infrastructure under the split deployment: `kill -9` of Redis (the bus) and of PostgreSQL (every
 * service's database) in the middle of flows, then restart. The tests own both servers (started on free loopback
 * ports, configured as production must configure them), so killing them touches nothing else on the machine.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  SERVICES, allCompleted, flow, invariantsHold, liveProjectsOf, readyToWin, setUpFirm, startDeployment, win,
  type Deployment, type Firm, type Service,
} from '../support/deployment.js';
import { gatewayClient, type GatewayClient } from '../support/processes.js';
import { startPrivatePostgres, startPrivateRedis, type PrivateService } from '../support/services.js';
import { waitFor } from '../support/wait.js';

let redis: PrivateService;
let postgres: Awaited<ReturnType<typeof startPrivatePostgres>>;
let d: Deployment;
let admin: GatewayClient;

before(async () => {
  redis = await startPrivateRedis();
  postgres = await startPrivatePostgres();
  const databaseUrls = {} as Record<Service, string>;
  for (const s of SERVICES) databaseUrls[s] = await postgres.createDatabase(`ps_${s}`);
  d = await startDeployment({ redisUrl: redis.url, databaseUrls });
  admin = gatewayClient(d.gatewayUrl, d.invariantToken);
});

after(async () => {
  await d?.stop();
  await postgres?.stop();
  await redis?.stop();
});

async function ready(): Promise<number> {
  try {
    return (await fetch(d.gatewayUrl.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

describe('kill -9 of Redis and PostgreSQL mid-flow', () => {
  let firm: Firm;
  const won: string[] = [];

  before(async () => {
    firm = await setUpFirm(d);
  });

  test('Redis killed: mutations still commit to the outbox, the relay backs off, the flows finish after the restart', async () => {
    const first = await Promise.all([1, 2].map((n) => readyToWin(d, firm, n)));
    const firstFlows = await Promise.all(first.map((o) => win(d, o)));
    await redis.kill9();
    // With the bus down, winning still commits: the event waits in crm's outbox.
    const second = await Promise.all([3, 4].map((n) => readyToWin(d, firm, n)));
    const secondFlows = await Promise.all(second.map((o) => win(d, o)));
    won.push(...first, ...second);
    const backlog = await admin.data(`{ crmIntegrity { outbox { unpublished } } }`);
    assert.ok(backlog.crmIntegrity.outbox.unpublished >= 2, `the wins wait in the outbox: ${JSON.stringify(backlog)}`);
    await redis.restart();
    await allCompleted(d, [...firstFlows, ...secondFlows], 120_000, 'the set-ups to complete after Redis came back');
    const projects = await liveProjectsOf(d, won);
    for (const id of won) assert.deepEqual(projects[id], ['ACTIVE:ACTIVE'], `exactly one active project with one schedule for ${id}`);
    assert.deepEqual(d.crashed(), [], 'no process died with the bus');
  });

  test('PostgreSQL killed: the processes ride out the crash, recovery keeps every commit, the flows finish', async () => {
    const opportunities = await Promise.all([5, 6, 7].map((n) => readyToWin(d, firm, n)));
    const flows = await Promise.all(opportunities.map((o) => win(d, o)));
    won.push(...opportunities);
    await waitFor(async () => {
      const views = await Promise.all(flows.map((c) => flow(d, c)));
      return views.some((v) => v.steps.some((s) => s.status !== 'PENDING'));
    }, 30_000, 'a set-up to be under way', 10);
    await postgres.kill9();
    await waitFor(async () => (await ready()) === 503, 30_000, 'the gateway to report its systems of record unavailable', 100);
    await postgres.restart();
    await waitFor(async () => (await ready()) === 200, 60_000, 'the gateway to be ready again', 250);
    // A request the crash cut short leaves its idempotency claim in flight until the claim's one-minute lease ends;
    // the step retries with backoff until then.
    await allCompleted(d, flows, 240_000, 'the set-ups to complete after PostgreSQL came back');
    const projects = await liveProjectsOf(d, opportunities);
    for (const id of opportunities) assert.deepEqual(projects[id], ['ACTIVE:ACTIVE']);
    assert.deepEqual(d.crashed(), [], 'no process died with the database');
  });

  test('after both faults: exactly one of everything per won opportunity, and the invariants hold', async () => {
    const projects = await liveProjectsOf(d, won);
    for (const id of won) assert.equal(projects[id]!.length, 1);
    await invariantsHold(d);
  });
});
