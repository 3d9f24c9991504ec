import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { newId, type IdSource } from '../platform/domain/ids.js';

/**
 * The seed generator's only source of randomness: a seeded xoroshiro128+ stream. The same seed always yields the
 * same dataset, ids included, so seeded environments and benchmarks are reproducible.
 */
export class SeededRandom {
  private readonly rng;
  private idClock: number;

  constructor(seed: number, idEpochMs: number) {
    this.rng = xoroshiro128plus(seed);
    this.idClock = idEpochMs;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  /** Float in [0, 1) with 2^-30 resolution (for probabilities and shapes, never for money). */
  unit(): number {
    return this.int(0, 0x3fffffff) / 0x40000000;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.unit() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** An element chosen with the given relative weights. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.unit() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** `count` distinct elements (or all when fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) out.push(copy.splice(this.int(0, copy.length - 1), 1)[0] as T);
    return out;
  }

  /** 80 seeded random bits. */
  bits80(): bigint {
    return (BigInt(this.int(0, 0xfffff)) << 60n) | (BigInt(this.int(0, 0x3fffffff)) << 30n) | BigInt(this.int(0, 0x3fffffff));
  }

  /** A deterministic id: a monotonic synthetic clock and 80 seeded random bits. */
  id(prefix: string): string {
    this.idClock += 1;
    return newId(prefix, this.idClock, () => this.bits80());
  }

  /** An id source for code that calls `newId` itself (services replaying history during seeding). */
  idSource(): IdSource {
    return { now: () => (this.idClock += 1), random: () => this.bits80() };
  }
}
