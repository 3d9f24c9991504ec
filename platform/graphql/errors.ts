import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../domain/errors.js';
import { CurrencyMismatchError, UnknownCurrencyError } from '../money/index.js';
import { InvalidDecimalError } from '../money/decimal.js';

/** Codes the GraphQL layer itself produces and that pass through unchanged. */
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE', 'UNAUTHENTICATED', 'FORBIDDEN',
]);

/** Classifies a thrown value as a client-facing error, or returns null for an unexpected failure. */
export function toClientError(error: unknown): { code: string; message: string; details: Record<string, unknown> } | null {
  if (error instanceof DomainError) return { code: error.code, message: error.message, details: { ...error.details } };
  if (error instanceof UnknownCurrencyError || error instanceof InvalidDecimalError || error instanceof CurrencyMismatchError) {
    return { code: ErrorCode.BAD_USER_INPUT, message: error.message, details: {} };
  }
  const pgCode = (error as { code?: unknown } | null)?.code;
  if (pgCode === '23505') {
    return { code: ErrorCode.CONFLICT, message: 'A record with the same unique key already exists', details: { constraint: (error as { constraint?: string }).constraint } };
  }
  return null;
}

/**
 * Apollo `formatError`: domain failures keep their stable code and details; anything unexpected is logged by the
 * caller and reaches the client as a generic INTERNAL_SERVER_ERROR without internals.
 *
 * `trustUpstreamCodes` is for the gateway: errors that already carry a code were classified by a subgraph (or by the
 * gateway's own fetch layer) and pass through unchanged; only uncoded or internal errors are masked.
 */
export function formatGraphQLError(onUnexpected: (error: unknown) => void, trustUpstreamCodes = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const client = toClientError(original);
    if (client) {
      return { message: client.message, locations: formatted.locations, path: formatted.path, extensions: { ...client.details, code: client.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (PASS_THROUGH.has(code) || (trustUpstreamCodes && code !== 'INTERNAL_SERVER_ERROR'))) return formatted;
    onUnexpected(original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
