import { Decimal } from './decimal.js';

/**
 * Billable quantity in hours for a number of minutes, at scale 4 (half-even). Both the PSA (delivered value) and
 * billing (billable item amount) price time as round(hoursFromMinutes(m) × rate), so the two systems always agree
 * to the minor unit.
 */
export function hoursFromMinutes(minutes: number): Decimal {
  return new Decimal(minutes).dividedBy(60).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN);
}
