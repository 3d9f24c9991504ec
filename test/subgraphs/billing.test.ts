import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { newId, type Invocation } from '../../platform/domain/index.js';
import { createBillableItem, validateRecording } from '../../subgraphs/billing/src/domain/billable-item.js';
import { createBillingSchedule, transitionBillingSchedule } from '../../subgraphs/billing/src/domain/billing-schedule.js';
import { draftInvoice, invoiceItems, issueInvoice } from '../../subgraphs/billing/src/domain/invoice.js';
import type { BillableItem, BillingSchedule, Invoice, InvoiceLine, TaxCode } from '../../subgraphs/billing/src/domain/types.js';
import { billingMigrations, createBillingSubgraph, setNumberSeriesPrefix } from '../../subgraphs/billing/src/index.js';
import type { BillingRepository, BillingWriter } from '../../subgraphs/billing/src/repository/port.js';
import { billableItems, billingSchedules, invoiceLines, invoices } from '../../subgraphs/billing/src/repository/tables.js';
import { BillingService } from '../../subgraphs/billing/src/service/billing-service.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness } from '../support/subgraph-harness.js';

let subgraph: ReturnType<typeof createBillingSubgraph>;
let h: SubgraphHarness<ReturnType<ReturnType<typeof createBillingSubgraph>['createContext']>>;

before(async () => {
  const db = await openTestDatabase('billing', billingMigrations());
  subgraph = createBillingSubgraph(db);
  h = await SubgraphHarness.start(subgraph, db);
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

const cad = (minor: string) => ({ amountMinor: minor, currency: 'CAD' });
const uniq = () => randomBytes(5).toString('hex');
const clock = (now: string): { invocation: Invocation } => ({ invocation: { actor: 'test', correlationId: 'test', now: () => now } });

interface ScheduleOptions {
  projectId?: string;
  accountId?: string;
  legalEntityId?: string;
  currency?: string;
  taxCode?: string;
  notToExceed?: { amountMinor: string; currency: string };
  paymentTermsDays?: number;
  activate?: boolean;
}

async function schedule(o: ScheduleOptions = {}): Promise<{ id: string; projectId: string; accountId: string; legalEntityId: string }> {
  const projectId = o.projectId ?? newId('prj');
  const accountId = o.accountId ?? newId('acc');
  const legalEntityId = o.legalEntityId ?? `le_${uniq()}`;
  const d = await h.ok<{ createBillingSchedule: { id: string } }>(
    `mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`,
    {
      i: {
        projectId, accountId, legalEntityId, type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: o.currency ?? 'CAD',
        taxCode: o.taxCode ?? 'CA-HST-ON', notToExceed: o.notToExceed, paymentTermsDays: o.paymentTermsDays,
      },
    },
  );
  const id = d.createBillingSchedule.id;
  if (o.activate !== false) await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: ACTIVATE }) { status } }`, { id });
  return { id, projectId, accountId, legalEntityId };
}

const ITEM = 'id version status holdReason idempotencyKey amount { amountMinor currency } invoice { id }';

async function record(projectId: string, o: Record<string, unknown> = {}): Promise<any> {
  const d = await h.ok<{ recordBillableItem: any }>(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { ${ITEM} } }`, {
    i: { sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId, serviceDate: '2026-03-02', description: 'Consulting', quantity: '1', unitPrice: '150', ...o },
  });
  return d.recordBillableItem;
}

const INVOICE = 'id version status number issueDate dueDate subtotal { amountMinor } taxTotal { amountMinor } total { amountMinor } lines { id quantity unitPrice description netAmount { amountMinor } taxAmount { amountMinor } taxRatePct billableItemIds }';

async function draft(billingScheduleId: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await h.ok<{ createDraftInvoice: any }>(`mutation($i: CreateDraftInvoiceInput!) { createDraftInvoice(input: $i) { ${INVOICE} } }`, { i: { billingScheduleId, ...extra } })).createDraftInvoice;
}

async function issue(id: string, issueDate = '2026-03-31'): Promise<any> {
  return (await h.ok<{ issueInvoice: any }>(`mutation($id: ID!, $d: LocalDate) { issueInvoice(input: { id: $id, issueDate: $d }) { ${INVOICE} } }`, { id, d: issueDate })).issueInvoice;
}

