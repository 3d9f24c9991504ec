import type { DomainEvent } from '../../../platform/events/event.js';
import { Decimal } from '../../../platform/money/decimal.js';
import type { SagaDefinition, StepContext } from '../domain/saga.js';
import { call, moneyInput, valuesOf, type MoneyPayload } from './common.js';

/** The payload of `ContractAmendmentExecuted` (crm). */
interface Amendment {
  amendmentId: string;
  contractId: string;
  opportunityId: string | null;
  legalEntityId: string;
  effectiveDate: string;
  valueDelta: MoneyPayload;
  rateChanges: Array<{ roleCode: string; level: string | null; billRate: string }>;
}

/** A project delivering the amended contract, with its live billing schedule. */
interface Target {
  projectId: string;
  billingScheduleId: string | null;
  /** The project set up from the contract's opportunity takes the value change. */
  primary: boolean;
}

interface RateLine {
  roleCode: string;
  level: string | null;
  region: string | null;
  billRate: string;
  costRateHint: string | null;
}

const LIVE_PROJECT = ['DRAFT', 'ACTIVE', 'ON_HOLD'];

/**
 * The new lines of a rate card: each changed role (and level, when the change names one) at its new rate; other lines
 * as they were. A change for a role the card does not list is added.
 */
export function revisedLines(lines: readonly RateLine[], changes: Amendment['rateChanges']): RateLine[] {
  const out = lines.map((l) => {
    const change = changes.find((c) => c.roleCode === l.roleCode && (c.level === null || c.level === l.level));
    return change ? { ...l, billRate: change.billRate } : { ...l };
  });
  for (const c of changes) {
    if (!out.some((l) => l.roleCode === c.roleCode && (c.level === null || c.level === l.level))) {
      out.push({ roleCode: c.roleCode, level: c.level, region: null, billRate: c.billRate, costRateHint: null });
    }
  }
  return out;
}

const sameRate = (a: string, b: string) => new Decimal(a).equals(new Decimal(b));
const hasRateChanges = (values: Record<string, unknown>) => ((values as unknown as Amendment).rateChanges?.length ?? 0) > 0;
const hasValueChange = (values: Record<string, unknown>) => BigInt((values as unknown as Amendment).valueDelta.amountMinor) !== 0n;
const zeroOf = (m: MoneyPayload): MoneyPayload => ({ amountMinor: '0', currency: m.currency });

/** The projects of the contract (live ones) and their live billing schedules. */
async function targets(ctx: StepContext, a: Amendment): Promise<Target[]> {
  const data = await call<{ projects: { edges: Array<{ node: { id: string; status: string; opportunity: { id: string } | null } }> } }>(
    ctx, 'projects',
    `query($c: ID!) { projects(first: 100, filter: { contractId: $c }) { edges { node { id status opportunity { id } } } } }`,
    { c: a.contractId },
  );
  const live = data.projects.edges.map((e) => e.node).filter((p) => LIVE_PROJECT.includes(p.status));
  const primaryId = (live.find((p) => p.opportunity?.id === a.opportunityId) ?? live[0])?.id;
  const out: Target[] = [];
  for (const p of live) {
    const schedules = await call<{ billingSchedules: { edges: Array<{ node: { id: string } }> } }>(
      ctx, 'billing', `query($p: ID!) { billingSchedules(first: 2, filter: { projectId: $p, statuses: [ACTIVE, SUSPENDED] }) { edges { node { id } } } }`, { p: p.id },
    );
    out.push({ projectId: p.id, billingScheduleId: schedules.billingSchedules.edges[0]?.node.id ?? null, primary: p.id === primaryId });
  }
  return out;
}

/**
 * Flow 5 — a contract amendment executed in crm takes effect across systems from its effective date: billing revises
 * the contract's rate card and re-plans the schedule's future lines (not-yet-billed instalments only), projects
 * applies the new rates to assignments and re-rates approved but unbilled time from the effective date (billing then
 * supersedes those open items through the usual approval flow; BILLED work never changes) and moves the budget, and
 * finance modifies the revenue schedule prospectively. Every step is keyed by the amendment, so it applies once.
 */
