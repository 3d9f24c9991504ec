import { add, money, toDecimalString, type Money } from '../../platform/money/money.js';
import { Decimal, formatDecimal } from '../../platform/money/decimal.js';
import { hoursFromMinutes } from '../../platform/money/quantity.js';
import { createBillableItem, validateRecording, type NewBillableItem } from '../../subgraphs/billing/src/domain/billable-item.js';
import type * as Billing from '../../subgraphs/billing/src/domain/types.js';
import type * as Psa from '../../subgraphs/projects/src/domain/types.js';
import type { SeededRandom } from '../random.js';
import { ROLES, type RoleSeed } from '../world.js';
import { at } from './calendar.js';
import type { Dataset, SeededLegalEntity } from './dataset.js';
import { standardRate } from './firm.js';

/** A billable item plus what the history simulation needs to know about it. */
export interface SeedItem {
  item: Billing.BillableItem;
  /** Date it became billable. */
  readyOn: string;
  /** Left out of billing runs on purpose: approved work that ages unbilled (leakage). */
  heldBack: boolean;
}

interface Source {
  input: NewBillableItem;
  readyAt: string;
  scheduleLine?: Billing.BillingScheduleLine;
}

const ROLE_LABEL = new Map(ROLES.map((r) => [r.code, r.label]));

/**
 * Creates, in approval order, the billable item each approved source yields, with the billing subgraph's own
 * domain functions (same validation, rounding and not-to-exceed holds as `recordBillableItem`).
 */
export function generateItems(rnd: SeededRandom, ds: Dataset): SeedItem[] {
  const sources: Source[] = [];
  const resources = new Map(ds.projects.resources.map((r) => [r.id, r]));
  const projects = new Map(ds.projects.projects.map((p) => [p.id, p]));
  const schedules = new Map(ds.billing.schedules.map((s) => [s.projectId, s]));
  const les = new Map(ds.legalEntities.map((l) => [l.id, l]));

  for (const te of ds.projects.timeEntries) {
    if (te.status !== 'APPROVED' || te.billableClass !== 'BILLABLE' || !te.billRateSnapshot || !schedules.has(te.projectId)) continue;
    const resource = resources.get(te.resourceId) as Psa.Resource;
    const project = projects.get(te.projectId) as Psa.Project;
    const role = ROLES.find((r) => r.code === resource.roleCode) as RoleSeed;
    const le = les.get(project.legalEntityId) as SeededLegalEntity;
    sources.push({
      readyAt: te.approvedAt as string,
      input: {
        sourceType: 'TIME', sourceId: te.id, sourceVersion: te.version, projectId: te.projectId, serviceDate: te.workDate,
        description: `${ROLE_LABEL.get(resource.roleCode)} services ${te.workDate.slice(0, 7)}`,
        quantity: formatDecimal(hoursFromMinutes(te.billableMinutes), 4), unitPrice: te.billRateSnapshot,
        standardUnitPrice: le.currency === project.currency ? standardRate(role, resource.level ?? 'L1', le) : null,
      },
    });
  }
  for (const e of ds.projects.expenses) {
    if (e.status !== 'APPROVED' || !e.billable || !e.billAmount || !schedules.has(e.projectId)) continue;
    sources.push({
      readyAt: e.approvedAt as string,
      input: { sourceType: 'EXPENSE', sourceId: e.id, sourceVersion: e.version, projectId: e.projectId, serviceDate: e.incurredOn, description: `Expenses: ${e.category.toLowerCase()}`, quantity: '1.0000', unitPrice: formatDecimal(new Decimal(amountDecimal(e.billAmount)), 4) },
    });
  }
  for (const schedule of ds.billing.schedules) {
    for (const line of schedule.lines) {
      if (line.milestoneId) {
        const milestone = ds.projects.milestones.find((m) => m.id === line.milestoneId) as Psa.Milestone;
        if (milestone.status !== 'ACCEPTED') continue;
        sources.push({
          readyAt: milestone.acceptedAt as string, scheduleLine: line,
          input: { sourceType: 'MILESTONE', sourceId: milestone.id, sourceVersion: milestone.version, projectId: schedule.projectId, serviceDate: (milestone.acceptedAt as string).slice(0, 10), description: milestone.name, quantity: '1.0000', unitPrice: formatDecimal(new Decimal(amountDecimal(line.amount)), 4) },
        });
      } else if (line.plannedDate <= ds.asOf) {
        const type = schedule.type === 'RETAINER' ? 'RETAINER' : 'FIXED_FEE';
        sources.push({
          readyAt: at(line.plannedDate, 8), scheduleLine: line,
          input: { sourceType: type, sourceId: line.id, sourceVersion: 1, projectId: schedule.projectId, serviceDate: line.plannedDate, description: `${type === 'RETAINER' ? 'Retainer' : 'Fixed fee instalment'} ${line.plannedDate.slice(0, 7)}`, quantity: '1.0000', unitPrice: formatDecimal(new Decimal(amountDecimal(line.amount)), 4) },
        });
      }
    }
  }
  sources.sort((a, b) => (a.readyAt < b.readyAt ? -1 : a.readyAt > b.readyAt ? 1 : 0));

  const exposure = new Map<string, Money>();
  const out: SeedItem[] = [];
  for (const source of sources) {
    const schedule = schedules.get(source.input.projectId) as Billing.BillingSchedule;
    const recording = validateRecording(source.input);
    const open = exposure.get(schedule.projectId) ?? money(0n, schedule.currency);
    const item = createBillableItem(rnd.id('bi'), recording, schedule, { billedToDate: money(0n, schedule.currency), openWip: open }, source.readyAt);
    item.createdAt = source.readyAt;
    item.updatedAt = source.readyAt;
    exposure.set(schedule.projectId, add(open, item.amount));
    if (source.scheduleLine) {
      source.scheduleLine.status = 'READY';
      source.scheduleLine.billableItemId = item.id;
    }
    // Approved-then-late: a few T&M items stay unbilled well past the next run.
    const heldBack = item.sourceType === 'TIME' && rnd.chance(0.03);
    out.push({ item, readyOn: source.readyAt.slice(0, 10), heldBack });
  }
  ds.billing.items = out.map((s) => s.item);
  return out;
}

const amountDecimal = (m: Money): string => toDecimalString(m);
