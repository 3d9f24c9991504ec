/**
 * Composes the four subgraph SDLs into the committed supergraph (`schema/supergraph.graphql`).
 *
 *   npm run compose             write the supergraph
 *   npm run compose -- --check  exit 1 when the committed supergraph is stale
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { GRAPH_SERVICES, loadSubgraphSdl, SUPERGRAPH_PATH, portOffset } from '../platform/topology.js';

const DEFAULT_GATEWAY_PORT = 4000;

/**
 * Authorization is declared in each subgraph's SDL with `@requiresScopes` and enforced by the subgraph itself.
 * `@apollo/gateway` refuses a supergraph that links the requiresScopes feature `for: SECURITY` (it cannot enforce it),
 * so the directive is left out of the composition input: the supergraph describes routing, the subgraphs own access.
 */
function withoutAuthorizationDirectives(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    Directive(node) {
      return node.name.value === 'requiresScopes' ? null : undefined;
    },
    StringValue(node, _key, _parent, _path, ancestors) {
      const inLinkImport = ancestors.some((a) => !Array.isArray(a) && (a as { kind?: string }).kind === Kind.DIRECTIVE && (a as { name: { value: string } }).name.value === 'link');
      return inLinkImport && node.value === '@requiresScopes' ? null : undefined;
    },
  });
}

function compose(): string {
  const result = composeServices(
    GRAPH_SERVICES.map((name) => ({
      name,
      typeDefs: withoutAuthorizationDirectives(parse(loadSubgraphSdl(name))),
      // Default URLs for the one-command start; the gateway overrides them from configuration.
      url: `http://127.0.0.1:${DEFAULT_GATEWAY_PORT + portOffset(name)}/graphql`,
    })),
  );
  if (result.errors) {
    for (const error of result.errors) console.error(`composition error: ${error.message}`);
    process.exit(1);
  }
  for (const hint of result.hints ?? []) {
    if (hint.definition.level.name !== 'INFO') console.warn(`composition hint: ${hint.message}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

const check = process.argv.includes('--check');
const supergraph = compose();
if (check) {
  const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
  if (committed !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit the result');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date');
} else {
  writeFileSync(SUPERGRAPH_PATH, supergraph);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
