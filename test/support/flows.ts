import assert from 'node:assert/strict';
import type { Graph } from './graph.js';
import { waitFor } from './wait.js';

/** Statuses after which a flow changes no more. */
export const TERMINAL = new Set(['COMPLETED', 'FAILED', 'COMPENSATED', 'CANCELLED']);

/**
 * Waits until the flow is terminal and `until` holds (a flow grows runs as its records trigger them), asserts it
 * COMPLETED and returns it, as `query` (taking `$c`, the correlation id) reads it.
 */
export async function settled(graph: Graph, query: string, correlationId: string, until: (flow: any) => boolean = () => true): Promise<any> {
  const flow = await waitFor(async () => {
    const f = (await graph.data(query, { c: correlationId })).orchestrationRun;
    return TERMINAL.has(f.status) && until(f) ? f : null;
  }, 30_000, `flow ${correlationId}`);
  assert.equal(flow.status, 'COMPLETED', JSON.stringify(flow));
  return flow;
}

/** A mutation in a flow of the test's own (the correlation id its records and events carry); fails on errors. */
export async function inFlow(graph: Graph, correlationId: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const r = await graph.post(query, variables, { 'x-correlation-id': correlationId });
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data;
}
