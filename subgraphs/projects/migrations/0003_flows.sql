-- Cross-system flows (opportunity won → project, contract amendment → re-rating): resource requests created from a
-- project template, the record of applied rate changes, and "one LIVE project per opportunity".

-- Demand for a role on a project, waiting to be staffed (domain model §3.4, §4.6). Scoped like its project.
CREATE TABLE resource_requests (
  id text PRIMARY KEY,
  version int NOT NULL,
  project_id text NOT NULL REFERENCES projects(id),
  legal_entity_id text NOT NULL,
  role_code text NOT NULL,
  level text,
  minutes int NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (minutes >= 0),
  CHECK (end_date >= start_date)
);
CREATE INDEX resource_requests_project ON resource_requests (project_id, status);
CREATE INDEX resource_requests_legal_entity ON resource_requests (legal_entity_id);

-- Rate changes applied to a project (contract amendments). The amendment is the natural key: applying it twice must
-- not add its budget delta twice.
CREATE TABLE project_rate_changes (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id),
  legal_entity_id text NOT NULL,
  contract_amendment_id text,
  effective_date date NOT NULL,
  rate_changes jsonb NOT NULL,
  budget_revenue_delta_minor bigint,
  budget_revenue_delta_currency text,
  re_rated_entries int NOT NULL,
  applied_at timestamptz NOT NULL,
  applied_by text NOT NULL
);
CREATE UNIQUE INDEX project_rate_changes_amendment ON project_rate_changes (project_id, contract_amendment_id) WHERE contract_amendment_id IS NOT NULL;

-- One live project per won opportunity: a cancelled project (the setup was compensated, e.g. the opportunity was
-- reopened) no longer holds the opportunity, so winning it again sets up a new project.
DROP INDEX projects_opportunity;
CREATE UNIQUE INDEX projects_opportunity_live ON projects (opportunity_id) WHERE opportunity_id IS NOT NULL AND status <> 'CANCELLED';
CREATE INDEX projects_opportunity ON projects (opportunity_id) WHERE opportunity_id IS NOT NULL;

-- Re-rating reads a project's approved time from a date on.
CREATE INDEX time_entries_project_work_date ON time_entries (project_id, work_date) WHERE status = 'APPROVED';
