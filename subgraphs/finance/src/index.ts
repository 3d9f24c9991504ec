import { FINANCE_INTEGRITY } from './integrity.js';
import { join } from 'node:path';
import type { Database } from '../../../platform/db/database.js';
import { subgraphMigrations } from '../../../platform/db/migrate.js';
import type { RequestScope } from '../../../platform/server/subgraph-server.js';
import { baseContext, buildSecuredSubgraphSchema } from '../../../platform/server/subgraph-schema.js';
import { REPO_ROOT } from '../../../platform/topology.js';
import type { FinanceContext } from './graphql/context.js';
import { createFinanceLoaders } from './graphql/loaders.js';
import { resolvers } from './graphql/resolvers.js';
import { SqlFinanceRepository } from './repository/sql.js';
import { FinanceService } from './service/finance-service.js';

/** Versioned SQL migrations of the finance database. */
export const financeMigrations = () => subgraphMigrations(join(REPO_ROOT, 'subgraphs/finance/migrations'));

/** Builds the finance subgraph over a migrated database: its executable schema and per-request context factory. */
export function createFinanceSubgraph(db: Database) {
  const repo = new SqlFinanceRepository(db);
  const service = new FinanceService(repo);
  const schema = buildSecuredSubgraphSchema('finance', resolvers, db, FINANCE_INTEGRITY);
  const createContext = (scope: RequestScope): FinanceContext => ({
    ...baseContext(scope, db),
    loaders: createFinanceLoaders(repo, scope.principal),
    service,
    repo,
  });
  return { name: 'finance' as const, schema, createContext, repo, service };
}
