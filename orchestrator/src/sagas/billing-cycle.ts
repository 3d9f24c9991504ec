import type { RunSpec } from '../engine/engine.js';
import type { SagaDefinition, StepContext } from '../domain/saga.js';
import { call, valuesOf } from './common.js';

/** What a billing cycle was asked to bill. */
export interface BillingCycleRequest {
  /** Bill work and instalments up to this date. */
  throughDate: string;
  /** Issue date of the invoices (default the run's date, in billing). */
  issueDate: string | null;
  /** Only schedules of this legal entity. */
  legalEntityId: string | null;
  /** Only these schedules (else every ACTIVE schedule in scope). */
  billingScheduleIds: string[] | null;
  /** Issue the invoices at once (they then go to the ledger); false leaves DRAFT invoices for review. */
  autoIssue: boolean;
}

const PAGE = 500;

/**
 * The ACTIVE schedules in the cycle's scope, paging through billing: those of its legal entity (or all), narrowed to
 * the schedules it names. Named schedules of another legal entity are left out, never billed.
 */
async function schedulesInScope(ctx: StepContext, request: BillingCycleRequest): Promise<string[]> {
  if (request.billingScheduleIds?.length && !request.legalEntityId) return [...new Set(request.billingScheduleIds)];
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const data: { billingSchedules: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await call(
      ctx, 'billing',
      `query($first: Int!, $after: String, $le: ID) { billingSchedules(first: $first, after: $after, filter: { statuses: [ACTIVE], legalEntityId: $le }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { first: PAGE, after, le: request.legalEntityId },
    );
    ids.push(...data.billingSchedules.edges.map((e) => e.node.id));
    if (!data.billingSchedules.pageInfo.hasNextPage) break;
    after = data.billingSchedules.pageInfo.endCursor;
  }
  if (!request.billingScheduleIds?.length) return ids;
  const named = new Set(request.billingScheduleIds);
  return ids.filter((id) => named.has(id));
}

/**
 * Flow 2 (b) — a billing cycle: one billing run per ACTIVE schedule in scope, each its own run of the flow (so one
 * schedule's refusal, say a cap reached, becomes its own exception and does not hold the others). The cycle's natural
 * key comes from the request, so asking twice starts one cycle.
 */
export const billingCycleSaga: SagaDefinition = {
  type: 'BILLING_CYCLE',
  steps: [
    {
      name: 'schedules',
      run: async (ctx) => {
        const request = valuesOf<BillingCycleRequest>(ctx);
        const scheduleIds = await schedulesInScope(ctx, request);
        const spawn: RunSpec[] = scheduleIds.map((id) => ({
          sagaType: 'BILL_SCHEDULE',
          naturalKey: `${ctx.run.naturalKey}:${id}`,
          subject: { typename: 'BillingSchedule', id },
          context: { billingScheduleId: id, throughDate: request.throughDate, issueDate: request.issueDate, autoIssue: request.autoIssue },
          triggeredAt: ctx.run.triggeredAt,
        }));
        return { schedules: scheduleIds.length, spawn };
      },
    },
  ],
};

/** One schedule's billing run within a cycle: DRAFT invoices, issued at once when the cycle says so. */
export const billScheduleSaga: SagaDefinition = {
  type: 'BILL_SCHEDULE',
  steps: [
    {
      name: 'run',
      run: async (ctx) => {
        const v = valuesOf<{ billingScheduleId: string; throughDate: string; issueDate: string | null; autoIssue: boolean }>(ctx);
        const data = await call<{ runBilling: { id: string; itemsInvoiced: number; itemsHeld: number; invoices: Array<{ id: string; status: string }> | null } }>(
          ctx, 'billing',
          `mutation($i: RunBillingInput!) { runBilling(input: $i) { id itemsInvoiced itemsHeld invoices { id status } } }`,
          { i: { billingScheduleId: v.billingScheduleId, throughDate: v.throughDate, issueDate: v.issueDate, autoIssue: v.autoIssue, idempotencyKey: ctx.key() } },
        );
        const run = data.runBilling;
        const invoices = run.invoices ?? [];
        return {
          billingRunId: run.id, itemsInvoiced: run.itemsInvoiced, itemsHeld: run.itemsHeld, invoiceIds: invoices.map((i) => i.id),
          links: invoices.map((i) => ({ entityType: 'Invoice', entityId: i.id })),
        };
      },
    },
  ],
};
