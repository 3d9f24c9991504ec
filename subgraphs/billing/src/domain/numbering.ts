import { invalidInput } from '../../../../platform/domain/index.js';

/** Documents numbered from a legal entity's gapless series. */
export type DocumentType = 'INVOICE' | 'CREDIT_MEMO';

/** One gapless number series: the prefix and the next sequence value to hand out. */
export interface NumberSeries {
  legalEntityId: string;
  documentType: DocumentType;
  prefix: string;
  nextValue: bigint;
}

/** Prefix of a series created on first use, when the legal entity has none configured. */
export const DEFAULT_PREFIX: Readonly<Record<DocumentType, string>> = Object.freeze({ INVOICE: 'INV-', CREDIT_MEMO: 'CM-' });

/** Digits the sequence is padded to. */
export const SEQUENCE_DIGITS = 6;

const PREFIX = /^[A-Za-z0-9][A-Za-z0-9\-/_.]{0,19}$/;

/** Validates a series prefix: 1–20 characters, letters, digits and `- / _ .`, starting with a letter or digit. */
export function validatePrefix(prefix: string): string {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
    throw invalidInput('prefix', 'must be 1 to 20 letters, digits or - / _ . and start with a letter or digit');
  }
  return prefix;
}

/**
 * The printed document number: `{prefix}{issueYear}-{sequence padded to 6}`, e.g. `INV-2026-000042`.
 * The sequence is continuous per legal entity and document type; the year only labels it (it does not reset).
 */
export function formatDocumentNumber(prefix: string, issueDate: string, sequence: bigint): string {
  if (sequence < 1n) throw new RangeError('document sequence values start at 1');
  return `${prefix}${issueDate.slice(0, 4)}-${sequence.toString().padStart(SEQUENCE_DIGITS, '0')}`;
}