async function figures(projectId: string, currency = 'CAD'): Promise<{ billed: bigint; wip: bigint }> {
  const d = await h.ok<{ _entities: any[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { billedToDate { amountMinor currency } unbilledWip { amountMinor currency } } } }`,
    { r: [{ __typename: 'Project', id: projectId, currency }] },
  );
  const p = d._entities[0];
  assert.equal(p.billedToDate.currency, currency);
  return { billed: BigInt(p.billedToDate.amountMinor), wip: BigInt(p.unbilledWip.amountMinor) };
}

async function projectItems(projectId: string): Promise<any[]> {
  const d = await h.ok<{ billableItems: any }>(`query($p: ID!) { billableItems(first: 1000, filter: { projectId: $p }) { edges { node { ${ITEM} } } } }`, { p: projectId });
  return d.billableItems.edges.map((e: any) => e.node);
}

/** Σ amounts of the project's items that still carry value (everything except WRITTEN_OFF and CANCELLED). */
async function liveItemTotal(projectId: string): Promise<bigint> {
  return (await projectItems(projectId)).filter((i) => i.status !== 'WRITTEN_OFF' && i.status !== 'CANCELLED').reduce((s, i) => s + BigInt(i.amount.amountMinor), 0n);
}

async function creditMemo(invoiceId: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await h.ok<{ createCreditMemo: any }>(
    `mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id version status number releasesBillableItems subtotal { amountMinor } taxTotal { amountMinor } total { amountMinor } lines { netAmount { amountMinor } taxAmount { amountMinor } billableItemIds } } }`,
    { i: { invoiceId, reason: 'BILLING_ERROR', ...extra } },
  )).createCreditMemo;
}

async function memoAction(id: string, action: string, patch?: Parameters<typeof h.ok>[2]): Promise<any> {
  return (await h.ok<{ transitionCreditMemo: any }>(`mutation($id: ID!, $a: CreditMemoAction!) { transitionCreditMemo(input: { id: $id, action: $a }) { id status number version issuedAt } }`, { id, a: action }, patch)).transitionCreditMemo;
}

describe('billing rate cards', () => {
  const LINES = [{ roleCode: 'CONSULTANT', level: 'SENIOR', region: 'ON', billRate: '150', costRateHint: '70.5' }, { roleCode: 'ARCHITECT', billRate: '210.125' }];

  test('create, revise (superseded card ends the day before), filters and paging', async () => {
    const accountId = newId('acc');
    const created = await h.ok<{ createRateCard: any }>(
      `mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id version scope unit account { id } effectiveTo lines { roleCode level region billRate costRateHint } } }`,
      { i: { name: 'Acme 2026', scope: 'ACCOUNT', accountId, currency: 'CAD', effectiveFrom: '2026-01-01', lines: LINES } },
    );
    const card = created.createRateCard;
    assert.deepEqual([card.version, card.scope, card.unit, card.account.id, card.effectiveTo], [1, 'ACCOUNT', 'HOUR', accountId, null]);
    assert.deepEqual(card.lines.map((l: any) => [l.roleCode, l.billRate, l.costRateHint]), [['CONSULTANT', '150.0000', '70.5000'], ['ARCHITECT', '210.1250', null]]);

    const revised = await h.ok<{ reviseRateCard: any }>(
      `mutation($i: ReviseRateCardInput!) { reviseRateCard(input: $i) { id version effectiveFrom effectiveTo scope account { id } currency supersedes { id version effectiveTo } lines { billRate } } }`,
      { i: { id: card.id, expectedVersion: 1, effectiveFrom: '2026-07-01', lines: [{ roleCode: 'CONSULTANT', billRate: '160' }] } },
    );
    const r = revised.reviseRateCard;
    assert.deepEqual([r.version, r.effectiveFrom, r.effectiveTo, r.scope, r.account.id, r.currency], [1, '2026-07-01', null, 'ACCOUNT', accountId, 'CAD']);
    assert.deepEqual(r.supersedes, { id: card.id, version: 2, effectiveTo: '2026-06-30' });

    // The superseded card cannot be revised again: its successor carries the chain.
    const again = await h.run(`mutation($i: ReviseRateCardInput!) { reviseRateCard(input: $i) { id } }`, { i: { id: card.id, effectiveFrom: '2026-09-01', lines: [{ roleCode: 'X', billRate: '1' }] } });
    assert.equal(again.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    const stale = await h.run(`mutation($i: ReviseRateCardInput!) { reviseRateCard(input: $i) { id } }`, { i: { id: r.id, expectedVersion: 7, effectiveFrom: '2026-09-01', lines: [{ roleCode: 'X', billRate: '1' }] } });
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    const early = await h.run(`mutation($i: ReviseRateCardInput!) { reviseRateCard(input: $i) { id } }`, { i: { id: r.id, effectiveFrom: '2026-07-01', lines: [{ roleCode: 'X', billRate: '1' }] } });
    assert.equal(early.errors?.[0]?.extensions?.field, 'effectiveFrom');

    const on = async (date: string) =>
      (await h.ok<{ rateCards: any }>(`query($a: ID!, $d: LocalDate) { rateCards(filter: { accountId: $a, effectiveOn: $d }) { edges { node { id } } } }`, { a: accountId, d: date })).rateCards.edges.map((e: any) => e.node.id);
    assert.deepEqual(await on('2026-06-30'), [card.id]);
    assert.deepEqual(await on('2026-07-01'), [r.id]);
    assert.deepEqual(await on('2025-12-31'), []);

    const pages: string[] = [];
    let afterCursor: string | null = null;
    for (;;) {
      const d: any = await h.ok(`query($a: ID!, $after: String) { rateCards(first: 1, after: $after, filter: { accountId: $a, scope: ACCOUNT }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { a: accountId, after: afterCursor });
      pages.push(...d.rateCards.edges.map((e: any) => e.node.id));
      if (!d.rateCards.pageInfo.hasNextPage) break;
      afterCursor = d.rateCards.pageInfo.endCursor;
    }
    assert.deepEqual(pages, [card.id, r.id].sort());
  });

  test('invalid cards are refused with the field named and nothing is written', async () => {
    const accountId = newId('acc');
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ scope: 'STANDARD', accountId }, 'accountId'],
      [{ scope: 'ACCOUNT', accountId, lines: [] }, 'lines'],
      [{ scope: 'ACCOUNT', accountId, lines: [{ roleCode: 'A', billRate: '1' }, { roleCode: 'A', billRate: '2' }] }, 'lines[1]'],
      [{ scope: 'ACCOUNT', accountId, lines: [{ roleCode: 'A', billRate: '-1' }] }, 'lines[0].billRate'],
      [{ scope: 'ACCOUNT', accountId, name: ' ' }, 'name'],
    ];
    for (const [patch, field] of attempts) {
      const res = await h.run(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
        i: { name: 'Bad', currency: 'CAD', effectiveFrom: '2026-01-01', lines: LINES, ...patch },
      });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(patch));
      assert.equal(res.errors?.[0]?.extensions?.field, field);
    }
    const scale = await h.run(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
      i: { name: 'Bad', scope: 'ACCOUNT', accountId, currency: 'CAD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'A', billRate: '1.00001' }] },
    });
    assert.equal(scale.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const d = await h.ok<{ rateCards: any }>(`query($a: ID!) { rateCards(filter: { accountId: $a }) { edges { node { id } } } }`, { a: accountId });
    assert.equal(d.rateCards.edges.length, 0);
  });
});

