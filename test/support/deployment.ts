import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { checkInvariants, formatReport, quiescent } from '../../ops/invariants.js';
import { openPostgres } from '../../platform/db/postgres.js';
import { EXECUTIVE, clientToken, principal, testKeys } from './auth.js';
import { freePort, gatewayClient, startProcess, type GatewayClient, type ProductProcess } from './processes.js';
import { waitFor } from './wait.js';

/** The services of the product that own a database. */
export const SERVICES = ['crm', 'projects', 'billing', 'finance', 'orchestration'] as const;
export type Service = (typeof SERVICES)[number];

/** The process groups of the split deployment, by name: what `npm start -- --only …` each process runs. */
export const GROUPS = {
  records: 'crm,projects,finance',
  billing: 'billing',
  edge: 'gateway,orchestration',
  worker: 'worker',
  relay: 'relay',
} as const;
export type Group = keyof typeof GROUPS;

/** The product split over five operating-system processes on loopback, over PostgreSQL and Redis Streams. */
export interface Deployment {
  /** The gateway, as an all-seeing executive with integration_admin. */
  gw: GatewayClient;
  gatewayUrl: string;
  /** A token for `check:invariants`. */
  invariantToken: string;
  databaseUrls: Record<Service, string>;
  start(group: Group): Promise<void>;
  kill9(group: Group): Promise<void>;
  /** The groups whose process has exited on its own (a crash the test did not cause). */
  crashed(): Group[];
  /** The tail of every running process's output, for failure messages. */
  diagnostics(): string;
  /** Stops every process and removes the data directory and the test's Redis stream. */
  stop(): Promise<void>;
}

