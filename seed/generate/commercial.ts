import { addDays, periodOf } from '../../platform/domain/dates.js';
import { allocate, money, type Money } from '../../platform/money/money.js';
import { Decimal, formatDecimal } from '../../platform/money/decimal.js';
import type * as Billing from '../../subgraphs/billing/src/domain/types.js';
import type * as Finance from '../../subgraphs/finance/src/domain/types.js';
import type * as Psa from '../../subgraphs/projects/src/domain/types.js';
import type { SeedProfile } from '../profiles.js';
import type { SeededRandom } from '../random.js';
import { LEVELS, ROLES } from '../world.js';
import { at, monthEnd, monthsBetween } from './calendar.js';
import type { Dataset, Engagement, SeededLegalEntity } from './dataset.js';
import { standardRate } from './firm.js';

const CURRENCY_NAMES: Record<string, string> = { USD: 'US dollar', CAD: 'Canadian dollar', EUR: 'Euro' };

/** Legal entities as the ERP records them. */
export function financeLegalEntities(les: readonly SeededLegalEntity[]): Finance.LegalEntity[] {
  return les.map((le) => ({ id: le.id, name: le.name, country: le.country, functionalCurrency: le.currency, taxId: le.taxId, fiscalYearStartMonth: 1, invoiceNumberPrefix: le.invoicePrefix }));
}

/**
 * Daily SPOT rates for the pairs the firm trades in: CAD→USD as a bounded random walk around 0.73, EUR→USD around
 * 1.08, EUR→CAD around 1.48. The ledger derives the inverse pairs.
 */
export function exchangeRates(rnd: SeededRandom, from: string, to: string): Finance.ExchangeRate[] {
  const pairs: Array<{ from: string; to: string; level: Decimal; min: string; max: string }> = [
    { from: 'CAD', to: 'USD', level: new Decimal('0.7300'), min: '0.7000', max: '0.7600' },
    { from: 'EUR', to: 'USD', level: new Decimal('1.0800'), min: '1.0400', max: '1.1200' },
    { from: 'EUR', to: 'CAD', level: new Decimal('1.4800'), min: '1.4300', max: '1.5300' },
  ];
  const out: Finance.ExchangeRate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const p of pairs) {
      const step = new Decimal(rnd.int(-30, 30)).dividedBy(10_000);
      p.level = Decimal.min(Decimal.max(p.level.plus(step), p.min), p.max);
      out.push({ id: rnd.id('fx'), from: p.from, to: p.to, rateDate: d, rateType: 'SPOT', rate: formatDecimal(p.level, 10), source: 'seed:ecb-like' });
    }
  }
  return out;
}

/** Rate cards: one standard card per legal entity, and negotiated cards for the biggest clients. */
export function rateCards(rnd: SeededRandom, profile: SeedProfile, ds: Dataset): Billing.RateCard[] {
  const cards: Billing.RateCard[] = [];
  const from = addDays(ds.historyStart, -365);
  for (const le of ds.legalEntities) {
    const lines: Billing.RateCardLine[] = [];
    for (const role of ROLES) for (const level of LEVELS) for (const region of le.regions) {
      lines.push({ id: rnd.id('rcl'), roleCode: role.code, level, region, billRate: standardRate(role, level, le), costRateHint: null });
    }
    cards.push({ id: rnd.id('rc'), version: 1, name: `${le.name} standard rates`, scope: 'LEGAL_ENTITY', accountId: null, contractId: null, legalEntityId: le.id, currency: le.currency, unit: 'HOUR', effectiveFrom: from, effectiveTo: null, supersedesId: null, lines, updatedAt: at(from, 9) });
  }
  const customers = ds.crm.accounts.filter((a) => a.type === 'CUSTOMER').slice(0, profile.clientRateCards);
  for (const account of customers) {
    const le = ds.legalEntities.find((l) => l.currency === account.defaultCurrency) ?? (ds.legalEntities[0] as SeededLegalEntity);
    const discount = new Decimal(rnd.int(5, 15)).dividedBy(100);
    const lines = rnd.sample(ROLES, 8).flatMap((role) => LEVELS.slice(0, 2).map((level) => ({
      id: rnd.id('rcl'), roleCode: role.code, level, region: null,
      billRate: formatDecimal(new Decimal(standardRate(role, level, le)).times(new Decimal(1).minus(discount)).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), 4), costRateHint: null,
    })));
    cards.push({ id: rnd.id('rc'), version: 1, name: `${account.name} negotiated rates`, scope: 'ACCOUNT', accountId: account.id, contractId: null, legalEntityId: null, currency: le.currency, unit: 'HOUR', effectiveFrom: from, effectiveTo: null, supersedesId: null, lines, updatedAt: at(from, 9) });
  }
  return cards;
}

