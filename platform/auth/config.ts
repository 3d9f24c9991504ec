import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadOrCreateDevKeys } from './keys.js';

/** Issuer and audience of development client tokens (`npm run token`). */
export const DEV_ISSUER = 'ps-gateway-dev';
export const DEV_AUDIENCE = 'ps-gateway';

/** How the gateway verifies client tokens. */
export interface EdgeAuthConfig {
  /** HS256 shared secret (AUTH_JWT_SECRET). */
  secret?: string;
  /** PEM public key, RS256 or ES256 by its type (AUTH_JWT_PUBLIC_KEY: PEM text or a file path). */
  publicKeyPem?: string;
  /** JWKS endpoint (AUTH_JWKS_URL), keys cached and selected by `kid`. */
  jwksUrl?: string;
  /** Minimum seconds between two JWKS fetches for unknown `kid`s (AUTH_JWKS_COOLDOWN_SECONDS, default 60). */
  jwksCooldownSeconds: number;
  /** Required `iss` (AUTH_ISSUER). */
  issuer: string;
  /** Required `aud` (AUTH_AUDIENCE). */
  audience: string;
  /** Clock skew tolerated on exp/nbf in seconds (AUTH_CLOCK_TOLERANCE_SECONDS, default 5, at most 60). */
  clockToleranceSeconds: number;
  /** True when the keys are the generated development ones. */
  development: boolean;
}

/** Keys of the gateway → subgraph tokens. */
export interface InternalAuthConfig {
  /** ES256 private key (gateway only): INTERNAL_JWT_PRIVATE_KEY, PEM text or file path. */
  privateKeyPem?: string;
  /** ES256 public key (subgraphs): INTERNAL_JWT_PUBLIC_KEY, PEM text or file path. */
  publicKeyPem: string;
}

/** Raised at start-up when security configuration is missing or unsafe. */
export class AuthConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthConfigError';
  }
}

/** A PEM given inline or as a path to a file. */
function pemFrom(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = value.includes('-----BEGIN') ? value : readFileSync(resolve(value), 'utf8');
  if (!text.includes('-----BEGIN')) throw new AuthConfigError(`${name} is neither a PEM key nor a file containing one`);
  return text.replace(/\\n/g, '\n');
}

function seconds(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new AuthConfigError(`${name} must be an integer from 0 to ${max}`);
  return n;
}

/**
 * Client-token verification settings. In development with nothing configured, a local HS256 secret is generated
 * once under `<DATA_DIR>/auth`; with NODE_ENV=production, missing keys, issuer or audience stop the start-up.
 */
export function edgeAuthConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): EdgeAuthConfig {
  const production = env.NODE_ENV === 'production';
  const secret = env.AUTH_JWT_SECRET || undefined;
  const publicKeyPem = pemFrom('AUTH_JWT_PUBLIC_KEY', env.AUTH_JWT_PUBLIC_KEY);
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  if (secret !== undefined && secret.length < 32) throw new AuthConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  if (jwksUrl) {
    const url = new URL(jwksUrl);
    if (production && url.protocol !== 'https:') throw new AuthConfigError('AUTH_JWKS_URL must use https in production');
  }
  const configured = Boolean(secret || publicKeyPem || jwksUrl);
  const base = {
    jwksCooldownSeconds: seconds(env, 'AUTH_JWKS_COOLDOWN_SECONDS', 60, 86_400),
    clockToleranceSeconds: seconds(env, 'AUTH_CLOCK_TOLERANCE_SECONDS', 5, 60),
  };
  if (!configured) {
    if (production) throw new AuthConfigError('NODE_ENV=production needs AUTH_JWT_SECRET, AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL');
    return { ...base, secret: loadOrCreateDevKeys(dataDir).clientSecret, issuer: env.AUTH_ISSUER || DEV_ISSUER, audience: env.AUTH_AUDIENCE || DEV_AUDIENCE, development: true };
  }
  if (!env.AUTH_ISSUER || !env.AUTH_AUDIENCE) throw new AuthConfigError('AUTH_ISSUER and AUTH_AUDIENCE are required when client keys are configured');
  return { ...base, secret, publicKeyPem, jwksUrl, issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, development: false };
}

/** Internal-token keys: configured PEMs, or in development the generated pair under `<DATA_DIR>/auth`. */
export function internalAuthConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string, needPrivateKey: boolean): InternalAuthConfig {
  const privateKeyPem = pemFrom('INTERNAL_JWT_PRIVATE_KEY', env.INTERNAL_JWT_PRIVATE_KEY);
  const publicKeyPem = pemFrom('INTERNAL_JWT_PUBLIC_KEY', env.INTERNAL_JWT_PUBLIC_KEY);
  if (publicKeyPem && (!needPrivateKey || privateKeyPem)) return { privateKeyPem, publicKeyPem };
  if (env.NODE_ENV === 'production') {
    throw new AuthConfigError(needPrivateKey ? 'NODE_ENV=production needs INTERNAL_JWT_PRIVATE_KEY and INTERNAL_JWT_PUBLIC_KEY' : 'NODE_ENV=production needs INTERNAL_JWT_PUBLIC_KEY');
  }
  const dev = loadOrCreateDevKeys(dataDir);
  return { privateKeyPem: dev.internalPrivateKeyPem, publicKeyPem: dev.internalPublicKeyPem };
}
