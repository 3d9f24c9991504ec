import type { IntegritySpec } from '../../../platform/integrity/report.js';

/**
 * What finance offers the invariant check: customer keys, the invoices it holds a receivable and an invoice journal
 * for, and its own rules: every journal entry balances to the minor unit, line by line and against its totals.
 */
export const FINANCE_INTEGRITY: IntegritySpec = {
  checks: [
    {
      name: 'journalsBalanced',
      description: 'every journal entry\'s lines balance (Σ debit = Σ credit to the minor unit) and match its totals',
      sql: `SELECT e.id AS key FROM journal_entries e LEFT JOIN (SELECT journal_entry_id, sum(debit_minor) AS d, sum(credit_minor) AS c FROM journal_lines GROUP BY journal_entry_id) l ON l.journal_entry_id = e.id
        WHERE l.journal_entry_id IS NULL OR l.d <> l.c OR l.d <> e.total_debit_minor OR l.c <> e.total_credit_minor`,
    },
  ],
  sets: {
    customerKeys: `SELECT crm_account_id || ':' || legal_entity_id AS key FROM customer_financials`,
    receivableInvoices: `SELECT invoice_id AS key FROM receivables WHERE document_type = 'INVOICE'`,
    invoiceJournals: `SELECT source_id AS key FROM journal_entries WHERE source_type = 'INVOICE'`,
  },
};
