import type { Queryable } from '../../../../platform/db/index.js';
import { DEFAULT_PREFIX, validatePrefix, type DocumentType } from '../domain/numbering.js';

/** A number handed out by a series: the prefix in force and the sequence value. */
export interface TakenNumber {
  prefix: string;
  sequence: bigint;
}

/**
 * Takes the next value of a legal entity's series for `documentType`. Must run inside the transaction that issues
 * the document: the series row stays locked (SELECT … FOR UPDATE) until that transaction ends, so concurrent issues
 * queue up, and a rollback returns the number: the series stays gapless. A missing series is created on first use
 * with the default prefix (INV- / CM-).
 */
export async function takeNextNumber(tx: Queryable, legalEntityId: string, documentType: DocumentType): Promise<TakenNumber> {
  await tx.query(
    `INSERT INTO number_series (legal_entity_id, document_type, prefix, next_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (legal_entity_id, document_type) DO NOTHING`,
    [legalEntityId, documentType, DEFAULT_PREFIX[documentType]],
  );
  const rows = await tx.query<{ prefix: string; next_value: bigint }>(
    'SELECT prefix, next_value FROM number_series WHERE legal_entity_id = $1 AND document_type = $2 FOR UPDATE',
    [legalEntityId, documentType],
  );
  const row = rows[0];
  if (!row) throw new Error(`number series ${legalEntityId}/${documentType} vanished while being locked`);
  await tx.query('UPDATE number_series SET next_value = next_value + 1 WHERE legal_entity_id = $1 AND document_type = $2', [legalEntityId, documentType]);
  return { prefix: row.prefix, sequence: BigInt(row.next_value) };
}

/**
 * Sets the prefix of a legal entity's series (creating the series at 1 when it does not exist yet), for the seed
 * loader and administration. The sequence continues where it was: changing a prefix never re-uses numbers.
 */
export async function setNumberSeriesPrefix(db: Queryable, legalEntityId: string, documentType: DocumentType, prefix: string): Promise<void> {
  await db.query(
    `INSERT INTO number_series (legal_entity_id, document_type, prefix, next_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (legal_entity_id, document_type) DO UPDATE SET prefix = EXCLUDED.prefix`,
    [legalEntityId, documentType, validatePrefix(prefix)],
  );
}

/**
 * Moves a series forward so that the next number is at least `nextValue` (the seed loader calls it after bulk-loading
 * issued documents with numbers). It never moves a series backwards.
 */
export async function advanceNumberSeries(db: Queryable, legalEntityId: string, documentType: DocumentType, nextValue: bigint): Promise<void> {
  await db.query(
    `INSERT INTO number_series (legal_entity_id, document_type, prefix, next_value) VALUES ($1, $2, $3, $4)
     ON CONFLICT (legal_entity_id, document_type) DO UPDATE SET next_value = GREATEST(number_series.next_value, EXCLUDED.next_value)`,
    [legalEntityId, documentType, DEFAULT_PREFIX[documentType], nextValue],
  );
}
