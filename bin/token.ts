/**
 * Prints a development client token signed with the local secret under DATA_DIR (or AUTH_JWT_SECRET).
 *
 *   npm run token -- --role finance
 *   npm run token -- --role consultant --sub usr_ana --resource res_01… --entity le_01… --ttl 8h
 *   npm run token -- --role executive --role sales --entity '*'
 *
 * The token is the last line of the output: TOKEN=$(npm run -s token -- --role finance | tail -1)
 */
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { edgeAuthConfigFromEnv } from '../platform/auth/config.js';
import { ROLES, claimsOf, principalFromClaims, type Role } from '../platform/auth/principal.js';
import { runtimeConfigFromEnv } from '../runtime/config.js';

const TTL = /^(\d+)([smhd])$/;

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      entity: { type: 'string', multiple: true },
      sub: { type: 'string' },
      resource: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
    },
  });
  const roles = (values.role ?? []) as string[];
  if (roles.length === 0) throw new Error(`--role is required (one or more of ${ROLES.join(', ')})`);
  for (const r of roles) if (!(ROLES as readonly string[]).includes(r)) throw new Error(`unknown role "${r}" (use ${ROLES.join(', ')})`);
  const ttl = values.ttl as string;
  const m = TTL.exec(ttl);
  if (!m || Number(m[1]) <= 0 || Number(m[1]) > 10_000) throw new Error(`--ttl must look like 30m, 1h, 8h or 1d, got "${ttl}"`);
  const entities = (values.entity ?? ['*']) as string[];
  const principal = principalFromClaims({
    sub: values.sub ?? `dev-${roles.join('-')}`,
    roles: roles as Role[],
    legal_entities: entities.includes('*') ? '*' : entities,
    resource_id: values.resource,
  });
  const config = edgeAuthConfigFromEnv(process.env, runtimeConfigFromEnv().dataDir);
  if (!config.secret) throw new Error('no HS256 secret: tokens for RS256/ES256/JWKS set-ups come from your identity provider');
  const token = jwt.sign(claimsOf(principal), config.secret, { algorithm: 'HS256', issuer: config.issuer, audience: config.audience, expiresIn: ttl as jwt.SignOptions['expiresIn'] });
  process.stdout.write(`# ${principal.subject}: ${principal.roles.join(', ')} in ${principal.legalEntities === '*' ? 'every legal entity' : principal.legalEntities.join(', ')}, valid ${ttl}\n`);
  process.stdout.write(`# curl -H "Authorization: Bearer $TOKEN" …\n${token}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(2);
}
