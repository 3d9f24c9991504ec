import { addDays, daysBetween } from '../../platform/domain/dates.js';
import { allocate, lineAmount, money, multiply, roundToMoney, type Money } from '../../platform/money/money.js';
import { Decimal, formatDecimal } from '../../platform/money/decimal.js';
import { hoursFromMinutes } from '../../platform/money/quantity.js';
import type * as Crm from '../../subgraphs/crm/src/domain/types.js';
import type * as Psa from '../../subgraphs/projects/src/domain/types.js';
import type { SeedProfile } from '../profiles.js';
import type { SeededRandom } from '../random.js';
import {
  ACCOUNT_NAMES, ACCOUNT_SUFFIXES, CAD_RATE_FACTOR, ENGAGEMENT_KINDS, EXPENSE_CATEGORIES, FIRST_NAMES, INDUSTRIES, LAST_NAMES,
  LEGAL_ENTITIES, LEVELS, PHASES, ROLES, type RoleSeed,
} from '../world.js';
import { at, monthsBetween, weekday, weeksBetween } from './calendar.js';
import type { Dataset, SeededLegalEntity } from './dataset.js';

/** Standard hourly bill rate of a role and level in a legal entity's currency, scale 4. */
export function standardRate(role: RoleSeed, level: string, le: SeededLegalEntity): string {
  const steps = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  let rate = new Decimal(role.baseRateUsd).times(new Decimal('1.15').pow(steps));
  if (le.currency === 'CAD') rate = rate.times(CAD_RATE_FACTOR);
  return formatDecimal(rate.toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN), 4);
}

const OPEN_STAGES = ['PROSPECTING', 'QUALIFICATION', 'NEEDS_ANALYSIS', 'VALUE_PROPOSITION', 'PROPOSAL', 'NEGOTIATION'];
const STAGE_PROBABILITY: Record<string, [number, Crm.ForecastCategory]> = {
  PROSPECTING: [10, 'PIPELINE'], QUALIFICATION: [10, 'PIPELINE'], NEEDS_ANALYSIS: [20, 'PIPELINE'], VALUE_PROPOSITION: [50, 'PIPELINE'],
  PROPOSAL: [75, 'BEST_CASE'], NEGOTIATION: [90, 'COMMIT'], CLOSED_WON: [100, 'CLOSED'], CLOSED_LOST: [0, 'OMITTED'],
};

/** Internal plan of one engagement while the firm is being generated. */
interface Plan {
  project: Psa.Project;
  assignments: Psa.Assignment[];
  costMultiplier: string;
}

/**
 * Generates the firm's master data and delivery history: accounts, contacts, opportunities with stage history,
 * contracts and amendments (crm); resources, projects, WBS, assignments, time, expenses and milestones (projects).
 * Every figure is exact and derived the way the systems derive it (rates snapshotted at approval, amounts rounded
 * per entry with the same functions the subgraphs use).
 */
