import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';
import jwt, { type Algorithm, type JwtHeader } from 'jsonwebtoken';
import { JwksKeyCache } from './jwks.js';
import type { EdgeAuthConfig } from '../../../platform/auth/config.js';
import { principalFromClaims, type Principal } from '../../../platform/auth/principal.js';

/** Raised for any client token that must be answered with HTTP 401. The message is safe to show. */
export class UnauthenticatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Algorithm a public key may verify, pinned by the key's type (no HS/RS confusion possible). */
function algorithmOf(key: KeyObject): Algorithm {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error(`unsupported public key type ${key.asymmetricKeyType}`);
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Verifies client JWTs at the edge with `jsonwebtoken`: the algorithm is pinned per key (HS256 for the shared secret,
 * RS256 or ES256 by the type of the PEM or JWKS key), `exp` is required, `iss` and `aud` are checked, `nbf` is
 * honoured, and only a small clock tolerance applies. JWKS keys are cached and looked up by `kid`; unknown `kid`s
 * refetch at most once per cool-down.
 */
export class EdgeVerifier {
  /** The JWKS cache, when keys come from an endpoint (exposed for tests and metrics). */
  readonly jwks: JwksKeyCache | undefined;
  private readonly pemKey: KeyObject | undefined;
  private readonly pemAlgorithm: Algorithm | undefined;
  // A KeyObject, not the raw string: jsonwebtoken otherwise tries (and fails) to parse the secret as a public key on
  // every verification, which costs more than the HMAC itself.
  private readonly secretKey: KeyObject | undefined;

  constructor(private readonly config: EdgeAuthConfig) {
    this.secretKey = config.secret ? createSecretKey(Buffer.from(config.secret, 'utf8')) : undefined;
    this.pemKey = config.publicKeyPem ? createPublicKey(config.publicKeyPem) : undefined;
    this.pemAlgorithm = this.pemKey ? algorithmOf(this.pemKey) : undefined;
    this.jwks = config.jwksUrl
      ? new JwksKeyCache({ url: config.jwksUrl, cooldownMs: config.jwksCooldownSeconds * 1000, maxAgeMs: 10 * 60_000, timeoutMs: 5000 })
      : undefined;
  }

  /** Extracts and verifies the bearer token of an `Authorization` header. */
  async verifyHeader(authorization: string | undefined): Promise<Principal> {
    if (!authorization) throw new UnauthenticatedError('Missing bearer token');
    const match = BEARER.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('Malformed Authorization header (expected "Bearer <jwt>")');
    return this.verify(match[1] as string);
  }

  /** Verifies a compact JWT and maps its claims to a principal. */
  async verify(token: string): Promise<Principal> {
    const decoded = jwt.decode(token, { complete: true });
    if (!decoded || typeof decoded.payload === 'string') throw new UnauthenticatedError('Malformed token');
    const { key, algorithms } = await this.keyFor(decoded.header);
    let claims: jwt.JwtPayload;
    try {
      const verified = jwt.verify(token, key, {
        algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: this.config.clockToleranceSeconds,
      });
      if (typeof verified === 'string') throw new Error('unexpected payload');
      claims = verified;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TokenExpiredError') throw new UnauthenticatedError('Token expired');
      if (name === 'NotBeforeError') throw new UnauthenticatedError('Token not yet valid');
      throw new UnauthenticatedError('Invalid token');
    }
    // jsonwebtoken checks exp only when present; a token that never expires is refused.
    if (typeof claims.exp !== 'number') throw new UnauthenticatedError('Token has no expiry (exp)');
    try {
      return principalFromClaims(claims);
    } catch (error) {
      throw new UnauthenticatedError(`Invalid token claims: ${(error as Error).message}`);
    }
  }

  private async keyFor(header: JwtHeader): Promise<{ key: KeyObject; algorithms: Algorithm[] }> {
    const alg = header.alg;
    if (alg === 'HS256' && this.secretKey) return { key: this.secretKey, algorithms: ['HS256'] };
    if ((alg === 'RS256' || alg === 'ES256') && this.jwks && header.kid) {
      const key = await this.jwks.keyFor(header.kid);
      if (!key) throw new UnauthenticatedError('Unknown signing key');
      if (algorithmOf(key) !== alg) throw new UnauthenticatedError('Invalid token');
      return { key, algorithms: [alg] };
    }
    if ((alg === 'RS256' || alg === 'ES256') && this.pemKey && this.pemAlgorithm === alg) return { key: this.pemKey, algorithms: [alg] };
    // alg "none", HS256 without a secret (key confusion), or anything else.
    throw new UnauthenticatedError('Invalid token');
  }
}
