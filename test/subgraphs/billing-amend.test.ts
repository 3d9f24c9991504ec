import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DomainError, newId } from '../../platform/domain/index.js';
import { money, type Money } from '../../platform/money/money.js';
import {
  planAmendment, requireCapCoversCommitted, requireSameAmendment, scheduleAmendment, validateAmendmentTerms, type AmendmentTerms, type ValidAmendmentTerms,
} from '../../subgraphs/billing/src/domain/amendment.js';
import type { BillingSchedule, BillingScheduleLine, ScheduleLineStatus } from '../../subgraphs/billing/src/domain/types.js';
import { billingMigrations, createBillingSubgraph } from '../../subgraphs/billing/src/index.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

/**
 * The billing side of a contract amendment (flow F4): `amendBillingSchedule` re-plans a schedule's future lines and
 * its cap from the amendment's effective date, once per amendment, and tells the process layer what it changed.
 */

// ---------------------------------------------------------------------------------------------------------------
// Pure rules
// ---------------------------------------------------------------------------------------------------------------

const CAD = (minor: bigint | number): Money => money(BigInt(minor), 'CAD');
const NOW = '2026-04-02T09:00:00.000Z';

function line(plannedDate: string, minor: number, status: ScheduleLineStatus = 'PLANNED', milestoneId: string | null = null): BillingScheduleLine {
  return { id: `bsl_${plannedDate}_${status}`, plannedDate, milestoneId, amount: CAD(minor), status, billableItemId: status === 'PLANNED' || status === 'CANCELLED' ? null : `bi_${plannedDate}` };
}

function schedule(type: BillingSchedule['type'], lines: BillingScheduleLine[], o: Partial<BillingSchedule> = {}): BillingSchedule {
  return {
    id: 'bs_1', version: 3, projectId: 'prj_1', accountId: 'acc_1', contractId: 'ctr_1', legalEntityId: 'le_ca', type, frequency: 'MONTHLY',
    inArrears: type !== 'RETAINER', currency: 'CAD', notToExceed: null, billForActuals: type === 'TIME_AND_MATERIALS', taxCode: 'CA-HST-ON',
    paymentTermsDays: 30, status: 'ACTIVE', rateCardId: 'rc_1', lines, updatedAt: '2026-01-01T00:00:00.000Z', ...o,
  };
}

function terms(o: Partial<AmendmentTerms> = {}): ValidAmendmentTerms {
  return validateAmendmentTerms({ billingScheduleId: 'bs_1', amendmentId: 'amd_1', effectiveDate: '2026-04-01', contractValueDelta: CAD(300000), ...o });
}

let seq = 0;
const lineId = () => `bsl_new${(seq += 1)}`;

/** Lines as `[plannedDate, amountMinor, status]`, in stored order. */
const shape = (s: BillingSchedule) => s.lines.map((l) => [l.plannedDate, Number(l.amount.amountMinor), l.status]);
const live = (s: BillingSchedule) => s.lines.filter((l) => l.status !== 'CANCELLED').reduce((t, l) => t + l.amount.amountMinor, 0n);

