import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nonNullProtectedFields } from '../../platform/graphql/authz.js';
import { newId, type Invocation } from '../../platform/domain/index.js';
import { billingMigrations, createBillingSubgraph } from '../../subgraphs/billing/src/index.js';
import { EXECUTIVE, principal } from '../support/auth.js';
import { dropTestDatabases, openTestDatabase } from '../support/db.js';
import { SubgraphHarness, type TestResult } from '../support/subgraph-harness.js';

let subgraph: ReturnType<typeof createBillingSubgraph>;
let h: SubgraphHarness<ReturnType<ReturnType<typeof createBillingSubgraph>['createContext']>>;

const usFinance = principal(['finance'], ['le_us'], null, 'usr_us_finance');
const caFinance = principal(['finance'], ['le_ca'], null, 'usr_ca_finance');
const noEntityFinance = principal(['finance'], [], null, 'usr_no_entity');
const usSales = principal(['sales'], ['le_us'], null, 'usr_us_sales');
const executiveOnly = principal(['executive'], '*', null, 'usr_exec_only');
const biReader = principal(['bi_reader'], '*', null, 'usr_bi');
const pm = principal(['project_manager'], '*', null, 'usr_pm');
const consultant = principal(['consultant'], '*', 'res_consultant1', 'usr_consultant');
const admin = principal(['integration_admin'], '*', null, 'usr_integration');

/**
 * One client, one project billed first by le_us (schedule then COMPLETED) and then by le_ca, so that every list and
 * aggregate of the project mixes rows of both legal entities. Rate cards: a shared STANDARD card and one card per
 * legal entity; the le_ca schedule prices with the le_us card (set up by an all-entity executive), so a nested
 * reference from a visible row to an invisible one is exercised too.
 */
const f = {
  accountId: newId('acc'), projectId: newId('prj'),
  stdCard: '', usCard: '', caCard: '',
  usSched: '', caSched: '',
  usItems: [] as string[], caItems: [] as string[], caItemSource: '',
  usInvoice: '', caInvoice: '', usMemo: '', caMemo: '',
};

async function card(scope: string, legalEntityId: string | null): Promise<string> {
  const d = await h.ok<any>(`mutation($i: CreateRateCardInput!) { createRateCard(input: $i) { id } }`, {
    i: { name: `${scope} ${legalEntityId ?? 'shared'}`, scope, legalEntityId, currency: 'CAD', effectiveFrom: '2026-01-01', lines: [{ roleCode: 'DEV', billRate: '100' }] },
  });
  return d.createRateCard.id;
}

