import type { IntegritySpec } from '../../../platform/integrity/report.js';

/**
 * What projects offers the invariant check: live projects per opportunity, the projects that bill, and the approved
 * entries that must each have exactly one live billable item (time is billed by the hour on time-and-materials work
 * only; the fee covers it elsewhere).
 */
export const PROJECTS_INTEGRITY: IntegritySpec = {
  checks: [
    {
      name: 'billedEntriesApproved',
      description: 'every BILLED time entry was approved (has an approval time)',
      sql: `SELECT id AS key FROM time_entries WHERE status = 'BILLED' AND approved_at IS NULL`,
    },
  ],
  sets: {
    opportunitiesWithLiveProject: `SELECT opportunity_id AS key FROM projects WHERE opportunity_id IS NOT NULL AND status <> 'CANCELLED'`,
    billingProjects: `SELECT id AS key FROM projects WHERE status IN ('ACTIVE', 'ON_HOLD') AND billing_model <> 'NON_BILLABLE'`,
    // Billing goes on after delivery completes (the final invoices), so a completed project may keep a live schedule.
    schedulableProjects: `SELECT id AS key FROM projects WHERE status IN ('ACTIVE', 'ON_HOLD', 'COMPLETED') AND billing_model <> 'NON_BILLABLE'`,
    billableTimeEntries: `SELECT t.id AS key FROM time_entries t JOIN projects p ON p.id = t.project_id
      WHERE t.status IN ('APPROVED', 'BILLED') AND t.billable_class = 'BILLABLE' AND t.billable_minutes > 0 AND p.billing_model = 'TIME_AND_MATERIALS'`,
    billableExpenseEntries: `SELECT id AS key FROM expense_entries WHERE status IN ('APPROVED', 'BILLED') AND billable AND bill_amount_minor > 0`,
  },
};
