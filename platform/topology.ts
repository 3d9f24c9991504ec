import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The four systems of record, in the order their ports are assigned (gateway PORT + 1 … PORT + 4). */
export const SUBGRAPH_NAMES = ['crm', 'projects', 'billing', 'finance'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Every service of the unified graph: the four systems of record and the process layer's API. */
export const GRAPH_SERVICES = [...SUBGRAPH_NAMES, 'orchestration'] as const;
export type GraphService = (typeof GRAPH_SERVICES)[number];

/** Repository root, resolved from this file so scripts work from any working directory. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Folder of the SDL files and the composed supergraph. */
export const SCHEMA_DIR = join(REPO_ROOT, 'schema');

/** Default location of the composed supergraph. */
export const SUPERGRAPH_PATH = join(SCHEMA_DIR, 'supergraph.graphql');

/** True when `name` is one of the four subgraphs. */
export function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/**
 * A subgraph's full SDL: the shared definitions (federation link, scalars, Money, PageInfo) followed by the
 * subgraph's own file. The same text feeds the running subgraph, composition and codegen.
 */
export function loadSubgraphSdl(name: GraphService): string {
  const shared = readFileSync(join(SCHEMA_DIR, 'shared.graphql'), 'utf8');
  const own = readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
  return `${shared}\n${own}`;
}

/** Port offset of a service from the gateway port (crm 1 … finance 4, orchestration 5). */
export function portOffset(name: GraphService): number {
  return GRAPH_SERVICES.indexOf(name) + 1;
}
