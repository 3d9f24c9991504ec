-- finance system of record (ERP): legal entities, exchange rates, customer financials, receivables and their
-- applications, payments, the general ledger (journal entries and lines) and revenue schedules.
-- Amounts are integer minor units (`*_minor` bigint) with their currency (`*_currency`); rates are numeric scale 10.

CREATE TABLE legal_entities (
  id text PRIMARY KEY,
  name text NOT NULL,
  country text NOT NULL,
  functional_currency text NOT NULL,
  tax_id text,
  fiscal_year_start_month int NOT NULL CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
  invoice_number_prefix text NOT NULL
);

-- `from` and `to` are reserved words, hence from_currency / to_currency.
CREATE TABLE exchange_rates (
  id text PRIMARY KEY,
  from_currency text NOT NULL,
  to_currency text NOT NULL,
  rate_date date NOT NULL,
  rate_type text NOT NULL,
  rate numeric(30, 10) NOT NULL CHECK (rate > 0),
  source text NOT NULL,
  CHECK (from_currency <> to_currency)
);
-- Uniqueness and the "latest rate on or before a date" lookup in one index.
CREATE UNIQUE INDEX exchange_rates_pair_type_date ON exchange_rates (from_currency, to_currency, rate_type, rate_date);

-- Per legal entity sequences (journal numbers, customer numbers); the row lock serialises concurrent numbering.
CREATE TABLE ledger_counters (
  legal_entity_id text NOT NULL,
  kind text NOT NULL,
  last_value bigint NOT NULL,
  PRIMARY KEY (legal_entity_id, kind)
);

CREATE TABLE customer_financials (
  id text PRIMARY KEY,
  version int NOT NULL,
  crm_account_id text NOT NULL,
  legal_entity_id text NOT NULL REFERENCES legal_entities(id),
  customer_number text NOT NULL,
  currency text NOT NULL,
  payment_terms_days int NOT NULL,
  credit_limit_minor bigint,
  credit_limit_currency text,
  tax_id text,
  status text NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (crm_account_id, legal_entity_id),
  UNIQUE (legal_entity_id, customer_number)
);

CREATE TABLE journal_entries (
  id text PRIMARY KEY,
  legal_entity_id text NOT NULL REFERENCES legal_entities(id),
  number text NOT NULL,
  posting_date date NOT NULL,
  period text NOT NULL,
  source_type text NOT NULL,
  source_id text NOT NULL,
  status text NOT NULL,
  reversal_of_id text REFERENCES journal_entries(id),
  description text NOT NULL,
  currency text NOT NULL,
  source_digest text,
  total_debit_minor bigint NOT NULL,
  total_debit_currency text NOT NULL,
  total_credit_minor bigint NOT NULL,
  total_credit_currency text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (legal_entity_id, number),
  -- Every entry balances to the minor unit.
  CHECK (total_debit_minor = total_credit_minor AND total_debit_currency = currency AND total_credit_currency = currency)
);
CREATE INDEX journal_entries_source ON journal_entries (source_id, source_type);
CREATE INDEX journal_entries_period ON journal_entries (legal_entity_id, period);
-- An entry is reversed at most once.
CREATE UNIQUE INDEX journal_entries_reversal_of ON journal_entries (reversal_of_id) WHERE reversal_of_id IS NOT NULL;

CREATE TABLE journal_lines (
  id text PRIMARY KEY,
  journal_entry_id text NOT NULL REFERENCES journal_entries(id),
  line_no int NOT NULL,
  account_code text NOT NULL,
  debit_minor bigint NOT NULL,
  debit_currency text NOT NULL,
  credit_minor bigint NOT NULL,
  credit_currency text NOT NULL,
  transaction_amount_minor bigint,
  transaction_amount_currency text,
  project_id text,
  customer_financial_id text,
  memo text,
  UNIQUE (journal_entry_id, line_no),
  -- Exactly one side carries a positive amount.
  CHECK (debit_minor >= 0 AND credit_minor >= 0 AND (debit_minor = 0) <> (credit_minor = 0))
);
-- Recognized revenue per project reads revenue lines by project.
CREATE INDEX journal_lines_project_account ON journal_lines (project_id, account_code) WHERE project_id IS NOT NULL;