describe('billing schedules', () => {
  test('defaults, one live schedule per project, transitions and version conflicts', async () => {
    const card = (await h.ok<{ createRateCard: { id: string } }>(`mutation { createRateCard(input: { name: "Std", scope: STANDARD, currency: "CAD", effectiveFrom: "2026-01-01", lines: [{ roleCode: "DEV", billRate: "100" }] }) { id } }`)).createRateCard;
    const projectId = newId('prj');
    const d = await h.ok<{ createBillingSchedule: any }>(
      `mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) {
        id version status inArrears billForActuals paymentTermsDays taxCode project { id } account { id } rateCard { id } notToExceed { amountMinor }
        lines { plannedDate amount { amountMinor currency } status billableItemId } } }`,
      {
        i: {
          projectId, accountId: newId('acc'), legalEntityId: 'le_ca', type: 'MILESTONE', frequency: 'ON_EVENT', currency: 'CAD', taxCode: 'CA-GST',
          rateCardId: card.id, notToExceed: cad('5000000'), lines: [{ plannedDate: '2026-05-31', milestoneId: 'ms_1', amount: cad('2500000') }],
        },
      },
    );
    const s = d.createBillingSchedule;
    assert.deepEqual([s.version, s.status, s.inArrears, s.billForActuals, s.paymentTermsDays, s.project.id, s.rateCard.id], [1, 'DRAFT', true, false, 30, projectId, card.id]);
    assert.deepEqual(s.lines, [{ plannedDate: '2026-05-31', amount: { amountMinor: '2500000', currency: 'CAD' }, status: 'PLANNED', billableItemId: null }]);

    const second = await h.run(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: { projectId, accountId: newId('acc'), legalEntityId: 'le_ca', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-GST' },
    });
    assert.equal(second.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal(second.errors?.[0]?.extensions?.existingId, s.id);

    const act = (action: string, expectedVersion?: number) =>
      h.run<{ transitionBillingSchedule: any }>(`mutation($id: ID!, $a: BillingScheduleAction!, $v: Int) { transitionBillingSchedule(input: { id: $id, action: $a, expectedVersion: $v }) { status version } }`, { id: s.id, a: action, v: expectedVersion });
    assert.deepEqual((await act('ACTIVATE', 1)).data?.transitionBillingSchedule, { status: 'ACTIVE', version: 2 });
    const conflict = await act('SUSPEND', 1);
    assert.equal(conflict.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.equal(conflict.errors?.[0]?.extensions?.currentVersion, 2);
    assert.equal((await act('RESUME')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.deepEqual((await act('SUSPEND')).data?.transitionBillingSchedule, { status: 'SUSPENDED', version: 3 });
    assert.deepEqual((await act('RESUME')).data?.transitionBillingSchedule, { status: 'ACTIVE', version: 4 });
    assert.deepEqual((await act('COMPLETE')).data?.transitionBillingSchedule, { status: 'COMPLETED', version: 5 });
    assert.equal((await act('CANCEL')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    // Once completed, the project may get a new live schedule.
    const next = await schedule({ projectId, taxCode: 'CA-GST' });
    const listed = await h.ok<{ billingSchedules: any }>(`query($p: ID!) { billingSchedules(filter: { projectId: $p, statuses: [ACTIVE] }) { edges { node { id } } } }`, { p: projectId });
    assert.deepEqual(listed.billingSchedules.edges.map((e: any) => e.node.id), [next.id]);
  });

  test('validation: tax code, rate card currency, money currency, terms; nothing is written', async () => {
    const usdCard = (await h.ok<{ createRateCard: { id: string } }>(`mutation { createRateCard(input: { name: "US", scope: STANDARD, currency: "USD", effectiveFrom: "2026-01-01", lines: [{ roleCode: "DEV", billRate: "100" }] }) { id } }`)).createRateCard;
    const projectId = newId('prj');
    const base = { projectId, accountId: newId('acc'), legalEntityId: 'le_ca', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON' };
    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ taxCode: 'FR-VAT' }, 'taxCode'],
      [{ rateCardId: usdCard.id }, 'rateCardId'],
      [{ rateCardId: 'rc_doesnotexist000000' }, 'rateCardId'],
      [{ notToExceed: { amountMinor: '100', currency: 'USD' } }, 'notToExceed'],
      [{ notToExceed: cad('0') }, 'notToExceed'],
      [{ lines: [{ plannedDate: '2026-05-31', amount: { amountMinor: '100', currency: 'USD' } }] }, 'lines[0].amount'],
      [{ paymentTermsDays: 366 }, 'paymentTermsDays'],
      [{ paymentTermsDays: -1 }, 'paymentTermsDays'],
      [{ projectId: 'nonsense' }, 'projectId'],
    ];
    for (const [patch, field] of attempts) {
      const res = await h.run(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, { i: { ...base, ...patch } });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(patch));
      assert.equal(res.errors?.[0]?.extensions?.field, field, JSON.stringify(patch));
    }
    const listed = await h.ok<{ billingSchedules: any }>(`query($p: ID!) { billingSchedules(filter: { projectId: $p }) { edges { node { id } } } }`, { p: projectId });
    assert.equal(listed.billingSchedules.edges.length, 0);
  });
});

describe('billing billable items', () => {
  test('recording is idempotent on the natural key; different content under the same key is a CONFLICT', async () => {
    const s = await schedule();
    const input = { sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 3, projectId: s.projectId, serviceDate: '2026-03-04', description: 'Build', quantity: '7.5', unitPrice: '142.5', standardUnitPrice: '150' };
    const first = await h.ok<{ recordBillableItem: any }>(
      `mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { ${ITEM} quantity unitPrice standardAmount { amountMinor } account { id } legalEntityId readyAt project { id } } }`,
      { i: input },
    );
    const item = first.recordBillableItem;
    assert.equal(item.idempotencyKey, `TIME:${input.sourceId}:3`);
    assert.deepEqual([item.status, item.quantity, item.unitPrice, item.amount.amountMinor, item.standardAmount.amountMinor], ['READY', '7.5000', '142.5000', '106875', '112500']);
    assert.deepEqual([item.account.id, item.legalEntityId, item.project.id], [s.accountId, s.legalEntityId, s.projectId]);
    assert.match(item.readyAt, /^\d{4}-\d{2}-\d{2}T/);

    const replay = await record(s.projectId, { ...input, quantity: '7.50', description: 'Build (retry)' });
    assert.deepEqual([replay.id, replay.version], [item.id, 1]);
    const changed = await h.run(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, { i: { ...input, quantity: '8' } });
    assert.equal(changed.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.match(changed.errors?.[0]?.message ?? '', new RegExp(`TIME:${input.sourceId}:3`));
    const newVersion = await record(s.projectId, { ...input, sourceVersion: 4, quantity: '8' });
    assert.notEqual(newVersion.id, item.id);
    assert.equal((await projectItems(s.projectId)).length, 2);
  });

  test('concurrent recordings of one source version yield one item', async () => {
    const s = await schedule();
    const input = { sourceType: 'EXPENSE', sourceId: newId('exp'), sourceVersion: 1, projectId: s.projectId, serviceDate: '2026-03-05', description: 'Hotel', quantity: '1', unitPrice: '289.9' };
    const results = await Promise.all([1, 2, 3, 4].map(() => record(s.projectId, input)));
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.equal((await projectItems(s.projectId)).length, 1);
  });

  test('refused without an ACTIVE schedule and on invalid input; nothing is written', async () => {
    const draftOnly = await schedule({ activate: false });
    const res = await h.run(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, {
      i: { sourceType: 'TIME', sourceId: 'te_x1', sourceVersion: 1, projectId: draftOnly.projectId, serviceDate: '2026-03-02', description: 'x', quantity: '1', unitPrice: '1' },
    });
    assert.deepEqual([res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field], ['BAD_USER_INPUT', 'projectId']);
    const none = await h.run(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, {
      i: { sourceType: 'TIME', sourceId: 'te_x2', sourceVersion: 1, projectId: newId('prj'), serviceDate: '2026-03-02', description: 'x', quantity: '1', unitPrice: '1' },
    });
    assert.equal(none.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');

    const s = await schedule();
    for (const [patch, code] of [
      [{ quantity: '0' }, 'BAD_USER_INPUT'], [{ quantity: '1.00001' }, 'BAD_USER_INPUT'], [{ unitPrice: '-1' }, 'BAD_USER_INPUT'],
      [{ sourceVersion: 0 }, 'BAD_USER_INPUT'], [{ description: '' }, 'BAD_USER_INPUT'], [{ sourceId: 'a:b' }, 'BAD_USER_INPUT'],
    ] as const) {
      const r = await h.run(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, {
        i: { sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId: s.projectId, serviceDate: '2026-03-02', description: 'x', quantity: '1', unitPrice: '1', ...patch },
      });
      assert.equal(r.errors?.[0]?.extensions?.code, code, JSON.stringify(patch));
    }
    assert.equal((await projectItems(s.projectId)).length, 0);
    // A negative price is an adjustment, and only an adjustment.
    assert.equal((await record(s.projectId, { sourceType: 'ADJUSTMENT', unitPrice: '-20' })).amount.amountMinor, '-2000');
  });

  test('items past the not-to-exceed cap go ON_HOLD with reason NOT_TO_EXCEED', async () => {
    const s = await schedule({ notToExceed: cad('50000') });
    assert.equal((await record(s.projectId, { quantity: '2', unitPrice: '150' })).status, 'READY');
    const inv = await draft(s.id);
    await issue(inv.id);
    assert.equal((await record(s.projectId, { quantity: '1', unitPrice: '150' })).status, 'READY'); // 300 billed + 150 = 450
    const over = await record(s.projectId, { quantity: '1', unitPrice: '50.01' }); // 450 + 50.01 > 500
    assert.deepEqual([over.status, over.holdReason], ['ON_HOLD', 'NOT_TO_EXCEED']);
    // Held items still count as open WIP: the next item is held too, until the held ones are dealt with.
    const second = await record(s.projectId, { quantity: '1', unitPrice: '50' });
    assert.equal(second.status, 'ON_HOLD');
    for (const id of [over.id, second.id]) await h.ok(`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: CANCEL }) { id } }`, { id });
    assert.equal((await record(s.projectId, { quantity: '1', unitPrice: '50' })).status, 'READY'); // 450 + 50 = 500, the cap itself
  });

  test('transitions: reasons, version conflicts, and filters on the connection', async () => {
    const s = await schedule();
    const a = await record(s.projectId, { serviceDate: '2026-03-01', sourceType: 'EXPENSE' });
    const b = await record(s.projectId, { serviceDate: '2026-03-10' });
    const c = await record(s.projectId, { serviceDate: '2026-03-20' });
    const act = (id: string, action: string, reason?: string, expectedVersion?: number) =>
      h.run<{ transitionBillableItem: any }>(
        `mutation($i: TransitionBillableItemInput!) { transitionBillableItem(input: $i) { status version holdReason writeOffReason } }`,
        { i: { id, action, reason, expectedVersion } },
      );
    const noReason = await act(a.id, 'HOLD');
    assert.deepEqual([noReason.errors?.[0]?.extensions?.code, noReason.errors?.[0]?.extensions?.field], ['BAD_USER_INPUT', 'reason']);
    assert.deepEqual((await act(a.id, 'HOLD', 'Awaiting PO', 1)).data?.transitionBillableItem, { status: 'ON_HOLD', version: 2, holdReason: 'Awaiting PO', writeOffReason: null });
    assert.equal((await act(a.id, 'RELEASE', undefined, 1)).errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.deepEqual((await act(a.id, 'RELEASE')).data?.transitionBillableItem, { status: 'READY', version: 3, holdReason: null, writeOffReason: null });
    assert.equal((await act(b.id, 'WRITE_OFF', 'Goodwill')).data?.transitionBillableItem.writeOffReason, 'Goodwill');
    assert.equal((await act(b.id, 'CANCEL')).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await act(c.id, 'CANCEL')).data?.transitionBillableItem.status, 'CANCELLED');
    assert.equal((await act('bi_01NOTEXIST000000000000000', 'CANCEL')).errors?.[0]?.extensions?.code, 'NOT_FOUND');

    const q = async (filter: Record<string, unknown>) =>
      (await h.ok<{ billableItems: any }>(`query($f: BillableItemFilter) { billableItems(filter: $f) { edges { node { id } } } }`, { f: { projectId: s.projectId, ...filter } }))
        .billableItems.edges.map((e: any) => e.node.id);
    assert.deepEqual(await q({ statuses: ['READY'] }), [a.id]);
    assert.deepEqual(await q({ statuses: ['WRITTEN_OFF', 'CANCELLED'] }), [b.id, c.id].sort());
    assert.deepEqual(await q({ sourceType: 'EXPENSE' }), [a.id]);
    assert.deepEqual(await q({ serviceDate: { from: '2026-03-05', to: '2026-03-15' } }), [b.id]);
    assert.deepEqual(await q({ accountId: s.accountId, legalEntityId: s.legalEntityId }), [a.id, b.id, c.id].sort());
    const ordered = await h.ok<{ _entities: any[] }>(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { billableItems { id } ready: billableItems(statuses: [READY]) { id } } } }`, {
      r: [{ __typename: 'Project', id: s.projectId, currency: 'CAD' }],
    });
    assert.deepEqual(ordered._entities[0].billableItems.map((i: any) => i.id), [a.id, b.id, c.id]);
    assert.deepEqual(ordered._entities[0].ready.map((i: any) => i.id), [a.id]);
  });
});

describe('billing invoices', () => {
  test('rounds per line: 3 × 0.8333 h × 150.0000 at 13 % HST', async () => {
    const s = await schedule({ taxCode: 'CA-HST-ON' });
    for (const day of ['01', '02', '03']) assert.equal((await record(s.projectId, { serviceDate: `2026-03-${day}`, quantity: '0.8333', unitPrice: '150.0000' })).amount.amountMinor, '12500');
    const inv = await draft(s.id);
    assert.equal(inv.lines.length, 1);
    assert.deepEqual([inv.lines[0].quantity, inv.lines[0].unitPrice, inv.lines[0].netAmount.amountMinor, inv.lines[0].taxRatePct, inv.lines[0].taxAmount.amountMinor], ['2.4999', '150.0000', '37500', '13.0000', '4875']);
    // round(2.4999 × 150) would print 374.98: the invoice prints what the items are worth.
    assert.deepEqual([inv.subtotal.amountMinor, inv.taxTotal.amountMinor, inv.total.amountMinor], ['37500', '4875', '42375']);
  });

  test('draft groups by description and unit price; items stay READY but are frozen until the draft is discarded', async () => {
    const s = await schedule({ taxCode: 'US-NY', currency: 'USD' });
    const a = await record(s.projectId, { description: 'Travel', quantity: '1', unitPrice: '99.99', serviceDate: '2026-03-03' });
    const b = await record(s.projectId, { description: 'Consulting', quantity: '2', unitPrice: '200', serviceDate: '2026-03-02' });
    const c = await record(s.projectId, { description: 'Consulting', quantity: '1.25', unitPrice: '200', serviceDate: '2026-03-01' });
    const late = await record(s.projectId, { description: 'Consulting', quantity: '1', unitPrice: '200', serviceDate: '2026-04-02' });
    const inv = await draft(s.id, { throughDate: '2026-03-31', billToContactId: 'con_billing1' });
    assert.deepEqual(inv.lines.map((l: any) => [l.description, l.quantity, l.netAmount.amountMinor, l.taxAmount.amountMinor, l.billableItemIds]), [
      ['Consulting', '3.2500', '65000', '5769', [c.id, b.id]],
      ['Travel', '1.0000', '9999', '887', [a.id]],
    ]);
    assert.deepEqual([inv.status, inv.number, inv.subtotal.amountMinor, inv.taxTotal.amountMinor, inv.total.amountMinor], ['DRAFT', null, '74999', '6656', '81655']);
    const full = await h.ok<{ invoice: any }>(`query($id: ID!) { invoice(id: $id) { account { id } billToContact { id } legalEntity { id } legalEntityId billingSchedule { id } projects { id } currency paymentTermsDays roundingMode } }`, { id: inv.id });
    assert.deepEqual(full.invoice, { account: { id: s.accountId }, billToContact: { id: 'con_billing1' }, legalEntity: { id: s.legalEntityId }, legalEntityId: s.legalEntityId, billingSchedule: { id: s.id }, projects: [{ id: s.projectId }], currency: 'USD', paymentTermsDays: 30, roundingMode: 'HALF_EVEN' });

    const items = await projectItems(s.projectId);
    assert.deepEqual(items.filter((i) => i.invoice?.id === inv.id).map((i) => i.id).sort(), [a.id, b.id, c.id].sort());
    assert.ok(items.every((i) => i.status === 'READY'));
    const hold = await h.run(`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: HOLD, reason: "query" }) { id } }`, { id: a.id });
    assert.equal(hold.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal(hold.errors?.[0]?.extensions?.invoiceId, inv.id);
    assert.match(hold.errors?.[0]?.message ?? '', new RegExp(inv.id));
    // Items on a draft are not billable by another draft.
    const taken = await h.run(`mutation($i: CreateDraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }`, { i: { billingScheduleId: s.id, billableItemIds: [a.id] } });
    assert.equal(taken.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');

    const staleDiscard = await h.run(`mutation($id: ID!) { discardDraftInvoice(input: { id: $id, expectedVersion: 2 }) }`, { id: inv.id });
    assert.equal(staleDiscard.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.deepEqual(await h.ok(`mutation($id: ID!) { discardDraftInvoice(input: { id: $id, expectedVersion: 1 }) }`, { id: inv.id }), { discardDraftInvoice: true });
    assert.equal((await h.ok<{ invoice: unknown }>(`query($id: ID!) { invoice(id: $id) { id } }`, { id: inv.id })).invoice, null);
    assert.ok((await projectItems(s.projectId)).every((i) => i.invoice === null && i.status === 'READY'));
    const again = await draft(s.id, { billableItemIds: [late.id] });
    assert.deepEqual(again.lines.map((l: any) => l.billableItemIds), [[late.id]]);
  });

  test('draft refusals: nothing to bill, unknown/foreign/duplicate items, inactive schedule; nothing is written', async () => {
    const s = await schedule();
    const other = await schedule();
    const mine = await record(s.projectId);
    const theirs = await record(other.projectId);
    const attempt = (i: Record<string, unknown>) => h.run(`mutation($i: CreateDraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }`, { i: { billingScheduleId: s.id, ...i } });
    const nothing = await attempt({ throughDate: '2026-02-28' });
    assert.equal(nothing.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(nothing.errors?.[0]?.message ?? '', /nothing to bill/);
    assert.equal((await attempt({ billableItemIds: [mine.id, 'bi_01NOTEXIST000000000000000'] })).errors?.[0]?.extensions?.field, 'billableItemIds');
    assert.equal((await attempt({ billableItemIds: [mine.id, theirs.id] })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await attempt({ billableItemIds: [mine.id, mine.id] })).errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal((await attempt({ billingScheduleId: 'bs_01NOTEXIST000000000000000' })).errors?.[0]?.extensions?.field, 'billingScheduleId');
    await h.ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: SUSPEND }) { status } }`, { id: s.id });
    assert.equal((await attempt({})).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    const invoices = await h.ok<{ invoices: any }>(`query($p: ID!) { invoices(filter: { projectId: $p }) { edges { node { id } } } }`, { p: s.projectId });
    assert.equal(invoices.invoices.edges.length, 0);
    assert.ok((await projectItems(s.projectId)).every((i) => i.invoice === null && i.version === 1));
  });

  test('issue numbers from the series and dates from the invocation clock; post; void releases items', async () => {
    const s = await schedule({ paymentTermsDays: 45 });
    const items = [await record(s.projectId), await record(s.projectId, { quantity: '2' })];
    const inv = await draft(s.id);
    const stale = await h.run(`mutation($id: ID!) { issueInvoice(input: { id: $id, expectedVersion: 5 }) { id } }`, { id: inv.id });
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    const issued = await h.ok<{ issueInvoice: any }>(`mutation($id: ID!) { issueInvoice(input: { id: $id, expectedVersion: 1 }) { number status issueDate dueDate issuedAt version } }`, { id: inv.id }, clock('2026-04-02T15:30:00.000Z'));
    assert.deepEqual(issued.issueInvoice, { number: 'INV-2026-000001', status: 'ISSUED', issueDate: '2026-04-02', dueDate: '2026-05-17', issuedAt: '2026-04-02T15:30:00.000Z', version: 2 });
    assert.ok((await projectItems(s.projectId)).every((i) => i.status === 'INVOICED' && i.invoice.id === inv.id));
    assert.equal((await h.run(`mutation($id: ID!) { issueInvoice(input: { id: $id }) { id } }`, { id: inv.id })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await h.run(`mutation($id: ID!) { discardDraftInvoice(input: { id: $id }) }`, { id: inv.id })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');

    const posted = await h.ok<{ postInvoice: any }>(`mutation($id: ID!) { postInvoice(input: { id: $id }) { status postedAt version } }`, { id: inv.id }, clock('2026-04-03T08:00:00.000Z'));
    assert.deepEqual(posted.postInvoice, { status: 'POSTED', postedAt: '2026-04-03T08:00:00.000Z', version: 3 });
    assert.equal((await h.run(`mutation($id: ID!) { postInvoice(input: { id: $id }) { id } }`, { id: inv.id })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.deepEqual(await figures(s.projectId), { billed: 45000n, wip: 0n });

    const noReason = await h.run(`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: "  " }) { id } }`, { id: inv.id });
    assert.equal(noReason.errors?.[0]?.extensions?.field, 'reason');
    const voided = await h.ok<{ voidInvoice: any }>(`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: "Billed to the wrong entity" }) { status voidReason voidedAt number version } }`, { id: inv.id });
    assert.deepEqual([voided.voidInvoice.status, voided.voidInvoice.voidReason, voided.voidInvoice.number, voided.voidInvoice.version], ['VOID', 'Billed to the wrong entity', 'INV-2026-000001', 4]);
    assert.ok((await projectItems(s.projectId)).every((i) => i.status === 'READY' && i.invoice === null));
    assert.deepEqual(await figures(s.projectId), { billed: 0n, wip: 45000n });
    // The void document stays, numbered; its items can be billed again on a new number.
    const rebill = await draft(s.id);
    assert.deepEqual(rebill.lines.flatMap((l: any) => l.billableItemIds).sort(), items.map((i) => i.id).sort());
    assert.equal((await issue(rebill.id)).number, 'INV-2026-000002');
    const statuses = await h.ok<{ invoices: any }>(`query($p: ID!) { invoices(filter: { projectId: $p, statuses: [VOID] }) { edges { node { id number } } } }`, { p: s.projectId });
    assert.deepEqual(statuses.invoices.edges.map((e: any) => e.node), [{ id: inv.id, number: 'INV-2026-000001' }]);
  });

  test('invoice connection filters and project/account lists (newest first)', async () => {
    const s = await schedule();
    await record(s.projectId, { serviceDate: '2026-01-15' });
    const jan = await issue((await draft(s.id)).id, '2026-01-31');
    await record(s.projectId, { serviceDate: '2026-02-15' });
    const feb = await issue((await draft(s.id)).id, '2026-02-28');
    await record(s.projectId, { serviceDate: '2026-03-15' });
    const drafted = await draft(s.id);
    const ids = async (filter: Record<string, unknown>) =>
      (await h.ok<{ invoices: any }>(`query($f: InvoiceFilter) { invoices(filter: $f) { edges { node { id } } } }`, { f: filter })).invoices.edges.map((e: any) => e.node.id);
    assert.deepEqual(await ids({ projectId: s.projectId }), [jan.id, feb.id, drafted.id]);
    assert.deepEqual(await ids({ accountId: s.accountId, statuses: ['ISSUED'] }), [jan.id, feb.id]);
    assert.deepEqual(await ids({ legalEntityId: s.legalEntityId, issueDate: { from: '2026-02-01', to: '2026-02-28' } }), [feb.id]);
    assert.deepEqual(await ids({ projectId: newId('prj') }), []);
    const lists = await h.ok<{ _entities: any[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { invoices { id } } ... on Account { invoices { id } issued: invoices(statuses: [ISSUED]) { id } } } }`,
      { r: [{ __typename: 'Project', id: s.projectId, currency: 'CAD' }, { __typename: 'Account', id: s.accountId }] },
    );
    assert.deepEqual(lists._entities[0].invoices.map((i: any) => i.id), [drafted.id, feb.id, jan.id]);
    assert.deepEqual(lists._entities[1].invoices.map((i: any) => i.id), [drafted.id, feb.id, jan.id]);
    assert.deepEqual(lists._entities[1].issued.map((i: any) => i.id), [feb.id, jan.id]);
  });
});

describe('billing credit memos', () => {
  test('partial credit: tax per line, remaining enforced, lifecycle and CM numbering', async () => {
    const s = await schedule({ taxCode: 'CA-HST-ON' });
    await record(s.projectId, { quantity: '10', unitPrice: '150' });
    const inv = await issue((await draft(s.id)).id);
    const lineId = inv.lines[0].id;
    const over = await h.run(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id } }`, { i: { invoiceId: inv.id, reason: 'DISCOUNT', lines: [{ invoiceLineId: lineId, netAmount: cad('150001') }] } });
    assert.deepEqual([over.errors?.[0]?.extensions?.code, over.errors?.[0]?.extensions?.field], ['BAD_USER_INPUT', 'lines[0].netAmount']);
    const partialRelease = await h.run(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id } }`, {
      i: { invoiceId: inv.id, reason: 'DISCOUNT', releasesBillableItems: true, lines: [{ invoiceLineId: lineId, netAmount: cad('10000') }] },
    });
    assert.equal(partialRelease.errors?.[0]?.extensions?.field, 'releasesBillableItems');
    const none = await h.ok<{ invoice: any }>(`query($id: ID!) { invoice(id: $id) { creditMemos { id } } }`, { id: inv.id });
    assert.deepEqual(none.invoice.creditMemos, []);

    const memo = await creditMemo(inv.id, { reason: 'DISCOUNT', lines: [{ invoiceLineId: lineId, netAmount: cad('10001') }] });
    assert.deepEqual([memo.status, memo.number, memo.subtotal.amountMinor, memo.taxTotal.amountMinor, memo.total.amountMinor], ['DRAFT', null, '10001', '1300', '11301']);
    assert.deepEqual(memo.lines[0].billableItemIds, []);
    const rest = await creditMemo(inv.id, { reason: 'DISCOUNT' });
    assert.deepEqual([rest.subtotal.amountMinor, rest.taxTotal.amountMinor], ['139999', String(19500 - 1300)]);
    const nothingLeft = await h.run(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id } }`, { i: { invoiceId: inv.id, reason: 'DISCOUNT' } });
    assert.equal(nothingLeft.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    // Voiding the draft gives its amount back to credit.
    assert.equal((await memoAction(rest.id, 'VOID')).status, 'VOID');

    const issuedMemo = await memoAction(memo.id, 'ISSUE', clock('2026-04-10T09:00:00.000Z'));
    assert.deepEqual([issuedMemo.status, issuedMemo.number, issuedMemo.issuedAt, issuedMemo.version], ['ISSUED', 'CM-2026-000001', '2026-04-10T09:00:00.000Z', 2]);
    assert.deepEqual(await figures(s.projectId), { billed: 150000n - 10001n, wip: 0n });
    const stale = await h.run(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: POST, expectedVersion: 1 }) { id } }`, { id: memo.id });
    assert.equal(stale.errors?.[0]?.extensions?.code, 'VERSION_CONFLICT');
    assert.equal((await memoAction(memo.id, 'POST')).status, 'POSTED');
    assert.equal((await h.run(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: VOID }) { id } }`, { id: memo.id })).errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.equal((await memoAction(memo.id, 'APPLY')).status, 'APPLIED');
    assert.deepEqual(await figures(s.projectId), { billed: 150000n - 10001n, wip: 0n });

    const voidRefused = await h.run(`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: "x" }) { id } }`, { id: inv.id });
    assert.equal(voidRefused.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    assert.deepEqual(voidRefused.errors?.[0]?.extensions?.creditMemoIds, [memo.id]);
    const read = await h.ok<{ creditMemo: any }>(`query($id: ID!) { creditMemo(id: $id) { invoice { id } reason releasesBillableItems lines { netAmount { amountMinor } project { id } } } }`, { id: memo.id });
    assert.deepEqual(read.creditMemo, { invoice: { id: inv.id }, reason: 'DISCOUNT', releasesBillableItems: false, lines: [{ netAmount: { amountMinor: '10001' }, project: { id: s.projectId } }] });
    const onDraftInvoice = await h.run(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id } }`, { i: { invoiceId: (await draft(s.id, { billableItemIds: [(await record(s.projectId)).id] })).id, reason: 'DISPUTE' } });
    assert.equal(onDraftInvoice.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
  });

  test('a releasing memo can be voided only while its released items have not moved on', async () => {
    const s = await schedule();
    await record(s.projectId, { quantity: '3' });
    const inv = await issue((await draft(s.id)).id);
    const memo = await creditMemo(inv.id, { releasesBillableItems: true });
    await memoAction(memo.id, 'ISSUE');
    const redraft = await draft(s.id);
    const blocked = await h.run(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: VOID }) { id } }`, { id: memo.id });
    assert.equal(blocked.errors?.[0]?.extensions?.code, 'INVALID_TRANSITION');
    await h.ok(`mutation($id: ID!) { discardDraftInvoice(input: { id: $id }) }`, { id: redraft.id });
    assert.equal((await memoAction(memo.id, 'VOID')).status, 'VOID');
    const items = await projectItems(s.projectId);
    assert.ok(items.every((i) => i.status === 'INVOICED' && i.invoice.id === inv.id));
    const line = await h.ok<{ billableItem: any }>(`query($id: ID!) { billableItem(id: $id) { invoice { lines { id billableItemIds } } } }`, { id: items[0].id });
    assert.ok(line.billableItem.invoice.lines[0].billableItemIds.includes(items[0].id));
    assert.deepEqual(await figures(s.projectId), { billed: 45000n, wip: 0n });
  });
});

