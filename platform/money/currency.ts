/**
 * ISO 4217 currencies the product knows, with their minor-unit exponent.
 *
 * The exponent decides how an amount in minor units maps to a decimal amount (USD 2, JPY 0, BHD 3).
 * Unknown codes are rejected rather than guessed, because guessing an exponent silently scales money.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  USD: 2, CAD: 2, EUR: 2, GBP: 2, CHF: 2, AUD: 2, NZD: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2,
  HUF: 2, INR: 2, SGD: 2, HKD: 2, CNY: 2, MXN: 2, BRL: 2, ZAR: 2, AED: 2, SAR: 2, ILS: 2, TRY: 2,
  JPY: 0, KRW: 0, CLP: 0, ISK: 0, VND: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3,
});

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Error raised when a currency code is malformed or not supported. */
export class UnknownCurrencyError extends Error {
  constructor(readonly code: string) {
    super(`Unknown or unsupported currency code "${code}"`);
    this.name = 'UnknownCurrencyError';
  }
}

/** True when `code` is a supported ISO 4217 code. */
export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODE.test(code) && Object.hasOwn(MINOR_UNITS, code);
}

/** Minor-unit exponent of a currency (number of decimal places). Throws on unknown codes. */
export function minorUnitExponent(code: string): number {
  if (!isCurrencyCode(code)) throw new UnknownCurrencyError(code);
  return MINOR_UNITS[code] as number;
}

/** All supported currency codes with their exponents, for reference data. */
export function supportedCurrencies(): ReadonlyArray<{ code: string; minorUnit: number }> {
  return Object.entries(MINOR_UNITS).map(([code, minorUnit]) => ({ code, minorUnit }));
}