export function generateFirm(rnd: SeededRandom, profile: SeedProfile, asOf: string, ds: Dataset, marginAnomalies: number): Plan[] {
  const historyStart = ds.historyStart;
  const les = ds.legalEntities;
  const leWeights = les.map((le) => [le, le.key === 'US' ? 7 : 3] as const);

  // Resources: consultants of every role and level, plus non-billable staff.
  const resources: Psa.Resource[] = [];
  for (let i = 0; i < profile.consultants + profile.staff; i += 1) {
    const le = rnd.weighted(leWeights);
    const billable = i < profile.consultants;
    const role = billable ? rnd.pick(ROLES) : rnd.pick(ROLES.filter((r) => r.code === 'PROJECT_MANAGER' || r.code === 'ANALYST'));
    const level = rnd.weighted([['L1', 3], ['L2', 4], ['L3', 3], ['L4', 1]] as const);
    const costShare = new Decimal(rnd.int(42, 58)).dividedBy(100);
    const costRate = formatDecimal(new Decimal(standardRate(role, level, le)).times(costShare).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), 4);
    resources.push({
      id: rnd.id('res'), version: 1, employeeNumber: `${le.key}${String(1000 + i)}`,
      displayName: `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`, roleCode: role.code, level, region: rnd.pick(le.regions),
      practice: rnd.pick(['Strategy', 'Technology', 'Data', 'Operations']), legalEntityId: le.id,
      employmentType: rnd.chance(0.12) ? 'CONTRACTOR' : 'EMPLOYEE', weeklyCapacityMinutes: 2400,
      utilizationTargetPct: billable ? '75.00' : '0.00',
      costRates: [{ effectiveFrom: addDays(historyStart, -365), rate: costRate, currency: le.currency }],
      active: true, updatedAt: at(addDays(historyStart, -365), 9),
    });
  }
  ds.projects.resources = resources;
  const consultantsByLe = new Map(les.map((le) => [le.id, resources.filter((r, i) => r.legalEntityId === le.id && i < profile.consultants)]));
  const managersByLe = new Map(les.map((le) => [le.id, resources.filter((r) => r.legalEntityId === le.id && (r.roleCode === 'PROJECT_MANAGER' || r.roleCode === 'MANAGER'))]));

  // Accounts and contacts.
  const accounts: Crm.Account[] = [];
  for (let i = 0; i < profile.accounts; i += 1) {
    const base = ACCOUNT_NAMES[i % ACCOUNT_NAMES.length] as string;
    const suffix = i < ACCOUNT_NAMES.length ? '' : (ACCOUNT_SUFFIXES[Math.floor(i / ACCOUNT_NAMES.length) % ACCOUNT_SUFFIXES.length] as string) || ` ${Math.floor(i / ACCOUNT_NAMES.length)}`;
    const created = at(addDays(historyStart, -rnd.int(90, 900)), 10);
    accounts.push({
      id: rnd.id('acc'), version: 1, name: `${base}${suffix}`, legalName: `${base}${suffix} LLC`, type: 'PROSPECT',
      industry: rnd.pick(INDUSTRIES), parentAccountId: null,
      billingAddress: { lines: [`${rnd.int(1, 999)} ${rnd.pick(['Market', 'King', 'Main', 'Harbour', 'Bay'])} Street`], city: rnd.pick(['New York', 'Toronto', 'Chicago', 'Montreal', 'Boston']), region: null, postalCode: String(rnd.int(10000, 99999)), country: rnd.pick(['US', 'CA']) },
      defaultCurrency: null, ownerUserId: `usr_sales_${rnd.int(1, 8)}`, externalRefs: [{ system: 'salesforce', externalId: `001${String(rnd.int(1e6, 9e6))}` }],
      createdAt: created, updatedAt: created,
    });
    const contactCount = rnd.int(profile.contactsPerAccount[0], profile.contactsPerAccount[1]);
    for (let c = 0; c < contactCount; c += 1) {
      const first = rnd.pick(FIRST_NAMES);
      const last = rnd.pick(LAST_NAMES);
      ds.crm.contacts.push({
        id: rnd.id('con'), version: 1, accountId: accounts[i]!.id, firstName: first, lastName: last,
        email: `${first}.${last}${c}@example.com`.toLowerCase(), phone: null, title: c === 0 ? 'Finance Director' : rnd.pick(['CIO', 'Programme Lead', 'Head of Operations', 'Product Owner']),
        roles: c === 0 ? ['BILLING', 'DECISION_MAKER'] : [rnd.pick(['SPONSOR', 'TECHNICAL', 'DECISION_MAKER'] as const)], updatedAt: created,
      });
    }
  }
  ds.crm.accounts = accounts;
  const billingContact = new Map<string, string>();
  for (const c of ds.crm.contacts) if (c.roles.includes('BILLING') && !billingContact.has(c.accountId)) billingContact.set(c.accountId, c.id);

  // Won opportunities become engagements; the rest are open or lost pipeline.
  const plans: Plan[] = [];
  const windowDays = daysBetween(historyStart, asOf);
  for (let i = 0; i < profile.opportunities; i += 1) {
    const account = accounts[i < profile.wonOpportunities ? i % accounts.length : rnd.int(0, accounts.length - 1)] as Crm.Account;
    const le = rnd.weighted(leWeights);
    const won = i < profile.wonOpportunities;
    const model: Psa.BillingModel = rnd.weighted([['TIME_AND_MATERIALS', 55], ['FIXED_FEE', 15], ['MILESTONE', 15], ['RETAINER', 10], ['NON_BILLABLE', 5]] as const);
    const oppId = rnd.id('opp');
    const name = `${account.name} ${rnd.pick(ENGAGEMENT_KINDS)}`;
    if (!won) {
      const stage = rnd.chance(0.45) ? 'CLOSED_LOST' : rnd.pick(OPEN_STAGES);
      const created = addDays(asOf, -rnd.int(10, windowDays));
      const [probability, forecast] = STAGE_PROBABILITY[stage] as [number, Crm.ForecastCategory];
      const amount = money(BigInt(rnd.int(50, 900)) * 100_000n, le.currency);
      const closedAt = stage === 'CLOSED_LOST' ? at(addDays(created, rnd.int(20, 80)), 15) : null;
      ds.crm.opportunities.push({
        id: oppId, version: 2, accountId: account.id, name, stageCode: stage, probability, forecastCategory: forecast, amount,
        expectedCloseDate: addDays(created, rnd.int(30, 150)), closedAt, closedWonAt: null,
        lossReason: stage === 'CLOSED_LOST' ? rnd.pick(['Price', 'Chose a competitor', 'No budget', 'Project cancelled']) : null,
        pricingModel: model, legalEntityId: le.id, expectedStartDate: null, contractId: null, ownerUserId: account.ownerUserId,
        wonCorrelationId: null, projectId: null, customerFinancialId: null, billingScheduleId: null, deliveryLinkedAt: null,
        createdAt: at(created, 9), updatedAt: closedAt ?? at(created, 9),
      });
      ds.crm.stageHistory.push({ id: rnd.id('osh'), opportunityId: oppId, fromStageCode: null, toStageCode: 'PROSPECTING', amount, changedAt: at(created, 9), changedBy: account.ownerUserId });
      if (stage !== 'PROSPECTING') ds.crm.stageHistory.push({ id: rnd.id('osh'), opportunityId: oppId, fromStageCode: 'PROSPECTING', toStageCode: stage, amount, changedAt: closedAt ?? at(addDays(created, 7), 11), changedBy: account.ownerUserId });
      continue;
    }

    // Engagement timing: starts inside the window, runs 2–9 months.
    const start = addDays(historyStart, rnd.int(0, Math.max(1, windowDays - 45)));
    const end = addDays(start, rnd.int(60, 270));
    const closedWon = addDays(start, -rnd.int(5, 15));
    const manager = rnd.pick(managersByLe.get(le.id) ?? []) as Psa.Resource | undefined;
    const projectId = rnd.id('prj');
    const contractId = rnd.id('ctr');
    const project: Psa.Project = {
      id: projectId, version: 2, code: `PRJ-${String(plans.length + 1).padStart(6, '0')}`, name, accountId: account.id, opportunityId: oppId,
      contractId, legalEntityId: le.id, billingModel: model, status: end < addDays(asOf, -14) ? 'COMPLETED' : 'ACTIVE', health: 'ON_TRACK',
      currency: le.currency, startDate: start, endDate: end, budgetMinutes: null, budgetRevenue: null, budgetCost: null,
      marginThresholdPct: '25.00', projectManagerId: (manager ?? resources[0]!).id, activatedAt: at(addDays(closedWon, rnd.int(3, 10)), 9),
      completedAt: null, closedAt: null, createdAt: at(addDays(closedWon, 1), 9), updatedAt: at(addDays(closedWon, 1), 9),
    };
    if (project.status === 'COMPLETED') project.completedAt = at(addDays(end, 3), 17);
    account.type = 'CUSTOMER';
    account.defaultCurrency = le.currency;

    // Staffing: consultants of the same legal entity at their standard (or the client's negotiated) rates.
    const pool = consultantsByLe.get(le.id) ?? [];
    const team = rnd.sample(pool, rnd.int(profile.assignmentsPerProject[0], profile.assignmentsPerProject[1]));
    const billable = model === 'TIME_AND_MATERIALS';
    const anomaly = marginAnomalies > 0 && billable && plans.filter((p) => p.costMultiplier !== '1').length < marginAnomalies && plans.length >= 1;
    const costMultiplier = anomaly ? '1.55' : '1';
    const discount = new Decimal(rnd.int(0, 12)).dividedBy(100);
    const assignments: Psa.Assignment[] = team.map((r) => {
      const role = ROLES.find((x) => x.code === r.roleCode) as RoleSeed;
      const standard = new Decimal(standardRate(role, r.level ?? 'L1', le));
      const bill = formatDecimal(standard.times(new Decimal(1).minus(discount)).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), 4);
      const cost = formatDecimal(new Decimal(r.costRates[0]!.rate).times(costMultiplier).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN), 4);
      const days = daysBetween(start, end) + 1;
      return {
        id: rnd.id('asg'), version: 2, projectId, legalEntityId: le.id, resourceId: r.id, roleCode: r.roleCode, startDate: start, endDate: end,
        scheduledMinutes: Math.round((days / 7) * 5 * 6 * 60), billRate: bill, costRate: cost, isBillable: billable,
        status: project.status === 'COMPLETED' ? 'COMPLETED' : 'CONFIRMED', updatedAt: at(start, 8),
      };
    });
    ds.projects.assignments.push(...assignments);

    // Value of the deal: scheduled effort at the agreed rates (fixed prices carry a risk premium).
    const effort = assignments.reduce((s, a) => s.plus(hoursFromMinutes(a.scheduledMinutes).times(a.billRate)), new Decimal(0));
    const premium = billable ? '0.85' : '1.10';
    // Deals are priced in round hundreds.
    const hundreds = effort.times(premium).dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
    const amount = hundreds.greaterThan(0) ? roundToMoney(hundreds.times(100), le.currency) : roundToMoney(new Decimal(10_000), le.currency);
    const created = addDays(closedWon, -rnd.int(45, 120));
    ds.crm.opportunities.push({
      id: oppId, version: 6, accountId: account.id, name, stageCode: 'CLOSED_WON', probability: 100, forecastCategory: 'CLOSED', amount,
      expectedCloseDate: addDays(closedWon, rnd.int(-10, 20)), closedAt: at(closedWon, 16), closedWonAt: at(closedWon, 16), lossReason: null,
      pricingModel: model, legalEntityId: le.id, expectedStartDate: start, contractId, ownerUserId: account.ownerUserId,
      // Delivery links are filled in once the commercial set-up exists (see engagementsSetUp).
      wonCorrelationId: `seed-win-${oppId}`, projectId, customerFinancialId: null, billingScheduleId: null, deliveryLinkedAt: null,
      createdAt: at(created, 9), updatedAt: at(closedWon, 16),
    });
    let previous: string | null = null;
    const path = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON'];
    path.forEach((stage, k) => {
      const when = k === path.length - 1 ? at(closedWon, 16) : at(addDays(created, Math.floor((daysBetween(created, closedWon) * k) / path.length)), 11);
      ds.crm.stageHistory.push({ id: rnd.id('osh'), opportunityId: oppId, fromStageCode: previous, toStageCode: stage, amount, changedAt: when, changedBy: account.ownerUserId });
      previous = stage;
    });
    const contract: Crm.Contract = {
      id: contractId, version: 4, accountId: account.id, opportunityId: oppId, kind: model === 'RETAINER' ? 'RETAINER' : 'SOW', parentContractId: null,
      status: 'ACTIVATED', legalEntityId: le.id, startDate: start, endDate: end, currency: le.currency,
      billingModel: model, notToExceed: billable && rnd.chance(0.5) ? multiply(amount, new Decimal('1.25')) : null,
      paymentTermsDays: rnd.pick([30, 30, 45, 60]), originalValue: amount, totalContractValue: amount,
      signedAt: at(addDays(closedWon, -1), 14), activatedAt: at(addDays(closedWon, -1), 15),
      createdAt: at(addDays(closedWon, -20), 10), updatedAt: at(addDays(closedWon, -1), 15),
    };
    if (rnd.chance(0.15) && daysBetween(start, end) > 90) {
      const delta = multiply(amount, new Decimal(rnd.int(10, 25)).dividedBy(100));
      const effective = addDays(start, Math.floor(daysBetween(start, end) / 2));
      if (effective <= asOf) {
        ds.crm.amendments.push({
          id: rnd.id('amd'), version: 3, contractId, legalEntityId: le.id, sequence: 1, status: 'EXECUTED', effectiveDate: effective, valueDelta: delta, rateChanges: [],
          description: 'Extended scope agreed with the client', changeRequestId: null, executedAt: at(addDays(effective, -3), 12),
          createdAt: at(addDays(effective, -20), 10), updatedAt: at(addDays(effective, -3), 12),
        });
        contract.totalContractValue = money(amount.amountMinor + delta.amountMinor, le.currency);
        contract.version += 1;
      }
    }
    ds.crm.contracts.push(contract);
    project.budgetRevenue = contract.totalContractValue;
    project.budgetMinutes = assignments.reduce((s, a) => s + a.scheduledMinutes, 0);
    ds.projects.projects.push(project);

    // WBS: phases with sub-tasks.
    const taskCount = rnd.int(profile.tasksPerProject[0], profile.tasksPerProject[1]);
    const phases = PHASES.slice(0, Math.max(2, Math.min(PHASES.length, Math.ceil(taskCount / 6))));
    let made = 0;
    phases.forEach((phase, p) => {
      const phaseId = rnd.id('tsk');
      ds.projects.tasks.push({ id: phaseId, version: 1, projectId, legalEntityId: le.id, parentTaskId: null, wbsCode: `${p + 1}`, name: phase, status: end < asOf ? 'COMPLETED' : 'IN_PROGRESS', plannedMinutes: null, plannedStart: start, plannedEnd: end, isBillable: billable, updatedAt: at(start, 8) });
      made += 1;
      const subs = Math.max(1, Math.floor((taskCount - phases.length) / phases.length));
      for (let s = 0; s < subs; s += 1, made += 1) {
        ds.projects.tasks.push({ id: rnd.id('tsk'), version: 1, projectId, legalEntityId: le.id, parentTaskId: phaseId, wbsCode: `${p + 1}.${s + 1}`, name: `${phase} workstream ${s + 1}`, status: 'OPEN', plannedMinutes: rnd.int(8, 120) * 60, plannedStart: null, plannedEnd: null, isBillable: billable, updatedAt: at(start, 8) });
      }
    });

    // Milestones: billing events for MILESTONE engagements, delivery checkpoints for fixed fee.
    if (model === 'MILESTONE' || model === 'FIXED_FEE') {
      const count = rnd.int(3, 5);
      const shares = allocate(contract.originalValue, Array.from({ length: count }, () => BigInt(rnd.int(15, 35))));
      for (let m = 0; m < count; m += 1) {
        const due = addDays(start, Math.floor((daysBetween(start, end) * (m + 1)) / count));
        const acceptedOn = addDays(due, rnd.int(2, 12));
        const status: Psa.MilestoneStatus = acceptedOn <= asOf ? 'ACCEPTED' : due <= asOf ? 'COMPLETED' : due <= addDays(asOf, 30) ? 'IN_PROGRESS' : 'PLANNED';
        ds.projects.milestones.push({
          id: rnd.id('ms'), version: status === 'ACCEPTED' ? 4 : status === 'COMPLETED' ? 3 : status === 'IN_PROGRESS' ? 2 : 1, projectId, legalEntityId: le.id,
          name: `${PHASES[m % PHASES.length]} sign-off`, dueDate: due, status,
          billingAmount: model === 'MILESTONE' ? (shares[m] as Money) : null, revenueWeightPct: formatDecimal(new Decimal(100).dividedBy(count), 2),
          completedAt: status === 'ACCEPTED' || status === 'COMPLETED' ? at(due, 17) : null, acceptedAt: status === 'ACCEPTED' ? at(acceptedOn, 11) : null,
          acceptedByContactId: status === 'ACCEPTED' ? (billingContact.get(account.id) ?? null) : null, updatedAt: at(status === 'ACCEPTED' ? acceptedOn : start, 11),
        });
      }
    }
    plans.push({ project, assignments, costMultiplier });
  }

  generateTime(rnd, profile, asOf, ds, plans);
  generateExpenses(rnd, profile, asOf, ds, plans);
  return plans;
}

