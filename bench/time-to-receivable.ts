/**
 * Time-to-receivable throughput: approved time entries per second from approval to posted receivable, on the embedded
 * default (PGlite, in-process bus, the whole graph in one process as `npm start` runs it).
 *
 * One run, on a fresh graph process seeded with the `demo` profile (the only way the embedded default gets a legal
 * entity: finance has no mutation that creates one):
 * - set-up (not timed): K time-and-materials engagements won through `winOpportunity`, one consultant staffed on each,
 *   N time entries booked over the last weeks and submitted in batches. There is no batch create, so each entry is one
 *   `createTimeEntry`; by default 25 of them go in one request straight to the projects subgraph (with the internal
 *   token the gateway would sign), because the edge allows one mutation per request and a year's set-up one request at
 *   a time takes far longer than the measurement (BENCH_RECEIVABLE_CREATE_PATH=gateway books through the edge);
 * - timed, t0: approvals the way a firm does them, one `approveTimeEntries` per project and week, a few in flight;
 *   phase 1 ends when every approved entry has its billable item and no run is left RUNNING; then one
 *   `runBillingCycle` over the engagements' schedules; phase 2 ends, t1, when every issued invoice's posting run
 *   (ledger, posted, billed) completed;
 * - checks (not timed): every entry BILLED, one POSTED receivable per invoice, journals balanced, money reconciled
 *   (Σ invoice subtotals = Σ billed entry amounts, exact), and `checkInvariants` over the whole deployment.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { checkInvariants } from '../ops/invariants.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../platform/auth/config.js';
import { signInternalToken } from '../platform/auth/internal-token.js';
import { loadOrCreateDevKeys } from '../platform/auth/keys.js';
import { claimsOf, type Principal } from '../platform/auth/principal.js';
import { REPO_ROOT } from '../platform/topology.js';
import { runtimeConfigFromEnv } from '../runtime/config.js';
import { cpuSeconds, peakRssMb, startGraphProcess, type GraphProcess } from './graph-process.js';
import { probeMachine } from './machine-probe.js';
import { median } from './load.js';

/** Settings of one run. */
export interface ReceivableOptions {
  /** Time entries to push from approval to posted receivable. */
  entries: number;
  /** Time-and-materials engagements the entries are spread over (one consultant each). */
  projects: number;
  /** `createTimeEntry` requests in flight during set-up. */
  createConcurrency: number;
  /**
   * Where set-up books time: `gateway` (one `createTimeEntry` per request, the edge's one-mutation limit) or
   * `subgraph` (the projects subgraph with the identity the gateway would forward, several aliased `createTimeEntry`
   * per request; each is still its own transaction through the same service).
   */
  createPath: 'gateway' | 'subgraph';
  /** `createTimeEntry` fields per request on the `subgraph` path. */
  createAliases: number;
  /** `approveTimeEntries` calls in flight during the timed phase. */
  approvalConcurrency: number;
  /** Most entries one approval call carries (a project's week or month is split beyond it). */
  approvalBatch: number;
  /** What a project manager approves at once: a week of a project's time, or a calendar month of it. */
  approvalPeriod: 'week' | 'month';
  /** Polling interval while waiting for the pipeline, in ms (a sampling period, not logic). */
  pollMs: number;
  /** Longest wait of each timed phase, in ms. */
  phaseTimeoutMs: number;
  /** Gateway port of the graph process (the services take the next five). */
  port: number;
  log: (line: string) => void;
}

/** One correctness check of a run. */
export interface RunCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** What one run measured. */
export interface ReceivableRun {
  entries: number;
  projects: number;
  /** Weeks of work the entries cover (a year is 52). */
  weeks: number;
  approvalCalls: number;
  setup: { graphStartSeconds: number; engagementsSeconds: number; createSeconds: number; createPerSecond: number; submitSeconds: number; totalSeconds: number };
  timed: {
    /**
     * The pipeline's time: approval → items plus cycle → receivables, each phase ending when its last run completed
     * (server clock). The benchmark starts the cycle only once its poll noticed the items, so this leaves out that
     * wait and the poll's lag at the end; `wallSeconds` keeps them.
     */
    seconds: number;
    /** N / `seconds`. */
    entriesPerSecond: number;
    /** t1 − t0 on the benchmark's clock: the pipeline plus the polls' lag at the end of each phase. */
    wallSeconds: number;
    /** N / `wallSeconds`. */
    wallEntriesPerSecond: number;
    /** From t0 until every approval call had returned. */
    approvalCallsSeconds: number;
    /** From t0 until the last BILL_TIME run of the approvals completed (their billable items recorded). */
    approvalToItemsSeconds: number;
    /** From t0 until the benchmark's poll saw every item recorded and no run left RUNNING. */
    approvalToItemsNoticedSeconds: number;
    /** From the `runBillingCycle` call until the last POST_INVOICE run completed (invoices POSTED, receivables, entries BILLED). */
    cycleToReceivablesSeconds: number;
    /** From the `runBillingCycle` call until the last schedule's billing run completed (invoices issued). */
    cycleToInvoicesIssuedSeconds: number | null;
  };
  results: { invoices: number; receivables: number; billedEntries: number; billedAmountMinor: string; invoicedSubtotalMinor: string; currency: string };
  checks: RunCheck[];
  correct: boolean;
  invariants: { ok: boolean; violations: string[]; notes: string[] };
  /** Where the time went, from the runs' own timestamps (server clock), and how busy the machine was. */
  diagnostics: {
    sagas: SagaStats[];
    loadAverage: { atStart: number[]; atEnd: number[] };
    /**
     * CPU the graph process used between t0 and t1 (seconds), and as a share of the elapsed time: about 1 means one
     * core was busy all along (the process's JavaScript and its embedded databases share one thread).
     */
    graphCpu: { seconds: number; utilization: number } | null;
    /** CPU the benchmark client used between t0 and t1 (seconds). */
    clientCpuSeconds: number;
    /**
     * A fixed piece of CPU work timed in the benchmark client (median ms, `bench/machine-probe.ts`) just before t0 and
     * just after t1: slower when other tenants keep the machine's cores busy.
     */
    machineProbeMs: { before: number; after: number };
  };
  graphPeakRssMb: number | null;
}

/** Timings of one saga's runs in ms (p50 / p90 / max over the runs). */
export interface SagaStats {
  saga: string;
  runs: number;
  /** Business event → run created (outbox relay, bus, consumer). */
  eventToRun: Percentiles;
  /** Run created → first step claimed by a worker (job queue). */
  runToFirstStep: Percentiles;
  /** Time inside the steps (first claim → last step finished). */
  inSteps: Percentiles;
  /** Business event → run completed. */
  eventToCompleted: Percentiles;
  /** Each step's own time (claim → finished), in order. */
  steps: Array<{ step: string; duration: Percentiles }>;
  /** Attempts beyond the first, over every step of every run (retries). */
  retries: number;
}

/** p50 / p90 / max of a duration in ms. */
export interface Percentiles {
  p50: number;
  p90: number;
  max: number;
}

// ---------------------------------------------------------------------------------------------------------------------
// GraphQL client

