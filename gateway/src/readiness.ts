import { fetch } from 'undici';

/** Result of probing the subgraphs. */
export interface Readiness {
  ready: boolean;
  subgraphs: Record<string, 'ready' | 'unavailable'>;
}

/**
 * Probes every subgraph's `/readyz` (derived from its GraphQL URL) with a short timeout. The gateway is ready only
 * when the supergraph is loaded and every subgraph, with its database, answers.
 */
export async function probeSubgraphs(urls: Record<string, string>, timeoutMs = 1500): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const probe = new URL(url);
      probe.pathname = probe.pathname.replace(/\/graphql\/?$/, '') + '/readyz';
      try {
        const res = await fetch(probe, { signal: AbortSignal.timeout(timeoutMs) });
        await res.body?.cancel();
        return [name, res.ok ? 'ready' : 'unavailable'] as const;
      } catch {
        return [name, 'unavailable'] as const;
      }
    }),
  );
  const subgraphs = Object.fromEntries(entries);
  return { ready: entries.every(([, s]) => s === 'ready'), subgraphs };
}
