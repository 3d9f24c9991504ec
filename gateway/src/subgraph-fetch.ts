import { GraphQLError } from 'graphql';
import { Agent, fetch } from 'undici';
import type { Fetcher } from '@apollo/utils.fetcher';

/** Options of the pooled subgraph fetcher. */
export interface SubgraphFetchOptions {
  timeoutMs: number;
  keepAliveMs: number;
  maxConnections: number;
}

/** Counts subgraph fetches, so tests and the benchmark can prove batching holds (fetches per operation). */
export class FetchCounter {
  total = 0;
  readonly bySubgraph = new Map<string, number>();
  record(subgraph: string): void {
    this.total += 1;
    this.bySubgraph.set(subgraph, (this.bySubgraph.get(subgraph) ?? 0) + 1);
  }
  take(): number {
    const n = this.total;
    this.total = 0;
    this.bySubgraph.clear();
    return n;
  }
}

/**
 * A fetcher for one subgraph: pooled keep-alive connections, a hard timeout per fetch, and failures turned into
 * typed GraphQL errors (SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE) so clients get partial data with a clear reason
 * instead of a generic failure. Mutations are never retried.
 */
export function createSubgraphFetcher(subgraph: string, options: SubgraphFetchOptions, counter?: FetchCounter): { fetcher: Fetcher; close: () => Promise<void> } {
  const agent = new Agent({
    keepAliveTimeout: options.keepAliveMs,
    keepAliveMaxTimeout: options.keepAliveMs * 2,
    connections: options.maxConnections,
    connect: { timeout: Math.min(options.timeoutMs, 5000) },
  });
  const fetcher = (async (url: string, init?: Record<string, unknown>) => {
    counter?.record(subgraph);
    try {
      return await fetch(url, { ...(init as object), dispatcher: agent, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new GraphQLError(`Subgraph ${subgraph} did not answer within ${options.timeoutMs} ms`, {
          extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: subgraph },
        });
      }
      throw new GraphQLError(`Subgraph ${subgraph} is unavailable`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph } });
    }
  }) as unknown as Fetcher;
  return { fetcher, close: () => agent.close() };
}
