import type { IntegritySpec } from '../../../platform/integrity/report.js';

/**
 * What billing offers the invariant check: live schedules per project, the sources of live billable items (one per
 * approved entry), the invoices that reached the ledger (one receivable and one journal each), and its own rules:
 * invoiced items sit on issued or posted invoices.
 */
export const BILLING_INTEGRITY: IntegritySpec = {
  checks: [
    {
      name: 'invoicedItemsOnLiveInvoices',
      description: 'every INVOICED billable item is on an ISSUED or POSTED invoice',
      sql: `SELECT i.id AS key FROM billable_items i LEFT JOIN invoices v ON v.id = i.invoice_id WHERE i.status = 'INVOICED' AND (v.id IS NULL OR v.status NOT IN ('ISSUED', 'POSTED'))`,
    },
  ],
  sets: {
    liveScheduleProjects: `SELECT project_id AS key FROM billing_schedules WHERE status NOT IN ('COMPLETED', 'CANCELLED')`,
    timeItemSources: `SELECT source_id AS key FROM billable_items WHERE source_type = 'TIME' AND status <> 'CANCELLED'`,
    expenseItemSources: `SELECT source_id AS key FROM billable_items WHERE source_type = 'EXPENSE' AND status <> 'CANCELLED'`,
    ledgerInvoices: `SELECT id AS key FROM invoices WHERE status = 'POSTED' OR (status = 'VOID' AND posted_at IS NOT NULL)`,
  },
};
