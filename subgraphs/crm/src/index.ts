import { CRM_INTEGRITY } from './integrity.js';
import { join } from 'node:path';
import { subgraphMigrations } from '../../../platform/db/migrate.js';
import type { Database } from '../../../platform/db/database.js';
import { REPO_ROOT } from '../../../platform/topology.js';
import type { RequestScope } from '../../../platform/server/subgraph-server.js';
import { baseContext, buildSecuredSubgraphSchema } from '../../../platform/server/subgraph-schema.js';
import type { CrmContext } from './graphql/context.js';
import { createCrmLoaders } from './graphql/loaders.js';
import { resolvers } from './graphql/resolvers.js';
import { SqlCrmRepository } from './repository/sql.js';
import { CrmService } from './service/crm-service.js';

/** Versioned SQL migrations of the crm database. */
export const crmMigrations = () => subgraphMigrations(join(REPO_ROOT, 'subgraphs/crm/migrations'));

/** Builds the crm subgraph over a migrated database: its executable schema and per-request context factory. */
export function createCrmSubgraph(db: Database) {
  const repo = new SqlCrmRepository(db);
  const service = new CrmService(repo);
  const schema = buildSecuredSubgraphSchema('crm', resolvers, db, CRM_INTEGRITY);
  const createContext = (scope: RequestScope): CrmContext => ({
    ...baseContext(scope, db),
    loaders: createCrmLoaders(repo, scope.principal),
    service,
    repo,
  });
  return { name: 'crm' as const, schema, createContext, repo, service };
}
