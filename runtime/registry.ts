import type { BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../platform/db/database.js';
import type { Migration } from '../platform/db/migrate.js';
import type { SubgraphName } from '../platform/topology.js';
import type { RequestScope } from '../platform/server/subgraph-server.js';
import { createBillingSubgraph, billingMigrations } from '../subgraphs/billing/src/index.js';
import { createCrmSubgraph, crmMigrations } from '../subgraphs/crm/src/index.js';
import { createFinanceSubgraph, financeMigrations } from '../subgraphs/finance/src/index.js';
import { createProjectsSubgraph, projectsMigrations } from '../subgraphs/projects/src/index.js';

/** What the runtime needs of a subgraph: its migrations and a factory over a migrated database. */
export interface SubgraphModule {
  migrations(): Migration[];
  create(db: Database): { schema: GraphQLSchema; createContext(scope: RequestScope): BaseContext };
}

/** The four systems of record. */
export const SUBGRAPHS: Record<SubgraphName, SubgraphModule> = {
  crm: { migrations: crmMigrations, create: createCrmSubgraph },
  projects: { migrations: projectsMigrations, create: createProjectsSubgraph },
  billing: { migrations: billingMigrations, create: createBillingSubgraph },
  finance: { migrations: financeMigrations, create: createFinanceSubgraph },
};