function scheduleType(model: Psa.BillingModel): Billing.BillingScheduleType {
  switch (model) {
    case 'FIXED_FEE': return 'FIXED_FEE_INTERVAL';
    case 'MILESTONE': return 'MILESTONE';
    case 'RETAINER': return 'RETAINER';
    default: return 'TIME_AND_MATERIALS';
  }
}

/**
 * For every billable project: its billing schedule (ACTIVE), the ERP customer, the revenue schedule (ACTIVE, method by
 * billing model) and the engagement facts the billing history is played from.
 */
export function engagementsSetUp(rnd: SeededRandom, ds: Dataset): void {
  const customers = new Map<string, Finance.CustomerFinancial>();
  const counters = new Map<string, number>();
  for (const project of ds.projects.projects) {
    const contract = ds.crm.contracts.find((c) => c.id === project.contractId);
    const le = ds.legalEntities.find((l) => l.id === project.legalEntityId) as SeededLegalEntity;
    const key = `${project.accountId}|${le.id}`;
    if (!customers.has(key)) {
      const n = (counters.get(le.id) ?? 0) + 1;
      counters.set(le.id, n);
      const created = project.createdAt;
      customers.set(key, {
        id: rnd.id('cf'), version: 1, crmAccountId: project.accountId, legalEntityId: le.id, customerNumber: `C${String(n).padStart(6, '0')}`,
        currency: project.currency, paymentTermsDays: contract?.paymentTermsDays ?? 30, creditLimit: null, taxId: null, status: 'ACTIVE', updatedAt: created,
      });
    }
    const billToContactId = ds.crm.contacts.find((c) => c.accountId === project.accountId && c.roles.includes('BILLING'))?.id as string;
    const engagement: Engagement = {
      projectId: project.id, accountId: project.accountId, legalEntityId: le.id, currency: project.currency, billingModel: project.billingModel,
      scheduleId: null, revenueScheduleId: null, billToContactId, invoiceLagDays: rnd.int(0, 6),
      paymentBehaviourDays: rnd.weighted([[-5, 2], [0, 3], [7, 3], [20, 2], [45, 1]] as const) + rnd.int(-3, 3), partialPayer: rnd.chance(0.1),
    };
    ds.engagements.push(engagement);
    if (project.billingModel === 'NON_BILLABLE' || !contract) continue;

    const months = monthsBetween(project.startDate, project.endDate ?? project.startDate);
    const value = contract.originalValue;
    let lines: Billing.BillingScheduleLine[] = [];
    if (project.billingModel === 'FIXED_FEE' || project.billingModel === 'RETAINER') {
      const parts = allocate(value, months.map(() => 1n));
      lines = months.map((m, i) => ({ id: rnd.id('bsl'), plannedDate: monthEnd(m), milestoneId: null, amount: parts[i] as Money, status: 'PLANNED' as const, billableItemId: null }));
    } else if (project.billingModel === 'MILESTONE') {
      lines = ds.projects.milestones.filter((m) => m.projectId === project.id && m.billingAmount).map((m) => ({
        id: rnd.id('bsl'), plannedDate: m.dueDate, milestoneId: m.id, amount: m.billingAmount as Money, status: 'PLANNED' as const, billableItemId: null,
      }));
    }
    const schedule: Billing.BillingSchedule = {
      id: rnd.id('bs'), version: 2, projectId: project.id, accountId: project.accountId, contractId: contract.id, legalEntityId: le.id,
      type: scheduleType(project.billingModel), frequency: project.billingModel === 'MILESTONE' ? 'ON_EVENT' : 'MONTHLY', inArrears: true,
      currency: project.currency, notToExceed: contract.notToExceed, billForActuals: project.billingModel === 'TIME_AND_MATERIALS',
      taxCode: rnd.weighted(le.taxCodes), paymentTermsDays: contract.paymentTermsDays, status: 'ACTIVE',
      rateCardId: ds.billing.rateCards.find((c) => c.scope === 'ACCOUNT' && c.accountId === project.accountId && c.currency === project.currency)?.id
        ?? ds.billing.rateCards.find((c) => c.scope === 'LEGAL_ENTITY' && c.legalEntityId === le.id && c.currency === project.currency)?.id ?? null,
      lines, updatedAt: project.activatedAt ?? project.createdAt,
    };
    ds.billing.schedules.push(schedule);
    engagement.scheduleId = schedule.id;
    const opportunity = ds.crm.opportunities.find((o) => o.id === project.opportunityId);
    if (opportunity) {
      opportunity.customerFinancialId = (customers.get(key) as Finance.CustomerFinancial).id;
      opportunity.billingScheduleId = schedule.id;
      opportunity.deliveryLinkedAt = project.activatedAt;
    }

    const method: Finance.RevRecMethod = project.billingModel === 'TIME_AND_MATERIALS' ? 'AS_INVOICED' : project.billingModel === 'MILESTONE' ? 'MILESTONE' : 'STRAIGHT_LINE';
    const revenueSchedule: Finance.RevenueSchedule = {
      id: rnd.id('rs'), version: 2, contractId: contract.id, projectId: project.id, legalEntityId: le.id,
      performanceObligation: project.billingModel === 'RETAINER' ? 'Retained advisory capacity' : 'Professional services', method,
      allocatedAmount: contract.totalContractValue, status: 'ACTIVE', createdAt: project.activatedAt ?? project.createdAt, updatedAt: project.activatedAt ?? project.createdAt,
    };
    ds.finance.revenueSchedules.push(revenueSchedule);
    engagement.revenueScheduleId = revenueSchedule.id;
    const planned: Array<{ period: string; amount: Money; milestoneId: string | null }> = [];
    if (method === 'STRAIGHT_LINE') {
      const parts = allocate(contract.totalContractValue, months.map(() => 1n));
      months.forEach((m, i) => planned.push({ period: periodOf(m), amount: parts[i] as Money, milestoneId: null }));
    } else if (method === 'MILESTONE') {
      const ms = ds.projects.milestones.filter((m) => m.projectId === project.id && m.billingAmount);
      const sum = ms.reduce((s, m) => s + (m.billingAmount as Money).amountMinor, 0n);
      // Amendments raise the allocated price: spread the difference over the milestones by their weight.
      const parts = sum > 0n ? allocate(contract.totalContractValue, ms.map((m) => (m.billingAmount as Money).amountMinor)) : [];
      ms.forEach((m, i) => planned.push({ period: periodOf(m.dueDate), amount: parts[i] as Money, milestoneId: m.id }));
    }
    const zero = money(0n, project.currency);
    for (const p of planned) {
      ds.finance.revenueLines.push({ id: rnd.id('rsl'), revenueScheduleId: revenueSchedule.id, period: p.period, plannedAmount: p.amount, recognizedAmount: zero, status: 'PLANNED', milestoneId: p.milestoneId, journalEntryId: null });
    }
  }
  ds.finance.customers = [...customers.values()];
}
