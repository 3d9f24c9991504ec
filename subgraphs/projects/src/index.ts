import { PROJECTS_INTEGRITY } from './integrity.js';
import { join } from 'node:path';
import { subgraphMigrations } from '../../../platform/db/migrate.js';
import type { Database } from '../../../platform/db/database.js';
import { REPO_ROOT } from '../../../platform/topology.js';
import type { RequestScope } from '../../../platform/server/subgraph-server.js';
import { baseContext, buildSecuredSubgraphSchema } from '../../../platform/server/subgraph-schema.js';
import type { ProjectsContext } from './graphql/context.js';
import { createProjectsLoaders } from './graphql/loaders.js';
import { resolvers } from './graphql/resolvers.js';
import { SqlProjectsRepository } from './repository/sql.js';
import { ProjectsService } from './service/projects-service.js';

/** Versioned SQL migrations of the projects database. */
export const projectsMigrations = () => subgraphMigrations(join(REPO_ROOT, 'subgraphs/projects/migrations'));

/** Builds the projects subgraph over a migrated database: its executable schema and per-request context factory. */
export function createProjectsSubgraph(db: Database) {
  const repo = new SqlProjectsRepository(db);
  const service = new ProjectsService(repo);
  const schema = buildSecuredSubgraphSchema('projects', resolvers, db, PROJECTS_INTEGRITY);
  const createContext = (scope: RequestScope): ProjectsContext => ({
    ...baseContext(scope, db),
    loaders: createProjectsLoaders(repo, scope.principal),
    service,
    repo,
  });
  return { name: 'projects' as const, schema, createContext, repo, service };
}
