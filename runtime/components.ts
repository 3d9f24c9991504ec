import { internalAuthConfigFromEnv } from '../platform/auth/config.js';
import type { Database } from '../platform/db/database.js';
import { OutboxRelay, type EventBus } from '../platform/events/index.js';
import { createLogger, type Logger } from '../platform/server/logger.js';
import { startSubgraphServer } from '../platform/server/subgraph-server.js';
import type { RunningServer } from '../platform/server/http.js';
import { GRAPH_SERVICES, SUBGRAPH_NAMES, isSubgraphName, type GraphService, type SubgraphName } from '../platform/topology.js';
import { gatewayConfigFromEnv, startGateway, type RunningGateway } from '../gateway/src/index.js';
import { createOrchestrator, type Orchestrator } from '../orchestrator/src/index.js';
import { isUnawaitedJobUpdateFailure } from '../orchestrator/src/engine/jobs.js';
import { seedIfEmpty } from '../seed/index.js';
import { createBus } from './bus.js';
import type { RuntimeConfig } from './config.js';
import { openDatabase, startSubgraph, type OpenedDatabase, type RunningSubgraph } from './launcher.js';

/**
 * What one process can run:
 * - `gateway`: the unified graph's HTTP endpoint;
 * - `crm`, `projects`, `billing`, `finance`: a system of record's subgraph server;
 * - `orchestration`: the process layer's API (runs, exceptions, KPIs), reached through the gateway;
 * - `worker`: the process layer's event consumer and saga step workers;
 * - `relay`: the outbox relays publishing each system of record's (and the process layer's) events to the bus.
 */
export const COMPONENTS = ['gateway', ...SUBGRAPH_NAMES, 'orchestration', 'worker', 'relay'] as const;
export type Component = (typeof COMPONENTS)[number];

/** True when `name` is a component. */
export function isComponent(name: string): name is Component {
  return (COMPONENTS as readonly string[]).includes(name);
}

/**
 * Parses `--only` (comma-separated components); without it, everything in one process.
 * @throws Error naming the unknown component.
 */
export function parseComponents(only: string | undefined): Component[] {
  if (!only) return [...COMPONENTS];
  const wanted = only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) if (!isComponent(w)) throw new Error(`Unknown component "${w}" (use ${COMPONENTS.join(', ')})`);
  return [...new Set(wanted)] as Component[];
}

let rejectionGuard = false;

/**
 * A worker process survives a database outage: the job-state updates pg-boss does not await are logged and left to
 * lease expiry (see {@link isUnawaitedJobUpdateFailure}); every other unhandled rejection still ends the process, as
 * Node does by default, so that a supervisor restarts it rather than letting it run in an unknown state.
 */
function guardUnhandledRejections(log: Logger): void {
  if (rejectionGuard) return;
  rejectionGuard = true;
  process.on('unhandledRejection', (reason) => {
    if (isUnawaitedJobUpdateFailure(reason)) {
      log.warn({ err: reason }, 'job state update lost (database unavailable); the attempt is redelivered after its lease');
      return;
    }
    log.fatal({ err: reason }, 'unhandled rejection; exiting');
    process.exit(1);
  });
}

/** The components running in this process. */
export interface RunningComponents {
  gateway?: RunningGateway;
  subgraphs: RunningSubgraph[];
  orchestrationServer?: RunningServer;
  orchestrator?: Orchestrator;
  relays: OutboxRelay[];
  /** Stops everything in dependency order: edge, process layer, relays, systems of record, bus, databases. */
  stop(): Promise<void>;
}

/**
 * Where each service is reached: a server started in this process on its real port, else the configured URL
 * (CRM_URL, …) or the conventional port on this host.
 */
function serviceUrls(config: RuntimeConfig, env: NodeJS.ProcessEnv, local: Partial<Record<GraphService, string>>): Record<GraphService, string> {
  const urls = {} as Record<GraphService, string>;
  for (const name of GRAPH_SERVICES) {
    urls[name] = local[name] ?? env[`${name.toUpperCase()}_URL`] ?? `http://${config.host}:${config.subgraphs[name].port}/graphql`;
  }
  return urls;
}

/**
 * Starts the given components in this process. Databases are opened once per process and shared by the components
 * that need them (a subgraph server and its relay; the process layer's API and workers). The embedded database of a
 * service belongs to one process, so components split over processes need PostgreSQL URLs and `REDIS_URL`.
 * @param wanted Components to run (see {@link COMPONENTS}).
 * @param config Runtime configuration (ports, data directory, database URLs).
 * @param env The environment (gateway and auth settings, `REDIS_URL`).
 */
