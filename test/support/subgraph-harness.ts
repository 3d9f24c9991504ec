import { ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { Database } from '../../platform/db/database.js';
import { formatGraphQLError } from '../../platform/graphql/errors.js';
import { createLogger } from '../../platform/server/logger.js';
import type { RequestScope } from '../../platform/server/subgraph-server.js';
import type { Principal } from '../../platform/auth/principal.js';
import { EXECUTIVE } from './auth.js';

/** A GraphQL result as tests see it. */
export interface TestResult<D = Record<string, any>> {
  data?: D | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, any> }>;
}

/** What a subgraph factory returns (crm, projects, billing and finance all have this shape). */
export interface SubgraphUnderTest<C extends BaseContext> {
  schema: GraphQLSchema;
  createContext(scope: RequestScope): C;
}

/**
 * Runs operations against one subgraph in-process through Apollo Server's `executeOperation`, with the same
 * error formatting as the HTTP server, and a fresh context (fresh DataLoaders) per operation.
 */
export class SubgraphHarness<C extends BaseContext> {
  private constructor(readonly server: ApolloServer<C>, readonly subgraph: SubgraphUnderTest<C>, readonly db: Database) {}

  static async start<C extends BaseContext>(subgraph: SubgraphUnderTest<C>, db: Database): Promise<SubgraphHarness<C>> {
    const server = new ApolloServer<C>({
      schema: subgraph.schema,
      formatError: formatGraphQLError((error) => {
        // An unexpected error is a test failure: make it visible.
        console.error('unexpected resolver error', error);
      }),
    });
    await server.start();
    return new SubgraphHarness(server, subgraph, db);
  }

  /** The principal operations run as (an all-seeing administrator unless `as` is used). */
  principal: Principal = EXECUTIVE;

  /** A harness view acting as another principal (same server and database). */
  as(principal: Principal): SubgraphHarness<C> {
    const view = Object.create(this) as SubgraphHarness<C>;
    view.principal = principal;
    return view;
  }

  /** Executes one operation; `contextPatch` lets a test adjust the context (for example the invocation clock). */
  async run<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, contextPatch?: Partial<C>): Promise<TestResult<D>> {
    const contextValue = { ...this.subgraph.createContext({ correlationId: 'test', logger: createLogger('test', 'silent'), principal: this.principal }), ...contextPatch } as C;
    const response = await this.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    // A JSON round trip gives plain objects, exactly what a client over HTTP would see.
    return JSON.parse(JSON.stringify(response.body.singleResult)) as TestResult<D>;
  }

  /** Executes an operation and fails loudly when it returns errors; returns `data`. */
  async ok<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, contextPatch?: Partial<C>): Promise<D> {
    const result = await this.run<D>(query, variables, contextPatch);
    if (result.errors?.length) throw new Error(`operation failed: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as D;
  }

  /** Executes an operation expected to fail and returns its first error's code. */
  async errorCode(query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
    const result = await this.run(query, variables);
    return result.errors?.[0]?.extensions?.code;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
