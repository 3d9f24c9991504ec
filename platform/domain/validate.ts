import { invalidInput } from './errors.js';
import { parseDecimal, type Decimal } from '../money/decimal.js';
import type { Money } from '../money/money.js';

/** Trims and checks a required text input: not blank, at most `max` characters, no control characters. */
export function requireText(field: string, value: string, max = 200): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) throw invalidInput(field, 'must not be blank');
  return checkText(field, text, max);
}

/** Like `requireText` for optional inputs: null/undefined stay null, blank becomes null. */
export function optionalText(field: string, value: string | null | undefined, max = 2000): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  return text.length === 0 ? null : checkText(field, text, max);
}

// Control characters other than tab and newline have no business in business text and break exports and logs.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function checkText(field: string, text: string, max: number): string {
  if (text.length > max) throw invalidInput(field, `must be at most ${max} characters`, { max });
  if (CONTROL.test(text)) throw invalidInput(field, 'must not contain control characters');
  return text;
}

/** Checks an integer input lies in [min, max]. */
export function requireInt(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw invalidInput(field, `must be an integer from ${min} to ${max}`, { min, max });
  return value;
}

/** Parses a decimal input with at most `scale` fraction digits, within [min, max] when given. */
export function requireDecimal(field: string, value: string, scale: number, min?: string, max?: string): Decimal {
  const d = parseDecimal(value, field);
  if (d.decimalPlaces() > scale) throw invalidInput(field, `must have at most ${scale} decimal places`, { scale });
  if (min !== undefined && d.lessThan(min)) throw invalidInput(field, `must be at least ${min}`, { min });
  if (max !== undefined && d.greaterThan(max)) throw invalidInput(field, `must be at most ${max}`, { max });
  return d;
}

/** Checks a money input is positive (> 0). */
export function requirePositive(field: string, m: Money): Money {
  if (m.amountMinor <= 0n) throw invalidInput(field, 'must be greater than zero');
  return m;
}

/** Checks a money input is not negative. */
export function requireNonNegative(field: string, m: Money): Money {
  if (m.amountMinor < 0n) throw invalidInput(field, 'must not be negative');
  return m;
}

/** Checks a money input is in the expected currency. */
export function requireCurrency(field: string, m: Money, currency: string): Money {
  if (m.currency !== currency) throw invalidInput(field, `must be in ${currency}, not ${m.currency}`, { expected: currency });
  return m;
}

/** Checks `to` is not before `from` (both `YYYY-MM-DD`). */
export function requireOrderedDates(field: string, from: string, to: string | null | undefined): void {
  if (to && to < from) throw invalidInput(field, `must not be before ${from}`);
}

const ID = /^[a-z]{2,5}_[0-9A-Za-z]{6,40}$/;

/** Checks an id input has the expected prefix and shape (cheap rejection of garbage before any query). */
export function requireId(field: string, value: string, prefix: string): string {
  if (typeof value !== 'string' || !ID.test(value) || !value.startsWith(`${prefix}_`)) {
    throw invalidInput(field, `is not a valid ${prefix}_… identifier`);
  }
  return value;
}
