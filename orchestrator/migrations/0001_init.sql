-- The process layer's own state: consumed events, flow runs and their steps, exceptions, and the entities runs created.

-- Events already consumed (at-least-once delivery: duplicates are dropped here).
CREATE TABLE inbox (
  event_id text PRIMARY KEY,
  type text NOT NULL,
  source text NOT NULL,
  correlation_id text NOT NULL,
  received_at timestamptz NOT NULL
);

-- Latest version seen per entity, so a stale (out-of-order) event changes nothing.
CREATE TABLE entity_versions (
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  version int NOT NULL,
  PRIMARY KEY (entity_type, entity_id)
);

-- A run is one saga execution. Its correlation id is the flow's: a win and the flows its records trigger (time
-- approvals, billing, postings) share it, so the audit trail of one correlation id spans all of them.
CREATE TABLE saga_runs (
  id text PRIMARY KEY,
  correlation_id text NOT NULL,
  saga_type text NOT NULL,
  natural_key text NOT NULL UNIQUE,
  status text NOT NULL,
  generation int NOT NULL,
  context jsonb NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  trigger_event_id text,
  triggered_at timestamptz NOT NULL,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  completed_at timestamptz,
  version int NOT NULL
);
CREATE INDEX saga_runs_status ON saga_runs (status, saga_type);
CREATE INDEX saga_runs_correlation ON saga_runs (correlation_id, started_at);
CREATE INDEX saga_runs_subject ON saga_runs (subject_type, subject_id);

CREATE TABLE saga_steps (
  run_id text NOT NULL REFERENCES saga_runs(id),
  name text NOT NULL,
  seq int NOT NULL,
  status text NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  lease_token text,
  last_error text,
  result jsonb,
  started_at timestamptz,
  finished_at timestamptz,
  compensated_at timestamptz,
  PRIMARY KEY (run_id, name)
);

CREATE TABLE saga_exceptions (
  id text PRIMARY KEY,
  run_id text NOT NULL REFERENCES saga_runs(id),
  correlation_id text NOT NULL,
  saga_type text NOT NULL,
  step text NOT NULL,
  code text NOT NULL,
  cause text NOT NULL,
  payload jsonb NOT NULL,
  attempts int NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by text,
  resolution text
);
CREATE INDEX saga_exceptions_status ON saga_exceptions (status, created_at);
CREATE INDEX saga_exceptions_run ON saga_exceptions (run_id);

-- Entities a run created or touched in the systems of record (Project.setupRun, and the invariant checks).
CREATE TABLE run_links (
  run_id text NOT NULL REFERENCES saga_runs(id),
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  PRIMARY KEY (run_id, entity_type, entity_id)
);
CREATE INDEX run_links_entity ON run_links (entity_type, entity_id);

-- Business alerts raised by the process layer (margin threshold breaches), deduplicated per episode.
CREATE TABLE alerts (
  id text PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  kind text NOT NULL,
  project_id text NOT NULL,
  legal_entity_id text,
  details jsonb NOT NULL,
  raised_at timestamptz NOT NULL,
  correlation_id text NOT NULL
);
