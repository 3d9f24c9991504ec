import { Decimal, minorUnitExponent } from '../../../../platform/money/index.js';
import type { DurationStats } from './types.js';

/** Stored observations of one lag value in one currency: how many items, and the sum of their absolute amounts. */
export interface LagBucket {
  days: number;
  currency: string;
  count: number;
  /** Σ |amountMinor| of the items. */
  amountMinor: bigint;
}

/** Lag buckets as duration buckets, weighted by amount in major units of each currency (no conversion). */
export function lagBuckets(rows: readonly LagBucket[]): DurationBucket[] {
  return rows.map((r) => ({ days: r.days, count: r.count, weight: new Decimal(r.amountMinor.toString()).dividedBy(new Decimal(10).pow(minorUnitExponent(r.currency))) }));
}

/** Observations of one duration value: how many items, and their amount (major units, absolute) as weight. */
export interface DurationBucket {
  days: number;
  count: number;
  weight: Decimal;
}

const TWO_PLACES = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);

/** The value at a 0-based position in the sorted observations (buckets sorted by days). */
function valueAt(sorted: readonly DurationBucket[], position: number): number {
  let seen = 0;
  for (const b of sorted) {
    seen += b.count;
    if (position < seen) return b.days;
  }
  return (sorted[sorted.length - 1] as DurationBucket).days;
}

/** Percentile with linear interpolation between the closest ranks (PostgreSQL `percentile_cont`). */
function percentile(sorted: readonly DurationBucket[], n: number, p: number): Decimal {
  const position = new Decimal(n - 1).times(p);
  const lower = position.floor();
  const low = valueAt(sorted, lower.toNumber());
  const high = valueAt(sorted, position.ceil().toNumber());
  return new Decimal(low).plus(new Decimal(high - low).times(position.minus(lower)));
}

/**
 * Median, 90th percentile and amount-weighted mean of durations given as buckets of equal values, exactly (decimal
 * arithmetic), with 2 places. The mean falls back to the plain mean when every weight is zero.
 */
export function durationStats(buckets: readonly DurationBucket[]): DurationStats {
  const sorted = buckets.filter((b) => b.count > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((s, b) => s + b.count, 0);
  if (n === 0) return { count: 0, medianDays: null, p90Days: null, meanDays: null };
  const weight = sorted.reduce((s, b) => s.plus(b.weight), new Decimal(0));
  const mean = weight.isZero()
    ? sorted.reduce((s, b) => s.plus(new Decimal(b.days).times(b.count)), new Decimal(0)).dividedBy(n)
    : sorted.reduce((s, b) => s.plus(new Decimal(b.days).times(b.weight)), new Decimal(0)).dividedBy(weight);
  return { count: n, medianDays: TWO_PLACES(percentile(sorted, n, 0.5)), p90Days: TWO_PLACES(percentile(sorted, n, 0.9)), meanDays: TWO_PLACES(mean) };
}
