/** The roles of the firm's users and integrations. */
export const ROLES = ['consultant', 'project_manager', 'sales', 'finance', 'executive', 'bi_reader', 'integration_admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as established by a verified token. */
export interface Principal {
  /** Subject: a user id, or `system:<component>` for the orchestration. */
  subject: string;
  roles: Role[];
  /** Legal entities whose rows the principal may see and change; `*` for all. */
  legalEntities: '*' | string[];
  /** For consultants: their resource id in the PSA (they see and book only their own time and expenses). */
  resourceId: string | null;
}

/** Raised when verified claims do not describe a usable principal. */
export class InvalidClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidClaimsError';
  }
}

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);
const ENTITY_ID = /^[A-Za-z0-9_:-]{1,64}$/;
const SUBJECT = /^[A-Za-z0-9_.:@|-]{1,200}$/;

/**
 * Maps verified JWT claims to a principal: `sub`, `roles` (array of known role names; unknown ones are ignored, at
 * least one must remain), `legal_entities` (`"*"` or an array of ids) and `resource_id` (required for consultants).
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const subject = claims.sub;
  if (typeof subject !== 'string' || !SUBJECT.test(subject)) throw new InvalidClaimsError('token has no valid subject (sub)');
  const rawRoles = claims.roles;
  if (!Array.isArray(rawRoles)) throw new InvalidClaimsError('token has no roles claim');
  const roles = [...new Set(rawRoles.filter(isRole))];
  if (roles.length === 0) throw new InvalidClaimsError('token carries no known role');
  const le = claims.legal_entities;
  let legalEntities: Principal['legalEntities'];
  if (le === '*') legalEntities = '*';
  else if (Array.isArray(le) && le.every((x) => typeof x === 'string' && ENTITY_ID.test(x))) legalEntities = [...new Set(le as string[])];
  else throw new InvalidClaimsError('legal_entities must be "*" or a list of legal entity ids');
  const rid = claims.resource_id;
  if (rid !== undefined && rid !== null && (typeof rid !== 'string' || !ENTITY_ID.test(rid))) throw new InvalidClaimsError('resource_id is malformed');
  const resourceId = typeof rid === 'string' ? rid : null;
  if (roles.includes('consultant') && !resourceId) throw new InvalidClaimsError('a consultant token must carry resource_id');
  return { subject, roles, legalEntities, resourceId };
}

/** The claims that carry a principal (inverse of `principalFromClaims`). */
export function claimsOf(p: Principal): Record<string, unknown> {
  return { sub: p.subject, roles: p.roles, legal_entities: p.legalEntities, ...(p.resourceId ? { resource_id: p.resourceId } : {}) };
}

/** True when the principal holds at least one of the roles. */
export function hasAnyRole(p: Principal, roles: readonly Role[]): boolean {
  return p.roles.some((r) => roles.includes(r));
}

/** True when the principal may see rows of this legal entity. */
export function canSeeLegalEntity(p: Principal, legalEntityId: string | null | undefined): boolean {
  if (p.legalEntities === '*') return true;
  return legalEntityId !== null && legalEntityId !== undefined && p.legalEntities.includes(legalEntityId);
}

/** The legal-entity restriction to apply in SQL: null for none, else the allowed ids. */
export function legalEntityFilter(p: Principal): string[] | null {
  return p.legalEntities === '*' ? null : p.legalEntities;
}

/** A principal for the product's own system work (seeding, orchestration). */
export function systemPrincipal(component: string): Principal {
  return { subject: `system:${component}`, roles: ['executive', 'finance', 'project_manager', 'sales', 'integration_admin'], legalEntities: '*', resourceId: null };
}
