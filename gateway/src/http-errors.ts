import type { ErrorRequestHandler } from 'express';

/** Writes a GraphQL-shaped error body with an HTTP status, for failures that happen before GraphQL runs. */
export function httpError(status: number, code: string, message: string) {
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

/**
 * Express error handler for the edge: oversized bodies → 413, malformed JSON or a bad charset → 400, anything
 * else the body parser rejects → 4xx; never an HTML page, never a 5xx for client input.
 */
export const edgeErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const type = (error as { type?: string }).type;
  const status = Number((error as { status?: number }).status ?? 500);
  let reply;
  if (type === 'entity.too.large') reply = httpError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large');
  else if (type === 'entity.parse.failed') reply = httpError(400, 'BAD_REQUEST', 'Request body is not valid JSON');
  else if (type === 'charset.unsupported' || type === 'encoding.unsupported') reply = httpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported charset or content encoding');
  else if (status >= 400 && status < 500) reply = httpError(status, 'BAD_REQUEST', 'Malformed request');
  else {
    next(error);
    return;
  }
  res.status(reply.status).json(reply.body);
};
