import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../../platform/domain/index.js';
import { allowedActions } from '../../platform/domain/state-machine.js';
import { InvalidDecimalError, money, sum, type Money } from '../../platform/money/index.js';
import {
  createBillableItem, exceedsNotToExceed, idempotencyKeyOf, ITEM_TRANSITIONS, NOT_TO_EXCEED_HOLD, replayRecording, transitionBillableItem,
  validateRecording, type NewBillableItem, type ProjectExposure,
} from '../../subgraphs/billing/src/domain/billable-item.js';
import {
  createBillingSchedule, liveScheduleConflict, SCHEDULE_TRANSITIONS, transitionBillingSchedule, type NewBillingSchedule,
} from '../../subgraphs/billing/src/domain/billing-schedule.js';
import {
  CREDIT_MEMO_TRANSITIONS, draftCreditMemo, releaseCreditedItems, releasedItemLinks, restoreReleasedItems, transitionCreditMemo,
} from '../../subgraphs/billing/src/domain/credit-memo.js';
import {
  assertDiscardable, detachItems, draftInvoice, INVOICE_TRANSITIONS, invoiceItems, issueInvoice, postInvoice, releaseVoidedItems, taxOf, voidInvoice,
} from '../../subgraphs/billing/src/domain/invoice.js';
import { formatDocumentNumber, validatePrefix } from '../../subgraphs/billing/src/domain/numbering.js';
import { projectFigure } from '../../subgraphs/billing/src/domain/project-figures.js';
import { createRateCard, isEffectiveOn, reviseRateCard, type NewRateCard } from '../../subgraphs/billing/src/domain/rate-card.js';
import type { BillableItem, BillingSchedule, Invoice, InvoiceLine, RateCard, TaxCode } from '../../subgraphs/billing/src/domain/types.js';

const NOW = '2026-03-15T10:00:00.000Z';
let seq = 0;
const ids = (prefix: string) => () => `${prefix}_${String(++seq).padStart(8, '0')}`;

/** Runs `fn` and returns the DomainError (or decimal error) it throws, failing when it does not throw. */
function failure(fn: () => unknown): { code: string; message: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, details: { ...error.details } };
    if (error instanceof InvalidDecimalError) return { code: 'BAD_USER_INPUT', message: error.message, details: {} };
    throw error;
  }
  assert.fail('expected a failure');
}

const cad = (minor: bigint | number): Money => money(BigInt(minor), 'CAD');
const HST: TaxCode = { code: 'CA-HST-ON', ratePct: '13.0000', description: 'HST' };
const NONE: TaxCode = { code: 'NONE', ratePct: '0.0000', description: 'none' };

function rateCardInput(overrides: Partial<NewRateCard> = {}): NewRateCard {
  return {
    name: 'Standard 2026', scope: 'STANDARD', currency: 'CAD', effectiveFrom: '2026-01-01',
    lines: [{ roleCode: 'CONSULTANT', level: 'SENIOR', region: 'ON', billRate: '150' }, { roleCode: 'ARCHITECT', billRate: '210.5', costRateHint: '95' }],
    ...overrides,
  };
}

