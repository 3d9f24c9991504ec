/**
 * Produces a new identifier for a type prefix. The service passes `newId` from the platform; the seed generator
 * passes a seeded variant, so the pure domain functions stay deterministic under test and seeding.
 */
export type IdFactory = (prefix: string) => string;

/** Identifier prefixes of the records finance creates (`<prefix>_<ULID body>`). */
export const ID_PREFIX = {
  exchangeRate: 'fx',
  customerFinancial: 'cf',
  receivable: 'ar',
  application: 'rap',
  payment: 'pay',
  journalEntry: 'je',
  journalLine: 'jl',
  revenueSchedule: 'rs',
  revenueLine: 'rsl',
  revenueModification: 'rsm',
} as const;

/** What every record-creating function needs besides its input: ids, the clock and, for journals, a number. */
export interface PostingEnv {
  ids: IdFactory;
  /** Current time as an ISO-8601 string (audit timestamps). */
  now: string;
  /** Number the journal entry created by this operation gets (`JE-00000042`), from the legal entity's counter. */
  journalNumber: string;
}