/** Asserts `fn` throws a DomainError with this code (and field, for BAD_USER_INPUT). */
function refuses(fn: () => unknown, code: string, field?: string): DomainError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, code, error.message);
    if (field !== undefined) assert.equal(error.details.field, field, error.message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

/** A fixed fee over January–June 2026 in arrears, January and February billed. */
const sixMonths = () => schedule('FIXED_FEE_INTERVAL', [
  line('2026-01-31', 1666667, 'BILLED'), line('2026-02-28', 1666667, 'BILLED'), line('2026-03-31', 1666667),
  line('2026-04-30', 1666667), line('2026-05-31', 1666666), line('2026-06-30', 1666666),
]);

describe('amendment rules (pure)', () => {
  test('validation of the terms: identifiers, dates, cap, bounds', () => {
    refuses(() => terms({ billingScheduleId: 'inv_1' }), 'BAD_USER_INPUT', 'billingScheduleId');
    refuses(() => terms({ amendmentId: 'ctr_1' }), 'BAD_USER_INPUT', 'amendmentId');
    refuses(() => terms({ effectiveDate: '2026-02-30' }), 'BAD_USER_INPUT', 'effectiveDate');
    refuses(() => terms({ endDate: '2026-03-31' }), 'BAD_USER_INPUT', 'endDate');
    refuses(() => terms({ notToExceed: CAD(0) }), 'BAD_USER_INPUT', 'notToExceed');
    refuses(() => terms({ contractValueDelta: CAD(-(10n ** 15n) - 1n) }), 'BAD_USER_INPUT', 'contractValueDelta');
    assert.deepEqual(terms({ endDate: '2026-04-01' }).endDate, '2026-04-01');
    assert.deepEqual([terms().notToExceed, terms().endDate], [null, null]);
  });

  test('fixed fee: the value from the effective date plus the delta is re-spread over the future PLANNED lines, exactly; history untouched', () => {
    const before = sixMonths();
    const plan = planAmendment(before, terms(), NOW, lineId);
    // 4 999 999 planned from April + 300 000, in proportion to 1 666 667 / 1 666 666 / 1 666 666.
    assert.deepEqual(shape(plan.schedule), [
      ['2026-01-31', 1666667, 'BILLED'], ['2026-02-28', 1666667, 'BILLED'], ['2026-03-31', 1666667, 'PLANNED'],
      ['2026-04-30', 1766667, 'PLANNED'], ['2026-05-31', 1766666, 'PLANNED'], ['2026-06-30', 1766666, 'PLANNED'],
    ]);
    assert.deepEqual(plan.schedule.lines.map((l) => l.id), before.lines.map((l) => l.id), 're-spread in place');
    assert.equal(live(plan.schedule), 10000000n + 300000n);
    assert.deepEqual([plan.schedule.version, plan.schedule.updatedAt, plan.schedule.status, plan.linesCancelled, plan.linesCreated], [4, NOW, 'ACTIVE', 0, 0]);
    // A line due before the effective date, even PLANNED, keeps its amount; an effective date mid-month spares nothing else.
    const mid = planAmendment(before, terms({ effectiveDate: '2026-05-31', contractValueDelta: CAD(-1000000) }), NOW, lineId);
    assert.deepEqual(shape(mid.schedule).slice(3), [['2026-04-30', 1666667, 'PLANNED'], ['2026-05-31', 1166666, 'PLANNED'], ['2026-06-30', 1166666, 'PLANNED']]);
  });

  test('fixed fee with a new end date: future lines CANCELLED and regenerated monthly to the end, in arrears', () => {
    const plan = planAmendment(sixMonths(), terms({ endDate: '2026-08-31' }), NOW, lineId);
    assert.deepEqual(shape(plan.schedule).slice(3), [
      ['2026-04-30', 1666667, 'CANCELLED'], ['2026-05-31', 1666666, 'CANCELLED'], ['2026-06-30', 1666666, 'CANCELLED'],
      ['2026-04-30', 1060000, 'PLANNED'], ['2026-05-31', 1060000, 'PLANNED'], ['2026-06-30', 1060000, 'PLANNED'], ['2026-07-31', 1060000, 'PLANNED'], ['2026-08-31', 1059999, 'PLANNED'],
    ]);
    assert.deepEqual([plan.linesCancelled, plan.linesCreated, live(plan.schedule)], [3, 5, 10300000n]);
    assert.ok(plan.schedule.lines.slice(6).every((l) => l.id.startsWith('bsl_new') && l.milestoneId === null && l.billableItemId === null));
    // Shortened to mid-May: the last instalment falls on the end date.
    const shorter = planAmendment(sixMonths(), terms({ endDate: '2026-05-15', contractValueDelta: CAD(0) }), NOW, lineId);
    assert.deepEqual(shape(shorter.schedule).slice(6), [['2026-04-30', 2500000, 'PLANNED'], ['2026-05-15', 2499999, 'PLANNED']]);
    assert.deepEqual([shorter.linesCancelled, shorter.linesCreated, live(shorter.schedule)], [3, 2, 10000000n]);
    // An end date that gives the same months is no change of plan: the lines are re-spread in place.
    const same = planAmendment(sixMonths(), terms({ endDate: '2026-06-30' }), NOW, lineId);
    assert.deepEqual([same.linesCancelled, same.linesCreated, shape(same.schedule)[3]], [0, 0, ['2026-04-30', 1766667, 'PLANNED']]);
  });

  test('retainer in advance: regenerated from the first month no instalment bills yet, on the 1st', () => {
    const before = schedule('RETAINER', [
      line('2026-01-01', 100000, 'BILLED'), line('2026-02-01', 100000, 'BILLED'), line('2026-03-01', 100000, 'READY'),
      line('2026-04-01', 100000), line('2026-05-01', 100000), line('2026-06-01', 100000),
    ]);
    // April's fee was due on the 1st, before the amendment: it stays, and April is not billed a second time.
    const plan = planAmendment(before, terms({ effectiveDate: '2026-04-15', endDate: '2026-08-31', contractValueDelta: CAD(50000) }), NOW, lineId);
    assert.deepEqual(shape(plan.schedule), [
      ['2026-01-01', 100000, 'BILLED'], ['2026-02-01', 100000, 'BILLED'], ['2026-03-01', 100000, 'READY'], ['2026-04-01', 100000, 'PLANNED'],
      ['2026-05-01', 100000, 'CANCELLED'], ['2026-06-01', 100000, 'CANCELLED'],
      ['2026-05-01', 62500, 'PLANNED'], ['2026-06-01', 62500, 'PLANNED'], ['2026-07-01', 62500, 'PLANNED'], ['2026-08-01', 62500, 'PLANNED'],
    ]);
    // From a month no line bills, the first regenerated fee is due on the effective date.
    const fresh = planAmendment(schedule('RETAINER', [line('2026-01-01', 100000, 'BILLED')]), terms({ effectiveDate: '2026-03-10', endDate: '2026-04-30', contractValueDelta: CAD(200001) }), NOW, lineId);
    assert.deepEqual(shape(fresh.schedule).slice(1), [['2026-03-10', 100001, 'PLANNED'], ['2026-04-01', 100000, 'PLANNED']]);
  });

  test('no future line: a positive delta is one line on the effective date, a negative one is refused; zero left cancels lines', () => {
    const done = schedule('FIXED_FEE_INTERVAL', [line('2026-01-31', 500000, 'BILLED'), line('2026-02-28', 500000, 'READY')]);
    const plan = planAmendment(done, terms({ effectiveDate: '2026-03-15', contractValueDelta: CAD(75000) }), NOW, lineId);
    assert.deepEqual([shape(plan.schedule).at(-1), plan.linesCreated, plan.linesCancelled], [['2026-03-15', 75000, 'PLANNED'], 1, 0]);
    refuses(() => planAmendment(done, terms({ contractValueDelta: CAD(-1) }), NOW, lineId), 'BAD_USER_INPUT', 'contractValueDelta');
    const nothing = planAmendment(done, terms({ contractValueDelta: CAD(0) }), NOW, lineId);
    assert.deepEqual([nothing.schedule.lines, nothing.schedule.version], [done.lines, 4]);

    refuses(() => planAmendment(sixMonths(), terms({ contractValueDelta: CAD(-5000000) }), NOW, lineId), 'BAD_USER_INPUT', 'contractValueDelta');
    const emptied = planAmendment(sixMonths(), terms({ contractValueDelta: CAD(-4999999) }), NOW, lineId);
    assert.deepEqual(shape(emptied.schedule).slice(3).map((l) => l[2]), ['CANCELLED', 'CANCELLED', 'CANCELLED']);
    assert.deepEqual([emptied.linesCancelled, live(emptied.schedule)], [3, 5000001n]);
    // One minor unit left: it goes to one line; the others would bill nothing and are cancelled.
    const cent = planAmendment(sixMonths(), terms({ contractValueDelta: CAD(-4999998) }), NOW, lineId);
    assert.deepEqual(shape(cent.schedule).slice(3), [['2026-04-30', 1, 'PLANNED'], ['2026-05-31', 1666666, 'CANCELLED'], ['2026-06-30', 1666666, 'CANCELLED']]);
    assert.equal(cent.linesCancelled, 2);
  });

  test('milestone lines on a fixed-fee schedule are left to milestone billing', () => {
    const before = schedule('FIXED_FEE_INTERVAL', [line('2026-04-30', 100000), line('2026-05-31', 900000, 'PLANNED', 'ms_go_live')]);
    const plan = planAmendment(before, terms({ contractValueDelta: CAD(100000) }), NOW, lineId);
    assert.deepEqual(shape(plan.schedule), [['2026-04-30', 200000, 'PLANNED'], ['2026-05-31', 900000, 'PLANNED']]);
  });

  test('milestone: the delta goes to the last PLANNED line; time and materials change no line; the cap is replaced', () => {
    const ms = schedule('MILESTONE', [
      line('2026-03-01', 250000, 'READY', 'ms_a'), line('2026-09-30', 600000, 'PLANNED', 'ms_c'), line('2026-06-30', 400000, 'PLANNED', 'ms_b'),
    ], { frequency: 'ON_EVENT' });
    assert.deepEqual(shape(planAmendment(ms, terms({ contractValueDelta: CAD(50000) }), NOW, lineId).schedule).map((l) => l[1]), [250000, 650000, 400000]);
    const zeroed = planAmendment(ms, terms({ contractValueDelta: CAD(-600000) }), NOW, lineId);
    assert.deepEqual([shape(zeroed.schedule)[1], zeroed.linesCancelled], [['2026-09-30', 600000, 'CANCELLED'], 1]);
    refuses(() => planAmendment(ms, terms({ contractValueDelta: CAD(-600001) }), NOW, lineId), 'BAD_USER_INPUT', 'contractValueDelta');
    const none = schedule('MILESTONE', [line('2026-03-01', 250000, 'BILLED', 'ms_a')]);
    assert.deepEqual(planAmendment(none, terms({ contractValueDelta: CAD(-900000) }), NOW, lineId).schedule.lines, none.lines);

    const tm = schedule('TIME_AND_MATERIALS', [], { notToExceed: CAD(1000000) });
    const capped = planAmendment(tm, terms({ notToExceed: CAD(1500000), endDate: '2026-12-31' }), NOW, lineId);
    assert.deepEqual([capped.schedule.lines, capped.schedule.notToExceed, capped.schedule.version, capped.linesCancelled, capped.linesCreated], [[], CAD(1500000), 4, 0, 0]);
    assert.deepEqual(planAmendment(tm, terms(), NOW, lineId).schedule.notToExceed, CAD(1000000), 'absent: unchanged');
  });

  test('status, currency, size; the natural-key rule; the cap floor', () => {
    for (const status of ['DRAFT', 'COMPLETED', 'CANCELLED'] as const) {
      refuses(() => planAmendment(schedule('TIME_AND_MATERIALS', [], { status }), terms(), NOW, lineId), 'INVALID_TRANSITION');
    }
    assert.equal(planAmendment(schedule('TIME_AND_MATERIALS', [], { status: 'SUSPENDED' }), terms(), NOW, lineId).schedule.status, 'SUSPENDED');
    refuses(() => planAmendment(sixMonths(), terms({ contractValueDelta: money(1n, 'USD') }), NOW, lineId), 'BAD_USER_INPUT', 'contractValueDelta');
    refuses(() => planAmendment(sixMonths(), terms({ notToExceed: money(1n, 'USD') }), NOW, lineId), 'BAD_USER_INPUT', 'notToExceed');
    refuses(() => planAmendment(sixMonths(), terms({ endDate: '2126-04-30' }), NOW, lineId), 'BAD_USER_INPUT', 'endDate');

    const t = terms({ notToExceed: CAD(2000000), endDate: '2026-09-30' });
    const applied = scheduleAmendment('bsa_1', { ...sixMonths(), version: 4 }, t, { linesCancelled: 3, linesCreated: 6 }, NOW);
    assert.deepEqual(
      [applied.amendmentId, applied.billingScheduleId, applied.scheduleVersion, applied.linesCancelled, applied.linesCreated, applied.appliedAt],
      ['amd_1', 'bs_1', 4, 3, 6, NOW],
    );
    requireSameAmendment(applied, terms({ notToExceed: CAD(2000000), endDate: '2026-09-30' }));
    const conflict = refuses(() => requireSameAmendment(applied, terms({ contractValueDelta: CAD(300001), endDate: null, notToExceed: CAD(2000000) })), 'CONFLICT');
    assert.deepEqual(conflict.details.fields, ['contractValueDelta', 'endDate']);
    refuses(() => requireSameAmendment(applied, terms({ endDate: '2026-09-30' })), 'CONFLICT');
    refuses(() => requireSameAmendment(applied, terms({ effectiveDate: '2026-04-02', notToExceed: CAD(2000000), endDate: '2026-09-30' })), 'CONFLICT');

    requireCapCoversCommitted(CAD(500), CAD(500));
    refuses(() => requireCapCoversCommitted(CAD(499), CAD(500)), 'BAD_USER_INPUT', 'notToExceed');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Through the subgraph
// ---------------------------------------------------------------------------------------------------------------

let h: SubgraphHarness<ReturnType<ReturnType<typeof createBillingSubgraph>['createContext']>>;

before(async () => {
  const db = await openTestDatabase('billing', billingMigrations());
  h = await SubgraphHarness.start(createBillingSubgraph(db), db);
  await h.ok(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: { name: 'Standard CAD', scope: 'STANDARD', currency: 'CAD', effectiveFrom: '2025-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '150' }] },
  });
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const FINANCE = principal(['finance', 'executive'], '*', null, 'usr_finance_only');
const cad = (minor: string | bigint) => ({ amountMinor: String(minor), currency: 'CAD' });
const uniq = () => randomBytes(5).toString('hex');

async function scalar(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await h.db.query<{ n: bigint | string | number }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

interface OutboxRow { type: string; entity_type: string; entity_id: string; entity_version: number | null; payload: any; actor: string }
async function outboxMark(): Promise<bigint> {
  const rows = await h.db.query<{ s: bigint | string | null }>('SELECT max(seq) AS s FROM outbox');
  return BigInt(rows[0]?.s ?? 0);
}
async function eventsSince(mark: bigint): Promise<OutboxRow[]> {
  return h.db.query<OutboxRow>('SELECT type, entity_type, entity_id, entity_version, payload, actor FROM outbox WHERE seq > $1 ORDER BY seq', [mark.toString()]);
}

const AMENDMENTS = 'amendments { amendmentId effectiveDate contractValueDelta { amountMinor currency } notToExceed { amountMinor } endDate scheduleVersion linesCancelled linesCreated appliedAt }';
const SCHEDULE = `id version status type notToExceed { amountMinor currency } lines { id plannedDate milestoneId amount { amountMinor currency } status billableItemId } ${AMENDMENTS}`;
const SETUP = `mutation($i: SetupBillingForProjectInput!) { setupBillingForProject(input: $i) { ${SCHEDULE} } }`;
const AMEND = `mutation($i: AmendBillingScheduleInput!) { amendBillingSchedule(input: $i) { ${SCHEDULE} } }`;

async function setup(o: Record<string, unknown> = {}): Promise<{ projectId: string; legalEntityId: string; schedule: any }> {
  const input = {
    projectId: newId('prj'), accountId: newId('acc'), contractId: newId('ctr'), legalEntityId: `le_${uniq()}`, country: 'CA', currency: 'CAD',
    billingModel: 'FIXED_FEE', contractValue: cad('10000000'), startDate: '2026-01-01', endDate: '2026-06-30', ...o,
  };
  const s = (await h.ok<{ setupBillingForProject: any }>(SETUP, { i: input })).setupBillingForProject;
  return { projectId: input.projectId, legalEntityId: input.legalEntityId, schedule: s };
}

async function scheduleById(id: string): Promise<any> {
  return (await h.ok<{ billingSchedule: any }>(`query($id: ID!) { billingSchedule(id: $id) { ${SCHEDULE} } }`, { id })).billingSchedule;
}

const RUN = `mutation($i: RunBillingInput!) { runBilling(input: $i) { itemsInvoiced linesReleased invoices { subtotal { amountMinor } } } }`;
async function run(billingScheduleId: string, throughDate: string): Promise<any> {
  return (await h.ok<{ runBilling: any }>(RUN, { i: { billingScheduleId, throughDate, autoIssue: true, issueDate: throughDate } })).runBilling;
}

/** A six-month fixed fee of 100 000.00 (January–June 2026) with January and February billed. */
async function fixedFeeTwoBilled(o: Record<string, unknown> = {}): Promise<{ projectId: string; legalEntityId: string; schedule: any }> {
  const s = await setup(o);
  const billed = await run(s.schedule.id, '2026-02-28');
  assert.deepEqual([billed.linesReleased, billed.itemsInvoiced], [2, 2]);
  return { ...s, schedule: await scheduleById(s.schedule.id) };
}

function amendInput(billingScheduleId: string, o: Record<string, unknown> = {}): Record<string, unknown> {
  return { billingScheduleId, amendmentId: newId('amd'), effectiveDate: '2026-04-01', contractValueDelta: cad('300000'), ...o };
}
async function amend(input: Record<string, unknown>): Promise<any> {
  return (await h.ok<{ amendBillingSchedule: any }>(AMEND, { i: input })).amendBillingSchedule;
}

const lineShape = (s: any) => s.lines.map((l: any) => [l.plannedDate, l.amount.amountMinor, l.status]);
const liveTotal = (s: any) => s.lines.filter((l: any) => l.status !== 'CANCELLED').reduce((t: bigint, l: any) => t + BigInt(l.amount.amountMinor), 0n);

/** Everything an amendment could write, to assert a refused one wrote nothing. */
async function footprint(scheduleId: string): Promise<unknown[]> {
  const s = await scheduleById(scheduleId);
  return [
    s.version, JSON.stringify(s.lines), s.notToExceed, await scalar('SELECT count(*) AS n FROM schedule_amendments'), await scalar('SELECT count(*) AS n FROM audit_log'),
    await outboxMark(),
  ];
}

describe('amendBillingSchedule', () => {
  test('fixed fee with two lines billed: +3 000.00 from month 4 re-spreads exactly; billed lines untouched; audited; event; the next runs bill it', async () => {
    const { projectId, schedule: before } = await fixedFeeTwoBilled();
    assert.deepEqual(lineShape(before).map((l: any) => l[2]), ['BILLED', 'BILLED', 'PLANNED', 'PLANNED', 'PLANNED', 'PLANNED']);
    const mark = await outboxMark();
    const input = amendInput(before.id);
    const after = await amend(input);
    assert.deepEqual(lineShape(after), [
      ['2026-01-31', '1666667', 'BILLED'], ['2026-02-28', '1666667', 'BILLED'], ['2026-03-31', '1666667', 'PLANNED'],
      ['2026-04-30', '1766667', 'PLANNED'], ['2026-05-31', '1766666', 'PLANNED'], ['2026-06-30', '1766666', 'PLANNED'],
    ]);
    assert.equal(liveTotal(after), 10000000n + 300000n);
    assert.deepEqual(after.lines.slice(0, 2), before.lines.slice(0, 2), 'billed lines are history: same ids, amounts, items');
    assert.deepEqual(after.lines.map((l: any) => l.id), before.lines.map((l: any) => l.id));
    assert.deepEqual([after.version, after.status], [before.version + 1, 'ACTIVE']);
    assert.equal(after.amendments.length, 1);
    const applied = after.amendments[0];
    assert.deepEqual(
      [applied.amendmentId, applied.effectiveDate, applied.contractValueDelta, applied.notToExceed, applied.endDate, applied.scheduleVersion, applied.linesCancelled, applied.linesCreated],
      [input.amendmentId, '2026-04-01', cad('300000'), null, null, after.version, 0, 0],
    );
    assert.match(applied.appliedAt, /^\d{4}-\d{2}-\d{2}T/);

    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.entity_type, e.entity_id, e.entity_version, e.actor]), [['BillingScheduleAmended', 'BillingSchedule', before.id, after.version, 'usr_test_admin']]);
    assert.deepEqual(events[0]!.payload, {
      billingScheduleId: before.id, projectId, amendmentId: input.amendmentId, effectiveDate: '2026-04-01',
      contractValueDelta: { amountMinor: '300000', currency: 'CAD', amount: '3000.00' }, linesCancelled: 0, linesCreated: 0,
    });
    const audit = await h.db.query<{ action: string; from_version: number; to_version: number; actor: string; operation: string }>(
      'SELECT action, from_version, to_version, actor, operation FROM audit_log WHERE entity_id = $1 ORDER BY to_version DESC LIMIT 1', [before.id],
    );
    assert.deepEqual(audit.map((a) => [a.action, Number(a.from_version), Number(a.to_version), a.actor, a.operation]), [['UPDATE', before.version, after.version, 'usr_test_admin', 'amendBillingSchedule']]);

    // The remaining months bill the amended amounts: everything invoiced is the old total plus the delta.
    const rest = await run(before.id, '2026-06-30');
    assert.deepEqual([rest.linesReleased, rest.invoices[0].subtotal.amountMinor], [4, String(1666667 + 1766667 + 1766666 + 1766666)]);
    assert.equal(await scalar(`SELECT sum(amount_minor) AS n FROM billable_items WHERE project_id = $1 AND status = 'INVOICED'`, [projectId]), 10300000);
  });

  test('with a new end date the future lines are regenerated monthly up to it', async () => {
    const { schedule: before } = await fixedFeeTwoBilled();
    const mark = await outboxMark();
    const after = await amend(amendInput(before.id, { endDate: '2026-08-31' }));
    assert.deepEqual(lineShape(after), [
      ['2026-01-31', '1666667', 'BILLED'], ['2026-02-28', '1666667', 'BILLED'], ['2026-03-31', '1666667', 'PLANNED'],
      ['2026-04-30', '1666667', 'CANCELLED'], ['2026-05-31', '1666666', 'CANCELLED'], ['2026-06-30', '1666666', 'CANCELLED'],
      ['2026-04-30', '1060000', 'PLANNED'], ['2026-05-31', '1060000', 'PLANNED'], ['2026-06-30', '1060000', 'PLANNED'], ['2026-07-31', '1060000', 'PLANNED'], ['2026-08-31', '1059999', 'PLANNED'],
    ]);
    assert.equal(liveTotal(after), 10300000n);
    assert.ok(after.lines.slice(6).every((l: any) => /^bsl_/.test(l.id) && !before.lines.some((b: any) => b.id === l.id)));
    assert.deepEqual([after.amendments[0].endDate, after.amendments[0].linesCancelled, after.amendments[0].linesCreated], ['2026-08-31', 3, 5]);
    const [event] = await eventsSince(mark);
    assert.deepEqual([event!.payload.linesCancelled, event!.payload.linesCreated], [3, 5]);
    // The cancelled lines are never billed: a run to the new end bills March and the five new instalments.
    const rest = await run(before.id, '2026-08-31');
    assert.deepEqual([rest.linesReleased, rest.invoices[0].subtotal.amountMinor], [6, String(1666667 + 5299999)]);
  });

  test('a negative delta beyond what is left to bill is refused; nothing is written, no event', async () => {
    const { schedule } = await fixedFeeTwoBilled();
    const before = await footprint(schedule.id);
    // 4 999 999 is planned from April: taking 5 000 000 off would leave less than nothing.
    const r = await h.run(AMEND, { i: amendInput(schedule.id, { contractValueDelta: cad('-5000000'), idempotencyKey: `neg-${uniq()}` }) });
    assert.deepEqual([r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field], ['BAD_USER_INPUT', 'contractValueDelta']);
    assert.equal(r.data, null);
    assert.deepEqual(await footprint(schedule.id), before);
  });

  test('replays: the same idempotency key, the same amendment under a new key; the same amendment with other terms is a CONFLICT', async () => {
    const { schedule } = await fixedFeeTwoBilled();
    const key = `amend-${uniq()}`;
    const input = amendInput(schedule.id, { notToExceed: cad('12000000'), idempotencyKey: key });
    const first = await amend(input);
    const settled = await footprint(schedule.id);

    const replay = await amend(input);
    assert.deepEqual(replay, first, 'the same key answers with the schedule');
    const natural = await amend({ ...input, idempotencyKey: `other-${uniq()}` });
    assert.deepEqual(natural, first, 'the same amendment again leaves the schedule as it is');
    const keyless = await amend({ ...input, idempotencyKey: undefined });
    assert.equal(keyless.version, first.version);
    assert.deepEqual(await footprint(schedule.id), settled, 'replays write nothing and emit nothing');

    const reused = await h.run(AMEND, { i: { ...input, contractValueDelta: cad('300001') } });
    assert.equal(reused.errors?.[0]?.extensions?.code, 'IDEMPOTENCY_KEY_REUSED');
    const others: Array<[Record<string, unknown>, string[]]> = [
      [{ contractValueDelta: cad('300001') }, ['contractValueDelta']],
      [{ effectiveDate: '2026-05-01' }, ['effectiveDate']],
      [{ notToExceed: null }, ['notToExceed']],
      [{ endDate: '2026-07-31', notToExceed: cad('13000000') }, ['notToExceed', 'endDate']],
    ];
    for (const [patch, fields] of others) {
      const r = await h.run(AMEND, { i: { ...input, ...patch, idempotencyKey: `conflict-${uniq()}` } });
      assert.deepEqual([r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.amendmentId, r.errors?.[0]?.extensions?.fields], ['CONFLICT', input.amendmentId, fields], JSON.stringify(patch));
    }
    assert.deepEqual(await footprint(schedule.id), settled);

    // A second amendment of the contract is a new natural key: it applies on top of the first.
    const second = await amend(amendInput(schedule.id, { effectiveDate: '2026-06-01', contractValueDelta: cad('-66666') }));
    assert.deepEqual([second.version, second.amendments.length, second.lines.at(-1).amount.amountMinor], [first.version + 1, 2, String(1766666 - 66666)]);
    assert.deepEqual(second.amendments.map((a: any) => a.scheduleVersion), [first.version, second.version]);
  });

  test('time and materials: the cap changes, never below what is invoiced and READY; no line is created', async () => {
    const { projectId, schedule } = await setup({ billingModel: 'TIME_AND_MATERIALS', notToExceed: cad('1000000') });
    const record = (unitPrice: string) => h.ok(`mutation($i: RecordBillableItemsInput!) { recordBillableItems(input: $i) { id } }`, {
      i: { items: [{ sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId, serviceDate: '2026-03-02', description: 'Consulting', quantity: '1', unitPrice }] },
    });
    await record('1000');
    await run(schedule.id, '2026-03-31');
    await record('500');
    // Invoiced 1 000.00 + READY 500.00 = 1 500.00 committed (an item on hold would not count).
    await h.ok(`mutation($i: RecordBillableItemsInput!) { recordBillableItems(input: $i) { id } }`, {
      i: { items: [{ sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId, serviceDate: '2026-03-03', description: 'Consulting', quantity: '1', unitPrice: '20000' }] },
    });
    const before = await footprint(schedule.id);
    const below = await h.run(AMEND, { i: amendInput(schedule.id, { contractValueDelta: cad('0'), notToExceed: cad('149999') }) });
    assert.deepEqual([below.errors?.[0]?.extensions?.code, below.errors?.[0]?.extensions?.field, below.errors?.[0]?.extensions?.committed], ['BAD_USER_INPUT', 'notToExceed', '150000']);
    assert.deepEqual(await footprint(schedule.id), before);

    const mark = await outboxMark();
    const input = amendInput(schedule.id, { contractValueDelta: cad('-250000'), notToExceed: cad('150000'), endDate: '2026-12-31' });
    const after = await amend(input);
    assert.deepEqual([after.notToExceed, after.lines, after.version, after.type], [cad('150000'), [], schedule.version + 1, 'TIME_AND_MATERIALS']);
    assert.deepEqual([after.amendments[0].notToExceed, after.amendments[0].endDate, after.amendments[0].contractValueDelta], [{ amountMinor: '150000' }, '2026-12-31', cad('-250000')]);
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.payload.linesCancelled, e.payload.linesCreated, e.payload.contractValueDelta.amount]), [['BillingScheduleAmended', 0, 0, '-2500.00']]);
  });

  test('milestone: the delta goes to the last PLANNED milestone line', async () => {
    const projectId = newId('prj');
    const legalEntityId = `le_${uniq()}`;
    const created = (await h.ok<{ createBillingSchedule: any }>(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: {
        projectId, accountId: newId('acc'), legalEntityId, type: 'MILESTONE', frequency: 'ON_EVENT', currency: 'CAD', taxCode: 'CA-HST-ON',
        lines: [{ plannedDate: '2026-06-30', milestoneId: newId('ms'), amount: cad('400000') }, { plannedDate: '2026-09-30', milestoneId: newId('ms'), amount: cad('600000') }],
      },
    })).createBillingSchedule;
    const draft = await h.run(AMEND, { i: amendInput(created.id) });
    assert.equal(draft.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION', 'a DRAFT schedule has no contract terms to amend');
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: ACTIVATE }) { status } }`, { id: created.id });
    const after = await amend(amendInput(created.id, { contractValueDelta: cad('125000') }));
    assert.deepEqual(lineShape(after), [['2026-06-30', '400000', 'PLANNED'], ['2026-09-30', '725000', 'PLANNED']]);
    const beyond = await h.run(AMEND, { i: amendInput(created.id, { contractValueDelta: cad('-725001') }) });
    assert.deepEqual([beyond.errors?.[0]?.extensions?.code, beyond.errors?.[0]?.extensions?.field], ['BAD_USER_INPUT', 'contractValueDelta']);
  });

  test('refused for roles other than integration_admin, outside the caller\'s legal entities, in the wrong status or currency; nothing written', async () => {
    const { legalEntityId, schedule } = await fixedFeeTwoBilled();
    const before = await footprint(schedule.id);
    // integration_admin alone is refused too: the BillingSchedule it would return is for commercial roles (the process
    // layer's principal has both).
    for (const role of [FINANCE, principal(['executive']), principal(['project_manager']), principal(['bi_reader']), principal(['integration_admin'])]) {
      const r = await h.as(role).run(AMEND, { i: amendInput(schedule.id) });
      assert.equal(r.errors?.[0]?.extensions?.code, 'FORBIDDEN', role.subject);
    }
    // A process-layer caller restricted to other legal entities (the schedule it returns needs a commercial role too).
    const elsewhere = await h.as(principal(['integration_admin', 'finance'], ['le_other'])).run(AMEND, { i: amendInput(schedule.id) });
    assert.equal(elsewhere.errors?.[0]?.extensions?.code, 'NOT_FOUND', 'a schedule of another legal entity is not revealed');
    const attempts: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ billingScheduleId: newId('bs') }, 'NOT_FOUND', undefined],
      [{ billingScheduleId: 'inv_123' }, 'BAD_USER_INPUT', 'billingScheduleId'],
      [{ amendmentId: 'ctr_123' }, 'BAD_USER_INPUT', 'amendmentId'],
      [{ contractValueDelta: { amountMinor: '100', currency: 'USD' } }, 'BAD_USER_INPUT', 'contractValueDelta'],
      [{ notToExceed: { amountMinor: '100', currency: 'USD' } }, 'BAD_USER_INPUT', 'notToExceed'],
      [{ notToExceed: cad('-1') }, 'BAD_USER_INPUT', 'notToExceed'],
      [{ endDate: '2026-03-31' }, 'BAD_USER_INPUT', 'endDate'],
      [{ endDate: '2200-12-31' }, 'BAD_USER_INPUT', 'endDate'],
      // Below what is invoiced (January and February, 3 333 334): refused.
      [{ notToExceed: cad('3333333') }, 'BAD_USER_INPUT', 'notToExceed'],
    ];
    for (const [patch, code, field] of attempts) {
      const r = await h.run(AMEND, { i: amendInput(schedule.id, { ...patch, idempotencyKey: `bad-${uniq()}` }) });
      assert.deepEqual([r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field], [code, field], JSON.stringify(patch));
    }
    // A date the scalar refuses never reaches the use case.
    assert.equal((await h.run(AMEND, { i: amendInput(schedule.id, { effectiveDate: '2026-04-31' }) })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(await footprint(schedule.id), before);

    // SUSPENDED may be amended (and stays SUSPENDED); COMPLETED may not.
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: SUSPEND }) { status } }`, { id: schedule.id });
    const suspended = await amend(amendInput(schedule.id));
    assert.equal(suspended.status, 'SUSPENDED');
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: RESUME }) { status } }`, { id: schedule.id });
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: COMPLETE }) { status } }`, { id: schedule.id });
    const mark = await outboxMark();
    const completed = await h.run(AMEND, { i: amendInput(schedule.id) });
    assert.equal(completed.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    // An amendment applied before the schedule completed still replays (natural key) rather than failing.
    const replay = await amend({ ...amendInput(schedule.id), amendmentId: suspended.amendments[0].amendmentId });
    assert.equal(replay.status, 'COMPLETED');
    assert.deepEqual(await eventsSince(mark), []);
    // The caller of the right legal entity may amend.
    const { schedule: other } = await setup({ legalEntityId });
    const own = await h.as(principal(['integration_admin', 'finance'], [legalEntityId])).run(AMEND, { i: amendInput(other.id) });
    assert.equal(own.errors, undefined);
  });

  test('amendments of many schedules resolve with one statement (batched)', async () => {
    const schedules: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const { schedule } = await setup({ billingModel: 'TIME_AND_MATERIALS' });
      await amend(amendInput(schedule.id, { contractValueDelta: cad(String(i)) }));
      schedules.push(schedule.id);
    }
    const statements = async (ids: string[]) => {
      h.db.stats.take();
      const d = await h.ok<{ _entities: any[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on BillingSchedule { id ${AMENDMENTS} } } }`, {
        r: ids.map((id) => ({ __typename: 'BillingSchedule', id })),
      });
      assert.deepEqual(d._entities.map((e: any) => e.amendments[0].contractValueDelta.amountMinor), ids.map((id) => String(schedules.indexOf(id))));
      return h.db.stats.take();
    };
    const few = await statements(schedules.slice(0, 5));
    const many = await statements(schedules);
    assert.equal(many, few, `${few} statements for 5 schedules, ${many} for 60`);
    assert.equal(few, 2, 'the schedules, then their amendments');
  });
});
