import { canSeeLegalEntity, legalEntityFilter, type Principal, type Role } from './principal.js';

/**
 * How the rows of one entity type are scoped:
 * - `shared`: master or reference data every authenticated caller sees (accounts, contacts, currencies, rates);
 * - `legalEntity`: only rows of the caller's legal entities (`legalEntityId`, or the id itself for LegalEntity);
 * - `legalEntity` with `ownResource`: in addition, a consultant sees only rows of their own resource (`resourceId`).
 */
export type RowRule =
  | { kind: 'shared'; note?: string }
  | { kind: 'legalEntity'; ownResource?: boolean; note?: string };

/** Row rules of every entity type a subgraph serves (the source the docs table and the access matrix read). */
export type RowPolicy = Readonly<Record<string, RowRule>>;

/** Roles that see every row of their legal entities; a caller with only `consultant` sees just their own entries. */
const BROAD_READERS: readonly Role[] = ['project_manager', 'sales', 'finance', 'executive', 'bi_reader', 'integration_admin'];

/** True when own-resource restrictions apply to the caller. */
export function restrictedToOwnResource(p: Principal): boolean {
  return p.roles.includes('consultant') && !p.roles.some((r) => BROAD_READERS.includes(r));
}

/** A record as row rules see it. */
export interface ScopedRecord {
  legalEntityId?: string | null;
  resourceId?: string | null;
}

/** True when the caller may see this record under the rule. */
export function rowVisible(rule: RowRule, p: Principal, record: ScopedRecord): boolean {
  if (rule.kind === 'shared') return true;
  if (!canSeeLegalEntity(p, record.legalEntityId)) return false;
  if (rule.ownResource && restrictedToOwnResource(p)) return record.resourceId === p.resourceId;
  return true;
}

/** The SQL restrictions a rule implies for a caller: allowed legal entities (null = any) and a resource (null = any). */
export function rowFilter(rule: RowRule, p: Principal): { legalEntityIds: string[] | null; resourceId: string | null } {
  if (rule.kind === 'shared') return { legalEntityIds: null, resourceId: null };
  return {
    legalEntityIds: legalEntityFilter(p),
    resourceId: rule.ownResource && restrictedToOwnResource(p) ? (p.resourceId ?? '\u0000none') : null,
  };
}
