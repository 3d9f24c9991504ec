import { addDays, daysBetween, invalidInput } from '../../../../platform/domain/index.js';
import { allocate, Decimal, toDecimalString, type Money } from '../../../../platform/money/index.js';
import { createProject, type NewProject } from './project.js';
import { createResourceRequest, MAX_REQUEST_MINUTES } from './resource-request.js';
import type { BillingModel, Project, ResourceRequest, Task } from './types.js';

/** A WBS node of a template; `weight` is its share of its parent's (or the project's) duration and effort. */
export interface PhaseTemplate {
  name: string;
  weight: number;
  children?: readonly PhaseTemplate[];
}

/** One role of a template's staffing mix; `weight` is its share of the revenue budget. */
export interface RoleMix {
  roleCode: string;
  level: string;
  weight: bigint;
}

/** How a new project is laid out: its WBS and the roles that deliver it. */
export interface ProjectTemplate {
  key: string;
  phases: readonly PhaseTemplate[];
  roleMix: readonly RoleMix[];
  /** Whether time on the template's tasks is billable by default. */
  billable: boolean;
}

const TIME_AND_MATERIALS: ProjectTemplate = {
  key: 'TIME_AND_MATERIALS',
  phases: [
    { name: 'Discovery', weight: 15 },
    { name: 'Delivery', weight: 70, children: [{ name: 'Design', weight: 25 }, { name: 'Build', weight: 50 }, { name: 'Test', weight: 25 }] },
    { name: 'Hypercare', weight: 15 },
  ],
  roleMix: [
    { roleCode: 'PROJECT_MANAGER', level: 'L2', weight: 10n },
    { roleCode: 'ARCHITECT', level: 'L2', weight: 15n },
    { roleCode: 'SENIOR_CONSULTANT', level: 'L2', weight: 35n },
    { roleCode: 'CONSULTANT', level: 'L1', weight: 40n },
  ],
  billable: true,
};

const PHASED: ProjectTemplate = {
  key: 'PHASED',
  phases: [
    { name: 'Discovery', weight: 10 }, { name: 'Design', weight: 15 }, { name: 'Build', weight: 40 }, { name: 'Test', weight: 20 },
    { name: 'Deploy', weight: 10 }, { name: 'Hypercare', weight: 5 },
  ],
  roleMix: [
    { roleCode: 'PROJECT_MANAGER', level: 'L2', weight: 12n },
    { roleCode: 'ARCHITECT', level: 'L3', weight: 13n },
    { roleCode: 'ANALYST', level: 'L2', weight: 20n },
    { roleCode: 'DEVELOPER', level: 'L2', weight: 40n },
    { roleCode: 'QA_ENGINEER', level: 'L1', weight: 15n },
  ],
  billable: true,
};

const INTERNAL: ProjectTemplate = {
  key: 'INTERNAL',
  phases: [{ name: 'Planning', weight: 20 }, { name: 'Execution', weight: 70 }, { name: 'Closure', weight: 10 }],
  roleMix: [
    { roleCode: 'PROJECT_MANAGER', level: 'L1', weight: 20n },
    { roleCode: 'CONSULTANT', level: 'L1', weight: 80n },
  ],
  billable: false,
};

/**
 * The template a billing model starts from: time-based engagements (T&M, retainer) get Discovery, Delivery (with
 * design, build and test under it) and Hypercare; fixed-fee and milestone engagements get one task per delivery phase,
 * because their billing and acceptance follow phases; internal (non-billable) work gets a short non-billable plan.
 */
export function templateFor(model: BillingModel): ProjectTemplate {
  switch (model) {
    case 'TIME_AND_MATERIALS':
    case 'RETAINER':
      return TIME_AND_MATERIALS;
    case 'FIXED_FEE':
    case 'MILESTONE':
      return PHASED;
    case 'NON_BILLABLE':
      return INTERNAL;
  }
}

/**
 * Standard planning rates: hourly, in USD, at level L1 (each level adds 15 %). These are estimation assumptions used
 * to turn a revenue budget into staffing demand, not the rates anyone is billed at: those come from the client's
 * rate card (billing) and are agreed on each assignment.
 */