describe('billing consistency across systems', () => {
  test('Σ live item amounts = billedToDate + unbilledWip; a releasing credit memo moves value from billed back to WIP', async () => {
    const s = await schedule({ taxCode: 'CA-HST-ON' });
    const check = async (label: string) => {
      const f = await figures(s.projectId);
      assert.equal(f.billed + f.wip, await liveItemTotal(s.projectId), label);
      return f;
    };
    assert.deepEqual(await check('empty'), { billed: 0n, wip: 0n });
    const items: any[] = [];
    for (const [q, p, d] of [['0.8333', '150', '01'], ['7.25', '142.5', '02'], ['1', '289.9', '03'], ['3.3333', '99.99', '04'], ['2', '150', '05'], ['1', '10', '06']] as const) {
      items.push(await record(s.projectId, { quantity: q, unitPrice: p, serviceDate: `2026-03-${d}` }));
    }
    await h.ok(`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: HOLD, reason: "query" }) { id } }`, { id: items[4].id });
    await h.ok(`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: WRITE_OFF, reason: "goodwill" }) { id } }`, { id: items[5].id });
    const before = await check('recorded');
    assert.equal(before.billed, 0n);

    const inv = await draft(s.id, { throughDate: '2026-03-03' });
    await check('drafted');
    const issued = await issue(inv.id);
    const afterIssue = await check('issued');
    assert.equal(afterIssue.billed, BigInt(issued.subtotal.amountMinor));
    assert.equal(afterIssue.billed, [0, 1, 2].reduce((sum, i) => sum + BigInt(items[i].amount.amountMinor), 0n));
    await h.ok(`mutation($id: ID!) { postInvoice(input: { id: $id }) { id } }`, { id: inv.id });
    await record(s.projectId, { quantity: '4', unitPrice: '150', serviceDate: '2026-03-20' });
    await check('more work');

    const memo = await creditMemo(inv.id, { releasesBillableItems: true });
    const wipBefore = (await check('memo drafted')).wip;
    assert.equal((await figures(s.projectId)).billed, afterIssue.billed, 'a draft memo credits nothing yet');
    await memoAction(memo.id, 'ISSUE');
    const afterCredit = await check('memo issued');
    assert.equal(afterCredit.billed, 0n);
    assert.equal(afterCredit.wip, wipBefore + afterIssue.billed);

    // Rebilling the released items moves the value back to billed.
    const rebill = await issue((await draft(s.id, { throughDate: '2026-03-10' })).id);
    const afterRebill = await check('rebilled');
    assert.equal(afterRebill.billed, BigInt(rebill.subtotal.amountMinor));

    // A credit that does not release items is a price concession: the items stay invoiced and the gap is the credit.
    const concession = await creditMemo(rebill.id, { reason: 'DISCOUNT', lines: [{ invoiceLineId: rebill.lines[0].id, netAmount: cad('1000') }] });
    await memoAction(concession.id, 'ISSUE');
    const f = await figures(s.projectId);
    assert.equal(f.billed + f.wip + 1000n, await liveItemTotal(s.projectId));
  });
});

