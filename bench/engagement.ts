import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import { DEV_AUDIENCE, DEV_ISSUER } from '../platform/auth/config.js';
import { signInternalToken } from '../platform/auth/internal-token.js';
import { claimsOf, type Principal } from '../platform/auth/principal.js';
import { loadOrCreateDevKeys } from '../platform/auth/keys.js';
import type { GraphProcess } from './graph-process.js';
import { median, runLoad, type LoadResult } from './load.js';

/** The owning subgraph's part of the Engagement query, sent straight to the projects subgraph. */
const OWNER_PART = `query Engagement($id: ID!) { project(id: $id) { id name status deliveredValue { amountMinor currency } actualCost { amountMinor currency } } }`;

/** Benchmark outcome for one concurrency level. */
export interface EngagementRow {
  connections: number;
  gateway: { p50: number; p99: number; rps: number; runs: LoadResult[] };
  direct: { p50: number; p99: number; rps: number; runs: LoadResult[] };
  /** Gateway p50 / direct p50 (lower is better). */
  latencyRatio: number;
  /** Gateway req/s / direct req/s. */
  throughputRatio: number;
}

/** The executive the benchmark acts as: sees every field of every legal entity, like a portfolio portal user. */
const READER: Principal = { subject: 'bench-portal', roles: ['executive'], legalEntities: '*', resourceId: null };

/** Authorization headers for the gateway (a client token) and for the projects subgraph (an internal token). */
function credentials(graph: GraphProcess): { gateway: string; projects: string } {
  const keys = loadOrCreateDevKeys(graph.dataDir);
  return {
    gateway: `Bearer ${jwt.sign(claimsOf(READER), keys.clientSecret, { algorithm: 'HS256', issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '2h' })}`,
    // The subgraph is measured with the identity the gateway would forward; minted once, valid for the 60-second window,
    // so the benchmark re-mints it per run.
    projects: `Bearer ${signInternalToken(keys.internalPrivateKeyPem, READER, 'projects', 'bench')}`,
  };
}

async function post(url: string, query: string, variables: Record<string, unknown>, authorization: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body: any = await res.json();
  if (body.errors) throw new Error(`benchmark query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Picks the seeded time-and-materials project with the most invoices: the heaviest realistic engagement. */
async function heaviestProject(graph: GraphProcess): Promise<string> {
  const data = await post(graph.gatewayUrl, `{ projects(first: 200, filter: { billingModel: TIME_AND_MATERIALS }) { edges { node { id invoices { id } } } } }`, {}, credentials(graph).gateway);
  const ranked = data.projects.edges.map((e: any) => e.node).sort((a: any, b: any) => b.invoices.length - a.invoices.length);
  if (!ranked[0]) throw new Error('no seeded project to benchmark');
  return ranked[0].id;
}

/**
 * The Engagement query through the gateway against the owning subgraph's part of it called directly, at each
 * concurrency, `runs` times each, interleaved so both sides see the same machine conditions.
 */
export async function benchEngagement(graph: GraphProcess, connections: number[], runs: number, seconds: number, log: (s: string) => void): Promise<{ projectId: string; rows: EngagementRow[] }> {
  const engagement = readFileSync(new URL('../test/support/queries.ts', import.meta.url), 'utf8').match(/`(query Engagement[\s\S]*?)`;/)?.[1];
  if (!engagement) throw new Error('Engagement query not found');
  const projectId = await heaviestProject(graph);
  await post(graph.gatewayUrl, engagement, { id: projectId }, credentials(graph).gateway);
  await post(graph.subgraphUrl('projects'), OWNER_PART, { id: projectId }, credentials(graph).projects);
  const gatewayBody = JSON.stringify({ query: engagement, variables: { id: projectId } });
  const directBody = JSON.stringify({ query: OWNER_PART, variables: { id: projectId } });
  log(`warming up on project ${projectId}`);
  await runLoad(graph.gatewayUrl, gatewayBody, 10, 3, credentials(graph).gateway);
  await runLoad(graph.subgraphUrl('projects'), directBody, 10, 3, credentials(graph).projects);

  const rows: EngagementRow[] = [];
  for (const c of connections) {
    const g: LoadResult[] = [];
    const d: LoadResult[] = [];
    for (let i = 0; i < runs; i += 1) {
      g.push(await runLoad(graph.gatewayUrl, gatewayBody, c, seconds, credentials(graph).gateway));
      d.push(await runLoad(graph.subgraphUrl('projects'), directBody, c, seconds, credentials(graph).projects));
      log(`c=${c} run ${i + 1}/${runs}: gateway p50 ${g[i]!.p50} ms ${Math.round(g[i]!.rps)} req/s · direct p50 ${d[i]!.p50} ms ${Math.round(d[i]!.rps)} req/s`);
      if (g[i]!.errors || g[i]!.non2xx || d[i]!.errors || d[i]!.non2xx) throw new Error(`errors under load: ${JSON.stringify({ gateway: g[i], direct: d[i] })}`);
    }
    const gw = { p50: median(g.map((r) => r.p50)), p99: median(g.map((r) => r.p99)), rps: median(g.map((r) => r.rps)), runs: g };
    const dr = { p50: median(d.map((r) => r.p50)), p99: median(d.map((r) => r.p99)), rps: median(d.map((r) => r.rps)), runs: d };
    rows.push({ connections: c, gateway: gw, direct: dr, latencyRatio: gw.p50 / Math.max(dr.p50, 0.01), throughputRatio: gw.rps / Math.max(dr.rps, 0.01) });
  }
  return { projectId, rows };
}
