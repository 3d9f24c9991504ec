import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { base32Of80Bits, isId, newId } from '../../platform/domain/ids.js';

test('the random part is the base32 of the 80 bits it is made of, as the seeded path spells them', () => {
  for (const bytes of [Buffer.alloc(10), Buffer.alloc(10, 0xff), Buffer.from('0123456789abcdef0123', 'hex'), ...Array.from({ length: 200 }, () => randomBytes(10))]) {
    const seeded = newId('t', 0, () => BigInt(`0x${bytes.toString('hex')}`)).slice(-16);
    assert.equal(base32Of80Bits(bytes), seeded, bytes.toString('hex'));
  }
  assert.equal(base32Of80Bits(Buffer.from('00000000000000000000ff010203040506070809', 'hex'), 10), base32Of80Bits(Buffer.from('ff010203040506070809', 'hex')), 'read from the offset');
});

test('ids are well formed, ordered by time and unique across pool refills', () => {
  const seen = new Set<string>();
  // More ids than one refill of the random pool holds.
  for (let i = 0; i < 2_000; i += 1) {
    const id = newId('aud');
    assert.ok(isId(id, 'aud'), id);
    seen.add(id);
  }
  assert.equal(seen.size, 2_000);
  const earlier = newId('evt', Date.UTC(2026, 0, 1));
  const later = newId('evt', Date.UTC(2026, 0, 1) + 1);
  assert.ok(earlier.slice(0, 14) < later.slice(0, 14), 'the time part sorts by time');
  // The time part is the base32 of the milliseconds, as a BigInt reference spells it, up to the last 48-bit value.
  const reference = (ms: bigint): string => {
    let out = '';
    for (let v = ms, i = 0; i < 10; i += 1, v /= 32n) out = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Number(v % 32n)] + out;
    return out;
  };
  for (const ms of [0, 1, 31, 32, Date.UTC(2026, 0, 1), Date.now(), 2 ** 48 - 1]) assert.equal(newId('evt', ms).slice(4, 14), reference(BigInt(ms)), String(ms));
});