async function activeSchedule(legalEntityId: string, rateCardId: string | null, projectId = f.projectId, as = EXECUTIVE): Promise<string> {
  const d = await h.as(as).ok<any>(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
    i: { projectId, accountId: f.accountId, legalEntityId, type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON', rateCardId },
  });
  const id = d.createBillingSchedule.id;
  await h.as(as).ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: ACTIVATE }) { id } }`, { id });
  return id;
}

async function item(hours: string, projectId = f.projectId, as = EXECUTIVE, sourceId = newId('te')): Promise<string> {
  const d = await h.as(as).ok<any>(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, {
    i: { sourceType: 'TIME', sourceId, sourceVersion: 1, projectId, serviceDate: '2026-03-02', description: 'Consulting', quantity: hours, unitPrice: '100' },
  });
  return d.recordBillableItem.id;
}

async function draft(billingScheduleId: string, billableItemIds: string[], as = EXECUTIVE): Promise<string> {
  const d = await h.as(as).ok<any>(`mutation($i: CreateDraftInvoiceInput!) { createDraftInvoice(input: $i) { id } }`, { i: { billingScheduleId, billableItemIds } });
  return d.createDraftInvoice.id;
}

async function issued(billingScheduleId: string, billableItemIds: string[], as = EXECUTIVE): Promise<string> {
  const id = await draft(billingScheduleId, billableItemIds, as);
  await h.as(as).ok(`mutation($id: ID!) { issueInvoice(input: { id: $id, issueDate: "2026-03-31" }) { id } }`, { id });
  return id;
}

async function memo(invoiceId: string, as = EXECUTIVE, releasesBillableItems = false): Promise<string> {
  const d = await h.as(as).ok<any>(`mutation($i: CreateCreditMemoInput!) { createCreditMemo(input: $i) { id } }`, {
    i: { invoiceId, reason: 'DISCOUNT', releasesBillableItems },
  });
  return d.createCreditMemo.id;
}

const ids = (connection: { edges: Array<{ node: { id: string } }> }): string[] => connection.edges.map((e) => e.node.id).sort();
const codes = (r: TestResult): string[] => (r.errors ?? []).map((e) => String(e.extensions?.code));

async function auditCount(): Promise<number> {
  const rows = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
  return Number(rows[0]?.n);
}

/** Versions of fixture rows, read as the all-seeing executive (to prove a refused mutation wrote nothing). */
async function versions(): Promise<unknown> {
  return h.ok(`query($s: ID!, $i: ID!, $inv: ID!, $m: ID!, $c: ID!) {
    billingSchedule(id: $s) { version status } billableItem(id: $i) { version status invoice { id } }
    invoice(id: $inv) { version status } creditMemo(id: $m) { version status } rateCard(id: $c) { version effectiveTo }
  }`, { s: f.caSched, i: f.caItems[1], inv: f.caInvoice, m: f.caMemo, c: f.caCard });
}

before(async () => {
  const db = await openTestDatabase('billing', billingMigrations());
  subgraph = createBillingSubgraph(db);
  h = await SubgraphHarness.start(subgraph, db);
  f.stdCard = await card('STANDARD', null);
  f.usCard = await card('LEGAL_ENTITY', 'le_us');
  f.caCard = await card('LEGAL_ENTITY', 'le_ca');

  // le_us bills the project first: 1 h invoiced (10 000), 1 h still open (10 000); then its schedule completes.
  f.usSched = await activeSchedule('le_us', f.usCard, f.projectId, usFinance);
  f.usItems = [await item('1', f.projectId, usFinance), await item('1', f.projectId, usFinance)];
  f.usInvoice = await issued(f.usSched, [f.usItems[0]!], usFinance);
  f.usMemo = await memo(f.usInvoice, usFinance);
  await h.as(usFinance).ok(`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: COMPLETE }) { id } }`, { id: f.usSched });

  // le_ca takes over: 2 h invoiced (20 000), 2 h open (20 000). Its schedule prices with the le_us card.
  f.caSched = await activeSchedule('le_ca', f.usCard);
  f.caItemSource = newId('te');
  f.caItems = [await item('2', f.projectId, caFinance, f.caItemSource), await item('2', f.projectId, caFinance)];
  f.caInvoice = await issued(f.caSched, [f.caItems[0]!], caFinance);
  f.caMemo = await memo(f.caInvoice, caFinance);
});
after(async () => {
  await h.stop();
  await dropTestDatabases();
});

describe('billing access: legal-entity rows', () => {
  test('root fields and connections show only rows of the caller\'s legal entities (and shared rate cards), without an error', async () => {
    const byId = await h.as(caFinance).run<any>(`query($us: ID!, $ca: ID!, $usI: ID!, $caI: ID!, $usInv: ID!, $caInv: ID!, $usM: ID!, $caM: ID!, $std: ID!, $usC: ID!, $caC: ID!) {
      usS: billingSchedule(id: $us) { id } caS: billingSchedule(id: $ca) { id }
      usI: billableItem(id: $usI) { id } caI: billableItem(id: $caI) { id }
      usInv: invoice(id: $usInv) { id } caInv: invoice(id: $caInv) { id }
      usM: creditMemo(id: $usM) { id } caM: creditMemo(id: $caM) { id }
      std: rateCard(id: $std) { id } usC: rateCard(id: $usC) { id } caC: rateCard(id: $caC) { id }
    }`, {
      us: f.usSched, ca: f.caSched, usI: f.usItems[0], caI: f.caItems[0], usInv: f.usInvoice, caInv: f.caInvoice, usM: f.usMemo, caM: f.caMemo,
      std: f.stdCard, usC: f.usCard, caC: f.caCard,
    });
    assert.equal(byId.errors, undefined);
    assert.deepEqual(byId.data, {
      usS: null, caS: { id: f.caSched }, usI: null, caI: { id: f.caItems[0] }, usInv: null, caInv: { id: f.caInvoice },
      usM: null, caM: { id: f.caMemo }, std: { id: f.stdCard }, usC: null, caC: { id: f.caCard },
    });

    const LISTS = `{ rateCards(first: 100) { edges { node { id } } } billingSchedules(first: 100) { edges { node { id } } }
      billableItems(first: 100) { edges { node { id } } } invoices(first: 100) { edges { node { id } } }
      usInvoices: invoices(first: 100, filter: { legalEntityId: "le_us" }) { edges { node { id } } } }`;
    const ca = await h.as(caFinance).ok<any>(LISTS);
    assert.deepEqual(ids(ca.rateCards), [f.stdCard, f.caCard].sort());
    assert.deepEqual(ids(ca.billingSchedules), [f.caSched]);
    assert.deepEqual(ids(ca.billableItems), [...f.caItems].sort());
    assert.deepEqual(ids(ca.invoices), [f.caInvoice]);
    assert.deepEqual(ca.usInvoices.edges, []);

    const all = await h.ok<any>(LISTS);
    assert.deepEqual(ids(all.billingSchedules), [f.usSched, f.caSched].sort(), 'the all-entity executive sees both');
    assert.equal(all.billableItems.edges.length, 4);

    // A caller with no legal entity at all sees the shared card and nothing else.
    const none = await h.as(noEntityFinance).ok<any>(LISTS);
    assert.deepEqual(ids(none.rateCards), [f.stdCard]);
    assert.deepEqual([none.billingSchedules.edges, none.billableItems.edges, none.invoices.edges], [[], [], []]);
  });

  test('nested lists, references, extension fields and aggregates count only visible rows', async () => {
    const PROJECT = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { id billedToDate { amountMinor currency } unbilledWip { amountMinor }
                       billingSchedules { id rateCard { id } } billableItems { id invoice { id } } invoices { id creditMemos { id } } }
      ... on Account { id invoices { id } }
    } }`;
    const reps = { r: [{ __typename: 'Project', id: f.projectId, currency: 'CAD' }, { __typename: 'Account', id: f.accountId }] };

    const ca = await h.as(caFinance).run<any>(PROJECT, reps);
    assert.equal(ca.errors, undefined);
    const [caProject, caAccount] = ca.data._entities;
    assert.deepEqual(caProject.billedToDate, { amountMinor: '20000', currency: 'CAD' });
    assert.deepEqual(caProject.unbilledWip, { amountMinor: '20000' });
    assert.deepEqual(caProject.billingSchedules, [{ id: f.caSched, rateCard: null }], 'the le_us rate card of a le_ca schedule is invisible to le_ca');
    assert.deepEqual(caProject.billableItems.map((i: any) => i.id).sort(), [...f.caItems].sort());
    assert.deepEqual(caProject.billableItems.find((i: any) => i.id === f.caItems[0]).invoice, { id: f.caInvoice });
    assert.deepEqual(caProject.invoices, [{ id: f.caInvoice, creditMemos: [{ id: f.caMemo }] }]);
    assert.deepEqual(caAccount, { id: f.accountId, invoices: [{ id: f.caInvoice }] });

    const us = (await h.as(usFinance).ok<any>(PROJECT, reps))._entities;
    assert.deepEqual([us[0].billedToDate.amountMinor, us[0].unbilledWip.amountMinor], ['10000', '10000']);
    assert.deepEqual(us[0].billingSchedules, [{ id: f.usSched, rateCard: { id: f.usCard } }]);
    assert.deepEqual(us[0].invoices, [{ id: f.usInvoice, creditMemos: [{ id: f.usMemo }] }]);
    assert.deepEqual(us[1].invoices, [{ id: f.usInvoice }]);

    const all = (await h.ok<any>(PROJECT, reps))._entities;
    assert.deepEqual([all[0].billedToDate.amountMinor, all[0].unbilledWip.amountMinor], ['30000', '30000']);
    assert.equal(all[0].billingSchedules.length, 2);
    assert.equal(all[1].invoices.length, 2);

    // Nothing of le_ca leaks to a caller of no legal entity: the figures are zero, the lists empty.
    const none = (await h.as(noEntityFinance).ok<any>(PROJECT, reps))._entities;
    assert.deepEqual([none[0].billedToDate.amountMinor, none[0].unbilledWip.amountMinor, none[0].billingSchedules, none[0].invoices, none[1].invoices], ['0', '0', [], [], []]);
  });

  test('_entities of another legal entity\'s rows load as null, without an error', async () => {
    const r = await h.as(caFinance).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on RateCard { id } ... on BillingSchedule { id } ... on BillableItem { id } ... on Invoice { id } ... on CreditMemo { id }
    } }`, {
      r: [
        { __typename: 'RateCard', id: f.usCard }, { __typename: 'BillingSchedule', id: f.usSched }, { __typename: 'BillableItem', id: f.usItems[0] },
        { __typename: 'Invoice', id: f.usInvoice }, { __typename: 'CreditMemo', id: f.usMemo },
        { __typename: 'RateCard', id: f.stdCard }, { __typename: 'Invoice', id: f.caInvoice },
      ],
    });
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data._entities, [null, null, null, null, null, { id: f.stdCard }, { id: f.caInvoice }]);
  });
});

describe('billing access: roles', () => {
  test('a consultant gets FORBIDDEN and null for billing data, the rest of the answer intact', async () => {
    const list = await h.as(consultant).run<any>(`{ invoices(first: 5) { edges { node { id } } } rateCards(first: 5) { edges { node { id } } } }`);
    assert.deepEqual(list.data, { invoices: null, rateCards: null });
    assert.deepEqual(codes(list), ['FORBIDDEN', 'FORBIDDEN']);

    const ext = await h.as(consultant).run<any>(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Project { id billedToDate { amountMinor } unbilledWip { amountMinor } invoices { id } billingSchedules { id } billableItems { id } }
      ... on Account { id invoices { id } }
    } }`, { r: [{ __typename: 'Project', id: f.projectId, currency: 'CAD' }, { __typename: 'Account', id: f.accountId }] });
    assert.deepEqual(ext.data._entities, [
      { id: f.projectId, billedToDate: null, unbilledWip: null, invoices: null, billingSchedules: null, billableItems: null },
      { id: f.accountId, invoices: null },
    ]);
    assert.equal(ext.errors?.length, 6);
    assert.ok(codes(ext).every((c) => c === 'FORBIDDEN'));

    const owned = await h.as(consultant).run<any>(`query($r: [_Any!]!, $id: ID!) {
      invoice(id: $id) { id }
      _entities(representations: $r) { ... on Invoice { id } ... on BillableItem { id } }
    }`, { id: f.caInvoice, r: [{ __typename: 'Invoice', id: f.caInvoice }, { __typename: 'BillableItem', id: f.caItems[0] }] });
    assert.deepEqual(owned.data, { invoice: null, _entities: [null, null] });
    assert.deepEqual(codes(owned), ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });

  test('commercial read-only roles read billing data within their legal entities', async () => {
    const bi = await h.as(biReader).ok<any>(`query($id: ID!) { invoice(id: $id) { id total { amountMinor } lines { netAmount { amountMinor } } } }`, { id: f.usInvoice });
    assert.deepEqual(bi.invoice, { id: f.usInvoice, total: { amountMinor: '11300' }, lines: [{ netAmount: { amountMinor: '10000' } }] });
    const sales = await h.as(usSales).ok<any>(`query($us: ID!, $ca: ID!) { us: invoice(id: $us) { id } ca: invoice(id: $ca) { id } }`, { us: f.usInvoice, ca: f.caInvoice });
    assert.deepEqual(sales, { us: { id: f.usInvoice }, ca: null });
  });

  test('mutations by a role not allowed are FORBIDDEN and write nothing (only finance changes billing data; executives also rate cards)', async () => {
    const auditBefore = await auditCount();
    const stateBefore = await versions();
    const newProject = newId('prj');
    const attempts: Array<[typeof usSales, string, Record<string, unknown>]> = [
      [usSales, `mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
        i: { projectId: newProject, accountId: f.accountId, legalEntityId: 'le_us', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON' },
      }],
      [executiveOnly, `mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, {
        i: { sourceType: 'TIME', sourceId: newId('te'), sourceVersion: 1, projectId: f.projectId, serviceDate: '2026-03-03', description: 'x', quantity: '1', unitPrice: '1' },
      }],
      [executiveOnly, `mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: SUSPEND }) { id } }`, { id: f.caSched }],
      [pm, `mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: HOLD, reason: "PM says wait" }) { id } }`, { id: f.caItems[1] }],
      [biReader, `mutation($id: ID!) { postInvoice(input: { id: $id }) { id } }`, { id: f.caInvoice }],
      [usSales, `mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: ISSUE }) { id } }`, { id: f.caMemo }],
      [biReader, `mutation { createRateCard(input: { name: "BI card", scope: STANDARD, currency: "CAD", effectiveFrom: "2026-01-01", lines: [{ roleCode: "DEV", billRate: "1" }] }) { id } }`, {}],
      [pm, `mutation($id: ID!) { reviseRateCard(input: { id: $id, effectiveFrom: "2026-06-01", lines: [{ roleCode: "DEV", billRate: "2" }] }) { id } }`, { id: f.caCard }],
      [consultant, `mutation($id: ID!) { discardDraftInvoice(input: { id: $id }) }`, { id: f.caInvoice }],
    ];
    for (const [who, query, variables] of attempts) {
      const r = await h.as(who).run(query, variables);
      assert.deepEqual(codes(r), ['FORBIDDEN'], `${who.subject}: ${query.slice(0, 60)}`);
      assert.equal(r.data, null);
    }
    assert.equal(await auditCount(), auditBefore, 'no audit record: nothing was written');
    assert.deepEqual(await versions(), stateBefore);
    const schedules = await h.ok<any>(`query($p: ID!) { billingSchedules(filter: { projectId: $p }) { edges { node { id } } } }`, { p: newProject });
    assert.deepEqual(schedules.billingSchedules.edges, []);

    // Executives maintain rate cards, including without the finance role.
    const made = await h.as(executiveOnly).ok<any>(`mutation { createRateCard(input: { name: "Exec card", scope: STANDARD, currency: "USD", effectiveFrom: "2026-01-01", lines: [{ roleCode: "DEV", billRate: "1" }] }) { id version } }`);
    assert.equal(made.createRateCard.version, 1);
  });
});