describe('billing number series', () => {
  async function draftsFor(s: { id: string; projectId: string }, n: number): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const item = await record(s.projectId);
      out.push((await draft(s.id, { billableItemIds: [item.id] })).id);
    }
    return out;
  }

  /** A repository whose writer fails right after the number was taken: the crash a rollback must undo. */
  function crashingAfterNumbering(repo: BillingRepository): BillingRepository {
    const failOn: (keyof BillingWriter)[] = ['saveInvoice', 'saveCreditMemo'];
    return new Proxy(repo, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return <T>(inv: Invocation, work: (tx: BillingWriter) => Promise<T>) =>
          target.transaction(inv, (tx) =>
            work(new Proxy(tx, {
              get(w, p, r) {
                if (failOn.includes(p as keyof BillingWriter)) return () => Promise.reject(new Error('simulated crash after numbering'));
                const v = Reflect.get(w, p, r);
                return typeof v === 'function' ? v.bind(w) : v;
              },
            })),
          );
      },
    });
  }

  test('gapless under a failed issue: the rolled-back number is handed out next', async () => {
    const s = await schedule();
    const [a, b, c] = await draftsFor(s, 3);
    assert.equal((await issue(a!)).number, 'INV-2026-000001');
    const crashing = new BillingService(crashingAfterNumbering(subgraph.repo));
    const inv = clock('2026-03-31T12:00:00.000Z').invocation;
    await assert.rejects(crashing.issueInvoice({ id: b! }, '2026-03-31', inv), /simulated crash/);
    const still = await h.ok<{ invoice: any }>(`query($id: ID!) { invoice(id: $id) { status number version lines { billableItemIds } } }`, { id: b });
    assert.deepEqual([still.invoice.status, still.invoice.number, still.invoice.version], ['DRAFT', null, 1]);
    const itemState = await h.ok<{ billableItem: any }>(`query($id: ID!) { billableItem(id: $id) { status invoice { id } } }`, { id: still.invoice.lines[0].billableItemIds[0] });
    assert.deepEqual(itemState.billableItem, { status: 'READY', invoice: { id: b } });
    const series = await h.db.query<{ next_value: bigint }>(`SELECT next_value FROM number_series WHERE legal_entity_id = $1 AND document_type = 'INVOICE'`, [s.legalEntityId]);
    assert.equal(series[0]?.next_value, 2n);
    assert.equal((await issue(b!)).number, 'INV-2026-000002');
    assert.equal((await issue(c!)).number, 'INV-2026-000003');

    // Credit memos have their own series, equally gapless.
    const memo = await creditMemo(a!);
    await assert.rejects(crashing.transitionCreditMemo({ id: memo.id }, 'ISSUE', inv), /simulated crash/);
    assert.equal((await memoAction(memo.id, 'ISSUE', clock('2026-04-01T00:00:00.000Z'))).number, 'CM-2026-000001');
  });

  test('concurrent issues in one legal entity get distinct consecutive numbers; other entities count separately', async () => {
    const legalEntityId = `le_${uniq()}`;
    const drafts: string[] = [];
    for (let i = 0; i < 6; i += 1) drafts.push(...(await draftsFor(await schedule({ legalEntityId }), 1)));
    const numbers = (await Promise.all(drafts.map((id) => issue(id, '2027-01-05')))).map((i) => i.number).sort();
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6].map((n) => `INV-2027-00000${n}`));
    const elsewhere = await schedule();
    assert.equal((await issue((await draftsFor(elsewhere, 1))[0]!)).number, 'INV-2026-000001');
  });

  test('the seed loader can set a legal entity prefix; the sequence continues across years', async () => {
    const s = await schedule();
    await setNumberSeriesPrefix(h.db, s.legalEntityId, 'INVOICE', 'ACME-CA-');
    const [a, b] = await draftsFor(s, 2);
    assert.equal((await issue(a!, '2026-12-31')).number, 'ACME-CA-2026-000001');
    assert.equal((await issue(b!, '2027-01-01')).number, 'ACME-CA-2027-000002');
    await assert.rejects(setNumberSeriesPrefix(h.db, s.legalEntityId, 'INVOICE', 'bad prefix'), /prefix/);
  });
});

