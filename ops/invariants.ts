/**
 * The reliability invariants of the product (quality bars, Reliability), checked against a running deployment through
 * its gateway with an integration_admin token: every service reports its outbox, its own consistency checks and key
 * sets summarised per bucket; the check compares the sets across services and drills into the buckets that differ.
 */

/** A violated invariant, with the keys that show it. */
export interface Violation {
  invariant: string;
  detail: string;
  samples: string[];
}

/** The outcome of a check. */
export interface InvariantReport {
  ok: boolean;
  violations: Violation[];
  /** Facts worth knowing that are not violations (runs waiting for an operator). */
  notes: string[];
  /** Sizes of the sets compared, for the record. */
  counts: Record<string, number>;
}

/** Where the deployment is and who asks. */
export interface InvariantCheckOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** A client token with the integration_admin role for every legal entity. */
  token: string;
  /** Per-request timeout in ms (default 60 000). */
  timeoutMs?: number;
}

const SERVICES = ['crm', 'projects', 'billing', 'finance', 'orchestration'] as const;
type Service = (typeof SERVICES)[number];

/** The key sets each comparison needs, by service. */
const SETS: Record<Service, string[]> = {
  crm: ['wonOpportunities', 'wonCustomerKeys'],
  projects: ['opportunitiesWithLiveProject', 'billingProjects', 'schedulableProjects', 'billableTimeEntries', 'billableExpenseEntries'],
  billing: ['liveScheduleProjects', 'timeItemSources', 'expenseItemSources', 'ledgerInvoices'],
  finance: ['customerKeys', 'receivableInvoices', 'invoiceJournals'],
  orchestration: ['openExceptions'],
};

interface Bucket {
  bucket: number;
  count: number;
  checksum: string;
}
interface SetDigest {
  count: number;
  buckets: Bucket[];
}
interface Report {
  outbox: { unpublished: number; oldestUnpublishedAt: string | null; failing: number };
  checks: Array<{ name: string; description: string; violations: number; samples: string[] }>;
  [set: string]: unknown;
}

/** Posts one operation; any error fails the check loudly (a check that cannot read is not a pass). */
async function graphql<T>(options: InvariantCheckOptions, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null;
  if (!res.ok || !body || body.errors?.length || !body.data) {
    const first = body?.errors?.[0];
    throw new Error(`the gateway refused the integrity query (HTTP ${res.status}${first ? `, ${first.extensions?.code ?? ''} ${first.message}` : ''})`);
  }
  return body.data;
}

const alias = (set: string) => `set_${set}`;

function reportQuery(): string {
  const parts = SERVICES.map((service) => {
    const sets = SETS[service].map((set) => `${alias(set)}: set(name: "${set}") { count buckets { bucket count checksum } }`).join(' ');
    return `${service}Integrity { outbox { unpublished oldestUnpublishedAt failing } checks { name description violations samples } ${sets} }`;
  });
  return `query IntegrityReports { ${parts.join(' ')} }`;
}

async function keysOf(options: InvariantCheckOptions, service: Service, set: string, bucket: number): Promise<string[]> {
  const data = await graphql<Record<string, { set: { keys: string[] } | null }>>(
    options, `query($b: Int!) { ${service}Integrity { set(name: "${set}") { keys(bucket: $b) } } }`, { b: bucket },
  );
  return data[`${service}Integrity`]?.set?.keys ?? [];
}

const countKeys = (keys: readonly string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());

/** Buckets whose count or checksum differ between two digests. */
function differingBuckets(a: SetDigest, b: SetDigest): number[] {
  const index = (d: SetDigest) => new Map(d.buckets.map((x) => [x.bucket, x]));
  const ia = index(a);
  const ib = index(b);
  const all = new Set([...ia.keys(), ...ib.keys()]);
  return [...all].filter((n) => ia.get(n)?.count !== ib.get(n)?.count || ia.get(n)?.checksum !== ib.get(n)?.checksum).sort((x, y) => x - y);
}

/** A side of a comparison: a set of one service. */
interface Side {
  service: Service;
  set: string;
  digest: SetDigest;
}

type Relation = 'equal' | 'subset';

/**
 * Compares two key sets as multisets: `equal` wants every key of `left` exactly as often in `right` (one to one);
 * `subset` wants every key of `left` present in `right` at least once. Returns the keys that break it.
 */
async function compare(options: InvariantCheckOptions, left: Side, right: Side, relation: Relation): Promise<string[]> {
  const buckets = relation === 'equal' ? differingBuckets(left.digest, right.digest) : left.digest.buckets.map((b) => b.bucket);
  const problems: string[] = [];
  for (const bucket of buckets) {
    const [l, r] = await Promise.all([keysOf(options, left.service, left.set, bucket), keysOf(options, right.service, right.set, bucket)]);
    const lc = countKeys(l);
    const rc = countKeys(r);
    for (const [key, n] of lc) {
      const m = rc.get(key) ?? 0;
      if (m === 0) problems.push(`${key}: in ${left.service} ${left.set}, missing from ${right.service} ${right.set}`);
      else if (relation === 'equal' && m !== n) problems.push(`${key}: ${n} in ${left.service} ${left.set}, ${m} in ${right.service} ${right.set}`);
    }
    if (relation === 'equal') for (const [key, m] of rc) if (!lc.has(key)) problems.push(`${key}: in ${right.service} ${right.set}, missing from ${left.service} ${left.set}`);
    if (problems.length >= 200) break;
  }
  return problems;
}

