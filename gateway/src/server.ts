import './telemetry.js';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { formatGraphQLError } from '../../platform/graphql/errors.js';
import { CORRELATION_HEADER, correlationIdFrom } from '../../platform/server/correlation.js';
import { createHttpServer, listen, type RunningServer } from '../../platform/server/http.js';
import type { Logger } from '../../platform/server/logger.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { internalSigningKey } from '../../platform/auth/internal-token.js';
import { EdgeVerifier } from './auth/edge-verifier.js';
import { requireClientToken } from './auth/middleware.js';
import { SubgraphDataSource } from './data-source.js';
import { directiveLimitRule, shapeLimitsRule } from './limits/rules.js';
import { pageSizeLimitPlugin } from './limits/page-size.js';
import { edgeErrorHandler } from './http-errors.js';
import { probeSubgraphs } from './readiness.js';
import { FetchCounter, createSubgraphFetcher } from './subgraph-fetch.js';
import { loadSupergraph } from './supergraph.js';

/** A running gateway. */
export interface RunningGateway extends RunningServer {
  /** Subgraph fetch counter (for batching proofs). */
  fetches: FetchCounter;
  /** The subgraph URLs in use. */
  subgraphUrls: Record<string, string>;
  /** The client-token verifier (its JWKS cache counts fetches). */
  verifier: EdgeVerifier;
}

/**
 * Starts the federation gateway: `@apollo/gateway` with the static supergraph inside Apollo Server 5 on express 5.
 * The edge owns correlation ids, body limits, health and readiness; query planning and subgraph fetches (pooled,
 * time-limited) are Apollo's.
 */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const supergraph = loadSupergraph(config.supergraphPath, config.subgraphUrls);
  const verifier = new EdgeVerifier(config.edgeAuth);
  if (!config.internalAuth.privateKeyPem) throw new Error('the gateway needs the internal signing key (INTERNAL_JWT_PRIVATE_KEY)');
  const signingKey = internalSigningKey(config.internalAuth.privateKeyPem);
  const fetches = new FetchCounter();
  const pools: Array<() => Promise<void>> = [];
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    logger,
    buildService: ({ name }) => {
      const { fetcher, close } = createSubgraphFetcher(name, {
        timeoutMs: config.subgraphTimeoutMs,
        keepAliveMs: config.subgraphKeepAliveMs,
        maxConnections: config.subgraphMaxConnections,
      }, fetches);
      pools.push(close);
      return new SubgraphDataSource(supergraph.urls[name] as string, fetcher, name, signingKey);
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = createHttpServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [shapeLimitsRule(config.limits), directiveLimitRule(config.limits)],
    // The process owns shutdown order (edge first, databases last); Apollo must not stop itself on a signal.
    stopOnTerminationSignals: false,
    formatError: formatGraphQLError((error) => logger.error({ err: error }, 'unexpected gateway error'), true),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      pageSizeLimitPlugin<GatewayContext>(config.limits.maxPageSize),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', component: 'gateway' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await probeSubgraphs(supergraph.urls);
    res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? 'ready' : 'unavailable', ...readiness });
  });
  app.use(
    '/graphql',
    (req, res, next) => {
      const correlationId = correlationIdFrom(req.headers[CORRELATION_HEADER]);
      res.setHeader(CORRELATION_HEADER, correlationId);
      res.locals.correlationId = correlationId;
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        logger.info({ correlationId, method: req.method, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }, 'request');
      });
      next();
    },
    requireClientToken(verifier),
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const correlationId = res.locals.correlationId as string;
        const principal = res.locals.principal as GatewayContext['principal'];
        return { correlationId, principal, logger: logger.child({ correlationId, subject: principal.subject }) };
      },
    }),
  );
  app.use(edgeErrorHandler);

  const running = await listen(httpServer, config.port, config.host, '/graphql', async () => {
    await apollo.stop();
    await Promise.all(pools.map((close) => close()));
  });
  return { ...running, fetches, subgraphUrls: supergraph.urls, verifier };
}
