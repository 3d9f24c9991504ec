import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function encode(value: bigint, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD[Number(v % 32n)] + out;
    v /= 32n;
  }
  return out;
}

/** Produces the 80 random bits of an id; the seed generator substitutes a seeded source. */
export type RandomSource = () => bigint;

const cryptoRandom: RandomSource = () => BigInt(`0x${randomBytes(10).toString('hex')}`);

/** Where ids take their clock and randomness from. */
export interface IdSource {
  now(): number;
  random: RandomSource;
}

const scopedSource = new AsyncLocalStorage<IdSource>();

/**
 * Runs `work` with ids drawn from `source` instead of the wall clock and crypto randomness. The seed generator
 * uses it so that a dataset, ids included, is the same on every run; nothing else should need it.
 */
export function runWithIdSource<T>(source: IdSource, work: () => Promise<T>): Promise<T> {
  return scopedSource.run(source, work);
}

/**
 * A type-prefixed, time-ordered, globally unique id (`prj_01J…`): 48 bits of milliseconds and 80 random bits in
 * Crockford base32, as in ULID. Time order keeps keyset pagination and index inserts cheap.
 */
export function newId(prefix: string, now?: number, random?: RandomSource): string {
  const scoped = scopedSource.getStore();
  const ms = now ?? scoped?.now() ?? Date.now();
  const bits = (random ?? scoped?.random ?? cryptoRandom)();
  return `${prefix}_${encode(BigInt(ms), 10)}${encode(bits, 16)}`;
}

const ID_PATTERN = /^[a-z]{2,5}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `id` has the shape of an id with the given prefix. */
export function isId(id: string, prefix?: string): boolean {
  return ID_PATTERN.test(id) && (prefix === undefined || id.startsWith(`${prefix}_`));
}
