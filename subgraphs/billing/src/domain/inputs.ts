import { invalidInput, requireDecimal } from '../../../../platform/domain/index.js';
import { formatDecimal, isCurrencyCode, type Decimal } from '../../../../platform/money/index.js';

/** Scale of stored rates, quantities and unit prices (Certinia bill rate Currency(18,4)). */
export const RATE_SCALE = 4;

const REF = /^[a-z]{2,5}_[0-9A-Za-z_-]{1,60}$/;

/**
 * Checks an identifier given as input has the expected type prefix (`prj_…`, `acc_…`). Ids of other systems are
 * only shape-checked: billing does not own them and cannot look them up.
 */
export function requireRef(field: string, value: string, prefix: string): string {
  if (typeof value !== 'string' || !REF.test(value) || !value.startsWith(`${prefix}_`)) {
    throw invalidInput(field, `is not a valid ${prefix}_… identifier`);
  }
  return value;
}

/** Like `requireRef` for optional inputs. */
export function optionalRef(field: string, value: string | null | undefined, prefix: string): string | null {
  return value === null || value === undefined ? null : requireRef(field, value, prefix);
}

/** Checks a currency code is a supported ISO 4217 code. */
export function requireCurrencyCode(field: string, code: string): string {
  if (typeof code !== 'string' || !isCurrencyCode(code)) throw invalidInput(field, `"${String(code).slice(0, 10)}" is not a supported ISO 4217 currency code`);
  return code;
}

/** Options of a scale-4 decimal input. */
export interface Scale4Options {
  /** Refuse zero and below. */
  positive?: boolean;
  /** Refuse values below zero. */
  nonNegative?: boolean;
}

/** Parses a rate, quantity or unit price with at most 4 decimals and returns its canonical scale-4 text. */
export function requireScale4(field: string, value: string, options: Scale4Options = {}): string {
  return formatDecimal(requireScale4Decimal(field, value, options), RATE_SCALE);
}

/** Parses a scale-4 decimal input and returns it as a Decimal. */
export function requireScale4Decimal(field: string, value: string, options: Scale4Options = {}): Decimal {
  const d = requireDecimal(field, value, RATE_SCALE, options.nonNegative ? '0' : undefined);
  if (options.positive && d.lessThanOrEqualTo(0)) throw invalidInput(field, 'must be greater than zero');
  return d;
}
