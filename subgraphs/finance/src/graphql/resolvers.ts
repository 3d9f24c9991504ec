import { rowFilter } from '../../../../platform/auth/row-policy.js';
import { pageArgs, toConnection } from '../../../../platform/graphql/connection.js';
import { moneyFromInput, optionalMoney } from '../../../../platform/graphql/money.js';
import { sharedResolvers } from '../../../../platform/graphql/shared-resolvers.js';
import { zero } from '../../../../platform/money/index.js';
import { FINANCE_ROW_POLICY as P } from '../auth/row-policy.js';
import { accountName } from '../domain/chart.js';
import { currencyInfo, listCurrencies } from '../domain/currencies.js';
import { actualCostOf, projectCurrency, projectMargin, recognizedRevenueIn } from '../domain/margin.js';
import type { LedgerLine } from '../domain/posting.js';
import { amountDue, amountPaid, hasLivePayment, invoicePaymentStatus, isOverdue } from '../domain/receivable.js';
import { recognizedToDate } from '../domain/revenue.js';
import type { ProjectRef } from '../domain/types.js';
import type { LedgerLineInput, Resolvers } from '../generated/graphql.js';
import { invocationToday } from '../service/finance-service.js';
import type { FinanceContext } from './context.js';
import { customerKey } from './loaders.js';

/** MoneyInput lines → ledger lines, naming the offending field in errors. */
function ledgerLines(lines: readonly LedgerLineInput[]): LedgerLine[] {
  return lines.map((l, i) => ({
    projectId: l.projectId,
    netAmount: moneyFromInput(`lines[${i}].netAmount`, l.netAmount),
    taxAmount: moneyFromInput(`lines[${i}].taxAmount`, l.taxAmount),
  }));
}

async function recognizedRevenue(p: ProjectRef, ctx: FinanceContext) {
  return recognizedRevenueIn(await ctx.loaders.revenueTotalsByProject.load(p.id), projectCurrency(p));
}

