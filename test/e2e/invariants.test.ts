import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkInvariants, type InvariantReport } from '../../ops/invariants.js';
import { seedDatabases } from '../../seed/index.js';
import { principal } from '../support/auth.js';
import { startGraph, type Graph } from '../support/graph.js';

let graph: Graph;
let check: () => Promise<InvariantReport>;

before(async () => {
  graph = await startGraph({ prepare: async (dbs) => void (await seedDatabases(dbs, 'demo')) });
  const token = graph.tokenFor(principal(['integration_admin', 'executive', 'finance'], '*'));
  check = () => checkInvariants({ url: graph.gateway.url, token });
});
after(async () => graph?.stop());

const violated = (r: InvariantReport) => r.violations.map((v) => v.invariant).sort();

/**
 * Runs `tamper`, expects exactly the given invariants to be reported, each naming the given text (a key among its
 * samples, or in its detail), then undoes the tampering and expects a sound state again.
 */
async function expectViolation(expected: Record<string, string>, tamper: () => Promise<unknown>, undo: () => Promise<unknown>): Promise<void> {
  await tamper();
  try {
    const report = await check();
    assert.equal(report.ok, false);
    assert.deepEqual(violated(report), Object.keys(expected).sort());
    for (const v of report.violations) {
      const text = expected[v.invariant] as string;
      assert.ok(v.samples.some((s) => s.includes(text)) || v.detail.includes(text), `${v.invariant} names ${text}: ${JSON.stringify(v)}`);
    }
  } finally {
    await undo();
  }
  assert.equal((await check()).ok, true, 'the undo restores a sound state');
}

/** Inserts a copy of a row under another id, with some columns changed. */
async function copyRow(db: Graph['dbs']['billing'], table: string, id: string, changes: Record<string, unknown>): Promise<void> {
  const [row] = await db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  const copy: Record<string, unknown> = { ...row, ...changes };
  const columns = Object.keys(copy);
  await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => {
    const v = copy[c];
    return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
  }));
}

