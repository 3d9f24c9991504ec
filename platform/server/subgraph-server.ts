import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { internalVerifyKey, InternalTokenError, verifyInternalToken } from '../auth/internal-token.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/database.js';
import { formatGraphQLError } from '../graphql/errors.js';
import { CORRELATION_HEADER, correlationIdFrom } from './correlation.js';
import { createHttpServer, listen, type RunningServer } from './http.js';
import type { Logger } from './logger.js';

/** What every subgraph's request context carries, whatever else it adds. */
export interface RequestScope {
  correlationId: string;
  logger: Logger;
  /** The caller, as the gateway vouched for it. */
  principal: Principal;
  /** The event or request that caused this call (set by the process layer), recorded on emitted events. */
  causationId?: string | null;
}

/** Who calls a subgraph in this process, already trusted (no token: the caller is this process's own code). */
export interface InProcessCaller {
  principal: Principal;
  correlationId: string;
  /** The event or request that caused the call. */
  causationId: string | null;
}

/** A GraphQL response as the subgraph's HTTP endpoint would send it: its status and its JSON body. */
export interface SubgraphResponse {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/**
 * Runs one operation on a subgraph served by this process, through the same Apollo server, context, error formatting
 * and logging as its HTTP endpoint, without the HTTP request, the JSON parsing and the token.
 */
export type InProcessExecutor = (query: string, variables: Record<string, unknown>, caller: InProcessCaller) => Promise<SubgraphResponse>;

/** A running subgraph server: its HTTP endpoint, and the same endpoint for callers in this process. */
export interface RunningSubgraphServer extends RunningServer {
  execute: InProcessExecutor;
}

const ACCEPTABLE_CAUSATION = /^[A-Za-z0-9._:-]{1,128}$/;

/** The causation id a caller named, when well-formed (it ends up on the events the call emits). */
function causationIdFrom(value: unknown): string | null {
  return typeof value === 'string' && ACCEPTABLE_CAUSATION.test(value) ? value : null;
}

/** Options of a subgraph HTTP server. */
export interface SubgraphServerOptions<C extends BaseContext> {
  /** Subgraph name, used in logs and health output. */
  name: string;
  /** Executable subgraph schema (`buildSubgraphSchema`). */
  schema: GraphQLSchema;
  /** The subgraph's database, pinged by `/readyz`. */
  db: Database;
  logger: Logger;
  /** Builds a fresh per-request context (new DataLoaders every time). */
  createContext: (scope: RequestScope) => C;
  /** Public key the gateway's internal tokens are verified with; every request must carry one for this subgraph. */
  internalPublicKeyPem: string;
  /** Largest accepted request body (default `1mb`). */
  bodyLimit?: string;
  /** Extra Apollo plugins. */
  plugins?: ApolloServerPlugin<C>[];
}

/** Logs each operation's outcome with its correlation id and duration. */
function requestLogPlugin<C extends BaseContext>(logger: Logger): ApolloServerPlugin<C> {
  return {
    async requestDidStart(ctx) {
      const started = process.hrtime.bigint();
      const scope = ctx.contextValue as unknown as RequestScope;
      return {
        async willSendResponse(rc) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const errors = rc.errors?.length ?? 0;
          (scope.logger ?? logger).debug({ operation: rc.operationName ?? null, ms: Math.round(ms * 10) / 10, errors }, 'operation');
        },
      };
    },
  };
}

/**
 * Starts a subgraph on `host:port`: `POST /graphql` (Apollo Server 5 on express 5), `GET /healthz` (process up)
 * and `GET /readyz` (database answers). The correlation id from the gateway is echoed in responses and carried by
 * every log line of the request.
 */
export async function startSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
  port: number,
  host: string,
): Promise<RunningSubgraphServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createHttpServer(app);
  const verifyKey = internalVerifyKey(options.internalPublicKeyPem);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: formatGraphQLError((error) => options.logger.error({ err: error }, 'unexpected resolver error')),
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown order (edge first, databases last); Apollo must not stop itself on a signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestLogPlugin<C>(options.logger),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  const scopedContext = (correlationId: string, principal: Principal, causationId: string | null): C =>
    options.createContext({ correlationId, principal, causationId, logger: options.logger.child({ correlationId, subject: principal.subject }) });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', component: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.db.ping();
      res.json({ status: 'ready', component: options.name, database: options.db.engine });
    } catch (error) {
      options.logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', component: options.name });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    (req, res, next) => {
      const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
      res.setHeader(CORRELATION_HEADER, correlationId);
      res.locals.correlationId = correlationId;
      // A subgraph reachable on the network is not an open door: only the gateway's signed identity gets in,
      // for every operation including `_service` and `_entities`.
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
      try {
        if (!bearer) throw new InternalTokenError('missing internal token');
        res.locals.principal = verifyInternalToken(verifyKey, bearer[1] as string, options.name).principal;
        next();
      } catch (error) {
        options.logger.warn({ correlationId, reason: (error as Error).message }, 'request refused');
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        res.status(401).json({ errors: [{ message: 'This subgraph only answers the gateway', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    },
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const correlationId = res.locals.correlationId as string;
        const principal = res.locals.principal as Principal;
        return scopedContext(correlationId, principal, causationIdFrom(res.req.headers['x-causation-id']));
      },
    }),
  );
  const running = await listen(httpServer, port, host, '/graphql', () => apollo.stop());
  return {
    ...running,
    // A stopped server refuses here as its endpoint would: Apollo throws, and the caller treats it as unreachable.
    execute: async (query, variables, caller) => {
      const correlationId = correlationIdFrom(caller.correlationId);
      const response = await apollo.executeOperation({ query, variables }, { contextValue: scopedContext(correlationId, caller.principal, causationIdFrom(caller.causationId)) });
      if (response.body.kind !== 'single') throw new Error(`${options.name} answered an in-process call incrementally`);
      // Through JSON, as over HTTP: plain objects and serialised scalars, whatever the resolvers returned.
      return { status: response.http.status ?? 200, body: JSON.parse(JSON.stringify(response.body.singleResult)) as SubgraphResponse['body'] };
    },
  };
}
