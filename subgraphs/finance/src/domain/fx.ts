import { DomainError, ErrorCode, invalidInput, requireDecimal, requireLocalDate, requireText } from '../../../../platform/domain/index.js';
import { Decimal, formatDecimal, isCurrencyCode } from '../../../../platform/money/index.js';
import type { ExchangeRate, RateType } from './types.js';

/** Exchange rates are stored and applied at 10 decimal places. */
export const RATE_SCALE = 10;

/** The rate type documents are converted at. */
export const DOCUMENT_RATE_TYPE: RateType = 'SPOT';

const RATE_TYPES: readonly RateType[] = ['SPOT', 'MONTH_AVERAGE', 'MONTH_END', 'HISTORICAL'];

/** Input of a new exchange rate. */
export interface NewExchangeRate {
  from: string;
  to: string;
  rateDate: string;
  rateType: RateType;
  /** Decimal string, greater than zero, at most 10 decimals. */
  rate: string;
  source: string;
}

/** Validates a currency code input. */
export function requireCurrencyCode(field: string, code: string): string {
  if (typeof code !== 'string' || !isCurrencyCode(code)) throw invalidInput(field, `"${String(code)}" is not a supported ISO 4217 currency code`);
  return code;
}

/** Canonical scale-10 text of a rate. */
export function formatRate(rate: Decimal): string {
  return formatDecimal(rate, RATE_SCALE);
}

/** The rate that converts an amount into its own currency. */
export const UNIT_RATE = formatRate(new Decimal(1));

/** Builds an exchange rate record: 1 `from` = `rate` `to`, dated, of a declared type. */
export function createExchangeRate(id: string, input: NewExchangeRate): ExchangeRate {
  const from = requireCurrencyCode('from', input.from);
  const to = requireCurrencyCode('to', input.to);
  if (from === to) throw invalidInput('to', 'must differ from `from`');
  if (!RATE_TYPES.includes(input.rateType)) throw invalidInput('rateType', `must be one of ${RATE_TYPES.join(', ')}`);
  const rate = requireDecimal('rate', input.rate, RATE_SCALE);
  if (rate.lessThanOrEqualTo(0)) throw invalidInput('rate', 'must be greater than zero');
  return {
    id,
    from,
    to,
    rateDate: requireLocalDate('rateDate', input.rateDate),
    rateType: input.rateType,
    rate: formatRate(rate),
    source: requireText('source', input.source, 100),
  };
}

/** The latest rate of `rateType` from → to dated on or before `on` among `rates`, or null. */
export function latestRate(rates: readonly ExchangeRate[], from: string, to: string, on: string, rateType: RateType): ExchangeRate | null {
  let best: ExchangeRate | null = null;
  for (const r of rates) {
    if (r.from !== from || r.to !== to || r.rateType !== rateType || r.rateDate > on) continue;
    if (!best || r.rateDate > best.rateDate) best = r;
  }
  return best;
}

/**
 * The rate converting `from` into `to` on a date, as a scale-10 decimal string: 1 for the same currency; else the
 * latest SPOT rate from → to dated on or before the date; else the inverse of the latest to → from rate
 * (1 / rate rounded to 10 places). `candidates` are the stored SPOT rates of the pair in either direction.
 * No rate at all is a client-fixable input problem (record the rate first), so BAD_USER_INPUT names the pair.
 */
export function conversionRate(from: string, to: string, on: string, candidates: readonly ExchangeRate[]): string {
  if (from === to) return UNIT_RATE;
  const direct = latestRate(candidates, from, to, on, DOCUMENT_RATE_TYPE);
  if (direct) return direct.rate;
  const inverse = latestRate(candidates, to, from, on, DOCUMENT_RATE_TYPE);
  if (inverse) return formatRate(new Decimal(1).dividedBy(new Decimal(inverse.rate)));
  throw new DomainError(ErrorCode.BAD_USER_INPUT, `No ${DOCUMENT_RATE_TYPE} exchange rate ${from}→${to} (or ${to}→${from}) dated on or before ${on}; record one first`, {
    field: 'exchangeRate', from, to, on,
  });
}
