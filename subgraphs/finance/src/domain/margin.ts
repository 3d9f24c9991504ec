import { DomainError, ErrorCode } from '../../../../platform/domain/index.js';
import { money, parseDecimal, percentOf, subtract, type Money } from '../../../../platform/money/index.js';
import type { Margin, ProjectRef } from './types.js';

const MINOR = /^-?(?:0|[1-9]\d{0,30})$/;

function missing(field: string, projectId: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `Project ${projectId} representation lacks ${field}; the gateway must send the @requires fields`, { field, projectId });
}

/** The project currency from a representation (a @requires field). */
export function projectCurrency(ref: ProjectRef): string {
  if (!ref.currency) throw missing('currency', ref.id);
  return ref.currency;
}

/**
 * The actual cost from a representation, as exact Money in the project currency; null when the representation
 * carries none (projects withholds actual cost from callers who may not see costs). A malformed cost is an error.
 */
export function actualCostOf(ref: ProjectRef): Money | null {
  const currency = projectCurrency(ref);
  const cost = ref.actualCost;
  if (cost === null || cost === undefined) return null;
  if (typeof cost.amountMinor !== 'string' || !MINOR.test(cost.amountMinor)) throw missing('actualCost { amountMinor currency }', ref.id);
  if (cost.currency !== currency) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `Project ${ref.id} actual cost is in ${cost.currency}, not the project currency ${currency}`, { field: 'actualCost', projectId: ref.id });
  }
  return money(BigInt(cost.amountMinor), currency);
}

/**
 * Margin to date: revenue − cost, and its percentage of revenue (two decimals, null without revenue). Below
 * threshold when the percentage is under the project's threshold; unknown (null) when either is missing.
 */
export function projectMargin(revenue: Money, cost: Money, thresholdPct: string | null | undefined): Margin {
  const amount = subtract(revenue, cost);
  const percent = percentOf(amount, revenue);
  const belowThreshold = percent === null || thresholdPct === null || thresholdPct === undefined
    ? null
    : parseDecimal(percent).lessThan(parseDecimal(thresholdPct, 'marginThresholdPct'));
  return { revenue, cost, amount, percent, belowThreshold };
}

/**
 * Recognized revenue of a project in its currency, from the signed totals of its revenue lines per transaction
 * currency (credits add, debits subtract); zero when it has none in that currency.
 */
export function recognizedRevenueIn(totals: ReadonlyMap<string, bigint> | null | undefined, currency: string): Money {
  return money(totals?.get(currency) ?? 0n, currency);
}