CREATE TABLE receivables (
  id text PRIMARY KEY,
  version int NOT NULL,
  document_type text NOT NULL,
  invoice_id text NOT NULL,
  invoice_number text NOT NULL,
  customer_financial_id text NOT NULL REFERENCES customer_financials(id),
  legal_entity_id text NOT NULL REFERENCES legal_entities(id),
  project_ids jsonb NOT NULL DEFAULT '[]',
  currency text NOT NULL,
  original_amount_minor bigint NOT NULL,
  original_amount_currency text NOT NULL,
  open_amount_minor bigint NOT NULL,
  open_amount_currency text NOT NULL,
  functional_original_minor bigint NOT NULL,
  functional_original_currency text NOT NULL,
  functional_open_minor bigint NOT NULL,
  functional_open_currency text NOT NULL,
  fx_rate numeric(30, 10) NOT NULL,
  document_date date NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL,
  closed_at timestamptz,
  journal_entry_id text NOT NULL REFERENCES journal_entries(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (open_amount_minor >= 0 AND open_amount_minor <= original_amount_minor AND functional_open_minor >= 0)
);
-- One receivable per invoice: the idempotency key of posting.
CREATE UNIQUE INDEX receivables_invoice ON receivables (invoice_id);
CREATE INDEX receivables_customer ON receivables (customer_financial_id, due_date);
CREATE INDEX receivables_status_due ON receivables (status, due_date);
CREATE INDEX receivables_projects ON receivables USING gin (project_ids);

CREATE TABLE payments (
  id text PRIMARY KEY,
  version int NOT NULL,
  customer_financial_id text NOT NULL REFERENCES customer_financials(id),
  legal_entity_id text NOT NULL REFERENCES legal_entities(id),
  received_date date NOT NULL,
  amount_minor bigint NOT NULL,
  amount_currency text NOT NULL,
  functional_amount_minor bigint NOT NULL,
  functional_amount_currency text NOT NULL,
  fx_rate numeric(30, 10) NOT NULL,
  method text NOT NULL,
  bank_reference text,
  status text NOT NULL,
  unapplied_amount_minor bigint NOT NULL,
  unapplied_amount_currency text NOT NULL,
  journal_entry_id text REFERENCES journal_entries(id),
  reversed_at timestamptz,
  reversal_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (amount_minor > 0 AND unapplied_amount_minor >= 0 AND unapplied_amount_minor <= amount_minor)
);
CREATE INDEX payments_customer ON payments (customer_financial_id);
CREATE UNIQUE INDEX payments_bank_reference ON payments (legal_entity_id, bank_reference) WHERE bank_reference IS NOT NULL;

CREATE TABLE receivable_applications (
  id text PRIMARY KEY,
  receivable_id text NOT NULL REFERENCES receivables(id),
  kind text NOT NULL,
  source_id text NOT NULL,
  applied_amount_minor bigint NOT NULL,
  applied_amount_currency text NOT NULL,
  functional_applied_minor bigint NOT NULL,
  functional_applied_currency text NOT NULL,
  applied_on date NOT NULL,
  fx_gain_loss_minor bigint,
  fx_gain_loss_currency text,
  reversed_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (applied_amount_minor > 0)
);
CREATE INDEX receivable_applications_receivable ON receivable_applications (receivable_id);
CREATE INDEX receivable_applications_source ON receivable_applications (source_id);
-- A credit memo is posted once; a payment applies to a receivable at most once.
CREATE UNIQUE INDEX receivable_applications_credit_memo ON receivable_applications (source_id) WHERE kind = 'CREDIT_MEMO';
CREATE UNIQUE INDEX receivable_applications_payment ON receivable_applications (source_id, receivable_id) WHERE kind = 'PAYMENT';

CREATE TABLE revenue_schedules (
  id text PRIMARY KEY,
  version int NOT NULL,
  contract_id text,
  project_id text NOT NULL,
  legal_entity_id text NOT NULL REFERENCES legal_entities(id),
  performance_obligation text NOT NULL,
  method text NOT NULL,
  allocated_amount_minor bigint NOT NULL,
  allocated_amount_currency text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX revenue_schedules_project ON revenue_schedules (project_id);
-- At most one live schedule per project.
CREATE UNIQUE INDEX revenue_schedules_one_live ON revenue_schedules (project_id) WHERE status IN ('DRAFT', 'ACTIVE');

CREATE TABLE revenue_schedule_lines (
  id text PRIMARY KEY,
  revenue_schedule_id text NOT NULL REFERENCES revenue_schedules(id),
  period text NOT NULL,
  planned_amount_minor bigint NOT NULL,
  planned_amount_currency text NOT NULL,
  recognized_amount_minor bigint NOT NULL,
  recognized_amount_currency text NOT NULL,
  status text NOT NULL,
  milestone_id text,
  journal_entry_id text REFERENCES journal_entries(id)
);
-- One line per period, or per milestone and period.
CREATE UNIQUE INDEX revenue_schedule_lines_period ON revenue_schedule_lines (revenue_schedule_id, period, COALESCE(milestone_id, ''));
