import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { Database, Queryable } from './database.js';

/** How long a key is kept (at least 24 hours, as promised to clients). */
export const IDEMPOTENCY_RETENTION_MS = 26 * 3_600_000;
/** How long a claim stays in flight before a retry may take it over (the first request crashed or hung). */
export const IDEMPOTENCY_LEASE_MS = 60_000;

/** Stable error codes of idempotency failures. */
export const IdempotencyCode = {
  REUSED: 'IDEMPOTENCY_KEY_REUSED',
  IN_FLIGHT: 'IDEMPOTENCY_KEY_IN_FLIGHT',
} as const;

/** What a completed key stored: the entities the first request produced (re-read on replay). */
export interface StoredResult {
  refs: Array<{ typename: string; id: string }>;
  value?: unknown;
}

/** Outcome of claiming a key. */
export type Claim = { kind: 'claimed' } | { kind: 'replay'; result: StoredResult };

/** A canonical hash of an operation and its input (key order does not matter; the key itself is excluded). */
export function requestHash(operation: string, input: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v as object).filter((k) => k !== 'idempotencyKey').sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return createHash('sha256').update(`${operation}\n${JSON.stringify(canonical(input))}`).digest('hex');
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Claims an idempotency key for a request (Stripe semantics), committed before the request's work so that concurrent
 * requests see the claim: a new key is claimed; the same key with the same input after completion replays the stored result;
 * with another input it is IDEMPOTENCY_KEY_REUSED; while the first request is still running it is
 * IDEMPOTENCY_KEY_IN_FLIGHT. A claim whose lease expired (its request died) is taken over.
 */
export async function claimIdempotencyKey(db: Database, scope: string, key: string, operation: string, hash: string, now: Date = new Date()): Promise<Claim> {
  if (!KEY.test(key)) throw new DomainError('BAD_USER_INPUT', 'idempotencyKey must be 1–255 printable ASCII characters', { field: 'idempotencyKey' });
  const insert = (q: Queryable) => q.query(
    `INSERT INTO idempotency_keys (scope, key, operation, request_hash, status, locked_until, created_at, expires_at)
     VALUES ($1, $2, $3, $4, 'IN_FLIGHT', $5, $6, $7) ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
    [scope, key, operation, hash, new Date(now.getTime() + IDEMPOTENCY_LEASE_MS).toISOString(), now.toISOString(), new Date(now.getTime() + IDEMPOTENCY_RETENTION_MS).toISOString()],
  );
  // A new key (nearly every request) is claimed by one atomic statement; only a key that exists needs the transaction
  // that reads it under lock and decides between replay, reuse, in-flight and takeover.
  if ((await insert(db)).length === 1) return { kind: 'claimed' };
  return db.transaction(async (tx) => {
    const inserted = await insert(tx);
    if (inserted.length === 1) return { kind: 'claimed' } as const;
    const rows = await tx.query<{ operation: string; request_hash: string; status: string; result: StoredResult | null; locked_until: string; expires_at: string }>(
      `SELECT operation, request_hash, status, result, locked_until, expires_at FROM idempotency_keys WHERE scope = $1 AND key = $2 FOR UPDATE`,
      [scope, key],
    );
    const row = rows[0];
    if (!row) throw new DomainError(IdempotencyCode.IN_FLIGHT, 'The request with this idempotency key is still in flight; retry later', { idempotencyKey: key });
    const expired = Date.parse(row.expires_at) <= now.getTime();
    if (expired || (row.status === 'IN_FLIGHT' && Date.parse(row.locked_until) <= now.getTime() && row.request_hash === hash)) {
      await tx.query(
        `UPDATE idempotency_keys SET operation = $3, request_hash = $4, status = 'IN_FLIGHT', result = NULL, locked_until = $5, created_at = $6, expires_at = $7 WHERE scope = $1 AND key = $2`,
        [scope, key, operation, hash, new Date(now.getTime() + IDEMPOTENCY_LEASE_MS).toISOString(), now.toISOString(), new Date(now.getTime() + IDEMPOTENCY_RETENTION_MS).toISOString()],
      );
      return { kind: 'claimed' } as const;
    }
    if (row.operation !== operation || row.request_hash !== hash) {
      throw new DomainError(IdempotencyCode.REUSED, 'This idempotency key was already used with a different request', { idempotencyKey: key });
    }
    if (row.status !== 'COMPLETED') {
      throw new DomainError(IdempotencyCode.IN_FLIGHT, 'The request with this idempotency key is still in flight; retry later', { idempotencyKey: key });
    }
    return { kind: 'replay', result: row.result ?? { refs: [] } } as const;
  });
}

/**
 * True when a replay of `stored` answers exactly what `result` holds for a field returning `typename`: a replay gives
 * back a stored value as it is, and otherwise keeps the stored references of that type, in order, so the stored result
 * needs no refinement.
 */
export function replaysAs(stored: StoredResult | undefined, result: StoredResult, typename: string): boolean {
  if (!stored || 'value' in result !== 'value' in stored) return false;
  if ('value' in result) return JSON.stringify(stored.value) === JSON.stringify(result.value);
  const kept = stored.refs.filter((r) => r.typename === typename);
  return kept.length === result.refs.length && kept.every((r, i) => r.id === result.refs[i]?.id && result.refs[i]?.typename === typename);
}

/** Records the precise result of a completed request (after its business transaction committed the key). */
export async function recordIdempotentResult(db: Database, scope: string, key: string, result: StoredResult): Promise<void> {
  await db.query(`UPDATE idempotency_keys SET status = 'COMPLETED', result = $3 WHERE scope = $1 AND key = $2`, [scope, key, JSON.stringify(result)]);
}

/**
 * Releases a claim whose request failed before committing anything, so the client may retry with the same key
 * (failed validations are not stored, as with Stripe).
 */
export async function releaseIdempotencyKey(db: Database, scope: string, key: string): Promise<void> {
  await db.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status = 'IN_FLIGHT'`, [scope, key]);
}

/** Deletes keys past their retention (run periodically). */
export async function purgeExpiredIdempotencyKeys(db: Database, now: Date = new Date()): Promise<number> {
  const rows = await db.query(`DELETE FROM idempotency_keys WHERE expires_at < $1 RETURNING key`, [now.toISOString()]);
  return rows.length;
}
