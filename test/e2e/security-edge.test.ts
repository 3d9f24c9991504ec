import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { auditServer } from 'graphql-http';
import { createLogger } from '../../platform/server/logger.js';
import { SUPERGRAPH_PATH } from '../../platform/topology.js';
import { gatewayConfigFromEnv, startGateway } from '../../gateway/src/index.js';
import { EXECUTIVE } from '../support/auth.js';
import { startGraph, type Graph } from '../support/graph.js';

let graph: Graph;
let auth: string;
before(async () => {
  graph = await startGraph();
  auth = `Bearer ${graph.tokenFor(EXECUTIVE, { expiresIn: '1h' })}`;
});
after(async () => graph?.stop());

/** Sends a raw request to the gateway and reports status, code of the first error and the body. */
async function raw(init: RequestInit & { url?: string }): Promise<{ status: number; code: string | undefined; body: any }> {
  const res = await fetch(init.url ?? graph.gateway.url, { method: 'POST', ...init, headers: { authorization: auth, ...(init.headers as Record<string, string>) } });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, code: body?.errors?.[0]?.extensions?.code, body };
}

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const never5xx = (status: number, label: string) => assert.ok(status < 500, `${label}: ${status}`);

describe('operation limits, checked before planning', () => {
  test('depth, aliases (including __typename), root fields, mutations, directives, tokens, page size', async () => {
    const deep = `{ accounts(first: 1) { edges { node { opportunities { contract { account { opportunities { contract { account { opportunities { contract { account { name } } } } } } } } } } } } }`;
    const cases: Array<[string, unknown, number, string | undefined]> = [
      ['too deep', { query: deep }, 400, 'OPERATION_LIMIT_EXCEEDED'],
      ['aliased __typename flood', { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ')} }` }, 400, 'OPERATION_LIMIT_EXCEEDED'],
      ['too many root fields', { query: `{ ${Array.from({ length: 11 }, (_, i) => `l${i}: legalEntities { id }`).join(' ')} }` }, 400, 'OPERATION_LIMIT_EXCEEDED'],
      ['two mutations in one operation', { query: `mutation { a: createExchangeRate(input: { from: "EUR", to: "USD", rateDate: "2026-01-01", rateType: SPOT, rate: "1.1", source: "x" }) { id } b: createExchangeRate(input: { from: "EUR", to: "USD", rateDate: "2026-01-02", rateType: SPOT, rate: "1.1", source: "x" }) { id } }` }, 400, 'OPERATION_LIMIT_EXCEEDED'],
      ['directive flood', { query: `{ legalEntities { ${Array.from({ length: 31 }, () => '... @include(if: true) { id }').join(' ')} } }` }, 400, 'OPERATION_LIMIT_EXCEEDED'],
      ['token flood', { query: `{ legalEntities { ${Array.from({ length: 6000 }, () => 'id').join(' ')} } }` }, 400, 'GRAPHQL_PARSE_FAILED'],
      ['page too large (literal)', { query: `{ accounts(first: 1001) { edges { node { id } } } }` }, 400, 'BAD_USER_INPUT'],
      ['page too large (variable)', { query: `query($n: Int) { accounts(first: $n) { edges { node { id } } } }`, variables: { n: 5000 } }, 400, 'BAD_USER_INPUT'],
    ];
    for (const [label, body, status, code] of cases) {
      const r = await raw(json(body));
      assert.equal(r.status, status, `${label}: ${JSON.stringify(r.body).slice(0, 300)}`);
      if (code === 'OPERATION_LIMIT_EXCEEDED') {
        // Apollo reports every validation rule's error as GRAPHQL_VALIDATION_FAILED; the message names the limit.
        assert.equal(r.code, 'GRAPHQL_VALIDATION_FAILED', label);
        assert.match(r.body.errors[0].message, /limit|more than/, label);
      } else {
        assert.equal(r.code, code, label);
      }
    }
    const fine = await raw(json({ query: `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: __typename`).join(' ')} accounts(first: 1000) { edges { node { id } } } }` }));
    assert.equal(fine.status, 200, 'a portal-sized operation passes');
  });
});

describe('HTTP edge hygiene', () => {
  test('CSRF prevention: simple requests and GET without preflight header are refused; no array batching', async () => {
    const query = '{ legalEntities { id } }';
    const simple: Array<[string, Record<string, string>, string]> = [
      ['text/plain', { 'content-type': 'text/plain' }, JSON.stringify({ query })],
      ['form', { 'content-type': 'application/x-www-form-urlencoded' }, `query=${encodeURIComponent(query)}`],
      ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }, `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--`],
    ];
    for (const [label, headers, body] of simple) {
      const r = await raw({ headers, body });
      assert.ok(r.status >= 400 && r.status < 500, `${label}: ${r.status}`);
      assert.equal(r.body?.data, undefined, `${label} executed nothing`);
    }
    const get = await raw({ method: 'GET', url: `${graph.gateway.url}?query=${encodeURIComponent(query)}` });
    assert.equal(get.status, 400, 'GET without a preflight header is refused');
    const getMutation = await raw({ method: 'GET', url: `${graph.gateway.url}?query=${encodeURIComponent('mutation { createAccount(input: { name: "x", ownerUserId: "u" }) { id } }')}`, headers: { 'apollo-require-preflight': 'true' } });
    assert.ok(getMutation.status === 405 || getMutation.status === 400, `GET mutation: ${getMutation.status}`);
    const batch = await raw(json([{ query }, { query }]));
    assert.equal(batch.status, 400, 'array batching is off');
  });

  test('malformed bodies, odd content types and charsets, NUL bytes: 4xx, never 5xx', async () => {
    const cases: Array<[string, RequestInit]> = [
      ['invalid JSON', { headers: { 'content-type': 'application/json' }, body: '{"query": ' }],
      ['JSON null', json(null)],
      ['JSON number', json(42)],
      ['query not a string', json({ query: 42 })],
      ['variables not an object', json({ query: '{ __typename }', variables: [1, 2] })],
      ['operationName not a string', json({ query: '{ __typename }', operationName: {} })],
      ['no query', json({ variables: {} })],
      ['xml', { headers: { 'content-type': 'application/xml' }, body: '<query/>' }],
      ['utf-16 charset', { headers: { 'content-type': 'application/json; charset=utf-16' }, body: JSON.stringify({ query: '{ __typename }' }) }],
      ['latin1 charset', { headers: { 'content-type': 'application/json; charset=latin1' }, body: JSON.stringify({ query: '{ __typename }' }) }],
      ['NUL byte in query', json({ query: '{ legal\u0000Entities { id } }' })],
      ['NUL byte in a string argument', json({ query: 'query($id: ID!) { project(id: $id) { id } }', variables: { id: 'prj_\u0000' } })],
      ['syntax error', json({ query: '{ legalEntities { id ' })],
      ['unknown field', json({ query: '{ nope }' })],
      ['huge variable string', json({ query: 'query($id: ID!) { project(id: $id) { id } }', variables: { id: 'x'.repeat(200_000) } })],
      ['deeply nested variables JSON', { headers: { 'content-type': 'application/json' }, body: `{"query":"{ __typename }","variables":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}` }],
      ['gzip claimed but plain', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: JSON.stringify({ query: '{ __typename }' }) }],
    ];
    for (const [label, init] of cases) {
      const r = await raw(init);
      never5xx(r.status, label);
      // Valid requests carrying odd data (an unknown id with a NUL byte, a huge id, unused deep variables) answer 200.
      if (!['NUL byte in a string argument', 'huge variable string', 'deeply nested variables JSON'].includes(label)) assert.ok(r.status >= 400, `${label}: ${r.status}`);
    }
  });

  test('prototype pollution through aliases, variables and responses changes nothing', async () => {
    const cases = [
      json({ query: '{ __proto__: legalEntities { id } constructor: legalEntities { id } }' }),
      json({ query: '{ legalEntities { __proto__: id constructor: name prototype: id } }' }),
      json({ query: 'query($__proto__: ID) { legalEntities { id } }', variables: { __proto__: { polluted: true } } }),
      { headers: { 'content-type': 'application/json' }, body: '{"query":"query($x: ID) { legalEntities { id } }","variables":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}' },
      json({ query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Account', id: 'acc_x', __proto__: { polluted: 1 } }] } }),
    ];
    for (const init of cases) never5xx((await raw(init)).status, 'pollution attempt');
    const r = await raw(json({ query: '{ __proto__: legalEntities { id } }' }));
    assert.equal(r.status, 200);
    assert.ok(Object.hasOwn(r.body.data, '__proto__'), 'the alias is an own, plain data key');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  });
});

describe('production mode', () => {
  test('introspection is off and errors carry no schema hints; development keeps both', async () => {
    const config = { ...gatewayConfigFromEnv({ PORT: '0', SUPERGRAPH_PATH, NODE_ENV: 'production', AUTH_JWT_SECRET: graph.keys.edge.secret as string, AUTH_ISSUER: graph.keys.edge.issuer, AUTH_AUDIENCE: graph.keys.edge.audience, INTERNAL_JWT_PRIVATE_KEY: graph.keys.internal.privateKeyPem as string, INTERNAL_JWT_PUBLIC_KEY: graph.keys.internal.publicKeyPem }) };
    for (const [name, s] of Object.entries(graph.subgraphs)) config.subgraphUrls[name as 'crm'] = s.url;
    const prod = await startGateway(config, createLogger('test', 'silent'));
    try {
      const introspection = await raw({ url: prod.url, ...json({ query: '{ __schema { types { name } } }' }) });
      assert.equal(introspection.status, 400);
      assert.equal(introspection.body.data, undefined);
      const typo = await raw({ url: prod.url, ...json({ query: '{ legalEntitie { id } }' }) });
      assert.equal(typo.status, 400);
      assert.doesNotMatch(JSON.stringify(typo.body), /Did you mean/);
    } finally {
      await prod.close();
    }
    const dev = await raw(json({ query: '{ legalEntitie { id } }' }));
    assert.match(JSON.stringify(dev.body), /Did you mean/);
    assert.equal((await raw(json({ query: '{ __schema { queryType { name } } }' }))).status, 200);
    assert.throws(() => gatewayConfigFromEnv({ NODE_ENV: 'production', DATA_DIR: '/nonexistent' }), /NODE_ENV=production needs/);
  });
});

describe('GraphQL over HTTP conformance', () => {
  test('graphql-http server audits: zero MUST failures', async () => {
    const fetchFn = (input: string | URL | Request, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: auth } });
    const results = await auditServer({ url: graph.gateway.url, fetchFn });
    const mustFailures = results.filter((r) => r.status !== 'ok' && r.name.startsWith('MUST'));
    assert.deepEqual(mustFailures.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`), []);
  });
});
