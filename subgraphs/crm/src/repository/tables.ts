import { Table } from '../../../../platform/db/index.js';
import type { Account, Contact, Contract, ContractAmendment, Opportunity, OpportunityStage, StageChange } from '../domain/types.js';

export const accounts = new Table<Account>({
  table: 'accounts',
  fields: {
    id: 'text', version: 'int', name: 'text', legalName: 'text?', type: 'text', industry: 'text?', parentAccountId: 'text?',
    billingAddress: 'jsonb?', defaultCurrency: 'text?', ownerUserId: 'text', externalRefs: 'jsonb', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const contacts = new Table<Contact>({
  table: 'contacts',
  fields: {
    id: 'text', version: 'int', accountId: 'text', firstName: 'text', lastName: 'text', email: 'text?', phone: 'text?', title: 'text?',
    roles: 'jsonb', updatedAt: 'timestamptz',
  },
});

export const stages = new Table<OpportunityStage>({
  table: 'opportunity_stages',
  fields: { code: 'text', label: 'text', sortOrder: 'int', isClosed: 'boolean', isWon: 'boolean', defaultProbability: 'int', forecastCategory: 'text', active: 'boolean' },
});

export const opportunities = new Table<Opportunity>({
  table: 'opportunities',
  fields: {
    id: 'text', version: 'int', accountId: 'text', name: 'text', stageCode: 'text', probability: 'int', forecastCategory: 'text',
    amount: 'money', expectedCloseDate: 'date', closedAt: 'timestamptz?', closedWonAt: 'timestamptz?', lossReason: 'text?',
    pricingModel: 'text', legalEntityId: 'text', expectedStartDate: 'date?', contractId: 'text?', ownerUserId: 'text',
    wonCorrelationId: 'text?', projectId: 'text?', customerFinancialId: 'text?', billingScheduleId: 'text?', deliveryLinkedAt: 'timestamptz?',
    createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const stageHistory = new Table<StageChange>({
  table: 'opportunity_stage_history',
  fields: { id: 'text', opportunityId: 'text', fromStageCode: 'text?', toStageCode: 'text', amount: 'money', changedAt: 'timestamptz', changedBy: 'text' },
});

export const contracts = new Table<Contract>({
  table: 'contracts',
  fields: {
    id: 'text', version: 'int', accountId: 'text', opportunityId: 'text?', kind: 'text', parentContractId: 'text?', status: 'text',
    legalEntityId: 'text', startDate: 'date', endDate: 'date?', currency: 'text', billingModel: 'text', notToExceed: 'money?',
    paymentTermsDays: 'int', originalValue: 'money', totalContractValue: 'money', signedAt: 'timestamptz?', activatedAt: 'timestamptz?',
    createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});

export const amendments = new Table<ContractAmendment>({
  table: 'contract_amendments',
  fields: {
    id: 'text', version: 'int', contractId: 'text', legalEntityId: 'text', sequence: 'int', status: 'text', effectiveDate: 'date', valueDelta: 'money',
    rateChanges: 'jsonb', description: 'text', changeRequestId: 'text?', executedAt: 'timestamptz?', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  },
});
