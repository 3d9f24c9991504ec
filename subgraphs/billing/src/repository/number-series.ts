import type { Queryable } from '../../../../platform/db/index.js';
import { DEFAULT_PREFIX, validatePrefix, type DocumentType } from '../domain/numbering.js';

/** A number handed out by a series: the prefix in force and the sequence value. */
export interface TakenNumber {
  prefix: string;
  sequence: bigint;
}

/**
 * Takes the next value of a legal entity's series for `documentType`, in one statement. Must run inside the
 * transaction that issues the document: the upsert leaves the series row locked until that transaction ends, so
 * concurrent issues queue up, and a rollback returns the number: the series stays gapless. A missing series is created
 * on first use with the default prefix (INV- / CM-), handing out 1.
 */
export async function takeNextNumber(tx: Queryable, legalEntityId: string, documentType: DocumentType): Promise<TakenNumber> {
  const rows = await tx.query<{ prefix: string; taken: bigint }>(
    `INSERT INTO number_series (legal_entity_id, document_type, prefix, next_value) VALUES ($1, $2, $3, 2)
     ON CONFLICT (legal_entity_id, document_type) DO UPDATE SET next_value = number_series.next_value + 1
     RETURNING prefix, next_value - 1 AS taken`,
    [legalEntityId, documentType, DEFAULT_PREFIX[documentType]],
  );
  const row = rows[0];
  if (!row) throw new Error(`number series ${legalEntityId}/${documentType} handed out no number`);
  return { prefix: row.prefix, sequence: BigInt(row.taken) };
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
