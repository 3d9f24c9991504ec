import { generateKeyPairSync, randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DEV_AUDIENCE, DEV_ISSUER, type EdgeAuthConfig, type InternalAuthConfig } from '../../platform/auth/config.js';
import { claimsOf, type Principal, type Role } from '../../platform/auth/principal.js';

/** Fresh key material for one test graph: an HS256 client secret and an ES256 internal key pair, never written to disk. */
export function testKeys(): { edge: EdgeAuthConfig; internal: InternalAuthConfig } {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    edge: { secret: randomBytes(48).toString('base64url'), issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwksCooldownSeconds: 60, clockToleranceSeconds: 5, development: true },
    internal: {
      privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  };
}

/** A principal for tests. */
export function principal(roles: Role[], legalEntities: '*' | string[] = '*', resourceId: string | null = null, subject = `usr_${roles.join('_')}`): Principal {
  return { subject, roles, legalEntities, resourceId };
}

/** The all-seeing principal most functional tests act as. */
export const EXECUTIVE: Principal = principal(['executive', 'finance', 'project_manager', 'sales', 'integration_admin'], '*', null, 'usr_test_admin');

/** Signs a client token the way an identity provider would, with overridable claims and options. */
export function clientToken(secret: string, p: Principal, options: jwt.SignOptions = {}, extraClaims: Record<string, unknown> = {}): string {
  return jwt.sign({ ...claimsOf(p), ...extraClaims }, secret, { algorithm: 'HS256', issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '10m', ...options });
}