describe('billing access: changes across legal entities', () => {
  test('creating in a foreign legal entity is FORBIDDEN, changing a foreign row is NOT_FOUND; nothing is written', async () => {
    const caDraft = await draft(f.caSched, [f.caItems[1]!], caFinance);
    const auditBefore = await auditCount();
    const stateBefore = await versions();
    const create = async (query: string, variables: Record<string, unknown>): Promise<string[]> => codes(await h.as(usFinance).run(query, variables));
    const newProject = newId('prj');

    assert.deepEqual(await create(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: { projectId: newProject, accountId: f.accountId, legalEntityId: 'le_ca', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON' },
    }), ['FORBIDDEN']);
    // The project's live schedule is le_ca's: an item recorded for it would be le_ca's. A replay of an le_ca item
    // is refused the same way (it must not hand out the existing le_ca item).
    for (const sourceId of [newId('te'), f.caItemSource]) {
      assert.deepEqual(await create(`mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }`, {
        i: { sourceType: 'TIME', sourceId, sourceVersion: 1, projectId: f.projectId, serviceDate: '2026-03-02', description: 'Consulting', quantity: '2', unitPrice: '100' },
      }), ['FORBIDDEN']);
    }
    assert.deepEqual(await create(`mutation($s: ID!) { createDraftInvoice(input: { billingScheduleId: $s }) { id } }`, { s: f.caSched }), ['FORBIDDEN']);
    assert.deepEqual(await create(`mutation($inv: ID!) { createCreditMemo(input: { invoiceId: $inv, reason: DISCOUNT }) { id } }`, { inv: f.caInvoice }), ['FORBIDDEN']);
    assert.deepEqual(await create(`mutation { createRateCard(input: { name: "CA card", scope: LEGAL_ENTITY, legalEntityId: "le_ca", currency: "CAD", effectiveFrom: "2026-01-01", lines: [{ roleCode: "DEV", billRate: "1" }] }) { id } }`, {}), ['FORBIDDEN']);

    const changes: Array<[string, Record<string, unknown>]> = [
      [`mutation($id: ID!) { transitionBillingSchedule(input: { id: $id, action: SUSPEND }) { id } }`, { id: f.caSched }],
      [`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: HOLD, reason: "wait" }) { id } }`, { id: f.caItems[1] }],
      [`mutation($id: ID!) { issueInvoice(input: { id: $id }) { id } }`, { id: caDraft }],
      [`mutation($id: ID!) { discardDraftInvoice(input: { id: $id }) }`, { id: caDraft }],
      [`mutation($id: ID!) { postInvoice(input: { id: $id }) { id } }`, { id: f.caInvoice }],
      [`mutation($id: ID!) { voidInvoice(input: { id: $id, reason: "wrong" }) { id } }`, { id: f.caInvoice }],
      [`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: ISSUE }) { id } }`, { id: f.caMemo }],
      [`mutation($id: ID!) { reviseRateCard(input: { id: $id, effectiveFrom: "2026-06-01", lines: [{ roleCode: "DEV", billRate: "2" }] }) { id } }`, { id: f.caCard }],
    ];
    for (const [query, variables] of changes) assert.deepEqual(codes(await h.as(usFinance).run(query, variables)), ['NOT_FOUND'], query.slice(0, 60));

    // A rate card of another legal entity cannot be referenced: it does not exist for the caller.
    const foreignCard = await h.as(usFinance).run(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: { projectId: newProject, accountId: f.accountId, legalEntityId: 'le_us', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON', rateCardId: f.caCard },
    });
    assert.deepEqual([codes(foreignCard), foreignCard.errors?.[0]?.extensions?.field], [['BAD_USER_INPUT'], 'rateCardId']);
    // One live schedule per project holds across legal entities, but the other entity's schedule is not named.
    const taken = await h.as(usFinance).run(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: { projectId: f.projectId, accountId: f.accountId, legalEntityId: 'le_us', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON' },
    });
    assert.deepEqual(codes(taken), ['CONFLICT']);
    assert.equal(taken.errors?.[0]?.extensions?.existingId, undefined);
    assert.ok(!taken.errors?.[0]?.message.includes(f.caSched), taken.errors?.[0]?.message);
    const takenForAll = await h.run(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id } }`, {
      i: { projectId: f.projectId, accountId: f.accountId, legalEntityId: 'le_us', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON' },
    });
    assert.equal(takenForAll.errors?.[0]?.extensions?.existingId, f.caSched, 'a caller who may see it is told which schedule');

    assert.equal(await auditCount(), auditBefore, 'no audit record: nothing was written');
    assert.deepEqual(await versions(), stateBefore);
    const draftNow = await h.ok<any>(`query($id: ID!) { invoice(id: $id) { status version } }`, { id: caDraft });
    assert.deepEqual(draftNow.invoice, { status: 'DRAFT', version: 1 });

    // Shared rate cards are usable by every legal entity; le_ca itself may discard its draft.
    const own = await h.as(usFinance).ok<any>(`mutation($i: CreateBillingScheduleInput!) { createBillingSchedule(input: $i) { id rateCard { id } } }`, {
      i: { projectId: newProject, accountId: f.accountId, legalEntityId: 'le_us', type: 'TIME_AND_MATERIALS', frequency: 'MONTHLY', currency: 'CAD', taxCode: 'CA-HST-ON', rateCardId: f.stdCard },
    });
    assert.deepEqual(own.createBillingSchedule.rateCard, { id: f.stdCard });
    assert.equal((await h.as(caFinance).ok<any>(`mutation($id: ID!) { discardDraftInvoice(input: { id: $id }) }`, { id: caDraft })).discardDraftInvoice, true);
  });
});

describe('billing access: audit', () => {
  const HISTORY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on EntityHistory { entityType entityId
    billing { actor roles operation correlationId action fromVersion toVersion fromStatus toStatus subgraph entityType entityId } } } }`;

  async function history(entities: Array<[string, string]>): Promise<any[][]> {
    const d = await h.as(admin).ok<any>(HISTORY, { r: entities.map(([entityType, entityId]) => ({ __typename: 'EntityHistory', entityType, entityId })) });
    return d._entities.map((e: any) => e.billing);
  }
  const steps = (entries: any[]) => entries.map((e) => [e.operation, e.action, e.fromVersion, e.toVersion, e.fromStatus, e.toStatus]);

  test('every creation, update, transition and deletion is audited with actor, roles, operation, correlation id, versions and statuses', async () => {
    const projectId = newId('prj');
    const fin = h.as(usFinance);
    const sched = await activeSchedule('le_us', null, projectId, usFinance);
    const [i1, i2] = [await item('1', projectId, usFinance), await item('3', projectId, usFinance)];
    await fin.ok(`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: HOLD, reason: "client review" }) { id } }`, { id: i2 });
    await fin.ok(`mutation($id: ID!) { transitionBillableItem(input: { id: $id, action: RELEASE }) { id } }`, { id: i2 });
    const inv = await issued(sched, [i1!], usFinance);
    const discarded = await draft(sched, [i2!], usFinance);
    await fin.ok(`mutation($id: ID!) { discardDraftInvoice(input: { id: $id }) }`, { id: discarded });
    const cm = await memo(inv, usFinance, true);
    await fin.ok(`mutation($id: ID!) { transitionCreditMemo(input: { id: $id, action: ISSUE }) { id } }`, { id: cm });
    const rc = await card('LEGAL_ENTITY', 'le_us');
    const revised = (await fin.ok<any>(`mutation($id: ID!) { reviseRateCard(input: { id: $id, expectedVersion: 1, effectiveFrom: "2026-07-01", lines: [{ roleCode: "DEV", billRate: "120" }] }) { id } }`, { id: rc })).reviseRateCard.id;

    const [schedH, i1H, i2H, invH, discardedH, cmH, rcH, revisedH] = await history([
      ['BillingSchedule', sched], ['BillableItem', i1!], ['BillableItem', i2!], ['Invoice', inv], ['Invoice', discarded], ['CreditMemo', cm], ['RateCard', rc], ['RateCard', revised],
    ]);
    assert.deepEqual(steps(schedH!), [
      ['createBillingSchedule', 'CREATE', null, 1, null, 'DRAFT'],
      ['transitionBillingSchedule', 'TRANSITION', 1, 2, 'DRAFT', 'ACTIVE'],
    ]);
    assert.deepEqual(steps(i1H!), [
      ['recordBillableItem', 'CREATE', null, 1, null, 'READY'],
      ['createDraftInvoice', 'UPDATE', 1, 2, 'READY', 'READY'],
      ['issueInvoice', 'TRANSITION', 2, 3, 'READY', 'INVOICED'],
      ['transitionCreditMemo', 'TRANSITION', 3, 4, 'INVOICED', 'READY'],
    ]);
    assert.deepEqual(steps(i2H!), [
      ['recordBillableItem', 'CREATE', null, 1, null, 'READY'],
      ['transitionBillableItem', 'TRANSITION', 1, 2, 'READY', 'ON_HOLD'],
      ['transitionBillableItem', 'TRANSITION', 2, 3, 'ON_HOLD', 'READY'],
      ['createDraftInvoice', 'UPDATE', 3, 4, 'READY', 'READY'],
      ['discardDraftInvoice', 'UPDATE', 4, 5, 'READY', 'READY'],
    ]);
    assert.deepEqual(steps(invH!), [
      ['createDraftInvoice', 'CREATE', null, 1, null, 'DRAFT'],
      ['issueInvoice', 'TRANSITION', 1, 2, 'DRAFT', 'ISSUED'],
    ]);
    assert.deepEqual(steps(discardedH!), [
      ['createDraftInvoice', 'CREATE', null, 1, null, 'DRAFT'],
      ['discardDraftInvoice', 'DELETE', 1, null, 'DRAFT', null],
    ]);
    assert.deepEqual(steps(cmH!), [
      ['createCreditMemo', 'CREATE', null, 1, null, 'DRAFT'],
      ['transitionCreditMemo', 'TRANSITION', 1, 2, 'DRAFT', 'ISSUED'],
    ]);
    // The card creation ran as the harness executive; the revision as le_us finance.
    assert.deepEqual(steps(rcH!), [['createRateCard', 'CREATE', null, 1, null, null], ['reviseRateCard', 'UPDATE', 1, 2, null, null]]);
    assert.deepEqual(steps(revisedH!), [['reviseRateCard', 'CREATE', null, 1, null, null]]);

    const byFinance = [schedH, i1H, i2H, invH, discardedH, cmH, revisedH].flat();
    for (const e of byFinance) {
      assert.deepEqual([e.actor, e.roles, e.correlationId, e.subgraph], ['usr_us_finance', ['finance'], 'test', 'billing'], JSON.stringify(e));
    }
    assert.equal(rcH![0].actor, EXECUTIVE.subject);

    const trail = await h.as(admin).ok<any>(`{ auditTrail: _entities(representations: [{ __typename: "AuditTrail", correlationId: "test" }]) { ... on AuditTrail { billing { entityType entityId action } } } }`);
    const recorded = new Set(trail.auditTrail[0].billing.map((e: any) => `${e.entityType}:${e.entityId}:${e.action}`));
    for (const key of [`Invoice:${discarded}:DELETE`, `CreditMemo:${cm}:TRANSITION`, `BillableItem:${i2}:UPDATE`, `RateCard:${revised}:CREATE`]) assert.ok(recorded.has(key), key);

    const denied = await h.as(usFinance).run<any>(HISTORY, { r: [{ __typename: 'EntityHistory', entityType: 'Invoice', entityId: inv }] });
    assert.deepEqual(denied.data?._entities, [{ entityType: 'Invoice', entityId: inv, billing: null }]);
    assert.deepEqual(codes(denied), ['FORBIDDEN']);
  });

  test('system work (the seed replay) calls the services without legal entities, may act anywhere, and is audited as itself', async () => {
    let hour = 8;
    const inv = (): Invocation => {
      const now = `2026-04-01T${String(hour++).padStart(2, '0')}:00:00.000Z`;
      return { actor: 'system:seed', correlationId: 'seed-2026-04-01', now: () => now };
    };
    const svc = subgraph.service;
    const projectId = newId('prj');
    const sched = await activeSchedule('le_ca', null, projectId, caFinance);
    const itemId = await item('1', projectId, caFinance);
    const first = await svc.createDraftInvoice({ billingScheduleId: sched, billableItemIds: [itemId] }, inv());
    const firstIssued = await svc.issueInvoice({ id: first.id }, '2026-04-01', inv());
    await svc.voidInvoice({ id: firstIssued.id }, 'Issued to the wrong billing contact', inv());
    const second = await svc.createDraftInvoice({ billingScheduleId: sched, billableItemIds: [itemId] }, inv());
    await svc.issueInvoice({ id: second.id, expectedVersion: 1 }, '2026-04-01', inv());
    const posted = await svc.postInvoice({ id: second.id }, inv());
    const credit = await svc.createCreditMemo({ invoiceId: posted.id, reason: 'DISCOUNT' }, inv());
    const issuedMemo = await svc.transitionCreditMemo({ id: credit.id }, 'ISSUE', inv());
    assert.deepEqual([posted.status, issuedMemo.status, issuedMemo.number], ['POSTED', 'ISSUED', 'CM-2026-000001']);

    const d = await h.as(admin).ok<any>(`{ _entities(representations: [{ __typename: "AuditTrail", correlationId: "seed-2026-04-01" }]) { ... on AuditTrail { billing { actor roles operation entityType action at } } } }`);
    const entries = d._entities[0].billing;
    assert.ok(entries.length >= 12, `expected the whole replay in the trail, got ${entries.length}`);
    assert.ok(entries.every((e: any) => e.actor === 'system:seed' && e.operation === null && e.roles.length === 0));
    assert.deepEqual(entries.filter((e: any) => e.entityType === 'Invoice').map((e: any) => e.action), ['CREATE', 'TRANSITION', 'TRANSITION', 'CREATE', 'TRANSITION', 'TRANSITION']);
  });

  test('every field a caller may be refused is nullable, so refusal never nulls its parent', () => {
    assert.deepEqual(nonNullProtectedFields(subgraph.schema), []);
  });
});
