import { Decimal } from '../../../platform/money/decimal.js';

/** Statistics of durations, in days with two decimals. */
export interface DurationStats {
  count: number;
  medianDays: string | null;
  p90Days: string | null;
  meanDays: string | null;
}

const DAY_MS = 86_400_000;
const days = (ms: number): string => new Decimal(ms).dividedBy(DAY_MS).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN).toFixed(2);

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Count, median, 90th percentile (nearest rank) and mean of durations given in milliseconds. */
export function durationStats(durationsMs: readonly number[]): DurationStats {
  if (durationsMs.length === 0) return { count: 0, medianDays: null, p90Days: null, meanDays: null };
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const mean = sorted.reduce((s, d) => s + d, 0) / sorted.length;
  return { count: sorted.length, medianDays: days(median), p90Days: days(percentile(sorted, 90)), meanDays: days(mean) };
}
