import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync } from 'node:crypto';

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

/** The 48-bit millisecond part in 10 base32 digits (plain numbers: 2^48 is well within exact integers). */
function encodeTime(ms: number): string {
  let out = '';
  let v = ms;
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

// Ids are made by the thousand in batch work: their randomness comes from a pool refilled in one call, and is encoded
// 5 bits at a time straight from the bytes (the same digits `encode` gives for the 80-bit number they spell).
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomDigits(): string {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const digits = base32Of80Bits(pool, poolOffset);
  poolOffset += 10;
  return digits;
}

/** The 16 Crockford base32 digits of the 80-bit big-endian number in `bytes[offset…offset+9]`. */
export function base32Of80Bits(bytes: Uint8Array, offset = 0): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < 10; i += 1) {
    acc = (acc << 8) | (bytes[offset + i] as number);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** Produces the 80 random bits of an id; the seed generator substitutes a seeded source. */
export type RandomSource = () => bigint;

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
  const source = random ?? scoped?.random;
  return `${prefix}_${encodeTime(ms)}${source ? encode(source(), 16) : randomDigits()}`;
}

const ID_PATTERN = /^[a-z]{2,5}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `id` has the shape of an id with the given prefix. */
export function isId(id: string, prefix?: string): boolean {
  return ID_PATTERN.test(id) && (prefix === undefined || id.startsWith(`${prefix}_`));
}