export async function startComponents(wanted: readonly Component[], config: RuntimeConfig, env: NodeJS.ProcessEnv = process.env, log: Logger = createLogger('start')): Promise<RunningComponents> {
  const opened = new Map<GraphService, OpenedDatabase>();
  const running: RunningComponents = { subgraphs: [], relays: [], stop: async () => undefined };
  let bus: EventBus | undefined;

  running.stop = async () => {
    const quietly = (what: string) => (error: unknown) => log.error({ err: error }, `${what} failed to stop`);
    await running.gateway?.close().catch(quietly('gateway'));
    await running.orchestrationServer?.close().catch(quietly('orchestration API'));
    await running.orchestrator?.stop().catch(quietly('orchestration workers'));
    await Promise.all(running.relays.map((r) => r.stop().catch(quietly('relay'))));
    await Promise.all(running.subgraphs.map((s) => s.server.close().catch(quietly(s.name))));
    await bus?.close().catch(quietly('bus'));
    for (const o of opened.values()) {
      await o.db.close().catch(quietly(`${o.name} database`));
      o.release();
    }
  };

  const db = async (name: GraphService): Promise<Database> => {
    let o = opened.get(name);
    if (!o) {
      o = await openDatabase(name, config);
      opened.set(name, o);
    }
    return o.db;
  };

  try {
    const subgraphNames = wanted.filter(isSubgraphName) as SubgraphName[];
    const relayOnly = wanted.includes('relay') && subgraphNames.length === 0;
    const eventsStayInProcess = wanted.includes('relay') && wanted.includes('worker') && wanted.includes('orchestration') && subgraphNames.length === SUBGRAPH_NAMES.length;
    if (!config.redisUrl && (wanted.includes('relay') || wanted.includes('worker')) && !eventsStayInProcess) {
      throw new Error('REDIS_URL is required when the systems of record, the relay and the workers run in separate processes: the in-process event bus only reaches its own process');
    }
    if (!wanted.includes('relay')) {
      const unrelayable = subgraphNames.filter((n) => !config.subgraphs[n].databaseUrl);
      if (unrelayable.length > 0) {
        throw new Error(`The embedded database of ${unrelayable.join(', ')} can only be relayed by its own process: add relay to --only, or give it a PostgreSQL URL (${unrelayable.map((n) => `${n.toUpperCase()}_DATABASE_URL`).join(', ')}) and run a relay process`);
      }
    }

    for (const name of subgraphNames) await db(name);
    if (subgraphNames.length === SUBGRAPH_NAMES.length && config.seedOnStart !== 'none') {
      const dbs = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await db(n)]))) as Record<SubgraphName, Database>;
      await seedIfEmpty(dbs, config.seedOnStart, log);
    }
    for (const name of subgraphNames) running.subgraphs.push(await startSubgraph(opened.get(name) as OpenedDatabase, config, createLogger(name)));

    if (wanted.includes('relay') || wanted.includes('worker')) bus = await createBus(env, createLogger('bus'));

    if (wanted.includes('worker')) guardUnhandledRejections(createLogger('worker'));
    if (wanted.includes('orchestration') || wanted.includes('worker')) {
      const local = Object.fromEntries(running.subgraphs.map((s) => [s.name, s.server.url]));
      const urls = serviceUrls(config, env, local);
      const internal = internalAuthConfigFromEnv(env, config.dataDir, true);
      const orchestrationDb = await db('orchestration');
      const orchestrator = await createOrchestrator({
        db: orchestrationDb,
        bus: bus ?? (await createBus({}, log)),
        subgraphUrls: { crm: urls.crm, projects: urls.projects, billing: urls.billing, finance: urls.finance },
        // A system of record served by this process is called through its server directly: no HTTP, no token.
        inProcessSubgraphs: Object.fromEntries(running.subgraphs.map((s) => [s.name, s.server.execute])),
        signingKeyPem: internal.privateKeyPem as string,
        logger: createLogger('orchestration'),
        workers: wanted.includes('worker'),
        concurrency: config.workerConcurrency,
        jobs: { expireInSeconds: config.stepLeaseSeconds, maintenanceIntervalSeconds: config.jobMaintenanceSeconds },
      });
      running.orchestrator = orchestrator;
      if (wanted.includes('orchestration')) {
        running.orchestrationServer = await startSubgraphServer(
          { name: 'orchestration', schema: orchestrator.schema, db: orchestrationDb, logger: createLogger('orchestration'), createContext: (scope) => orchestrator.createContext(scope), internalPublicKeyPem: internal.publicKeyPem },
          config.subgraphs.orchestration.port,
          config.host,
        );
      }
      await orchestrator.start();
    }

    if (wanted.includes('relay')) {
      // A relay process of its own relays every service whose database is configured; otherwise the databases this
      // process opened (the embedded ones cannot be reached from another process).
      const sources: GraphService[] = relayOnly
        ? GRAPH_SERVICES.filter((n) => config.subgraphs[n].databaseUrl)
        : [...new Set<GraphService>([...subgraphNames, ...(opened.has('orchestration') ? ['orchestration' as const] : [])])];
      if (relayOnly && sources.length === 0) throw new Error('A relay process needs the databases it relays: set CRM_DATABASE_URL, PROJECTS_DATABASE_URL, … (PostgreSQL)');
      for (const name of sources) {
        const relay = new OutboxRelay(await db(name), bus as EventBus, { source: name, logger: createLogger(`relay:${name}`) });
        relay.start();
        running.relays.push(relay);
      }
    }

    if (wanted.includes('gateway')) {
      const gatewayConfig = gatewayConfigFromEnv(env);
      const local: Partial<Record<GraphService, string>> = Object.fromEntries(running.subgraphs.map((s) => [s.name, s.server.url]));
      if (running.orchestrationServer) local.orchestration = running.orchestrationServer.url;
      const urls = serviceUrls(config, env, local);
      for (const name of GRAPH_SERVICES) gatewayConfig.subgraphUrls[name] ??= urls[name];
      running.gateway = await startGateway(gatewayConfig, createLogger('gateway'));
    }
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}