/**
 * Checks the invariants once and reports every violation:
 * exactly one live project, customer financial and (when billing) billing schedule per won opportunity; exactly one
 * live billable item per approved billable entry; exactly one receivable and one invoice journal per invoice that
 * reached the ledger; every journal balanced; every outbox published; no flow run left non-terminal; and each
 * service's own consistency checks.
 */
export async function checkInvariants(options: InvariantCheckOptions): Promise<InvariantReport> {
  const data = await graphql<Record<string, Report>>(options, reportQuery());
  const report = (s: Service) => data[`${s}Integrity`] as Report;
  const side = (service: Service, set: string): Side => ({ service, set, digest: report(service)[alias(set)] as SetDigest });
  const violations: Violation[] = [];
  const notes: string[] = [];
  const counts: Record<string, number> = {};
  for (const s of SERVICES) for (const set of SETS[s]) counts[`${s}.${set}`] = side(s, set).digest.count;

  const expect = async (invariant: string, detail: string, left: Side, right: Side, relation: Relation) => {
    const problems = await compare(options, left, right, relation);
    if (problems.length > 0) violations.push({ invariant, detail: `${detail} (${problems.length}${problems.length >= 200 ? '+' : ''} keys)`, samples: problems.slice(0, 20) });
  };

  await expect('one-project-per-won-opportunity', 'every won opportunity has exactly one live project, and every project set up from an opportunity belongs to a won one',
    side('crm', 'wonOpportunities'), side('projects', 'opportunitiesWithLiveProject'), 'equal');
  await expect('one-customer-per-won-opportunity', 'every won opportunity\'s account has a customer financial in its legal entity (one, by the ERP\'s unique key)',
    side('crm', 'wonCustomerKeys'), side('finance', 'customerKeys'), 'subset');
  // One live schedule per project is billing's unique key; these two say every project that bills has it, and no
  // live schedule bills a project that is not billable, not yet active, or cancelled.
  await expect('schedule-per-billing-project', 'every active billable project has a live billing schedule',
    side('projects', 'billingProjects'), side('billing', 'liveScheduleProjects'), 'subset');
  await expect('schedule-of-billable-project', 'every live billing schedule belongs to an active, on-hold or completed billable project',
    side('billing', 'liveScheduleProjects'), side('projects', 'schedulableProjects'), 'subset');
  await expect('one-item-per-approved-time-entry', 'every approved billable time entry (time and materials) has exactly one live billable item',
    side('projects', 'billableTimeEntries'), side('billing', 'timeItemSources'), 'equal');
  await expect('one-item-per-approved-expense', 'every approved billable expense has exactly one live billable item',
    side('projects', 'billableExpenseEntries'), side('billing', 'expenseItemSources'), 'equal');
  await expect('one-receivable-per-posted-invoice', 'every invoice that reached the ledger has exactly one receivable',
    side('billing', 'ledgerInvoices'), side('finance', 'receivableInvoices'), 'equal');
  await expect('one-journal-per-posted-invoice', 'every invoice that reached the ledger has exactly one invoice journal entry',
    side('billing', 'ledgerInvoices'), side('finance', 'invoiceJournals'), 'equal');

  for (const s of SERVICES) {
    const r = report(s);
    if (r.outbox.unpublished > 0) {
      violations.push({
        invariant: 'outbox-published', detail: `${s} has ${r.outbox.unpublished} unpublished events (oldest ${r.outbox.oldestUnpublishedAt}, ${r.outbox.failing} failing)`, samples: [],
      });
    }
    for (const c of r.checks) if (c.violations > 0) violations.push({ invariant: `${s}.${c.name}`, detail: `${c.description}: ${c.violations} violations`, samples: c.samples });
  }
  const open = side('orchestration', 'openExceptions').digest.count;
  if (open > 0) notes.push(`${open} flow run(s) wait for an operator (OPEN exceptions): see orchestrationExceptions`);
  return { ok: violations.length === 0, violations, notes, counts };
}

/** True when nothing is in flight: every outbox published and no run RUNNING or COMPENSATING. */
export async function quiescent(options: InvariantCheckOptions): Promise<boolean> {
  const parts = SERVICES.map((s) => `${s}Integrity { outbox { unpublished } ${s === 'orchestration' ? 'checks { name violations }' : ''} }`).join(' ');
  const data = await graphql<Record<string, { outbox: { unpublished: number }; checks?: Array<{ name: string; violations: number }> }>>(options, `query { ${parts} }`);
  const busy = SERVICES.some((s) => (data[`${s}Integrity`]?.outbox.unpublished ?? 0) > 0);
  const running = data.orchestrationIntegrity?.checks?.find((c) => c.name === 'runsTerminal')?.violations ?? 0;
  return !busy && running === 0;
}

/** Renders a report for people. */
export function formatReport(r: InvariantReport): string {
  const lines = [r.ok ? 'All invariants hold.' : `${r.violations.length} invariant(s) violated:`];
  for (const v of r.violations) {
    lines.push(`  ✗ ${v.invariant}: ${v.detail}`);
    for (const s of v.samples) lines.push(`      ${s}`);
  }
  for (const n of r.notes) lines.push(`  · ${n}`);
  lines.push(`  sets: ${Object.entries(r.counts).map(([k, n]) => `${k}=${n}`).join(', ')}`);
  return lines.join('\n');
}
