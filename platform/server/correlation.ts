import { randomUUID } from 'node:crypto';

/** Header carrying the correlation id from client to gateway to subgraphs, and back in responses. */
export const CORRELATION_HEADER = 'x-correlation-id';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The correlation id of a request: the caller's when it is well-formed, otherwise a new UUID. A malformed value is
 * replaced, not echoed, so a header cannot inject text into logs or responses.
 */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE.test(value) ? value : randomUUID();
}
