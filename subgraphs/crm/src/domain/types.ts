import type { Money } from '../../../../platform/money/money.js';

/** Account relationship kinds. */
export type AccountType = 'PROSPECT' | 'CUSTOMER' | 'PARTNER' | 'FORMER_CUSTOMER';
/** Billing models (shared with the other systems). */
export type BillingModel = 'TIME_AND_MATERIALS' | 'FIXED_FEE' | 'MILESTONE' | 'RETAINER' | 'NON_BILLABLE';
export type ContactRole = 'BILLING' | 'DECISION_MAKER' | 'SPONSOR' | 'TECHNICAL';
export type ForecastCategory = 'PIPELINE' | 'BEST_CASE' | 'COMMIT' | 'CLOSED' | 'OMITTED';
export type ContractKind = 'MSA' | 'SOW' | 'RETAINER';
export type ContractStatus = 'DRAFT' | 'IN_APPROVAL' | 'ACTIVATED' | 'EXPIRED' | 'TERMINATED';
export type AmendmentStatus = 'DRAFT' | 'IN_APPROVAL' | 'EXECUTED' | 'REJECTED' | 'WITHDRAWN';

export interface Address {
  lines: string[];
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
}

export interface ExternalRef {
  system: string;
  externalId: string;
}

export interface Account {
  id: string;
  version: number;
  name: string;
  legalName: string | null;
  type: AccountType;
  industry: string | null;
  parentAccountId: string | null;
  billingAddress: Address | null;
  defaultCurrency: string | null;
  ownerUserId: string;
  externalRefs: ExternalRef[];
  createdAt: string;
  updatedAt: string;
}

export interface Contact {
  id: string;
  version: number;
  accountId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  roles: ContactRole[];
  updatedAt: string;
}

export interface OpportunityStage {
  code: string;
  label: string;
  sortOrder: number;
  isClosed: boolean;
  isWon: boolean;
  defaultProbability: number;
  forecastCategory: ForecastCategory;
  active: boolean;
}

export interface Opportunity {
  id: string;
  version: number;
  accountId: string;
  name: string;
  stageCode: string;
  probability: number;
  forecastCategory: ForecastCategory;
  amount: Money;
  expectedCloseDate: string;
  closedAt: string | null;
  closedWonAt: string | null;
  lossReason: string | null;
  pricingModel: BillingModel;
  legalEntityId: string;
  expectedStartDate: string | null;
  contractId: string | null;
  ownerUserId: string;
  /** Correlation id of the request that won it: the id of the set-up flow across the systems. */
  wonCorrelationId: string | null;
  /** Delivery records the set-up flow linked back (PSA project, ERP customer, billing schedule). */
  projectId: string | null;
  customerFinancialId: string | null;
  billingScheduleId: string | null;
  deliveryLinkedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StageChange {
  id: string;
  opportunityId: string;
  fromStageCode: string | null;
  toStageCode: string;
  amount: Money;
  changedAt: string;
  changedBy: string;
}

export interface Contract {
  id: string;
  version: number;
  accountId: string;
  opportunityId: string | null;
  kind: ContractKind;
  parentContractId: string | null;
  status: ContractStatus;
  legalEntityId: string;
  startDate: string;
  endDate: string | null;
  currency: string;
  billingModel: BillingModel;
  notToExceed: Money | null;
  paymentTermsDays: number;
  originalValue: Money;
  totalContractValue: Money;
  signedAt: string | null;
  activatedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RateChange {
  roleCode: string;
  level: string | null;
  billRate: string;
}

export interface ContractAmendment {
  id: string;
  version: number;
  contractId: string;
  /** The contract's legal entity (amendments are scoped like their contract). */
  legalEntityId: string;
  sequence: number;
  status: AmendmentStatus;
  effectiveDate: string;
  valueDelta: Money;
  rateChanges: RateChange[];
  description: string;
  changeRequestId: string | null;
  executedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
