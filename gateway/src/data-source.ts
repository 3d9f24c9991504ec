import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { KeyObject } from 'node:crypto';
import { signInternalToken } from '../../platform/auth/internal-token.js';
import { CORRELATION_HEADER } from '../../platform/server/correlation.js';
import type { GatewayContext } from './context.js';

/**
 * The data source of one subgraph: forwards the caller's identity as a short-lived token signed by the gateway for
 * this subgraph alone, forwards the correlation id so the subgraph's log lines join the gateway's, and fetches
 * through the pooled, time-limited fetcher.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, fetcher: Fetcher, private readonly subgraph: string, private readonly signingKey: KeyObject) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    // Client headers are never passed through: the subgraph trusts only what the gateway signs.
    headers.delete('authorization');
    if (context?.correlationId) headers.set(CORRELATION_HEADER, context.correlationId);
    if (context?.principal) headers.set('authorization', `Bearer ${signInternalToken(this.signingKey, context.principal, this.subgraph, context.correlationId)}`);
  }

  /**
   * A subgraph answering with a non-2xx status. When it sent GraphQL errors (a 400 for a variable it refused, say),
   * the first one is passed on with its code; otherwise a generic SUBGRAPH_ERROR. Unlike Apollo's default, the
   * subgraph's URL and raw body never reach the client.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const first = (body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined)?.errors?.[0];
    const code = first?.extensions?.code;
    if (response.status < 500 && response.status !== 401 && typeof first?.message === 'string' && typeof code === 'string') {
      return new GraphQLError(first.message, { extensions: { code, serviceName: this.subgraph } });
    }
    return new GraphQLError(`Subgraph ${this.subgraph} failed (${response.status})`, { extensions: { code: 'SUBGRAPH_ERROR', serviceName: this.subgraph } });
  }
}
