-- crm system of record: accounts, contacts, opportunities with stage history, contracts and amendments.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  version int NOT NULL,
  name text NOT NULL,
  legal_name text,
  type text NOT NULL,
  industry text,
  parent_account_id text REFERENCES accounts(id),
  billing_address jsonb,
  default_currency text,
  owner_user_id text NOT NULL,
  external_refs jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX accounts_owner ON accounts (owner_user_id);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  version int NOT NULL,
  account_id text NOT NULL REFERENCES accounts(id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text,
  phone text,
  title text,
  roles jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL
);
CREATE INDEX contacts_account ON contacts (account_id);

-- Configurable sales stages (Salesforce OpportunityStage analogue). Code keys off is_closed / is_won.
CREATE TABLE opportunity_stages (
  code text PRIMARY KEY,
  label text NOT NULL,
  sort_order int NOT NULL,
  is_closed boolean NOT NULL,
  is_won boolean NOT NULL,
  default_probability int NOT NULL,
  forecast_category text NOT NULL,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO opportunity_stages (code, label, sort_order, is_closed, is_won, default_probability, forecast_category) VALUES
  ('PROSPECTING', 'Prospecting', 1, false, false, 10, 'PIPELINE'),
  ('QUALIFICATION', 'Qualification', 2, false, false, 10, 'PIPELINE'),
  ('NEEDS_ANALYSIS', 'Needs Analysis', 3, false, false, 20, 'PIPELINE'),
  ('VALUE_PROPOSITION', 'Value Proposition', 4, false, false, 50, 'PIPELINE'),
  ('DECISION_MAKERS', 'Id. Decision Makers', 5, false, false, 60, 'PIPELINE'),
  ('PERCEPTION_ANALYSIS', 'Perception Analysis', 6, false, false, 70, 'BEST_CASE'),
  ('PROPOSAL', 'Proposal/Price Quote', 7, false, false, 75, 'BEST_CASE'),
  ('NEGOTIATION', 'Negotiation/Review', 8, false, false, 90, 'COMMIT'),
  ('CLOSED_WON', 'Closed Won', 9, true, true, 100, 'CLOSED'),
  ('CLOSED_LOST', 'Closed Lost', 10, true, false, 0, 'OMITTED');

CREATE TABLE contracts (
  id text PRIMARY KEY,
  version int NOT NULL,
  account_id text NOT NULL REFERENCES accounts(id),
  opportunity_id text,
  kind text NOT NULL,
  parent_contract_id text REFERENCES contracts(id),
  status text NOT NULL,
  legal_entity_id text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  currency text NOT NULL,
  billing_model text NOT NULL,
  not_to_exceed_minor bigint,
  not_to_exceed_currency text,
  payment_terms_days int NOT NULL,
  original_value_minor bigint NOT NULL,
  original_value_currency text NOT NULL,
  total_contract_value_minor bigint NOT NULL,
  total_contract_value_currency text NOT NULL,
  signed_at timestamptz,
  activated_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX contracts_account ON contracts (account_id);
CREATE INDEX contracts_opportunity ON contracts (opportunity_id);

CREATE TABLE opportunities (
  id text PRIMARY KEY,
  version int NOT NULL,
  account_id text NOT NULL REFERENCES accounts(id),
  name text NOT NULL,
  stage_code text NOT NULL REFERENCES opportunity_stages(code),
  probability int NOT NULL,
  forecast_category text NOT NULL,
  amount_minor bigint NOT NULL,
  amount_currency text NOT NULL,
  expected_close_date date NOT NULL,
  closed_at timestamptz,
  closed_won_at timestamptz,
  loss_reason text,
  pricing_model text NOT NULL,
  legal_entity_id text NOT NULL,
  expected_start_date date,
  contract_id text REFERENCES contracts(id),
  owner_user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX opportunities_account ON opportunities (account_id);
CREATE INDEX opportunities_stage ON opportunities (stage_code);

CREATE TABLE opportunity_stage_history (
  id text PRIMARY KEY,
  opportunity_id text NOT NULL REFERENCES opportunities(id),
  from_stage_code text,
  to_stage_code text NOT NULL,
  amount_minor bigint NOT NULL,
  amount_currency text NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by text NOT NULL
);
CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history (opportunity_id, changed_at);

CREATE TABLE contract_amendments (
  id text PRIMARY KEY,
  version int NOT NULL,
  contract_id text NOT NULL REFERENCES contracts(id),
  sequence int NOT NULL,
  status text NOT NULL,
  effective_date date NOT NULL,
  value_delta_minor bigint NOT NULL,
  value_delta_currency text NOT NULL,
  rate_changes jsonb NOT NULL DEFAULT '[]',
  description text NOT NULL,
  change_request_id text,
  executed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (contract_id, sequence)
);
