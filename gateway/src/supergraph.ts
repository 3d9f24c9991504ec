import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';

/** The supergraph SDL and the subgraph URLs it names, with configured overrides applied. */
export interface LoadedSupergraph {
  sdl: string;
  urls: Record<string, string>;
}

/** Reads a composed supergraph file and resolves each subgraph's URL (configured override, else the file's). */
export function loadSupergraph(path: string, overrides: Record<string, string | undefined>): LoadedSupergraph {
  const sdl = readFileSync(path, 'utf8');
  const urls: Record<string, string> = {};
  for (const { name, url } of Supergraph.build(sdl).subgraphsMetadata()) {
    const resolved = overrides[name] ?? url;
    if (!resolved) throw new Error(`Supergraph ${path} has no URL for subgraph ${name}; set ${name.toUpperCase()}_URL`);
    urls[name] = resolved;
  }
  return { sdl, urls };
}
