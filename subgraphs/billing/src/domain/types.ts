import type { Money } from '../../../../platform/money/money.js';

/** A reference to an entity owned by another subgraph. */
export interface EntityRef {
  id: string;
}

/** A project reference as the gateway sends it, with the fields billing @requires. */
export interface ProjectRef {
  id: string;
  currency?: string;
}

export type RateCardScope = 'STANDARD' | 'LEGAL_ENTITY' | 'ACCOUNT' | 'CONTRACT';
export type RateUnit = 'HOUR' | 'DAY';
export type BillingScheduleType = 'TIME_AND_MATERIALS' | 'FIXED_FEE_INTERVAL' | 'MILESTONE' | 'RETAINER';
export type BillingFrequency = 'WEEKLY' | 'SEMI_MONTHLY' | 'MONTHLY' | 'QUARTERLY' | 'ON_EVENT';
export type BillingScheduleStatus = 'DRAFT' | 'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'CANCELLED';
export type ScheduleLineStatus = 'PLANNED' | 'READY' | 'BILLED' | 'CANCELLED';
export type BillableSource = 'TIME' | 'EXPENSE' | 'MILESTONE' | 'FIXED_FEE' | 'RETAINER' | 'ADJUSTMENT';
export type BillableItemStatus = 'PENDING' | 'READY' | 'ON_HOLD' | 'INVOICED' | 'WRITTEN_OFF' | 'CANCELLED';
export type InvoiceStatus = 'DRAFT' | 'ISSUED' | 'POSTED' | 'VOID';
export type CreditReason = 'BILLING_ERROR' | 'DISCOUNT' | 'DISPUTE' | 'WRITE_OFF' | 'VOID_REPLACEMENT';
export type CreditMemoStatus = 'DRAFT' | 'ISSUED' | 'POSTED' | 'APPLIED' | 'VOID';
export type RoundingMode = 'HALF_EVEN' | 'HALF_UP';

export interface RateCardLine {
  id: string;
  roleCode: string;
  level: string | null;
  region: string | null;
  /** Decimal strings, scale 4. */
  billRate: string;
  costRateHint: string | null;
}

export interface RateCard {
  id: string;
  version: number;
  name: string;
  scope: RateCardScope;
  accountId: string | null;
  contractId: string | null;
  legalEntityId: string | null;
  currency: string;
  unit: RateUnit;
  effectiveFrom: string;
  effectiveTo: string | null;
  supersedesId: string | null;
  lines: RateCardLine[];
  updatedAt: string;
}

export interface BillingScheduleLine {
  id: string;
  plannedDate: string;
  milestoneId: string | null;
  amount: Money;
  status: ScheduleLineStatus;
  billableItemId: string | null;
}

export interface BillingSchedule {
  id: string;
  version: number;
  projectId: string;
  accountId: string;
  contractId: string | null;
  legalEntityId: string;
  type: BillingScheduleType;
  frequency: BillingFrequency;
  inArrears: boolean;
  currency: string;
  notToExceed: Money | null;
  billForActuals: boolean;
  taxCode: string;
  paymentTermsDays: number;
  status: BillingScheduleStatus;
  rateCardId: string | null;
  lines: BillingScheduleLine[];
  updatedAt: string;
}

export interface BillableItem {
  id: string;
  version: number;
  sourceType: BillableSource;
  sourceId: string;
  sourceVersion: number;
  /** `{sourceType}:{sourceId}:{sourceVersion}`, unique. */
  idempotencyKey: string;
  projectId: string;
  accountId: string;
  legalEntityId: string;
  billingScheduleId: string;
  serviceDate: string;
  description: string;
  /** Decimal strings, scale 4. */
  quantity: string;
  unitPrice: string;
  /** round(quantity × unitPrice). */
  amount: Money;
  standardAmount: Money | null;
  status: BillableItemStatus;
  holdReason: string | null;
  writeOffReason: string | null;
  /** Set while on a draft invoice and once invoiced. */
  invoiceId: string | null;
  invoiceLineId: string | null;
  readyAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InvoiceLine {
  id: string;
  /** Invoice or credit memo the line belongs to. */
  documentId: string;
  lineNo: number;
  description: string;
  projectId: string;
  billableItemIds: string[];
  /** Decimal strings, scale 4. */
  quantity: string;
  unitPrice: string;
  netAmount: Money;
  taxCode: string;
  /** Decimal string, scale 4, percent. */
  taxRatePct: string;
  taxAmount: Money;
  /** For credit memo lines: the invoice line credited. */
  creditsLineId: string | null;
}

export interface Invoice {
  id: string;
  version: number;
  number: string | null;
  accountId: string;
  billToContactId: string | null;
  legalEntityId: string;
  billingScheduleId: string | null;
  projectIds: string[];
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  paymentTermsDays: number;
  status: InvoiceStatus;
  roundingMode: RoundingMode;
  subtotal: Money;
  taxTotal: Money;
  total: Money;
  issuedAt: string | null;
  postedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreditMemo {
  id: string;
  version: number;
  number: string | null;
  invoiceId: string;
  legalEntityId: string;
  reason: CreditReason;
  subtotal: Money;
  taxTotal: Money;
  total: Money;
  status: CreditMemoStatus;
  releasesBillableItems: boolean;
  issuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaxCode {
  code: string;
  /** Decimal string, scale 4, percent. */
  ratePct: string;
  description: string;
}

/** The kept outcome of one `recordBillableItems` call (so that a retry with the same idempotency key answers with it). */
export interface BillableItemBatch {
  id: string;
  /** Legal entities of the items recorded or replayed: the batch is visible to callers who may see all of them. */
  legalEntityIds: string[];
  recorded: number;
  replayed: number;
  superseded: number;
  onHold: number;
  /** The item of each input, in input order. */
  itemIds: string[];
  recordedAt: string;
}

/** The kept outcome of one billing run of a schedule. */
export interface BillingRun {
  id: string;
  billingScheduleId: string;
  projectId: string;
  legalEntityId: string;
  throughDate: string;
  autoIssue: boolean;
  invoiceIds: string[];
  itemsInvoiced: number;
  itemsHeld: number;
  linesReleased: number;
  ranAt: string;
}

/**
 * A contract amendment applied to a billing schedule: its terms (the amendment id is the natural key within the
 * schedule, so an amendment is applied once) and what it changed.
 */
export interface ScheduleAmendment {
  id: string;
  billingScheduleId: string;
  /** The crm contract amendment (`amd_…`). */
  amendmentId: string;
  effectiveDate: string;
  /** Change of the contract value, in the schedule currency (may be negative or zero). */
  contractValueDelta: Money;
  /** The new cap, when the amendment replaced it. */
  notToExceed: Money | null;
  /** The new last day of delivery, when the amendment moved it. */
  endDate: string | null;
  /** Version of the schedule the amendment produced. */
  scheduleVersion: number;
  linesCancelled: number;
  linesCreated: number;
  appliedAt: string;
}

/** A distribution of durations in days (decimal strings with 2 places; null when there is no observation). */
export interface DurationStats {
  count: number;
  medianDays: string | null;
  p90Days: string | null;
  meanDays: string | null;
}