function scheduleInput(overrides: Partial<NewBillingSchedule> = {}): NewBillingSchedule {
  return { projectId: 'prj_alpha', accountId: 'acc_acme', legalEntityId: 'le_ca', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON', ...overrides };
}

function activeSchedule(overrides: Partial<NewBillingSchedule> = {}, taxCode: TaxCode = HST): BillingSchedule {
  const draft = createBillingSchedule('bs_1', scheduleInput({ taxCode: taxCode.code, ...overrides }), { taxCode, rateCard: null }, NOW, ids('bsl'));
  return transitionBillingSchedule(draft, 'ACTIVATE', NOW);
}

function recording(overrides: Partial<NewBillableItem> = {}): NewBillableItem {
  return {
    sourceType: 'TIME', sourceId: `te_${++seq}`, sourceVersion: 1, projectId: 'prj_alpha', serviceDate: '2026-03-02',
    description: 'Consulting', quantity: '0.8333', unitPrice: '150', ...overrides,
  };
}

const noExposure: ProjectExposure = { billedToDate: cad(0), openWip: cad(0) };

function item(schedule: BillingSchedule, overrides: Partial<NewBillableItem> = {}): BillableItem {
  return createBillableItem(ids('bi')(), validateRecording(recording(overrides)), schedule, noExposure, NOW);
}

describe('rate cards', () => {
  test('stores rates at scale 4, defaults the unit to HOUR and checks scope references', () => {
    const card = createRateCard('rc_1', rateCardInput(), NOW, ids('rcl'));
    assert.equal(card.unit, 'HOUR');
    assert.deepEqual(card.lines.map((l) => [l.billRate, l.costRateHint]), [['150.0000', null], ['210.5000', '95.0000']]);
    assert.equal(card.version, 1);
    assert.equal(failure(() => createRateCard('rc_2', rateCardInput({ accountId: 'acc_acme' }), NOW, ids('rcl'))).details.field, 'accountId');
    assert.equal(failure(() => createRateCard('rc_2', rateCardInput({ scope: 'ACCOUNT' }), NOW, ids('rcl'))).details.field, 'accountId');
    assert.equal(failure(() => createRateCard('rc_2', rateCardInput({ scope: 'CONTRACT' }), NOW, ids('rcl'))).details.field, 'contractId');
    assert.equal(failure(() => createRateCard('rc_2', rateCardInput({ scope: 'LEGAL_ENTITY' }), NOW, ids('rcl'))).details.field, 'legalEntityId');
    const account = createRateCard('rc_3', rateCardInput({ scope: 'ACCOUNT', accountId: 'acc_acme', unit: 'DAY' }), NOW, ids('rcl'));
    assert.deepEqual([account.accountId, account.unit], ['acc_acme', 'DAY']);
  });

  test('refuses empty, duplicate, negative and over-precise rates', () => {
    assert.equal(failure(() => createRateCard('rc_1', rateCardInput({ lines: [] }), NOW, ids('rcl'))).details.field, 'lines');
    const dup = rateCardInput({ lines: [{ roleCode: 'DEV', level: 'L1', billRate: '100' }, { roleCode: 'DEV', level: 'L1', billRate: '110' }] });
    assert.equal(failure(() => createRateCard('rc_1', dup, NOW, ids('rcl'))).details.field, 'lines[1]');
    // Same role and level in another region is a different rate.
    createRateCard('rc_1', rateCardInput({ lines: [{ roleCode: 'DEV', region: 'ON', billRate: '100' }, { roleCode: 'DEV', region: 'QC', billRate: '100' }] }), NOW, ids('rcl'));
    assert.equal(failure(() => createRateCard('rc_1', rateCardInput({ lines: [{ roleCode: 'DEV', billRate: '-1' }] }), NOW, ids('rcl'))).details.field, 'lines[0].billRate');
    assert.equal(failure(() => createRateCard('rc_1', rateCardInput({ lines: [{ roleCode: 'DEV', billRate: '1.00001' }] }), NOW, ids('rcl'))).code, 'BAD_USER_INPUT');
    assert.equal(failure(() => createRateCard('rc_1', rateCardInput({ currency: 'XXX' }), NOW, ids('rcl'))).details.field, 'currency');
    assert.equal(failure(() => createRateCard('rc_1', rateCardInput({ effectiveFrom: '2026-02-30' }), NOW, ids('rcl'))).details.field, 'effectiveFrom');
  });

  test('a revision supersedes the card from a date; the old card ends the day before', () => {
    const card = createRateCard('rc_1', rateCardInput({ scope: 'ACCOUNT', accountId: 'acc_acme' }), NOW, ids('rcl'));
    const { superseded, revised } = reviseRateCard(card, 'rc_2', { effectiveFrom: '2026-07-01', lines: [{ roleCode: 'CONSULTANT', billRate: '160' }] }, NOW, ids('rcl'));
    assert.deepEqual([superseded.effectiveTo, superseded.version], ['2026-06-30', 2]);
    assert.deepEqual([revised.id, revised.supersedesId, revised.effectiveFrom, revised.effectiveTo, revised.version], ['rc_2', 'rc_1', '2026-07-01', null, 1]);
    assert.deepEqual([revised.scope, revised.accountId, revised.currency, revised.unit, revised.name], ['ACCOUNT', 'acc_acme', 'CAD', 'HOUR', card.name]);
    assert.equal(isEffectiveOn(superseded, '2026-06-30'), true);
    assert.equal(isEffectiveOn(superseded, '2026-07-01'), false);
    assert.equal(isEffectiveOn(revised, '2030-01-01'), true);
    assert.equal(failure(() => reviseRateCard(superseded, 'rc_3', { effectiveFrom: '2026-09-01', lines: [{ roleCode: 'X', billRate: '1' }] }, NOW, ids('rcl'))).code, 'INVALID_TRANSITION');
    for (const effectiveFrom of ['2026-01-01', '2025-12-31']) {
      assert.equal(failure(() => reviseRateCard(card, 'rc_3', { effectiveFrom, lines: [{ roleCode: 'X', billRate: '1' }] }, NOW, ids('rcl'))).details.field, 'effectiveFrom');
    }
  });
});

describe('billing schedules', () => {
  test('defaults: in arrears, 30 days, bill for actuals only for T&M; lines PLANNED', () => {
    const tm = createBillingSchedule('bs_1', scheduleInput(), { taxCode: HST, rateCard: null }, NOW, ids('bsl'));
    assert.deepEqual([tm.status, tm.inArrears, tm.paymentTermsDays, tm.billForActuals, tm.version], ['DRAFT', true, 30, true, 1]);
    const fixed = createBillingSchedule(
      'bs_2',
      scheduleInput({ type: 'FIXED_FEE_INTERVAL', inArrears: false, paymentTermsDays: 0, lines: [{ plannedDate: '2026-04-30', amount: cad(500000) }] }),
      { taxCode: HST, rateCard: null }, NOW, ids('bsl'),
    );
    assert.deepEqual([fixed.billForActuals, fixed.inArrears, fixed.paymentTermsDays], [false, false, 0]);
    assert.deepEqual(fixed.lines.map((l) => [l.status, l.amount.amountMinor, l.billableItemId]), [['PLANNED', 500000n, null]]);
  });

  test('checks tax code, rate card currency, amounts in the schedule currency and payment terms', () => {
    const refs = { taxCode: HST, rateCard: null };
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ taxCode: 'XX' }), { taxCode: null, rateCard: null }, NOW, ids('bsl'))).details.field, 'taxCode');
    const usdCard: RateCard = createRateCard('rc_1', rateCardInput({ currency: 'USD' }), NOW, ids('rcl'));
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ rateCardId: 'rc_1' }), { taxCode: HST, rateCard: usdCard }, NOW, ids('bsl'))).details.field, 'rateCardId');
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ rateCardId: 'rc_9' }), refs, NOW, ids('bsl'))).details.field, 'rateCardId');
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ notToExceed: money(100n, 'USD') }), refs, NOW, ids('bsl'))).details.field, 'notToExceed');
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ lines: [{ plannedDate: '2026-04-30', amount: money(1n, 'USD') }] }), refs, NOW, ids('bsl'))).details.field, 'lines[0].amount');
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ paymentTermsDays: 366 }), refs, NOW, ids('bsl'))).details.field, 'paymentTermsDays');
    assert.equal(failure(() => createBillingSchedule('bs_1', scheduleInput({ projectId: 'acc_x' }), refs, NOW, ids('bsl'))).details.field, 'projectId');
    const cadCard = createRateCard('rc_2', rateCardInput(), NOW, ids('rcl'));
    assert.equal(createBillingSchedule('bs_1', scheduleInput({ rateCardId: 'rc_2' }), { taxCode: HST, rateCard: cadCard }, NOW, ids('bsl')).rateCardId, 'rc_2');
  });

  test('transition table: every action from every state is allowed or refused as specified', () => {
    const expected: Record<string, string[]> = {
      DRAFT: ['ACTIVATE', 'CANCEL'], ACTIVE: ['SUSPEND', 'COMPLETE', 'CANCEL'], SUSPENDED: ['RESUME', 'CANCEL'], COMPLETED: [], CANCELLED: [],
    };
    for (const [state, actions] of Object.entries(expected)) {
      assert.deepEqual(allowedActions(SCHEDULE_TRANSITIONS, state as BillingSchedule['status']).sort(), [...actions].sort(), state);
    }
    const draft = createBillingSchedule('bs_1', scheduleInput(), { taxCode: HST, rateCard: null }, NOW, ids('bsl'));
    const completed = transitionBillingSchedule(transitionBillingSchedule(draft, 'ACTIVATE', NOW), 'COMPLETE', NOW);
    assert.deepEqual([completed.status, completed.version], ['COMPLETED', 3]);
    assert.equal(failure(() => transitionBillingSchedule(completed, 'RESUME', NOW)).code, 'INVALID_TRANSITION');
  });

  test('a second live schedule is a CONFLICT naming the existing one only when the caller may see it', () => {
    const named = liveScheduleConflict('prj_1', { id: 'bs_9', status: 'ACTIVE' });
    assert.deepEqual([named.code, named.details.existingId], ['CONFLICT', 'bs_9']);
    assert.match(named.message, /bs_9 \(ACTIVE\)/);
    const hidden = liveScheduleConflict('prj_1', null);
    assert.deepEqual([hidden.code, hidden.details.existingId], ['CONFLICT', undefined]);
    assert.match(hidden.message, /prj_1 already has a live billing schedule in another legal entity/);
  });
});

