import type { Money } from '../../../../platform/money/money.js';

/** A reference to an entity owned by another subgraph. */
export interface EntityRef {
  id: string;
}

/** A project reference as the gateway sends it, with the fields finance @requires. */
export interface ProjectRef {
  id: string;
  currency?: string;
  /** Absent or null when projects withholds it (the caller may not see costs). */
  actualCost?: { amountMinor: string; currency: string } | null;
  marginThresholdPct?: string | null;
}

export type RateType = 'SPOT' | 'MONTH_AVERAGE' | 'MONTH_END' | 'HISTORICAL';
export type CustomerFinancialStatus = 'ACTIVE' | 'CREDIT_HOLD' | 'BLOCKED' | 'INACTIVE';
export type ReceivableStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID' | 'CREDITED' | 'WRITTEN_OFF' | 'VOID';
export type ApplicationKind = 'PAYMENT' | 'CREDIT_MEMO';
export type PaymentMethod = 'BANK_TRANSFER' | 'CARD' | 'CHECK' | 'DIRECT_DEBIT' | 'OTHER';
export type PaymentStatus = 'RECEIVED' | 'PARTIALLY_APPLIED' | 'APPLIED' | 'REVERSED';
export type JournalSource = 'INVOICE' | 'CREDIT_MEMO' | 'PAYMENT' | 'REVENUE_RECOGNITION' | 'REVERSAL' | 'MANUAL';
export type JournalStatus = 'POSTED' | 'REVERSED';
export type RevRecMethod = 'AS_INVOICED' | 'MILESTONE' | 'COST_TO_COST' | 'STRAIGHT_LINE';
export type RevenueScheduleStatus = 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
export type RevenueLineStatus = 'PLANNED' | 'RECOGNIZED';
export type InvoicePaymentStatus =
  | 'NOT_DUE_UNPAID' | 'OVERDUE' | 'PARTIALLY_PAID' | 'PAID' | 'CREDITED' | 'PARTIALLY_CREDITED' | 'WRITTEN_OFF' | 'VOID';

export interface LegalEntity {
  id: string;
  name: string;
  country: string;
  functionalCurrency: string;
  taxId: string | null;
  fiscalYearStartMonth: number;
  invoiceNumberPrefix: string;
}

export interface CurrencyInfo {
  code: string;
  minorUnit: number;
  name: string;
}

export interface ExchangeRate {
  id: string;
  from: string;
  to: string;
  rateDate: string;
  rateType: RateType;
  /** Decimal string, scale 10. */
  rate: string;
  source: string;
}

export interface CustomerFinancial {
  id: string;
  version: number;
  crmAccountId: string;
  legalEntityId: string;
  customerNumber: string;
  currency: string;
  paymentTermsDays: number;
  creditLimit: Money | null;
  taxId: string | null;
  status: CustomerFinancialStatus;
  updatedAt: string;
}

export interface Receivable {
  id: string;
  version: number;
  documentType: 'INVOICE';
  invoiceId: string;
  invoiceNumber: string;
  customerFinancialId: string;
  legalEntityId: string;
  projectIds: string[];
  currency: string;
  originalAmount: Money;
  openAmount: Money;
  /** In the legal entity's functional currency at the invoice-date rate. */
  functionalOriginal: Money;
  /** Functional carrying amount still open; goes to exactly zero when the receivable is settled. */
  functionalOpen: Money;
  /** Decimal string, scale 10. */
  fxRate: string;
  documentDate: string;
  dueDate: string;
  status: ReceivableStatus;
  closedAt: string | null;
  journalEntryId: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReceivableApplication {
  id: string;
  receivableId: string;
  kind: ApplicationKind;
  /** Payment id or credit memo id. */
  sourceId: string;
  appliedAmount: Money;
  /** Functional carrying amount the application removed from the receivable. */
  functionalApplied: Money;
  appliedOn: string;
  fxGainLoss: Money | null;
  reversedAt: string | null;
  createdAt: string;
}

export interface Payment {
  id: string;
  version: number;
  customerFinancialId: string;
  legalEntityId: string;
  receivedDate: string;
  amount: Money;
  functionalAmount: Money;
  fxRate: string;
  method: PaymentMethod;
  bankReference: string | null;
  status: PaymentStatus;
  unappliedAmount: Money;
  journalEntryId: string | null;
  reversedAt: string | null;
  reversalReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JournalLine {
  id: string;
  journalEntryId: string;
  lineNo: number;
  accountCode: string;
  /** Functional currency; exactly one of debit and credit is non-zero. */
  debit: Money;
  credit: Money;
  /** Same side as the functional amount, in the transaction currency, when it differs or matters (revenue). */
  transactionAmount: Money | null;
  projectId: string | null;
  customerFinancialId: string | null;
  memo: string | null;
}

export interface JournalEntry {
  id: string;
  legalEntityId: string;
  number: string;
  postingDate: string;
  period: string;
  sourceType: JournalSource;
  sourceId: string;
  status: JournalStatus;
  reversalOfId: string | null;
  description: string;
  currency: string;
  /**
   * SHA-256 of the canonical posting input of the source document (invoices, credit memos), so a replay can be
   * told apart from a different document reusing the same id; null for entries without a document payload.
   */
  sourceDigest: string | null;
  totalDebit: Money;
  totalCredit: Money;
  createdAt: string;
}

export interface RevenueScheduleLine {
  id: string;
  revenueScheduleId: string;
  period: string;
  plannedAmount: Money;
  recognizedAmount: Money;
  status: RevenueLineStatus;
  milestoneId: string | null;
  journalEntryId: string | null;
}

export interface RevenueSchedule {
  id: string;
  version: number;
  contractId: string | null;
  projectId: string;
  legalEntityId: string;
  performanceObligation: string;
  method: RevRecMethod;
  allocatedAmount: Money;
  status: RevenueScheduleStatus;
  createdAt: string;
  updatedAt: string;
}

/** A contract modification applied to a revenue schedule (the history of its allocated amount). */
export interface RevenueScheduleModification {
  id: string;
  revenueScheduleId: string;
  projectId: string;
  /** The contract amendment behind it, when given: the modification's natural key within the project. */
  amendmentId: string | null;
  delta: Money;
  effectiveDate: string;
  /** Schedule version the modification produced. */
  scheduleVersion: number;
  createdAt: string;
}

/** A project's margin to date. */
export interface Margin {
  revenue: Money;
  cost: Money;
  amount: Money;
  percent: string | null;
  belowThreshold: boolean | null;
}
