/**
 * A step's failure, classified: transient failures (a system down or slow, a concurrent writer, a request still in
 * flight) are retried with backoff; business refusals (invalid input, a refused transition, missing records) are
 * not: retrying cannot fix them, so they fail the step at once and become an exception for a person.
 */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'StepFailure';
  }
}

/** Error codes after which a retry can succeed. */
const TRANSIENT = new Set([
  'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_TIMEOUT', 'SUBGRAPH_ERROR', 'INTERNAL_SERVER_ERROR', 'VERSION_CONFLICT', 'IDEMPOTENCY_KEY_IN_FLIGHT',
  'NETWORK', 'HTTP_5XX', 'UNAUTHENTICATED',
]);

/** Classifies a GraphQL error code from a system of record. */
export function isRetryableCode(code: string): boolean {
  return TRANSIENT.has(code);
}

/** Maximum attempts of a step before it fails for good (first try included). */
export const DEFAULT_MAX_ATTEMPTS = 6;
