import type { DomainEvent } from '../../../platform/events/event.js';
import type { SagaDefinition, StepContext } from '../domain/saga.js';
import { callScope as scope, moneyInput as money, type MoneyPayload } from './common.js';

/** The payload of `OpportunityClosedWon` (crm). */
interface Won {
  opportunityId: string;
  name: string;
  accountId: string;
  legalEntityId: string;
  pricingModel: string;
  amount: MoneyPayload;
  expectedStartDate: string;
  closedWonAt: string;
  projectManagerId: string | null;
  contract: {
    id: string;
    currency: string;
    billingModel: string;
    startDate: string;
    endDate: string | null;
    paymentTermsDays: number;
    totalContractValue: MoneyPayload;
    notToExceed: MoneyPayload | null;
  };
}

const won = (ctx: StepContext) => ctx.values as unknown as Won & Record<string, unknown>;
const billable = (values: Record<string, unknown>) => (values as unknown as Won).pricingModel !== 'NON_BILLABLE';

/** The end of an engagement: the contract's, or a year from the start for an open-ended (evergreen) contract. */
function engagementEnd(start: string, end: string | null): string {
  if (end) return end;
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Months from the start's to the end's (inclusive), as `YYYY-MM`. */
const periods = (start: string, end: string | null) => ({ from: start.slice(0, 7), to: engagementEnd(start, end).slice(0, 7) });

const REVENUE_METHOD: Record<string, string> = { TIME_AND_MATERIALS: 'AS_INVOICED', MILESTONE: 'MILESTONE', FIXED_FEE: 'STRAIGHT_LINE', RETAINER: 'STRAIGHT_LINE' };

/**
 * Flow 1 — opportunity won → engagement set up (domain model F1). One run per opportunity: the ERP customer (upsert by
 * account and legal entity), the project with its WBS and resource requests, the billing schedule and client rate card,
 * the revenue schedule, the links back in crm, then the project goes ACTIVE. Every call carries a deterministic
 * idempotency key; the created records are compensated (cancelled, unlinked; never deleted) if a later step fails for
 * good.
 */
export const winOpportunitySaga: SagaDefinition = {
  type: 'WIN_OPPORTUNITY',
  trigger: {
    eventType: 'OpportunityClosedWon',
    naturalKey: (e: DomainEvent) => `win:${e.entity.id}`,
    subject: (e) => ({ typename: 'Opportunity', id: e.entity.id }),
    initialContext: (e) => ({ ...e.payload }),
    triggeredAt: (e) => String((e.payload as { closedWonAt?: string }).closedWonAt ?? e.occurredAt),
  },
  steps: [
    {
      name: 'customer',
      run: async (ctx) => {
        const w = won(ctx);
        const le = await ctx.client.call<{ legalEntity: { id: string; country: string; functionalCurrency: string } | null }>(
          'finance', `query($id: ID!) { legalEntity(id: $id) { id country functionalCurrency } }`, { id: w.legalEntityId }, scope(ctx),
        );
        if (!le.legalEntity) throw new Error(`legal entity ${w.legalEntityId} is unknown to the ERP`);
        const data = await ctx.client.call<{ upsertCustomerFinancial: { id: string } }>(
          'finance',
          `mutation($i: UpsertCustomerFinancialInput!) { upsertCustomerFinancial(input: $i) { id } }`,
          { i: { crmAccountId: w.accountId, legalEntityId: w.legalEntityId, currency: w.contract.currency, paymentTermsDays: w.contract.paymentTermsDays, idempotencyKey: ctx.key() } },
          scope(ctx),
        );
        return { customerFinancialId: data.upsertCustomerFinancial.id, country: le.legalEntity.country, links: [{ entityType: 'CustomerFinancial', entityId: data.upsertCustomerFinancial.id }] };
      },
    },
    {
      name: 'project',
      run: async (ctx) => {
        const w = won(ctx);
        const data = await ctx.client.call<{ setupProjectFromOpportunity: { id: string } }>(
          'projects',
          `mutation($i: SetupProjectFromOpportunityInput!) { setupProjectFromOpportunity(input: $i) { id } }`,
          {
            i: {
              opportunityId: w.opportunityId, accountId: w.accountId, contractId: w.contract.id, legalEntityId: w.legalEntityId, name: w.name,
              billingModel: w.pricingModel, currency: w.contract.currency, startDate: w.expectedStartDate, endDate: w.contract.endDate,
              budgetRevenue: money(w.contract.totalContractValue), projectManagerId: w.projectManagerId, idempotencyKey: ctx.key(),
            },
          },
          scope(ctx),
        );
        return { projectId: data.setupProjectFromOpportunity.id, links: [{ entityType: 'Project', entityId: data.setupProjectFromOpportunity.id }] };
      },
      compensate: async (ctx) => {
        await ctx.client.call('projects', `mutation($i: TransitionProjectInput!) { transitionProject(input: $i) { id status } }`, { i: { id: ctx.values.projectId, action: 'CANCEL', idempotencyKey: ctx.key() } }, scope(ctx));
      },
    },
    {
      name: 'billing',
      applies: billable,
      run: async (ctx) => {
        const w = won(ctx);
        const data = await ctx.client.call<{ setupBillingForProject: { id: string } }>(
          'billing',
          `mutation($i: SetupBillingForProjectInput!) { setupBillingForProject(input: $i) { id } }`,
          {
            i: {
              projectId: ctx.values.projectId, accountId: w.accountId, contractId: w.contract.id, legalEntityId: w.legalEntityId, country: ctx.values.country,
              currency: w.contract.currency, billingModel: w.pricingModel, contractValue: money(w.contract.totalContractValue),
              notToExceed: w.contract.notToExceed ? money(w.contract.notToExceed) : null, paymentTermsDays: w.contract.paymentTermsDays,
              startDate: w.expectedStartDate, endDate: engagementEnd(w.expectedStartDate, w.contract.endDate), idempotencyKey: ctx.key(),
            },
          },
          scope(ctx),
        );
        return { billingScheduleId: data.setupBillingForProject.id, links: [{ entityType: 'BillingSchedule', entityId: data.setupBillingForProject.id }] };
      },
      compensate: async (ctx) => {
        await ctx.client.call('billing', `mutation($i: TransitionBillingScheduleInput!) { transitionBillingSchedule(input: $i) { id status } }`, { i: { id: ctx.values.billingScheduleId, action: 'CANCEL', idempotencyKey: ctx.key() } }, scope(ctx));
      },
    },
    {
      name: 'revenue',
      applies: billable,
      run: async (ctx) => {
        const w = won(ctx);
        const method = REVENUE_METHOD[w.pricingModel] ?? 'AS_INVOICED';
        const created = await ctx.client.call<{ createRevenueSchedule: { id: string; status: string } }>(
          'finance',
          `mutation($i: CreateRevenueScheduleInput!) { createRevenueSchedule(input: $i) { id status } }`,
          {
            i: {
              contractId: w.contract.id, projectId: ctx.values.projectId, legalEntityId: w.legalEntityId, performanceObligation: `${w.name} services`, method,
              allocatedAmount: money(w.contract.totalContractValue), ...(method === 'STRAIGHT_LINE' ? { periods: periods(w.expectedStartDate, w.contract.endDate) } : {}),
              idempotencyKey: ctx.key('create'),
            },
          },
          scope(ctx),
        );
        const schedule = created.createRevenueSchedule;
        if (schedule.status === 'DRAFT') {
          await ctx.client.call('finance', `mutation($i: TransitionRevenueScheduleInput!) { transitionRevenueSchedule(input: $i) { id } }`, { i: { id: schedule.id, action: 'ACTIVATE', idempotencyKey: ctx.key('activate') } }, scope(ctx));
        }
        return { revenueScheduleId: schedule.id, links: [{ entityType: 'RevenueSchedule', entityId: schedule.id }] };
      },
      compensate: async (ctx) => {
        await ctx.client.call('finance', `mutation($i: TransitionRevenueScheduleInput!) { transitionRevenueSchedule(input: $i) { id } }`, { i: { id: ctx.values.revenueScheduleId, action: 'CANCEL', idempotencyKey: ctx.key() } }, scope(ctx));
      },
    },
    {
      name: 'link',
      run: async (ctx) => {
        const w = won(ctx);
        await ctx.client.call(
          'crm',
          `mutation($i: LinkOpportunityDeliveryInput!) { linkOpportunityDelivery(input: $i) { id } }`,
          { i: { opportunityId: w.opportunityId, projectId: ctx.values.projectId, customerFinancialId: ctx.values.customerFinancialId, billingScheduleId: ctx.values.billingScheduleId ?? null, idempotencyKey: ctx.key() } },
          scope(ctx),
        );
        return {};
      },
      compensate: async (ctx) => {
        await ctx.client.call('crm', `mutation($i: UnlinkOpportunityDeliveryInput!) { unlinkOpportunityDelivery(input: $i) { id } }`, { i: { opportunityId: won(ctx).opportunityId, idempotencyKey: ctx.key() } }, scope(ctx));
      },
    },
    {
      name: 'activate',
      run: async (ctx) => {
        const data = await ctx.client.call<{ transitionProject: { status: string; activatedAt: string } }>(
          'projects',
          `mutation($i: TransitionProjectInput!) { transitionProject(input: $i) { status activatedAt } }`,
          { i: { id: ctx.values.projectId, action: 'ACTIVATE', idempotencyKey: ctx.key() } },
          scope(ctx),
        );
        return { activatedAt: data.transitionProject.activatedAt };
      },
    },
  ],
};
