import type { KeyObject } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { signInternalToken } from '../../../platform/auth/internal-token.js';
import { systemPrincipal, type Principal } from '../../../platform/auth/principal.js';
import { CORRELATION_HEADER } from '../../../platform/server/correlation.js';
import type { InProcessExecutor, SubgraphResponse } from '../../../platform/server/subgraph-server.js';
import type { SubgraphName } from '../../../platform/topology.js';
import { isRetryableCode, StepFailure } from '../domain/failure.js';

/** Where the process layer reaches each system of record, and how it proves who it is. */
export interface SubgraphClientOptions {
  urls: Record<SubgraphName, string>;
  signingKey: KeyObject;
  /**
   * Subgraphs served by this process, called through their server without HTTP (see `InProcessExecutor`); the others
   * are called at their URL.
   */
  inProcess?: Partial<Record<SubgraphName, InProcessExecutor>>;
  timeoutMs?: number;
}

/** Correlation of one call: the flow it belongs to and what caused it. */
export interface CallScope {
  correlationId: string;
  causationId: string | null;
}

/**
 * Calls the systems of record's GraphQL APIs directly, as the process layer (`system:orchestrator`), with the flow's
 * correlation id and the causing event. A subgraph served by this process is called in-process; any other over HTTP,
 * with a token the process layer signs for it like the gateway does. Either way the same response comes back, and
 * errors come back as StepFailures, classified retryable or not.
 */
export class SubgraphClient {
  private readonly agent: Agent;
  private readonly principal: Principal = systemPrincipal('orchestrator');

  constructor(private readonly options: SubgraphClientOptions) {
    this.agent = new Agent({ keepAliveTimeout: 30_000, connections: 32 });
  }

  /** Runs one operation and returns its `data`; any GraphQL error fails with the first error's code. */
  async call<T = any>(subgraph: SubgraphName, query: string, variables: Record<string, unknown>, scope: CallScope): Promise<T> {
    const inProcess = this.options.inProcess?.[subgraph];
    const { status, body } = inProcess ? await this.callInProcess(inProcess, subgraph, query, variables, scope) : await this.callOverHttp(subgraph, query, variables, scope);
    if (status >= 500) throw new StepFailure(`${subgraph} answered HTTP ${status}`, 'HTTP_5XX', true, { subgraph });
    const first = body.errors?.[0];
    if (first) {
      const code = String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
      throw new StepFailure(`${subgraph}: ${first.message}`, code, isRetryableCode(code), { subgraph, ...first.extensions });
    }
    return body.data as T;
  }

  private async callInProcess(execute: InProcessExecutor, subgraph: SubgraphName, query: string, variables: Record<string, unknown>, scope: CallScope): Promise<SubgraphResponse> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        execute(query, variables, { principal: this.principal, correlationId: scope.correlationId, causationId: scope.causationId }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      // A server that stopped (the process is shutting down) or did not answer in time: as unreachable over HTTP.
      throw new StepFailure(`${subgraph} is unreachable: ${(error as Error).message}`, 'NETWORK', true, { subgraph });
    } finally {
      clearTimeout(timer);
    }
  }

  private async callOverHttp(subgraph: SubgraphName, query: string, variables: Record<string, unknown>, scope: CallScope): Promise<SubgraphResponse> {
    let res;
    try {
      res = await fetch(this.options.urls[subgraph], {
        method: 'POST',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${signInternalToken(this.options.signingKey, this.principal, subgraph, scope.correlationId)}`,
          [CORRELATION_HEADER]: scope.correlationId,
          ...(scope.causationId ? { 'x-causation-id': scope.causationId } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new StepFailure(`${subgraph} is unreachable: ${(error as Error).message}`, 'NETWORK', true, { subgraph });
    }
    if (res.status >= 500) {
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status, body: {} };
    }
    try {
      return { status: res.status, body: (await res.json()) as SubgraphResponse['body'] };
    } catch {
      throw new StepFailure(`${subgraph} answered HTTP ${res.status} without JSON`, 'HTTP_5XX', true, { subgraph });
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
