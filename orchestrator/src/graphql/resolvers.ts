import { pageArgs, toConnection } from '../../../platform/graphql/connection.js';
import { sharedResolvers } from '../../../platform/graphql/shared-resolvers.js';
import { Where } from '../../../platform/db/where.js';
import { flowStatus } from '../domain/views.js';
import { canSeeLegalEntity, legalEntityFilter } from '../../../platform/auth/principal.js';
import type { Money } from '../../../platform/money/money.js';
import { alerts, exceptions } from '../repository/tables.js';
import { startBillingCycle } from '../service/billing-cycle.js';
import { durationStats } from '../service/kpis.js';
import type { Resolvers } from '../generated/graphql.js';
import type { OrchestrationContext } from './context.js';

/** Money as alerts record it (minor units in a string) as the domain type the Money resolvers format. */
const moneyOf = (m: unknown): Money => {
  const { amountMinor, currency } = m as { amountMinor: string; currency: string };
  return { amountMinor: BigInt(amountMinor), currency };
};

const rootRun = async (correlationId: string, ctx: OrchestrationContext) => (await ctx.loaders.runsByCorrelation.load(correlationId))[0] ?? null;

/** Orchestration API: flows, runs, steps, exceptions; replay and cancel through the engine. */
export const resolvers: Resolvers<OrchestrationContext> = {
  ...sharedResolvers,
  Query: {
    orchestrationRun: (_p, { correlationId }) => ({ correlationId }),
    orchestrationExceptions: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      const where = new Where().in('status', filter?.statuses).eq('saga_type', filter?.sagaType).range('created_at::date', filter?.createdAt);
      return toConnection(await exceptions.page(ctx.db, where, page.first, page.afterId));
    },
    setupCycleTime: async (_p, { closedWon }, ctx) => {
      const where = new Where().eq('saga_type', 'WIN_OPPORTUNITY').eq('status', 'COMPLETED').range('triggered_at::date', closedWon);
      const rows = await ctx.db.query<{ triggered_at: string; context: { activatedAt?: string }; completed_at: string }>(
        `SELECT triggered_at, context, completed_at FROM saga_runs WHERE ${where.toSql()}`, where.params,
      );
      return durationStats(rows.map((r) => Date.parse(r.context.activatedAt ?? r.completed_at) - Date.parse(r.triggered_at)));
    },
    marginAlerts: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      const where = new Where().eq('project_id', filter?.projectId).eq('legal_entity_id', filter?.legalEntityId).in('status', filter?.statuses)
        .scope('legal_entity_id', legalEntityFilter(ctx.principal));
      return toConnection(await alerts.page(ctx.db, where, page.first, page.afterId));
    },
  },
  Mutation: {
    runBillingCycle: (_p, { input }, ctx) => startBillingCycle(ctx.engine, ctx.invocation, input),
    replayException: (_p, { input }, ctx) => ctx.engine.replay(input.id, ctx.invocation.actor),
    cancelException: (_p, { input }, ctx) => ctx.engine.cancel(input.id, ctx.invocation.actor, input.reason),
  },
  OrchestrationRun: {
    __resolveReference: (ref) => ({ correlationId: ref.correlationId }),
    status: async (flow, _a, ctx) => flowStatus(await ctx.loaders.runsByCorrelation.load(flow.correlationId)),
    sagaType: async (flow, _a, ctx) => (await rootRun(flow.correlationId, ctx))?.sagaType ?? null,
    steps: async (flow, _a, ctx) => {
      const root = await rootRun(flow.correlationId, ctx);
      return root ? ctx.loaders.stepsByRun.load(root.id) : [];
    },
    runs: (flow, _a, ctx) => ctx.loaders.runsByCorrelation.load(flow.correlationId),
    exceptions: async (flow, _a, ctx) => {
      const runs = await ctx.loaders.runsByCorrelation.load(flow.correlationId);
      return (await Promise.all(runs.map((r) => ctx.loaders.exceptionsByRun.load(r.id)))).flat();
    },
  },
  SagaRun: {
    subject: (r) => ({ typename: r.subjectType, id: r.subjectId }),
    steps: (r, _a, ctx) => ctx.loaders.stepsByRun.load(r.id),
    links: async (r, _a, ctx) => (await ctx.loaders.linksByRun.load(r.id)).map((l) => ({ typename: l.entityType, id: l.entityId })),
  },
  OrchestrationException: {
    __resolveReference: (ref, ctx) => ctx.loaders.exception.load(ref.id),
    run: (e) => ({ correlationId: e.correlationId }),
    payload: (e) => JSON.stringify(e.payload),
  },
  MarginAlert: {
    __resolveReference: async (ref, ctx) => {
      const alert = await ctx.loaders.alert.load(ref.id);
      return alert && canSeeLegalEntity(ctx.principal, alert.legalEntityId) ? alert : null;
    },
    project: (a) => ({ id: a.projectId }),
    percent: (a) => (a.details.percent as string | null) ?? null,
    thresholdPct: (a) => (a.details.thresholdPct as string | null) ?? null,
    revenue: (a) => moneyOf(a.details.revenue),
    cost: (a) => moneyOf(a.details.cost),
  },
  Project: {
    __resolveReference: (ref) => ({ id: ref.id }),
    marginAlerts: async (p, _a, ctx) => (await ctx.loaders.alertsByProject.load(p.id)).filter((a) => canSeeLegalEntity(ctx.principal, a.legalEntityId)),
    setupRun: async (p, _a, ctx) => {
      const correlationId = await ctx.loaders.setupRunByProject.load(p.id);
      return correlationId ? { correlationId } : null;
    },
  },
};
