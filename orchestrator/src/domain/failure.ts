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

/**
 * Maximum attempts of a step before a transient failure fails it for good (first try included). pg-boss waits
 * 1–2 s, 2–4 s, … doubling between attempts, so ten attempts ride out 8–17 minutes of a system being down or of a
 * crashed request's idempotency claim (leased for a minute) before an operator is asked to step in.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;