/** Options of {@link startDeployment}. */
export interface DeploymentOptions {
  redisUrl: string;
  databaseUrls: Record<Service, string>;
  /** Extra environment for every process. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts the five process groups (systems of record first: they migrate their databases; then the edge, the workers
 * and the relays) with short leases and claim times so that faults resolve within a test's patience.
 */
export async function startDeployment(options: DeploymentOptions): Promise<Deployment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ps-fault-'));
  const stream = `ps:test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const keys = testKeys();
  const port = await freePort();
  const ports = await Promise.all(SERVICES.map(() => freePort()));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'development', LOG_LEVEL: 'warn',
    HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, SEED_ON_START: 'none',
    REDIS_URL: options.redisUrl, REDIS_STREAM: stream, REDIS_CLAIM_IDLE_MS: '2000',
    STEP_LEASE_SECONDS: '4', JOB_MAINTENANCE_SECONDS: '1', WORKER_CONCURRENCY: '4',
    AUTH_JWT_SECRET: keys.edge.secret as string, AUTH_ISSUER: keys.edge.issuer, AUTH_AUDIENCE: keys.edge.audience,
    INTERNAL_JWT_PRIVATE_KEY: keys.internal.privateKeyPem as string,
    INTERNAL_JWT_PUBLIC_KEY: keys.internal.publicKeyPem,
    ...options.env,
  };
  SERVICES.forEach((s, i) => {
    env[`${s.toUpperCase()}_DATABASE_URL`] = options.databaseUrls[s];
    env[`${s.toUpperCase()}_PORT`] = String(ports[i]);
  });
  const running = new Map<Group, ProductProcess>();
  const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  const invariantToken = clientToken(keys.edge.secret as string, principal(['integration_admin', 'executive', 'finance'], '*'), { expiresIn: '2h' });
  const deployment: Deployment = {
    gw: gatewayClient(gatewayUrl, clientToken(keys.edge.secret as string, EXECUTIVE, { expiresIn: '2h' })),
    gatewayUrl,
    invariantToken,
    databaseUrls: options.databaseUrls,
    start: async (group) => {
      running.set(group, await startProcess(group, GROUPS[group], env));
    },
    kill9: async (group) => {
      await running.get(group)?.kill9();
      running.delete(group);
    },
    crashed: () => [...running.entries()].filter(([, p]) => p.exited).map(([g]) => g),
    diagnostics: () => [...running.values()].map((p) => `----- ${p.name} -----\n${p.output().slice(-4000)}`).join('\n'),
    stop: async () => {
      await Promise.all([...running.values()].map((p) => p.stop()));
      running.clear();
      const redis = createClient({ url: options.redisUrl, socket: { reconnectStrategy: false } });
      redis.on('error', () => undefined);
      try {
        await redis.connect();
        await redis.del([stream, `${stream}:dead`]);
      } catch {
        // The test's own Redis may already be gone; the shared one is reachable.
      } finally {
        if (redis.isOpen) await redis.quit().catch(() => undefined);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    for (const group of Object.keys(GROUPS) as Group[]) await deployment.start(group);
  } catch (error) {
    await deployment.stop();
    throw error;
  }
  return deployment;
}

/** A legal entity with a rate card and a project manager, ready for engagements. */
export interface Firm {
  legalEntityId: string;
  currency: string;
  projectManagerId: string;
}

/** Creates a US legal entity (ERP reference data, written to the finance database), its rate card and a PM. */
export async function setUpFirm(d: Deployment): Promise<Firm> {
  const legalEntityId = `le_us_${Math.random().toString(36).slice(2, 8)}`;
  const finance = await openPostgres({ url: d.databaseUrls.finance, max: 1 });
  try {
    await finance.query(
      `INSERT INTO legal_entities (id, name, country, functional_currency, tax_id, fiscal_year_start_month, invoice_number_prefix) VALUES ($1, 'Northwind US', 'US', 'USD', NULL, 1, 'US-INV-')`,
      [legalEntityId],
    );
  } finally {
    await finance.close();
  }
  await d.gw.data(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: { name: 'US standard', scope: 'LEGAL_ENTITY', legalEntityId, currency: 'USD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '150' }, { roleCode: 'PROJECT_MANAGER', billRate: '210' }] },
  });
  const pm = await d.gw.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
    i: { employeeNumber: `PM-${legalEntityId}`, displayName: 'Pat Manager', roleCode: 'PROJECT_MANAGER', legalEntityId, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: '2026-01-01', rate: '95', currency: 'USD' }] },
  });
  return { legalEntityId, currency: 'USD', projectManagerId: pm.createResource.id };
}

/** An account, a T&M opportunity and its active SOW, ready to win; returns the opportunity id. */
export async function readyToWin(d: Deployment, firm: Firm, n: number): Promise<string> {
  const acc = await d.gw.data(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { name: `Client ${n}`, ownerUserId: 'usr_sales' } });
  const accountId = acc.createAccount.id;
  const money = { amountMinor: '12000000', currency: firm.currency };
  const opp = await d.gw.data(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
    i: { accountId, name: `Programme ${n}`, amount: money, expectedCloseDate: '2026-06-30', pricingModel: 'TIME_AND_MATERIALS', legalEntityId: firm.legalEntityId, expectedStartDate: '2026-07-06', ownerUserId: 'usr_sales' },
  });
  const ctr = await d.gw.data(`mutation($i: CreateContractInput!) { createContract(input: $i) { id } }`, {
    i: { accountId, opportunityId: opp.createOpportunity.id, kind: 'SOW', legalEntityId: firm.legalEntityId, startDate: '2026-07-06', endDate: '2026-12-31', billingModel: 'TIME_AND_MATERIALS', originalValue: money, paymentTermsDays: 30 },
  });
  for (const action of ['SUBMIT', 'ACTIVATE']) await d.gw.data(`mutation($i: TransitionContractInput!) { transitionContract(input: $i) { id } }`, { i: { id: ctr.createContract.id, action } });
  return opp.createOpportunity.id;
}

/** Wins the opportunity through the gateway; returns the set-up flow's correlation id. */
export async function win(d: Deployment, opportunityId: string): Promise<string> {
  const r = await d.gw.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId, idempotencyKey: `win-${opportunityId}` } });
  return r.winOpportunity.run.correlationId;
}

/** A flow's status and its steps, as the graph shows them. */
export interface FlowView {
  status: string;
  steps: Array<{ name: string; status: string; attempts: number; lastError: string | null }>;
}

export async function flow(d: Deployment, correlationId: string): Promise<FlowView> {
  const r = await d.gw.data(`query($c: ID!) { orchestrationRun(correlationId: $c) { status steps { name status attempts lastError } } }`, { c: correlationId });
  return r.orchestrationRun;
}

/** Waits until every flow COMPLETED; fails at once when one FAILED or was COMPENSATED, with the processes' output. */
export async function allCompleted(d: Deployment, correlationIds: readonly string[], timeoutMs: number, what: string): Promise<void> {
  await waitFor(async () => {
    const flows = await Promise.all(correlationIds.map((c) => flow(d, c)));
    const stuck = flows.filter((f) => f.status === 'FAILED' || f.status === 'COMPENSATED');
    if (stuck.length > 0) throw new Error(`a flow failed: ${JSON.stringify(stuck)}`);
    return flows.every((f) => f.status === 'COMPLETED');
  }, timeoutMs, what, 250).catch((error) => {
    throw new Error(`${(error as Error).message}\n${d.diagnostics()}`);
  });
}

/** Waits for the deployment to settle, then runs `check:invariants` against it and fails with its report. */
export async function invariantsHold(d: Deployment): Promise<void> {
  const options = { url: d.gatewayUrl, token: d.invariantToken };
  await waitFor(() => quiescent(options), 90_000, 'the deployment to settle (outboxes published, no run in flight)', 250);
  const report = await checkInvariants(options);
  assert.equal(report.ok, true, formatReport(report));
}

/** Per opportunity, its project's status and its schedules' statuses (`ACTIVE:ACTIVE` for a set-up T&M win). */
export async function liveProjectsOf(d: Deployment, opportunityIds: readonly string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const id of opportunityIds) {
    const r = await d.gw.data(`query($id: ID!) { opportunity(id: $id) { project { id status billingSchedules { id status } } } }`, { id });
    out[id] = r.opportunity.project ? [`${r.opportunity.project.status}:${r.opportunity.project.billingSchedules.map((s: { status: string }) => s.status).join(',')}`] : [];
  }
  return out;
}
