import { minorUnitExponent } from './currency.js';
import { Decimal, roundingConstant, type RoundingMode } from './decimal.js';

/**
 * An exact amount of money: integer minor units and an ISO 4217 currency.
 * Immutable; arithmetic only between amounts of the same currency.
 */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** Error raised when two amounts in different currencies are combined. */
export class CurrencyMismatchError extends Error {
  constructor(readonly left: string, readonly right: string) {
    super(`Cannot combine ${left} and ${right} amounts without conversion`);
    this.name = 'CurrencyMismatchError';
  }
}

/** Builds a Money value, validating the currency. */
export function money(amountMinor: bigint, currency: string): Money {
  minorUnitExponent(currency);
  return Object.freeze({ amountMinor, currency });
}

/** Zero in a currency. */
export function zero(currency: string): Money {
  return money(0n, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

/** a + b (same currency). */
export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** a − b (same currency). */
export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Sum of amounts in one currency; `currency` names the result when the list is empty. */
export function sum(amounts: Iterable<Money>, currency: string): Money {
  let total = 0n;
  for (const m of amounts) {
    if (m.currency !== currency) throw new CurrencyMismatchError(currency, m.currency);
    total += m.amountMinor;
  }
  return money(total, currency);
}

/** Decimal amount in major units, e.g. 12345n USD → "123.45". */
export function toDecimalString(m: Money): string {
  const exp = minorUnitExponent(m.currency);
  return new Decimal(m.amountMinor.toString()).dividedBy(new Decimal(10).pow(exp)).toFixed(exp);
}

/**
 * Parses a major-unit decimal string into Money, refusing more fraction digits than the currency allows
 * (rounding an entered amount silently would change what the user typed).
 */
export function fromDecimalString(amount: string, currency: string): Money {
  const exp = minorUnitExponent(currency);
  const d = new Decimal(amount);
  const minor = d.times(new Decimal(10).pow(exp));
  if (!minor.isInteger()) throw new RangeError(`${amount} has more than ${exp} decimal places for ${currency}`);
  return money(BigInt(minor.toFixed(0)), currency);
}

/**
 * Rounds a decimal amount in major units to minor units of `currency` with the given mode.
 * This is the one place where rate × quantity becomes money.
 */
export function roundToMoney(major: Decimal, currency: string, mode: RoundingMode = 'HALF_EVEN'): Money {
  const exp = minorUnitExponent(currency);
  const minor = major.times(new Decimal(10).pow(exp)).toDecimalPlaces(0, roundingConstant(mode));
  return money(BigInt(minor.toFixed(0)), currency);
}

/**
 * Line amount = round(quantity × unitPrice) in the currency's minor units.
 * Invoices round per line and then sum the rounded lines, so totals always equal the sum of what is printed.
 */
export function lineAmount(quantity: Decimal, unitPrice: Decimal, currency: string, mode: RoundingMode = 'HALF_EVEN'): Money {
  return roundToMoney(quantity.times(unitPrice), currency, mode);
}

/** Multiplies an amount by a decimal factor (a tax rate, a markup, an FX rate into `targetCurrency`), rounding once. */
export function multiply(m: Money, factor: Decimal, targetCurrency: string = m.currency, mode: RoundingMode = 'HALF_EVEN'): Money {
  const major = new Decimal(toDecimalString(m)).times(factor);
  return roundToMoney(major, targetCurrency, mode);
}

/**
 * Splits `total` into parts proportional to `weights` with the largest-remainder method:
 * every part is an integer number of minor units and the parts sum exactly to the total.
 * Ties on the remainder go to the earlier weight, so the result is deterministic.
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => w < 0n)) throw new RangeError('allocation weights must not be negative');
  const weightSum = weights.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) throw new RangeError('allocation weights must not all be zero');
  const negative = total.amountMinor < 0n;
  const absTotal = negative ? -total.amountMinor : total.amountMinor;
  const floors = weights.map((w) => (absTotal * w) / weightSum);
  const remainders = weights.map((w, i) => ({ i, r: (absTotal * w) % weightSum }));
  let leftover = absTotal - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (leftover === 0n) break;
    floors[i] = (floors[i] as bigint) + 1n;
    leftover -= 1n;
  }
  return floors.map((f) => money(negative ? -f : f, total.currency));
}

/** Percentage a/b × 100 as a decimal string with `scale` places, or null when b is zero. */
export function percentOf(a: Money, b: Money, scale = 2): string | null {
  sameCurrency(a, b);
  if (b.amountMinor === 0n) return null;
  return new Decimal(a.amountMinor.toString())
    .dividedBy(new Decimal(b.amountMinor.toString()))
    .times(100)
    .toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN)
    .toFixed(scale);
}

/** Equality of two amounts, currency included. */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}
