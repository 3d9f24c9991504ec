import { createHash } from 'node:crypto';
import { median } from './load.js';

/**
 * One fixed piece of CPU work, the same every time: sorting pseudo-random numbers, a JSON round trip and SHA-256
 * hashing (JavaScript, the engine's built-ins and native code, as the graph process mixes them).
 */
function fixedWork(): number {
  let x = 12345;
  const numbers = Array.from({ length: 100_000 }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  });
  numbers.sort((a, b) => a - b);
  const rows = Array.from({ length: 5_000 }, (_, i) => ({ id: `row_${i}`, amountMinor: String(numbers[i]), currency: 'USD', tags: ['a', 'b', String(i % 7)] }));
  const parsed = JSON.parse(JSON.stringify(rows)) as typeof rows;
  const hash = createHash('sha256');
  const block = Buffer.alloc(1 << 20, parsed.length % 251);
  for (let i = 0; i < 16; i += 1) hash.update(block);
  return hash.digest()[0] as number;
}

/**
 * Times {@link fixedWork} a few times and returns the median in ms. The benchmark runs it right before and right after
 * each timed phase: on a machine whose cores are shared with other tenants, the same work takes longer when they are
 * busy, and the probe tells such moments apart from changes in the product.
 */
export function probeMachine(repetitions = 5): number {
  fixedWork();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i += 1) {
    const started = performance.now();
    fixedWork();
    times.push(performance.now() - started);
  }
  return Math.round(median(times) * 10) / 10;
}
