import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import jwt from 'jsonwebtoken';
import { claimsOf } from '../../platform/auth/principal.js';
import { signInternalToken } from '../../platform/auth/internal-token.js';
import { createLogger } from '../../platform/server/logger.js';
import { SUPERGRAPH_PATH } from '../../platform/topology.js';
import { gatewayConfigFromEnv, startGateway, type RunningGateway } from '../../gateway/src/index.js';
import { DEV_AUDIENCE, DEV_ISSUER, type EdgeAuthConfig } from '../../platform/auth/config.js';
import { EXECUTIVE, principal } from '../support/auth.js';
import { startGraph, type Graph } from '../support/graph.js';

let graph: Graph;
before(async () => {
  graph = await startGraph();
});
after(async () => graph?.stop());

const QUERY = JSON.stringify({ query: '{ legalEntities { id } }' });
const claims = claimsOf(principal(['finance'], '*'));
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

async function call(url: string, authorization?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) }, body: QUERY });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function expect401(url: string, authorization: string | undefined, label: string): Promise<void> {
  const r = await call(url, authorization);
  assert.equal(r.status, 401, `${label}: status ${r.status} ${JSON.stringify(r.body)}`);
  assert.equal(r.body.errors[0].extensions.code, 'UNAUTHENTICATED', label);
}

/** Another gateway on the same subgraphs with its own client-token settings. */
async function gatewayWith(edgeAuth: EdgeAuthConfig): Promise<RunningGateway> {
  const config = { ...gatewayConfigFromEnv({ PORT: '0', SUPERGRAPH_PATH }), edgeAuth, internalAuth: graph.keys.internal };
  for (const [name, s] of Object.entries(graph.subgraphs)) config.subgraphUrls[name as 'crm'] = s.url;
  return startGateway(config, createLogger('test', 'silent'));
}

