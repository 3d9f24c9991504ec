import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { fetch } from 'undici';

/** Options of the JWKS key cache. */
export interface JwksOptions {
  url: string;
  /** Minimum time between two fetches triggered by an unknown `kid` (ms). */
  cooldownMs: number;
  /** Keys are refetched when older than this (ms). */
  maxAgeMs: number;
  /** HTTP timeout of one fetch (ms). */
  timeoutMs: number;
}

/**
 * Public keys of an identity provider's JWKS endpoint, cached by `kid`. Keys rotate: an unknown `kid` triggers a
 * refetch, but at most one per cool-down, whether the last attempt succeeded or not, so a stream of forged `kid`s can
 * never turn the gateway into a JWKS hammer.
 */
export class JwksKeyCache {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;
  /** Number of fetches made (for tests and metrics). */
  fetches = 0;

  constructor(private readonly options: JwksOptions) {}

  /** The key for `kid`, or null when the provider does not publish it (after at most one refetch per cool-down). */
  async keyFor(kid: string): Promise<KeyObject | null> {
    const now = Date.now();
    if (now - this.fetchedAt > this.options.maxAgeMs && now - this.lastAttempt >= this.options.cooldownMs) await this.refresh();
    const known = this.keys.get(kid);
    if (known) return known;
    if (Date.now() - this.lastAttempt >= this.options.cooldownMs) {
      await this.refresh();
      return this.keys.get(kid) ?? null;
    }
    return null;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.load().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async load(): Promise<void> {
    this.lastAttempt = Date.now();
    this.fetches += 1;
    try {
      const res = await fetch(this.options.url, { signal: AbortSignal.timeout(this.options.timeoutMs), headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`JWKS endpoint answered ${res.status}`);
      const body = (await res.json()) as { keys?: unknown };
      if (!Array.isArray(body.keys)) throw new Error('JWKS document has no keys array');
      const next = new Map<string, KeyObject>();
      for (const jwk of body.keys as Array<JsonWebKey & { kid?: string; use?: string }>) {
        if (!jwk.kid || (jwk.use !== undefined && jwk.use !== 'sig') || (jwk.kty !== 'RSA' && jwk.kty !== 'EC')) continue;
        try {
          next.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
        } catch {
          // A malformed key is skipped; the others stay usable.
        }
      }
      this.keys = next;
      this.fetchedAt = Date.now();
    } catch {
      // Keep serving the keys we have; the cool-down bounds the next attempt.
    }
  }
}