/** Lifecycle stamp of an entry worked on `workDate`, seen on `asOf`. */
function approvalState(rnd: SeededRandom, workDate: string, asOf: string): Psa.ApprovalStatus {
  const age = daysBetween(workDate, asOf);
  if (age <= 3) return 'DRAFT';
  if (age <= 10) return rnd.chance(0.85) ? 'SUBMITTED' : 'DRAFT';
  return rnd.chance(0.04) ? 'REJECTED' : 'APPROVED';
}

/** Daily time lines: each consultant splits a week across the engagements active that week. */
function generateTime(rnd: SeededRandom, profile: SeedProfile, asOf: string, ds: Dataset, plans: Plan[]): void {
  const byResource = new Map<string, Array<{ plan: Plan; assignment: Psa.Assignment }>>();
  for (const plan of plans) for (const a of plan.assignments) {
    const list = byResource.get(a.resourceId) ?? [];
    list.push({ plan, assignment: a });
    byResource.set(a.resourceId, list);
  }
  const managerOf = new Map(plans.map((p) => [p.project.id, p.project.projectManagerId]));
  const dailyTotals = new Map<string, number>();
  for (const resource of ds.projects.resources) {
    const work = byResource.get(resource.id);
    if (!work) continue;
    const utilization = rnd.int(62, 92) / 100;
    for (const monday of weeksBetween(ds.historyStart, asOf)) {
      const friday = addDays(monday, 4);
      const active = work.filter(({ assignment }) => assignment.startDate <= friday && assignment.endDate >= monday);
      if (active.length === 0) continue;
      const lines = rnd.int(profile.linesPerWeek[0], profile.linesPerWeek[1]);
      const weekMinutes = Math.round((resource.weeklyCapacityMinutes * utilization) / 15) * 15;
      for (let l = 0; l < lines; l += 1) {
        const { plan, assignment } = active[l % active.length] as { plan: Plan; assignment: Psa.Assignment };
        const workDate = addDays(monday, l % 5);
        if (workDate > asOf || workDate < assignment.startDate || workDate > assignment.endDate || weekday(workDate) > 4) continue;
        const minutes = Math.max(60, Math.min(600, Math.round(weekMinutes / lines / 15) * 15 + rnd.int(-2, 2) * 15));
        const dayKey = `${resource.id}|${workDate}`;
        if ((dailyTotals.get(dayKey) ?? 0) + minutes > 1440) continue;
        dailyTotals.set(dayKey, (dailyTotals.get(dayKey) ?? 0) + minutes);
        ds.projects.timeEntries.push(timeEntry(rnd, plan, assignment, workDate, minutes, approvalState(rnd, workDate, asOf), managerOf.get(plan.project.id) as string, asOf));
      }
    }
  }
}