/** The principal the benchmark acts as: runs engagements, approves, bills and reads the integrity reports. */
const OPERATOR: Principal = { subject: 'bench-receivable', roles: ['executive', 'integration_admin'], legalEntities: '*', resourceId: null };

/** A failed GraphQL operation, with the first error's code and message. */
class GraphQLFailure extends Error {}

/**
 * Posts operations as {@link OPERATOR}: to the gateway (everything timed, and the checks) or, for set-up bookings, to
 * the projects subgraph. Any error fails loudly.
 */
class GraphClient {
  private readonly authorization: string;
  private readonly internalKey: string;
  private readonly projectsUrl: string;
  private internal: { token: string; mintedAt: number } | null = null;

  constructor(private readonly url: string, graph: GraphProcess) {
    const keys = loadOrCreateDevKeys(graph.dataDir);
    this.internalKey = keys.internalPrivateKeyPem;
    this.projectsUrl = graph.subgraphUrl('projects');
    // Long enough for a year's set-up on a slow machine.
    this.authorization = `Bearer ${jwt.sign(claimsOf(OPERATOR), keys.clientSecret, { algorithm: 'HS256', issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '12h' })}`;
  }

  /** The raw bearer token (for `checkInvariants`). */
  get token(): string {
    return this.authorization.slice('Bearer '.length);
  }

  /** Posts to the gateway. */
  data<T = any>(query: string, variables: Record<string, unknown> = {}, correlationId?: string): Promise<T> {
    return this.post(this.url, this.authorization, query, variables, correlationId);
  }

  /** Posts to the projects subgraph with the internal token the gateway would sign for the same principal. */
  projects<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    // Internal tokens live 60 seconds: re-mint well before.
    if (!this.internal || Date.now() - this.internal.mintedAt > 20_000) {
      this.internal = { token: signInternalToken(this.internalKey, OPERATOR, 'projects', 'bench-setup'), mintedAt: Date.now() };
    }
    return this.post(this.projectsUrl, `Bearer ${this.internal.token}`, query, variables);
  }

  private async post<T>(url: string, authorization: string, query: string, variables: Record<string, unknown>, correlationId?: string): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization };
    if (correlationId) headers['x-correlation-id'] = correlationId;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(120_000) });
    const body = (await res.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
    if (!res.ok || !body || body.errors?.length || !body.data) {
      const first = body?.errors?.[0];
      throw new GraphQLFailure(`HTTP ${res.status} ${first?.extensions?.code ?? ''} ${first?.message ?? ''} — ${query.slice(0, 80)}`);
    }
    return body.data;
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Small helpers

const seconds = (ms: number): number => Math.round(ms / 10) / 100;
const now = (): number => performance.now();

/** Runs `fn` over `items` with at most `limit` calls in flight; the first failure stops the pool and is rethrown. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async (): Promise<void> => {
    while (failed === null && next < items.length) {
      const i = next;
      next += 1;
      try {
        await fn(items[i] as T, i);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failed !== null) throw failed;
}

/** Polls `probe` every `pollMs` until it returns a value, failing after `timeoutMs` with the last state it saw. */
async function waitUntil<T>(probe: () => Promise<T | null>, timeoutMs: number, pollMs: number, label: string, state: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds(timeoutMs)} s waiting for ${label}; last state: ${state()}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Splits `xs` into chunks of at most `size`. */
function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const DAY = 86_400_000;
const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------------------
// The work calendar

/** Weeks of work the entries cover: a regional firm books about 115 000 entries a year, so N entries are N/115 000 of it. */
const ENTRIES_PER_YEAR = 115_000;

/** The weeks the entries are worked in: whole Monday–Friday weeks ending with the last full week before today. */
interface WorkWindow {
  weeks: number;
  /** Monday of the first week. */
  start: string;
  /** Friday of the last week (the billing cycle bills through it). */
  end: string;
  /** Every working day, with its week number (0-based). */
  days: Array<{ date: string; week: number }>;
}

function workWindow(entries: number): WorkWindow {
  const weeks = Math.min(52, Math.max(1, Math.round((52 * entries) / ENTRIES_PER_YEAR)));
  const today = Date.parse(`${isoDate(Date.now())}T00:00:00Z`);
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const thisMonday = today - sinceMonday * DAY;
  const firstMonday = thisMonday - weeks * 7 * DAY;
  const days: WorkWindow['days'] = [];
  for (let w = 0; w < weeks; w += 1) for (let d = 0; d < 5; d += 1) days.push({ date: isoDate(firstMonday + (w * 7 + d) * DAY), week: w });
  return { weeks, start: isoDate(firstMonday), end: (days.at(-1) as { date: string }).date, days };
}

/** One planned time entry. */
interface PlannedEntry {
  project: number;
  workDate: string;
  week: number;
  minutes: number;
}

/**
 * Spreads N entries evenly over the engagements and their working days. Minutes vary (so amounts round differently)
 * and stay within the daily cap of 1 440 minutes per consultant.
 */
function planEntries(entries: number, projects: number, window: WorkWindow): PlannedEntry[] {
  const plan: PlannedEntry[] = [];
  const perProject = Math.ceil(entries / projects);
  const perDay = Math.ceil(perProject / window.days.length);
  const longest = Math.max(15, Math.min(240, Math.floor(1440 / perDay / 15) * 15));
  // Round-robin over projects, then days: concurrent creates hit different consultants and dates.
  for (let i = 0; i < entries; i += 1) {
    const project = i % projects;
    const nth = Math.floor(i / projects);
    const day = window.days[nth % window.days.length] as { date: string; week: number };
    plan.push({ project, workDate: day.date, week: day.week, minutes: Math.max(15, longest - (nth % 4) * 15) });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------------
// Set-up

/** A won engagement ready for time. */
interface Engagement {
  projectId: string;
  scheduleId: string;
  assignmentId: string;
}

/** The legal entity the engagements are sold and billed from: the demo's US entity (books in USD, no FX). */
async function legalEntity(gw: GraphClient): Promise<{ id: string; currency: string }> {
  const { legalEntities } = await gw.data<{ legalEntities: Array<{ id: string; country: string; functionalCurrency: string }> }>(`{ legalEntities { id country functionalCurrency } }`);
  const le = legalEntities.find((l) => l.country === 'US') ?? legalEntities[0];
  if (!le) throw new Error('no legal entity in finance: the graph must be seeded (demo profile)');
  return { id: le.id, currency: le.functionalCurrency };
}

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'COMPENSATED', 'CANCELLED']);

/** Account, opportunity and activated contract, then the win; returns the win's flow. */
async function winEngagement(gw: GraphClient, le: { id: string; currency: string }, k: number, window: WorkWindow, tag: string): Promise<{ opportunityId: string; correlationId: string }> {
  const value = { amountMinor: '500000000', currency: le.currency };
  const contractEnd = isoDate(Date.parse(`${window.end}T00:00:00Z`) + 60 * DAY);
  const acc = await gw.data(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: { name: `Bench client ${tag}-${k}`, ownerUserId: 'usr_sales' } });
  const accountId = acc.createAccount.id;
  const opp = await gw.data(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, {
    i: { accountId, name: `Delivery ${k}`, amount: value, expectedCloseDate: isoDate(Date.parse(`${window.start}T00:00:00Z`) - 7 * DAY), pricingModel: 'TIME_AND_MATERIALS', legalEntityId: le.id, expectedStartDate: window.start, ownerUserId: 'usr_sales' },
  });
  const opportunityId = opp.createOpportunity.id;
  const ctr = await gw.data(`mutation($i: CreateContractInput!) { createContract(input: $i) { id } }`, {
    i: { accountId, opportunityId, kind: 'SOW', legalEntityId: le.id, startDate: window.start, endDate: contractEnd, billingModel: 'TIME_AND_MATERIALS', originalValue: value, paymentTermsDays: 30 },
  });
  for (const action of ['SUBMIT', 'ACTIVATE']) await gw.data(`mutation($i: TransitionContractInput!) { transitionContract(input: $i) { id } }`, { i: { id: ctr.createContract.id, action } });
  const won = await gw.data(`mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`, { i: { opportunityId, idempotencyKey: `win-${opportunityId}` } });
  return { opportunityId, correlationId: won.winOpportunity.run.correlationId };
}

