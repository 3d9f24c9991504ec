import { invalidInput } from '../../../../platform/domain/index.js';

/** The accounts the ledger posts to, by role. Every journal line uses one of these codes. */
export const ACCOUNTS = {
  CASH: '1000',
  RECEIVABLES: '1100',
  CONTRACT_ASSET: '1150',
  SALES_TAX: '2100',
  UNAPPLIED_CASH: '2300',
  REVENUE: '4000',
  BAD_DEBT: '6900',
  FX_GAIN_LOSS: '7900',
} as const;

/** An account code of the chart. */
export type AccountCode = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** One account of the chart of accounts. */
export interface ChartAccount {
  code: AccountCode;
  name: string;
  /** Balance-sheet or P&L classification, for reporting. */
  kind: 'ASSET' | 'LIABILITY' | 'REVENUE' | 'EXPENSE';
}

/** The chart of accounts, in code order. */
export const CHART_OF_ACCOUNTS: readonly ChartAccount[] = Object.freeze([
  { code: ACCOUNTS.CASH, name: 'Cash', kind: 'ASSET' },
  { code: ACCOUNTS.RECEIVABLES, name: 'Accounts receivable', kind: 'ASSET' },
  { code: ACCOUNTS.CONTRACT_ASSET, name: 'Contract asset / deferred revenue (net)', kind: 'ASSET' },
  { code: ACCOUNTS.SALES_TAX, name: 'Sales tax payable', kind: 'LIABILITY' },
  { code: ACCOUNTS.UNAPPLIED_CASH, name: 'Unapplied cash', kind: 'LIABILITY' },
  { code: ACCOUNTS.REVENUE, name: 'Services revenue', kind: 'REVENUE' },
  { code: ACCOUNTS.BAD_DEBT, name: 'Bad debt expense', kind: 'EXPENSE' },
  { code: ACCOUNTS.FX_GAIN_LOSS, name: 'Realised FX gain/loss', kind: 'REVENUE' },
] as ChartAccount[]);

const BY_CODE: ReadonlyMap<string, ChartAccount> = new Map(CHART_OF_ACCOUNTS.map((a) => [a.code, a]));

/** True when `code` is an account of the chart. */
export function isAccountCode(code: string): code is AccountCode {
  return BY_CODE.has(code);
}

/** Validates an account code input, naming the field and listing the valid codes when it is unknown. */
export function requireAccountCode(field: string, code: string): AccountCode {
  if (!isAccountCode(code)) throw invalidInput(field, `"${code}" is not an account of the chart`, { accounts: [...BY_CODE.keys()] });
  return code;
}

/** Name of an account; unknown codes (which the ledger never writes) read as themselves. */
export function accountName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}