export const PLANNING_RATES_USD: Readonly<Record<string, string>> = {
  ANALYST: '120', CONSULTANT: '135', SENIOR_CONSULTANT: '165', MANAGER: '195', SENIOR_MANAGER: '230', PRINCIPAL: '280', ARCHITECT: '210',
  DATA_ENGINEER: '160', DEVELOPER: '145', QA_ENGINEER: '115', PROJECT_MANAGER: '185', DESIGNER: '150',
};

/**
 * Factor from USD planning rates to the planning rates of a project currency: a round planning assumption per
 * currency the product knows (close to long-run exchange rates), never used to convert money.
 */
export const PLANNING_CURRENCY_FACTORS: Readonly<Record<string, string>> = {
  USD: '1', CAD: '1.32', EUR: '0.92', GBP: '0.79', CHF: '0.88', AUD: '1.52', NZD: '1.65', SEK: '10.5', NOK: '10.7', DKK: '6.9', PLN: '4',
  CZK: '23', HUF: '360', INR: '83', SGD: '1.35', HKD: '7.8', CNY: '7.2', MXN: '17', BRL: '5', ZAR: '18.5', AED: '3.67', SAR: '3.75',
  ILS: '3.7', TRY: '32', JPY: '150', KRW: '1350', CLP: '930', ISK: '138', VND: '25000', BHD: '0.376', KWD: '0.307', OMR: '0.385',
  JOD: '0.709', TND: '3.1',
};

const LEVEL_STEP = new Decimal('1.15');

/** Planning hourly rate of a role and level in a currency; BAD_USER_INPUT when the currency has no planning rates. */
export function planningRate(roleCode: string, level: string, currency: string): Decimal {
  const base = PLANNING_RATES_USD[roleCode];
  if (base === undefined) throw new Error(`no planning rate for role ${roleCode}`);
  const factor = PLANNING_CURRENCY_FACTORS[currency];
  if (factor === undefined) throw invalidInput('currency', `no planning rates for ${currency}; supported: ${Object.keys(PLANNING_CURRENCY_FACTORS).join(', ')}`);
  const steps = Math.max(0, Number(level.replace(/^L/, '')) - 1);
  return new Decimal(base).times(LEVEL_STEP.pow(steps)).times(factor);
}

/**
 * Splits a whole number into parts proportional to `weights` by largest remainder (ties to the earlier weight):
 * the parts are whole and sum exactly to `total`.
 */
export function allocateCounts(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || weightSum <= 0) throw new RangeError('allocateCounts needs positive weights');
  const floors = weights.map((w) => Math.floor((total * w) / weightSum));
  const order = weights.map((w, i) => ({ i, r: (total * w) % weightSum })).sort((a, b) => (a.r === b.r ? a.i - b.i : b.r - a.r));
  let leftover = total - floors.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (leftover === 0) break;
    floors[i] = (floors[i] as number) + 1;
    leftover -= 1;
  }
  return floors;
}

/** Minutes of work a budget share buys at an hourly rate, in whole minutes (rounded down: never more than paid for). */
export function minutesFor(amount: Money, hourlyRate: Decimal): number {
  const minutes = new Decimal(toDecimalString(amount)).dividedBy(hourlyRate).times(60).toDecimalPlaces(0, Decimal.ROUND_DOWN);
  if (minutes.greaterThan(MAX_REQUEST_MINUTES)) throw invalidInput('budgetRevenue', `is too large to staff (more than ${MAX_REQUEST_MINUTES} minutes for one role)`);
  return minutes.toNumber();
}

/** A new project with its WBS and resource requests, ready to insert. */
export interface ProjectSetup {
  project: Project;
  tasks: Task[];
  resourceRequests: ResourceRequest[];
}

/** Input of a project set up from a won opportunity: a project whose revenue budget is known. */
export type NewProjectFromTemplate = NewProject & { budgetRevenue: Money };

/** Months an open-ended project (no end date, e.g. an evergreen contract) is planned for. */
export const OPEN_ENDED_PLANNING_MONTHS = 12;