/** Waits until every set-up flow completed (any other outcome fails the run). */
async function settleFlows(gw: GraphClient, correlationIds: readonly string[], options: ReceivableOptions, label: string): Promise<void> {
  const pending = new Set(correlationIds);
  await waitUntil(async () => {
    for (const c of [...pending]) {
      const f = (await gw.data(`query($c: ID!) { orchestrationRun(correlationId: $c) { status steps { name status lastError } } }`, { c })).orchestrationRun;
      if (!TERMINAL.has(f.status)) continue;
      if (f.status !== 'COMPLETED') throw new Error(`${label} flow ${c} ended ${f.status}: ${JSON.stringify(f.steps)}`);
      pending.delete(c);
    }
    return pending.size === 0 ? true : null;
  }, options.phaseTimeoutMs, options.pollMs, label, () => `${pending.size} flows not settled`);
}

/** K engagements won, set up and staffed with one consultant each. */
async function setUpEngagements(gw: GraphClient, le: { id: string; currency: string }, window: WorkWindow, options: ReceivableOptions, tag: string): Promise<Engagement[]> {
  const wins: Array<{ opportunityId: string; correlationId: string }> = [];
  await pool(Array.from({ length: options.projects }, (_, k) => k), 4, async (k) => {
    wins[k] = await winEngagement(gw, le, k, window, tag);
  });
  await settleFlows(gw, wins.map((w) => w.correlationId), options, 'engagement set-up');
  const engagements: Engagement[] = [];
  await pool(wins, 4, async (w, k) => {
    const o = (await gw.data(`query($id: ID!) { opportunity(id: $id) { project { id status billingSchedules { id status } } } }`, { id: w.opportunityId })).opportunity;
    if (o.project?.status !== 'ACTIVE' || !o.project.billingSchedules[0]) throw new Error(`engagement ${k} not ready: ${JSON.stringify(o)}`);
    const r = await gw.data(`mutation($i: CreateResourceInput!) { createResource(input: $i) { id } }`, {
      i: { employeeNumber: `B-${tag}-${k}`, displayName: `Bench consultant ${k}`, roleCode: 'CONSULTANT', legalEntityId: le.id, employmentType: 'EMPLOYEE', costRates: [{ effectiveFrom: window.start, rate: '80', currency: le.currency }] },
    });
    // Rates differ per engagement (and have cents) so amounts exercise the rounding.
    const billRate = `${150 + (k % 9) * 5}.${k % 2 ? '50' : '00'}`;
    const a = await gw.data(`mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }`, {
      i: { projectId: o.project.id, resourceId: r.createResource.id, roleCode: 'CONSULTANT', startDate: window.start, endDate: window.end, scheduledMinutes: 1_000_000, billRate, costRate: '80', isBillable: true },
    });
    engagements[k] = { projectId: o.project.id, scheduleId: o.project.billingSchedules[0].id, assignmentId: a.createAssignment.id };
  });
  return engagements;
}

/** Books every planned entry (DRAFT) and returns their ids in plan order. */
async function createEntries(gw: GraphClient, plan: readonly PlannedEntry[], engagements: readonly Engagement[], options: ReceivableOptions): Promise<string[]> {
  const ids: string[] = new Array(plan.length);
  const input = (e: PlannedEntry) => ({ assignmentId: (engagements[e.project] as Engagement).assignmentId, workDate: e.workDate, minutes: e.minutes, billableMinutes: e.minutes, billableClass: 'BILLABLE' });
  const perRequest = options.createPath === 'subgraph' ? Math.max(1, options.createAliases) : 1;
  const requests = chunks(plan.map((e, i) => ({ e, i })), perRequest);
  let done = 0;
  let reported = now();
  await pool(requests, options.createConcurrency, async (group) => {
    if (options.createPath === 'subgraph') {
      // One operation, several mutation fields: executed one after the other, each its own transaction.
      const vars = group.map((_, j) => `$i${j}: CreateTimeEntryInput!`).join(', ');
      const fields = group.map((_, j) => `e${j}: createTimeEntry(input: $i${j}) { id }`).join(' ');
      const d = await gw.projects<Record<string, { id: string }>>(`mutation(${vars}) { ${fields} }`, Object.fromEntries(group.map(({ e }, j) => [`i${j}`, input(e)])));
      group.forEach(({ i }, j) => {
        ids[i] = (d[`e${j}`] as { id: string }).id;
      });
    } else {
      const { e, i } = group[0] as { e: PlannedEntry; i: number };
      ids[i] = (await gw.data(`mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }`, { i: input(e) })).createTimeEntry.id;
    }
    done += group.length;
    if (now() - reported > 15_000) {
      reported = now();
      options.log(`  created ${done}/${plan.length} entries`);
    }
  });
  return ids;
}

/**
 * The approval batches: one per project and period (split beyond the batch size), period by period as a firm
 * approves.
 */
