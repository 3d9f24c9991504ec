import { ORCHESTRATION_INTEGRITY } from './integrity.js';
import { join } from 'node:path';
import type PgBoss from 'pg-boss';
import { internalSigningKey } from '../../platform/auth/internal-token.js';
import type { Database } from '../../platform/db/database.js';
import { subgraphMigrations } from '../../platform/db/migrate.js';
import type { EventBus, Subscription } from '../../platform/events/bus.js';
import type { Logger } from '../../platform/server/logger.js';
import { baseContext, buildSecuredSubgraphSchema } from '../../platform/server/subgraph-schema.js';
import type { InProcessExecutor, RequestScope } from '../../platform/server/subgraph-server.js';
import { REPO_ROOT, type SubgraphName } from '../../platform/topology.js';
import { SubgraphClient } from './clients/subgraph-client.js';
import { SagaEngine } from './engine/engine.js';
import { startJobQueue, type JobQueueOptions } from './engine/jobs.js';
import { MARGIN_EVENTS, MarginWatch } from './engine/margin-watch.js';
import type { OrchestrationContext } from './graphql/context.js';
import { createOrchestrationLoaders } from './graphql/loaders.js';
import { resolvers } from './graphql/resolvers.js';
import { SAGAS } from './sagas/registry.js';

/** Migrations of the process layer's database (platform ones included: audit, outbox, idempotency). */
export const orchestrationMigrations = () => subgraphMigrations(join(REPO_ROOT, 'orchestrator/migrations'));

/** Options of the process layer. */
export interface OrchestratorOptions {
  db: Database;
  bus: EventBus;
  /** Where the systems of record are reached. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Systems of record served by this process: called in-process rather than at their URL. */
  inProcessSubgraphs?: Partial<Record<SubgraphName, InProcessExecutor>>;
  /** The key internal tokens are signed with (the gateway's). */
  signingKeyPem: string;
  logger: Logger;
  /** Consume events and run steps in this process (false: API only). */
  workers?: boolean;
  /** Concurrent step workers (default 4). */
  concurrency?: number;
  /** Lease of a step attempt and maintenance pace of the job queue (see {@link JobQueueOptions}). */
  jobs?: JobQueueOptions;
}

/** The process layer: its API (the orchestration subgraph), its event consumer and its step workers. */
export interface Orchestrator {
  schema: ReturnType<typeof buildSecuredSubgraphSchema>;
  createContext(scope: RequestScope): OrchestrationContext;
  engine: SagaEngine;
  margin: MarginWatch;
  boss: PgBoss;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Assembles the process layer over its migrated database. */
export async function createOrchestrator(options: OrchestratorOptions): Promise<Orchestrator> {
  const boss = await startJobQueue(options.db, options.jobs);
  const client = new SubgraphClient({ urls: options.subgraphUrls, inProcess: options.inProcessSubgraphs, signingKey: internalSigningKey(options.signingKeyPem) });
  const engine = new SagaEngine(options.db, boss, SAGAS, client, options.logger, { concurrency: options.concurrency });
  const margin = new MarginWatch(options.db, boss, client, options.logger);
  // A queued check starts at once rather than at the worker's next poll, so it reads the change that queued it.
  for (const type of MARGIN_EVENTS) engine.react(type, margin.react, () => margin.wake());
  const schema = buildSecuredSubgraphSchema('orchestration', resolvers, options.db, ORCHESTRATION_INTEGRITY);
  let subscription: Subscription | undefined;
  return {
    schema,
    engine,
    margin,
    boss,
    createContext: (scope) => ({ ...baseContext(scope, options.db), db: options.db, engine, loaders: createOrchestrationLoaders(options.db) }),
    start: async () => {
      if (options.workers === false) return;
      await engine.start();
      await margin.start();
      subscription = await options.bus.subscribe('orchestrator', (event) => engine.handleEvent(event));
    },
    stop: async () => {
      await subscription?.close();
      await engine.stop();
      await margin.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await client.close();
    },
  };
}
