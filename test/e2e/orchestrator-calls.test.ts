import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { internalSigningKey } from '../../platform/auth/internal-token.js';
import { SubgraphClient } from '../../orchestrator/src/clients/subgraph-client.js';
import { StepFailure } from '../../orchestrator/src/domain/failure.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../platform/topology.js';
import { readyToWin, setUpFirm } from '../support/fixtures.js';
import { TERMINAL } from '../support/flows.js';
import { startGraph, type Graph } from '../support/graph.js';
import { waitFor } from '../support/wait.js';

// The process layer calls a system of record in its own process through the subgraph's server (no HTTP, no token) and
// any other over HTTP with a signed token. Both must be the same call: same identity, correlation and causation on what
// it records, same answers, same failures.

const WIN = `mutation($i: WinOpportunityInput!) { winOpportunity(input: $i) { run { correlationId } } }`;
const FLOW = `query($c: ID!) { orchestrationRun(correlationId: $c) { status steps { name status attempts } } }`;
const AUDIT = `query($c: ID!) { auditTrail(correlationId: $c) {
  crm { actor correlationId } projects { actor correlationId } billing { actor correlationId } finance { actor correlationId }
} }`;

const graphs: Graph[] = [];
after(async () => {
  for (const graph of graphs) await graph.stop();
});

for (const calls of ['in-process', 'http'] as const) {
  describe(`process layer calls ${calls}`, () => {
    test('a won opportunity is set up with the process layer as the actor, the flow’s correlation id and the causing event', async () => {
      const seen: Array<[SubgraphName, string]> = [];
      const graph = await startGraph({ orchestratorCalls: calls, onSubgraphRequest: (subgraph, correlationId) => seen.push([subgraph, correlationId]) });
      graphs.push(graph);
      // Who reached each subgraph over HTTP, by the subject of the token (the gateway forwards the caller's).
      const overHttp: string[] = [];
      for (const name of SUBGRAPH_NAMES) {
        graph.subgraphs[name].server.on('request', (req: IncomingMessage) => {
          const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
          overHttp.push(String((token && (jwt.decode(token) as { sub?: string } | null)?.sub) ?? 'none'));
        });
      }
      const firm = await setUpFirm(graph);
      const w = await readyToWin(graph, firm, 'TIME_AND_MATERIALS', '12000000');
      const correlationId = (await graph.data(WIN, { i: { opportunityId: w.opportunityId, idempotencyKey: `win-${w.opportunityId}` } })).winOpportunity.run.correlationId as string;
      const flow = await waitFor(async () => {
        const f = (await graph.data(FLOW, { c: correlationId })).orchestrationRun;
        return TERMINAL.has(f.status) ? f : null;
      }, 30_000, 'the set-up flow');
      assert.equal(flow.status, 'COMPLETED', JSON.stringify(flow));
      assert.ok(flow.steps.every((s: { attempts: number }) => s.attempts === 1), 'no step needed a retry');

      const trail = (await graph.data(AUDIT, { c: correlationId })).auditTrail;
      for (const system of ['projects', 'billing', 'finance'] as const) {
        assert.ok(trail[system].length > 0, `${system} recorded the flow`);
        assert.ok(trail[system].every((a: { actor: string; correlationId: string }) => a.actor === 'system:orchestrator' && a.correlationId === correlationId), `${system}: ${JSON.stringify(trail[system])}`);
      }
      const fromProcessLayer = overHttp.filter((sub) => sub === 'system:orchestrator').length;
      if (calls === 'http') assert.ok(fromProcessLayer > 0, 'the process layer called over HTTP');
      else assert.equal(fromProcessLayer, 0, 'no call of the process layer went over HTTP');
      // Every system of record served the process layer's calls under the flow's correlation id.
      for (const name of SUBGRAPH_NAMES) assert.ok(seen.some(([s, c]) => s === name && c === correlationId), `${name} saw the flow`);
      // What the steps emitted names its cause: the run's trigger, the crm event that closed the opportunity.
      const [won] = await graph.dbs.crm.query<{ event_id: string }>(`SELECT event_id FROM outbox WHERE type = 'OpportunityClosedWon' AND entity_id = $1`, [w.opportunityId]);
      const emitted = await graph.dbs.projects.query<{ causation_id: string | null; actor: string }>(`SELECT causation_id, actor FROM outbox WHERE correlation_id = $1`, [correlationId]);
      assert.ok(emitted.length > 0);
      assert.ok(emitted.every((e) => e.causation_id === won?.event_id && e.actor === 'system:orchestrator'), JSON.stringify(emitted));
    });
  });
}

describe('in-process calls fail as HTTP calls do', () => {
  test('a GraphQL error keeps its code and retryability; a stopped server is unreachable (retryable)', async () => {
    const graph = await startGraph();
    graphs.push(graph);
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, graph.subgraphs[n].url])) as Record<SubgraphName, string>;
    const signingKey = internalSigningKey(graph.keys.internal.privateKeyPem as string);
    const inProcess = new SubgraphClient({ urls, signingKey, inProcess: { crm: graph.subgraphs.crm.execute } });
    const overHttp = new SubgraphClient({ urls, signingKey });
    const scope = { correlationId: 'transport-check', causationId: null };
    const QUERY = `query($id: ID!) { opportunity(id: $id) { id } }`;
    try {
      for (const client of [inProcess, overHttp]) {
        assert.deepEqual(await client.call('crm', QUERY, { id: 'opp_missing' }, scope), { opportunity: null });
        const failure = await client.call('crm', `mutation { winOpportunity(input: { opportunityId: "opp_missing", idempotencyKey: "k-transport" }) { id } }`, {}, scope).then(() => null, (e: unknown) => e);
        assert.ok(failure instanceof StepFailure, String(failure));
        assert.equal(failure.code, 'NOT_FOUND');
        assert.equal(failure.retryable, false);
        await assert.rejects(client.call('crm', `{ nope }`, {}, scope), (e: unknown) => e instanceof StepFailure && e.code === 'GRAPHQL_VALIDATION_FAILED' && !e.retryable);
      }
      await graph.subgraphs.crm.close();
      for (const client of [inProcess, overHttp]) {
        await assert.rejects(client.call('crm', QUERY, { id: 'opp_missing' }, scope), (e: unknown) => e instanceof StepFailure && e.code === 'NETWORK' && e.retryable);
      }
    } finally {
      await inProcess.close();
      await overHttp.close();
    }
  });
});