/** The last day of the planning horizon of an open-ended project starting on `start`: the day before `months` later. */
export function planningHorizonEnd(start: string, months = OPEN_ENDED_PLANNING_MONTHS): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls day overflow into the next month (29 February into 1 March), as a calendar does.
  const later = new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
  return addDays(later, -1);
}

/**
 * Sets up a DRAFT project from its billing model's template: the WBS with planned dates spread over the project's
 * days and planned effort spread over the tasks (both by largest remainder, so they add up exactly), and one OPEN
 * resource request per role of the template's mix, each sized from its share of the revenue budget at the role's
 * planning rate and spanning the project. The project's budgeted minutes are the sum of the requests. A zero budget
 * sizes nothing, so it requests nobody. An open-ended project keeps no end date; its plan covers its first year.
 */
export function setUpProjectFromTemplate(projectId: string, input: NewProjectFromTemplate, newId: (prefix: string) => string, now: string): ProjectSetup {
  const draft = createProject(projectId, { ...input, budgetMinutes: null }, now);
  const endDate = draft.endDate ?? planningHorizonEnd(draft.startDate);
  const template = templateFor(draft.billingModel);
  const budget = draft.budgetRevenue;
  if (!budget) throw invalidInput('budgetRevenue', 'is required');
  const shares = budget.amountMinor > 0n ? allocate(budget, template.roleMix.map((r) => r.weight)) : [];
  const sized = template.roleMix
    .map((role, i) => ({ role, minutes: shares[i] ? minutesFor(shares[i], planningRate(role.roleCode, role.level, draft.currency)) : 0 }))
    .filter((r) => r.minutes > 0);
  const budgetMinutes = sized.reduce((a, r) => a + r.minutes, 0);
  if (budgetMinutes > MAX_REQUEST_MINUTES) throw invalidInput('budgetRevenue', `is too large to staff (more than ${MAX_REQUEST_MINUTES} minutes)`);
  const project: Project = { ...draft, budgetMinutes: sized.length ? budgetMinutes : null };
  const resourceRequests = sized.map(({ role, minutes }) =>
    createResourceRequest(newId('rr'), { roleCode: role.roleCode, level: role.level, minutes, startDate: project.startDate, endDate, status: 'OPEN' }, project, now));
  const tasks = planTasks(project, template, endDate, budgetMinutes, newId, now);
  return { project, tasks, resourceRequests };
}

/** Lays the template's phases out as tasks, each level splitting its parent's days and minutes by weight. */
function planTasks(project: Project, template: ProjectTemplate, endDate: string, minutes: number, newId: (prefix: string) => string, now: string): Task[] {
  const tasks: Task[] = [];
  // `last` is the last day of the span being split (the parent's planned end, or the project's end date).
  const place = (phases: readonly PhaseTemplate[], parent: Task | null, from: string, last: string, effort: number): void => {
    const days = daysBetween(from, last) + 1;
    const dayParts = allocateCounts(days, phases.map((p) => p.weight));
    const effortParts = allocateCounts(effort, phases.map((p) => p.weight));
    let cursor = from;
    phases.forEach((phase, i) => {
      const span = dayParts[i] as number;
      // A phase that gets no whole day (a very short project) is planned as one day where its parent's plan has got to.
      const start = span > 0 ? cursor : cursor > last ? last : cursor;
      const end = span > 0 ? addDays(cursor, span - 1) : start;
      const task: Task = {
        id: newId('tsk'),
        version: 1,
        projectId: project.id,
        legalEntityId: project.legalEntityId,
        parentTaskId: parent?.id ?? null,
        wbsCode: parent ? `${parent.wbsCode}.${i + 1}` : String(i + 1),
        name: phase.name,
        status: 'OPEN',
        plannedMinutes: minutes > 0 ? (effortParts[i] as number) : null,
        plannedStart: start,
        plannedEnd: end,
        isBillable: template.billable,
        updatedAt: now,
      };
      tasks.push(task);
      if (phase.children?.length) place(phase.children, task, start, end, effortParts[i] as number);
      cursor = span > 0 ? addDays(end, 1) : cursor;
    });
  };
  place(template.phases, null, project.startDate, endDate, minutes);
  return tasks;
}
