import type { AlertRecord } from './types.js';

/** The alert kind of a margin below its project's threshold. */
export const MARGIN_BELOW_THRESHOLD = 'MARGIN_BELOW_THRESHOLD';

/** A project's margin as finance computes it (money as minor units in strings, percent a decimal string). */
export interface MarginReading {
  projectId: string;
  legalEntityId: string;
  revenue: { amountMinor: string; currency: string };
  cost: { amountMinor: string; currency: string };
  percent: string | null;
  thresholdPct: string | null;
  /** Null while either the percent or the threshold is unknown. */
  belowThreshold: boolean | null;
}

/** What a margin check does about the project's alert episode. */
export type MarginDecision = { action: 'raise' } | { action: 'clear'; alert: AlertRecord } | { action: 'none' };

/**
 * Alert once per breach episode: raise when the margin is below the threshold and no episode is open; clear the
 * open episode when the margin is back at or above it; otherwise nothing (an unknown margin changes nothing).
 */
export function decideMargin(reading: MarginReading, open: AlertRecord | null): MarginDecision {
  if (reading.belowThreshold === true && !open) return { action: 'raise' };
  if (reading.belowThreshold === false && open) return { action: 'clear', alert: open };
  return { action: 'none' };
}

/** What an alert records of a reading. */
export function readingDetails(reading: MarginReading): Record<string, unknown> {
  return { revenue: reading.revenue, cost: reading.cost, percent: reading.percent, thresholdPct: reading.thresholdPct };
}
