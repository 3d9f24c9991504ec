/**
 * Who is acting and under which correlation id: passed from the GraphQL layer into every use case so that
 * records, audit and events can say who did what, as part of which flow.
 */
export interface Invocation {
  /** Subject of the caller (user id, or `system:<component>` for orchestration). */
  actor: string;
  /** Roles of the caller, recorded in the audit trail. */
  roles?: readonly string[];
  /** The GraphQL mutation being executed (set per root mutation field), recorded in the audit trail. */
  operation?: string;
  /** Legal entities the caller may act in (`*` for all; absent for system work, which may act anywhere). */
  legalEntities?: '*' | readonly string[];
  /** The caller's own resource, when the caller is a consultant (they may act only on their own time and expenses). */
  resourceId?: string | null;
  /** True when the caller may act only on their own resource's records. */
  ownResourceOnly?: boolean;
  /** The event or request that caused this work (recorded on the events it emits). */
  causationId?: string | null;
  /** The client idempotency key this work completes, if any (completed in the same transaction as the writes). */
  idempotency?: {
    scope: string;
    key: string;
    /**
     * What the request will answer, read from a unit of work's return value, so that the key completes with the
     * answer itself (the GraphQL layer sets it; without it the key completes with the entities the work wrote).
     */
    resultOf?: (value: unknown) => { refs: Array<{ typename: string; id: string }>; value?: unknown };
    /** What the key was completed with by the last committed unit of work (set after its commit). */
    completed?: { refs: Array<{ typename: string; id: string }>; value?: unknown };
  };
  /** Correlation id of the request or flow. */
  correlationId: string;
  /** Current time as an ISO string; injectable so tests and seeds control it. */
  now(): string;
}

/** An invocation for system work outside a request (seeding, maintenance). */
export function systemInvocation(component: string, correlationId = `system-${component}`): Invocation {
  return { actor: `system:${component}`, correlationId, now: () => new Date().toISOString() };
}

/** True when the invocation may act on rows of this legal entity. */
export function mayActIn(inv: Invocation, legalEntityId: string | null | undefined): boolean {
  if (inv.legalEntities === undefined || inv.legalEntities === '*') return true;
  return legalEntityId !== null && legalEntityId !== undefined && inv.legalEntities.includes(legalEntityId);
}