describe('client tokens at the edge (HS256)', () => {
  test('a valid token passes; health endpoints need none', async () => {
    const ok = await call(graph.gateway.url, `Bearer ${graph.tokenFor(principal(['finance'], '*'))}`);
    assert.equal(ok.status, 200);
    assert.ok(Array.isArray(ok.body.data.legalEntities));
    for (const path of ['/healthz', '/readyz']) assert.equal((await fetch(graph.gateway.url.replace('/graphql', path))).status, 200);
  });

  test('the JWT attack list gets 401 UNAUTHENTICATED', async () => {
    const secret = graph.keys.edge.secret as string;
    const url = graph.gateway.url;
    const sign = (payload: object, options: jwt.SignOptions, key: string = secret) => jwt.sign(payload, key, { algorithm: 'HS256', ...options });
    const valid = sign(claims, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '5m' });
    const [h, p, s] = valid.split('.') as [string, string, string];
    const now = Math.floor(Date.now() / 1000);
    const cases: Array<[string, string | undefined]> = [
      ['no header', undefined],
      ['empty bearer', 'Bearer '],
      ['wrong scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
      ['not a jwt', 'Bearer not-a-token'],
      ['garbage segments', 'Bearer a.b.c'],
      ['forged signature (other secret)', `Bearer ${sign(claims, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '5m' }, randomBytes(48).toString('hex'))}`],
      ['tampered payload', `Bearer ${h}.${b64({ ...jwt.decode(valid) as object, roles: ['executive'] })}.${s}`],
      ['signature stripped', `Bearer ${h}.${p}.`],
      ['alg none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${p}.`],
      ['alg None (case)', `Bearer ${b64({ alg: 'None', typ: 'JWT' })}.${p}.`],
      ['expired', `Bearer ${sign({ ...claims, exp: now - 120 }, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE })}`],
      ['future nbf', `Bearer ${sign({ ...claims, nbf: now + 300 }, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '10m' })}`],
      ['missing exp', `Bearer ${sign(claims, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE })}`],
      ['wrong issuer', `Bearer ${sign(claims, { issuer: 'https://evil.example', audience: DEV_AUDIENCE, expiresIn: '5m' })}`],
      ['wrong audience', `Bearer ${sign(claims, { issuer: DEV_ISSUER, audience: 'another-api', expiresIn: '5m' })}`],
      ['no roles', `Bearer ${sign({ sub: 'u1', legal_entities: '*' }, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '5m' })}`],
      ['unknown roles only', `Bearer ${sign({ ...claims, roles: ['root'] }, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '5m' })}`],
      ['consultant without resource', `Bearer ${sign({ ...claims, roles: ['consultant'] }, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '5m' })}`],
      ['legal entities malformed', `Bearer ${sign({ ...claims, legal_entities: 'le_us' }, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, expiresIn: '5m' })}`],
      ['RS256 header with HMAC signature', `Bearer ${b64({ alg: 'RS256', typ: 'JWT' })}.${p}.${s}`],
      ['internal token presented at the edge', `Bearer ${signInternalToken(graph.keys.internal.privateKeyPem as string, EXECUTIVE, 'gateway', 'x')}`],
    ];
    for (const [label, authorization] of cases) await expect401(url, authorization, label);
  });

  test('a small clock skew is tolerated, a larger one is not', async () => {
    const secret = graph.keys.edge.secret as string;
    const now = Math.floor(Date.now() / 1000);
    const skewed = (exp: number) => `Bearer ${jwt.sign({ ...claims, exp }, secret, { algorithm: 'HS256', issuer: DEV_ISSUER, audience: DEV_AUDIENCE })}`;
    assert.equal((await call(graph.gateway.url, skewed(now - 2))).status, 200);
    await expect401(graph.gateway.url, skewed(now - 30), 'expired 30 s ago');
  });
});

describe('client tokens with public keys', () => {
  test('RS256 PEM: valid passes; HS256 signed with the public key (key confusion) fails', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const gw = await gatewayWith({ publicKeyPem, issuer: 'https://idp.example', audience: 'ps-api', jwksCooldownSeconds: 60, clockToleranceSeconds: 5, development: false });
    try {
      const opts = { issuer: 'https://idp.example', audience: 'ps-api', expiresIn: '5m' } as const;
      assert.equal((await call(gw.url, `Bearer ${jwt.sign(claims, privateKeyPem, { algorithm: 'RS256', ...opts })}`)).status, 200);
      const [, payload] = jwt.sign(claims, privateKeyPem, { algorithm: 'RS256', ...opts }).split('.');
      const { createHmac } = await import('node:crypto');
      const header = b64({ alg: 'HS256', typ: 'JWT' });
      const confused = `${header}.${payload}.${createHmac('sha256', publicKeyPem).update(`${header}.${payload}`).digest('base64url')}`;
      await expect401(gw.url, `Bearer ${confused}`, 'HS256 with the RSA public key as secret');
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await expect401(gw.url, `Bearer ${jwt.sign(claims, other, { algorithm: 'RS256', ...opts })}`, 'RS256 signed by another key');
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      await expect401(gw.url, `Bearer ${jwt.sign(claims, ec, { algorithm: 'ES256', ...opts })}`, 'ES256 against an RSA key');
    } finally {
      await gw.close();
    }
  });

  test('JWKS: keys by kid, rotation picked up, unknown kids refetch at most once per cool-down', async () => {
    const makeKey = (kid: string) => {
      const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
      return { kid, privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' } };
    };
    const k1 = makeKey('k1');
    const k2 = makeKey('k2');
    let published = [k1.jwk];
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    const gw = await gatewayWith({ jwksUrl, issuer: 'https://idp.example', audience: 'ps-api', jwksCooldownSeconds: 1, clockToleranceSeconds: 5, development: false });
    try {
      const opts = (kid: string) => ({ algorithm: 'RS256' as const, keyid: kid, issuer: 'https://idp.example', audience: 'ps-api', expiresIn: '5m' as const });
      assert.equal((await call(gw.url, `Bearer ${jwt.sign(claims, k1.privateKeyPem, opts('k1'))}`)).status, 200);
      assert.equal((await call(gw.url, `Bearer ${jwt.sign(claims, k1.privateKeyPem, opts('k1'))}`)).status, 200);
      assert.equal(requests, 1, 'known keys are served from the cache');
      // A flood of unknown kids inside one cool-down: at most one refetch.
      for (let i = 0; i < 10; i += 1) await expect401(gw.url, `Bearer ${jwt.sign(claims, k2.privateKeyPem, opts(`forged-${i}`))}`, 'unknown kid');
      assert.ok(requests <= 2, `JWKS fetched ${requests} times`);
      // The provider rotates to k2; after the cool-down the new kid is fetched and accepted.
      published = [k1.jwk, k2.jwk];
      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await call(gw.url, `Bearer ${jwt.sign(claims, k2.privateKeyPem, opts('k2'))}`)).status, 200);
      const before = requests;
      await expect401(gw.url, `Bearer ${jwt.sign(claims, k2.privateKeyPem, opts('k3'))}`, 'unknown kid right after a fetch');
      assert.equal(requests, before, 'no refetch inside the cool-down');
      await expect401(gw.url, `Bearer ${jwt.sign(claims, k1.privateKeyPem, opts('k2'))}`, 'known kid, wrong key');
    } finally {
      await gw.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('subgraphs refuse anything but the gateway', () => {
  test('no token, a client token, a token for another subgraph, an expired one: 401, _service and _entities included', async () => {
    const crm = graph.subgraphs.crm.url;
    const bodies = [
      { query: '{ accounts(first: 1) { edges { node { id } } } }' },
      { query: '{ _service { sdl } }' },
      { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Account', id: 'acc_x' }] } },
    ];
    const internal = graph.keys.internal.privateKeyPem as string;
    const expired = jwt.sign({ ...claimsOf(EXECUTIVE), cid: 'x', exp: Math.floor(Date.now() / 1000) - 120 }, internal, { algorithm: 'ES256', audience: 'crm', issuer: 'ps-gateway' });
    const auths: Array<[string, string | undefined]> = [
      ['none', undefined],
      ['client token', `Bearer ${graph.tokenFor(EXECUTIVE)}`],
      ['token for billing', `Bearer ${signInternalToken(internal, EXECUTIVE, 'billing', 'x')}`],
      ['expired internal token', `Bearer ${expired}`],
      ['internal token signed by another key', `Bearer ${signInternalToken(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), EXECUTIVE, 'crm', 'x')}`],
    ];
    for (const body of bodies) {
      for (const [label, authorization] of auths) {
        const res = await fetch(crm, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
        assert.equal(res.status, 401, `${label} → ${body.query}`);
        assert.equal(((await res.json()) as any).errors[0].extensions.code, 'UNAUTHENTICATED');
      }
    }
    const good = await fetch(crm, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${signInternalToken(internal, EXECUTIVE, 'crm', 'x')}` }, body: JSON.stringify(bodies[1]) });
    assert.equal(good.status, 200);
    assert.equal((await fetch(crm.replace('/graphql', '/healthz'))).status, 200);
  });
});
