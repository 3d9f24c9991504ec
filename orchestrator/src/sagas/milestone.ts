import type { DomainEvent } from '../../../platform/events/event.js';
import { StepFailure } from '../domain/failure.js';
import type { SagaDefinition, StepContext } from '../domain/saga.js';
import { call, dateOf, moneyInput, valuesOf, type MoneyPayload } from './common.js';
import { transitionTo } from './post-invoice.js';

/** The payload of `MilestoneAccepted` (projects). */
interface Accepted {
  milestoneId: string;
  projectId: string;
  legalEntityId: string;
  name: string;
  billingAmount: MoneyPayload | null;
  acceptedAt: string;
  version: number;
}

interface RevenueScheduleView {
  id: string;
  method: string;
  status: string;
  lines: Array<{ period: string; status: string; milestoneId: string | null }>;
}

const billed = (values: Record<string, unknown>) => {
  const amount = (values as unknown as Accepted).billingAmount;
  return amount !== null && amount !== undefined && BigInt(amount.amountMinor) > 0n;
};

/** The live billing schedule of a project (ACTIVE). */
async function activeSchedule(ctx: StepContext, projectId: string): Promise<string> {
  const data = await call<{ billingSchedules: { edges: Array<{ node: { id: string } }> } | null }>(
    ctx, 'billing',
    `query($p: ID!) { billingSchedules(first: 2, filter: { projectId: $p, statuses: [ACTIVE] }) { edges { node { id } } } }`,
    { p: projectId },
  );
  const schedule = data.billingSchedules?.edges[0]?.node;
  if (!schedule) throw new StepFailure(`project ${projectId} has no active billing schedule`, 'NOT_FOUND', false, { projectId });
  return schedule.id;
}

/** The project's live revenue schedule, if any. */
async function liveRevenueSchedule(ctx: StepContext, projectId: string): Promise<RevenueScheduleView | null> {
  const data = await call<{ _entities: Array<{ revenueSchedules: RevenueScheduleView[] | null } | null> }>(
    ctx, 'finance',
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { revenueSchedules { id method status lines { period status milestoneId } } } } }`,
    { r: [{ __typename: 'Project', id: projectId }] },
  );
  return (data._entities[0]?.revenueSchedules ?? []).find((s) => s.status === 'ACTIVE') ?? null;
}

/**
 * Flow 3 — a milestone accepted by the client: billing records the milestone billable item (its schedule line READY),
 * a billing run of the project's schedule invoices and issues it (posting to the ERP follows from `InvoiceIssued`), and
 * finance recognizes the milestone's revenue with its journal when the project recognizes revenue by milestones.
 */
export const milestoneSaga: SagaDefinition = {
  type: 'MILESTONE_ACCEPTED',
  trigger: {
    eventType: 'MilestoneAccepted',
    naturalKey: (e: DomainEvent) => `milestone:${e.entity.id}:v${e.entityVersion ?? 0}`,
    subject: (e) => ({ typename: 'Milestone', id: e.entity.id }),
    initialContext: (e) => ({ ...e.payload }),
    triggeredAt: (e) => String((e.payload as { acceptedAt?: string }).acceptedAt ?? e.occurredAt),
  },
  steps: [
    {
      name: 'billable',
      applies: billed,
      run: async (ctx) => {
        const v = valuesOf<Accepted>(ctx);
        const data = await call<{ recordMilestoneBillable: { id: string } }>(
          ctx, 'billing',
          `mutation($i: RecordMilestoneBillableInput!) { recordMilestoneBillable(input: $i) { id } }`,
          {
            i: {
              milestoneId: v.milestoneId, milestoneVersion: v.version, projectId: v.projectId, name: v.name,
              amount: moneyInput(v.billingAmount as MoneyPayload), acceptedOn: dateOf(v.acceptedAt), idempotencyKey: ctx.key(),
            },
          },
        );
        return { billableItemId: data.recordMilestoneBillable.id, links: [{ entityType: 'BillableItem', entityId: data.recordMilestoneBillable.id }] };
      },
    },
    {
      name: 'invoice',
      applies: billed,
      run: async (ctx) => {
        const v = valuesOf<Accepted>(ctx);
        const scheduleId = await activeSchedule(ctx, v.projectId);
        const data = await call<{ runBilling: { id: string; invoices: Array<{ id: string }> | null } }>(
          ctx, 'billing',
          `mutation($i: RunBillingInput!) { runBilling(input: $i) { id invoices { id } } }`,
          { i: { billingScheduleId: scheduleId, throughDate: dateOf(v.acceptedAt), autoIssue: true, idempotencyKey: ctx.key() } },
        );
        const invoices = data.runBilling.invoices ?? [];
        return { billingScheduleId: scheduleId, invoiceIds: invoices.map((i) => i.id), links: invoices.map((i) => ({ entityType: 'Invoice', entityId: i.id })) };
      },
    },
    {
      name: 'revenue',
      applies: billed,
      run: async (ctx) => {
        const v = valuesOf<Accepted>(ctx);
        const schedule = await liveRevenueSchedule(ctx, v.projectId);
        // Other methods recognize on their own terms: as invoiced (at posting), straight line, cost to cost.
        if (!schedule || schedule.method !== 'MILESTONE') return { revenueRecognized: false };
        const period = dateOf(v.acceptedAt).slice(0, 7);
        await transitionTo(
          ctx,
          () => call(ctx, 'finance', `mutation($i: RecognizeRevenueInput!) { recognizeRevenue(input: $i) { id } }`, {
            i: { revenueScheduleId: schedule.id, period, milestoneId: v.milestoneId, amount: moneyInput(v.billingAmount as MoneyPayload), idempotencyKey: ctx.key() },
          }),
          async () => ((await liveRevenueSchedule(ctx, v.projectId))?.lines ?? []).some((l) => l.milestoneId === v.milestoneId && l.status === 'RECOGNIZED'),
        );
        return { revenueRecognized: true, revenueScheduleId: schedule.id, links: [{ entityType: 'RevenueSchedule', entityId: schedule.id }] };
      },
    },
  ],
};
