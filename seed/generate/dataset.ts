import type * as Crm from '../../subgraphs/crm/src/domain/types.js';
import type * as Psa from '../../subgraphs/projects/src/domain/types.js';
import type * as Billing from '../../subgraphs/billing/src/domain/types.js';
import type * as Finance from '../../subgraphs/finance/src/domain/types.js';
import type { LegalEntitySeed } from '../world.js';

/** A legal entity of the dataset with its generated id. */
export interface SeededLegalEntity extends LegalEntitySeed {
  id: string;
}

/** Everything the generator decides up front; the billing and ledger history is then played through the services. */
export interface Dataset {
  asOf: string;
  historyStart: string;
  legalEntities: SeededLegalEntity[];
  crm: {
    accounts: Crm.Account[];
    contacts: Crm.Contact[];
    opportunities: Crm.Opportunity[];
    stageHistory: Crm.StageChange[];
    contracts: Crm.Contract[];
    amendments: Crm.ContractAmendment[];
  };
  projects: {
    projects: Psa.Project[];
    tasks: Psa.Task[];
    resources: Psa.Resource[];
    assignments: Psa.Assignment[];
    timeEntries: Psa.TimeEntry[];
    expenses: Psa.ExpenseEntry[];
    milestones: Psa.Milestone[];
  };
  billing: {
    rateCards: Billing.RateCard[];
    schedules: Billing.BillingSchedule[];
    items: Billing.BillableItem[];
  };
  finance: {
    legalEntities: Finance.LegalEntity[];
    exchangeRates: Finance.ExchangeRate[];
    customers: Finance.CustomerFinancial[];
    revenueSchedules: Finance.RevenueSchedule[];
    revenueLines: Finance.RevenueScheduleLine[];
  };
  /** Per engagement, what the history simulation needs. */
  engagements: Engagement[];
}

/** One won deal delivered as a project, with the facts the billing history is played from. */
export interface Engagement {
  projectId: string;
  accountId: string;
  legalEntityId: string;
  currency: string;
  billingModel: Psa.BillingModel;
  scheduleId: string | null;
  revenueScheduleId: string | null;
  billToContactId: string;
  /** Invoice lag in days after month end (per client habit). */
  invoiceLagDays: number;
  /** Days after the due date the client usually pays (negative = early). */
  paymentBehaviourDays: number;
  /** Probability the client pays in two instalments. */
  partialPayer: boolean;
}
