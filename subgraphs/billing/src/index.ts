import { BILLING_INTEGRITY } from './integrity.js';
import { join } from 'node:path';
import type { Database } from '../../../platform/db/database.js';
import { subgraphMigrations } from '../../../platform/db/migrate.js';
import type { RequestScope } from '../../../platform/server/subgraph-server.js';
import { baseContext, buildSecuredSubgraphSchema } from '../../../platform/server/subgraph-schema.js';
import { REPO_ROOT } from '../../../platform/topology.js';
import type { BillingContext } from './graphql/context.js';
import { createBillingLoaders } from './graphql/loaders.js';
import { resolvers } from './graphql/resolvers.js';
import { SqlBillingRepository } from './repository/sql.js';
import { BillingService } from './service/billing-service.js';

export { advanceNumberSeries, setNumberSeriesPrefix } from './repository/number-series.js';

/** Versioned SQL migrations of the billing database. */
export const billingMigrations = () => subgraphMigrations(join(REPO_ROOT, 'subgraphs/billing/migrations'));

/**
 * Builds the billing subgraph over a migrated database: its executable schema (with `@requiresScopes` enforced and
 * the audit-trail fields) and per-request context factory (the caller's invocation and row-scoped loaders).
 */
export function createBillingSubgraph(db: Database) {
  const repo = new SqlBillingRepository(db);
  const service = new BillingService(repo);
  const schema = buildSecuredSubgraphSchema('billing', resolvers, db, BILLING_INTEGRITY);
  const createContext = (scope: RequestScope): BillingContext => ({
    ...baseContext(scope, db),
    loaders: createBillingLoaders(repo, scope.principal),
    service,
    repo,
  });
  return { name: 'billing' as const, schema, createContext, repo, service };
}
