import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { newId, type Invocation } from '../../platform/domain/index.js';
import { Decimal } from '../../platform/money/index.js';
import { durationStats } from '../../subgraphs/billing/src/domain/invoice-lag.js';
import { describeTimeItem } from '../../subgraphs/billing/src/domain/recording.js';
import { monthlyInstalments, taxCodeForCountry } from '../../subgraphs/billing/src/domain/setup.js';
import { billingMigrations, createBillingSubgraph } from '../../subgraphs/billing/src/index.js';
import { principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

/**
 * The billing side of the cross-system flows: the system mutations the process layer calls (set-up, recording,
 * milestone billing, billing runs), the events billing writes to its outbox, and the invoice lag KPI.
 */
let h: SubgraphHarness<ReturnType<ReturnType<typeof createBillingSubgraph>['createContext']>>;

before(async () => {
  const db = await openTestDatabase('billing', billingMigrations());
  h = await SubgraphHarness.start(createBillingSubgraph(db), db);
  // Standard cards of the currencies the tests bill in (the set-up copies them when a legal entity has none).
  for (const currency of ['CAD', 'USD']) {
    await h.ok(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
      i: { name: `Standard ${currency}`, scope: 'STANDARD', currency, effectiveFrom: '2025-01-01', lines: [{ roleCode: 'CONSULTANT', billRate: '150' }, { roleCode: 'ARCHITECT', billRate: '210' }] },
    });
  }
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const FINANCE = principal(['finance', 'executive'], '*', null, 'usr_finance_only');
const cad = (minor: string) => ({ amountMinor: minor, currency: 'CAD' });
const uniq = () => randomBytes(5).toString('hex');
const clock = (now: string): { invocation: Invocation } => ({ invocation: { actor: 'test', correlationId: 'test', now: () => now } });

async function scalar(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await h.db.query<{ n: bigint | string | number }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Outbox rows written after `mark` (the last seq seen), oldest first. */
interface OutboxRow { type: string; entity_type: string; entity_id: string; entity_version: number | null; payload: any; correlation_id: string; actor: string }
async function outboxMark(): Promise<bigint> {
  const rows = await h.db.query<{ s: bigint | string | null }>('SELECT max(seq) AS s FROM outbox');
  return BigInt(rows[0]?.s ?? 0);
}
async function eventsSince(mark: bigint): Promise<OutboxRow[]> {
  return h.db.query<OutboxRow>('SELECT type, entity_type, entity_id, entity_version, payload, correlation_id, actor FROM outbox WHERE seq > $1 ORDER BY seq', [mark.toString()]);
}

const SCHEDULE = `id version status type frequency inArrears billForActuals taxCode paymentTermsDays currency legalEntityId contractId
  notToExceed { amountMinor currency }
  rateCard { id scope contractId legalEntityId currency effectiveFrom lines { roleCode billRate } }
  lines { id plannedDate milestoneId amount { amountMinor currency } status billableItemId }`;
const SETUP = `mutation($i: SetupBillingForProjectInput!) { setupBillingForProject(input: $i) { ${SCHEDULE} } }`;

interface Setup {
  projectId: string; accountId: string; contractId: string; legalEntityId: string; country: string; currency: string; billingModel: string;
  contractValue: { amountMinor: string; currency: string }; notToExceed?: { amountMinor: string; currency: string } | null; paymentTermsDays?: number;
  startDate: string; endDate: string; idempotencyKey?: string;
}
function setupInput(o: Partial<Setup> = {}): Setup {
  return {
    projectId: newId('prj'), accountId: newId('acc'), contractId: newId('ctr'), legalEntityId: `le_${uniq()}`, country: 'CA', currency: 'CAD',
    billingModel: 'TIME_AND_MATERIALS', contractValue: cad('10000000'), startDate: '2026-01-15', endDate: '2026-03-20', ...o,
  };
}
async function setup(o: Partial<Setup> = {}): Promise<{ input: Setup; schedule: any }> {
  const input = setupInput(o);
  const d = await h.ok<{ setupBillingForProject: any }>(SETUP, { i: input });
  return { input, schedule: d.setupBillingForProject };
}

const RECORD = `mutation($i: RecordBillableItemsInput!) { recordBillableItems(input: $i) { id recorded replayed superseded onHold itemIds recordedAt } }`;
function timeItem(projectId: string, o: Record<string, unknown> = {}): Record<string, unknown> {
  const serviceDate = (o.serviceDate as string | undefined) ?? '2026-03-02';
  return {
    sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId, serviceDate, description: describeTimeItem('SENIOR_CONSULTANT', serviceDate),
    quantity: '7.5', unitPrice: '150', standardUnitPrice: '160', ...o,
  };
}
async function recordBatch(items: Array<Record<string, unknown>>, idempotencyKey?: string): Promise<any> {
  return (await h.ok<{ recordBillableItems: any }>(RECORD, { i: { items, idempotencyKey } })).recordBillableItems;
}

const ITEM = 'id version status holdReason sourceType sourceId sourceVersion serviceDate description quantity unitPrice amount { amountMinor currency } readyAt invoice { id }';
async function items(projectId: string): Promise<any[]> {
  const d = await h.ok<{ billableItems: any }>(`query($p: ID!) { billableItems(first: 1000, filter: { projectId: $p }) { edges { node { ${ITEM} } } } }`, { p: projectId });
  return d.billableItems.edges.map((e: any) => e.node);
}
async function item(id: string): Promise<any> {
  return (await h.ok<{ billableItem: any }>(`query($id: ID!) { billableItem(id: $id) { ${ITEM} } }`, { id })).billableItem;
}
async function scheduleById(id: string): Promise<any> {
  return (await h.ok<{ billingSchedule: any }>(`query($id: ID!) { billingSchedule(id: $id) { ${SCHEDULE} } }`, { id })).billingSchedule;
}

const MILESTONE = `mutation($i: RecordMilestoneBillableInput!) { recordMilestoneBillable(input: $i) { ${ITEM} idempotencyKey } }`;
const INVOICE = 'id version status number issueDate dueDate projects { id } subtotal { amountMinor } taxTotal { amountMinor } total { amountMinor currency } lines { description quantity unitPrice netAmount { amountMinor } taxAmount { amountMinor } billableItemIds }';
const RUN = `mutation($i: RunBillingInput!) { runBilling(input: $i) {
  id legalEntityId throughDate autoIssue itemsInvoiced itemsHeld linesReleased ranAt
  billingSchedule { id version lines { id plannedDate status billableItemId amount { amountMinor } } }
  invoices { ${INVOICE} } } }`;
async function run(billingScheduleId: string, o: Record<string, unknown> = {}, patch?: Parameters<typeof h.ok>[2]): Promise<any> {
  return (await h.ok<{ runBilling: any }>(RUN, { i: { billingScheduleId, throughDate: '2026-03-31', ...o } }, patch)).runBilling;
}

const sumMinor = (list: any[]) => list.reduce((s, x) => s + BigInt(x.amount.amountMinor), 0n);

describe('billing flows: pure rules', () => {
  test('tax code by country, monthly instalments by largest remainder, time item descriptions', () => {
    assert.deepEqual(['US', 'CA', 'GB', 'DE', 'FR'].map(taxCodeForCountry), ['NONE', 'CA-HST-ON', 'UK-VAT', 'DE-VAT', 'NONE']);
    const arrears = monthlyInstalments({ amountMinor: 10000000n, currency: 'CAD' }, '2026-11-15', '2027-01-20', true);
    assert.deepEqual(arrears.map((l) => [l.plannedDate, l.amount.amountMinor]), [['2026-11-30', 3333334n], ['2026-12-31', 3333333n], ['2027-01-20', 3333333n]]);
    const advance = monthlyInstalments({ amountMinor: 100n, currency: 'JPY' }, '2026-02-10', '2026-04-30', false);
    assert.deepEqual(advance.map((l) => [l.plannedDate, l.amount.amountMinor]), [['2026-02-10', 34n], ['2026-03-01', 33n], ['2026-04-01', 33n]]);
    assert.equal(monthlyInstalments({ amountMinor: 7n, currency: 'CAD' }, '2026-05-03', '2026-05-09', true).map((l) => l.plannedDate).join(), '2026-05-09');
    assert.equal(describeTimeItem('SENIOR_CONSULTANT', '2026-05-12'), 'Senior consultant services 2026-05');
    assert.equal(describeTimeItem('architect', '2026-12-01'), 'Architect services 2026-12');
  });

  test('duration statistics: median and p90 interpolate like percentile_cont, the mean is amount-weighted, 2 places', () => {
    const b = (days: number, count: number, weight: string) => ({ days, count, weight: new Decimal(weight) });
    assert.deepEqual(durationStats([]), { count: 0, medianDays: null, p90Days: null, meanDays: null });
    // Observations 11, 21, 29 weighted 100, 100, 200: median 21, p90 at rank 1.8 → 21 + 0.8 × 8 = 27.4, mean 90/4 = 22.5.
    assert.deepEqual(durationStats([b(29, 1, '200'), b(11, 1, '100'), b(21, 1, '100')]), { count: 3, medianDays: '21.00', p90Days: '27.40', meanDays: '22.50' });
    // Four observations 1, 2, 2, 10: median 2, p90 at rank 2.7 → 2 + 0.7 × 8 = 7.6; zero weights fall back to the plain mean 3.75.
    assert.deepEqual(durationStats([b(2, 2, '0'), b(10, 1, '0'), b(1, 1, '0')]), { count: 4, medianDays: '2.00', p90Days: '7.60', meanDays: '3.75' });
  });
});

describe('setupBillingForProject', () => {
  test('time and materials: contract card copied from the legal entity card, monthly in arrears, tax code of the country, ACTIVE', async () => {
    const legalEntityId = `le_${uniq()}`;
    const leCard = (await h.ok<{ createRateCard: any }>(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
      i: { name: 'Canada 2026', scope: 'LEGAL_ENTITY', legalEntityId, currency: 'CAD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'CONSULTANT', level: 'SENIOR', billRate: '175.5' }] },
    })).createRateCard;
    const mark = await outboxMark();
    const { input, schedule: s } = await setup({ legalEntityId, notToExceed: cad('12000000'), paymentTermsDays: 45 });
    assert.deepEqual(
      [s.version, s.status, s.type, s.frequency, s.inArrears, s.billForActuals, s.taxCode, s.paymentTermsDays, s.currency, s.legalEntityId, s.contractId, s.lines],
      [2, 'ACTIVE', 'TIME_AND_MATERIALS', 'MONTHLY', true, true, 'CA-HST-ON', 45, 'CAD', legalEntityId, input.contractId, []],
    );
    assert.deepEqual(s.notToExceed, cad('12000000'));
    assert.notEqual(s.rateCard.id, leCard.id);
    assert.deepEqual([s.rateCard.scope, s.rateCard.contractId, s.rateCard.legalEntityId, s.rateCard.currency, s.rateCard.effectiveFrom], ['CONTRACT', input.contractId, legalEntityId, 'CAD', '2026-01-15']);
    assert.deepEqual(s.rateCard.lines, [{ roleCode: 'CONSULTANT', billRate: '175.5000' }]);
    assert.deepEqual(await eventsSince(mark), [], 'the set-up emits no event of its own');
    // Audited as a creation and an activation, by the caller.
    const audit = await h.db.query<{ action: string; to_status: string; actor: string }>(`SELECT action, to_status, actor FROM audit_log WHERE entity_id = $1 ORDER BY to_version`, [s.id]);
    assert.deepEqual(audit.map((a) => [a.action, a.to_status, a.actor]), [['CREATE', 'DRAFT', 'usr_test_admin'], ['TRANSITION', 'ACTIVE', 'usr_test_admin']]);
  });

  test('fixed fee, retainer and milestone models; the standard card when the legal entity has none', async () => {
    const fixed = (await setup({ billingModel: 'FIXED_FEE', country: 'GB', currency: 'USD', contractValue: { amountMinor: '10000000', currency: 'USD' } })).schedule;
    assert.deepEqual([fixed.type, fixed.frequency, fixed.inArrears, fixed.billForActuals, fixed.taxCode, fixed.rateCard.lines.length], ['FIXED_FEE_INTERVAL', 'MONTHLY', true, false, 'UK-VAT', 2]);
    assert.deepEqual(fixed.lines.map((l: any) => [l.plannedDate, l.amount.amountMinor, l.status, l.milestoneId]), [
      ['2026-01-31', '3333334', 'PLANNED', null], ['2026-02-28', '3333333', 'PLANNED', null], ['2026-03-20', '3333333', 'PLANNED', null],
    ]);
    const retainer = (await setup({ billingModel: 'RETAINER', country: 'DE', contractValue: cad('300000') })).schedule;
    assert.deepEqual([retainer.type, retainer.inArrears, retainer.taxCode], ['RETAINER', false, 'DE-VAT']);
    assert.deepEqual(retainer.lines.map((l: any) => [l.plannedDate, l.amount.amountMinor]), [['2026-01-15', '100000'], ['2026-02-01', '100000'], ['2026-03-01', '100000']]);
    const milestone = (await setup({ billingModel: 'MILESTONE', country: 'US' })).schedule;
    assert.deepEqual([milestone.type, milestone.frequency, milestone.taxCode, milestone.lines], ['MILESTONE', 'ON_EVENT', 'NONE', []]);
  });

  test('one live schedule per project (natural key) and one card per contract; replay with the same idempotency key', async () => {
    const first = await setup({ idempotencyKey: `setup-${uniq()}` });
    const cards = await scalar('SELECT count(*) AS n FROM rate_cards');
    const again = await h.ok<{ setupBillingForProject: any }>(SETUP, { i: { ...first.input, idempotencyKey: `other-${uniq()}`, billingModel: 'FIXED_FEE' } });
    assert.deepEqual([again.setupBillingForProject.id, again.setupBillingForProject.version, again.setupBillingForProject.type], [first.schedule.id, 2, 'TIME_AND_MATERIALS']);
    const replay = await h.ok<{ setupBillingForProject: any }>(SETUP, { i: first.input });
    assert.equal(replay.setupBillingForProject.id, first.schedule.id);
    const reused = await h.run(SETUP, { i: { ...first.input, billingModel: 'FIXED_FEE' } });
    assert.equal(reused.errors?.[0]?.extensions?.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await scalar('SELECT count(*) AS n FROM rate_cards'), cards, 'no card was added');
    assert.equal(await scalar('SELECT count(*) AS n FROM billing_schedules WHERE project_id = $1', [first.input.projectId]), 1);
    // A second project of the same contract bills on the contract's card.
    const sibling = await setup({ contractId: first.input.contractId, legalEntityId: first.input.legalEntityId, accountId: first.input.accountId });
    assert.equal(sibling.schedule.rateCard.id, first.schedule.rateCard.id);
    assert.equal(await scalar('SELECT count(*) AS n FROM rate_cards'), cards);
  });

  test('refused for roles other than integration_admin, and on invalid input; nothing is written', async () => {
    const input = setupInput();
    const refused = await h.as(FINANCE).run(SETUP, { i: input });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const before = { cards: await scalar('SELECT count(*) AS n FROM rate_cards'), audit: await scalar('SELECT count(*) AS n FROM audit_log') };
    const attempts: Array<[Partial<Setup>, string, string]> = [
      [{ endDate: '2026-01-14' }, 'BAD_USER_INPUT', 'endDate'],
      [{ billingModel: 'NON_BILLABLE' }, 'BAD_USER_INPUT', 'billingModel'],
      [{ country: 'Canada' }, 'BAD_USER_INPUT', 'country'],
      [{ contractValue: { amountMinor: '100', currency: 'USD' } }, 'BAD_USER_INPUT', 'contractValue'],
      [{ notToExceed: cad('0') }, 'BAD_USER_INPUT', 'notToExceed'],
      [{ contractId: 'opp_123' }, 'BAD_USER_INPUT', 'contractId'],
      [{ paymentTermsDays: 400 }, 'BAD_USER_INPUT', 'paymentTermsDays'],
      [{ currency: 'JPY', contractValue: { amountMinor: '100', currency: 'JPY' } }, 'BAD_USER_INPUT', 'currency'],
    ];
    for (const [patch, code, field] of attempts) {
      const r = await h.run(SETUP, { i: { ...input, ...patch, idempotencyKey: `bad-${uniq()}` } });
      assert.deepEqual([r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field], [code, field], JSON.stringify(patch));
    }
    assert.equal(await scalar('SELECT count(*) AS n FROM billing_schedules WHERE project_id = $1', [input.projectId]), 0);
    assert.deepEqual({ cards: await scalar('SELECT count(*) AS n FROM rate_cards'), audit: await scalar('SELECT count(*) AS n FROM audit_log') }, before);
    // A caller restricted to other legal entities may not set up billing in this one.
    const elsewhere = await h.as(principal(['integration_admin'], ['le_other'])).run(SETUP, { i: input });
    assert.equal(elsewhere.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('recordBillableItems', () => {
  test('records many items in one transaction, in input order; emits BillableItemsRecorded per project', async () => {
    const a = (await setup()).input;
    const b = (await setup()).input;
    const inputs = [timeItem(a.projectId), timeItem(b.projectId, { quantity: '2', unitPrice: '210' }), timeItem(a.projectId, { sourceType: 'EXPENSE', sourceId: newId('exp'), description: 'Hotel', quantity: '1', unitPrice: '289.9', standardUnitPrice: null })];
    const mark = await outboxMark();
    const batch = await recordBatch(inputs);
    assert.match(batch.id, /^bib_/);
    assert.deepEqual([batch.recorded, batch.replayed, batch.superseded, batch.onHold, batch.itemIds.length], [3, 0, 0, 0, 3]);
    const got = await Promise.all(batch.itemIds.map(item));
    assert.deepEqual(got.map((i) => [i.sourceId, i.status, i.amount.amountMinor, i.description]), [
      [inputs[0]!.sourceId, 'READY', '112500', 'Senior consultant services 2026-03'], [inputs[1]!.sourceId, 'READY', '42000', 'Senior consultant services 2026-03'],
      [inputs[2]!.sourceId, 'READY', '28990', 'Hotel'],
    ]);
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.entity_type, e.entity_id, e.entity_version]), [['BillableItemsRecorded', 'Project', a.projectId, null], ['BillableItemsRecorded', 'Project', b.projectId, null]]);
    assert.deepEqual(events[0]!.payload, { projectId: a.projectId, itemIds: [batch.itemIds[0], batch.itemIds[2]], total: { amountMinor: '141490', currency: 'CAD', amount: '1414.90' } });
    assert.deepEqual(events[1]!.payload, { projectId: b.projectId, itemIds: [batch.itemIds[1]], total: { amountMinor: '42000', currency: 'CAD', amount: '420.00' } });
    assert.equal(events[0]!.actor, 'usr_test_admin');
  });

  test('natural-key replay, replay with the same idempotency key, and a changed replay that is a CONFLICT writing nothing', async () => {
    const p = (await setup()).input;
    const inputs = [timeItem(p.projectId), timeItem(p.projectId, { serviceDate: '2026-03-03' })];
    const key = `rec-${uniq()}`;
    const first = await recordBatch(inputs, key);
    const mark = await outboxMark();
    const replay = await recordBatch(inputs, key);
    assert.deepEqual(replay, first, 'the same key answers with the kept outcome');
    const natural = await recordBatch([inputs[1]!, inputs[0]!, inputs[1]!]);
    assert.notEqual(natural.id, first.id);
    assert.deepEqual([natural.recorded, natural.replayed, natural.itemIds], [0, 3, [first.itemIds[1], first.itemIds[0], first.itemIds[1]]]);
    assert.deepEqual(await eventsSince(mark), [], 'replays emit nothing');
    const fresh = timeItem(p.projectId);
    const changed = await h.run(RECORD, { i: { items: [fresh, { ...inputs[0]!, quantity: '8' }] } });
    assert.deepEqual([changed.errors?.[0]?.extensions?.code, changed.errors?.[0]?.extensions?.idempotencyKey], ['CONFLICT', `TIME:${inputs[0]!.sourceId}:1`]);
    const twice = await h.run(RECORD, { i: { items: [fresh, { ...fresh, quantity: '1' }] } });
    assert.deepEqual([twice.errors?.[0]?.extensions?.code, twice.errors?.[0]?.extensions?.idempotencyKey], ['CONFLICT', `TIME:${fresh.sourceId}:1`]);
    assert.equal((await items(p.projectId)).length, 2, 'the fresh item of the failed requests was not written');
    assert.deepEqual(await eventsSince(mark), []);
  });

  test('the not-to-exceed cap holds item by item in input order', async () => {
    const p = (await setup({ notToExceed: cad('100000') })).input;
    const batch = await recordBatch([
      timeItem(p.projectId, { quantity: '1', unitPrice: '600' }), timeItem(p.projectId, { quantity: '1', unitPrice: '300' }),
      timeItem(p.projectId, { quantity: '1', unitPrice: '200' }), timeItem(p.projectId, { quantity: '1', unitPrice: '50' }),
    ]);
    assert.equal(batch.onHold, 2);
    const got = await Promise.all(batch.itemIds.map(item));
    assert.deepEqual(got.map((i) => [i.status, i.holdReason]), [['READY', null], ['READY', null], ['ON_HOLD', 'NOT_TO_EXCEED'], ['ON_HOLD', 'NOT_TO_EXCEED']]);
  });

  test('a new source version cancels the open items of older versions; an invoiced one holds it; a stale version arrives cancelled', async () => {
    const { input: p, schedule } = await setup();
    const v1 = timeItem(p.projectId, { quantity: '8' });
    const [v1Id] = (await recordBatch([v1])).itemIds;
    const mark = await outboxMark();
    const rerated = await recordBatch([{ ...v1, sourceVersion: 2, unitPrice: '160' }]);
    assert.deepEqual([rerated.recorded, rerated.superseded, rerated.onHold], [1, 1, 0]);
    assert.deepEqual([(await item(v1Id)).status, (await item(v1Id)).version], ['CANCELLED', 2]);
    assert.equal((await item(rerated.itemIds[0])).status, 'READY');
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => e.payload.itemIds), [[rerated.itemIds[0]]]);
    // Out of order: version 1 again is a replay, a version between is stale.
    assert.equal((await recordBatch([v1])).itemIds[0], v1Id);

    // Once version 2 is on an issued invoice, version 3 is held for a person to decide (billing it would bill the work twice).
    await run(schedule.id, { autoIssue: true, issueDate: '2026-03-31' });
    const v3 = await recordBatch([{ ...v1, sourceVersion: 3, unitPrice: '170' }]);
    assert.deepEqual([v3.onHold, v3.superseded], [1, 0]);
    const held = await item(v3.itemIds[0]);
    assert.deepEqual([held.status, held.holdReason, held.readyAt], ['ON_HOLD', 'PRIOR_VERSION_INVOICED', null]);
    assert.equal((await item(rerated.itemIds[0])).status, 'INVOICED', 'the invoiced version is untouched');

    const other = timeItem(p.projectId);
    await recordBatch([{ ...other, sourceVersion: 5 }]);
    const stale = await recordBatch([{ ...other, sourceVersion: 4 }]);
    assert.deepEqual([stale.recorded, stale.superseded], [1, 1]);
    assert.equal((await item(stale.itemIds[0])).status, 'CANCELLED');
  });

  test('refused for roles other than integration_admin; invalid input names the item and writes nothing', async () => {
    const p = (await setup()).input;
    const refused = await h.as(FINANCE).run(RECORD, { i: { items: [timeItem(p.projectId)] } });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const mark = await outboxMark();
    const audit = await scalar('SELECT count(*) AS n FROM audit_log');
    const attempts: Array<[Array<Record<string, unknown>>, string, string]> = [
      [[timeItem(p.projectId), timeItem(p.projectId, { quantity: '0' })], 'BAD_USER_INPUT', 'items[1].quantity'],
      [[timeItem(p.projectId), timeItem(p.projectId, { unitPrice: '-1' })], 'BAD_USER_INPUT', 'items[1].unitPrice'],
      [[timeItem(p.projectId), timeItem(p.projectId, { sourceId: 'te:1' })], 'BAD_USER_INPUT', 'items[1].sourceId'],
      [[timeItem(p.projectId), timeItem(newId('prj'))], 'BAD_USER_INPUT', 'items[1].projectId'],
      [[timeItem(p.projectId, { idempotencyKey: 'per-item' })], 'BAD_USER_INPUT', 'items[0].idempotencyKey'],
      [[], 'BAD_USER_INPUT', 'items'],
      [Array.from({ length: 5001 }, () => timeItem(p.projectId)), 'BAD_USER_INPUT', 'items'],
    ];
    for (const [list, code, field] of attempts) {
      const r = await h.run(RECORD, { i: { items: list, idempotencyKey: `bad-${uniq()}` } });
      assert.deepEqual([r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field], [code, field]);
    }
    assert.equal((await items(p.projectId)).length, 0);
    assert.equal(await scalar('SELECT count(*) AS n FROM audit_log'), audit);
    assert.deepEqual(await eventsSince(mark), [], 'a failed recording emits nothing');
    const elsewhere = await h.as(principal(['integration_admin'], ['le_other'])).run(RECORD, { i: { items: [timeItem(p.projectId)] } });
    assert.equal(elsewhere.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal((await items(p.projectId)).length, 0);
  });
});

describe('recordMilestoneBillable', () => {
  test('records the milestone item and adds its schedule line READY; natural-key and idempotency-key replays', async () => {
    const { input: p, schedule } = await setup({ billingModel: 'MILESTONE' });
    const milestoneId = newId('ms');
    const input = { milestoneId, milestoneVersion: 2, projectId: p.projectId, name: 'Design sign-off', amount: cad('2500000'), acceptedOn: '2026-02-14' };
    const mark = await outboxMark();
    const key = `ms-${uniq()}`;
    const created = (await h.ok<{ recordMilestoneBillable: any }>(MILESTONE, { i: { ...input, idempotencyKey: key } })).recordMilestoneBillable;
    assert.deepEqual(
      [created.sourceType, created.sourceId, created.sourceVersion, created.idempotencyKey, created.status, created.serviceDate, created.description, created.amount.amountMinor],
      ['MILESTONE', milestoneId, 2, `MILESTONE:${milestoneId}:2`, 'READY', '2026-02-14', 'Milestone: Design sign-off', '2500000'],
    );
    const after = await scheduleById(schedule.id);
    assert.equal(after.version, schedule.version + 1);
    assert.deepEqual(after.lines.map((l: any) => [l.plannedDate, l.milestoneId, l.amount.amountMinor, l.status, l.billableItemId]), [['2026-02-14', milestoneId, '2500000', 'READY', created.id]]);
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.entity_id, e.payload.itemIds]), [['BillableItemsRecorded', p.projectId, [created.id]]]);

    const replay = (await h.ok<{ recordMilestoneBillable: any }>(MILESTONE, { i: { ...input, idempotencyKey: key } })).recordMilestoneBillable;
    const natural = (await h.ok<{ recordMilestoneBillable: any }>(MILESTONE, { i: input })).recordMilestoneBillable;
    assert.deepEqual([replay.id, natural.id, natural.version], [created.id, created.id, 1]);
    assert.equal((await scheduleById(schedule.id)).version, after.version, 'a replay changes no line');
    assert.equal((await eventsSince(mark)).length, 1);
  });

  test('a planned line of the milestone becomes READY instead of a new line', async () => {
    const projectId = newId('prj');
    const milestoneId = newId('ms');
    const s = (await h.ok<{ createBillingSchedule: any }>(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: {
        projectId, accountId: newId('acc'), legalEntityId: `le_${uniq()}`, type: 'MILESTONE', frequency: 'ON_EVENT', currency: 'CAD', taxCode: 'CA-HST-ON',
        lines: [{ plannedDate: '2026-06-30', milestoneId, amount: cad('400000') }, { plannedDate: '2026-09-30', milestoneId: newId('ms'), amount: cad('600000') }],
      },
    })).createBillingSchedule;
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: ACTIVATE }) { status } }`, { id: s.id });
    const created = (await h.ok<{ recordMilestoneBillable: any }>(MILESTONE, { i: { milestoneId, milestoneVersion: 1, projectId, name: 'Phase 1', amount: cad('450000'), acceptedOn: '2026-06-20' } })).recordMilestoneBillable;
    const lines = (await scheduleById(s.id)).lines;
    assert.deepEqual(lines.map((l: any) => [l.plannedDate, l.status, l.billableItemId, l.amount.amountMinor]), [['2026-06-30', 'READY', created.id, '450000'], ['2026-09-30', 'PLANNED', null, '600000']]);
  });

  test('refused for roles other than integration_admin, and on invalid input; nothing is written', async () => {
    const { input: p, schedule } = await setup({ billingModel: 'MILESTONE' });
    const input = { milestoneId: newId('ms'), milestoneVersion: 1, projectId: p.projectId, name: 'Go-live', amount: cad('100000'), acceptedOn: '2026-03-01' };
    assert.equal((await h.as(FINANCE).run(MILESTONE, { i: input })).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const mark = await outboxMark();
    for (const [patch, field] of [
      [{ amount: { amountMinor: '100000', currency: 'USD' } }, 'amount'], [{ amount: cad('0') }, 'amount'], [{ milestoneId: 'te_1' }, 'milestoneId'],
      [{ milestoneVersion: 0 }, 'milestoneVersion'], [{ name: ' ' }, 'name'], [{ projectId: newId('prj') }, 'projectId'],
    ] as const) {
      const r = await h.run(MILESTONE, { i: { ...input, ...patch } });
      assert.deepEqual([r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field], ['BAD_USER_INPUT', field], JSON.stringify(patch));
    }
    // A date the scalar refuses never reaches the use case.
    assert.equal((await h.run(MILESTONE, { i: { ...input, acceptedOn: '2026-13-01' } })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await items(p.projectId)).length, 0);
    assert.deepEqual((await scheduleById(schedule.id)).lines, []);
    assert.deepEqual(await eventsSince(mark), []);
  });
});

describe('runBilling', () => {
  test('time and materials with autoIssue: one numbered invoice of the READY items up to throughDate; InvoiceIssued', async () => {
    const { input: p, schedule } = await setup({ notToExceed: cad('1000000') });
    const te = [timeItem(p.projectId, { serviceDate: '2026-03-02' }), timeItem(p.projectId, { serviceDate: '2026-03-03' }), timeItem(p.projectId, { serviceDate: '2026-04-01' })];
    const exp = { sourceType: 'EXPENSE', sourceId: newId('exp'), sourceVersion: 1, projectId: p.projectId, serviceDate: '2026-03-05', description: 'Hotel', quantity: '1', unitPrice: '289.9' };
    const big = timeItem(p.projectId, { quantity: '100', unitPrice: '100' });
    const recorded = await recordBatch([...te, exp, big]);
    assert.equal(recorded.onHold, 1, 'the last item passes the cap');
    const mark = await outboxMark();
    const r = await run(schedule.id, { autoIssue: true, issueDate: '2026-04-02', idempotencyKey: `run-${uniq()}` });
    assert.match(r.id, /^brun_/);
    assert.deepEqual([r.legalEntityId, r.throughDate, r.autoIssue, r.itemsInvoiced, r.itemsHeld, r.linesReleased], [p.legalEntityId, '2026-03-31', true, 3, 1, 0]);
    assert.equal(r.invoices.length, 1);
    const inv = r.invoices[0];
    assert.deepEqual([inv.status, inv.number, inv.issueDate, inv.dueDate, inv.projects], ['ISSUED', 'INV-2026-000001', '2026-04-02', '2026-05-02', [{ id: p.projectId }]]);
    assert.deepEqual(inv.lines.map((l: any) => [l.description, l.quantity, l.netAmount.amountMinor, l.taxAmount.amountMinor, l.billableItemIds.length]), [
      ['Hotel', '1.0000', '28990', '3769', 1], ['Senior consultant services 2026-03', '15.0000', '225000', '29250', 2],
    ]);
    assert.deepEqual([inv.subtotal.amountMinor, inv.taxTotal.amountMinor, inv.total.amountMinor], ['253990', '33019', '287009']);
    const states = await Promise.all(recorded.itemIds.map(item));
    assert.deepEqual(states.map((i) => [i.status, i.invoice?.id ?? null, i.version]), [
      ['INVOICED', inv.id, 2], ['INVOICED', inv.id, 2], ['READY', null, 1], ['INVOICED', inv.id, 2], ['ON_HOLD', null, 1],
    ]);
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.entity_type, e.entity_id, e.entity_version]), [['InvoiceIssued', 'Invoice', inv.id, 2]]);
    assert.deepEqual(events[0]!.payload, {
      invoiceId: inv.id, number: 'INV-2026-000001', legalEntityId: p.legalEntityId, accountId: p.accountId, currency: 'CAD', issueDate: '2026-04-02', dueDate: '2026-05-02',
      lines: [{ projectId: p.projectId, netAmount: { amountMinor: '253990', currency: 'CAD', amount: '2539.90' }, taxAmount: { amountMinor: '33019', currency: 'CAD', amount: '330.19' } }],
      subtotal: { amountMinor: '253990', currency: 'CAD', amount: '2539.90' }, taxTotal: { amountMinor: '33019', currency: 'CAD', amount: '330.19' },
      total: { amountMinor: '287009', currency: 'CAD', amount: '2870.09' },
      timeEntryIds: [te[0]!.sourceId, te[1]!.sourceId].sort(), expenseEntryIds: [exp.sourceId],
    });
    // A later run finds nothing new up to the same date: billing runs are naturally idempotent.
    const again = await run(schedule.id, { autoIssue: true });
    assert.deepEqual([again.invoices.length, again.itemsInvoiced], [0, 0]);
  });

  test('without autoIssue the run drafts; issueInvoice then emits InvoiceIssued; replay with the same idempotency key', async () => {
    const { input: p, schedule } = await setup();
    const recorded = await recordBatch([timeItem(p.projectId), timeItem(p.projectId, { serviceDate: '2026-03-09' })]);
    const key = `run-${uniq()}`;
    const mark = await outboxMark();
    const r = await run(schedule.id, { idempotencyKey: key });
    assert.deepEqual([r.invoices[0].status, r.invoices[0].number, r.itemsInvoiced], ['DRAFT', null, 2]);
    assert.deepEqual(await eventsSince(mark), []);
    const replay = await run(schedule.id, { idempotencyKey: key });
    assert.deepEqual(replay, r);
    assert.equal(await scalar(`SELECT count(*) AS n FROM invoices WHERE billing_schedule_id = $1`, [schedule.id]), 1);
    assert.deepEqual((await Promise.all(recorded.itemIds.map(item))).map((i) => [i.status, i.invoice?.id]), [['READY', r.invoices[0].id], ['READY', r.invoices[0].id]]);
    const issued = (await h.ok<{ issueInvoice: any }>(`mutation($id: ID!) { issueInvoice(input: { id: $id, issueDate: "2026-04-01" }) { id version number } }`, { id: r.invoices[0].id })).issueInvoice;
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.entity_id, e.entity_version, e.payload.number, e.payload.timeEntryIds.length]), [['InvoiceIssued', issued.id, 2, issued.number, 2]]);
    const twice = await h.run(`mutation($id: ID!) { issueInvoice(input: { id: $id }) { id } }`, { id: issued.id });
    assert.equal(twice.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await eventsSince(mark)).length, 1, 'a refused issue emits nothing');
  });

  test('fixed fee: due instalments become items and are invoiced, their lines BILLED; later lines stay PLANNED', async () => {
    const { input: p, schedule } = await setup({ billingModel: 'FIXED_FEE' });
    const mark = await outboxMark();
    const r = await run(schedule.id, { throughDate: '2026-02-28', autoIssue: true, issueDate: '2026-03-01' });
    assert.deepEqual([r.linesReleased, r.itemsInvoiced, r.invoices.length], [2, 2, 1]);
    const inv = r.invoices[0];
    assert.deepEqual(inv.lines.map((l: any) => [l.description, l.netAmount.amountMinor]), [['Fixed fee instalment 2026-01', '3333334'], ['Fixed fee instalment 2026-02', '3333333']]);
    assert.equal(r.billingSchedule.version, schedule.version + 1, 'the schedule is written once');
    assert.deepEqual(r.billingSchedule.lines.map((l: any) => l.status), ['BILLED', 'BILLED', 'PLANNED']);
    const byLine = await Promise.all(r.billingSchedule.lines.slice(0, 2).map((l: any) => item(l.billableItemId)));
    assert.deepEqual(byLine.map((i) => [i.sourceType, i.status, i.invoice.id]), [['FIXED_FEE', 'INVOICED', inv.id], ['FIXED_FEE', 'INVOICED', inv.id]]);
    assert.deepEqual(byLine.map((i) => i.sourceId), r.billingSchedule.lines.slice(0, 2).map((l: any) => l.id));
    const events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => e.type), ['BillableItemsRecorded', 'InvoiceIssued']);
    assert.deepEqual([events[1]!.payload.timeEntryIds, events[1]!.payload.expenseEntryIds], [[], []]);

    // Voiding the invoice frees its items and their lines go back to READY; the next run bills them again.
    const voided = (await h.ok<{ voidInvoice: any }>(`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: "Wrong PO number" }) { id version status } }`, { id: inv.id })).voidInvoice;
    assert.deepEqual((await scheduleById(schedule.id)).lines.map((l: any) => l.status), ['READY', 'READY', 'PLANNED']);
    const voidEvent = (await eventsSince(mark)).at(-1)!;
    assert.deepEqual([voidEvent.type, voidEvent.entity_version, voidEvent.payload], ['InvoiceVoided', voided.version, { invoiceId: inv.id, wasPosted: false, projectIds: [p.projectId], timeEntryIds: [], expenseEntryIds: [] }]);
    const rebill = await run(schedule.id, { throughDate: '2026-03-31', autoIssue: true, issueDate: '2026-04-01' });
    assert.deepEqual([rebill.linesReleased, rebill.itemsInvoiced], [1, 3]);
    assert.deepEqual(rebill.billingSchedule.lines.map((l: any) => l.status), ['BILLED', 'BILLED', 'BILLED']);
    assert.equal(BigInt(rebill.invoices[0].subtotal.amountMinor), 10000000n, 'the instalments bill the contract value exactly');
  });

  test('retainer and milestone schedules', async () => {
    const retainer = await setup({ billingModel: 'RETAINER', contractValue: cad('300000') });
    const r = await run(retainer.schedule.id, { throughDate: '2026-02-01', autoIssue: true, issueDate: '2026-02-01' });
    assert.deepEqual([r.linesReleased, r.invoices[0].lines.map((l: any) => l.description)], [2, ['Retainer fee 2026-01', 'Retainer fee 2026-02']]);

    const ms = await setup({ billingModel: 'MILESTONE' });
    const milestoneId = newId('ms');
    const created = (await h.ok<{ recordMilestoneBillable: any }>(MILESTONE, { i: { milestoneId, milestoneVersion: 1, projectId: ms.input.projectId, name: 'Blueprint', amount: cad('700000'), acceptedOn: '2026-03-10' } })).recordMilestoneBillable;
    const billed = await run(ms.schedule.id, { autoIssue: true, issueDate: '2026-03-31' });
    assert.deepEqual([billed.itemsInvoiced, billed.invoices[0].lines[0].description, billed.invoices[0].lines[0].billableItemIds], [1, 'Milestone: Blueprint', [created.id]]);
    assert.deepEqual(billed.billingSchedule.lines.map((l: any) => [l.status, l.billableItemId]), [['BILLED', created.id]]);
  });

  test('refused for roles other than integration_admin, and when it cannot run; nothing is written', async () => {
    const { input: p, schedule } = await setup({ billingModel: 'FIXED_FEE' });
    await recordBatch([timeItem(p.projectId)]);
    assert.equal((await h.as(FINANCE).run(RUN, { i: { billingScheduleId: schedule.id, throughDate: '2026-03-31' } })).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const mark = await outboxMark();
    const counts = async () => [
      await scalar('SELECT count(*) AS n FROM invoices WHERE billing_schedule_id = $1', [schedule.id]), await scalar('SELECT count(*) AS n FROM billing_runs'),
      await scalar(`SELECT count(*) AS n FROM billable_items WHERE project_id = $1`, [p.projectId]), (await scheduleById(schedule.id)).version,
    ];
    const before = await counts();
    const bad = async (input: Record<string, unknown>) => (await h.run(RUN, { i: { billingScheduleId: schedule.id, throughDate: '2026-03-31', ...input } })).errors?.[0]?.extensions;
    assert.equal((await bad({ throughDate: '2026-02-31' }))?.code, 'BAD_USER_INPUT');
    assert.equal((await bad({ autoIssue: true, issueDate: 'soon' }))?.code, 'BAD_USER_INPUT');
    assert.deepEqual([(await bad({ billingScheduleId: 'bs_missing' }))?.code, (await bad({ billingScheduleId: 'bs_missing' }))?.field], ['BAD_USER_INPUT', 'billingScheduleId']);
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: SUSPEND }) { status } }`, { id: schedule.id });
    assert.equal((await bad({}))?.code, 'INVALID_TRANSITION');
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: RESUME }) { status } }`, { id: schedule.id });
    const after = await counts();
    assert.deepEqual(after.slice(0, 3), before.slice(0, 3));
    assert.deepEqual(await eventsSince(mark), [], 'failed runs emit nothing');
    const elsewhere = await h.as(principal(['integration_admin'], ['le_other'])).run(RUN, { i: { billingScheduleId: schedule.id, throughDate: '2026-03-31' } });
    assert.equal(elsewhere.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('events of the invoice and credit memo lifecycle', () => {
  test('InvoicePosted, InvoiceVoided of a posted invoice, CreditMemoIssued with and without released sources; failures emit nothing', async () => {
    const { input: p, schedule } = await setup();
    const te = timeItem(p.projectId);
    await recordBatch([te]);
    const first = (await run(schedule.id, { autoIssue: true, issueDate: '2026-03-31' })).invoices[0];
    const mark = await outboxMark();
    const failed = await h.run(`mutation($id: ID!) { postInvoice(input: { id: $id, expectedVersion: 1 }) { id } }`, { id: first.id });
    assert.equal(failed.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    const unvoidable = await h.run(`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: " " }) { id } }`, { id: first.id });
    assert.equal(unvoidable.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(await eventsSince(mark), [], 'refused posts and voids emit nothing');
    const posted = (await h.ok<{ postInvoice: any }>(`mutation($id: ID!) { postInvoice(input: { id: $id }) { id version } }`, { id: first.id })).postInvoice;
    const voided = (await h.ok<{ voidInvoice: any }>(`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: "Duplicate" }) { id version } }`, { id: first.id })).voidInvoice;
    let events = await eventsSince(mark);
    assert.deepEqual(events.map((e) => [e.type, e.entity_type, e.entity_id, e.entity_version, e.payload]), [
      ['InvoicePosted', 'Invoice', first.id, posted.version, { invoiceId: first.id, projectIds: [p.projectId] }],
      ['InvoiceVoided', 'Invoice', first.id, voided.version, { invoiceId: first.id, wasPosted: true, projectIds: [p.projectId], timeEntryIds: [te.sourceId], expenseEntryIds: [] }],
    ]);

    const second = (await run(schedule.id, { autoIssue: true, issueDate: '2026-04-01' })).invoices[0];
    const memo = async (releases: boolean) => (await h.ok<{ createCreditMemo: any }>(
      `mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id } }`, { i: { invoiceId: second.id, reason: 'BILLING_ERROR', releasesBillableItems: releases } },
    )).createCreditMemo;
    const issue = (id: string) => h.ok<{ transitionCreditMemo: any }>(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: ISSUE }) { id version number } }`, { id }, clock('2026-04-05T10:00:00.000Z'));
    const releasing = await memo(true);
    const m2 = await eventsSince(await outboxMark());
    assert.deepEqual(m2, [], 'drafting a memo emits nothing');
    const mark2 = await outboxMark();
    const issued = (await issue(releasing.id)).transitionCreditMemo;
    events = await eventsSince(mark2);
    assert.deepEqual(events.map((e) => [e.type, e.entity_type, e.entity_id, e.entity_version]), [['CreditMemoIssued', 'CreditMemo', releasing.id, issued.version]]);
    assert.deepEqual(events[0]!.payload, {
      creditMemoId: releasing.id, number: issued.number, invoiceId: second.id, legalEntityId: p.legalEntityId, documentDate: '2026-04-05',
      lines: [{ projectId: p.projectId, netAmount: { amountMinor: '112500', currency: 'CAD', amount: '1125.00' }, taxAmount: { amountMinor: '14625', currency: 'CAD', amount: '146.25' } }],
      releasesBillableItems: true, timeEntryIds: [te.sourceId], expenseEntryIds: [],
    });
    assert.equal(events[0]!.correlation_id, 'test');
    // Voiding the releasing memo puts the item back; a second, non-releasing memo releases nothing.
    await h.ok(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: VOID }) { id } }`, { id: releasing.id });
    const plain = await memo(false);
    const mark3 = await outboxMark();
    await issue(plain.id);
    const plainEvent = (await eventsSince(mark3))[0]!;
    assert.deepEqual([plainEvent.type, plainEvent.payload.releasesBillableItems, plainEvent.payload.timeEntryIds, plainEvent.payload.expenseEntryIds], ['CreditMemoIssued', false, [], []]);
    const again = await h.run(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: ISSUE }) { id } }`, { id: plain.id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await eventsSince(mark3)).length, 1);
  });
});

