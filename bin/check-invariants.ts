/**
 * Checks the reliability invariants against a running deployment, through its gateway.
 *
 *   npm run check:invariants                               the local deployment (http://127.0.0.1:$PORT/graphql)
 *   npm run check:invariants -- --url https://gw/graphql --token "$TOKEN"
 *   npm run check:invariants -- --wait 120                 first wait up to 120 s for in-flight work to settle
 *
 * The token needs the integration_admin role in every legal entity (INVARIANTS_TOKEN, or --token); for a local
 * deployment one is signed with the development secret under DATA_DIR. Exits 0 when every invariant holds, 1 with
 * the violations, 2 when the check could not run.
 */
import { parseArgs } from 'node:util';
import jwt from 'jsonwebtoken';
import { edgeAuthConfigFromEnv } from '../platform/auth/config.js';
import { claimsOf, principalFromClaims } from '../platform/auth/principal.js';
import { runtimeConfigFromEnv } from '../runtime/config.js';
import { checkInvariants, formatReport, quiescent } from '../ops/invariants.js';

/** A short-lived integration_admin token signed with the local development secret. */
function localToken(): string {
  const config = edgeAuthConfigFromEnv(process.env, runtimeConfigFromEnv().dataDir);
  if (!config.secret) throw new Error('no --token or INVARIANTS_TOKEN, and no HS256 secret to sign one locally');
  const principal = principalFromClaims({ sub: 'ops:invariant-check', roles: ['integration_admin', 'executive', 'finance'], legal_entities: '*' });
  return jwt.sign(claimsOf(principal), config.secret, { algorithm: 'HS256', issuer: config.issuer, audience: config.audience, expiresIn: '10m' });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' }, wait: { type: 'string', default: '30' } } });
  const url = values.url ?? process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.PORT || 4000}/graphql`;
  const token = values.token ?? process.env.INVARIANTS_TOKEN ?? localToken();
  const waitSeconds = Number(values.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new Error(`--wait must be a number of seconds, got "${values.wait}"`);
  const options = { url, token };
  const deadline = Date.now() + waitSeconds * 1000;
  let settled = await quiescent(options);
  while (!settled && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    settled = await quiescent(options);
  }
  if (!settled) process.stdout.write(`Work still in flight after ${waitSeconds} s; checking anyway.\n`);
  const report = await checkInvariants(options);
  process.stdout.write(`${formatReport(report)}\n`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`check:invariants: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