describe('billable items', () => {
  test('the idempotency key is sourceType:sourceId:sourceVersion', () => {
    assert.equal(idempotencyKeyOf('TIME', 'te_1', 3), 'TIME:te_1:3');
    assert.equal(validateRecording(recording({ sourceId: 'te_9', sourceVersion: 2 })).idempotencyKey, 'TIME:te_9:2');
  });

  test('amount is round(quantity × unitPrice) half-even, stored at scale 4, READY with readyAt', () => {
    const schedule = activeSchedule();
    const a = item(schedule, { quantity: '0.8333', unitPrice: '150', standardUnitPrice: '160' });
    assert.deepEqual([a.quantity, a.unitPrice, a.amount.amountMinor, a.standardAmount?.amountMinor], ['0.8333', '150.0000', 12500n, 13333n]);
    assert.deepEqual([a.status, a.readyAt, a.accountId, a.legalEntityId, a.billingScheduleId], ['READY', NOW, 'acc_acme', 'le_ca', 'bs_1']);
    // 0.025 rounds to the even cent (0.02), not up.
    assert.equal(item(schedule, { quantity: '0.0250', unitPrice: '1' }).amount.amountMinor, 2n);
    assert.equal(item(schedule, { quantity: '0.0350', unitPrice: '1' }).amount.amountMinor, 4n);
  });

  test('validation: quantity > 0, prices ≥ 0 except ADJUSTMENT, at most 4 decimals', () => {
    assert.equal(failure(() => validateRecording(recording({ quantity: '0' }))).details.field, 'quantity');
    assert.equal(failure(() => validateRecording(recording({ quantity: '1.00001' }))).code, 'BAD_USER_INPUT');
    assert.equal(failure(() => validateRecording(recording({ unitPrice: '-10' }))).details.field, 'unitPrice');
    assert.equal(failure(() => validateRecording(recording({ sourceVersion: 0 }))).details.field, 'sourceVersion');
    assert.equal(failure(() => validateRecording(recording({ description: ' ' }))).details.field, 'description');
    assert.equal(failure(() => validateRecording(recording({ serviceDate: '2026-13-01' }))).details.field, 'serviceDate');
    const adjustment = item(activeSchedule(), { sourceType: 'ADJUSTMENT', quantity: '1', unitPrice: '-25.5' });
    assert.equal(adjustment.amount.amountMinor, -2550n);
  });

  test('recording needs the project live schedule to be ACTIVE', () => {
    const draft = createBillingSchedule('bs_1', scheduleInput(), { taxCode: HST, rateCard: null }, NOW, ids('bsl'));
    assert.equal(failure(() => createBillableItem('bi_1', validateRecording(recording()), draft, noExposure, NOW)).details.field, 'projectId');
    assert.equal(failure(() => createBillableItem('bi_1', validateRecording(recording()), null, noExposure, NOW)).details.field, 'projectId');
  });

  test('replay returns the same item for the same content and is a CONFLICT otherwise', () => {
    const schedule = activeSchedule();
    const input = recording({ quantity: '1.5', unitPrice: '100' });
    const first = createBillableItem('bi_1', validateRecording(input), schedule, noExposure, NOW);
    assert.equal(replayRecording(first, validateRecording({ ...input, quantity: '1.5000', description: 'renamed' })), first);
    for (const change of [{ quantity: '2' }, { unitPrice: '101' }, { serviceDate: '2026-03-03' }, { projectId: 'prj_other' }]) {
      const f = failure(() => replayRecording(first, validateRecording({ ...input, ...change })));
      assert.equal(f.code, 'CONFLICT');
      assert.equal(f.details.idempotencyKey, first.idempotencyKey);
      assert.match(f.message, new RegExp(first.idempotencyKey));
    }
  });

  test('an item that would pass the not-to-exceed cap is held with reason NOT_TO_EXCEED', () => {
    const schedule = activeSchedule({ notToExceed: cad(100000) });
    const exposure = { billedToDate: cad(60000), openWip: cad(25000) };
    const atCap = createBillableItem('bi_1', validateRecording(recording({ quantity: '1', unitPrice: '150' })), schedule, exposure, NOW);
    assert.deepEqual([atCap.status, atCap.holdReason], ['READY', null]);
    const over = createBillableItem('bi_2', validateRecording(recording({ quantity: '1', unitPrice: '150.01' })), schedule, exposure, NOW);
    assert.deepEqual([over.status, over.holdReason, over.readyAt], ['ON_HOLD', NOT_TO_EXCEED_HOLD, null]);
    assert.equal(exceedsNotToExceed(activeSchedule(), exposure, cad(10n ** 12n)), false);
  });

  test('transition table and reasons', () => {
    const expected: Record<string, string[]> = {
      PENDING: ['HOLD', 'RELEASE', 'CANCEL'], READY: ['HOLD', 'WRITE_OFF', 'CANCEL'], ON_HOLD: ['RELEASE', 'WRITE_OFF', 'CANCEL'],
      INVOICED: [], WRITTEN_OFF: [], CANCELLED: [],
    };
    for (const [state, actions] of Object.entries(expected)) {
      assert.deepEqual(allowedActions(ITEM_TRANSITIONS, state as BillableItem['status']).sort(), [...actions].sort(), state);
    }
    const ready = item(activeSchedule());
    assert.equal(failure(() => transitionBillableItem(ready, 'HOLD', '  ', NOW)).details.field, 'reason');
    const held = transitionBillableItem(ready, 'HOLD', 'Client query', NOW);
    assert.deepEqual([held.status, held.holdReason, held.version], ['ON_HOLD', 'Client query', 2]);
    const released = transitionBillableItem(held, 'RELEASE', null, '2026-03-16T00:00:00.000Z');
    assert.deepEqual([released.status, released.holdReason, released.readyAt], ['READY', null, '2026-03-16T00:00:00.000Z']);
    assert.equal(failure(() => transitionBillableItem(released, 'WRITE_OFF', null, NOW)).details.field, 'reason');
    assert.equal(transitionBillableItem(released, 'WRITE_OFF', 'Goodwill', NOW).writeOffReason, 'Goodwill');
    assert.equal(failure(() => transitionBillableItem(released, 'RELEASE', null, NOW)).code, 'INVALID_TRANSITION');
  });

  test('an item on a draft invoice cannot be held, written off or cancelled', () => {
    const onDraft = { ...item(activeSchedule()), invoiceId: 'inv_draft', invoiceLineId: 'invl_1' };
    for (const action of ['HOLD', 'WRITE_OFF', 'CANCEL'] as const) {
      const f = failure(() => transitionBillableItem(onDraft, action, 'reason', NOW));
      assert.equal(f.code, 'INVALID_TRANSITION');
      assert.equal(f.details.invoiceId, 'inv_draft');
      assert.match(f.message, /inv_draft/);
    }
  });
});

