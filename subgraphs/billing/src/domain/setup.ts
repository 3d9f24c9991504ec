import { invalidInput, requireCurrency, requireInt, requireLocalDate, requirePositive } from '../../../../platform/domain/index.js';
import { allocate, type Money } from '../../../../platform/money/money.js';
import { MAX_SCHEDULE_LINES, type BillingScheduleLineInput, type NewBillingSchedule } from './billing-schedule.js';
import { requireCurrencyCode, requireRef } from './inputs.js';
import type { BillingFrequency, BillingScheduleType, RateCard } from './types.js';

/** How a contract is sold and billed (the shared `BillingModel`). */
export type BillingModel = 'TIME_AND_MATERIALS' | 'FIXED_FEE' | 'MILESTONE' | 'RETAINER' | 'NON_BILLABLE';

/** What the set-up flow knows about a won project's billing. */
export interface BillingSetup {
  projectId: string;
  accountId: string;
  contractId: string;
  legalEntityId: string;
  country: string;
  currency: string;
  billingModel: BillingModel;
  contractValue: Money;
  notToExceed?: Money | null;
  paymentTermsDays?: number | null;
  startDate: string;
  endDate: string;
}

/** Tax code of the country of the billing legal entity (standard rates of the firm's home countries). */
const TAX_CODE_BY_COUNTRY: Readonly<Record<string, string>> = { US: 'NONE', CA: 'CA-HST-ON', GB: 'UK-VAT', DE: 'DE-VAT' };

/** The tax code a legal entity of `country` bills with: US → NONE, CA → CA-HST-ON, GB → UK-VAT, DE → DE-VAT, else NONE. */
export function taxCodeForCountry(country: string): string {
  return TAX_CODE_BY_COUNTRY[country] ?? 'NONE';
}

const MODELS: readonly BillingModel[] = ['TIME_AND_MATERIALS', 'FIXED_FEE', 'MILESTONE', 'RETAINER', 'NON_BILLABLE'];

/** Validates a set-up request: references, country, currency of every amount, dates in order. */
export function validateSetup(input: BillingSetup): BillingSetup {
  const currency = requireCurrencyCode('currency', input.currency);
  if (!MODELS.includes(input.billingModel)) throw invalidInput('billingModel', `unknown billing model ${String(input.billingModel)}`);
  if (input.billingModel === 'NON_BILLABLE') throw invalidInput('billingModel', 'a NON_BILLABLE project has no billing to set up');
  if (typeof input.country !== 'string' || !/^[A-Z]{2}$/.test(input.country)) throw invalidInput('country', 'must be an ISO 3166-1 alpha-2 code such as CA');
  const startDate = requireLocalDate('startDate', input.startDate);
  const endDate = requireLocalDate('endDate', input.endDate);
  if (endDate < startDate) throw invalidInput('endDate', `must not be before startDate ${startDate}`);
  return {
    projectId: requireRef('projectId', input.projectId, 'prj'),
    accountId: requireRef('accountId', input.accountId, 'acc'),
    contractId: requireRef('contractId', input.contractId, 'ctr'),
    legalEntityId: requireRef('legalEntityId', input.legalEntityId, 'le'),
    country: input.country,
    currency,
    billingModel: input.billingModel,
    contractValue: requireCurrency('contractValue', requirePositive('contractValue', input.contractValue), currency),
    notToExceed: input.notToExceed ? requireCurrency('notToExceed', requirePositive('notToExceed', input.notToExceed), currency) : null,
    paymentTermsDays: requireInt('paymentTermsDays', input.paymentTermsDays ?? 30, 0, 365),
    startDate,
    endDate,
  };
}

