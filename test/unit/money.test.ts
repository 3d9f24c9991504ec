import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  add, allocate, CurrencyMismatchError, Decimal, fromDecimalString, hoursFromMinutes, lineAmount, minorUnitExponent, money, multiply, percentOf,
  roundToMoney, subtract, sum, toDecimalString, UnknownCurrencyError, parseDecimal, InvalidDecimalError,
} from '../../platform/money/index.js';

describe('money', () => {
  test('minor units follow the currency exponent', () => {
    assert.equal(minorUnitExponent('USD'), 2);
    assert.equal(minorUnitExponent('JPY'), 0);
    assert.equal(minorUnitExponent('BHD'), 3);
    assert.throws(() => minorUnitExponent('XXX'), UnknownCurrencyError);
    assert.throws(() => money(1n, 'usd'), UnknownCurrencyError);
    assert.equal(toDecimalString(money(125050n, 'USD')), '1250.50');
    assert.equal(toDecimalString(money(-5n, 'USD')), '-0.05');
    assert.equal(toDecimalString(money(1234n, 'JPY')), '1234');
    assert.equal(toDecimalString(money(1234n, 'BHD')), '1.234');
  });

  test('amounts beyond 2^53 stay exact', () => {
    const big = money(9007199254740993n, 'USD');
    assert.equal(add(big, money(1n, 'USD')).amountMinor, 9007199254740994n);
    assert.equal(toDecimalString(big), '90071992547409.93');
  });

  test('currencies never mix', () => {
    assert.throws(() => add(money(1n, 'USD'), money(1n, 'CAD')), CurrencyMismatchError);
    assert.throws(() => sum([money(1n, 'USD'), money(1n, 'CAD')], 'USD'), CurrencyMismatchError);
    assert.equal(subtract(money(10n, 'EUR'), money(3n, 'EUR')).amountMinor, 7n);
  });

  test('entered decimals must fit the currency', () => {
    assert.equal(fromDecimalString('12.34', 'USD').amountMinor, 1234n);
    assert.throws(() => fromDecimalString('12.345', 'USD'), RangeError);
    assert.throws(() => fromDecimalString('1.5', 'JPY'), RangeError);
  });

  test('line amounts round once, half-even by default, half-up on request', () => {
    assert.equal(lineAmount(new Decimal('1'), new Decimal('0.125'), 'USD').amountMinor, 12n);
    assert.equal(lineAmount(new Decimal('1'), new Decimal('0.135'), 'USD').amountMinor, 14n);
    assert.equal(lineAmount(new Decimal('1'), new Decimal('0.125'), 'USD', 'HALF_UP').amountMinor, 13n);
    assert.equal(lineAmount(new Decimal('0.8333'), new Decimal('150.0000'), 'USD').amountMinor, 12500n);
    // 0.1 + 0.2 style float traps do not exist here
    assert.equal(lineAmount(new Decimal('3'), new Decimal('0.1'), 'USD').amountMinor, 30n);
    assert.equal(roundToMoney(new Decimal('2.5'), 'JPY').amountMinor, 2n);
    assert.equal(roundToMoney(new Decimal('3.5'), 'JPY').amountMinor, 4n);
  });

  test('round per line then sum differs from rounding the total, and lines are what we sum', () => {
    const lines = [1, 2, 3].map(() => lineAmount(hoursFromMinutes(10), new Decimal('100.0000'), 'USD'));
    assert.deepEqual(lines.map((l) => l.amountMinor), [1667n, 1667n, 1667n]);
    assert.equal(sum(lines, 'USD').amountMinor, 5001n);
    assert.equal(lineAmount(hoursFromMinutes(30), new Decimal('100'), 'USD').amountMinor, 5000n);
  });

  test('hours from minutes use scale 4', () => {
    assert.equal(hoursFromMinutes(50).toFixed(4), '0.8333');
    assert.equal(hoursFromMinutes(45).toFixed(4), '0.7500');
    assert.equal(hoursFromMinutes(1).toFixed(4), '0.0167');
  });

  test('multiply converts and rounds once', () => {
    assert.equal(multiply(money(10000n, 'CAD'), new Decimal('0.7300000000'), 'USD').amountMinor, 7300n);
    assert.equal(multiply(money(333n, 'USD'), new Decimal('0.13')).amountMinor, 43n);
  });

  test('percentages are decimals with two places, null on a zero base', () => {
    assert.equal(percentOf(money(2500n, 'USD'), money(10000n, 'USD')), '25.00');
    assert.equal(percentOf(money(1n, 'USD'), money(3n, 'USD')), '33.33');
    assert.equal(percentOf(money(1n, 'USD'), money(0n, 'USD')), null);
  });

  test('decimal parsing is strict', () => {
    assert.equal(parseDecimal('150.25').toFixed(2), '150.25');
    for (const bad of ['1e3', ' 1', '1.', '.5', '0x10', 'NaN', 'Infinity', '1,5', '']) assert.throws(() => parseDecimal(bad), InvalidDecimalError, bad);
  });
});

describe('largest-remainder allocation', () => {
  test('known cases', () => {
    assert.deepEqual(allocate(money(100n, 'USD'), [1n, 1n, 1n]).map((m) => m.amountMinor), [34n, 33n, 33n]);
    assert.deepEqual(allocate(money(-100n, 'USD'), [1n, 1n, 1n]).map((m) => m.amountMinor), [-34n, -33n, -33n]);
    assert.deepEqual(allocate(money(5n, 'USD'), [0n, 1n]).map((m) => m.amountMinor), [0n, 5n]);
    assert.throws(() => allocate(money(5n, 'USD'), []), RangeError);
    assert.throws(() => allocate(money(5n, 'USD'), [0n, 0n]), RangeError);
  });

  test('parts always sum to the whole and differ from the exact share by less than one unit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.array(fc.bigInt({ min: 0n, max: 1_000_000_000n }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0n));
        const parts = allocate(money(total, 'USD'), weights);
        assert.equal(parts.reduce((s, p) => s + p.amountMinor, 0n), total);
        const wsum = weights.reduce((a, b) => a + b, 0n);
        parts.forEach((p, i) => {
          const exactTimesW = total * (weights[i] as bigint);
          const diff = p.amountMinor * wsum - exactTimesW;
          assert.ok(diff < wsum && diff > -wsum);
        });
      }),
      { numRuns: 300 },
    );
  });
});
