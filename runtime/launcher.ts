import { join } from 'node:path';
import { internalAuthConfigFromEnv } from '../platform/auth/config.js';
import { lockDataDir } from '../platform/db/dir-lock.js';
import type { Database } from '../platform/db/database.js';
import { openSubgraphDatabase } from '../platform/db/open.js';
import { createLogger, type Logger } from '../platform/server/logger.js';
import { startSubgraphServer, type RunningSubgraphServer } from '../platform/server/subgraph-server.js';
import type { GraphService, SubgraphName } from '../platform/topology.js';
import { orchestrationMigrations } from '../orchestrator/src/index.js';
import type { RuntimeConfig } from './config.js';
import { SUBGRAPHS } from './registry.js';

/** A service's open database (and its data-directory lock when embedded). */
export interface OpenedDatabase {
  name: GraphService;
  db: Database;
  release(): void;
}

/**
 * Opens and migrates a subgraph's database: PostgreSQL when its URL is configured, else PGlite under
 * `<DATA_DIR>/<name>`, locked against a second process.
 */
export async function openDatabase(name: GraphService, config: RuntimeConfig): Promise<OpenedDatabase> {
  const { databaseUrl } = config.subgraphs[name];
  const release = databaseUrl ? () => undefined : lockDataDir(join(config.dataDir, name));
  try {
    const migrations = name === 'orchestration' ? orchestrationMigrations() : SUBGRAPHS[name].migrations();
    const db = await openSubgraphDatabase(name, { databaseUrl, dataDir: config.dataDir, autovacuumSeconds: config.embeddedAutovacuumSeconds, threads: config.embeddedThreads }, migrations);
    return { name, db, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** A running subgraph server over its database. */
export interface RunningSubgraph {
  name: SubgraphName;
  server: RunningSubgraphServer;
  close(): Promise<void>;
}

/** Starts a subgraph's HTTP server over an opened database. Closing stops the server, then the database. */
export async function startSubgraph(opened: OpenedDatabase, config: RuntimeConfig, logger: Logger = createLogger(opened.name)): Promise<RunningSubgraph> {
  const sg = SUBGRAPHS[opened.name as SubgraphName].create(opened.db);
  const server = await startSubgraphServer(
    {
      name: opened.name, schema: sg.schema, db: opened.db, logger, createContext: (scope) => sg.createContext(scope),
      internalPublicKeyPem: internalAuthConfigFromEnv(process.env, config.dataDir, false).publicKeyPem,
    },
    config.subgraphs[opened.name].port,
    config.host,
  );
  return {
    name: opened.name as SubgraphName,
    server,
    close: async () => {
      await server.close();
      await opened.db.close();
      opened.release();
    },
  };
}
