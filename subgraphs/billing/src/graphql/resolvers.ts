import { rowFilter } from '../../../../platform/auth/row-policy.js';
import { pageArgs, toConnection } from '../../../../platform/graphql/connection.js';
import { moneyFromInput, optionalMoney } from '../../../../platform/graphql/money.js';
import { sharedResolvers } from '../../../../platform/graphql/shared-resolvers.js';
import { billingRule, rateCardFilter } from '../auth/row-policy.js';
import { durationStats, lagBuckets } from '../domain/invoice-lag.js';
import { projectFigure } from '../domain/project-figures.js';
import type { BillingRun, Invoice } from '../domain/types.js';
import type { Resolvers } from '../generated/graphql.js';
import type { BillingContext } from './context.js';

const ref = (id: string) => ({ id });

/** A kept billing run as the graph shows it: its schedule and invoices loaded (batched) for the caller. */
async function runResult(run: BillingRun, ctx: BillingContext) {
  const [billingSchedule, invoices] = await Promise.all([ctx.loaders.schedule.load(run.billingScheduleId), ctx.loaders.invoice.loadMany(run.invoiceIds)]);
  return { ...run, billingSchedule, invoices: invoices.filter((i): i is Invoice => i !== null && !(i instanceof Error)) };
}

/** billing resolvers: thin mappings onto the loaders (reads) and the service (writes). */
export const resolvers: Resolvers<BillingContext> = {
  ...sharedResolvers,
  Query: {
    rateCard: (_p, { id }, ctx) => ctx.loaders.rateCard.load(id),
    rateCards: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageRateCards(filter ?? {}, rateCardFilter(ctx.principal), page.first, page.afterId));
    },
    billingSchedule: (_p, { id }, ctx) => ctx.loaders.schedule.load(id),
    billingSchedules: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageSchedules(filter ?? {}, rowFilter(billingRule('BillingSchedule'), ctx.principal), page.first, page.afterId));
    },
    billableItem: (_p, { id }, ctx) => ctx.loaders.item.load(id),
    billableItems: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageItems(filter ?? {}, rowFilter(billingRule('BillableItem'), ctx.principal), page.first, page.afterId));
    },
    invoice: (_p, { id }, ctx) => ctx.loaders.invoice.load(id),
    invoices: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageInvoices(filter ?? {}, rowFilter(billingRule('Invoice'), ctx.principal), page.first, page.afterId));
    },
    creditMemo: (_p, { id }, ctx) => ctx.loaders.creditMemo.load(id),
    invoiceLag: async (_p, { filter }, ctx) =>
      durationStats(lagBuckets(await ctx.repo.invoiceLag(filter ?? {}, rowFilter(billingRule('Invoice'), ctx.principal)))),
  },
  Mutation: {
    createRateCard: (_p, { input }, ctx) => ctx.service.createRateCard(input, ctx.invocation),
    reviseRateCard: (_p, { input }, ctx) => ctx.service.reviseRateCard(input, input, ctx.invocation),
    createBillingSchedule: (_p, { input }, ctx) =>
      ctx.service.createBillingSchedule(
        {
          ...input,
          notToExceed: optionalMoney('notToExceed', input.notToExceed),
          lines: input.lines?.map((l, i) => ({ ...l, amount: moneyFromInput(`lines[${i}].amount`, l.amount) })),
        },
        ctx.invocation,
      ),
    transitionBillingSchedule: (_p, { input }, ctx) => ctx.service.transitionBillingSchedule(input, input.action, ctx.invocation),
    recordBillableItem: (_p, { input }, ctx) => ctx.service.recordBillableItem(input, ctx.invocation),
    transitionBillableItem: (_p, { input }, ctx) => ctx.service.transitionBillableItem(input, input.action, input.reason, ctx.invocation),
    createDraftInvoice: (_p, { input }, ctx) => ctx.service.createDraftInvoice(input, ctx.invocation),
    discardDraftInvoice: (_p, { input }, ctx) => ctx.service.discardDraftInvoice(input, ctx.invocation),
    issueInvoice: (_p, { input }, ctx) => ctx.service.issueInvoice(input, input.issueDate, ctx.invocation),
    postInvoice: (_p, { input }, ctx) => ctx.service.postInvoice(input, ctx.invocation),
    voidInvoice: (_p, { input }, ctx) => ctx.service.voidInvoice(input, input.reason, ctx.invocation),
    createCreditMemo: (_p, { input }, ctx) =>
      ctx.service.createCreditMemo(
        {
          invoiceId: input.invoiceId,
          reason: input.reason,
          releasesBillableItems: input.releasesBillableItems,
          lines: input.lines?.map((l, i) => ({ invoiceLineId: l.invoiceLineId, netAmount: optionalMoney(`lines[${i}].netAmount`, l.netAmount) })),
        },
        ctx.invocation,
      ),
    transitionCreditMemo: (_p, { input }, ctx) => ctx.service.transitionCreditMemo(input, input.action, ctx.invocation),
    setupBillingForProject: (_p, { input }, ctx) =>
      ctx.service.setupBillingForProject(
        { ...input, contractValue: moneyFromInput('contractValue', input.contractValue), notToExceed: optionalMoney('notToExceed', input.notToExceed) },
        ctx.invocation,
      ),
    recordBillableItems: (_p, { input }, ctx) => ctx.service.recordBillableItems(input.items, ctx.invocation),
    recordMilestoneBillable: (_p, { input }, ctx) => ctx.service.recordMilestoneBillable({ ...input, amount: moneyFromInput('amount', input.amount) }, ctx.invocation),
    runBilling: async (_p, { input }, ctx) => runResult(await ctx.service.runBilling(input, ctx.invocation), ctx),
    amendBillingSchedule: (_p, { input }, ctx) =>
      ctx.service.amendBillingSchedule(
        {
          ...input,
          contractValueDelta: moneyFromInput('contractValueDelta', input.contractValueDelta),
          notToExceed: optionalMoney('notToExceed', input.notToExceed),
        },
        ctx.invocation,
      ),
  },
  Account: {
    invoices: (a, { statuses }, ctx) => ctx.loaders.invoicesByAccount.load(a.id, statuses),
  },
  Project: {
    billingSchedules: (p, _args, ctx) => ctx.loaders.schedulesByProject.load(p.id),
    billableItems: (p, { statuses }, ctx) => ctx.loaders.itemsByProject.load(p.id, statuses),
    invoices: (p, _args, ctx) => ctx.loaders.invoicesByProject.load(p.id),
    billedToDate: async (p, _args, ctx) => projectFigure('billedToDate', p.id, p.currency, await ctx.loaders.billedToDate.load(p.id)),
    unbilledWip: async (p, _args, ctx) => projectFigure('unbilledWip', p.id, p.currency, await ctx.loaders.unbilledWip.load(p.id)),
    invoiceLag: async (p, _args, ctx) => durationStats(lagBuckets((await ctx.loaders.invoiceLag.load(p.id)) ?? [])),
  },
  BillableItemBatch: {
    __resolveReference: (r, ctx) => ctx.loaders.batch.load(r.id),
  },
  BillingRunResult: {
    __resolveReference: async (r, ctx) => {
      const run = await ctx.loaders.run.load(r.id);
      return run ? runResult(run, ctx) : null;
    },
  },
  RateCard: {
    __resolveReference: (r, ctx) => ctx.loaders.rateCard.load(r.id),
    account: (c) => (c.accountId ? ref(c.accountId) : null),
    supersedes: (c, _args, ctx) => (c.supersedesId ? ctx.loaders.rateCard.load(c.supersedesId) : null),
  },
  BillingSchedule: {
    __resolveReference: (r, ctx) => ctx.loaders.schedule.load(r.id),
    project: (s) => ref(s.projectId),
    account: (s) => ref(s.accountId),
    rateCard: (s, _args, ctx) => (s.rateCardId ? ctx.loaders.rateCard.load(s.rateCardId) : null),
    amendments: (s, _args, ctx) => ctx.loaders.amendmentsBySchedule.load(s.id),
  },
  BillableItem: {
    __resolveReference: (r, ctx) => ctx.loaders.item.load(r.id),
    project: (i) => ref(i.projectId),
    account: (i) => ref(i.accountId),
    invoice: (i, _args, ctx) => (i.invoiceId ? ctx.loaders.invoice.load(i.invoiceId) : null),
  },
  Invoice: {
    __resolveReference: (r, ctx) => ctx.loaders.invoice.load(r.id),
    account: (i) => ref(i.accountId),
    billToContact: (i) => (i.billToContactId ? ref(i.billToContactId) : null),
    legalEntity: (i) => ref(i.legalEntityId),
    billingSchedule: (i, _args, ctx) => (i.billingScheduleId ? ctx.loaders.schedule.load(i.billingScheduleId) : null),
    projects: (i) => i.projectIds.map(ref),
    lines: (i, _args, ctx) => ctx.loaders.linesByDocument.load(i.id),
    creditMemos: (i, _args, ctx) => ctx.loaders.creditMemosByInvoice.load(i.id),
  },
  InvoiceLine: {
    project: (l) => ref(l.projectId),
  },
  CreditMemo: {
    __resolveReference: (r, ctx) => ctx.loaders.creditMemo.load(r.id),
    invoice: async (m, _args, ctx) => (await ctx.loaders.invoice.load(m.invoiceId))!,
    lines: (m, _args, ctx) => ctx.loaders.linesByDocument.load(m.id),
  },
};