/** finance resolvers: thin mappings onto the loaders (reads), the domain rules (derived fields) and the service (writes). */
export const resolvers: Resolvers<FinanceContext> = {
  ...sharedResolvers,
  Query: {
    legalEntity: (_p, { id }, ctx) => ctx.loaders.legalEntity.load(id),
    legalEntities: (_p, _a, ctx) => ctx.repo.allLegalEntities(rowFilter(P.LegalEntity!, ctx.principal)),
    currencies: () => listCurrencies(),
    currency: (_p, { code }) => currencyInfo(code),
    exchangeRate: (_p, { id }, ctx) => ctx.loaders.exchangeRate.load(id),
    exchangeRates: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageExchangeRates(filter ?? {}, page.first, page.afterId));
    },
    effectiveExchangeRate: (_p, { from, to, on, rateType }, ctx) => ctx.repo.effectiveRate(from, to, on, rateType ?? 'SPOT'),
    customerFinancial: (_p, { id }, ctx) => ctx.loaders.customerFinancial.load(id),
    customerFinancials: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageCustomerFinancials(filter ?? {}, rowFilter(P.CustomerFinancial!, ctx.principal), page.first, page.afterId));
    },
    receivable: (_p, { id }, ctx) => ctx.loaders.receivable.load(id),
    receivables: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageReceivables({ ...filter, today: invocationToday(ctx.invocation) }, rowFilter(P.Receivable!, ctx.principal), page.first, page.afterId));
    },
    payment: (_p, { id }, ctx) => ctx.loaders.payment.load(id),
    payments: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pagePayments(filter ?? {}, rowFilter(P.Payment!, ctx.principal), page.first, page.afterId));
    },
    journalEntry: (_p, { id }, ctx) => ctx.loaders.journalEntry.load(id),
    journalEntries: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageJournalEntries(filter ?? {}, rowFilter(P.JournalEntry!, ctx.principal), page.first, page.afterId));
    },
    revenueSchedule: (_p, { id }, ctx) => ctx.loaders.revenueSchedule.load(id),
  },
  Mutation: {
    createExchangeRate: (_p, { input }, ctx) => ctx.service.createExchangeRate(input, ctx.invocation),
    upsertCustomerFinancial: (_p, { input }, ctx) =>
      ctx.service.upsertCustomerFinancial(
        { ...input, creditLimit: input.creditLimit === undefined ? undefined : optionalMoney('creditLimit', input.creditLimit) },
        ctx.invocation,
      ),
    transitionCustomerFinancial: (_p, { input }, ctx) => ctx.service.transitionCustomerFinancial(input, input.action, ctx.invocation),
    postInvoiceToLedger: (_p, { input }, ctx) => ctx.service.postInvoiceToLedger({ ...input, lines: ledgerLines(input.lines) }, ctx.invocation),
    postCreditMemoToLedger: (_p, { input }, ctx) => ctx.service.postCreditMemoToLedger({ ...input, lines: ledgerLines(input.lines) }, ctx.invocation),
    voidInvoiceInLedger: (_p, { input }, ctx) => ctx.service.voidInvoiceInLedger(input, ctx.invocation),
    recordPayment: (_p, { input }, ctx) =>
      ctx.service.recordPayment(
        {
          ...input,
          amount: moneyFromInput('amount', input.amount),
          applications: (input.applications ?? []).map((a, i) => ({ receivableId: a.receivableId, amount: moneyFromInput(`applications[${i}].amount`, a.amount) })),
        },
        ctx.invocation,
      ),
    reversePayment: (_p, { input }, ctx) => ctx.service.reversePayment(input, input.reason, ctx.invocation),
    postManualJournal: (_p, { input }, ctx) => ctx.service.postManualJournal(input, ctx.invocation),
    reverseJournalEntry: (_p, { input }, ctx) => ctx.service.reverseJournalEntry(input, ctx.invocation),
    createRevenueSchedule: (_p, { input }, ctx) =>
      ctx.service.createRevenueSchedule(
        {
          ...input,
          allocatedAmount: moneyFromInput('allocatedAmount', input.allocatedAmount),
          lines: input.lines?.map((l, i) => ({ period: l.period, milestoneId: l.milestoneId, plannedAmount: moneyFromInput(`lines[${i}].plannedAmount`, l.plannedAmount) })),
        },
        ctx.invocation,
      ),
    transitionRevenueSchedule: (_p, { input }, ctx) => ctx.service.transitionRevenueSchedule(input, input.action, ctx.invocation),
    recognizeRevenue: (_p, { input }, ctx) => ctx.service.recognizeRevenue({ ...input, amount: optionalMoney('amount', input.amount) }, ctx.invocation),
    adjustRevenueSchedule: (_p, { input }, ctx) => ctx.service.adjustRevenueSchedule({ ...input, delta: moneyFromInput('delta', input.delta) }, ctx.invocation),
  },
  Account: {
    __resolveReference: (ref) => ({ id: ref.id }),
    customerFinancials: (a, _args, ctx) => ctx.loaders.customerFinancialsByAccount.load(a.id),
    openReceivables: async (a, _args, ctx) => (await ctx.loaders.openReceivablesByAccount.load(a.id)) ?? [],
  },
  Project: {
    // The representation carries the @requires fields (currency, actualCost, marginThresholdPct); keep them.
    __resolveReference: (ref) => ref as ProjectRef,
    receivables: (p, _args, ctx) => ctx.loaders.receivablesByProject.load(p.id),
    revenueSchedules: (p, _args, ctx) => ctx.loaders.revenueSchedulesByProject.load(p.id),
    recognizedRevenue: (p, _args, ctx) => recognizedRevenue(p, ctx),
    // Projects withholds actual cost from callers who may not see costs: without it there is no margin to tell.
    margin: async (p, _args, ctx) => {
      const cost = actualCostOf(p);
      return cost ? projectMargin(await recognizedRevenue(p, ctx), cost, p.marginThresholdPct) : null;
    },
  },
  Invoice: {
    __resolveReference: (ref) => ({ id: ref.id }),
    receivable: (i, _args, ctx) => ctx.loaders.receivableByInvoice.load(i.id),
    paymentStatus: async (i, _args, ctx) => {
      const r = await ctx.loaders.receivableByInvoice.load(i.id);
      if (!r) return null;
      const live = hasLivePayment(await ctx.loaders.liveApplicationsByReceivable.load(r.id));
      return invoicePaymentStatus(r, live, invocationToday(ctx.invocation));
    },
    amountPaid: async (i, _args, ctx) => {
      const r = await ctx.loaders.receivableByInvoice.load(i.id);
      return r ? amountPaid(r) : null;
    },
    amountDue: async (i, _args, ctx) => {
      const r = await ctx.loaders.receivableByInvoice.load(i.id);
      return r ? amountDue(r) : null;
    },
  },
  LegalEntity: {
    __resolveReference: (ref, ctx) => ctx.loaders.legalEntity.load(ref.id),
  },
  Currency: {
    __resolveReference: (ref) => currencyInfo(ref.code),
  },
  ExchangeRate: {
    __resolveReference: (ref, ctx) => ctx.loaders.exchangeRate.load(ref.id),
  },
  CustomerFinancial: {
    __resolveReference: (ref, ctx) =>
      'id' in ref && ref.id
        ? ctx.loaders.customerFinancial.load(ref.id)
        : ctx.loaders.customerFinancialByKey.load(customerKey(ref as { crmAccountId: string; legalEntityId: string })),
    account: (c) => ({ id: c.crmAccountId }),
    legalEntity: async (c, _args, ctx) => (await ctx.loaders.legalEntity.load(c.legalEntityId))!,
    openBalance: async (c, _args, ctx) => (await ctx.loaders.openBalance.load(c.id)) ?? zero(c.currency),
  },
  Receivable: {
    __resolveReference: (ref, ctx) =>
      'id' in ref && ref.id ? ctx.loaders.receivable.load(ref.id) : ctx.loaders.receivableByInvoice.load((ref as { invoiceId: string }).invoiceId),
    invoice: (r) => ({ id: r.invoiceId }),
    customerFinancial: (r, _args, ctx) => ctx.loaders.customerFinancial.load(r.customerFinancialId),
    projects: (r) => r.projectIds.map((id) => ({ id })),
    isOverdue: (r, _args, ctx) => isOverdue(r, invocationToday(ctx.invocation)),
    applications: (r, _args, ctx) => ctx.loaders.liveApplicationsByReceivable.load(r.id),
    journalEntry: async (r, _args, ctx) => (await ctx.loaders.journalEntry.load(r.journalEntryId))!,
  },
  Payment: {
    __resolveReference: (ref, ctx) => ctx.loaders.payment.load(ref.id),
    customerFinancial: (p, _args, ctx) => ctx.loaders.customerFinancial.load(p.customerFinancialId),
    applications: (p, _args, ctx) => ctx.loaders.applicationsByPayment.load(p.id),
    journalEntry: (p, _args, ctx) => (p.journalEntryId ? ctx.loaders.journalEntry.load(p.journalEntryId) : null),
  },
  JournalEntry: {
    __resolveReference: (ref, ctx) => ctx.loaders.journalEntry.load(ref.id),
    reversalOf: (e, _args, ctx) => (e.reversalOfId ? ctx.loaders.journalEntry.load(e.reversalOfId) : null),
    lines: (e, _args, ctx) => ctx.loaders.journalLinesByEntry.load(e.id),
  },
  JournalLine: {
    accountName: (l) => accountName(l.accountCode),
  },
  RevenueSchedule: {
    __resolveReference: (ref, ctx) => ctx.loaders.revenueSchedule.load(ref.id),
    project: (s) => ({ id: s.projectId }),
    lines: (s, _args, ctx) => ctx.loaders.revenueLinesBySchedule.load(s.id),
    recognizedToDate: async (s, _args, ctx) => recognizedToDate(s, await ctx.loaders.revenueLinesBySchedule.load(s.id)),
  },
};