export const amendmentSaga: SagaDefinition = {
  type: 'APPLY_AMENDMENT',
  trigger: {
    eventType: 'ContractAmendmentExecuted',
    naturalKey: (e: DomainEvent) => `amend:${e.entity.id}`,
    subject: (e) => ({ typename: 'ContractAmendment', id: e.entity.id }),
    initialContext: (e) => ({ ...e.payload }),
    triggeredAt: (e) => e.occurredAt,
  },
  steps: [
    {
      name: 'targets',
      run: async (ctx) => ({ targets: await targets(ctx, valuesOf<Amendment>(ctx)) }),
    },
    {
      name: 'rateCard',
      applies: hasRateChanges,
      run: async (ctx) => {
        const a = valuesOf<Amendment>(ctx);
        const cards = await call<{ rateCards: { edges: Array<{ node: { id: string; effectiveFrom: string; lines: RateLine[] } }> } }>(
          ctx, 'billing',
          `query($c: ID!, $on: LocalDate!) { rateCards(first: 1, filter: { scope: CONTRACT, contractId: $c, effectiveOn: $on }) { edges { node { id effectiveFrom lines { roleCode level region billRate costRateHint } } } } }`,
          { c: a.contractId, on: a.effectiveDate },
        );
        const card = cards.rateCards.edges[0]?.node;
        if (!card) return { rateCardId: null };
        const lines = revisedLines(card.lines, a.rateChanges);
        // Already revised from this date with these rates (a replay after the revision committed): nothing to do.
        const unchanged = card.lines.length === lines.length && card.lines.every((l, i) => sameRate(l.billRate, (lines[i] as RateLine).billRate));
        if (card.effectiveFrom === a.effectiveDate && unchanged) return { rateCardId: card.id };
        const data = await call<{ reviseRateCard: { id: string } }>(
          ctx, 'billing', `mutation($i: ReviseRateCardInput!) { reviseRateCard(input: $i) { id } }`,
          { i: { id: card.id, effectiveFrom: a.effectiveDate, lines, idempotencyKey: ctx.key() } },
        );
        return { rateCardId: data.reviseRateCard.id, links: [{ entityType: 'RateCard', entityId: data.reviseRateCard.id }] };
      },
    },
    {
      name: 'schedule',
      run: async (ctx) => {
        const a = valuesOf<Amendment & { targets: Target[] }>(ctx);
        const primary = a.targets.find((t) => t.primary && t.billingScheduleId);
        if (!primary || !hasValueChange(a)) return {};
        await call(ctx, 'billing', `mutation($i: AmendBillingScheduleInput!) { amendBillingSchedule(input: $i) { id } }`, {
          i: { billingScheduleId: primary.billingScheduleId, amendmentId: a.amendmentId, effectiveDate: a.effectiveDate, contractValueDelta: moneyInput(a.valueDelta), idempotencyKey: ctx.key() },
        });
        return {};
      },
    },
    {
      name: 'budget',
      run: async (ctx) => {
        const a = valuesOf<Amendment & { targets: Target[] }>(ctx);
        for (const t of a.targets) {
          await call(ctx, 'projects', `mutation($i: ApplyRateChangesInput!) { applyRateChanges(input: $i) { id } }`, {
            i: {
              projectId: t.projectId, effectiveDate: a.effectiveDate, contractAmendmentId: a.amendmentId, idempotencyKey: ctx.key(t.projectId),
              rateChanges: a.rateChanges.map((c) => ({ roleCode: c.roleCode, billRate: c.billRate })),
              budgetRevenueDelta: t.primary ? moneyInput(a.valueDelta) : zeroOf(a.valueDelta),
            },
          });
        }
        return {};
      },
    },
    {
      name: 'revenue',
      applies: hasValueChange,
      run: async (ctx) => {
        const a = valuesOf<Amendment & { targets: Target[] }>(ctx);
        const primary = a.targets.find((t) => t.primary);
        if (!primary) return {};
        const data = await call<{ adjustRevenueSchedule: { id: string } }>(
          ctx, 'finance', `mutation($i: AdjustRevenueScheduleInput!) { adjustRevenueSchedule(input: $i) { id } }`,
          { i: { projectId: primary.projectId, delta: moneyInput(a.valueDelta), effectiveDate: a.effectiveDate, amendmentId: a.amendmentId, idempotencyKey: ctx.key() } },
        );
        return { revenueScheduleId: data.adjustRevenueSchedule.id };
      },
    },
  ],
};
