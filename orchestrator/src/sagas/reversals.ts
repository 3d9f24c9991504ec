import type { DomainEvent } from '../../../platform/events/event.js';
import { StepFailure } from '../domain/failure.js';
import type { SagaDefinition, StepContext } from '../domain/saga.js';
import { call, moneyInput, valuesOf, type MoneyPayload } from './common.js';
import { entryBatches, transitionTo } from './post-invoice.js';

/** The payload of `InvoiceVoided` (billing). */
interface Voided {
  invoiceId: string;
  wasPosted: boolean;
  timeEntryIds: string[];
  expenseEntryIds: string[];
}

/** The payload of `CreditMemoIssued` (billing). */
interface Credited {
  creditMemoId: string;
  number: string;
  invoiceId: string;
  documentDate: string;
  lines: Array<{ projectId: string; netAmount: MoneyPayload; taxAmount: MoneyPayload }>;
  releasesBillableItems: boolean;
  timeEntryIds: string[];
  expenseEntryIds: string[];
}

const hasReleasedEntries = (values: Record<string, unknown>) =>
  ((values.timeEntryIds as string[] | undefined)?.length ?? 0) + ((values.expenseEntryIds as string[] | undefined)?.length ?? 0) > 0;

/** Entries whose billable items were released become APPROVED again in projects (billable anew; never deleted). */
async function releaseEntries(ctx: StepContext): Promise<Record<string, unknown>> {
  const v = valuesOf<{ timeEntryIds: string[]; expenseEntryIds: string[] }>(ctx);
  for (const [i, batch] of entryBatches(v.timeEntryIds, v.expenseEntryIds).entries()) {
    await call(ctx, 'projects', `mutation($i: UnbillEntriesInput!) { unbillEntries(input: $i) }`, {
      i: { timeEntryIds: batch.time, expenseEntryIds: batch.expense, idempotencyKey: ctx.key(String(i)) },
    });
  }
  return {};
}

/**
 * Flow 6 — an invoice voided in billing: when it had reached the ledger, finance posts the reversing journal and
 * closes the receivable as VOID; the entries it billed become APPROVED again (their items are READY again in billing).
 */
export const voidInvoiceSaga: SagaDefinition = {
  type: 'VOID_INVOICE',
  trigger: {
    eventType: 'InvoiceVoided',
    naturalKey: (e: DomainEvent) => `void:${e.entity.id}`,
    subject: (e) => ({ typename: 'Invoice', id: e.entity.id }),
    initialContext: (e) => ({ ...e.payload }),
    triggeredAt: (e) => e.occurredAt,
  },
  steps: [
    {
      name: 'ledger',
      applies: (values) => (values as unknown as Voided).wasPosted === true,
      run: async (ctx) => {
        const data = await call<{ voidInvoiceInLedger: { id: string; status: string } }>(
          ctx, 'finance', `mutation($i: VoidInvoiceInLedgerInput!) { voidInvoiceInLedger(input: $i) { id status } }`,
          { i: { invoiceId: valuesOf<Voided>(ctx).invoiceId, idempotencyKey: ctx.key() } },
        );
        return { receivableStatus: data.voidInvoiceInLedger.status, links: [{ entityType: 'Receivable', entityId: data.voidInvoiceInLedger.id }] };
      },
    },
    { name: 'release', applies: hasReleasedEntries, run: releaseEntries },
  ],
};

/**
 * Flow 6 — a credit memo issued in billing: finance posts it against the invoice's receivable (reversing journal,
 * receivable reduced or closed as CREDITED), billing marks it POSTED, and when it released billable items their
 * entries become APPROVED again. A credit memo issued before its invoice reached the ledger waits for the posting.
 */
export const creditMemoSaga: SagaDefinition = {
  type: 'CREDIT_MEMO',
  trigger: {
    eventType: 'CreditMemoIssued',
    naturalKey: (e: DomainEvent) => `credit:${e.entity.id}`,
    subject: (e) => ({ typename: 'CreditMemo', id: e.entity.id }),
    initialContext: (e) => ({ ...e.payload }),
    triggeredAt: (e) => e.occurredAt,
  },
  steps: [
    {
      name: 'ledger',
      run: async (ctx) => {
        const v = valuesOf<Credited>(ctx);
        const invoice = (await call<{ invoice: { status: string } | null }>(ctx, 'billing', `query($id: ID!) { invoice(id: $id) { status } }`, { id: v.invoiceId })).invoice;
        if (invoice?.status === 'ISSUED') {
          throw new StepFailure(`invoice ${v.invoiceId} has not reached the ledger yet`, 'WAITING_FOR_POSTING', true, { invoiceId: v.invoiceId });
        }
        const data = await call<{ postCreditMemoToLedger: { id: string; status: string } }>(
          ctx, 'finance', `mutation($i: PostCreditMemoToLedgerInput!) { postCreditMemoToLedger(input: $i) { id status } }`,
          {
            i: {
              creditMemoId: v.creditMemoId, creditMemoNumber: v.number, invoiceId: v.invoiceId, documentDate: v.documentDate, idempotencyKey: ctx.key(),
              lines: v.lines.map((l) => ({ projectId: l.projectId, netAmount: moneyInput(l.netAmount), taxAmount: moneyInput(l.taxAmount) })),
            },
          },
        );
        return { receivableStatus: data.postCreditMemoToLedger.status, links: [{ entityType: 'Receivable', entityId: data.postCreditMemoToLedger.id }] };
      },
    },
    {
      name: 'posted',
      run: async (ctx) => {
        const id = valuesOf<Credited>(ctx).creditMemoId;
        await transitionTo(
          ctx,
          () => call(ctx, 'billing', `mutation($i: TransitionCreditMemoInput!) { transitionCreditMemo(input: $i) { id status } }`, { i: { id, action: 'POST', idempotencyKey: ctx.key() } }),
          async () => ['POSTED', 'APPLIED'].includes((await call<{ creditMemo: { status: string } | null }>(ctx, 'billing', `query($id: ID!) { creditMemo(id: $id) { status } }`, { id })).creditMemo?.status ?? ''),
        );
        return {};
      },
    },
    { name: 'release', applies: hasReleasedEntries, run: releaseEntries },
  ],
};
