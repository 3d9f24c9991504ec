import type { RequestHandler } from 'express';
import { UnauthenticatedError, type EdgeVerifier } from './edge-verifier.js';

/**
 * Express middleware for `/graphql`: every request must carry a valid bearer token, else HTTP 401 with
 * `extensions.code` UNAUTHENTICATED. The principal is kept in `res.locals.principal` for the GraphQL context.
 */
export function requireClientToken(verifier: EdgeVerifier): RequestHandler {
  return (req, res, next) => {
    verifier.verifyHeader(req.headers.authorization).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error) => {
        if (!(error instanceof UnauthenticatedError)) {
          next(error);
          return;
        }
        res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
        res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
      },
    );
  };
}
