import { moneyFromInput, optionalMoney } from '../../../../platform/graphql/money.js';
import { pageArgs, toConnection } from '../../../../platform/graphql/connection.js';
import { sharedResolvers } from '../../../../platform/graphql/shared-resolvers.js';
import { rowFilter } from '../../../../platform/auth/row-policy.js';
import { CRM_ROW_POLICY } from '../auth/row-policy.js';
import { stageOf } from '../domain/opportunity.js';
import type { Resolvers } from '../generated/graphql.js';
import type { CrmContext } from './context.js';

/** crm resolvers: thin mappings onto the loaders (reads) and the service (writes). */
export const resolvers: Resolvers<CrmContext> = {
  ...sharedResolvers,
  Query: {
    account: (_p, { id }, ctx) => ctx.loaders.account.load(id),
    accounts: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageAccounts(filter ?? {}, page.first, page.afterId));
    },
    contact: (_p, { id }, ctx) => ctx.loaders.contact.load(id),
    contacts: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageContacts(filter ?? {}, page.first, page.afterId));
    },
    opportunity: (_p, { id }, ctx) => ctx.loaders.opportunity.load(id),
    opportunities: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageOpportunities(filter ?? {}, rowFilter(CRM_ROW_POLICY.Opportunity!, ctx.principal), page.first, page.afterId));
    },
    opportunityStages: async (_p, _a, ctx) => (await ctx.loaders.stages()).filter((s) => s.active),
    contract: (_p, { id }, ctx) => ctx.loaders.contract.load(id),
    contracts: async (_p, { first, after, filter }, ctx) => {
      const page = pageArgs(first, after);
      return toConnection(await ctx.repo.pageContracts(filter ?? {}, rowFilter(CRM_ROW_POLICY.Contract!, ctx.principal), page.first, page.afterId));
    },
    contractAmendment: (_p, { id }, ctx) => ctx.loaders.amendment.load(id),
  },
  Mutation: {
    createAccount: (_p, { input }, ctx) => ctx.service.createAccount(input, ctx.invocation),
    updateAccount: (_p, { input }, ctx) => ctx.service.updateAccount(input, input, ctx.invocation),
    createContact: (_p, { input }, ctx) => ctx.service.createContact(input, ctx.invocation),
    updateContact: (_p, { input }, ctx) => ctx.service.updateContact(input, input, ctx.invocation),
    createOpportunity: (_p, { input }, ctx) => ctx.service.createOpportunity({ ...input, amount: moneyFromInput('amount', input.amount) }, ctx.invocation),
    updateOpportunity: (_p, { input }, ctx) =>
      ctx.service.updateOpportunity(input, { ...input, amount: optionalMoney('amount', input.amount) }, ctx.invocation),
    changeOpportunityStage: (_p, { input }, ctx) => ctx.service.changeOpportunityStage(input, input.stageCode, input.lossReason, ctx.invocation),
    winOpportunity: (_p, { input }, ctx) => ctx.service.winOpportunity({ id: input.opportunityId, expectedVersion: input.expectedVersion }, input.projectManagerId ?? null, ctx.invocation),
    linkOpportunityDelivery: (_p, { input }, ctx) =>
      ctx.service.linkDelivery({ id: input.opportunityId }, { projectId: input.projectId, customerFinancialId: input.customerFinancialId, billingScheduleId: input.billingScheduleId ?? null }, ctx.invocation),
    unlinkOpportunityDelivery: (_p, { input }, ctx) => ctx.service.linkDelivery({ id: input.opportunityId }, null, ctx.invocation),
    createContract: (_p, { input }, ctx) =>
      ctx.service.createContract(
        { ...input, originalValue: moneyFromInput('originalValue', input.originalValue), notToExceed: optionalMoney('notToExceed', input.notToExceed) },
        ctx.invocation,
      ),
    updateContract: (_p, { input }, ctx) =>
      ctx.service.updateContract(
        input,
        {
          ...input,
          originalValue: optionalMoney('originalValue', input.originalValue),
          notToExceed: input.notToExceed === undefined ? undefined : optionalMoney('notToExceed', input.notToExceed),
        },
        ctx.invocation,
      ),
    transitionContract: (_p, { input }, ctx) => ctx.service.transitionContract(input, input.action, ctx.invocation),
    createContractAmendment: (_p, { input }, ctx) =>
      ctx.service.createAmendment(input.contractId, { ...input, valueDelta: moneyFromInput('valueDelta', input.valueDelta) }, ctx.invocation),
    transitionContractAmendment: (_p, { input }, ctx) => ctx.service.transitionAmendment(input, input.action, ctx.invocation),
  },
  Account: {
    __resolveReference: (r, ctx) => ctx.loaders.account.load(r.id),
    parentAccount: (a, _args, ctx) => (a.parentAccountId ? ctx.loaders.account.load(a.parentAccountId) : null),
    contacts: (a, _args, ctx) => ctx.loaders.contactsByAccount.load(a.id),
    opportunities: (a, _args, ctx) => ctx.loaders.opportunitiesByAccount.load(a.id),
    contracts: (a, _args, ctx) => ctx.loaders.contractsByAccount.load(a.id),
  },
  Contact: {
    __resolveReference: (r, ctx) => ctx.loaders.contact.load(r.id),
    account: async (c, _args, ctx) => (await ctx.loaders.account.load(c.accountId))!,
  },
  Opportunity: {
    __resolveReference: (r, ctx) => ctx.loaders.opportunity.load(r.id),
    account: async (o, _args, ctx) => (await ctx.loaders.account.load(o.accountId))!,
    stage: async (o, _args, ctx) => stageOf(o, await ctx.loaders.stages()),
    isClosed: async (o, _args, ctx) => stageOf(o, await ctx.loaders.stages()).isClosed,
    isWon: async (o, _args, ctx) => stageOf(o, await ctx.loaders.stages()).isWon,
    contract: (o, _args, ctx) => (o.contractId ? ctx.loaders.contract.load(o.contractId) : null),
    stageHistory: (o, _args, ctx) => ctx.loaders.stageHistoryByOpportunity.load(o.id),
    run: (o) => (o.wonCorrelationId ? { correlationId: o.wonCorrelationId } : null),
    delivery: (o) =>
      o.projectId && o.customerFinancialId && o.deliveryLinkedAt
        ? { projectId: o.projectId, customerFinancialId: o.customerFinancialId, billingScheduleId: o.billingScheduleId, linkedAt: o.deliveryLinkedAt }
        : null,
  },
  Contract: {
    __resolveReference: (r, ctx) => ctx.loaders.contract.load(r.id),
    account: async (c, _args, ctx) => (await ctx.loaders.account.load(c.accountId))!,
    opportunity: (c, _args, ctx) => (c.opportunityId ? ctx.loaders.opportunity.load(c.opportunityId) : null),
    parentContract: (c, _args, ctx) => (c.parentContractId ? ctx.loaders.contract.load(c.parentContractId) : null),
    amendments: (c, _args, ctx) => ctx.loaders.amendmentsByContract.load(c.id),
  },
  ContractAmendment: {
    __resolveReference: (r, ctx) => ctx.loaders.amendment.load(r.id),
    contract: async (a, _args, ctx) => (await ctx.loaders.contract.load(a.contractId))!,
  },
};