describe('npm run check:invariants (ops/invariants.ts) against a running graph', () => {
  test('a seeded firm satisfies every invariant', async () => {
    const report = await check();
    assert.deepEqual(report.violations, []);
    assert.equal(report.ok, true);
    assert.ok(report.counts['projects.billableTimeEntries']! > 500, 'the sets compared are not empty');
    assert.equal(report.counts['projects.billableTimeEntries'], report.counts['billing.timeItemSources']);
  });

  test('a second live billable item for one time entry is reported', async () => {
    const [item] = await graph.dbs.billing.query<{ id: string; source_id: string; source_version: number }>(`SELECT id, source_id, source_version FROM billable_items WHERE source_type = 'TIME' AND status = 'READY' LIMIT 1`);
    assert.ok(item);
    await expectViolation(
      { 'one-item-per-approved-time-entry': item.source_id },
      () => copyRow(graph.dbs.billing, 'billable_items', item.id, { id: `${item.id}_dup`, source_version: Number(item.source_version) + 1, idempotency_key: `${item.id}_dup` }),
      () => graph.dbs.billing.query(`DELETE FROM billable_items WHERE id = $1`, [`${item.id}_dup`]),
    );
  });

  test('an approved time entry without a billable item is reported', async () => {
    const [item] = await graph.dbs.billing.query<{ id: string; source_id: string; status: string }>(`SELECT id, source_id, status FROM billable_items WHERE source_type = 'TIME' AND status = 'READY' LIMIT 1`);
    assert.ok(item);
    await expectViolation(
      { 'one-item-per-approved-time-entry': item.source_id },
      () => graph.dbs.billing.query(`UPDATE billable_items SET status = 'CANCELLED' WHERE id = $1`, [item.id]),
      () => graph.dbs.billing.query(`UPDATE billable_items SET status = $2 WHERE id = $1`, [item.id, item.status]),
    );
  });

  test('a journal entry whose lines do not balance is reported', async () => {
    const [line] = await graph.dbs.finance.query<{ journal_entry_id: string; line_no: number; debit_minor: string }>(
      `SELECT journal_entry_id, line_no, debit_minor FROM journal_lines WHERE debit_minor > 0 LIMIT 1`,
    );
    assert.ok(line);
    await expectViolation(
      { 'finance.journalsBalanced': line.journal_entry_id },
      () => graph.dbs.finance.query(`UPDATE journal_lines SET debit_minor = debit_minor + 1 WHERE journal_entry_id = $1 AND line_no = $2`, [line.journal_entry_id, line.line_no]),
      () => graph.dbs.finance.query(`UPDATE journal_lines SET debit_minor = debit_minor - 1 WHERE journal_entry_id = $1 AND line_no = $2`, [line.journal_entry_id, line.line_no]),
    );
  });

  test('a posted invoice without its receivable and journal is reported', async () => {
    const [r] = await graph.dbs.finance.query<{ invoice_id: string; document_type: string }>(`SELECT invoice_id, document_type FROM receivables WHERE document_type = 'INVOICE' LIMIT 1`);
    const [j] = await graph.dbs.finance.query<{ id: string }>(`SELECT id FROM journal_entries WHERE source_type = 'INVOICE' AND source_id = $1`, [r!.invoice_id]);
    await expectViolation(
      { 'one-journal-per-posted-invoice': r!.invoice_id, 'one-receivable-per-posted-invoice': r!.invoice_id },
      async () => {
        await graph.dbs.finance.query(`UPDATE receivables SET document_type = 'TAMPERED' WHERE invoice_id = $1`, [r!.invoice_id]);
        await graph.dbs.finance.query(`UPDATE journal_entries SET source_type = 'MANUAL' WHERE id = $1`, [j!.id]);
      },
      async () => {
        await graph.dbs.finance.query(`UPDATE receivables SET document_type = 'INVOICE' WHERE invoice_id = $1`, [r!.invoice_id]);
        await graph.dbs.finance.query(`UPDATE journal_entries SET source_type = 'INVOICE' WHERE id = $1`, [j!.id]);
      },
    );
  });

  test('a won opportunity with two live projects, or none, is reported', async () => {
    const [p] = await graph.dbs.projects.query<{ id: string; opportunity_id: string }>(`SELECT id, opportunity_id FROM projects WHERE opportunity_id IS NOT NULL AND status <> 'CANCELLED' LIMIT 1`);
    assert.ok(p);
    await expectViolation(
      { 'one-project-per-won-opportunity': p.opportunity_id },
      () => graph.dbs.projects.query(`UPDATE projects SET opportunity_id = NULL WHERE id = $1`, [p.id]),
      () => graph.dbs.projects.query(`UPDATE projects SET opportunity_id = $2 WHERE id = $1`, [p.id, p.opportunity_id]),
    );
  });

  test('an unpublished outbox event and a run left RUNNING are reported', async () => {
    // The relay would publish an unpublished row at once; stop the crm relay while the row is unpublished.
    const relay = graph.relays.find((r) => r.source === 'crm')!;
    await relay.stop();
    try {
      await expectViolation(
        { 'outbox-published': 'crm has 1 unpublished', 'orchestration.runsTerminal': 'run_tamper' },
        async () => {
          await graph.dbs.crm.query(
            `INSERT INTO outbox (event_id, type, entity_type, entity_id, occurred_at, correlation_id, actor, payload) VALUES ('evt_tamper', 'Tampered', 'Account', 'acc_x', now(), 'c', 'a', '{}')`,
          );
          await graph.orchestrationDb.query(
            `INSERT INTO saga_runs (id, correlation_id, saga_type, natural_key, status, generation, context, subject_type, subject_id, trigger_event_id, triggered_at, started_at, updated_at, completed_at, version)
             VALUES ('run_tamper', 'run_tamper', 'WIN_OPPORTUNITY', 'tamper', 'RUNNING', 1, '{}', 'Opportunity', 'opp_x', NULL, now(), now(), now(), NULL, 1)`,
          );
        },
        async () => {
          await graph.dbs.crm.query(`DELETE FROM outbox WHERE event_id = 'evt_tamper'`);
          await graph.orchestrationDb.query(`DELETE FROM saga_runs WHERE id = 'run_tamper'`);
        },
      );
    } finally {
      relay.start();
    }
  });

  test('only an integration admin may read the integrity reports', async () => {
    const token = graph.tokenFor(principal(['finance', 'executive'], '*'));
    await assert.rejects(checkInvariants({ url: graph.gateway.url, token }), /refused the integrity query/);
  });
});
