import type { DomainEvent } from '../../../platform/events/event.js';
import { toDecimalString } from '../../../platform/money/money.js';
import { hoursFromMinutes } from '../../../platform/money/quantity.js';
import { describeTimeItem } from '../../../subgraphs/billing/src/domain/recording.js';
import type { SagaDefinition } from '../domain/saga.js';
import { call, valuesOf, type MoneyPayload } from './common.js';

/** An entry of `TimeEntriesApproved` (projects). */
interface ApprovedTime {
  id: string;
  version: number;
  roleCode: string;
  workDate: string;
  billableMinutes: number;
  billableClass: string;
  billRate: string | null;
  approvedAt: string | null;
}

/** An entry of `ExpenseEntriesApproved` (projects). */
interface ApprovedExpense {
  id: string;
  version: number;
  incurredOn: string;
  category: string;
  billable: boolean;
  billAmount: MoneyPayload | null;
}

interface Approval<E> {
  projectId: string;
  legalEntityId: string;
  currency: string;
  billingModel?: string;
  entries: E[];
}

/** A `RecordBillableItemInput`. */
interface ItemInput {
  sourceType: 'TIME' | 'EXPENSE';
  sourceId: string;
  sourceVersion: number;
  projectId: string;
  serviceDate: string;
  description: string;
  quantity: string;
  unitPrice: string;
}

/**
 * Time is billed by the hour only on time-and-materials work; on fixed-fee, milestone and retainer engagements the
 * fee covers it (billing those hours as well would bill the work twice).
 */
export function timeItems(approval: Approval<ApprovedTime>): ItemInput[] {
  if (approval.billingModel !== undefined && approval.billingModel !== 'TIME_AND_MATERIALS') return [];
  return approval.entries
    .filter((e) => e.billableClass === 'BILLABLE' && e.billableMinutes > 0 && e.billRate !== null)
    .map((e) => ({
      sourceType: 'TIME', sourceId: e.id, sourceVersion: e.version, projectId: approval.projectId, serviceDate: e.workDate,
      description: describeTimeItem(e.roleCode, e.workDate), quantity: hoursFromMinutes(e.billableMinutes).toFixed(4), unitPrice: e.billRate as string,
    }));
}

/** Billable expenses are re-billed at their bill amount, one unit each, whatever the engagement's billing model. */
export function expenseItems(approval: Approval<ApprovedExpense>): ItemInput[] {
  return approval.entries
    .filter((e) => e.billable && e.billAmount !== null && BigInt(e.billAmount.amountMinor) > 0n)
    .map((e) => {
      const amount = e.billAmount as MoneyPayload;
      return {
        sourceType: 'EXPENSE', sourceId: e.id, sourceVersion: e.version, projectId: approval.projectId, serviceDate: e.incurredOn,
        description: `${e.category.charAt(0)}${e.category.slice(1).toLowerCase().replace(/_/g, ' ')} expenses ${e.incurredOn.slice(0, 7)}`,
        quantity: '1', unitPrice: toDecimalString({ amountMinor: BigInt(amount.amountMinor), currency: amount.currency }),
      };
    });
}

const RECORD = `mutation($i: RecordBillableItemsInput!) { recordBillableItems(input: $i) { id recorded replayed superseded onHold itemIds } }`;

/** A saga that turns one approval event's entries into billable items, in one set-based call. */
function billApproved<E>(type: string, eventType: string, items: (a: Approval<E>) => ItemInput[]): SagaDefinition {
  return {
    type,
    trigger: {
      eventType,
      // One run per approval event: its entries (and their versions) are the business identity; billing keeps one item
      // per entry version whatever happens (natural key `{source}:{id}:{version}`).
      naturalKey: (e: DomainEvent) => `${type.toLowerCase()}:${e.eventId}`,
      subject: (e) => ({ typename: 'Project', id: String((e.payload as { projectId: string }).projectId) }),
      initialContext: (e) => {
        const approval = e.payload as unknown as Approval<E>;
        return { projectId: approval.projectId, legalEntityId: approval.legalEntityId, entries: approval.entries.length, items: items(approval) };
      },
      triggeredAt: (e) => e.occurredAt,
    },
    steps: [
      {
        name: 'record',
        applies: (values) => (values.items as ItemInput[]).length > 0,
        run: async (ctx) => {
          const v = valuesOf<{ items: ItemInput[] }>(ctx);
          const data = await call<{ recordBillableItems: { id: string; recorded: number; replayed: number; superseded: number; onHold: number } }>(
            ctx, 'billing', RECORD, { i: { items: v.items, idempotencyKey: ctx.key() } },
          );
          const batch = data.recordBillableItems;
          // The inputs are in the trigger event; the context keeps the outcome only.
          return { items: [], batchId: batch.id, recorded: batch.recorded, replayed: batch.replayed, superseded: batch.superseded, onHold: batch.onHold };
        },
      },
    ],
  };
}

/** Flow 2 (a): approved time becomes billable items (rate snapshot of the entry's assignment, kept on the item). */
export const billApprovedTimeSaga = billApproved<ApprovedTime>('BILL_TIME', 'TimeEntriesApproved', timeItems);

/** Flow 2 (a): approved billable expenses become billable items. */
export const billApprovedExpensesSaga = billApproved<ApprovedExpense>('BILL_EXPENSES', 'ExpenseEntriesApproved', expenseItems);

