-- billing system of record: tax codes, document number series, rate cards, billing schedules, billable items,
-- invoices, credit memos and their lines.

-- Reference data: tax rates applied to invoice lines, in percent at scale 4.
CREATE TABLE tax_codes (
  code text PRIMARY KEY,
  rate_pct numeric(9,4) NOT NULL CHECK (rate_pct >= 0 AND rate_pct < 100),
  description text NOT NULL
);
INSERT INTO tax_codes (code, rate_pct, description) VALUES
  ('NONE', 0.0000, 'No tax'),
  ('US-NY', 8.8750, 'New York State and City sales tax'),
  ('CA-HST-ON', 13.0000, 'Ontario harmonized sales tax'),
  ('CA-GST', 5.0000, 'Canadian goods and services tax'),
  ('UK-VAT', 20.0000, 'United Kingdom VAT, standard rate'),
  ('DE-VAT', 19.0000, 'German VAT (Umsatzsteuer), standard rate');

-- Gapless document numbering per legal entity and document type. The row is locked (SELECT … FOR UPDATE) by the
-- issuing transaction, so a rolled-back issue consumes no number. A missing row is created on first use with the
-- default prefix (INV- / CM-); the seed loader may set a legal entity's prefix beforehand.
CREATE TABLE number_series (
  legal_entity_id text NOT NULL,
  document_type text NOT NULL CHECK (document_type IN ('INVOICE', 'CREDIT_MEMO')),
  prefix text NOT NULL,
  next_value bigint NOT NULL CHECK (next_value >= 1),
  PRIMARY KEY (legal_entity_id, document_type)
);

-- Rate cards; the lines travel with the card (jsonb), since they only ever change as a whole (a revision is a new card).
CREATE TABLE rate_cards (
  id text PRIMARY KEY,
  version int NOT NULL,
  name text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('STANDARD', 'LEGAL_ENTITY', 'ACCOUNT', 'CONTRACT')),
  account_id text,
  contract_id text,
  legal_entity_id text,
  currency text NOT NULL,
  unit text NOT NULL CHECK (unit IN ('HOUR', 'DAY')),
  effective_from date NOT NULL,
  effective_to date,
  supersedes_id text REFERENCES rate_cards(id),
  lines jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK (
    (scope = 'STANDARD' AND account_id IS NULL AND contract_id IS NULL AND legal_entity_id IS NULL)
    OR (scope = 'ACCOUNT' AND account_id IS NOT NULL)
    OR (scope = 'CONTRACT' AND contract_id IS NOT NULL)
    OR (scope = 'LEGAL_ENTITY' AND legal_entity_id IS NOT NULL)
  )
);
CREATE INDEX rate_cards_account ON rate_cards (account_id);
CREATE INDEX rate_cards_contract ON rate_cards (contract_id);
CREATE INDEX rate_cards_scope_dates ON rate_cards (scope, effective_from);
-- A card is superseded at most once: revisions form a chain, never a tree.
CREATE UNIQUE INDEX rate_cards_supersedes ON rate_cards (supersedes_id) WHERE supersedes_id IS NOT NULL;

-- Billing schedules; planned fixed-amount lines are part of the schedule aggregate (jsonb, money as minor-unit text).
CREATE TABLE billing_schedules (
  id text PRIMARY KEY,
  version int NOT NULL,
  project_id text NOT NULL,
  account_id text NOT NULL,
  contract_id text,
  legal_entity_id text NOT NULL,
  type text NOT NULL,
  frequency text NOT NULL,
  in_arrears boolean NOT NULL,
  currency text NOT NULL,
  not_to_exceed_minor bigint,
  not_to_exceed_currency text,
  bill_for_actuals boolean NOT NULL,
  tax_code text NOT NULL REFERENCES tax_codes(code),
  payment_terms_days int NOT NULL CHECK (payment_terms_days BETWEEN 0 AND 365),
  status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'SUSPENDED', 'COMPLETED', 'CANCELLED')),
  rate_card_id text REFERENCES rate_cards(id),
  lines jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL
);
-- One live schedule per project: the index makes a concurrent second one fail with a unique violation (CONFLICT).
CREATE UNIQUE INDEX billing_schedules_live_project ON billing_schedules (project_id) WHERE status NOT IN ('COMPLETED', 'CANCELLED');
CREATE INDEX billing_schedules_project ON billing_schedules (project_id);
CREATE INDEX billing_schedules_account ON billing_schedules (account_id);

