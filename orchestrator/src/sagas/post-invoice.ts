import type { DomainEvent } from '../../../platform/events/event.js';
import { StepFailure } from '../domain/failure.js';
import type { SagaDefinition, StepContext } from '../domain/saga.js';
import { call, moneyInput, valuesOf, type MoneyPayload } from './common.js';

/** The payload of `InvoiceIssued` (billing). */
interface Issued {
  invoiceId: string;
  number: string;
  legalEntityId: string;
  accountId: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  lines: Array<{ projectId: string; netAmount: MoneyPayload; taxAmount: MoneyPayload }>;
  timeEntryIds: string[];
  expenseEntryIds: string[];
}

/** Most entries one `markEntriesBilled` / `unbillEntries` call carries. */
export const ENTRY_BATCH = 5000;

/** Splits entry ids into batches the projects subgraph accepts in one transaction. */
export function entryBatches(timeEntryIds: readonly string[], expenseEntryIds: readonly string[]): Array<{ time: string[]; expense: string[] }> {
  const batches: Array<{ time: string[]; expense: string[] }> = [];
  for (let i = 0; i < Math.max(timeEntryIds.length, expenseEntryIds.length); i += ENTRY_BATCH) {
    batches.push({ time: timeEntryIds.slice(i, i + ENTRY_BATCH), expense: expenseEntryIds.slice(i, i + ENTRY_BATCH) });
  }
  return batches;
}

/**
 * Runs a transition that may have happened already (a retried flow, or a person did it meanwhile): a refusal is
 * accepted when the record is in the wanted state, and rethrown otherwise.
 */
export async function transitionTo(ctx: StepContext, act: () => Promise<unknown>, isDone: () => Promise<boolean>): Promise<void> {
  try {
    await act();
  } catch (error) {
    if (error instanceof StepFailure && error.code === 'INVALID_TRANSITION' && (await isDone())) return;
    throw error;
  }
}

const invoiceStatus = async (ctx: StepContext, id: string): Promise<string | null> =>
  (await call<{ invoice: { status: string } | null }>(ctx, 'billing', `query($id: ID!) { invoice(id: $id) { status } }`, { id })).invoice?.status ?? null;

/**
 * Flow 2 (c, d) and the end of flow 3 — an issued invoice reaches the ERP: finance creates the receivable and the
 * balanced journal entry (AR, revenue, tax) in functional currency at the dated rate (idempotent per invoice), billing
 * marks the invoice POSTED, and projects marks its time and expense entries BILLED. Once the ledger has the invoice,
 * the flow only moves forward: a later step that fails for good waits as an exception for a replay (undoing a posting
 * is a void, which is a business decision, not a retry policy).
 */
export const postInvoiceSaga: SagaDefinition = {
  type: 'POST_INVOICE',
  // An issued invoice is with the client already: its receivable and journal go ahead of flows that start new work
  // (billing runs that draft the next invoices wait for a free worker first).
  priority: 1,
  trigger: {
    eventType: 'InvoiceIssued',
    naturalKey: (e: DomainEvent) => `post:${e.entity.id}`,
    subject: (e) => ({ typename: 'Invoice', id: e.entity.id }),
    initialContext: (e) => ({ ...e.payload }),
    triggeredAt: (e) => e.occurredAt,
  },
  steps: [
    {
      name: 'ledger',
      run: async (ctx) => {
        const v = valuesOf<Issued>(ctx);
        const data = await call<{ postInvoiceToLedger: { id: string; journalEntry: { id: string } | null } }>(
          ctx, 'finance',
          `mutation($i: PostInvoiceToLedgerInput!) { postInvoiceToLedger(input: $i) { id journalEntry { id } } }`,
          {
            i: {
              invoiceId: v.invoiceId, invoiceNumber: v.number, legalEntityId: v.legalEntityId, crmAccountId: v.accountId, currency: v.currency,
              documentDate: v.issueDate, dueDate: v.dueDate, idempotencyKey: ctx.key(),
              lines: v.lines.map((l) => ({ projectId: l.projectId, netAmount: moneyInput(l.netAmount), taxAmount: moneyInput(l.taxAmount) })),
            },
          },
        );
        const receivable = data.postInvoiceToLedger;
        return {
          receivableId: receivable.id, journalEntryId: receivable.journalEntry?.id ?? null,
          links: [{ entityType: 'Receivable', entityId: receivable.id }, ...(receivable.journalEntry ? [{ entityType: 'JournalEntry', entityId: receivable.journalEntry.id }] : [])],
        };
      },
      // Only reached when billing refuses to record the posting for good (the invoice was voided meanwhile).
      compensate: async (ctx) => {
        await call(ctx, 'finance', `mutation($i: VoidInvoiceInLedgerInput!) { voidInvoiceInLedger(input: $i) { id status } }`, { i: { invoiceId: ctx.values.invoiceId, idempotencyKey: ctx.key() } });
      },
    },
    {
      name: 'posted',
      run: async (ctx) => {
        const id = String(ctx.values.invoiceId);
        await transitionTo(
          ctx,
          () => call(ctx, 'billing', `mutation($i: InvoiceRefInput!) { postInvoice(input: $i) { id status } }`, { i: { id, idempotencyKey: ctx.key() } }),
          async () => (await invoiceStatus(ctx, id)) === 'POSTED',
        );
        return {};
      },
    },
    {
      name: 'billed',
      applies: (values) => ((values.timeEntryIds as string[] | undefined)?.length ?? 0) + ((values.expenseEntryIds as string[] | undefined)?.length ?? 0) > 0,
      run: async (ctx) => {
        const v = valuesOf<Issued>(ctx);
        const batches = entryBatches(v.timeEntryIds, v.expenseEntryIds);
        for (const [i, batch] of batches.entries()) {
          await call(ctx, 'projects', `mutation($i: MarkEntriesBilledInput!) { markEntriesBilled(input: $i) }`, {
            i: { timeEntries: batch.time.map((id) => ({ id })), expenseEntries: batch.expense.map((id) => ({ id })), idempotencyKey: ctx.key(String(i)) },
          });
        }
        return {};
      },
    },
  ],
};
