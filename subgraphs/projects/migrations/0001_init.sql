-- projects (PSA) system of record: projects with their WBS and milestones, resources, assignments, and the time and
-- expense entries that feed billing. Rates are numeric with the scale the domain stores them at, so values read back
-- exactly as they were written ("150.0000", "25.00"); amounts are bigint minor units plus a currency column.

-- Gapless counters for generated codes (PRJ-000042). A row lock on the counter serialises concurrent creations.
CREATE TABLE code_counters (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO code_counters (name, value) VALUES ('project', 0);

CREATE TABLE resources (
  id text PRIMARY KEY,
  version int NOT NULL,
  employee_number text NOT NULL,
  display_name text NOT NULL,
  role_code text NOT NULL,
  level text,
  region text,
  practice text,
  legal_entity_id text NOT NULL,
  employment_type text NOT NULL,
  weekly_capacity_minutes int NOT NULL,
  utilization_target_pct numeric(5, 2),
  cost_rates jsonb NOT NULL,
  active boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX resources_employee_number ON resources (employee_number);
CREATE INDEX resources_legal_entity ON resources (legal_entity_id);
CREATE INDEX resources_role ON resources (role_code);

CREATE TABLE projects (
  id text PRIMARY KEY,
  version int NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  account_id text NOT NULL,
  opportunity_id text,
  contract_id text,
  legal_entity_id text NOT NULL,
  billing_model text NOT NULL,
  status text NOT NULL,
  health text NOT NULL,
  currency text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  budget_minutes int,
  budget_revenue_minor bigint,
  budget_revenue_currency text,
  budget_cost_minor bigint,
  budget_cost_currency text,
  margin_threshold_pct numeric(5, 2),
  -- A resource id; not a foreign key so that reference data can be bulk-loaded in any order.
  project_manager_id text NOT NULL,
  activated_at timestamptz,
  completed_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX projects_code ON projects (code);
-- One project per won opportunity: the natural key of the "opportunity won → project" flow.
CREATE UNIQUE INDEX projects_opportunity ON projects (opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX projects_account ON projects (account_id, created_at);
CREATE INDEX projects_contract ON projects (contract_id) WHERE contract_id IS NOT NULL;
CREATE INDEX projects_legal_entity ON projects (legal_entity_id);
CREATE INDEX projects_status ON projects (status);
CREATE INDEX projects_start_date ON projects (start_date);

CREATE TABLE milestones (
  id text PRIMARY KEY,
  version int NOT NULL,
  project_id text NOT NULL REFERENCES projects(id),
  name text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL,
  billing_amount_minor bigint,
  billing_amount_currency text,
  revenue_weight_pct numeric(5, 2),
  completed_at timestamptz,
  accepted_at timestamptz,
  accepted_by_contact_id text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX milestones_project ON milestones (project_id, due_date);
CREATE INDEX milestones_status ON milestones (status);
CREATE INDEX milestones_due_date ON milestones (due_date);

CREATE TABLE tasks (
  id text PRIMARY KEY,
  version int NOT NULL,
  project_id text NOT NULL REFERENCES projects(id),
  parent_task_id text REFERENCES tasks(id),
  wbs_code text NOT NULL,
  name text NOT NULL,
  status text NOT NULL,
  planned_minutes int,
  planned_start date,
  planned_end date,
  is_billable boolean NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (project_id, wbs_code)
);
CREATE INDEX tasks_parent ON tasks (parent_task_id) WHERE parent_task_id IS NOT NULL;

CREATE TABLE assignments (
  id text PRIMARY KEY,
  version int NOT NULL,
  project_id text NOT NULL REFERENCES projects(id),
  resource_id text NOT NULL REFERENCES resources(id),
  role_code text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  scheduled_minutes int NOT NULL,
  bill_rate numeric(19, 4) NOT NULL,
  cost_rate numeric(19, 4) NOT NULL,
  is_billable boolean NOT NULL,
  status text NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX assignments_project ON assignments (project_id);
CREATE INDEX assignments_resource ON assignments (resource_id);
CREATE INDEX assignments_status ON assignments (status);

CREATE TABLE time_entries (
  id text PRIMARY KEY,
  version int NOT NULL,
  resource_id text NOT NULL REFERENCES resources(id),
  project_id text NOT NULL REFERENCES projects(id),
  task_id text REFERENCES tasks(id),
  assignment_id text NOT NULL REFERENCES assignments(id),
  work_date date NOT NULL,
  minutes int NOT NULL,
  billable_minutes int NOT NULL,
  billable_class text NOT NULL,
  notes text,
  status text NOT NULL,
  submitted_at timestamptz,
  approved_at timestamptz,
  approved_by text,
  rejected_reason text,
  bill_rate_snapshot numeric(19, 4),
  cost_rate_snapshot numeric(19, 4),
  bill_amount_minor bigint,
  bill_amount_currency text,
  cost_amount_minor bigint,
  cost_amount_currency text,
  updated_at timestamptz NOT NULL,
  CHECK (minutes BETWEEN 1 AND 1440),
  CHECK (billable_minutes BETWEEN 0 AND minutes)
);
-- Roll-ups read approved and billed time per project; the daily cap reads a resource's day.
CREATE INDEX time_entries_project ON time_entries (project_id, status);
CREATE INDEX time_entries_resource_day ON time_entries (resource_id, work_date);
CREATE INDEX time_entries_assignment ON time_entries (assignment_id, status);
CREATE INDEX time_entries_task ON time_entries (task_id) WHERE task_id IS NOT NULL;
CREATE INDEX time_entries_status ON time_entries (status);
CREATE INDEX time_entries_work_date ON time_entries (work_date);

CREATE TABLE expense_entries (
  id text PRIMARY KEY,
  version int NOT NULL,
  resource_id text NOT NULL REFERENCES resources(id),
  project_id text NOT NULL REFERENCES projects(id),
  incurred_on date NOT NULL,
  category text NOT NULL,
  amount_minor bigint NOT NULL,
  amount_currency text NOT NULL,
  -- Unconstrained numeric keeps the rate exactly as entered ("1" for same-currency expenses).
  fx_rate_to_project numeric NOT NULL,
  project_amount_minor bigint NOT NULL,
  project_amount_currency text NOT NULL,
  reimbursable boolean NOT NULL,
  billable boolean NOT NULL,
  markup_pct numeric(5, 2),
  bill_amount_minor bigint,
  bill_amount_currency text,
  receipt_ref text,
  status text NOT NULL,
  submitted_at timestamptz,
  approved_at timestamptz,
  approved_by text,
  rejected_reason text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX expense_entries_project ON expense_entries (project_id, status);
CREATE INDEX expense_entries_resource ON expense_entries (resource_id);
CREATE INDEX expense_entries_status ON expense_entries (status);
CREATE INDEX expense_entries_incurred_on ON expense_entries (incurred_on);