/** One time entry with the rate snapshots and rounded amounts its approval would have produced. */
function timeEntry(rnd: SeededRandom, plan: Plan, a: Psa.Assignment, workDate: string, minutes: number, status: Psa.ApprovalStatus, approver: string, asOf: string): Psa.TimeEntry {
  const billableClass: Psa.BillableClass = a.isBillable ? 'BILLABLE' : 'CREDITED';
  const billableMinutes = billableClass === 'BILLABLE' ? minutes : 0;
  // Timesheets go in on Friday (or on the day itself when that Friday is still ahead of the as-of date).
  const friday = addDays(workDate, 4 - weekday(workDate));
  const submitted = status !== 'DRAFT' ? at(friday <= asOf ? friday : workDate, 17) : null;
  const approvedOn = addDays(workDate, 4 - weekday(workDate) + rnd.int(1, 4));
  const approved = status === 'APPROVED' && approvedOn <= asOf;
  const currency = plan.project.currency;
  return {
    id: rnd.id('te'), version: status === 'DRAFT' ? 1 : status === 'SUBMITTED' ? 2 : 3, resourceId: a.resourceId, projectId: a.projectId, legalEntityId: plan.project.legalEntityId,
    taskId: null, assignmentId: a.id, workDate, minutes, billableMinutes, billableClass, notes: null,
    status: status === 'APPROVED' && !approved ? 'SUBMITTED' : status,
    submittedAt: submitted, approvedAt: approved ? at(approvedOn, 10) : null, approvedBy: approved ? approver : null,
    rejectedReason: status === 'REJECTED' ? 'Booked to the wrong project; please re-book' : null,
    billRateSnapshot: approved && billableClass === 'BILLABLE' ? a.billRate : null,
    costRateSnapshot: approved ? a.costRate : null,
    billAmount: approved && billableClass === 'BILLABLE' ? lineAmount(hoursFromMinutes(billableMinutes), new Decimal(a.billRate), currency) : null,
    costAmount: approved ? lineAmount(hoursFromMinutes(minutes), new Decimal(a.costRate), currency) : null,
    updatedAt: at(approved ? approvedOn : workDate, 18),
  };
}

