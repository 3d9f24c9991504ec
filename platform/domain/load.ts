import { checkVersion, forbiddenAction, notFound } from './errors.js';
import { mayActIn, type Invocation } from './invocation.js';

/** Target of a versioned change: the entity id and, optionally, the version the client based its change on. */
export interface Versioned {
  id: string;
  expectedVersion?: number | null;
}

/**
 * Loads (and locks) the entity a change applies to: NOT_FOUND when it does not exist, VERSION_CONFLICT when the
 * client's `expectedVersion` is stale.
 */
export async function loadForChange<T extends { version: number }>(
  entity: string,
  target: Versioned,
  lock: (id: string) => Promise<T | null>,
  inv?: Invocation,
): Promise<T> {
  const current = await lock(target.id);
  // A record outside the caller's legal entities is as good as absent: its existence is not revealed.
  if (!current || (inv && !visibleTo(inv, current))) throw notFound(entity, target.id);
  checkVersion(entity, target.id, current.version, target.expectedVersion);
  return current;
}

/** True when the invocation may see this record (legal entity, and own resource for consultants). */
export function visibleTo(inv: Invocation, record: object): boolean {
  const r = record as { legalEntityId?: string | null; resourceId?: string | null };
  if ('legalEntityId' in r && !mayActIn(inv, r.legalEntityId)) return false;
  if (inv.ownResourceOnly && 'resourceId' in r && r.resourceId !== inv.resourceId) return false;
  return true;
}

/** Refuses to create or move a record into a legal entity the caller may not act in. */
export function requireLegalEntityAccess(inv: Invocation, legalEntityId: string): void {
  if (!mayActIn(inv, legalEntityId)) throw forbiddenAction(`Not allowed to act in legal entity ${legalEntityId}`, { legalEntityId });
}