/** Calendar months touched by a period, as `YYYY-MM`, in order. */
export function monthsOf(startDate: string, endDate: string): string[] {
  const out: string[] = [];
  let year = Number(startDate.slice(0, 4));
  let month = Number(startDate.slice(5, 7));
  const last = endDate.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    out.push(label);
    if (label >= last) return out;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** Last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

/**
 * Due date of the monthly instalment of `month` (`YYYY-MM`) in a period from `startDate` to `endDate`: in arrears at the
 * end of the month (the end date in its month); in advance at the start of the month (the start date in its month).
 */
export function instalmentDate(month: string, startDate: string, endDate: string, inArrears: boolean): string {
  if (inArrears) return month === endDate.slice(0, 7) ? endDate : monthEnd(month);
  return month === startDate.slice(0, 7) ? startDate : `${month}-01`;
}

/**
 * Monthly instalments of `total` over the months from `startDate` to `endDate`: equal shares by largest remainder, so
 * they sum exactly to the total. In arrears an instalment falls due at the end of its month (the last one on the end
 * date); in advance at its start (the first one on the start date).
 */
export function monthlyInstalments(total: Money, startDate: string, endDate: string, inArrears: boolean): BillingScheduleLineInput[] {
  const months = monthsOf(startDate, endDate);
  if (months.length > MAX_SCHEDULE_LINES) throw invalidInput('endDate', `the schedule would have ${months.length} monthly lines, more than ${MAX_SCHEDULE_LINES}`);
  const shares = allocate(total, months.map(() => 1n));
  return months.map((month, i) => ({ plannedDate: instalmentDate(month, startDate, endDate, inArrears), milestoneId: null, amount: shares[i] as Money }));
}

/** Schedule type, frequency and timing of each billing model. */
const SHAPE: Readonly<Record<Exclude<BillingModel, 'NON_BILLABLE'>, { type: BillingScheduleType; frequency: BillingFrequency; inArrears: boolean }>> = {
  TIME_AND_MATERIALS: { type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', inArrears: true },
  FIXED_FEE: { type: 'FIXED_FEE_INTERVAL', frequency: 'MONTHLY', inArrears: true },
  RETAINER: { type: 'RETAINER', frequency: 'MONTHLY', inArrears: false },
  MILESTONE: { type: 'MILESTONE', frequency: 'ON_EVENT', inArrears: true },
};

/**
 * The schedule a billing model calls for: time and materials monthly in arrears, billing actuals; fixed fee monthly
 * instalments in arrears; retainer monthly fees in advance; milestone on event, its lines added as milestones are
 * accepted.
 */
export function scheduleForSetup(setup: BillingSetup, rateCardId: string): NewBillingSchedule {
  const model = setup.billingModel as Exclude<BillingModel, 'NON_BILLABLE'>;
  const shape = SHAPE[model];
  const instalments = model === 'FIXED_FEE' || model === 'RETAINER';
  return {
    projectId: setup.projectId,
    accountId: setup.accountId,
    contractId: setup.contractId,
    legalEntityId: setup.legalEntityId,
    type: shape.type,
    frequency: shape.frequency,
    inArrears: shape.inArrears,
    currency: setup.currency,
    notToExceed: setup.notToExceed ?? null,
    billForActuals: model === 'TIME_AND_MATERIALS',
    taxCode: taxCodeForCountry(setup.country),
    paymentTermsDays: setup.paymentTermsDays ?? 30,
    rateCardId,
    lines: instalments ? monthlyInstalments(setup.contractValue, setup.startDate, setup.endDate, shape.inArrears) : [],
  };
}

/**
 * The client's contract rate card: a copy of `template` (the legal entity's card, or the standard card) scoped to the
 * contract, effective from the start of delivery. Rates are copied as they are; negotiation revises the copy later.
 */
export function contractRateCard(template: RateCard, setup: BillingSetup, id: string, now: string, lineId: () => string): RateCard {
  return {
    id,
    version: 1,
    name: `Contract ${setup.contractId} (from ${template.name})`.slice(0, 200),
    scope: 'CONTRACT',
    accountId: setup.accountId,
    contractId: setup.contractId,
    legalEntityId: setup.legalEntityId,
    currency: template.currency,
    unit: template.unit,
    effectiveFrom: setup.startDate,
    effectiveTo: null,
    supersedesId: null,
    lines: template.lines.map((l) => ({ ...l, id: lineId() })),
    updatedAt: now,
  };
}
