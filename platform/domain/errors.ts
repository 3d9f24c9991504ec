/**
 * Stable error codes returned in `extensions.code`. Clients switch on these, so they never change meaning.
 */
export const ErrorCode = {
  /** Input failed validation; `details.field` names the offending input. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The requested state change is not allowed from the entity's current state. */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** `expectedVersion` did not match; `details.currentVersion` says what it is now. */
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  /** The entity does not exist (or is not visible to the caller). */
  NOT_FOUND: 'NOT_FOUND',
  /** A uniqueness rule was violated (natural key already taken, duplicate number). */
  CONFLICT: 'CONFLICT',
  /** The caller may not do this (role, legal entity or ownership). */
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * An expected business failure. Domain modules throw it; the GraphQL layer turns it into an error with
 * `extensions.code` and the details, and the surrounding transaction rolls back so nothing is written.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Validation failure on one input field. */
export function invalidInput(field: string, message: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field, ...extra });
}

/** The entity was not found. */
export function notFound(entity: string, id: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} not found`, { entity, id });
}

/** Optimistic concurrency failure. */
export function versionConflict(entity: string, id: string, expectedVersion: number, currentVersion: number): DomainError {
  return new DomainError(
    ErrorCode.VERSION_CONFLICT,
    `${entity} ${id} is at version ${currentVersion}, not ${expectedVersion}; reload and retry`,
    { entity, id, expectedVersion, currentVersion },
  );
}

/** Throws VERSION_CONFLICT when the caller passed an expected version that differs from the current one. */
export function checkVersion(entity: string, id: string, current: number, expected: number | null | undefined): void {
  if (expected !== undefined && expected !== null && expected !== current) throw versionConflict(entity, id, expected, current);
}

/** The caller may not act here (wrong legal entity, not their own record). */
export function forbiddenAction(message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, details);
}
