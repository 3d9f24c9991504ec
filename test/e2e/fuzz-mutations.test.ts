import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { SUBGRAPH_NAMES } from '../../platform/topology.js';
import { startGraph, type Graph } from '../support/graph.js';

/**
 * Property-based fuzzing of mutation inputs through the gateway: money, dates, ids, unicode, huge strings, negative
 * amounts. Whatever the input, the answer is a typed error or a success, never a 5xx or an internal error, and a
 * failed mutation writes nothing (every write is audited, so the audit logs must not grow).
 */
let graph: Graph;
before(async () => {
  graph = await startGraph();
});
after(async () => graph?.stop());

const TYPED = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_TRANSITION', 'CONFLICT', 'VERSION_CONFLICT', 'FORBIDDEN', 'OPERATION_LIMIT_EXCEEDED', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED']);

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.constantFrom('', ' ', '\u0000', '💸', 'Robert\'); DROP TABLE accounts;--', '__proto__', '../../etc/passwd', '%00', '\u202e', 'null'),
);
const amountMinor = fc.oneof(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String), fc.constantFrom('0', '-1', '1.5', '1e3', ' 1', '', '99999999999999999999999999999999', 'NaN'), nasty);
const currency = fc.oneof(fc.constantFrom('USD', 'CAD', 'EUR', 'JPY', 'usd', 'XXX', 'US', ''), nasty);
const money = fc.record({ amountMinor, currency });
const date = fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', '', '2026-1-1'), nasty);
const decimal = fc.oneof(fc.double({ noNaN: false }).map(String), fc.constantFrom('1', '0', '-0.0001', '150.12345', '1e10', '1,5', ''), nasty);
const id = (prefix: string) => fc.oneof(fc.constant(`${prefix}_01ZZZZZZZZZZZZZZZZZZZZZZZZ`), fc.constantFrom('', 'x', `${prefix}_`, 'prj_../../'), nasty);

const cases: Array<{ name: string; mutation: string; input: fc.Arbitrary<Record<string, unknown>> }> = [
  {
    name: 'createAccount',
    mutation: 'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
    input: fc.record({ name: nasty, ownerUserId: nasty, legalName: fc.option(nasty), defaultCurrency: fc.option(currency), billingAddress: fc.option(fc.record({ lines: fc.array(nasty, { maxLength: 6 }), city: nasty, country: nasty })) }),
  },
  {
    name: 'createOpportunity',
    mutation: 'mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }',
    input: fc.record({ accountId: id('acc'), name: nasty, amount: money, expectedCloseDate: date, pricingModel: fc.constantFrom('TIME_AND_MATERIALS', 'FIXED_FEE'), legalEntityId: nasty, ownerUserId: nasty }),
  },
  {
    name: 'createContract',
    mutation: 'mutation($i: CreateContractInput!) { createContract(input: $i) { id } }',
    input: fc.record({ accountId: id('acc'), kind: fc.constantFrom('SOW', 'MSA'), legalEntityId: nasty, startDate: date, endDate: fc.option(date), billingModel: fc.constantFrom('FIXED_FEE'), originalValue: money, notToExceed: fc.option(money), paymentTermsDays: fc.option(fc.integer({ min: -1000, max: 100000 })) }),
  },
  {
    name: 'createProject',
    mutation: 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
    input: fc.record({ name: nasty, accountId: id('acc'), legalEntityId: nasty, billingModel: fc.constantFrom('TIME_AND_MATERIALS', 'NON_BILLABLE'), currency, startDate: date, endDate: fc.option(date), projectManagerId: id('res'), budgetRevenue: fc.option(money), marginThresholdPct: fc.option(decimal), budgetMinutes: fc.option(fc.integer()) }),
  },
  {
    name: 'createTimeEntry',
    mutation: 'mutation($i: CreateTimeEntryInput!) { createTimeEntry(input: $i) { id } }',
    input: fc.record({ assignmentId: id('asg'), workDate: date, minutes: fc.integer({ min: -100000, max: 100000 }), billableMinutes: fc.option(fc.integer({ min: -100, max: 100000 })), notes: fc.option(nasty) }),
  },
  {
    name: 'recordBillableItem',
    mutation: 'mutation($i: RecordBillableItemInput!) { recordBillableItem(input: $i) { id } }',
    input: fc.record({ sourceType: fc.constantFrom('TIME', 'ADJUSTMENT'), sourceId: nasty, sourceVersion: fc.integer(), projectId: id('prj'), serviceDate: date, description: nasty, quantity: decimal, unitPrice: decimal }),
  },
  {
    name: 'recordPayment',
    mutation: 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }',
    input: fc.record({ customerFinancialId: id('cf'), receivedDate: date, amount: money, method: fc.constantFrom('BANK_TRANSFER', 'CARD'), bankReference: fc.option(nasty), applications: fc.option(fc.array(fc.record({ receivableId: id('ar'), amount: money }), { maxLength: 3 })) }),
  },
  {
    name: 'postManualJournal',
    mutation: 'mutation($i: PostManualJournalInput!) { postManualJournal(input: $i) { id } }',
    input: fc.record({ legalEntityId: nasty, postingDate: date, description: nasty, lines: fc.array(fc.record({ accountCode: fc.oneof(fc.constantFrom('1000', '4000', '9999'), nasty), debitMinor: fc.option(amountMinor), creditMinor: fc.option(amountMinor) }), { maxLength: 4 }) }),
  },
  {
    name: 'createExchangeRate',
    mutation: 'mutation($i: CreateExchangeRateInput!) { createExchangeRate(input: $i) { id } }',
    input: fc.record({ from: currency, to: currency, rateDate: date, rateType: fc.constantFrom('SPOT', 'MONTH_END'), rate: decimal, source: nasty }),
  },
];

async function auditCount(): Promise<number> {
  let n = 0;
  for (const name of SUBGRAPH_NAMES) n += Number((await graph.dbs[name].query<{ n: bigint }>('SELECT count(*)::bigint AS n FROM audit_log'))[0]?.n ?? 0n);
  return n;
}

test('mutations under arbitrary input: no 5xx, only typed errors, no write on failure', async (t) => {
  let runs = 0;
  let successes = 0;
  for (const c of cases) {
    await fc.assert(
      fc.asyncProperty(c.input, async (input) => {
        runs += 1;
        const before = await auditCount();
        const r = await graph.post(c.mutation, { i: input });
        assert.ok(r.status < 500, `${c.name}: HTTP ${r.status}`);
        const errors: any[] = r.body?.errors ?? [];
        for (const e of errors) assert.ok(TYPED.has(e.extensions?.code), `${c.name}: untyped error ${JSON.stringify(e).slice(0, 300)}`);
        const after = await auditCount();
        if (errors.length > 0) assert.equal(after, before, `${c.name}: a failed mutation wrote ${after - before} audited change(s)`);
        else successes += 1;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 20261122 },
    );
  }
  t.diagnostic(`${runs} fuzzed mutations, ${successes} accepted, 0 server errors, 0 writes on failure`);
});