CREATE TABLE billable_items (
  id text PRIMARY KEY,
  version int NOT NULL,
  source_type text NOT NULL,
  source_id text NOT NULL,
  source_version int NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  project_id text NOT NULL,
  account_id text NOT NULL,
  legal_entity_id text NOT NULL,
  billing_schedule_id text NOT NULL REFERENCES billing_schedules(id),
  service_date date NOT NULL,
  description text NOT NULL,
  quantity numeric(18,4) NOT NULL,
  unit_price numeric(18,4) NOT NULL,
  amount_minor bigint NOT NULL,
  amount_currency text NOT NULL,
  standard_amount_minor bigint,
  standard_amount_currency text,
  status text NOT NULL CHECK (status IN ('PENDING', 'READY', 'ON_HOLD', 'INVOICED', 'WRITTEN_OFF', 'CANCELLED')),
  hold_reason text,
  write_off_reason text,
  invoice_id text,
  invoice_line_id text,
  ready_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (status <> 'INVOICED' OR invoice_id IS NOT NULL)
);
CREATE INDEX billable_items_project_status ON billable_items (project_id, status, service_date);
CREATE INDEX billable_items_account ON billable_items (account_id);
CREATE INDEX billable_items_invoice ON billable_items (invoice_id) WHERE invoice_id IS NOT NULL;

CREATE TABLE invoices (
  id text PRIMARY KEY,
  version int NOT NULL,
  number text,
  account_id text NOT NULL,
  bill_to_contact_id text,
  legal_entity_id text NOT NULL,
  billing_schedule_id text REFERENCES billing_schedules(id),
  project_ids jsonb NOT NULL,
  currency text NOT NULL,
  issue_date date,
  due_date date,
  payment_terms_days int NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'POSTED', 'VOID')),
  rounding_mode text NOT NULL,
  subtotal_minor bigint NOT NULL,
  subtotal_currency text NOT NULL,
  tax_total_minor bigint NOT NULL,
  tax_total_currency text NOT NULL,
  total_minor bigint NOT NULL,
  total_currency text NOT NULL,
  issued_at timestamptz,
  posted_at timestamptz,
  voided_at timestamptz,
  void_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (status = 'DRAFT' OR number IS NOT NULL),
  UNIQUE (legal_entity_id, number)
);
CREATE INDEX invoices_account ON invoices (account_id, status);
-- "Invoices with a line for these projects" is `project_ids ?| $1` / `project_ids @> '["prj_…"]'`, served by this index.
CREATE INDEX invoices_project_ids ON invoices USING gin (project_ids);

CREATE TABLE credit_memos (
  id text PRIMARY KEY,
  version int NOT NULL,
  number text,
  invoice_id text NOT NULL REFERENCES invoices(id),
  legal_entity_id text NOT NULL,
  reason text NOT NULL,
  subtotal_minor bigint NOT NULL,
  subtotal_currency text NOT NULL,
  tax_total_minor bigint NOT NULL,
  tax_total_currency text NOT NULL,
  total_minor bigint NOT NULL,
  total_currency text NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'ISSUED', 'POSTED', 'APPLIED', 'VOID')),
  releases_billable_items boolean NOT NULL,
  issued_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (legal_entity_id, number)
);
CREATE INDEX credit_memos_invoice ON credit_memos (invoice_id);

-- Lines of invoices and of credit memos (document_id is the invoice or the credit memo; credits_line_id links a
-- credit memo line to the invoice line it credits).
CREATE TABLE invoice_lines (
  id text PRIMARY KEY,
  document_id text NOT NULL,
  line_no int NOT NULL,
  description text NOT NULL,
  project_id text NOT NULL,
  billable_item_ids jsonb NOT NULL,
  quantity numeric(18,4) NOT NULL,
  unit_price numeric(18,4) NOT NULL,
  net_amount_minor bigint NOT NULL,
  net_amount_currency text NOT NULL,
  tax_code text NOT NULL,
  tax_rate_pct numeric(9,4) NOT NULL,
  tax_amount_minor bigint NOT NULL,
  tax_amount_currency text NOT NULL,
  credits_line_id text REFERENCES invoice_lines(id),
  UNIQUE (document_id, line_no)
);
CREATE INDEX invoice_lines_project ON invoice_lines (project_id);
CREATE INDEX invoice_lines_credits ON invoice_lines (credits_line_id) WHERE credits_line_id IS NOT NULL;
