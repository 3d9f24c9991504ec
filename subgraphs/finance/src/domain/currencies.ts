import { supportedCurrencies } from '../../../../platform/money/index.js';
import type { CurrencyInfo } from './types.js';

// ISO 4217 names of the currencies platform/money supports; a code without a name here reads as its code.
const NAMES: Readonly<Record<string, string>> = Object.freeze({
  USD: 'US Dollar', CAD: 'Canadian Dollar', EUR: 'Euro', GBP: 'Pound Sterling', CHF: 'Swiss Franc',
  AUD: 'Australian Dollar', NZD: 'New Zealand Dollar', SEK: 'Swedish Krona', NOK: 'Norwegian Krone',
  DKK: 'Danish Krone', PLN: 'Polish Zloty', CZK: 'Czech Koruna', HUF: 'Hungarian Forint', INR: 'Indian Rupee',
  SGD: 'Singapore Dollar', HKD: 'Hong Kong Dollar', CNY: 'Chinese Yuan Renminbi', MXN: 'Mexican Peso',
  BRL: 'Brazilian Real', ZAR: 'South African Rand', AED: 'UAE Dirham', SAR: 'Saudi Riyal',
  ILS: 'Israeli New Shekel', TRY: 'Turkish Lira', JPY: 'Japanese Yen', KRW: 'South Korean Won',
  CLP: 'Chilean Peso', ISK: 'Icelandic Krona', VND: 'Vietnamese Dong', BHD: 'Bahraini Dinar',
  KWD: 'Kuwaiti Dinar', OMR: 'Rial Omani', JOD: 'Jordanian Dinar', TND: 'Tunisian Dinar',
});

/** Every supported currency with its minor unit and name, in code order. */
export function listCurrencies(): CurrencyInfo[] {
  return supportedCurrencies()
    .map(({ code, minorUnit }) => ({ code, minorUnit, name: NAMES[code] ?? code }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** One supported currency, or null for an unknown code. */
export function currencyInfo(code: string): CurrencyInfo | null {
  return listCurrencies().find((c) => c.code === code) ?? null;
}