function approvalBatches(plan: readonly PlannedEntry[], ids: readonly string[], maxBatch: number, period: 'week' | 'month'): string[][] {
  const byKey = new Map<string, string[]>();
  plan.forEach((e, i) => {
    const when = period === 'week' ? String(e.week).padStart(3, '0') : e.workDate.slice(0, 7);
    const key = `${when}:${String(e.project).padStart(4, '0')}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(ids[i] as string);
  });
  return [...byKey.keys()].sort().flatMap((k) => chunks(byKey.get(k) as string[], maxBatch));
}

// ---------------------------------------------------------------------------------------------------------------------
// The timed pipeline

const PIPELINE = `{
  billingIntegrity { set(name: "timeItemSources") { count } }
  orchestrationIntegrity { checks { name violations samples } set(name: "openExceptions") { count } }
}`;

/** While approvals are still going in, only exceptions are watched: counting items costs the pipeline a scan of them. */
const EXCEPTIONS = `{ orchestrationIntegrity { set(name: "openExceptions") { count } } }`;

interface PipelineState {
  items: number;
  running: number;
  openExceptions: number;
}

async function pipelineState(gw: GraphClient): Promise<PipelineState> {
  const d = await gw.data(PIPELINE);
  return {
    items: d.billingIntegrity.set.count,
    running: d.orchestrationIntegrity.checks.find((c: { name: string }) => c.name === 'runsTerminal')?.violations ?? 0,
    openExceptions: d.orchestrationIntegrity.set.count,
  };
}

/** Open exceptions, for the failure message. */
async function openExceptions(gw: GraphClient): Promise<string> {
  const d = await gw.data(`{ orchestrationExceptions(first: 10, filter: { statuses: [OPEN] }) { edges { node { correlationId sagaType step code cause attempts } } } }`);
  return JSON.stringify(d.orchestrationExceptions.edges.map((e: { node: unknown }) => e.node));
}

/** The correlation id of the i-th approval call (its flow holds the BILL_TIME run it triggered). */
const approvalFlow = (tag: string, i: number): string => `bench-approve-${tag}-${i}`;

/** Approves every batch (a few in flight) and waits until each approved entry has its billable item. */
async function approveAndRecord(gw: GraphClient, batches: readonly string[][], baseline: PipelineState, expectedItems: number, options: ReceivableOptions, tag: string, t0: number): Promise<{ callsDone: number; itemsDone: number }> {
  let callsDone = 0;
  let last: PipelineState = baseline;
  const approvals = pool(batches, options.approvalConcurrency, async (batch, i) => {
    await gw.data(`mutation($i: EntryBatchInput!) { approveTimeEntries(input: $i) { id } }`, { i: { entries: batch.map((id) => ({ id })) } }, approvalFlow(tag, i));
  }).then(() => {
    callsDone = now();
  });
  // Watch the pipeline while the approvals go in, so a failure shows up at once rather than at the end.
  let approvalError: unknown = null;
  approvals.catch((error) => {
    approvalError = error;
  });
  const itemsDone = await waitUntil(async () => {
    if (approvalError) throw approvalError;
    if (!callsDone) {
      const d = await gw.data(EXCEPTIONS);
      if (d.orchestrationIntegrity.set.count > baseline.openExceptions) throw new Error(`open exceptions while recording billable items: ${await openExceptions(gw)}`);
      return null;
    }
    last = await pipelineState(gw);
    if (last.openExceptions > baseline.openExceptions) throw new Error(`open exceptions while recording billable items: ${await openExceptions(gw)}`);
    return last.items >= baseline.items + expectedItems && last.running === 0 ? now() : null;
  }, options.phaseTimeoutMs, options.pollMs, 'billable items', () => JSON.stringify({ ...last, expected: baseline.items + expectedItems, approvalCallsDone: Boolean(callsDone) }));
  await approvals;
  return { callsDone: callsDone - t0, itemsDone: itemsDone - t0 };
}

interface CycleFlow {
  status: string;
  runs: Array<{ sagaType: string; status: string; subject: { id: string }; completedAt: string | null; startedAt: string; links: Array<{ typename: string; id: string }>; steps: Array<{ name: string; status: string; lastError: string | null }> }>;
}

const CYCLE_FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) {
  status runs { sagaType status startedAt completedAt subject { id } links { typename id } steps { name status lastError } }
} }`;

/** The cycle's flow in brief: enough to tell whether anything is still under way, without its runs' steps and links. */
const CYCLE_BRIEF = `query($c: ID!) { orchestrationRun(correlationId: $c) { status runs { status } } }`;

/** True when the cycle billed every schedule and every invoice it issued was posted by its own run. */
function cycleDone(f: CycleFlow, schedules: number): boolean {
  if (f.status !== 'COMPLETED') return false;
  const billed = f.runs.filter((r) => r.sagaType === 'BILL_SCHEDULE');
  const issued = billed.flatMap((r) => r.links.filter((l) => l.typename === 'Invoice').map((l) => l.id));
  const posted = new Set(f.runs.filter((r) => r.sagaType === 'POST_INVOICE' && r.status === 'COMPLETED').map((r) => r.subject.id));
  return billed.length === schedules && issued.every((id) => posted.has(id));
}

/** Runs the billing cycle over the engagements and waits until every invoice is posted; returns the flow. */
async function billAndPost(gw: GraphClient, le: string, engagements: readonly Engagement[], window: WorkWindow, options: ReceivableOptions, tag: string): Promise<{ flow: CycleFlow; correlationId: string }> {
  // Only the benchmark's schedules: the demo's own engagements would add their due instalments and leftovers to the
  // cycle, which is not the work being measured.
  const started = await gw.data(`mutation($i: RunBillingCycleInput!) { runBillingCycle(input: $i) { correlationId status } }`, {
    i: { throughDate: window.end, issueDate: isoDate(Date.now()), legalEntityId: le, billingScheduleIds: engagements.map((e) => e.scheduleId), idempotencyKey: `bench-cycle-${tag}` },
  });
  const correlationId: string = started.runBillingCycle.correlationId;
  let last: CycleFlow | null = null;
  let brief = 'no answer yet';
  const flow = await waitUntil(async () => {
    // The whole flow (every run's steps and links) is read only once nothing in it is under way any more.
    const seen = (await gw.data<{ orchestrationRun: { status: string; runs: Array<{ status: string }> } }>(CYCLE_BRIEF, { c: correlationId })).orchestrationRun;
    brief = `${seen.status}, ${seen.runs.filter((r) => !TERMINAL.has(r.status)).length} of ${seen.runs.length} runs under way`;
    if (!TERMINAL.has(seen.status) || seen.runs.some((r) => !TERMINAL.has(r.status))) return null;
    last = (await gw.data<{ orchestrationRun: CycleFlow }>(CYCLE_FLOW, { c: correlationId })).orchestrationRun;
    if (TERMINAL.has(last.status) && last.status !== 'COMPLETED') {
      const failed = last.runs.filter((r) => r.status !== 'COMPLETED').map((r) => ({ saga: r.sagaType, status: r.status, steps: r.steps.filter((s) => s.lastError) }));
      throw new Error(`billing cycle ${correlationId} ended ${last.status}: ${JSON.stringify(failed).slice(0, 2000)} exceptions: ${await openExceptions(gw)}`);
    }
    return cycleDone(last, engagements.length) ? last : null;
  }, options.phaseTimeoutMs, options.pollMs, 'posted receivables', () => (last ? summarizeFlow(last) : brief));
  return { flow, correlationId };
}

function summarizeFlow(f: CycleFlow | null): string {
  if (!f) return 'no answer yet';
  const counts = new Map<string, number>();
  for (const r of f.runs) counts.set(`${r.sagaType}:${r.status}`, (counts.get(`${r.sagaType}:${r.status}`) ?? 0) + 1);
  return `${f.status} ${JSON.stringify(Object.fromEntries(counts))}`;
}

/** When the last of `runs` completed (server clock, ms since the epoch); every one of them must have. */
function lastCompletion(runs: readonly TimedRun[], label: string): number {
  if (runs.length === 0) throw new Error(`no ${label} runs to time`);
  const open = runs.find((r) => !r.completedAt);
  if (open) throw new Error(`a ${label} run (${open.sagaType}) has no completion time`);
  return Math.max(...runs.map((r) => Date.parse(r.completedAt as string)));
}

/** Seconds from the cycle's start until its last schedule billing run completed (server clock). */
function invoicesIssuedAfter(flow: CycleFlow): number | null {
  const root = flow.runs.find((r) => r.sagaType === 'BILLING_CYCLE');
  const done = flow.runs.filter((r) => r.sagaType === 'BILL_SCHEDULE').map((r) => (r.completedAt ? Date.parse(r.completedAt) : NaN));
  if (!root || done.length === 0 || done.some(Number.isNaN)) return null;
  return seconds(Math.max(...done) - Date.parse(root.startedAt));
}

// ---------------------------------------------------------------------------------------------------------------------
// Diagnostics (after t1, not timed)

/** A run with its timestamps. */
interface TimedRun {
  sagaType: string;
  triggeredAt: string;
  startedAt: string;
  completedAt: string | null;
  steps: Array<{ name: string; attempts: number; startedAt: string | null; finishedAt: string | null }>;
}

const RUN_TIMES = `runs { sagaType triggeredAt startedAt completedAt steps { name attempts startedAt finishedAt } }`;

function percentiles(xs: readonly number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : 0);
  return { p50: Math.round(at(0.5)), p90: Math.round(at(0.9)), max: Math.round(s.at(-1) ?? 0) };
}

/** Per saga: event → run → first step → done, from the runs' timestamps. */
function sagaStats(runs: readonly TimedRun[]): SagaStats[] {
  const bySaga = new Map<string, TimedRun[]>();
  for (const r of runs) {
    let list = bySaga.get(r.sagaType);
    if (!list) bySaga.set(r.sagaType, (list = []));
    list.push(r);
  }
  const ms = (a: string | null, b: string | null) => (a && b ? Date.parse(b) - Date.parse(a) : NaN);
  const valid = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
  return [...bySaga.entries()].map(([saga, list]) => ({
    saga,
    runs: list.length,
    eventToRun: percentiles(valid(list.map((r) => ms(r.triggeredAt, r.startedAt)))),
    runToFirstStep: percentiles(valid(list.map((r) => ms(r.startedAt, r.steps[0]?.startedAt ?? null)))),
    inSteps: percentiles(valid(list.map((r) => ms(r.steps[0]?.startedAt ?? null, r.steps.map((x) => x.finishedAt).filter(Boolean).sort().at(-1) ?? null)))),
    eventToCompleted: percentiles(valid(list.map((r) => ms(r.triggeredAt, r.completedAt)))),
    steps: (list[0]?.steps ?? []).map((first, i) => ({ step: first.name, duration: percentiles(valid(list.map((r) => ms(r.steps[i]?.startedAt ?? null, r.steps[i]?.finishedAt ?? null)))) })),
    retries: list.reduce((n, r) => n + r.steps.reduce((m, x) => m + Math.max(0, x.attempts - 1), 0), 0),
  }));
}

/** The timed runs of some flows (the approvals' flows, or the billing cycle's). */
async function timedRuns(gw: GraphClient, flows: readonly string[]): Promise<TimedRun[]> {
  const runs: TimedRun[] = [];
  await pool(flows, 8, async (c) => {
    const f = (await gw.data(`query($c: ID!) { orchestrationRun(correlationId: $c) { ${RUN_TIMES} } }`, { c })).orchestrationRun;
    runs.push(...(f?.runs ?? []));
  });
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------------
// Checks

interface ProjectTally {
  billed: number;
  notBilled: number;
  billedMinor: bigint;
  invoices: number;
  receivables: number;
  subtotalMinor: bigint;
  problems: string[];
}

/** Counts a project's BILLED entries (and their amounts), its unbilled ones, and checks each invoice's posting. */
async function tallyProject(gw: GraphClient, e: Engagement): Promise<ProjectTally> {
  const t: ProjectTally = { billed: 0, notBilled: 0, billedMinor: 0n, invoices: 0, receivables: 0, subtotalMinor: 0n, problems: [] };
  let after: string | null = null;
  for (let page = 0; page < 10_000; page += 1) {
    const d: any = await gw.data(`query($p: ID!, $after: String) { timeEntries(first: 1000, after: $after, filter: { projectId: $p, statuses: [BILLED] }) { edges { node { billAmount { amountMinor } } } pageInfo { hasNextPage endCursor } } }`, { p: e.projectId, after });
    for (const edge of d.timeEntries.edges) {
      t.billed += 1;
      t.billedMinor += BigInt(edge.node.billAmount.amountMinor);
    }
    if (!d.timeEntries.pageInfo.hasNextPage) break;
    after = d.timeEntries.pageInfo.endCursor;
  }
  const open = await gw.data(`query($p: ID!) { timeEntries(first: 1000, filter: { projectId: $p, statuses: [DRAFT, SUBMITTED, APPROVED, REJECTED] }) { edges { node { id } } } }`, { p: e.projectId });
  t.notBilled = open.timeEntries.edges.length;
  const inv = await gw.data(`query($p: ID!) { invoices(first: 1000, filter: { projectId: $p }) { edges { node {
    id status subtotal { amountMinor } total { amountMinor }
    receivable { id status originalAmount { amountMinor } journalEntry { status totalDebit { amountMinor } totalCredit { amountMinor } } }
  } } } }`, { p: e.projectId });
  for (const { node: i } of inv.invoices.edges) {
    t.invoices += 1;
    t.subtotalMinor += BigInt(i.subtotal.amountMinor);
    if (i.status !== 'POSTED') t.problems.push(`invoice ${i.id} is ${i.status}`);
    if (!i.receivable) {
      t.problems.push(`invoice ${i.id} has no receivable`);
      continue;
    }
    t.receivables += 1;
    if (i.receivable.originalAmount.amountMinor !== i.total.amountMinor) t.problems.push(`receivable ${i.receivable.id} ≠ invoice ${i.id} total`);
    const je = i.receivable.journalEntry;
    if (!je || je.status !== 'POSTED' || je.totalDebit.amountMinor !== je.totalCredit.amountMinor) t.problems.push(`journal of receivable ${i.receivable.id} missing, unposted or unbalanced`);
  }
  return t;
}

/** The run's correctness checks and the deployment's invariants. */
async function verify(gw: GraphClient, graph: GraphProcess, engagements: readonly Engagement[], n: number): Promise<{ checks: RunCheck[]; tally: ProjectTally; invariants: ReceivableRun['invariants'] }> {
  const tallies: ProjectTally[] = [];
  await pool(engagements, 4, async (e, i) => {
    tallies[i] = await tallyProject(gw, e);
  });
  const sum: ProjectTally = { billed: 0, notBilled: 0, billedMinor: 0n, invoices: 0, receivables: 0, subtotalMinor: 0n, problems: [] };
  for (const t of tallies) {
    sum.billed += t.billed;
    sum.notBilled += t.notBilled;
    sum.billedMinor += t.billedMinor;
    sum.invoices += t.invoices;
    sum.receivables += t.receivables;
    sum.subtotalMinor += t.subtotalMinor;
    sum.problems.push(...t.problems);
  }
  const report = await checkInvariants({ url: graph.gatewayUrl, token: gw.token, timeoutMs: 300_000 });
  const checks: RunCheck[] = [
    { name: 'every entry BILLED', ok: sum.billed === n && sum.notBilled === 0, detail: `${sum.billed} BILLED of ${n}, ${sum.notBilled} not billed` },
    { name: 'one POSTED receivable per invoice', ok: sum.invoices > 0 && sum.receivables === sum.invoices && sum.problems.length === 0, detail: `${sum.invoices} invoices, ${sum.receivables} receivables${sum.problems.length ? `; ${sum.problems.slice(0, 5).join('; ')}` : ''}` },
    { name: 'invoiced = billed (exact)', ok: sum.subtotalMinor === sum.billedMinor, detail: `Σ invoice subtotals ${sum.subtotalMinor} vs Σ billed entry amounts ${sum.billedMinor} (minor units)` },
    { name: 'checkInvariants', ok: report.ok, detail: report.ok ? 'all invariants hold' : report.violations.map((v) => `${v.invariant}: ${v.detail}`).join('; ') },
  ];
  return {
    checks,
    tally: sum,
    invariants: { ok: report.ok, violations: report.violations.map((v) => `${v.invariant}: ${v.detail} ${v.samples.slice(0, 3).join(', ')}`), notes: report.notes },
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// One run

/**
 * One run on a fresh graph process (fresh data directory): set-up, the timed pipeline, the checks. The graph process
 * is stopped and its data directory removed whatever happens.
 */
export async function benchTimeToReceivable(options: ReceivableOptions): Promise<ReceivableRun> {
  const log = options.log;
  const tag = randomUUID().slice(0, 8);
  const window = workWindow(options.entries);
  const setupStart = now();
  const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
  log(`starting the graph (demo profile) on ports ${options.port}…${options.port + 5}`);
  const graph = await startGraphProcess(options.port, 'demo');
  try {
    const graphStarted = now();
    const gw = new GraphClient(graph.gatewayUrl, graph);
    const le = await legalEntity(gw);
    log(`set-up: ${options.projects} engagements in ${le.id} (${le.currency}), ${options.entries} entries over ${window.weeks} week(s) ${window.start}…${window.end}`);
    const engagements = await setUpEngagements(gw, le, window, options, tag);
    const engagementsDone = now();
    const plan = planEntries(options.entries, options.projects, window);
    const ids = await createEntries(gw, plan, engagements, options);
    const created = now();
    log(`  ${ids.length} entries created in ${seconds(created - engagementsDone)} s (${Math.round(ids.length / ((created - engagementsDone) / 1000))}/s)`);
    const perProject = new Map<number, string[]>();
    plan.forEach((e, i) => {
      let list = perProject.get(e.project);
      if (!list) perProject.set(e.project, (list = []));
      list.push(ids[i] as string);
    });
    await pool([...perProject.values()].flatMap((list) => chunks(list, 1000)), 4, async (batch) => {
      await gw.data(`mutation($i: EntryBatchInput!) { submitTimeEntries(input: $i) { id } }`, { i: { entries: batch.map((id) => ({ id })) } });
    });
    const submitted = now();
    const batches = approvalBatches(plan, ids, options.approvalBatch, options.approvalPeriod);
    const baseline = await pipelineState(gw);
    if (baseline.running > 0) throw new Error(`${baseline.running} runs still RUNNING before the timed phase`);
    log(`  set-up done in ${seconds(submitted - setupStart)} s; timing ${batches.length} approval calls (${options.approvalConcurrency} in flight)…`);

    const probeBefore = probeMachine();
    const cpuAtT0 = cpuSeconds(graph.pid);
    const clientAtT0 = process.cpuUsage();
    const t0 = now();
    const t0Clock = Date.now();
    const approval = await approveAndRecord(gw, batches, baseline, options.entries, options, tag, t0);
    const cycleStart = now();
    const cycleStartClock = Date.now();
    log(`  approval → billable items noticed after ${seconds(approval.itemsDone)} s (approval calls returned after ${seconds(approval.callsDone)} s); billing cycle…`);
    const { flow, correlationId: cycleFlow } = await billAndPost(gw, le.id, engagements, window, options, tag);
    const t1 = now();
    const elapsed = t1 - t0;
    const cpuAtT1 = cpuSeconds(graph.pid);
    const clientCpu = process.cpuUsage(clientAtT0);
    const probeAfter = probeMachine();
    const graphCpu = cpuAtT0 !== null && cpuAtT1 !== null ? { seconds: seconds((cpuAtT1 - cpuAtT0) * 1000), utilization: Math.round(((cpuAtT1 - cpuAtT0) * 1000 / elapsed) * 100) / 100 } : null;
    const approvalRuns = await timedRuns(gw, batches.map((_, i) => approvalFlow(tag, i)));
    const cycleRuns = await timedRuns(gw, [cycleFlow]);
    // The pipeline's own time: each phase ends when its last run completed (server clock, same machine), so the
    // benchmark's polling interval, and the wait for the poll that noticed, are not counted.
    const approvalEnd = lastCompletion(approvalRuns, 'approval');
    const cycleEnd = lastCompletion(cycleRuns.filter((r) => r.sagaType === 'POST_INVOICE'), 'posting');
    const pipeline = (approvalEnd - t0Clock) + (cycleEnd - cycleStartClock);
    log(`  billing cycle → posted receivables: ${seconds(cycleEnd - cycleStartClock)} s (noticed after ${seconds(t1 - cycleStart)} s); pipeline ${seconds(pipeline)} s = ${Math.round(options.entries / (pipeline / 1000))} entries/s (wall clock with polling ${seconds(elapsed)} s = ${Math.round(options.entries / (elapsed / 1000))} entries/s); graph process CPU ${graphCpu ? `${graphCpu.seconds} s (${graphCpu.utilization} cores)` : 'n/a'}; machine probe ${probeBefore} / ${probeAfter} ms; checking…`);

    const sagas = sagaStats([...approvalRuns, ...cycleRuns]);
    for (const x of sagas) log(`  ${x.saga}: ${x.runs} runs, event→run p50 ${x.eventToRun.p50} ms, run→first step p50 ${x.runToFirstStep.p50} ms (max ${x.runToFirstStep.max}), in steps p50 ${x.inSteps.p50} ms (max ${x.inSteps.max}), event→completed max ${x.eventToCompleted.max} ms, steps p50 ${x.steps.map((t) => `${t.step} ${t.duration.p50}`).join(' · ')} ms, retries ${x.retries}`);
    const checked = await verify(gw, graph, engagements, options.entries);
    for (const c of checked.checks) log(`  ${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
    return {
      entries: options.entries,
      projects: options.projects,
      weeks: window.weeks,
      approvalCalls: batches.length,
      setup: {
        graphStartSeconds: seconds(graphStarted - setupStart),
        engagementsSeconds: seconds(engagementsDone - graphStarted),
        createSeconds: seconds(created - engagementsDone),
        createPerSecond: Math.round(ids.length / ((created - engagementsDone) / 1000)),
        submitSeconds: seconds(submitted - created),
        totalSeconds: seconds(submitted - setupStart),
      },
      timed: {
        seconds: seconds(pipeline),
        entriesPerSecond: Math.round(options.entries / (pipeline / 1000)),
        wallSeconds: seconds(elapsed),
        wallEntriesPerSecond: Math.round(options.entries / (elapsed / 1000)),
        approvalCallsSeconds: seconds(approval.callsDone),
        approvalToItemsSeconds: seconds(approvalEnd - t0Clock),
        approvalToItemsNoticedSeconds: seconds(approval.itemsDone),
        cycleToReceivablesSeconds: seconds(cycleEnd - cycleStartClock),
        cycleToInvoicesIssuedSeconds: invoicesIssuedAfter(flow),
      },
      results: {
        invoices: checked.tally.invoices, receivables: checked.tally.receivables, billedEntries: checked.tally.billed,
        billedAmountMinor: checked.tally.billedMinor.toString(), invoicedSubtotalMinor: checked.tally.subtotalMinor.toString(), currency: le.currency,
      },
      checks: checked.checks,
      correct: checked.checks.every((c) => c.ok),
      invariants: checked.invariants,
      diagnostics: {
        sagas, loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((x) => Math.round(x * 100) / 100) },
        graphCpu, clientCpuSeconds: seconds((clientCpu.user + clientCpu.system) / 1000), machineProbeMs: { before: probeBefore, after: probeAfter },
      },
      graphPeakRssMb: peakRssMb(graph.pid),
    };
  } catch (error) {
    // A graph process that died explains the error better than the failed request does.
    const code = graph.exitCode();
    if (code !== null) throw new Error(`the graph process exited with code ${code} (its stderr is above): ${(error as Error).message}`, { cause: error });
    throw error;
  } finally {
    await graph.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The suite (`npm run bench`, `npm run bench:receivable`)

/** A whole number from the environment, at least `min`. */
function positiveInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

/** Settings from the environment (listed in `bench/run.ts`). */
export function receivableSettingsFromEnv(log: (s: string) => void): { runs: number; year: number; base: ReceivableOptions } {
  return {
    runs: positiveInt('BENCH_RECEIVABLE_RUNS', 5, 0),
    // The regional firm's year; 0 skips it.
    year: positiveInt('BENCH_RECEIVABLE_YEAR', ENTRIES_PER_YEAR, 0),
    base: {
      entries: positiveInt('BENCH_RECEIVABLE_ENTRIES', 10_000),
      projects: positiveInt('BENCH_RECEIVABLE_PROJECTS', 40),
      createConcurrency: positiveInt('BENCH_RECEIVABLE_CREATE_CONCURRENCY', process.env.BENCH_RECEIVABLE_CREATE_PATH === 'gateway' ? 16 : 4),
      createPath: process.env.BENCH_RECEIVABLE_CREATE_PATH === 'gateway' ? 'gateway' : 'subgraph',
      createAliases: positiveInt('BENCH_RECEIVABLE_CREATE_ALIASES', 25),
      approvalConcurrency: positiveInt('BENCH_RECEIVABLE_APPROVAL_CONCURRENCY', 4),
      approvalBatch: Math.min(1000, positiveInt('BENCH_RECEIVABLE_APPROVAL_BATCH', 1000)),
      approvalPeriod: process.env.BENCH_RECEIVABLE_APPROVAL_PERIOD === 'month' ? 'month' : 'week',
      pollMs: positiveInt('BENCH_RECEIVABLE_POLL_MS', 250),
      phaseTimeoutMs: positiveInt('BENCH_RECEIVABLE_PHASE_TIMEOUT_S', 1800) * 1000,
      port: positiveInt('BENCH_RECEIVABLE_PORT', Number(process.env.BENCH_PORT ?? 4600) + 10),
      log,
    },
  };
}

/** The commit of the checkout, so a result can be tied to the code it measured. */
function currentCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/** The written result. */
export interface ReceivableResults {
  measuredAt: string;
  /** The commit measured (null outside a git checkout). */
  commit: string | null;
  machine: { cpus: number; cpuModel: string | undefined; memoryGb: number; node: string };
  target: { entriesPerSecond: number; yearEntries: number; yearSeconds: number };
  method: Record<string, unknown>;
  sample: { entries: number; runs: ReceivableRun[]; median: { entriesPerSecond: number; seconds: number; approvalToItemsSeconds: number; cycleToReceivablesSeconds: number; wallEntriesPerSecond: number } | null };
  year: ReceivableRun | null;
  failures: Array<{ entries: number; run: number; error: string }>;
}

/**
 * Runs the sample size `runs` times and the year once, each on a fresh graph process, and writes
 * bench/results/time-to-receivable.{json,md} (BENCH_RECEIVABLE_OUT.{json,md} when set). A run that throws is recorded
 * as a failure and the suite goes on.
 */
export async function runReceivableSuite(log: (s: string) => void): Promise<ReceivableResults> {
  const { runs, year, base } = receivableSettingsFromEnv(log);
  const sample: ReceivableRun[] = [];
  const failures: ReceivableResults['failures'] = [];
  const attempt = async (entries: number, run: number): Promise<ReceivableRun | null> => {
    log(`\n== time to receivable: ${entries} entries, run ${run} ==`);
    try {
      return await benchTimeToReceivable({ ...base, entries });
    } catch (error) {
      const message = (error as Error).stack ?? String(error);
      log(`run failed: ${message}`);
      failures.push({ entries, run, error: message.split('\n').slice(0, 3).join(' | ') });
      return null;
    }
  };
  for (let i = 1; i <= runs; i += 1) {
    const r = await attempt(base.entries, i);
    if (r) sample.push(r);
  }
  const yearRun = year > 0 ? await attempt(year, 1) : null;
  const results: ReceivableResults = {
    measuredAt: new Date().toISOString(),
    commit: currentCommit(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    target: { entriesPerSecond: 1000, yearEntries: ENTRIES_PER_YEAR, yearSeconds: 180 },
    method: {
      deployment: 'one graph process as `npm start` (embedded PGlite, each database on a worker thread of its own, in-process bus, default WORKER_CONCURRENCY), demo profile, fresh data directory per run',
      projects: base.projects, approval: `one approveTimeEntries call per project and ${base.approvalPeriod} (≤ ${base.approvalBatch} entries), ${base.approvalConcurrency} in flight`,
      workerConcurrency: runtimeConfigFromEnv().workerConcurrency,
      billing: 'one runBillingCycle over the benchmark engagements\' schedules, auto-issue', pollMs: base.pollMs,
      createPath: base.createPath === 'subgraph'
        ? `${base.createAliases} aliased createTimeEntry per request to the projects subgraph (internal token), ${base.createConcurrency} in flight`
        : `one createTimeEntry per request through the gateway, ${base.createConcurrency} in flight`,
      timed: 't0 just before the first approval; approval → items ends when the last BILL_TIME run of the approvals completed; cycle → receivables runs from the runBillingCycle call until the last POST_INVOICE run (ledger, posted, billed) completed (run completion times: server clock); total = the two phases; wall clock = t0 → the poll that saw the last posting',
    },
    sample: {
      entries: base.entries,
      runs: sample,
      median: sample.length
        ? {
          entriesPerSecond: median(sample.map((r) => r.timed.entriesPerSecond)),
          seconds: median(sample.map((r) => r.timed.seconds)),
          approvalToItemsSeconds: median(sample.map((r) => r.timed.approvalToItemsSeconds)),
          cycleToReceivablesSeconds: median(sample.map((r) => r.timed.cycleToReceivablesSeconds)),
          wallEntriesPerSecond: median(sample.map((r) => r.timed.wallEntriesPerSecond)),
        }
        : null,
    },
    year: yearRun,
    failures,
  };
  // BENCH_RECEIVABLE_OUT writes elsewhere (exploratory runs), keeping the recorded results.
  const out = process.env.BENCH_RECEIVABLE_OUT || join(REPO_ROOT, 'bench/results/time-to-receivable');
  writeFileSync(`${out}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const md = renderMarkdown(results);
  writeFileSync(`${out}.md`, md);
  log(md);
  return results;
}

/** Where the time went in the median sample run and in the year: per saga, from the runs' timestamps. */
function diagnosticsSection(r: ReceivableResults): string[] {
  const runs = [...r.sample.runs].sort((a, b) => a.timed.entriesPerSecond - b.timed.entriesPerSecond);
  const picked: Array<[string, ReceivableRun]> = [];
  const mid = runs[Math.floor(runs.length / 2)];
  if (mid) picked.push([`median sample run (${mid.entries} entries)`, mid]);
  if (r.year) picked.push([`regional year (${r.year.entries} entries)`, r.year]);
  const out: string[] = [];
  for (const [label, run] of picked) {
    out.push(
      `Where the time went, ${label} — ms, p50 / p90 / max over the runs. Between t0 and t1 the graph process used ${run.diagnostics.graphCpu ? `${run.diagnostics.graphCpu.seconds} s of CPU (${run.diagnostics.graphCpu.utilization} of a core on average)` : 'n/a CPU'}, the benchmark client ${run.diagnostics.clientCpuSeconds} s; load average ${run.diagnostics.loadAverage.atStart.join(' ')} at start, ${run.diagnostics.loadAverage.atEnd.join(' ')} at end:`,
      '',
      '| saga | runs | event → run | run → first step | in steps | each step (p50 / max) | event → completed | retries |',
      '|---|---|---|---|---|---|---|---|',
      ...run.diagnostics.sagas.map((x) => `| ${x.saga} | ${x.runs} | ${fmt(x.eventToRun)} | ${fmt(x.runToFirstStep)} | ${fmt(x.inSteps)} | ${x.steps.map((t) => `${t.step} ${t.duration.p50} / ${t.duration.max}`).join(' · ')} | ${fmt(x.eventToCompleted)} | ${x.retries} |`),
      '',
    );
  }
  return out;
}

const fmt = (p: Percentiles): string => `${p.p50} / ${p.p90} / ${p.max}`;

function row(label: string, r: ReceivableRun): string {
  const t = r.timed;
  return `| ${label} | ${r.entries} | ${r.approvalCalls} | ${t.entriesPerSecond} | ${t.seconds} | ${t.approvalToItemsSeconds} | ${t.cycleToReceivablesSeconds} | ${t.cycleToInvoicesIssuedSeconds ?? 'n/a'} | ${t.wallSeconds} (${t.wallEntriesPerSecond}/s) | ${r.diagnostics.machineProbeMs.before} / ${r.diagnostics.machineProbeMs.after} | ${r.results.invoices}/${r.results.receivables} | ${r.correct ? 'yes' : 'NO'} | ${r.setup.totalSeconds} (${r.setup.createPerSecond}/s) | ${r.graphPeakRssMb ?? 'n/a'} |`;
}

/** The results for people. */
export function renderMarkdown(r: ReceivableResults): string {
  const m = r.sample.median;
  const year = r.year;
  const lines = [
    '# Time-to-receivable throughput benchmark',
    '',
    `Measured ${r.measuredAt}${r.commit ? ` at commit ${r.commit}` : ''} on ${r.machine.cpus} CPUs (${r.machine.cpuModel}), Node ${r.machine.node}. The whole graph runs as one process as \`npm start\` does (embedded PGlite, each database on a worker thread of its own, in-process bus, ${r.method.workerConcurrency} saga step workers, demo profile, fresh data directory per run); the benchmark client shares the machine.`,
    '',
    `Target: ≥ ${r.target.entriesPerSecond} approved entries/s from approval to posted receivable, and a regional firm's year (${r.target.yearEntries} entries) in under ${r.target.yearSeconds} s.`,
    '',
    `Timed from just before the first \`approveTimeEntries\` (${String(r.method.approval).replace('approveTimeEntries ', '')}) until every invoice of the billing cycle is POSTED with its receivable and journal and its entries are BILLED. "approval → items" ends when the approvals' last BILL_TIME run completed (every approved entry has its billable item); "cycle → receivables" runs from the \`runBillingCycle\` call until the last POST_INVOICE run completed; both ends are the runs' own completion times (server clock, same machine), and the total is their sum. The benchmark notices each end by polling every ${r.method.pollMs} ms and only then starts the cycle: "wall clock with polling" is t0 → t1 on the benchmark's clock, lag included. "invoices issued" is when the cycle's last schedule run completed. "machine probe" times a fixed piece of CPU work in the benchmark client just before t0 and after t1 (\`bench/machine-probe.ts\`): the machine shares its cores with other tenants, and a higher probe means it was slower then, whatever the product did. Set-up (engagements won through \`winOpportunity\`, one consultant staffed on each, entries booked with \`createTimeEntry\` — ${r.method.createPath} — and submitted) is not timed.`,
    '',
    '| run | entries | approval calls | entries/s | total (s) | approval → items (s) | cycle → receivables (s) | invoices issued (s) | wall clock with polling (s) | machine probe (ms, before / after) | invoices/receivables | checks pass | set-up (s) | graph peak RSS (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.sample.runs.map((x, i) => row(`sample ${i + 1}`, x)),
    ...(year ? [row('regional year', year)] : []),
    '',
    m ? `Median of ${r.sample.runs.length} runs of ${r.sample.entries} entries: **${m.entriesPerSecond} entries/s** (${m.seconds} s; approval → items ${m.approvalToItemsSeconds} s, cycle → receivables ${m.cycleToReceivablesSeconds} s); on the wall clock with the polls' lag, ${m.wallEntriesPerSecond} entries/s.` : `No sample run of ${r.sample.entries} entries completed.`,
    year ? `Regional year: **${year.entries} entries in ${year.timed.seconds} s** (${year.timed.entriesPerSecond} entries/s) — target ${year.timed.seconds < r.target.yearSeconds ? 'met' : 'missed'}.` : 'Regional year: not run or failed.',
    m ? `Throughput target ${m.entriesPerSecond >= r.target.entriesPerSecond ? 'met' : 'missed'} on the median.` : '',
    '',
  ];
  const all = [...r.sample.runs, ...(year ? [year] : [])];
  lines.push(...diagnosticsSection(r));
  const failedChecks = all.flatMap((x) => x.checks.filter((c) => !c.ok).map((c) => `- ${x.entries} entries: ${c.name} — ${c.detail}`));
  if (failedChecks.length) lines.push('Failed checks:', '', ...failedChecks, '');
  if (r.failures.length) lines.push('Failed runs:', '', ...r.failures.map((f) => `- ${f.entries} entries, run ${f.run}: ${f.error}`), '');
  return lines.join('\n');
}
