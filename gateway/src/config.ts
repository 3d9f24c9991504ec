import { resolve } from 'node:path';
import { edgeAuthConfigFromEnv, internalAuthConfigFromEnv, type EdgeAuthConfig, type InternalAuthConfig } from '../../platform/auth/config.js';
import { GRAPH_SERVICES, SUPERGRAPH_PATH, type GraphService } from '../../platform/topology.js';
import type { OperationLimits } from './limits/rules.js';

/** Everything the gateway reads from its environment, with defaults that work on one machine. */
export interface GatewayConfig {
  /** Port of `/graphql`, `/healthz`, `/readyz` (PORT, default 4000; 0 picks a free port). */
  port: number;
  /** Interface to bind (HOST, default 127.0.0.1; use 0.0.0.0 in containers). */
  host: string;
  /** Supergraph SDL file (SUPERGRAPH_PATH, default schema/supergraph.graphql). */
  supergraphPath: string;
  /** Subgraph URL overrides by name (CRM_URL, PROJECTS_URL, BILLING_URL, FINANCE_URL, ORCHESTRATION_URL); else the supergraph's. */
  subgraphUrls: Partial<Record<GraphService, string>>;
  /** Per-fetch timeout to a subgraph in ms (SUBGRAPH_TIMEOUT_MS, default 10 000). */
  subgraphTimeoutMs: number;
  /** Idle keep-alive of pooled subgraph connections in ms (SUBGRAPH_KEEPALIVE_MS, default 30 000). */
  subgraphKeepAliveMs: number;
  /** Connections per subgraph origin (SUBGRAPH_MAX_CONNECTIONS, default 128). */
  subgraphMaxConnections: number;
  /** Largest accepted request body (BODY_LIMIT, default 256kb): larger bodies get HTTP 413. */
  bodyLimit: string;
  /** Production mode (NODE_ENV=production): introspection and schema hints in errors off, configured keys required. */
  production: boolean;
  /** Client-token verification. */
  edgeAuth: EdgeAuthConfig;
  /** Keys of the tokens the gateway signs for subgraphs (private key required). */
  internalAuth: InternalAuthConfig;
  /** Operation limits (LIMIT_DEPTH, LIMIT_ALIASES, LIMIT_ROOT_FIELDS, LIMIT_MUTATION_ROOT_FIELDS, LIMIT_DIRECTIVES, LIMIT_TOKENS, MAX_PAGE_SIZE). */
  limits: OperationLimits;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Reads and validates the gateway configuration; a bad value stops start-up with a message naming the variable. */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Partial<Record<GraphService, string>> = {};
  for (const name of GRAPH_SERVICES) {
    const url = env[`${name.toUpperCase()}_URL`];
    if (url) {
      try {
        new URL(url);
      } catch {
        throw new Error(`${name.toUpperCase()}_URL is not a URL: "${url}"`);
      }
      subgraphUrls[name] = url;
    }
  }
  const dataDir = resolve(env.DATA_DIR || './data');
  return {
    port: intFrom(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    supergraphPath: env.SUPERGRAPH_PATH || SUPERGRAPH_PATH,
    subgraphUrls,
    subgraphTimeoutMs: intFrom(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, 600_000),
    subgraphKeepAliveMs: intFrom(env, 'SUBGRAPH_KEEPALIVE_MS', 30_000, 1000, 600_000),
    subgraphMaxConnections: intFrom(env, 'SUBGRAPH_MAX_CONNECTIONS', 128, 1, 10_000),
    bodyLimit: env.BODY_LIMIT || '256kb',
    production: env.NODE_ENV === 'production',
    edgeAuth: edgeAuthConfigFromEnv(env, dataDir),
    internalAuth: internalAuthConfigFromEnv(env, dataDir, true),
    limits: {
      maxDepth: intFrom(env, 'LIMIT_DEPTH', 12, 1, 100),
      maxAliases: intFrom(env, 'LIMIT_ALIASES', 30, 0, 1000),
      maxRootFields: intFrom(env, 'LIMIT_ROOT_FIELDS', 10, 1, 100),
      maxMutationRootFields: intFrom(env, 'LIMIT_MUTATION_ROOT_FIELDS', 1, 1, 100),
      maxDirectives: intFrom(env, 'LIMIT_DIRECTIVES', 30, 0, 1000),
      maxTokens: intFrom(env, 'LIMIT_TOKENS', 5000, 100, 1_000_000),
      maxPageSize: intFrom(env, 'MAX_PAGE_SIZE', 1000, 1, 100_000),
    },
  };
}