describe('invoice lag', () => {
  const LAG = 'count medianDays p90Days meanDays';

  test('days from READY to the issue date of invoiced items: per project, per legal entity and issue dates; row scoped', async () => {
    const { input: p, schedule } = await setup({ legalEntityId: `le_lag${uniq()}` });
    // Items become READY on 2026-03-02, 03-10 and 03-20 (invocation clock), priced 100, 100 and 200 dollars.
    await h.ok(RECORD, { i: { items: [timeItem(p.projectId, { quantity: '1', unitPrice: '100' })] } }, clock('2026-03-02T23:30:00.000Z'));
    await h.ok(RECORD, { i: { items: [timeItem(p.projectId, { quantity: '1', unitPrice: '100' })] } }, clock('2026-03-10T08:00:00.000Z'));
    await h.ok(RECORD, { i: { items: [timeItem(p.projectId, { quantity: '2', unitPrice: '100' })] } }, clock('2026-03-20T12:00:00.000Z'));
    const empty = await h.ok<{ _entities: any[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { invoiceLag { ${LAG} } } } }`, { r: [{ __typename: 'Project', id: p.projectId }] });
    assert.deepEqual(empty._entities[0].invoiceLag, { count: 0, medianDays: null, p90Days: null, meanDays: null });
    await run(schedule.id, { autoIssue: true, issueDate: '2026-03-31' });
    // Lags 29, 21 and 11 days.
    const expected = { count: 3, medianDays: '21.00', p90Days: '27.40', meanDays: '18.00' };
    const other = (await setup()).input;
    h.db.stats.take();
    const d = await h.ok<{ _entities: any[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { id invoiceLag { ${LAG} } } } }`, {
      r: [{ __typename: 'Project', id: p.projectId }, { __typename: 'Project', id: other.projectId }],
    });
    assert.equal(h.db.stats.take(), 1, 'one statement for every project of the request');
    assert.deepEqual(d._entities.map((e: any) => e.invoiceLag), [expected, { count: 0, medianDays: null, p90Days: null, meanDays: null }]);
    const root = async (filter: Record<string, unknown>, as = h) => (await as.ok<{ invoiceLag: any }>(`query($f: InvoiceLagFilter) { invoiceLag(filter: $f) { ${LAG} } }`, { f: filter })).invoiceLag;
    assert.deepEqual(await root({ legalEntityId: p.legalEntityId }), expected);
    assert.deepEqual(await root({ legalEntityId: p.legalEntityId, issueDate: { from: '2026-04-01' } }), { count: 0, medianDays: null, p90Days: null, meanDays: null });
    assert.deepEqual(await root({ legalEntityId: p.legalEntityId, issueDate: { from: '2026-03-31', to: '2026-03-31' } }), expected);
    const outsider = h.as(principal(['bi_reader'], ['le_elsewhere']));
    assert.deepEqual(await root({ legalEntityId: p.legalEntityId }, outsider), { count: 0, medianDays: null, p90Days: null, meanDays: null });
    const insider = h.as(principal(['bi_reader'], [p.legalEntityId]));
    assert.deepEqual(await root({}, insider), expected);
    const consultant = await h.as(principal(['consultant'], '*', 'res_1')).run(`query { invoiceLag { count } }`);
    assert.equal(consultant.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('throughput: set-based recording and billing runs', () => {
  /** Statements one recording and one billing run of `n` time entries take, and how long they take. */
  async function measure(n: number): Promise<{ record: number; run: number; recordMs: number; runMs: number; audit: number }> {
    const { input: p, schedule } = await setup();
    const roles = ['SENIOR_CONSULTANT', 'CONSULTANT', 'ARCHITECT', 'ANALYST'];
    const inputs = Array.from({ length: n }, (_, i) => {
      const day = `2026-03-${String((i % 28) + 1).padStart(2, '0')}`;
      return timeItem(p.projectId, { serviceDate: day, description: describeTimeItem(roles[i % roles.length] as string, day), quantity: ['7.5', '8', '6.25'][i % 3], unitPrice: ['150', '175', '210', '95'][i % 4] });
    });
    const auditBefore = await scalar('SELECT count(*) AS n FROM audit_log');
    h.db.stats.take();
    let t = performance.now();
    const batch = await recordBatch(inputs, `tp-rec-${uniq()}`);
    const recordMs = performance.now() - t;
    const record = h.db.stats.take();
    assert.equal(batch.recorded, n);
    t = performance.now();
    const r = await run(schedule.id, { autoIssue: true, issueDate: '2026-04-01', idempotencyKey: `tp-run-${uniq()}` });
    const runMs = performance.now() - t;
    const runStatements = h.db.stats.take();
    assert.equal(r.itemsInvoiced, n);
    const expectedTotal = inputs.reduce((s, i) => s + (BigInt(new Decimal(i.quantity as string).times(i.unitPrice as string).times(100).toFixed(0))), 0n);
    assert.equal(BigInt(r.invoices[0].subtotal.amountMinor), expectedTotal);
    assert.equal(await scalar(`SELECT count(*) AS n FROM billable_items WHERE project_id = $1 AND status = 'INVOICED' AND invoice_id = $2`, [p.projectId, r.invoices[0].id]), n);
    return { record, run: runStatements, recordMs, runMs, audit: (await scalar('SELECT count(*) AS n FROM audit_log')) - auditBefore };
  }

  test('recordBillableItems of 5 000 items and a billing run over them: one transaction each, statements independent of N', async (t) => {
    const small = await measure(20);
    const large = await measure(5000);
    // Audit rows travel in statements of 5 000 rows: the run's audit (5 000 items, the invoice created and issued) needs
    // one statement more at 5 000 than at 20; nothing else depends on N.
    const auditChunks = (rows: number) => Math.ceil(rows / 5000);
    assert.equal(large.record, small.record, `recording: ${small.record} statements for 20 items, ${large.record} for 5 000`);
    assert.equal(large.run - auditChunks(5000 + 2), small.run - auditChunks(20 + 2), `billing run: ${small.run} statements for 20 items, ${large.run} for 5 000`);
    const line = `5 000 items: recordBillableItems ${large.recordMs.toFixed(0)} ms (${large.record} statements), runBilling with autoIssue ${large.runMs.toFixed(0)} ms (${large.run} statements); ${(5000 / ((large.recordMs + large.runMs) / 1000)).toFixed(0)} entries/s from recording to issued invoice`;
    t.diagnostic(line);
    console.log(`[billing-flows] ${line}`);
  });
});
