import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { claimsOf, principalFromClaims, type Principal } from './principal.js';

/** Issuer of the tokens the gateway mints for subgraphs. */
export const INTERNAL_ISSUER = 'ps-gateway';
/** Lifetime of an internal token: long enough for one query plan, short enough to be useless when stolen. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
const ALGORITHM = 'ES256';

/** Key material of the internal tokens: the gateway signs with the private key, subgraphs verify with the public key. */
export interface InternalKeys {
  privateKeyPem?: string;
  publicKeyPem: string;
}

/**
 * Signs the identity the gateway forwards to one subgraph: the principal, the correlation id, and the subgraph as
 * audience, so a token captured on its way to one subgraph is refused by every other.
 */
export function signInternalToken(privateKey: string | KeyObject, principal: Principal, audience: string, correlationId: string): string {
  return jwt.sign({ ...claimsOf(principal), cid: correlationId }, privateKey, {
    algorithm: ALGORITHM,
    audience,
    issuer: INTERNAL_ISSUER,
    expiresIn: INTERNAL_TOKEN_TTL_SECONDS,
  });
}

/** Raised when an internal token is missing or invalid. */
export class InternalTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalTokenError';
  }
}

/** Verifies an internal token for `audience` and returns the principal and correlation id it carries. */
export function verifyInternalToken(publicKey: string | KeyObject, token: string, audience: string): { principal: Principal; correlationId: string | null } {
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, publicKey, { algorithms: [ALGORITHM], audience, issuer: INTERNAL_ISSUER, clockTolerance: 5 });
    if (typeof decoded === 'string') throw new Error('unexpected string payload');
    claims = decoded;
  } catch (error) {
    throw new InternalTokenError(`internal token rejected: ${(error as Error).message}`);
  }
  if (typeof claims.exp !== 'number') throw new InternalTokenError('internal token rejected: no expiry');
  try {
    return { principal: principalFromClaims(claims), correlationId: typeof claims.cid === 'string' ? claims.cid : null };
  } catch (error) {
    throw new InternalTokenError(`internal token rejected: ${(error as Error).message}`);
  }
}

/**
 * Parsed key objects for repeated use: parsing a PEM costs more than the ES256 operation itself, so the gateway and
 * the subgraphs parse once at start-up, not per request.
 */
export function internalSigningKey(privateKeyPem: string): KeyObject {
  return createPrivateKey(privateKeyPem);
}

/** See `internalSigningKey`. */
export function internalVerifyKey(publicKeyPem: string): KeyObject {
  return createPublicKey(publicKeyPem);
}
