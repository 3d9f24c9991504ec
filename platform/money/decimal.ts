import decimalModule from 'decimal.js';
import type { Decimal as DecimalClass } from 'decimal.js';

// decimal.js ships CommonJS-style typings with an ESM build: TypeScript sees the default import as the module
// object, Node as the class. Resolve it once here so the rest of the code sees one typed class.
const DecimalJs: typeof DecimalClass =
  ((decimalModule as unknown as { default?: typeof DecimalClass }).default ?? decimalModule) as typeof DecimalClass;

/**
 * A decimal type isolated from the global decimal.js configuration: enough precision for
 * rate × quantity products of any realistic size, and explicit rounding on every conversion.
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 60 });
export type Decimal = InstanceType<typeof Decimal>;

/** Rounding modes a legal entity may choose for line amounts. */
export type RoundingMode = 'HALF_EVEN' | 'HALF_UP';

const DECIMAL_STRING = /^-?(?:0|[1-9]\d{0,29})(?:\.\d{1,12})?$/;

/** Error raised for a malformed decimal string (rates, quantities, percentages). */
export class InvalidDecimalError extends Error {
  constructor(readonly input: string, readonly field?: string) {
    super(`${field ? `${field}: ` : ''}"${input}" is not a decimal number (use a plain string such as "123.45")`);
    this.name = 'InvalidDecimalError';
  }
}

/**
 * Parses a decimal string strictly: plain notation only, no exponent, no whitespace, at most 12 fraction digits.
 * Strings keep rates exact where a JS number would not.
 */
export function parseDecimal(input: string, field?: string): Decimal {
  if (typeof input !== 'string' || !DECIMAL_STRING.test(input)) throw new InvalidDecimalError(String(input), field);
  return new Decimal(input);
}

/** Canonical text of a decimal with a fixed scale (rounded half-even), e.g. for storing a rate at scale 4. */
export function formatDecimal(value: Decimal, scale: number): string {
  return value.toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN).toFixed(scale);
}

/** Converts a rounding mode name to the decimal.js constant. */
export function roundingConstant(mode: RoundingMode): DecimalClass.Rounding {
  return mode === 'HALF_UP' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_HALF_EVEN;
}
