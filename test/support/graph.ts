import '../../gateway/src/telemetry.js';
import type { Database } from '../../platform/db/database.js';
import { createLogger } from '../../platform/server/logger.js';
import { startSubgraphServer, type RunningSubgraphServer } from '../../platform/server/subgraph-server.js';
import type { RunningServer } from '../../platform/server/http.js';
import { SUBGRAPH_NAMES, SUPERGRAPH_PATH, type SubgraphName } from '../../platform/topology.js';
import { gatewayConfigFromEnv, startGateway, type RunningGateway } from '../../gateway/src/index.js';
import { SUBGRAPHS } from '../../runtime/registry.js';
import { InProcessBus, OutboxRelay, type EventBus } from '../../platform/events/index.js';
import { createOrchestrator, orchestrationMigrations, type Orchestrator } from '../../orchestrator/src/index.js';
import type { Principal } from '../../platform/auth/principal.js';
import { clientToken, EXECUTIVE, testKeys } from './auth.js';
import { dropTestDatabases, openTestDatabase } from './db.js';

/** The whole graph running in this process on ephemeral loopback ports. */
export interface Graph {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraphServer>;
  dbs: Record<SubgraphName, Database>;
  /** The process layer (API, consumer and workers) and its database. */
  orchestrator: Orchestrator;
  orchestrationDb: Database;
  orchestrationServer: RunningServer;
  bus: EventBus;
  relays: OutboxRelay[];
  /**
   * POSTs an operation to the gateway over real HTTP and returns status, headers and the parsed body. Without an
   * `authorization` header it acts as an all-seeing test administrator.
   */
  post(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** POSTs and fails on errors; returns `data`. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A valid client token for a principal (signed with this graph's client secret). */
  tokenFor(principal: Principal, options?: import('jsonwebtoken').SignOptions, extraClaims?: Record<string, unknown>): string;
  /** The keys this graph runs with. */
  keys: ReturnType<typeof testKeys>;
  /** Total SQL statements sent by all four subgraphs since the last call. */
  takeRoundTrips(): number;
  stop(): Promise<void>;
}

/** Options of `startGraph`. */
export interface GraphOptions {
  /** Loads data into the fresh databases before the servers start. */
  prepare?: (dbs: Record<SubgraphName, Database>) => Promise<void>;
  /** Extra gateway environment (e.g. SUBGRAPH_TIMEOUT_MS). */
  gatewayEnv?: Record<string, string>;
  /** Opens these databases instead of fresh ones (restart tests); they are kept when the graph stops. */
  open?: (name: SubgraphName) => Promise<Database>;
  /** Sees every request a subgraph serves, with the correlation id it received. */
  onSubgraphRequest?: (subgraph: SubgraphName, correlationId: string) => void;
  /** A bus other than the in-process one (Redis Streams tests). */
  bus?: EventBus;
  /**
   * How the process layer calls the subgraphs: `in-process` (default, as `npm start` runs the whole graph) or `http`
   * (as a worker in a process of its own does).
   */
  orchestratorCalls?: 'in-process' | 'http';
}

/**
 * Starts the four subgraphs and the gateway in-process, each on 127.0.0.1 with an ephemeral port, over fresh
 * databases (PGlite in memory, or PostgreSQL with TEST_DB_ENGINE=postgres). `stop` closes every server, socket and
 * database it opened.
 */
export async function startGraph(options: GraphOptions = {}): Promise<Graph> {
  const keys = testKeys();
  const dbs = {} as Record<SubgraphName, Database>;
  const subgraphs = {} as Record<SubgraphName, RunningSubgraphServer>;
  const bus = options.bus ?? new InProcessBus();
  const relays: OutboxRelay[] = [];
  let gateway: RunningGateway | undefined;
  let orchestrationDb: Database | undefined;
  let orchestrator: Orchestrator | undefined;
  let orchestrationServer: RunningServer | undefined;
  const stop = async (): Promise<void> => {
    await gateway?.close();
    await Promise.all(relays.map((r) => r.stop()));
    await orchestrator?.stop();
    await orchestrationServer?.close();
    await Promise.all(Object.values(subgraphs).map((s) => s.close()));
    await bus.close();
    await Promise.all([...Object.values(dbs), ...(orchestrationDb ? [orchestrationDb] : [])].map((db) => db.close()));
    if (!options.open) await dropTestDatabases();
  };
  try {
    await Promise.all(SUBGRAPH_NAMES.map(async (name) => {
      dbs[name] = options.open ? await options.open(name) : await openTestDatabase(name, SUBGRAPHS[name].migrations());
    }));
    if (options.prepare) await options.prepare(dbs);
    const silent = createLogger('test', 'silent');
    for (const name of SUBGRAPH_NAMES) {
      const sg = SUBGRAPHS[name].create(dbs[name]);
      const createContext = (scope: Parameters<typeof sg.createContext>[0]) => {
        options.onSubgraphRequest?.(name, scope.correlationId);
        return sg.createContext(scope);
      };
      subgraphs[name] = await startSubgraphServer({ name, schema: sg.schema, db: dbs[name], logger: silent, createContext, internalPublicKeyPem: keys.internal.publicKeyPem }, 0, '127.0.0.1');
    }
    orchestrationDb = await openTestDatabase('orchestration', orchestrationMigrations());
    const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphs[n].url])) as Record<SubgraphName, string>;
    const inProcessSubgraphs = options.orchestratorCalls === 'http' ? {} : Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphs[n].execute]));
    orchestrator = await createOrchestrator({ db: orchestrationDb, bus, subgraphUrls, inProcessSubgraphs, signingKeyPem: keys.internal.privateKeyPem as string, logger: silent, concurrency: 4 });
    const orch = orchestrator;
    orchestrationServer = await startSubgraphServer({ name: 'orchestration', schema: orch.schema, db: orchestrationDb, logger: silent, createContext: (scope) => orch.createContext(scope), internalPublicKeyPem: keys.internal.publicKeyPem }, 0, '127.0.0.1');
    await orch.start();
    for (const name of SUBGRAPH_NAMES) relays.push(new OutboxRelay(dbs[name], bus, { source: name, pollMs: 50 }));
    relays.push(new OutboxRelay(orchestrationDb, bus, { source: 'orchestration', pollMs: 50 }));
    for (const relay of relays) relay.start();
    const config = { ...gatewayConfigFromEnv({ PORT: '0', SUPERGRAPH_PATH, ...options.gatewayEnv }), edgeAuth: keys.edge, internalAuth: keys.internal };
    for (const name of SUBGRAPH_NAMES) config.subgraphUrls[name] = subgraphs[name].url;
    config.subgraphUrls.orchestration = orchestrationServer.url;
    gateway = await startGateway(config, silent);
  } catch (error) {
    await stop();
    throw error;
  }
  const gw = gateway;
  const tokenFor: Graph['tokenFor'] = (p, opts, extra) => clientToken(keys.edge.secret as string, p, opts, extra);
  const adminToken = tokenFor(EXECUTIVE, { expiresIn: '2h' });
  const post: Graph['post'] = async (query, variables, headers) => {
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}`, ...headers }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, headers: res.headers, body };
  };
  return {
    keys,
    tokenFor,
    orchestrator: orchestrator as Orchestrator,
    orchestrationDb: orchestrationDb as Database,
    orchestrationServer: orchestrationServer as RunningServer,
    bus,
    relays,
    gateway: gw,
    subgraphs,
    dbs,
    post,
    data: async (query, variables) => {
      const r = await post(query, variables);
      if (r.status !== 200 || r.body.errors) throw new Error(`operation failed (${r.status}): ${JSON.stringify(r.body.errors ?? r.body, null, 2)}`);
      return r.body.data;
    },
    takeRoundTrips: () => SUBGRAPH_NAMES.reduce((n, name) => n + dbs[name].stats.take(), 0),
    stop,
  };
}
