import type DataLoader from 'dataloader';
import type { Principal } from '../../../../platform/auth/principal.js';
import { byIdLoader, groupLoader, scopedByIdLoader, scopedGroupLoader } from '../../../../platform/graphql/loaders.js';
import { CRM_ROW_POLICY as P } from '../auth/row-policy.js';
import type { Account, Contact, Contract, ContractAmendment, Opportunity, OpportunityStage, StageChange } from '../domain/types.js';
import type { CrmRepository } from '../repository/port.js';

/** The per-request DataLoaders of crm: every entity and list lookup goes through one of these. */
export interface CrmLoaders {
  account: DataLoader<string, Account | null>;
  contact: DataLoader<string, Contact | null>;
  opportunity: DataLoader<string, Opportunity | null>;
  contract: DataLoader<string, Contract | null>;
  amendment: DataLoader<string, ContractAmendment | null>;
  contactsByAccount: DataLoader<string, Contact[]>;
  opportunitiesByAccount: DataLoader<string, Opportunity[]>;
  contractsByAccount: DataLoader<string, Contract[]>;
  amendmentsByContract: DataLoader<string, ContractAmendment[]>;
  stageHistoryByOpportunity: DataLoader<string, StageChange[]>;
  /** The stage table, read at most once per request. */
  stages(): Promise<OpportunityStage[]>;
}

/** Builds a fresh loader set for one caller; never share one between requests (it caches what that caller may see). */
export function createCrmLoaders(repo: CrmRepository, principal: Principal): CrmLoaders {
  let stages: Promise<OpportunityStage[]> | undefined;
  return {
    account: byIdLoader((ids) => repo.accountsByIds(ids)),
    contact: byIdLoader((ids) => repo.contactsByIds(ids)),
    opportunity: scopedByIdLoader((ids) => repo.opportunitiesByIds(ids), P.Opportunity!, principal),
    contract: scopedByIdLoader((ids) => repo.contractsByIds(ids), P.Contract!, principal),
    amendment: scopedByIdLoader((ids) => repo.amendmentsByIds(ids), P.ContractAmendment!, principal),
    contactsByAccount: groupLoader((ids) => repo.contactsByAccountIds(ids), (c) => c.accountId),
    opportunitiesByAccount: scopedGroupLoader((ids) => repo.opportunitiesByAccountIds(ids), (o) => o.accountId, P.Opportunity!, principal),
    contractsByAccount: scopedGroupLoader((ids) => repo.contractsByAccountIds(ids), (c) => c.accountId, P.Contract!, principal),
    amendmentsByContract: scopedGroupLoader((ids) => repo.amendmentsByContractIds(ids), (a) => a.contractId, P.ContractAmendment!, principal),
    stageHistoryByOpportunity: groupLoader((ids) => repo.stageHistoryByOpportunityIds(ids), (s) => s.opportunityId),
    stages: () => (stages ??= repo.stages()),
  };
}