describe('invoices', () => {
  test('rounds per line: 3 × 0.8333 h × 150 at 13 % is 375.00 + 48.75, not round(2.4999 × 150)', () => {
    const schedule = activeSchedule();
    const items = [1, 2, 3].map((d) => item(schedule, { serviceDate: `2026-03-0${d}` }));
    const { invoice, lines, items: attached } = draftInvoice('inv_1', { schedule, items, taxCode: HST }, NOW, ids('invl'));
    assert.equal(lines.length, 1);
    assert.deepEqual([lines[0]!.quantity, lines[0]!.unitPrice, lines[0]!.netAmount.amountMinor, lines[0]!.taxAmount.amountMinor], ['2.4999', '150.0000', 37500n, 4875n]);
    assert.deepEqual([invoice.subtotal.amountMinor, invoice.taxTotal.amountMinor, invoice.total.amountMinor], [37500n, 4875n, 42375n]);
    assert.deepEqual([invoice.status, invoice.number, invoice.roundingMode, invoice.projectIds, invoice.paymentTermsDays], ['DRAFT', null, 'HALF_EVEN', ['prj_alpha'], 30]);
    assert.ok(attached.every((i) => i.invoiceId === 'inv_1' && i.invoiceLineId === lines[0]!.id && i.status === 'READY' && i.version === 2));
  });

  test('one line per (description, unit price), ordered by description then numeric unit price', () => {
    const schedule = activeSchedule({}, NONE);
    const items = [
      item(schedule, { description: 'Travel', quantity: '1', unitPrice: '80' }),
      item(schedule, { description: 'Consulting', quantity: '2', unitPrice: '10' }),
      item(schedule, { description: 'Consulting', quantity: '1', unitPrice: '9.5' }),
      item(schedule, { description: 'Consulting', quantity: '3', unitPrice: '10' }),
    ];
    const { lines, invoice } = draftInvoice('inv_1', { schedule, items, taxCode: NONE }, NOW, ids('invl'));
    assert.deepEqual(lines.map((l) => [l.lineNo, l.description, l.unitPrice, l.quantity, l.netAmount.amountMinor, l.billableItemIds.length]), [
      [1, 'Consulting', '9.5000', '1.0000', 950n, 1],
      [2, 'Consulting', '10.0000', '5.0000', 5000n, 2],
      [3, 'Travel', '80.0000', '1.0000', 8000n, 1],
    ]);
    assert.equal(invoice.subtotal.amountMinor, 13950n);
    assert.equal(invoice.taxTotal.amountMinor, 0n);
  });

  test('property: totals equal the sums of the printed lines and of the item amounts', () => {
    const schedule = activeSchedule();
    fc.assert(
      fc.property(
        fc.array(fc.record({ q: fc.integer({ min: 1, max: 400_000 }), p: fc.integer({ min: 0, max: 5_000_000 }), d: fc.constantFrom('A', 'B', 'C') }), { minLength: 1, maxLength: 25 }),
        fc.constantFrom(HST, NONE, { code: 'US-NY', ratePct: '8.8750', description: '' }),
        (specs, taxCode) => {
          const s = { ...schedule, taxCode: taxCode.code };
          const items = specs.map((x) => item(s, { description: x.d, quantity: (x.q / 10_000).toFixed(4), unitPrice: (x.p / 10_000).toFixed(4) }));
          const { invoice, lines } = draftInvoice('inv_p', { schedule: s, items, taxCode }, NOW, ids('invl'));
          assert.equal(invoice.subtotal.amountMinor, sum(items.map((i) => i.amount), 'CAD').amountMinor);
          assert.equal(invoice.subtotal.amountMinor, sum(lines.map((l) => l.netAmount), 'CAD').amountMinor);
          assert.equal(invoice.taxTotal.amountMinor, sum(lines.map((l) => l.taxAmount), 'CAD').amountMinor);
          assert.equal(invoice.total.amountMinor, invoice.subtotal.amountMinor + invoice.taxTotal.amountMinor);
          for (const l of lines) assert.equal(l.taxAmount.amountMinor, taxOf(l.netAmount, taxCode.ratePct).amountMinor);
          assert.equal(lines.flatMap((l) => l.billableItemIds).length, items.length);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('drafting refuses: nothing to bill, inactive schedule, items not READY, on another invoice or of another project', () => {
    const schedule = activeSchedule();
    assert.match(failure(() => draftInvoice('inv_1', { schedule, items: [], taxCode: HST }, NOW, ids('invl'))).message, /nothing to bill/);
    const suspended = transitionBillingSchedule(schedule, 'SUSPEND', NOW);
    assert.equal(failure(() => draftInvoice('inv_1', { schedule: suspended, items: [item(schedule)], taxCode: HST }, NOW, ids('invl'))).code, 'INVALID_TRANSITION');
    const held = transitionBillableItem(item(schedule), 'HOLD', 'x', NOW);
    assert.equal(failure(() => draftInvoice('inv_1', { schedule, items: [held], taxCode: HST }, NOW, ids('invl'))).code, 'INVALID_TRANSITION');
    const taken = { ...item(schedule), invoiceId: 'inv_0' };
    assert.equal(failure(() => draftInvoice('inv_1', { schedule, items: [taken], taxCode: HST }, NOW, ids('invl'))).code, 'INVALID_TRANSITION');
    const other = { ...item(schedule), projectId: 'prj_other' };
    assert.equal(failure(() => draftInvoice('inv_1', { schedule, items: [other], taxCode: HST }, NOW, ids('invl'))).code, 'BAD_USER_INPUT');
  });

  test('lifecycle: issue numbers and dates it, post, void releases items; discard only drafts', () => {
    const schedule = activeSchedule({ paymentTermsDays: 45 });
    const drafted = draftInvoice('inv_1', { schedule, items: [item(schedule)], taxCode: HST }, NOW, ids('invl'));
    assertDiscardable(drafted.invoice);
    assert.deepEqual(detachItems(drafted.items, NOW).map((i) => [i.invoiceId, i.invoiceLineId, i.status]), [[null, null, 'READY']]);
    const issued = issueInvoice(drafted.invoice, 'INV-2026-000007', '2026-03-20', NOW);
    assert.deepEqual([issued.status, issued.number, issued.issueDate, issued.dueDate, issued.issuedAt, issued.version], ['ISSUED', 'INV-2026-000007', '2026-03-20', '2026-05-04', NOW, 2]);
    assert.equal(failure(() => assertDiscardable(issued)).code, 'INVALID_TRANSITION');
    assert.deepEqual(invoiceItems(issued, drafted.items, NOW).map((i) => i.status), ['INVOICED']);
    assert.equal(failure(() => invoiceItems(issued, detachItems(drafted.items, NOW), NOW)).code, 'INVALID_TRANSITION');
    assert.equal(failure(() => issueInvoice(issued, 'INV-2026-000008', '2026-03-20', NOW)).code, 'INVALID_TRANSITION');
    const posted = postInvoice(issued, NOW);
    assert.deepEqual([posted.status, posted.postedAt], ['POSTED', NOW]);
    assert.equal(failure(() => voidInvoice(posted, ' ', [], NOW)).details.field, 'reason');
    const refused = failure(() => voidInvoice(posted, 'Wrong client', ['cm_1'], NOW));
    assert.equal(refused.code, 'INVALID_TRANSITION');
    assert.deepEqual(refused.details.creditMemoIds, ['cm_1']);
    const voided = voidInvoice(posted, 'Wrong client', [], NOW);
    assert.deepEqual([voided.status, voided.voidReason, voided.voidedAt], ['VOID', 'Wrong client', NOW]);
    assert.equal(failure(() => voidInvoice(voided, 'again', [], NOW)).code, 'INVALID_TRANSITION');
    const invoiced = invoiceItems(issued, drafted.items, NOW);
    assert.deepEqual(releaseVoidedItems(invoiced, NOW).map((i) => [i.status, i.invoiceId]), [['READY', null]]);
    const expected: Record<string, string[]> = { DRAFT: ['ISSUE'], ISSUED: ['POST', 'VOID'], POSTED: ['VOID'], VOID: [] };
    for (const [state, actions] of Object.entries(expected)) assert.deepEqual(allowedActions(INVOICE_TRANSITIONS, state as Invoice['status']).sort(), actions.sort());
  });
});

describe('credit memos', () => {
  function issuedInvoice(): { invoice: Invoice; lines: InvoiceLine[]; items: BillableItem[] } {
    const schedule = activeSchedule();
    const d = draftInvoice('inv_c', {
      schedule,
      items: [item(schedule, { description: 'Consulting', quantity: '10', unitPrice: '150' }), item(schedule, { description: 'Design', quantity: '3.3333', unitPrice: '99.99' })],
      taxCode: HST,
    }, NOW, ids('invl'));
    const invoice = issueInvoice(d.invoice, 'INV-2026-000001', '2026-03-20', NOW);
    return { invoice, lines: d.lines, items: invoiceItems(invoice, d.items, NOW) };
  }

  test('defaults to every line in full: the memo mirrors the invoice to the minor unit', () => {
    const { invoice, lines } = issuedInvoice();
    const { memo, lines: credit } = draftCreditMemo('cm_1', invoice, lines, [], { reason: 'BILLING_ERROR', releasesBillableItems: true }, NOW, ids('cml'));
    assert.deepEqual([memo.status, memo.number, memo.releasesBillableItems, memo.legalEntityId], ['DRAFT', null, true, 'le_ca']);
    assert.deepEqual([memo.subtotal, memo.taxTotal, memo.total].map((m) => m.amountMinor), [invoice.subtotal, invoice.taxTotal, invoice.total].map((m) => m.amountMinor));
    assert.deepEqual(credit.map((l) => [l.creditsLineId, l.documentId, l.quantity, l.unitPrice, l.billableItemIds]), lines.map((l) => [l.id, 'cm_1', l.quantity, l.unitPrice, l.billableItemIds]));
  });

  test('partial credits take round(net × rate); the credit of the remainder takes exactly the remaining tax', () => {
    const { invoice, lines } = issuedInvoice();
    const design = lines.find((l) => l.description === 'Design')!;
    assert.equal(design.netAmount.amountMinor, 33330n); // 3.3333 × 99.99 = 333.2966… → 333.30
    assert.equal(design.taxAmount.amountMinor, 4333n); // 43.329 → 43.33
    const first = draftCreditMemo('cm_1', invoice, lines, [], { reason: 'DISCOUNT', lines: [{ invoiceLineId: design.id, netAmount: cad(10001) }] }, NOW, ids('cml'));
    assert.deepEqual([first.lines[0]!.netAmount.amountMinor, first.lines[0]!.taxAmount.amountMinor, first.lines[0]!.quantity, first.lines[0]!.unitPrice], [10001n, 1300n, '1.0000', '100.0100']);
    assert.deepEqual(first.lines[0]!.billableItemIds, []);
    const rest = draftCreditMemo('cm_2', invoice, lines, first.lines, { reason: 'DISCOUNT', lines: [{ invoiceLineId: design.id }] }, NOW, ids('cml'));
    assert.deepEqual([rest.lines[0]!.netAmount.amountMinor, rest.lines[0]!.taxAmount.amountMinor], [23329n, 3033n]);
    assert.deepEqual(rest.lines[0]!.billableItemIds, design.billableItemIds);
    assert.equal(first.lines[0]!.taxAmount.amountMinor + rest.lines[0]!.taxAmount.amountMinor, design.taxAmount.amountMinor);
    const over = failure(() => draftCreditMemo('cm_3', invoice, lines, first.lines, { reason: 'DISCOUNT', lines: [{ invoiceLineId: design.id, netAmount: cad(23330) }] }, NOW, ids('cml')));
    assert.deepEqual([over.code, over.details.field, over.details.remainingMinor], ['BAD_USER_INPUT', 'lines[0].netAmount', '23329']);
    const both = [...first.lines, ...rest.lines];
    assert.equal(failure(() => draftCreditMemo('cm_3', invoice, lines, both, { reason: 'DISCOUNT', lines: [{ invoiceLineId: design.id }] }, NOW, ids('cml'))).details.field, 'lines[0].netAmount');
  });

  test('refusals: zero or foreign-currency amounts, unknown or repeated lines, partial release, uncreditable invoices', () => {
    const { invoice, lines } = issuedInvoice();
    const line = lines[0]!;
    const draft = (input: Parameters<typeof draftCreditMemo>[4], inv: Invoice = invoice) => failure(() => draftCreditMemo('cm_x', inv, lines, [], input, NOW, ids('cml')));
    assert.equal(draft({ reason: 'DISPUTE', lines: [{ invoiceLineId: line.id, netAmount: cad(0) }] }).details.field, 'lines[0].netAmount');
    assert.equal(draft({ reason: 'DISPUTE', lines: [{ invoiceLineId: line.id, netAmount: money(100n, 'USD') }] }).details.field, 'lines[0].netAmount');
    assert.equal(draft({ reason: 'DISPUTE', lines: [{ invoiceLineId: 'invl_nope' }] }).details.field, 'lines[0].invoiceLineId');
    assert.equal(draft({ reason: 'DISPUTE', lines: [{ invoiceLineId: line.id }, { invoiceLineId: line.id }] }).details.field, 'lines[1].invoiceLineId');
    assert.equal(draft({ reason: 'DISPUTE', releasesBillableItems: true, lines: [{ invoiceLineId: line.id, netAmount: cad(100) }] }).details.field, 'releasesBillableItems');
    assert.equal(draft({ reason: 'DISPUTE' }, { ...invoice, status: 'DRAFT' }).code, 'INVALID_TRANSITION');
    assert.equal(draft({ reason: 'DISPUTE' }, { ...invoice, status: 'VOID' }).code, 'INVALID_TRANSITION');
    const full = draftCreditMemo('cm_1', invoice, lines, [], { reason: 'WRITE_OFF' }, NOW, ids('cml'));
    assert.equal(failure(() => draftCreditMemo('cm_2', invoice, lines, full.lines, { reason: 'WRITE_OFF' }, NOW, ids('cml'))).details.field, 'lines');
  });

  test('lifecycle and item release / restore guards', () => {
    const expected: Record<string, string[]> = { DRAFT: ['ISSUE', 'VOID'], ISSUED: ['POST', 'VOID'], POSTED: ['APPLY'], APPLIED: [], VOID: [] };
    for (const [state, actions] of Object.entries(expected)) assert.deepEqual(allowedActions(CREDIT_MEMO_TRANSITIONS, state as 'DRAFT').sort(), actions.sort());
    const { invoice, lines, items } = issuedInvoice();
    const { memo, lines: credit } = draftCreditMemo('cm_1', invoice, lines, [], { reason: 'BILLING_ERROR', releasesBillableItems: true }, NOW, ids('cml'));
    const issued = transitionCreditMemo(memo, 'ISSUE', 'CM-2026-000001', NOW);
    assert.deepEqual([issued.status, issued.number, issued.issuedAt, issued.version], ['ISSUED', 'CM-2026-000001', NOW, 2]);
    const released = releaseCreditedItems(issued, items, NOW);
    assert.ok(released.every((i) => i.status === 'READY' && i.invoiceId === null && i.invoiceLineId === null));
    assert.equal(failure(() => releaseCreditedItems(issued, released, NOW)).code, 'INVALID_TRANSITION');
    const links = releasedItemLinks(credit);
    const restored = restoreReleasedItems(issued, links, released, NOW);
    assert.deepEqual(restored.map((i) => [i.status, i.invoiceId, i.invoiceLineId]), items.map((i) => ['INVOICED', invoice.id, i.invoiceLineId]));
    const rebilled = released.map((i, n) => (n === 0 ? { ...i, invoiceId: 'inv_new' } : i));
    assert.equal(failure(() => restoreReleasedItems(issued, links, rebilled, NOW)).code, 'INVALID_TRANSITION');
    const posted = transitionCreditMemo(issued, 'POST', null, NOW);
    assert.equal(failure(() => transitionCreditMemo(posted, 'VOID', null, NOW)).code, 'INVALID_TRANSITION');
    assert.equal(transitionCreditMemo(posted, 'APPLY', null, NOW).status, 'APPLIED');
  });
});

describe('numbering and project figures', () => {
  test('document numbers are prefix + issue year + 6-digit sequence', () => {
    assert.equal(formatDocumentNumber('INV-', '2026-03-20', 42n), 'INV-2026-000042');
    assert.equal(formatDocumentNumber('CM-', '2027-01-01', 1_234_567n), 'CM-2027-1234567');
    assert.throws(() => formatDocumentNumber('INV-', '2026-01-01', 0n), RangeError);
    assert.equal(validatePrefix('ACME-CA/'), 'ACME-CA/');
    for (const bad of ['', '-X', 'has space', 'x'.repeat(21)]) assert.equal(failure(() => validatePrefix(bad)).details.field, 'prefix');
  });

  test('billing figures are in the project currency, zero when nothing, refused when billed in another currency', () => {
    assert.deepEqual(projectFigure('billedToDate', 'prj_1', 'CAD', null), cad(0));
    assert.deepEqual(projectFigure('billedToDate', 'prj_1', 'CAD', new Map([['CAD', 125n], ['USD', 0n]])), cad(125));
    assert.equal(failure(() => projectFigure('billedToDate', 'prj_1', 'CAD', new Map([['USD', 5n]]))).details.field, 'currency');
    assert.equal(failure(() => projectFigure('unbilledWip', 'prj_1', undefined, null)).details.field, 'currency');
  });
});