describe('billing federation', () => {
  test('_entities resolves every owned entity and the Project/Account extensions; unknown ids are null', async () => {
    const card = (await h.ok<{ createRateCard: { id: string } }>(`mutation { createRateCard(input: { name: "E", scope: STANDARD, currency: "CAD", effectiveFrom: "2026-01-01", lines: [{ roleCode: "DEV", billRate: "100" }] }) { id } }`)).createRateCard;
    const s = await schedule();
    const item = await record(s.projectId, { quantity: '2' });
    const inv = await issue((await draft(s.id)).id);
    const memo = await creditMemo(inv.id, { lines: [{ invoiceLineId: inv.lines[0].id, netAmount: cad('100') }] });
    await record(s.projectId, { quantity: '1' });
    const d = await h.ok<{ _entities: any[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on RateCard { id lines { billRate } }
        ... on BillingSchedule { id scheduleStatus: status project { id } }
        ... on BillableItem { id itemStatus: status itemInvoice: invoice { number } }
        ... on Invoice { id number lines { project { id } } creditMemos { id } }
        ... on CreditMemo { id memoInvoice: invoice { id } total { amountMinor } }
        ... on Project { id billedToDate { amountMinor currency amount } unbilledWip { amountMinor } invoices { id } billingSchedules { id } billableItems(statuses: [INVOICED]) { id } }
        ... on Account { id invoices(statuses: [ISSUED]) { id } }
      } }`,
      {
        r: [
          { __typename: 'RateCard', id: card.id }, { __typename: 'BillingSchedule', id: s.id }, { __typename: 'BillableItem', id: item.id },
          { __typename: 'Invoice', id: inv.id }, { __typename: 'CreditMemo', id: memo.id },
          { __typename: 'Project', id: s.projectId, currency: 'CAD' }, { __typename: 'Account', id: s.accountId },
          { __typename: 'Invoice', id: 'inv_01NOTEXIST000000000000000' }, { __typename: 'RateCard', id: 'rc_01NOTEXIST000000000000000' },
          { __typename: 'Project', id: newId('prj'), currency: 'JPY' },
        ],
      },
    );
    const [rc, bs, bi, invoice, cm, project, account, missingInvoice, missingCard, emptyProject] = d._entities;
    assert.deepEqual(rc, { id: card.id, lines: [{ billRate: '100.0000' }] });
    assert.deepEqual(bs, { id: s.id, scheduleStatus: 'ACTIVE', project: { id: s.projectId } });
    assert.deepEqual(bi, { id: item.id, itemStatus: 'INVOICED', itemInvoice: { number: inv.number } });
    assert.deepEqual(invoice, { id: inv.id, number: inv.number, lines: [{ project: { id: s.projectId } }], creditMemos: [{ id: memo.id }] });
    assert.deepEqual(cm, { id: memo.id, memoInvoice: { id: inv.id }, total: { amountMinor: '113' } });
    assert.deepEqual(project, {
      id: s.projectId, billedToDate: { amountMinor: '30000', currency: 'CAD', amount: '300.00' }, unbilledWip: { amountMinor: '15000' },
      invoices: [{ id: inv.id }], billingSchedules: [{ id: s.id }], billableItems: [{ id: item.id }],
    });
    assert.deepEqual(account, { id: s.accountId, invoices: [{ id: inv.id }] });
    assert.equal(missingInvoice, null);
    assert.equal(missingCard, null);
    assert.deepEqual(emptyProject.billedToDate, { amountMinor: '0', currency: 'JPY', amount: '0' });
  });

  test('billing figures need the project currency and refuse a currency the project is not billed in', async () => {
    const s = await schedule();
    await record(s.projectId);
    const wrong = await h.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { billedToDate { amountMinor } unbilledWip { amountMinor } } } }`, {
      r: [{ __typename: 'Project', id: s.projectId, currency: 'USD' }],
    });
    assert.equal(wrong.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(wrong.errors?.[0]?.message ?? '', /CAD/);
    const missing = await h.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Project { unbilledWip { amountMinor } } } }`, { r: [{ __typename: 'Project', id: s.projectId }] });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  test('batching: statements per _entities call do not grow with the number of projects and accounts', async () => {
    // Bulk-load 200 billed projects the way the seed loader does: domain functions build records, tables insert them.
    const taxCode: TaxCode = { code: 'CA-HST-ON', ratePct: '13.0000', description: 'HST' };
    const now = '2026-03-31T00:00:00.000Z';
    const schedules: BillingSchedule[] = [];
    const items: BillableItem[] = [];
    const docs: Invoice[] = [];
    const lines: InvoiceLine[] = [];
    const projects: string[] = [];
    const accounts: string[] = [];
    for (let p = 0; p < 200; p += 1) {
      const projectId = newId('prj');
      const accountId = newId('acc');
      projects.push(projectId);
      accounts.push(accountId);
      const sched = transitionBillingSchedule(
        createBillingSchedule(newId('bs'), { projectId, accountId, legalEntityId: 'le_bulk', type: 'FIXED_FEE_INTERVAL', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON', lines: [{ plannedDate: '2026-06-30', amount: { amountMinor: 100000n, currency: 'CAD' } }] }, { taxCode, rateCard: null }, now, () => newId('bsl')),
        'ACTIVATE', now,
      );
      schedules.push(sched);
      const made = [1, 2, 3].map((n) => createBillableItem(newId('bi'), validateRecording({ sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId, serviceDate: `2026-03-0${n}`, description: 'Work', quantity: `${n}.5`, unitPrice: '120' }), sched, { billedToDate: { amountMinor: 0n, currency: 'CAD' }, openWip: { amountMinor: 0n, currency: 'CAD' } }, now));
      const drafted = draftInvoice(newId('inv'), { schedule: sched, items: made.slice(0, 2), taxCode }, now, () => newId('invl'));
      const issued = issueInvoice(drafted.invoice, `BULK-${p}`, '2026-03-31', now);
      docs.push(issued);
      lines.push(...drafted.lines);
      items.push(...invoiceItems(issued, drafted.items, now), made[2]!);
    }
    await billingSchedules.insertMany(h.db, schedules);
    await billableItems.insertMany(h.db, items);
    await invoices.insertMany(h.db, docs);
    await invoiceLines.insertMany(h.db, lines);

    const roundTrips = async (n: number): Promise<number> => {
      const reps = [
        ...projects.slice(0, n).map((id) => ({ __typename: 'Project', id, currency: 'CAD' })),
        ...accounts.slice(0, n).map((id) => ({ __typename: 'Account', id })),
      ];
      h.db.stats.take();
      const d = await h.ok<{ _entities: any[] }>(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Project { billedToDate { amountMinor } unbilledWip { amountMinor } billingSchedules { id lines { amount { amountMinor } } }
                           billableItems { id } ready: billableItems(statuses: [READY]) { id } invoices { id lines { netAmount { amountMinor } } creditMemos { id } } }
          ... on Account { invoices(statuses: [ISSUED, POSTED]) { id total { amountMinor } } }
        } }`,
        { r: reps },
      );
      const count = h.db.stats.take();
      const first = d._entities[0];
      assert.equal(first.billedToDate.amountMinor, '48000'); // 1.5 h + 2.5 h at 120 on the issued invoice
      assert.equal(first.unbilledWip.amountMinor, '42000'); // 3.5 h at 120 still READY
      assert.equal(first.billingSchedules[0].lines[0].amount.amountMinor, '100000');
      assert.deepEqual([first.billableItems.length, first.ready.length, first.invoices.length, first.invoices[0].lines.length], [3, 1, 1, 1]);
      assert.equal(d._entities[n].invoices.length, 1);
      assert.equal(d._entities.length, 2 * n);
      return count;
    };
    const small = await roundTrips(10);
    const large = await roundTrips(200);
    assert.equal(large, small);
    // One statement each: billed, WIP, schedules, items, READY items, project invoices, their lines, their memos, account invoices.
    assert.ok(small <= 9, `expected at most 9 statements, got ${small}`);
  });
});