/** Travel and subsistence on engagements, some in a foreign currency. */
function generateExpenses(rnd: SeededRandom, profile: SeedProfile, asOf: string, ds: Dataset, plans: Plan[]): void {
  for (const plan of plans) {
    for (const a of plan.assignments) {
      for (const month of monthsBetween(a.startDate, a.endDate < asOf ? a.endDate : asOf)) {
        if (!rnd.chance(profile.expensesPerAssignmentMonth)) continue;
        const incurredOn = addDays(month, rnd.int(0, 25));
        if (incurredOn > asOf || incurredOn < a.startDate || incurredOn > a.endDate) continue;
        const currency = plan.project.currency;
        const foreign = rnd.chance(0.1);
        const paidCurrency = foreign ? (currency === 'USD' ? 'EUR' : 'USD') : currency;
        const amount = money(BigInt(rnd.int(25, 900)) * 100n + BigInt(rnd.int(0, 99)), paidCurrency);
        const fx = foreign ? (paidCurrency === 'EUR' ? '1.0800000000' : '1.3500000000') : '1';
        const projectAmount = foreign ? multiply(amount, new Decimal(fx), currency) : amount;
        const billable = plan.project.billingModel === 'TIME_AND_MATERIALS' && rnd.chance(0.8);
        const markup = billable && rnd.chance(0.3) ? '10.00' : null;
        const status = approvalState(rnd, incurredOn, asOf);
        const approved = status === 'APPROVED';
        ds.projects.expenses.push({
          id: rnd.id('exp'), version: status === 'DRAFT' ? 1 : status === 'SUBMITTED' ? 2 : 3, resourceId: a.resourceId, projectId: plan.project.id, legalEntityId: plan.project.legalEntityId,
          incurredOn, category: rnd.weighted(EXPENSE_CATEGORIES), amount, fxRateToProject: fx, projectAmount, reimbursable: true, billable, markupPct: markup,
          billAmount: billable ? multiply(projectAmount, new Decimal(1).plus(new Decimal(markup ?? '0').dividedBy(100))) : null,
          receiptRef: `RCPT-${rnd.int(100000, 999999)}`, status, submittedAt: status === 'DRAFT' ? null : at(addDays(incurredOn, 2), 17),
          approvedAt: approved ? at(addDays(incurredOn, 5), 10) : null, approvedBy: approved ? plan.project.projectManagerId : null,
          rejectedReason: status === 'REJECTED' ? 'Receipt missing' : null, updatedAt: at(addDays(incurredOn, approved ? 5 : 0), 18),
        });
      }
    }
  }
}

