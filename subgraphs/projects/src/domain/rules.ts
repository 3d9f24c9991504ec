import { DomainError, ErrorCode, requireDecimal, requireLocalDate } from '../../../../platform/domain/index.js';
import { formatDecimal } from '../../../../platform/money/index.js';

/** Largest hourly rate accepted (fits numeric(19,4) with room; covers zero-decimal currencies such as JPY and KRW). */
export const MAX_HOURLY_RATE = '99999999';

/** A percentage input (0–100, at most two decimals), stored at scale 2 so that "25" reads back as "25.00". */
export function percentInput(field: string, value: string): string {
  return formatDecimal(requireDecimal(field, value, 2, '0', '100'), 2);
}

/** Like `percentInput` for optional inputs. */
export function optionalPercent(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : percentInput(field, value);
}

/** An hourly rate input (≥ 0, at most four decimals), stored at scale 4 ("150" → "150.0000"). */
export function rateInput(field: string, value: string): string {
  return formatDecimal(requireDecimal(field, value, 4, '0', MAX_HOURLY_RATE), 4);
}

/** An optional business date: null/undefined stay null, anything else must be a real `YYYY-MM-DD` date. */
export function optionalDate(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : requireLocalDate(field, value);
}

/**
 * Refusal because of the state of an entity the operation depends on (a time entry on a project that is not
 * ACTIVE, an edit of an approved entry). Same stable code as a refused transition, so clients treat both alike.
 */
export function stateRefusal(entity: string, id: string, status: string, why: string): DomainError {
  return new DomainError(ErrorCode.INVALID_TRANSITION, `${entity} ${id} is ${status}: ${why}`, { entity, id, from: status });
}

/** Picks the new value of an optional field: absent keeps the current value, null clears it. */
export function changed<T>(next: T | null | undefined, current: T | null, convert: (v: T) => T = (v) => v): T | null {
  if (next === undefined) return current;
  return next === null ? null : convert(next);
}
